import { commitChanges, type CommitHooks } from "../commit/commit-changes.js";
import { ScaffoldError } from "../errors.js";
import { runTasks, type TaskReporter, type TaskResult } from "../tasks/run-tasks.js";
import type { Task } from "../tasks/task.js";
import { entryBytes } from "../tree/file-content.js";
import { nextSteps } from "./next-steps.js";
import { conflicts, pendingWrites, type Plan } from "./plan.js";
import { recordingReporter } from "./task-recorder.js";

export interface ApplyOptions {
  /** Run tasks that need the dependencies installed (default true). */
  install?: boolean;
  reporter?: TaskReporter;
  hooks?: CommitHooks;
}

export interface ApplyResult {
  written: number;
  tasks: TaskResult[];
  /** Tasks not run because of --no-install: recorded as pending, run by the next run without it. */
  deferred: Task[];
  /** What is left to the user, in order (see nextSteps). */
  nextSteps: string[];
}

const silent: TaskReporter = { start() {}, end() {} };

/**
 * Commits a plan and runs its tasks. Refuses a plan with conflicts before touching anything. The plan's
 * commit records its tasks as pending; each task's outcome is then committed as it ends, so a failed or
 * interrupted task is run again by the next run even when no file changes (see stageTasks).
 */
export async function applyPlan(plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const blocked = conflicts(plan);
  if (blocked.length) {
    throw new ScaffoldError(
      "CONFLICTS",
      `${blocked.length} file${blocked.length === 1 ? "" : "s"} would overwrite content scaffold did not generate; nothing was written.`,
      "Review the differences (--dry-run shows them), move your changes aside, or pass --force to overwrite.",
      blocked.map((entry) => `${entry.path}: ${entry.reason ?? "conflict"}`),
    );
  }
  const writes = pendingWrites(plan);
  commitChanges(plan.target, writes.map((entry) => ({ path: entry.path, after: entryBytes(entry.after, entry.binary) })), options.hooks);
  const preview = previewTasks(plan, options.install ?? true);
  const reporter = recordingReporter(plan.target, plan.blueprint.name, options.reporter ?? silent, options.hooks);
  const tasks = preview.tasks.length ? await runTasks(preview.tasks, plan.target, reporter) : [];
  return { written: writes.length, tasks, deferred: preview.deferred, nextSteps: preview.nextSteps };
}

/**
 * The tasks applying a plan runs, those it defers (--no-install) and the next steps it leaves: one function
 * for apply and for the dry run's preview, so the two never disagree.
 */
export function previewTasks(plan: Plan, install: boolean): { tasks: Task[]; deferred: Task[]; nextSteps: string[] } {
  const tasks = plan.tasks.filter((task) => install || !task.needsInstall);
  const deferred = plan.tasks.filter((task) => !tasks.includes(task));
  return { tasks, deferred, nextSteps: nextSteps(plan, deferred) };
}
