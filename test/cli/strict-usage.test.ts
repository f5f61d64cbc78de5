import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureBlueprint, runCli } from "../support/run-cli.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";

const greeting = fixtureBlueprint("greeting");

/** A parent folder and a target inside it that does not exist yet: a refused run must not even create it. */
function freshTarget(): { parent: string; target: string } {
  const parent = makeTempDir();
  return { parent, target: path.join(parent, "app") };
}

describe("the CLI refuses what it does not know before anything runs", () => {
  it("a mistyped flag: exit 1, the flag, its closest spelling, and nothing written", async () => {
    const { parent, target } = freshTarget();
    const result = await runCli(["ai-chat", "--dir", target, "--dry-runn", "--yes", "--no-install"]);
    expect(result.exitCode, result.transcript).toBe(1);
    expect(result.stderr).toMatch(/error USAGE: Unknown flag --dry-runn for `scaffold add` \(did you mean --dry-run\?\)/);
    expect(result.stdout).toBe("");
    expect(existsSync(target)).toBe(false);
    expect(snapshotDir(parent)).toEqual({});
  });

  it("a mistyped command names the command it was probably meant to be", async () => {
    const result = await runCli(["stauts"]);
    expect(result.exitCode, result.transcript).toBe(1);
    expect(result.stderr).toMatch(/Unknown command "stauts" \(did you mean `scaffold status`\?\)/);
  });

  it("a flag of another command says which command has it", async () => {
    const result = await runCli(["status", "--force", "--dir", makeTempDir()]);
    expect(result.exitCode, result.transcript).toBe(1);
    expect(result.stderr).toMatch(/Unknown flag --force for `scaffold status`\. --force belongs to `scaffold add`, `scaffold remove`/);
  });

  it("a flag without its value, a flag given twice and an extra argument", async () => {
    const { parent, target } = freshTarget();
    for (const [args, message] of [
      [[greeting, "--dir"], /--dir needs a value/],
      [[greeting, "--dir", target, "--dir", target], /--dir is given more than once/],
      [[greeting, "extra", "--dir", target], /Unexpected argument "extra" for `scaffold add`/],
      [[greeting, "--dir", target, "--yes=please"], /--yes is a switch: it takes no value/],
    ] as const) {
      const result = await runCli([...args]);
      expect(result.exitCode, result.transcript).toBe(1);
      expect(result.stderr, result.transcript).toMatch(message);
    }
    expect(snapshotDir(parent)).toEqual({});
  });

  it("an unknown --set option name gets the closest valid one", async () => {
    const { parent, target } = freshTarget();
    const result = await runCli([greeting, "--dir", target, "--set", "nmae=ann"]);
    expect(result.exitCode, result.transcript).toBe(1);
    expect(result.stderr).toMatch(/unknown option "nmae" \(did you mean "name"\?\); valid options of greeting: name, loud/);
    expect(snapshotDir(parent)).toEqual({});
  });

  it("bare `scaffold` shows the help", async () => {
    const result = await runCli([]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/Commands:[\s\S]*scaffold remove <blueprint>/);
    expect(result.stderr).toBe("");
  });

  it("`scaffold remove` and `scaffold add` without a name say what to name", async () => {
    const remove = await runCli(["remove"]);
    expect(remove.exitCode, remove.transcript).toBe(1);
    expect(remove.stderr).toMatch(/error USAGE: `scaffold remove` needs a <blueprint>/);
    expect(remove.stderr).toMatch(/hint: Run `scaffold status`/);
    expect(remove.stderr).not.toMatch(/TypeError|crashed|\n\s+at /);
    const add = await runCli(["add"]);
    expect(add.exitCode, add.transcript).toBe(1);
    expect(add.stderr).toMatch(/`scaffold add` needs a <blueprint>/);
  });

  it("accepts what it documents: --no-install, -y, --flag=value, camelCase and `--`-free values", async () => {
    const { target } = freshTarget();
    const result = await runCli([greeting, `--dir=${target}`, "-y", "--no-install", "--set=name=ann", "--dryRun"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/Dry run: nothing was written/);
    expect(existsSync(target)).toBe(false);
  });

  it("status, remove and migrate on a folder that does not exist say so", async () => {
    const missing = path.join(makeTempDir(), "no-such-app");
    for (const args of [["status"], ["remove", "greeting"], ["migrate"]]) {
      const result = await runCli([...args, "--dir", missing]);
      expect(result.exitCode, result.transcript).toBe(1);
      expect(result.stderr).toMatch(/error TARGET_INVALID: There is no folder .*no-such-app\./);
      expect(existsSync(missing)).toBe(false);
    }
  });
});
