import { describe, expect, it } from "vitest";
import { featureSchema } from "../../src/blueprint/feature-schema.js";
import { describeIssues } from "../../src/blueprint/load-feature.js";
import { groupOptions } from "../../src/blueprint/option-groups.js";
import { resolveOptions } from "../../src/blueprint/resolve-options.js";

const options = {
  driver: { type: "enum", values: ["pglite", "postgres"], default: "pglite", description: "d" },
  search: { type: "boolean", default: false, description: "d" },
  limit: { type: "number", default: 0, min: 0, integer: true, description: "d" },
  titles: { type: "enum", values: ["first", "ai"], default: "first", description: "d" },
  parts: { type: "list", values: ["api", "ui"], default: ["api", "ui"], description: "d" },
};
const questions = {
  first: ["driver"],
  checklist: {
    message: "Which features?",
    groups: [
      { title: "Find", items: [{ option: "search", label: "Search" }] },
      { title: "Limits", items: [{ option: "limit", label: "Daily limit", off: 0, on: 50 }, { option: "titles", label: "AI titles", off: "first", on: "ai" }] },
    ],
  },
};
const feature = featureSchema.parse({
  name: "x",
  version: "1.0.0",
  description: "d",
  options,
  questions,
  presets: { none: { description: "nothing on", options: {} }, all: { description: "all on", options: { search: true, limit: 10, titles: "ai" } } },
});

function problems(input: Record<string, unknown>): string[] {
  const result = featureSchema.safeParse({ name: "x", version: "1.0.0", description: "d", options, ...input });
  return result.success ? [] : describeIssues(result.error.issues, "feature.json");
}

describe("questions and presets in feature.json", () => {
  it("report every name that is no option, every item asked twice and every value its option refuses", () => {
    expect(
      problems({
        questions: {
          first: ["driver", "colour"],
          checklist: {
            message: "m",
            groups: [
              { title: "A", items: [{ option: "search", label: "s", off: false, on: true }, { option: "driver", label: "again" }] },
              { title: "B", items: [{ option: "limit", label: "l", off: 0 }, { option: "titles", label: "t", off: "first", on: "gpt" }, { option: "parts", label: "p" }] },
            ],
          },
        },
        presets: { all: { description: "d", options: { search: "yes", colour: 1 } } },
      }),
    ).toEqual([
      "feature.json: questions.first.1: names no option (known: driver, search, limit, titles, parts)",
      "feature.json: questions.checklist.groups.0.items.0: a boolean option is on when checked; off and on are for other types",
      "feature.json: questions.checklist.groups.0.items.1.option: driver is asked more than once",
      "feature.json: questions.checklist.groups.0.items.1: an enum option needs off (unchecked) and on (suggested when checked)",
      "feature.json: questions.checklist.groups.1.items.0: a number option needs off (unchecked) and on (suggested when checked)",
      'feature.json: questions.checklist.groups.1.items.1.on: expected one of "first", "ai", got "gpt"',
      "feature.json: questions.checklist.groups.1.items.2: a list option cannot be a checklist item",
      "feature.json: presets.all.options.search: expected true or false",
      "feature.json: presets.all.options.colour: names no option (known: driver, search, limit, titles, parts)",
    ]);
  });

  it("group the options as a terminal asks them, the rest last", () => {
    expect(groupOptions(feature)).toEqual([
      { title: "Asked first", options: ["driver"] },
      { title: "Find", options: ["search"] },
      { title: "Limits", options: ["limit", "titles"] },
      { title: "Other options", options: ["parts"] },
    ]);
    const plain = featureSchema.parse({ name: "x", version: "1.0.0", description: "d", options });
    expect(groupOptions(plain)).toEqual([{ title: null, options: Object.keys(options) }]);
  });
});

describe("presets", () => {
  it("fix the features they name and turn the other checklist features off; --set wins; the rest is still asked", async () => {
    let asked: string[] = [];
    const ask = async (_: unknown, __: unknown, fixed: ReadonlySet<string>) => {
      asked = Object.keys(options).filter((name) => !fixed.has(name));
      return {};
    };
    const previous = { search: true, limit: 5, titles: "ai" };
    expect(await resolveOptions(feature, { sets: ["limit=7"], preset: "all", ask })).toMatchObject({ search: true, limit: 7, titles: "ai" });
    expect(asked).toEqual(["driver", "parts"]);
    expect(await resolveOptions(feature, { sets: [], preset: "none", previous })).toMatchObject({ search: false, limit: 0, titles: "first" });
  });

  it("name the presets there are when the one asked for is not one", async () => {
    await expect(resolveOptions(feature, { sets: [], preset: "most" })).rejects.toMatchObject({
      code: "OPTION_UNKNOWN",
      message: 'x has no preset "most".',
      hint: "Choose one of: none, all (see `scaffold list`).",
    });
  });
});
