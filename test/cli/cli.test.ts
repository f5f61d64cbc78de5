import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureBlueprint, runCli } from "../support/run-cli.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";
import { AI_CHAT_SWITCHES } from "../support/ai-chat-options.js";

const greeting = fixtureBlueprint("greeting");

describe("scaffold CLI (built)", () => {
  it("prints help for the main command and for each command", async () => {
    for (const args of [["--help"], ["list", "--help"], ["add", "--help"]]) {
      const result = await runCli(args);
      expect(result.exitCode, result.transcript).toBe(0);
      expect(result.stdout, result.transcript).toMatch(/scaffold/);
    }
  });

  it("lists the bundled blueprints with their options", async () => {
    const result = await runCli(["list"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/^ai-chat@\d+\.\d+\.\d+/m);
    expect(result.stdout).toMatch(/driver\s+pglite\|postgres\|neon = pglite/);
    // Every feature option is listed with its type and default, and a description under it.
    expect(AI_CHAT_SWITCHES.length).toBeGreaterThanOrEqual(12);
    for (const option of AI_CHAT_SWITCHES) {
      expect(result.stdout).toMatch(new RegExp(`^ {4}${option} +boolean = false\n {6}\\S`, "m"));
    }
    expect(result.stdout).toMatch(/rateLimit +integer 0–100000 = 0/);
    expect(result.stdout).toMatch(/titles +first-message\|ai = first-message/);
    expect(result.stdout).toMatch(/parts +list of database,api,hooks,ui = database,api,hooks,ui/);
  });

  it("names an unknown blueprint, suggests a close one and `scaffold list`", async () => {
    const target = makeTempDir();
    const result = await runCli(["ai-chta", "--dir", target]);
    expect(result.exitCode, result.transcript).toBe(1);
    expect(result.stderr).toMatch(/no bundled blueprint named "ai-chta" \(did you mean "ai-chat"\?\)/);
    expect(result.stderr).toMatch(/scaffold list/);
    expect(snapshotDir(target)).toEqual({});
  });

  it("reports every problem of an invalid feature.json at once and writes nothing", async () => {
    const target = makeTempDir();
    const result = await runCli([fixtureBlueprint("invalid-feature"), "--dir", target]);
    expect(result.exitCode, result.transcript).toBe(1);
    expect(result.stderr).toMatch(/FEATURE_INVALID: .*feature.json has 4 problems/);
    expect(result.stderr).toMatch(/feature.json: name: must be kebab-case/);
    expect(result.stderr).toMatch(/feature.json: version: must be a semver/);
    expect(result.stderr).toMatch(/feature.json: options.dialect.default: expected one of "postgresql", "mysql"/);
    expect(result.stderr).toMatch(/feature.json: options.count.default: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotDir(target)).toEqual({});
  });

  it("rejects bad option values and unknown keys, listing the valid ones", async () => {
    const target = makeTempDir();
    const result = await runCli([greeting, "--dir", target, "--set", "loud=maybe", "--set", "colour=red"]);
    expect(result.exitCode, result.transcript).toBe(1);
    expect(result.stderr).toMatch(/option "loud" \(boolean\): expected true or false, got "maybe"/);
    expect(result.stderr).toMatch(/unknown option "colour"; valid options of greeting: name, loud/);
    expect(snapshotDir(target)).toEqual({});
  });

  it("refuses an option value that would reach a file name outside the pattern", async () => {
    const target = makeTempDir();
    const result = await runCli([greeting, "--dir", target, "--set", "name=../../etc"]);
    expect(result.exitCode, result.transcript).toBe(1);
    expect(result.stderr).toMatch(/option "name" \(string\): "..\/..\/etc" does not match/);
  });

  it("refuses a blueprint that writes outside the target, writing nothing", async () => {
    const parent = makeTempDir();
    const target = path.join(parent, "app");
    const result = await runCli([fixtureBlueprint("escape"), "--dir", target]);
    expect(result.exitCode, result.transcript).toBe(1);
    expect(result.stderr).toMatch(/PATH_OUTSIDE_TARGET: Refused to write "..\/escaped.txt"/);
    expect(snapshotDir(parent)).toEqual({});
  });

  it("dry run prints the plan and writes nothing; --json prints the plan as JSON", async () => {
    const target = makeTempDir({ "notes.txt": "mine\n" });
    const dry = await runCli([greeting, "--dir", target, "--dry-run", "--set", "name=ann"]);
    expect(dry.exitCode, dry.transcript).toBe(0);
    expect(dry.stdout).toMatch(/create\s+src\/greetings\/ann.ts/);
    expect(dry.stdout).toMatch(/update\s+notes.txt\s+\(edited by ensure-greeting-note\)/);
    expect(dry.stdout).toMatch(/\+greeted ann/);
    expect(dry.stdout).toMatch(/Dry run: nothing was written/);
    const json = await runCli([greeting, "--dir", target, "--json", "--set", "name=ann"]);
    expect(json.exitCode, json.transcript).toBe(0);
    const plan = JSON.parse(json.stdout) as { entries: Array<{ path: string; status: string }>; options: unknown };
    expect(plan.options).toEqual({ name: "ann", loud: false });
    expect(plan.entries.map((entry) => [entry.path, entry.status])).toEqual([
      [".scaffold/base/greeting.json", "create"],
      [".scaffold/manifest.json", "create"],
      ["notes.txt", "update"],
      ["src/greetings/ann.ts", "create"],
    ]);
    expect(snapshotDir(target)).toEqual({ "notes.txt": "mine\n" });
  });

  it("applies, then a re-run with the same options writes nothing and says so", async () => {
    const target = makeTempDir();
    const first = await runCli([greeting, "--dir", target, "--set", "name=ann"]);
    expect(first.exitCode, first.transcript).toBe(0);
    expect(readFileSync(path.join(target, "src/greetings/ann.ts"), "utf8")).toMatch(/hello ann/);
    const before = snapshotDir(target);
    const second = await runCli([greeting, "--dir", target]);
    expect(second.exitCode, second.transcript).toBe(0);
    expect(second.stdout).toMatch(/Nothing to do/);
    expect(snapshotDir(target)).toEqual(before);
  });

  it("stops with exit 2 on a file that exists with other content, and --force overwrites it", async () => {
    const target = makeTempDir({ "src/greetings/ann.ts": "// mine\n" });
    const result = await runCli([greeting, "--dir", target, "--set", "name=ann"]);
    expect(result.exitCode, result.transcript).toBe(2);
    expect(result.stdout).toMatch(/CONFLICT\s+src\/greetings\/ann.ts\s+\(the file already exists with different content\)/);
    expect(result.stdout).toMatch(/-\/\/ mine/);
    expect(snapshotDir(target)).toEqual({ src: null, "src/greetings": null, "src/greetings/ann.ts": "// mine\n" });
    const forced = await runCli([greeting, "--dir", target, "--set", "name=ann", "--force"]);
    expect(forced.exitCode, forced.transcript).toBe(0);
    expect(readFileSync(path.join(target, "src/greetings/ann.ts"), "utf8")).toMatch(/hello ann/);
  });

  it("merges a user's edit with a template change three ways, keeping both", async () => {
    const target = makeTempDir();
    expect((await runCli([greeting, "--dir", target, "--set", "name=ann"])).exitCode).toBe(0);
    const file = path.join(target, "src/greetings/ann.ts");
    writeFileSync(file, `${readFileSync(file, "utf8")}// my edit\n`);
    const result = await runCli([greeting, "--dir", target, "--set", "loud=true"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/merge\s+src\/greetings\/ann.ts\s+\(your changes and the blueprint's were merged\)/);
    expect(readFileSync(file, "utf8")).toBe('export const greeting = "ANN";\nexport const self = "@/greetings/ann";\n// my edit\n');
  });

  it("stops with exit 2 when the user and the blueprint changed the same lines; --force writes conflict markers", async () => {
    const target = makeTempDir();
    expect((await runCli([greeting, "--dir", target, "--set", "name=ann"])).exitCode).toBe(0);
    const file = path.join(target, "src/greetings/ann.ts");
    const mine = readFileSync(file, "utf8").replace("hello ann", "hi there ann");
    writeFileSync(file, mine);
    const result = await runCli([greeting, "--dir", target, "--set", "loud=true"]);
    expect(result.exitCode, result.transcript).toBe(2);
    expect(result.stdout).toMatch(/CONFLICT\s+src\/greetings\/ann.ts\s+\(you and the blueprint changed the same lines in 1 place\)/);
    expect(readFileSync(file, "utf8")).toBe(mine);
    const forced = await runCli([greeting, "--dir", target, "--set", "loud=true", "--force"]);
    expect(forced.exitCode, forced.transcript).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(
      '<<<<<<< yours\nexport const greeting = "hi there ann";\n=======\nexport const greeting = "ANN";\n>>>>>>> greeting@1.0.0\nexport const self = "@/greetings/ann";\n',
    );
  });

  it("leaves a generated file the user deleted deleted", async () => {
    const target = makeTempDir();
    expect((await runCli([greeting, "--dir", target, "--set", "name=ann"])).exitCode).toBe(0);
    const { rmSync } = await import("node:fs");
    rmSync(path.join(target, "src/greetings/ann.ts"));
    const result = await runCli([greeting, "--dir", target, "--set", "loud=true"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/skip\s+src\/greetings\/ann.ts\s+\(you deleted this generated file/);
    expect(existsSync(path.join(target, "src/greetings/ann.ts"))).toBe(false);
  });

  it("updates an untouched generated file when options change, keeping recorded options", async () => {
    const target = makeTempDir();
    expect((await runCli([greeting, "--dir", target, "--set", "name=ann"])).exitCode).toBe(0);
    const result = await runCli([greeting, "--dir", target, "--set", "loud=true"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(readFileSync(path.join(target, "src/greetings/ann.ts"), "utf8")).toMatch(/"ANN"/);
  });

  it("removes a generated file an option change no longer produces, when untouched", async () => {
    const target = makeTempDir();
    expect((await runCli([greeting, "--dir", target, "--set", "name=ann"])).exitCode).toBe(0);
    const result = await runCli([greeting, "--dir", target, "--set", "name=bea"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(existsSync(path.join(target, "src/greetings/ann.ts"))).toBe(false);
    expect(existsSync(path.join(target, "src/greetings/bea.ts"))).toBe(true);
  });
});

describe("tasks after commit", () => {
  it("names a failing command, shows its output, keeps the files and skips the rest", async () => {
    const target = makeTempDir();
    const result = await runCli([fixtureBlueprint("failing-task"), "--dir", target]);
    expect(result.exitCode, result.transcript).toBe(1);
    expect(result.stdout).toMatch(/✓ Say hello/);
    expect(result.stdout).toMatch(/✗ Break on purpose/);
    expect(result.stderr).toMatch(/The task "Break on purpose" failed: `.*node -e/);
    expect(result.stderr).toMatch(/something broke/);
    expect(result.stderr).toMatch(/The files were written and are valid; only this step is missing. Rerun it by hand once fixed./);
    expect(readFileSync(path.join(target, "written.txt"), "utf8")).toBe("the commit happened\n");
    expect(existsSync(path.join(target, "never.txt"))).toBe(false);
  });

  it("does not run tasks in a dry run, and lists what it would run", async () => {
    const target = makeTempDir();
    const result = await runCli([fixtureBlueprint("failing-task"), "--dir", target, "--dry-run"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/Would run:\n  \S*node -e "console.log\('hello'\)" +# Say hello\n/);
    expect(result.stdout).not.toMatch(/✓ Say hello/);
    expect(snapshotDir(target)).toEqual({});
  });
});

describe("scaffold status", () => {
  it("shows each generated file as unchanged, modified or deleted", async () => {
    const target = makeTempDir();
    expect((await runCli([greeting, "--dir", target, "--set", "name=ann"])).exitCode).toBe(0);
    const result = await runCli(["status", "--dir", target]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/greeting@1.0.0 {2}\(name=ann loud=false\)/);
    expect(result.stdout).toMatch(/unchanged\s+src\/greetings\/ann.ts/);
    expect(result.stdout).toMatch(/edited\s+notes.txt/);
    writeFileSync(path.join(target, "src/greetings/ann.ts"), "// mine\n");
    expect((await runCli(["status", "--dir", target])).stdout).toMatch(/modified\s+src\/greetings\/ann.ts/);
    const { rmSync } = await import("node:fs");
    rmSync(path.join(target, "src/greetings/ann.ts"));
    const json = JSON.parse((await runCli(["status", "--dir", target, "--json"])).stdout) as { blueprints: Array<{ files: unknown }> };
    expect(json.blueprints[0]!.files).toEqual([{ path: "src/greetings/ann.ts", state: "deleted" }]);
  });

  it("says when nothing was applied", async () => {
    const result = await runCli(["status", "--dir", makeTempDir()]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/No blueprint has been applied/);
  });
});
