import { processIsAlive } from "../system/process-is-alive.js";
import { readFileSync } from "node:fs";
import os from "node:os";

/** Who holds a target's lock: enough to name the run to the user and to tell whether it is still alive. */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
  runId: string;
}

export function readLockHolder(file: string): LockHolder | null {
  try {
    const raw = JSON.parse(readFileSync(file, "utf8")) as Partial<LockHolder>;
    if (typeof raw.pid !== "number" || typeof raw.host !== "string") return null;
    return { pid: raw.pid, host: raw.host, startedAt: String(raw.startedAt), command: String(raw.command), runId: String(raw.runId) };
  } catch {
    return null;
  }
}

/**
 * A holder is stale only when we can know its process is gone: same host, and signal 0 says no such
 * process. A lock from another host (a shared network folder) is never taken over automatically.
 */
export function isStale(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return false;
  return !processIsAlive(holder.pid);
}

export function describeHolder(holder: LockHolder): string {
  return `\`scaffold ${holder.command}\` (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt})`;
}
