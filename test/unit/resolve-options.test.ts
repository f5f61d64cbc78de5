import { describe, expect, it } from "vitest";
import { featureSchema } from "../../src/blueprint/feature-schema.js";
import { resolveOptions } from "../../src/blueprint/resolve-options.js";

const feature = featureSchema.parse({
  name: "x",
  version: "1.0.0",
  description: "d",
  options: {
    driver: { type: "enum", values: ["pglite", "postgres"], default: "pglite", description: "d" },
    search: { type: "boolean", default: false, description: "d" },
    rateLimit: { type: "number", default: 50, min: 1, integer: true, description: "d" },
    parts: { type: "list", values: ["database", "api", "ui"], default: ["database", "api", "ui"], description: "d" },
    table: { type: "string", default: "chats", pattern: "^[a-z_]+$", description: "d" },
  },
});

describe("resolveOptions", () => {
  it("uses defaults, then recorded options, then --set", async () => {
    const options = await resolveOptions(feature, { sets: ["rateLimit=10", "parts=ui,database"], previous: { search: true, driver: "postgres" } });
    expect(options).toEqual({ driver: "postgres", search: true, rateLimit: 10, parts: ["database", "ui"], table: "chats" });
  });

  it("reports every bad value and unknown key together, naming the option and the valid choices", async () => {
    const error = await resolveOptions(feature, { sets: ["driver=mysql", "search=maybe", "rateLimit=0.5", "colour=red", "table=Drop Table", "novalue"] }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "OPTION_UNKNOWN",
      details: [
        'option "driver" (enum): expected one of "pglite", "postgres", got "mysql"',
        'option "search" (boolean): expected true or false, got "maybe"',
        'option "rateLimit" (number): expected a whole number, got 0.5',
        'unknown option "colour"; valid options of x: driver, search, rateLimit, parts, table',
        'option "table" (string): "Drop Table" does not match ^[a-z_]+$',
        '--set "novalue": expected key=value',
      ],
    });
  });

  it("asks only for options not fixed by --set", async () => {
    const asked: string[] = [];
    const options = await resolveOptions(feature, {
      sets: ["search=true"],
      ask: async (_feature, _current, fixed) => {
        asked.push(...Object.keys(feature.options).filter((name) => !fixed.has(name)));
        return { driver: "postgres" };
      },
    });
    expect(asked).toEqual(["driver", "rateLimit", "parts", "table"]);
    expect(options).toMatchObject({ driver: "postgres", search: true });
  });
});
