import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { cliPath, fixtureBlueprint, repoRoot, runCli } from "../support/run-cli.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";

const greeting = fixtureBlueprint("greeting");
const packageJson = `${JSON.stringify({ name: "app", private: true }, null, 2)}\n`;
const app = (): string => makeTempDir({ "notes.txt": "mine\n", "package.json": packageJson, "src/index.ts": "export {};\n" });

function expectExpectedError(result: Awaited<ReturnType<typeof runCli>>, code: string, ...words: string[]): void {
  expect(result.exitCode, result.transcript).toBe(1);
  expect(result.stderr, result.transcript).toContain(`error ${code}:`);
  for (const word of words) expect(result.stderr, result.transcript).toContain(word);
  expect(result.stderr, result.transcript).not.toContain("this is a bug");
}

describe("environment errors on the built CLI", () => {
  it("a read-only target: PERMISSION_DENIED with the path, nothing written", async () => {
    const base = makeTempDir();
    chmodSync(base, 0o755);
    const target = path.join(base, "app");
    mkdirSync(target);
    writeFileSync(path.join(target, "package.json"), packageJson);
    writeFileSync(path.join(target, "notes.txt"), "mine\n");
    chmodSync(target, 0o555);
    const before = snapshotDir(target);
    // root ignores permission bits, so as root the CLI runs as nobody, the way an unprivileged user would.
    const asUser = process.getuid?.() === 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
    const command = [...asUser, process.execPath, cliPath, greeting, "--dir", target, "--yes"];
    const run = await execa(command[0]!, command.slice(1), { reject: false, cwd: repoRoot, env: { FORCE_COLOR: "0", HOME: base } });
    const result = { exitCode: run.exitCode ?? -1, stdout: run.stdout, stderr: run.stderr, transcript: `${run.stdout}\n${run.stderr}` };
    expectExpectedError(result, "PERMISSION_DENIED", target, "permission denied");
    expect(snapshotDir(target)).toEqual(before);
  });

  it("--dir through a file: NOT_A_FOLDER naming it, nothing written", async () => {
    const base = makeTempDir({ "a-file": "x" });
    const before = snapshotDir(base);
    const result = await runCli([greeting, "--dir", path.join(base, "a-file", "sub"), "--yes"]);
    expectExpectedError(result, "NOT_A_FOLDER", "a-file", "is a file, not a folder");
    expect(snapshotDir(base)).toEqual(before);
  });

  it("a folder where the plan writes a file: a conflict in the plan (exit 2), before any write", async () => {
    const target = app();
    mkdirSync(path.join(target, "src", "greetings", "world.ts"), { recursive: true });
    const before = snapshotDir(target);
    const result = await runCli([greeting, "--dir", target, "--yes"]);
    expect(result.exitCode, result.transcript).toBe(2);
    expect(result.transcript).toContain("a folder is in the way");
    expect(snapshotDir(target)).toEqual(before);
    const dry = await runCli([greeting, "--dir", target, "--dry-run"]);
    expect(dry.stdout, dry.transcript).toContain("a folder is in the way");
  });
});

describe("bytes on the built CLI", () => {
  it("an edit to a CRLF file with a BOM appends CRLF lines and keeps the BOM", async () => {
    const target = app();
    writeFileSync(path.join(target, "notes.txt"), "\uFEFFmine\r\nyours\r\n");
    const result = await runCli([greeting, "--dir", target, "--yes"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(readFileSync(path.join(target, "notes.txt"), "utf8")).toBe("\uFEFFmine\r\nyours\r\n\r\ngreeted world\r\n");
  });

  it("refuses to edit a file that is not UTF-8, naming it, and writes nothing", async () => {
    const target = app();
    writeFileSync(path.join(target, "notes.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const before = snapshotDir(target);
    const result = await runCli([greeting, "--dir", target, "--yes"]);
    expectExpectedError(result, "FILE_NOT_TEXT", "notes.txt");
    expect(snapshotDir(target)).toEqual(before);
  });

  it("copies a non-.hbs template byte for byte", async () => {
    const blueprint = makeTempDir({
      "feature.json": readFileSync(path.join(greeting, "feature.json"), "utf8"),
      "blueprint.ts": readFileSync(path.join(greeting, "blueprint.ts"), "utf8"),
      "templates/files/__src__/greetings/__name__.ts.hbs": readFileSync(path.join(greeting, "templates/files/__src__/greetings/__name__.ts.hbs"), "utf8"),
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80, 0xc3]);
    writeFileSync(path.join(blueprint, "templates/files/__src__/greetings/logo.png"), png);
    const target = app();
    const result = await runCli([blueprint, "--dir", target, "--yes"]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(readFileSync(path.join(target, "src/greetings/logo.png")).equals(png)).toBe(true);
    const status = await runCli(["status", "--dir", target]);
    expect(status.stdout, status.transcript).toMatch(/unchanged\s+src\/greetings\/logo\.png/);
  });
});

/** Leaves `target` as a scaffold run killed with -9 mid-commit does: half written, journal and lock on disk. */
async function killMidCommit(target: string): Promise<void> {
  const writes = [
    { path: "notes.txt", after: Buffer.from("half\n").toString("base64") },
    { path: ".scaffold/manifest.json", after: Buffer.from("{ torn").toString("base64") },
    { path: "src/index.ts", after: Buffer.from("export const x = 1;\n").toString("base64") },
    { path: "src/greetings/new.ts", after: Buffer.from("new\n").toString("base64") },
  ];
  const child = path.join(repoRoot, "test", "support", "kill-at-fs-call.mjs");
  const killed = await execa(process.execPath, [child, target, "@rename:src/index.ts"], { input: JSON.stringify(writes), reject: false });
  expect(killed.signal, killed.stderr).toBe("SIGKILL");
  // The lock of the killed run stays behind too; its process is gone.
  writeFileSync(
    path.join(target, ".scaffold", "lock"),
    JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname(), startedAt: "2026-01-01T00:00:00.000Z", command: "add greeting", runId: "killed" }),
  );
}

async function appliedApp(): Promise<{ target: string; before: ReturnType<typeof snapshotDir> }> {
  const target = app();
  const add = await runCli([greeting, "--dir", target, "--yes"]);
  expect(add.exitCode, add.transcript).toBe(0);
  return { target, before: snapshotDir(target) };
}

describe("kill -9 mid-commit, on the built CLI", () => {
  it("--dry-run, --json and status --json write nothing, and say a rollback is due", async () => {
    const { target } = await appliedApp();
    await killMidCommit(target);
    const killed = snapshotDir(target);
    const dry = await runCli([greeting, "--dir", target, "--dry-run"]);
    expect(dry.exitCode, dry.transcript).toBe(0);
    expect(dry.stdout).toContain("An interrupted earlier run was found");
    // Planned against the folder the rollback gives back: the blueprint is already there, nothing changes.
    expect(dry.stdout).not.toMatch(/^\s*(create|update|conflict)\s/m);
    const json = await runCli([greeting, "--dir", target, "--json"]);
    expect(JSON.parse(json.stdout), json.transcript).toMatchObject({ recovered: "pending" });
    const status = await runCli(["status", "--dir", target, "--json"]);
    const report = JSON.parse(status.stdout) as { recovered: string; blueprints: Array<{ files: Array<{ state: string }> }> };
    expect(report.recovered).toBe("pending");
    expect(report.blueprints[0]?.files.every((file) => file.state === "unchanged"), status.stdout).toBe(true);
    expect(snapshotDir(target)).toEqual(killed);
  });

  it.each([
    ["status", (target: string) => ["status", "--dir", target]],
    ["add", (target: string) => [greeting, "--dir", target, "--yes"]],
    ["migrate", (target: string) => ["migrate", "--dir", target]],
    ["remove", (target: string) => ["remove", "not-applied", "--dir", target]],
  ])("the next `%s` first restores the target byte for byte, and says so", async (_name, args) => {
    const { target, before } = await appliedApp();
    await killMidCommit(target);
    const result = await runCli(args(target));
    expect(result.stdout, result.transcript).toContain("took over the lock of `scaffold add greeting` (pid 4194321");
    expect(result.stdout, result.transcript).toContain("rolled back first");
    expect(result.stderr, result.transcript).not.toContain("this is a bug");
    expect(snapshotDir(target)).toEqual(before);
  });
});

describe("concurrent runs in one folder, on the built CLI", () => {
  it.each([2, 4])("%i runs at once: one at a time, the others refused; disk and manifest agree", async (runs) => {
    const target = app();
    const names = Array.from({ length: runs }, (_each, index) => `n${index}`);
    const results = await Promise.all(names.map((name) => runCli([greeting, "--dir", target, "--yes", "--set", `name=${name}`])));
    for (const result of results) {
      if (result.exitCode !== 0) expectExpectedError(result, "TARGET_LOCKED", "Another scaffold run is working on this folder");
    }
    expect(results.some((result) => result.exitCode === 0)).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(target, ".scaffold", "manifest.json"), "utf8")) as {
      blueprints: { greeting: { options: { name: string }; files: Record<string, unknown> } };
    };
    const recorded = Object.keys(manifest.blueprints.greeting.files).sort();
    const onDisk = Object.keys(snapshotDir(target)).filter((file) => /^src\/greetings\/.+\.ts$/.test(file));
    expect(onDisk).toEqual(recorded);
    expect(recorded).toEqual([`src/greetings/${manifest.blueprints.greeting.options.name}.ts`]);
    const status = await runCli(["status", "--dir", target, "--json"]);
    const report = JSON.parse(status.stdout) as { blueprints: Array<{ files: Array<{ state: string }> }> };
    expect(report.blueprints[0]?.files.map((file) => file.state)).toEqual(["unchanged"]);
    expect(Object.keys(snapshotDir(target)).filter((file) => file.startsWith(".scaffold/") && !/manifest|base/.test(file))).toEqual([]);
  });
});
