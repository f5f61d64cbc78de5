import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { cliPath, fixtureBlueprint, repoRoot, runCli } from "../support/run-cli.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";

const flaky = fixtureBlueprint("flaky-task");
const slow = fixtureBlueprint("slow-task");
const runs = (dir: string): string[] => (existsSync(path.join(dir, "runs.log")) ? readFileSync(path.join(dir, "runs.log"), "utf8").trim().split("\n") : []);

interface StatusJson {
  blueprints: Array<{ name: string; tasks: Array<{ title: string; command: string; state: string }> }>;
}
const taskStates = async (dir: string): Promise<string[]> => {
  const status = await runCli(["status", "--dir", dir, "--json"]);
  expect(status.exitCode, status.transcript).toBe(0);
  return (JSON.parse(status.stdout) as StatusJson).blueprints[0]!.tasks.map((task) => `${task.title}: ${task.state}`);
};

describe("task outcomes are recorded and finished by the next run (built CLI)", () => {
  it("a failed task is listed by status with its command and runs again on the next run, though no file changes", async () => {
    const target = makeTempDir();
    const first = await runCli([flaky, "--dir", target]);
    expect(first.exitCode, first.transcript).toBe(1);
    expect(first.stderr).toMatch(/The task "Migrate" failed/);
    expect(first.stderr).toMatch(/the next `scaffold .*flaky-task --dir .*` runs it again/);
    expect(runs(target)).toEqual(["install"]);

    const status = await runCli(["status", "--dir", target]);
    expect(status.exitCode, status.transcript).toBe(0);
    expect(status.stdout).toMatch(/task failed\s+\S*node -e .*fixed.*# Migrate/);
    expect(status.stdout).not.toMatch(/# Install/);
    expect(status.stdout).toMatch(/`scaffold flaky-task --dir \S+` runs it \(or run the command in /);
    expect(await taskStates(target)).toEqual(["Install: done", "Migrate: failed"]);

    // Still failing: not "Nothing to do", and the failure is reported again with exit 1.
    const again = await runCli([flaky, "--dir", target]);
    expect(again.exitCode, again.transcript).toBe(1);
    expect(again.stdout).not.toMatch(/Nothing to do/);
    expect(again.stdout).toMatch(/No file changes; ran the tasks an earlier run left to do/);

    writeFileSync(path.join(target, "fixed"), "");
    const fixed = await runCli([flaky, "--dir", target]);
    expect(fixed.exitCode, fixed.transcript).toBe(0);
    expect(runs(target)).toEqual(["install", "migrate"]);
    expect(await taskStates(target)).toEqual(["Install: done", "Migrate: done"]);
    expect((await runCli(["status", "--dir", target])).stdout).not.toMatch(/task /);

    const before = snapshotDir(target);
    const done = await runCli([flaky, "--dir", target]);
    expect(done.exitCode, done.transcript).toBe(0);
    expect(done.stdout).toMatch(/Nothing to do/);
    expect(snapshotDir(target)).toEqual(before);
  });

  it("--no-install records the tasks as pending, lists them as next steps after the cd, and the next run runs them", async () => {
    const parent = makeTempDir();
    const target = path.join(parent, "app");
    const first = await runCli([flaky, "--dir", "app", "--no-install"], { cwd: parent });
    expect(first.exitCode, first.transcript).toBe(0);
    expect(runs(target)).toEqual([]);
    const steps = first.stdout.slice(first.stdout.indexOf("Next steps:")).split("\n").slice(1, 4).map((line) => line.trim());
    expect(steps[0]).toBe("cd app");
    expect(steps[1]).toMatch(/node -e .*install.*# Install$/);
    expect(steps[2]).toMatch(/node -e .*migrate.*# Migrate$/);
    expect(await taskStates(target)).toEqual(["Install: pending", "Migrate: pending"]);
    expect((await runCli(["status", "--dir", target])).stdout).toMatch(/task pending\s+.*# Install\n\s+task pending\s+.*# Migrate/);

    // Again with --no-install: nothing written, still pending, said so.
    const before = snapshotDir(target);
    const still = await runCli([flaky, "--dir", target, "--no-install"]);
    expect(still.exitCode, still.transcript).toBe(0);
    expect(still.stdout).toMatch(/No file changes; 2 tasks of an earlier run still to do/);
    expect(snapshotDir(target)).toEqual(before);

    writeFileSync(path.join(target, "fixed"), "");
    const later = await runCli([flaky, "--dir", target]);
    expect(later.exitCode, later.transcript).toBe(0);
    expect(runs(target)).toEqual(["install", "migrate"]);
    // Both ran: neither is a step any more.
    expect(later.stdout).not.toMatch(/Next steps|# Install|# Migrate/);
    expect(await taskStates(target)).toEqual(["Install: done", "Migrate: done"]);
  });

  for (const signal of ["SIGKILL", "SIGINT"] as const) {
    it(`a task interrupted by ${signal} reads as interrupted and runs again on the next run`, async () => {
      const target = makeTempDir();
      const run = execa(process.execPath, [cliPath, slow, "--dir", target], { cwd: repoRoot, reject: false, stdin: "ignore", env: { FORCE_COLOR: "0" } });
      const started = path.join(target, "started");
      // Wait for the task itself to be running (it writes `started`), then interrupt scaffold.
      while (!existsSync(started) || readFileSync(started, "utf8") === "") await new Promise((resolve) => setTimeout(resolve, 50));
      run.kill(signal);
      const result = await run;
      expect(result.exitCode === 0, result.stdout).toBe(false);
      // SIGKILL leaves the task's process behind; end it as the operating system would on a closed terminal.
      const taskPid = Number(readFileSync(started, "utf8"));
      try {
        process.kill(taskPid, "SIGKILL");
      } catch {
        // Already gone (SIGINT: scaffold's child is ended with it).
      }
      expect(await taskStates(target)).toEqual(["Slow install: interrupted"]);
      expect((await runCli(["status", "--dir", target])).stdout).toMatch(/task interrupted\s+\S*node -e .*# Slow install/);

      const next = await runCli([slow, "--dir", target]);
      expect(next.exitCode, next.transcript).toBe(0);
      expect(next.stdout).toMatch(/No file changes; ran the tasks an earlier run left to do/);
      expect(runs(target)).toEqual(["finished"]);
      expect(await taskStates(target)).toEqual(["Slow install: done"]);
    });
  }
});

describe("a re-run over a hand-edited generated file (built CLI)", () => {
  it("keeps the user's copy without rewriting it when the merge adds nothing, and says so", async () => {
    const target = makeTempDir();
    const first = await runCli([fixtureBlueprint("greeting"), "--dir", target, "--set", "name=ann"]);
    expect(first.exitCode, first.transcript).toBe(0);
    const file = path.join(target, "src/greetings/ann.ts");
    writeFileSync(file, `// mine\n${readFileSync(file, "utf8")}`);
    const before = snapshotDir(target);
    const again = await runCli([fixtureBlueprint("greeting"), "--dir", target]);
    expect(again.exitCode, again.transcript).toBe(0);
    expect(again.stdout).toMatch(/skip\s+src\/greetings\/ann.ts\s+\(kept your changes; the blueprint has nothing new for this file\)/);
    expect(again.stdout).not.toMatch(/merge/);
    expect(again.stdout).toMatch(/Nothing to do/);
    expect(snapshotDir(target)).toEqual(before);
  });
});

describe("next steps say what is still to do, in order (built CLI)", () => {
  const stepsOf = (stdout: string): string[] => {
    const start = stdout.indexOf("Next steps:\n");
    return start === -1 ? [] : stdout.slice(start).split("\n").slice(1).filter((line) => line.startsWith("  ")).map((line) => line.trim());
  };

  it("a new app in a sub-folder: cd first, then the tasks --no-install left, then start it and the URL", async () => {
    const parent = makeTempDir();
    const result = await runCli(["ai-chat", "--dir", "my-chat", "--yes", "--no-install"], { cwd: parent });
    expect(result.exitCode, result.transcript).toBe(0);
    expect(stepsOf(result.stdout)).toEqual([
      "cd my-chat",
      "npm install --no-audit --no-fund   # Install dependencies with npm",
      "npx --no-install drizzle-kit generate --name init   # Generate the chat tables' migration",
      "npm run dev   # start the app",
      "Open http://localhost:3000/chat in your browser",
      "Read docs/ai-chat.md for what was added and how to switch to PostgreSQL or plug in auth.",
    ]);
  });

  it("in the current folder: no cd; the dev script's port is the one to open", async () => {
    const app = makeTempDir({
      "package.json": JSON.stringify({ name: "web", scripts: { dev: "next dev -p 4100" }, dependencies: { next: "^16.1.0" } }),
      "app/page.tsx": "export default function Page() { return null; }\n",
    });
    const result = await runCli(["ai-chat", "--yes", "--no-install"], { cwd: app });
    expect(result.exitCode, result.transcript).toBe(0);
    const steps = stepsOf(result.stdout);
    expect(steps[0]).toMatch(/^npm install /);
    expect(steps).toContain("Open http://localhost:4100/chat in your browser");
    expect(steps.some((step) => step.startsWith("cd "))).toBe(false);
  });
});

describe("an install done by hand is not a step any more (built CLI)", () => {
  it("after --no-install and a manual install, the next run lists only the migration", async () => {
    const parent = makeTempDir();
    const target = path.join(parent, "my-chat");
    const first = await runCli(["ai-chat", "--dir", target, "--yes", "--no-install"]);
    expect(first.exitCode, first.transcript).toBe(0);
    // What `npm install` leaves behind, newer than package.json.
    mkdirSync(path.join(target, "node_modules"));
    writeFileSync(path.join(target, "node_modules/.package-lock.json"), "{}\n");
    const again = await runCli(["ai-chat", "--dir", target, "--yes", "--no-install"]);
    expect(again.exitCode, again.transcript).toBe(0);
    expect(again.stdout).not.toMatch(/npm install/);
    expect(again.stdout).toMatch(/npx --no-install drizzle-kit generate --name init/);
    expect(await taskStates(target)).toEqual(["Generate the chat tables' migration: pending"]);
  });
});
