import { processIsAlive } from "../system/process-is-alive.js";
import { hostname } from "node:os";
import { z } from "zod";
import { formatCommand, type Task } from "../tasks/task.js";

/**
 * What the manifest remembers of each task of the latest run. "running" is written (and committed) before a
 * task starts and replaced by "done" or "failed" when it ends, so a record still "running" after its process
 * is gone means the run was killed or interrupted mid-task: its outcome is unknown and it runs again.
 */
export const taskRecordSchema = z.object({
  title: z.string(),
  command: z.string(),
  args: z.array(z.string()),
  hint: z.string(),
  needsInstall: z.boolean(),
  installs: z.boolean().optional(),
  env: z.record(z.string(), z.string()).optional(),
  state: z.enum(["pending", "running", "done", "failed"]),
  /** The process running it and when it started, for a "running" record. */
  pid: z.number().int().optional(),
  host: z.string().optional(),
  startedAt: z.string().optional(),
});

export type TaskRecord = z.infer<typeof taskRecordSchema>;
export type TaskState = TaskRecord["state"];
/** What status reports: a "running" record whose process is gone reads as "interrupted". */
export type ReportedTaskState = TaskState | "interrupted";

export function taskKey(task: Pick<Task, "command" | "args">): string {
  return formatCommand(task);
}

export function toTask(record: Task | TaskRecord): Task {
  return {
    title: record.title,
    command: record.command,
    args: record.args,
    hint: record.hint,
    needsInstall: record.needsInstall,
    ...(record.installs ? { installs: true } : {}),
    ...(record.env ? { env: record.env } : {}),
  };
}

export function pendingRecord(task: Task): TaskRecord {
  return { ...toTask(task), state: "pending" };
}

/** Tasks an earlier run left to do: failed, never ran, or interrupted while running. */
export function outstandingRecords(records: readonly TaskRecord[]): TaskRecord[] {
  return records.filter((record) => record.state !== "done");
}

/**
 * The records of a run: this run's tasks in their order, then what earlier runs left to do that this run
 * does not already include. A task an earlier run left keeps its recorded state until it runs again.
 */
export function mergeRecords(tasks: readonly Task[], earlier: readonly TaskRecord[]): TaskRecord[] {
  const left = new Map(outstandingRecords(earlier).map((record) => [taskKey(record), record]));
  const records: TaskRecord[] = [];
  const seen = new Set<string>();
  for (const task of tasks) {
    const key = taskKey(task);
    if (seen.has(key)) continue;
    seen.add(key);
    records.push(left.get(key) ?? pendingRecord(task));
  }
  for (const [key, record] of left) if (!seen.has(key)) records.push(record);
  return records;
}

export function runningRecord(record: TaskRecord): TaskRecord {
  return { ...toTask(record), state: "running", pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
}

export function finishedRecord(record: TaskRecord, state: "done" | "failed"): TaskRecord {
  return { ...toTask(record), state };
}

export function reportedState(record: TaskRecord): ReportedTaskState {
  if (record.state !== "running") return record.state;
  return record.host === hostname() && record.pid !== undefined && processIsAlive(record.pid) ? "running" : "interrupted";
}

