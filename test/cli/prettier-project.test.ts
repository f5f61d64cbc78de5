import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureBlueprint, repoRoot, runCli } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

describe("a project with Prettier installed (built CLI)", () => {
  it("gets the generated files formatted with its own config", async () => {
    const dir = makeTempDir({ "package.json": JSON.stringify({ name: "app", private: true }), ".prettierrc.json": JSON.stringify({ semi: false, singleQuote: true }) });
    mkdirSync(path.join(dir, "node_modules"));
    symlinkSync(path.join(repoRoot, "node_modules", "prettier"), path.join(dir, "node_modules", "prettier"));
    const result = await runCli([fixtureBlueprint("greeting"), "--dir", dir, "--set", "name=ann", "--no-install"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(readFileSync(path.join(dir, "greetings/ann.ts"), "utf8")).toContain("export const greeting = 'hello ann'\n");
  });
});
