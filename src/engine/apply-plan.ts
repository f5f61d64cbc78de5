import { commitChanges, type CommitHooks } from "../commit/commit-changes.js";
import { ScaffoldError } from "../errors.js";
import { entryBytes } from "../tree/file-content.js";
import { runTasks, type TaskReporter, type TaskResult } from "../tasks/run-tasks.js";
import { formatCommand, type Task } from "../tasks/task.js";
import { conflicts, pendingWrites, type Plan } from "./plan.js";

export interface ApplyOptions {
  /** Run tasks that need the dependencies installed (default true). */
  install?: boolean;
  reporter?: TaskReporter;
  hooks?: CommitHooks;
}

export interface ApplyResult {
  written: number;
  tasks: TaskResult[];
  /** Commands the user still has to run (tasks skipped with --no-install, the blueprint's next steps). */
  nextSteps: string[];
}

const silent: TaskReporter = { start() {}, end() {} };

/**
 * Commits a plan and runs its tasks. Refuses a plan with conflicts before touching anything. When there is
 * nothing to write, tasks do not run either: a re-run on an unchanged target is a no-op.
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
  if (writes.length === 0) return { written: 0, tasks: [], nextSteps: [] };
  commitChanges(plan.target, writes.map((entry) => ({ path: entry.path, after: entryBytes(entry.after, entry.binary) })), options.hooks);
  const preview = previewTasks(plan, options.install ?? true);
  const tasks = preview.tasks.length ? await runTasks(preview.tasks, plan.target, options.reporter ?? silent) : [];
  return { written: writes.length, tasks, nextSteps: preview.nextSteps };
}

/**
 * The tasks applying a plan runs and the next steps it leaves (tasks skipped with --no-install first): one
 * function for apply and for the dry run's preview, so the two never disagree.
 */
export function previewTasks(plan: Plan, install: boolean): { tasks: Task[]; nextSteps: string[] } {
  const tasks = plan.tasks.filter((task) => install || !task.needsInstall);
  const deferred = plan.tasks.filter((task) => !tasks.includes(task)).map((task) => `${formatCommand(task)}   # ${task.title}`);
  return { tasks, nextSteps: [...deferred, ...plan.nextSteps] };
}
