import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureBlueprint, runCli } from "../support/run-cli.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";

const greeting = fixtureBlueprint("greeting");
const packageJson = '{\n  "name": "app",\n  "version": "1.0.0",\n  "scripts": {\n    "test": "vitest"\n  }\n}\n';

/** A project with files the greeting blueprint edits (a note it appends to, a package.json it adds to), then greeting applied. */
async function appliedTarget(): Promise<{ target: string; before: ReturnType<typeof snapshotDir> }> {
  const target = makeTempDir({ "notes.txt": "mine\n", "package.json": packageJson, "src/index.ts": "export {};\n" });
  const before = snapshotDir(target);
  const add = await runCli([greeting, "--dir", target, "--set", "name=ann"]);
  expect(add.exitCode, add.transcript).toBe(0);
  const pkg = readFileSync(path.join(target, "package.json"), "utf8");
  expect(pkg).toMatch(/"left-pad": "1.3.0"/);
  expect(pkg).toMatch(/"greet": "node greet.js"/);
  return { target, before };
}

describe("scaffold remove (built)", () => {
  it("prints help", async () => {
    const result = await runCli(["remove", "--help"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/--force/);
    expect(result.stdout).toMatch(/--dry-run/);
  });

  it("leaves a fresh application byte-identical to before, edits to existing files undone", async () => {
    const { target, before } = await appliedTarget();
    const result = await runCli(["remove", "greeting", "--dir", target]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/delete\s+src\/greetings\/ann.ts/);
    expect(result.stdout).toMatch(/update\s+notes.txt\s+\(undoes ensure-greeting-note\)/);
    expect(result.stdout).toMatch(/update\s+package.json\s+\(undoes add-package-dependencies\)/);
    expect(result.stdout).toMatch(/database tables its migrations created are not dropped/);
    expect(snapshotDir(target)).toEqual(before);
  });

  it("undoes the edits of every run, newest first, after an option change", async () => {
    const { target, before } = await appliedTarget();
    const rerun = await runCli([greeting, "--dir", target, "--set", "name=bea"]);
    expect(rerun.exitCode, rerun.transcript).toBe(0);
    expect(readFileSync(path.join(target, "notes.txt"), "utf8")).toMatch(/greeted ann\n\ngreeted bea\n$/);
    const result = await runCli(["remove", "greeting", "--dir", target]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(snapshotDir(target)).toEqual(before);
  });

  it("accepts the path to the blueprint folder as well as its name", async () => {
    const { target, before } = await appliedTarget();
    const result = await runCli(["remove", greeting, "--dir", target]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(snapshotDir(target)).toEqual(before);
  });

  it("keeps and lists a generated file the user changed (exit 0), removes the rest; --force deletes it", async () => {
    const { target, before } = await appliedTarget();
    const file = path.join(target, "src/greetings/ann.ts");
    writeFileSync(file, `${readFileSync(file, "utf8")}// mine\n`);
    const result = await runCli(["remove", "greeting", "--dir", target]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/skip\s+src\/greetings\/ann.ts\s+\(kept \(you changed it\)/);
    expect(result.stdout).toMatch(/Kept 1 file:\n\s+src\/greetings\/ann.ts/);
    const { "src/greetings": _dir, "src/greetings/ann.ts": kept, ...rest } = snapshotDir(target);
    expect(kept).toMatch(/\/\/ mine\n$/);
    expect(rest).toEqual(before);

    const again = await runCli(["remove", "greeting", "--dir", target]);
    expect(again.exitCode, again.transcript).toBe(1);
    expect(again.stderr).toMatch(/BLUEPRINT_NOT_APPLIED/);
  });

  it("--force deletes a generated file the user changed", async () => {
    const { target, before } = await appliedTarget();
    writeFileSync(path.join(target, "src/greetings/ann.ts"), "// mine\n");
    const result = await runCli(["remove", "greeting", "--dir", target, "--force"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/delete\s+src\/greetings\/ann.ts\s+\(you changed it; deleted because of --force\)/);
    expect(snapshotDir(target)).toEqual(before);
  });

  it("lists the lines to remove by hand when the user changed the lines an edit touched", async () => {
    const { target } = await appliedTarget();
    writeFileSync(path.join(target, "notes.txt"), "mine\n\ngreeted ann, twice\n");
    const result = await runCli(["remove", "greeting", "--dir", target]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/skip\s+notes.txt\s+\(you changed the lines scaffold edited; undo by hand\)/);
    expect(result.stdout).toMatch(/notes.txt: scaffold's edit could not be undone automatically[^\n]*\n\s+remove these lines:\n\s+\n\s+greeted ann\n/);
    expect(readFileSync(path.join(target, "notes.txt"), "utf8")).toBe("mine\n\ngreeted ann, twice\n");
    expect(readFileSync(path.join(target, "package.json"), "utf8")).toBe(packageJson);
  });

  it("is fine with a generated file the user already deleted", async () => {
    const { target, before } = await appliedTarget();
    const { rmSync } = await import("node:fs");
    rmSync(path.join(target, "src/greetings/ann.ts"));
    const result = await runCli(["remove", "greeting", "--dir", target]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/skip\s+src\/greetings\/ann.ts\s+\(already deleted\)/);
    // The folder the user emptied is theirs to keep or delete; only folders a removal empties go with it.
    expect(snapshotDir(target)).toEqual({ ...before, "src/greetings": null });
  });

  it("--dry-run shows the undo diffs and writes nothing", async () => {
    const { target } = await appliedTarget();
    const applied = snapshotDir(target);
    const result = await runCli(["remove", "greeting", "--dir", target, "--dry-run"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/-greeted ann/);
    expect(result.stdout).toMatch(/Dry run: nothing was written/);
    expect(snapshotDir(target)).toEqual(applied);
  });

  it("keeps the other blueprints' manifest entries", async () => {
    const { target } = await appliedTarget();
    const manifestFile = path.join(target, ".scaffold/manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { blueprints: Record<string, unknown> };
    const other = { version: "2.0.0", options: {}, files: {}, edits: {} };
    writeFileSync(manifestFile, `${JSON.stringify({ ...manifest, blueprints: { ...manifest.blueprints, other } }, null, 2)}\n`);
    const result = await runCli(["remove", "greeting", "--dir", target]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(JSON.parse(readFileSync(manifestFile, "utf8"))).toEqual({ schemaVersion: 1, blueprints: { other } });
    expect(existsSync(path.join(target, ".scaffold/base/greeting.json"))).toBe(false);
  });

  it("explains a blueprint that is not applied here (or unknown) and writes nothing", async () => {
    const { target } = await appliedTarget();
    const applied = snapshotDir(target);
    const result = await runCli(["remove", "ai-chat", "--dir", target]);
    expect(result.exitCode, result.transcript).toBe(1);
    expect(result.stderr).toMatch(/error BLUEPRINT_NOT_APPLIED: "ai-chat" is not applied in .*: .scaffold\/manifest.json has no record of it/);
    expect(result.stderr).toMatch(/hint: Blueprints applied here: greeting\./);
    const unknown = await runCli(["remove", "nope", "--dir", makeTempDir()]);
    expect(unknown.exitCode, unknown.transcript).toBe(1);
    expect(unknown.stderr).toMatch(/error BLUEPRINT_NOT_APPLIED: "nope" is not applied/);
    expect(unknown.stderr).toMatch(/hint: No blueprint has been applied in this folder/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotDir(target)).toEqual(applied);
  });
});
