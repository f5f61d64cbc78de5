import { describe, expect, it } from "vitest";
import { fixtureBlueprint, runCli } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

const greeting = fixtureBlueprint("greeting");
const ANSI = /\u001b\[\d+m/;

/** The test run's environment without any colour setting: what a pipe or a CI log gets by default. */
function envWith(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== "FORCE_COLOR" && name !== "NO_COLOR") env[name] = value;
  }
  return { ...env, ...extra };
}

describe("plan output", () => {
  it("is plain text when stdout is not a terminal, coloured with FORCE_COLOR, and NO_COLOR wins", async () => {
    const args = [greeting, "--dir", makeTempDir(), "--dry-run", "--set", "name=ann"];
    const plain = await runCli(args, { env: envWith({}), replaceEnv: true });
    expect(plain.exitCode, plain.transcript).toBe(0);
    expect(plain.stdout).not.toMatch(ANSI);
    expect(plain.stdout).toMatch(/^ {2}create {2}src\/greetings\/ann.ts$/m);

    const forced = await runCli(args, { env: envWith({ FORCE_COLOR: "1" }), replaceEnv: true });
    expect(forced.exitCode, forced.transcript).toBe(0);
    expect(forced.stdout).toMatch(ANSI);
    expect(forced.stdout).toContain("\u001b[32mcreate\u001b[39m  src/greetings/ann.ts");

    const noColor = await runCli(args, { env: envWith({ FORCE_COLOR: "1", NO_COLOR: "1" }), replaceEnv: true });
    expect(noColor.stdout).not.toMatch(ANSI);
    expect(noColor.stdout).toBe(plain.stdout);
  });

  it("shows the resolved options, and collapses unchanged files into a count unless --verbose", async () => {
    const target = makeTempDir();
    expect((await runCli([greeting, "--dir", target, "--set", "name=ann"])).exitCode).toBe(0);
    const change = await runCli([greeting, "--dir", target, "--set", "loud=true", "--dry-run"]);
    expect(change.exitCode, change.transcript).toBe(0);
    expect(change.stdout).toMatch(/^options name=ann loud=true$/m);
    expect(change.stdout).toMatch(/^ {2}update {2}src\/greetings\/ann.ts$/m);
    const same = await runCli([greeting, "--dir", target]);
    expect(same.exitCode, same.transcript).toBe(0);
    expect(same.stdout).toMatch(/^ {2}3 unchanged files \(--verbose lists them\)$/m);
    expect(same.stdout).not.toMatch(/unchanged\s+src\/greetings\/ann.ts/);
    const verbose = await runCli([greeting, "--dir", target, "--verbose"]);
    expect(verbose.stdout).toMatch(/^ {2}unchanged {2}src\/greetings\/ann.ts$/m);
    expect(verbose.stdout).not.toMatch(/--verbose lists them/);
  });

  it("without a terminal, each task is a start line and an end line: no spinner frames", async () => {
    const result = await runCli([fixtureBlueprint("chatty-task"), "--dir", makeTempDir(), "--no-install"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/^ {2}… Talk while working\n {2}✓ Talk while working \(\d+\.\ds\)$/m);
    expect(result.stdout).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]|\r/);
  });
});
