import { cp, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { packageRoot } from "../../../src/package-root.js";
import { CLI_PATH, drizzleKitBin, type GeneratedApp } from "../support/generated-app.js";
import { runInterleaved, type RunPlan } from "../support/interleave.js";
import { measureProcess, type ProcessRun, type ProcessSpec } from "../support/measure-process.js";
import { ratio, summarize, type Summary } from "../support/stats.js";
import { prepareMigrateWorkspace } from "./migrate-workspace.js";

export type ProcessFigure = Summary & { peakRssMb: number | null };

export interface CliResults {
  help: ProcessFigure;
  dryRunEmpty: ProcessFigure;
  dryRunExisting: ProcessFigure;
  applyEmpty: ProcessFigure;
  migrate: {
    scaffold: ProcessFigure;
    /** `node node_modules/drizzle-kit/bin.cjs generate`: what scaffold itself runs, without scaffold around it. */
    drizzleKit: ProcessFigure;
    /** `npx drizzle-kit generate`, as users type it; for scale only. */
    drizzleKitNpx: ProcessFigure;
    /** scaffold p50 / drizzleKit p50 */
    ratio: number;
  };
}

/**
 * The CLI as users start it: a new Node process per command (the repository's Node), output discarded.
 * Every figure is wall time from spawn to exit, so it includes Node's own start-up.
 */
export async function runCliBench(app: GeneratedApp, quick: boolean): Promise<CliResults> {
  const plan: RunPlan = quick ? { warmup: 1, iterations: 5 } : { warmup: 3, iterations: 30 };
  const cli = (cwd: string, ...args: string[]): ProcessSpec => ({ command: process.execPath, args: [CLI_PATH, ...args], cwd, env: cliEnv() });

  const empty = path.join(app.workDir, "cli-empty");
  await mkdir(empty, { recursive: true });
  const existing = path.join(app.workDir, "cli-existing");
  await cp(path.join(packageRoot(), "fixtures", "next-app-root"), existing, { recursive: true });

  console.error("cli: --help, dry runs, apply");
  const help = await series(plan, () => measureProcess(cli(app.workDir, "--help")));
  const dryRunEmpty = await series(plan, () => measureProcess(cli(app.workDir, "ai-chat", "--dir", empty, "--yes", "--dry-run")));
  const dryRunExisting = await series(plan, () => measureProcess(cli(app.workDir, "ai-chat", "--dir", existing, "--yes", "--dry-run")));
  let applied = 0;
  const applyEmpty = await series(plan, async () => {
    const target = path.join(app.workDir, `cli-apply-${++applied}`);
    const run = await measureProcess(cli(app.workDir, "ai-chat", "--dir", target, "--yes", "--no-install"));
    await rm(target, { recursive: true, force: true });
    return run;
  });

  console.error("cli: scaffold migrate vs drizzle-kit generate");
  const workspace = await prepareMigrateWorkspace(app);
  const migratePlan: RunPlan = quick ? { warmup: 1, iterations: 3 } : { warmup: 2, iterations: 15 };
  const measureMigration = (spec: ProcessSpec) => async () => {
    await workspace.reset();
    const run = await measureProcess(spec);
    await workspace.assertNewMigration();
    return run;
  };
  const migrate = await runInterleaved(
    {
      scaffold: measureMigration(cli(workspace.appDir, "migrate", "--dir", workspace.appDir)),
      // The project's own drizzle-kit started directly with node, as scaffold starts it.
      drizzleKit: measureMigration({ command: process.execPath, args: [drizzleKitBin(workspace.appDir), "generate"], cwd: workspace.appDir, env: cliEnv() }),
      drizzleKitNpx: measureMigration({ command: "npx", args: ["--no-install", "drizzle-kit", "generate"], cwd: workspace.appDir, env: cliEnv() }),
    },
    migratePlan,
  );
  const scaffold = figure(migrate.scaffold);
  const drizzleKit = figure(migrate.drizzleKit);
  const drizzleKitNpx = figure(migrate.drizzleKitNpx);
  return { help, dryRunEmpty, dryRunExisting, applyEmpty, migrate: { scaffold, drizzleKit, drizzleKitNpx, ratio: ratio(scaffold.p50, drizzleKit.p50) } };
}

async function series(plan: RunPlan, run: () => Promise<ProcessRun>): Promise<ProcessFigure> {
  return figure((await runInterleaved({ run }, plan)).run);
}

function figure(runs: readonly ProcessRun[]): ProcessFigure {
  const peaks = runs.map((run) => run.peakRssMb).filter((peak): peak is number => peak !== null);
  return { ...summarize(runs.map((run) => run.wallMs)), peakRssMb: peaks.length > 0 ? Math.max(...peaks) : null };
}

/** The environment a user's shell would give: none of npm's `npm_*` variables that `npm run bench` adds. */
function cliEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith("npm_") && name !== "INIT_CWD") env[name] = value;
  }
  return { ...env, FORCE_COLOR: "0" };
}
