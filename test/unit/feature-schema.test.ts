import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadFeature } from "../../src/blueprint/load-feature.js";
import { ScaffoldError } from "../../src/errors.js";
import { makeTempDir } from "../support/temp-dir.js";

function load(content: unknown): ScaffoldError | ReturnType<typeof loadFeature> {
  const file = path.join(makeTempDir(), "feature.json");
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  try {
    return loadFeature(file, "blueprints/x/feature.json");
  } catch (error) {
    return error as ScaffoldError;
  }
}

const valid = {
  name: "x",
  version: "1.0.0",
  description: "An example",
  options: { dialect: { type: "enum", values: ["postgresql", "mysql"], default: "postgresql", description: "SQL dialect" } },
};

describe("feature.json validation", () => {
  it("accepts a valid file and fills defaults", () => {
    const feature = load(valid);
    expect(feature).toMatchObject({ name: "x", dependencies: {}, requires: [] });
  });

  it("reports every problem at once with the file and JSON path", () => {
    const error = load({
      name: "Bad Name",
      version: "one",
      description: "",
      options: { dialect: { type: "enum", values: ["postgresql", "mysql"], default: "sqlite", description: "d" }, n: { type: "number", default: "3", description: "d" } },
      surprise: true,
    });
    expect(error).toBeInstanceOf(ScaffoldError);
    const details = (error as ScaffoldError).details;
    expect(details).toEqual(
      expect.arrayContaining([
        'blueprints/x/feature.json: options.dialect.default: expected one of "postgresql", "mysql"',
        expect.stringMatching(/^blueprints\/x\/feature.json: name: must be kebab-case/),
        expect.stringMatching(/^blueprints\/x\/feature.json: version: must be a semver/),
        expect.stringMatching(/^blueprints\/x\/feature.json: description: /),
        expect.stringMatching(/^blueprints\/x\/feature.json: options.n.default: /),
        expect.stringMatching(/^blueprints\/x\/feature.json: \(root\): unknown key surprise/),
      ]),
    );
  });

  it("rejects a string default that does not match its own pattern", () => {
    const error = load({ ...valid, options: { table: { type: "string", default: "Bad Table", pattern: "^[a-z_]+$", description: "d" } } });
    expect((error as ScaffoldError).details).toEqual(["blueprints/x/feature.json: options.table.default: does not match pattern ^[a-z_]+$"]);
  });

  it("explains invalid JSON", () => {
    expect((load("{ nope") as ScaffoldError).message).toMatch(/blueprints\/x\/feature.json is not valid JSON/);
  });
});
