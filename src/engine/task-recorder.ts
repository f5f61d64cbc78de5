import { readFileSync } from "node:fs";
import path from "node:path";
import { commitChanges, type CommitHooks } from "../commit/commit-changes.js";
import { MANIFEST_PATH, parseManifest, recordTasks, serializeManifest } from "../manifest/manifest.js";
import { finishedRecord, runningRecord, taskKey, type TaskRecord } from "../manifest/task-records.js";
import type { TaskReporter, TaskResult } from "../tasks/run-tasks.js";
import type { Task } from "../tasks/task.js";

/**
 * Wraps a reporter so each task's state reaches the manifest through the same atomic commit as the files:
 * "running" before the command starts, "done" or "failed" when it ends. A task skipped after a failure
 * keeps its "pending" record from the plan's commit.
 */
export function recordingReporter(root: string, blueprint: string, reporter: TaskReporter, hooks?: CommitHooks): TaskReporter {
  const update = (task: Task, next: (record: TaskRecord) => TaskRecord): void => {
    const file = path.join(root, MANIFEST_PATH);
    const manifest = parseManifest(readFileSync(file, "utf8"));
    const records = manifest.blueprints[blueprint]?.tasks ?? [];
    const key = taskKey(task);
    if (!records.some((record) => taskKey(record) === key)) return;
    const updated = records.map((record) => (taskKey(record) === key ? next(record) : record));
    commitChanges(root, [{ path: MANIFEST_PATH, after: serializeManifest(recordTasks(manifest, blueprint, updated)) }], hooks);
  };
  return {
    start(task: Task) {
      update(task, runningRecord);
      reporter.start(task);
    },
    output(task: Task, line: string) {
      reporter.output?.(task, line);
    },
    end(result: TaskResult) {
      if (result.status !== "skipped") update(result.task, (record) => finishedRecord(record, result.status === "done" ? "done" : "failed"));
      reporter.end(result);
    },
  };
}
