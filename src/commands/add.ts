import path from "node:path";
import { promptOptions } from "../blueprint/prompt-options.js";
import { applyPlan } from "../engine/apply-plan.js";
import { planBlueprint } from "../engine/plan-blueprint.js";
import { nextSteps } from "../engine/next-steps.js";
import { conflicts, pendingWrites } from "../engine/plan.js";
import { formatDiffs, formatPlanTable, planToJson } from "../output/format-plan.js";
import { createTaskProgress } from "../output/task-progress.js";
import { describeFailure } from "../tasks/run-tasks.js";
import type { CommandIO } from "./io.js";

export interface AddArgs {
  blueprint: string;
  dir: string;
  yes: boolean;
  dryRun: boolean;
  json: boolean;
  force: boolean;
  set: string[];
  install: boolean;
}

/** `scaffold <blueprint>`: plan, show, then commit and run tasks (or stop after showing, for --dry-run/--json). */
export async function runAdd(args: AddArgs, io: CommandIO): Promise<number> {
  const plan = await planBlueprint({
    blueprint: args.blueprint,
    dir: path.resolve(args.dir),
    sets: args.set,
    force: args.force,
    ...(io.interactive && !args.yes && !args.json ? { ask: promptOptions } : {}),
  });
  const blocked = conflicts(plan).length > 0;
  if (args.json) {
    io.out(`${planToJson(plan)}\n`);
    return blocked ? 2 : 0;
  }
  if (plan.recovered === "restored") io.out("An interrupted earlier run was found and rolled back first.\n");
  io.out(`${formatPlanTable(plan)}\n`);
  if (args.dryRun) {
    const diffs = formatDiffs(plan);
    if (diffs) io.out(`\n${diffs}\n`);
    io.out(`\nDry run: nothing was written.${blocked ? " Conflicts would stop a real run (exit 2)." : ""}\n`);
    return blocked ? 2 : 0;
  }
  if (blocked) {
    io.out(`\n${formatDiffs(plan, ["conflict"])}\n`);
    io.err(`\nConflicts: nothing was written. Move your changes aside or re-run with --force to overwrite them.\n`);
    return 2;
  }
  const runnable = plan.tasks.filter((task) => args.install || !task.needsInstall);
  if (pendingWrites(plan).length === 0 && runnable.length === 0) {
    if (plan.tasks.length === 0) {
      io.out(`\nNothing to do: ${plan.target} already has ${plan.blueprint.name} with these options.\n`);
    } else {
      io.out(`\nNo file changes; ${plan.tasks.length} task${plan.tasks.length === 1 ? "" : "s"} of an earlier run still to do (--no-install).\n`);
      printNextSteps(io, nextSteps(plan, plan.tasks));
    }
    return 0;
  }
  io.out("\n");
  const result = await applyPlan(plan, { install: args.install, reporter: createTaskProgress(io.out, io.interactive) });
  io.out(result.written
    ? `\nWrote ${result.written} file${result.written === 1 ? "" : "s"} in ${plan.target}.\n`
    : `\nNo file changes; ran the tasks an earlier run left to do.\n`);
  for (const warning of plan.warnings) io.out(`warning: ${warning}\n`);
  const failed = result.tasks.find((task) => task.status === "failed");
  if (failed) {
    io.err(`\n${describeFailure(failed, plan.target)}\n`);
    const again = `scaffold ${args.blueprint}${path.resolve(args.dir) === process.cwd() ? "" : ` --dir ${args.dir}`}`;
    io.err(`\`scaffold status\` lists what is left; the next \`${again}\` runs it again.\n`);
    return 1;
  }
  printNextSteps(io, nextSteps(plan, result.deferred));
  return 0;
}

function printNextSteps(io: CommandIO, steps: string[]): void {
  if (steps.length) io.out(`\nNext steps:\n${steps.map((step) => `  ${step}`).join("\n")}\n`);
}
