import { existsSync, linkSync, mkdirSync, readdirSync, rmdirSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { toEnvironmentError } from "../commit/environment-error.js";
import { DurableFs } from "../commit/durable-fs.js";
import { newRunId } from "../commit/journal.js";
import { ScaffoldError } from "../errors.js";
import { describeHolder, isStale, readLockHolder, type LockHolder } from "./lock-holder.js";

export const LOCK_PATH = ".scaffold/lock";

export interface TargetLock {
  runId: string;
  /** Set when the lock was taken over from a run whose process is gone: say so to the user. */
  tookOverFrom: LockHolder | null;
  release(): void;
}

const durable = new DurableFs();

/**
 * Takes the target's lock: one writing run at a time per folder. The lock file is written complete under
 * a private name and then hard-linked into place, which fails atomically when it exists, so a reader never
 * sees a half-written lock. A lock whose process is gone (same host, no such pid) is taken over; taking
 * over is itself guarded by a second link, so of several runs finding one stale lock only one takes it.
 */
export function acquireTargetLock(root: string, command: string): TargetLock {
  const scaffoldDir = path.join(root, ".scaffold");
  const created = createDirs(scaffoldDir);
  const runId = newRunId();
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command, runId };
  const lockFile = path.join(root, LOCK_PATH);
  const mine = path.join(scaffoldDir, `lock.${runId}`);
  let tookOverFrom: LockHolder | null;
  try {
    writeFileSync(mine, `${JSON.stringify(holder, null, 2)}\n`, { flag: "wx" });
    durable.syncFile(mine);
    tookOverFrom = linkOrTakeOver(mine, lockFile);
    unlinkIfExists(mine);
    durable.syncDir(scaffoldDir);
  } catch (error) {
    unlinkIfExists(mine);
    release(lockFile, null, created);
    throw error instanceof ScaffoldError ? error : toEnvironmentError(error, scaffoldDir, "Nothing was written.");
  }
  return { runId, tookOverFrom, release: () => release(lockFile, runId, created) };
}

function linkOrTakeOver(mine: string, lockFile: string): LockHolder | null {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryLink(mine, lockFile)) return null;
    const holder = readLockHolder(lockFile);
    if (holder === null) continue; // released between our link and read: try again
    if (!isStale(holder)) throw lockedBy(holder);
    const guard = `${lockFile}.takeover`;
    if (!tryLink(mine, guard)) {
      const other = readLockHolder(guard);
      // Someone else is taking it over right now; if that someone died mid-way, clear its guard and retry.
      if (other && !isStale(other)) throw lockedBy(other);
      unlinkIfExists(guard);
      continue;
    }
    try {
      // Still the same stale holder (not a run that took over meanwhile)? Then its lock is ours to remove.
      if (readLockHolder(lockFile)?.runId === holder.runId) unlinkIfExists(lockFile);
      if (tryLink(mine, lockFile)) return holder;
    } finally {
      unlinkIfExists(guard);
    }
  }
  const holder = readLockHolder(lockFile);
  throw lockedBy(holder ?? { pid: 0, host: "?", startedAt: "?", command: "?", runId: "?" });
}

/** Whether this process holds no lock and another live run does (read-only commands only look). */
export function liveLockHolder(root: string): LockHolder | null {
  const holder = readLockHolder(path.join(root, LOCK_PATH));
  return holder && !isStale(holder) ? holder : null;
}

export function lockedBy(holder: LockHolder): ScaffoldError {
  return new ScaffoldError(
    "TARGET_LOCKED",
    `Another scaffold run is working on this folder: ${describeHolder(holder)}. Nothing was written.`,
    `Wait for it to finish, then run again. If that process is gone on another machine, delete ${LOCK_PATH} by hand.`,
  );
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function release(lockFile: string, runId: string | null, created: string[]): void {
  if (runId !== null && readLockHolder(lockFile)?.runId === runId) durable.unlink(lockFile);
  // An empty `.scaffold/` (nothing applied, or the last blueprint removed) is not left behind, nor a
  // target folder that only this run created and nothing was written to.
  const scaffoldDir = path.dirname(lockFile);
  for (const dir of [scaffoldDir, ...[...created].reverse()]) {
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  }
}

/** Creates `dir` and its missing parents; returns those created, parents first. */
function createDirs(dir: string): string[] {
  const chain: string[] = [];
  for (let each = dir; !existsSync(each) && each !== path.dirname(each); each = path.dirname(each)) chain.unshift(each);
  const created: string[] = [];
  try {
    for (const each of chain) {
      mkdirSync(each);
      created.push(each);
    }
  } catch (error) {
    for (const each of created.reverse()) rmdirSync(each);
    throw toEnvironmentError(error, chain[created.length] ?? dir, "Nothing was written.");
  }
  return created;
}

function unlinkIfExists(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
