import path from "node:path";
import { promptOptions } from "../blueprint/prompt-options.js";
import { applyPlan, previewTasks } from "../engine/apply-plan.js";
import { planBlueprint } from "../engine/plan-blueprint.js";
import { conflicts, pendingWrites } from "../engine/plan.js";
import { formatDiffs } from "../output/format-diffs.js";
import { formatDryRunEnd, formatNextSteps, formatWarnings, formatWouldRun, lines, paragraphs } from "../output/format-outcome.js";
import { formatPlanTable, planToJson } from "../output/format-plan.js";
import { loadStyle } from "../output/style.js";
import { createTaskProgress } from "../output/task-progress.js";
import { describeFailure } from "../tasks/run-tasks.js";
import { describeRecovery } from "../commit/describe-recovery.js";
import { recoverInterruptedCommit } from "../commit/rollback.js";
import { withTargetLock } from "../target/with-target-lock.js";
import type { CommandIO } from "./io.js";

export interface AddArgs {
  blueprint: string;
  dir: string;
  yes: boolean;
  dryRun: boolean;
  json: boolean;
  force: boolean;
  set: string[];
  preset?: string;
  install: boolean;
  verbose: boolean;
}

/**
 * `scaffold <blueprint>`: plan, show, then commit and run tasks. `--dry-run` stops after showing, with the
 * same tasks, warnings and next steps the real run would print; `--json` prints the plan and writes nothing.
 */
export async function runAdd(args: AddArgs, io: CommandIO): Promise<number> {
  const readOnly = args.dryRun || args.json;
  return withTargetLock(path.resolve(args.dir), `add ${args.blueprint}`, io, readOnly, () => addLocked(args, io, readOnly));
}

async function addLocked(args: AddArgs, io: CommandIO, readOnly: boolean): Promise<number> {
  // Said first, before anything can fail: the folder was restored (or a read-only run says it will be).
  const recovered = recoverInterruptedCommit(path.resolve(args.dir), { readOnly });
  if (!args.json) io.out(describeRecovery(recovered));
  const plan = await planBlueprint({
    blueprint: args.blueprint,
    dir: path.resolve(args.dir),
    sets: args.set,
    ...(args.preset !== undefined ? { preset: args.preset } : {}),
    force: args.force,
    readOnly,
    ...(io.interactive && !args.yes && !args.json ? { ask: promptOptions } : {}),
  });
  const blocked = conflicts(plan).length > 0;
  const preview = previewTasks(plan, args.install);
  if (args.json) {
    io.out(`${planToJson(plan, { run: { tasks: preview.tasks, nextSteps: preview.nextSteps } })}\n`);
    return blocked ? 2 : 0;
  }
  const style = await loadStyle(io.color);
  io.out(`${formatPlanTable(plan, { style, verbose: args.verbose })}\n`);
  const nothingToDo = `Nothing to do: ${plan.target} already has ${plan.blueprint.name} with these options.`;
  const writes = pendingWrites(plan).length;
  const idle = writes === 0 && preview.tasks.length === 0;
  // Tasks an earlier run left (failed, interrupted, or deferred with --no-install) keep a run from being idle.
  const leftOver = idle && plan.tasks.length > 0
    ? `No file changes; ${plan.tasks.length} task${plan.tasks.length === 1 ? "" : "s"} of an earlier run still to do (--no-install).`
    : nothingToDo;
  if (args.dryRun) {
    const outcome = blocked ? [] : idle ? [leftOver, formatNextSteps(plan.tasks.length ? preview.nextSteps : [], style)] : [lines(formatWouldRun(preview.tasks, style), formatWarnings(plan.warnings, style)), formatNextSteps(preview.nextSteps, style)];
    io.out(paragraphs(formatDiffs(plan, undefined, style), ...outcome, formatDryRunEnd(blocked, style)));
    return blocked ? 2 : 0;
  }
  if (blocked) {
    io.out(paragraphs(formatDiffs(plan, ["conflict"], style)));
    io.err(`\nConflicts: nothing was written. Move your changes aside or re-run with --force to overwrite them.\n`);
    return 2;
  }
  if (idle) {
    io.out(paragraphs(leftOver, plan.tasks.length ? formatNextSteps(preview.nextSteps, style) : ""));
    return 0;
  }
  const reporter = preview.tasks.length > 0 ? await createTaskProgress(io, style) : undefined;
  if (reporter) io.out("\n");
  const result = await applyPlan(plan, { install: args.install, ...(reporter ? { reporter } : {}) });
  const wrote = writes
    ? `Wrote ${result.written} file${result.written === 1 ? "" : "s"} in ${plan.target}.`
    : "No file changes; ran the tasks an earlier run left to do.";
  const failed = result.tasks.find((task) => task.status === "failed");
  io.out(paragraphs(lines(wrote, formatWarnings(plan.warnings, style)), failed ? "" : formatNextSteps(result.nextSteps, style)));
  if (failed) {
    io.err(`\n${describeFailure(failed, plan.target)}\n`);
    const again = `scaffold ${args.blueprint}${path.resolve(args.dir) === process.cwd() ? "" : ` --dir ${args.dir}`}`;
    io.err(`\`scaffold status\` lists what is left; the next \`${again}\` runs it again.\n`);
    return 1;
  }
  return 0;
}
