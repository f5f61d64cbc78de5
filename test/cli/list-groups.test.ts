import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

interface Feature {
  questions: { first: string[]; checklist: { groups: Array<{ title: string; items: Array<{ option: string }> }> } };
  presets: Record<string, { description: string }>;
}
const feature = JSON.parse(readFileSync(path.join(repoRoot, "blueprints/ai-chat/feature.json"), "utf8")) as Feature;

describe("scaffold list", () => {
  it("shows the options under the checklist's groups, in its order, then the rest and the presets", async () => {
    const result = await runCli(["list"]);
    expect(result.exitCode, result.transcript).toBe(0);
    const headings = [...result.stdout.matchAll(/^ {3}(\S.*):$/gm)].map((m) => m[1]);
    expect(headings).toEqual(["Asked first", ...feature.questions.checklist.groups.map((group) => group.title), "Other options"]);
    const listed = [...result.stdout.matchAll(/^ {4}(\w+) +\S/gm)].map((m) => m[1]);
    const asked = [...feature.questions.first, ...feature.questions.checklist.groups.flatMap((group) => group.items.map((item) => item.option))];
    expect(listed.slice(0, asked.length)).toEqual(asked);
    expect(listed.slice(asked.length, asked.length + 1)).toEqual(["parts"]);
    expect(result.stdout).toContain("  presets (--preset name):\n");
    for (const [name, preset] of Object.entries(feature.presets)) expect(result.stdout).toContain(`    ${name.padEnd(12)} ${preset.description}\n`);
  });
});
