import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";

interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
}

/**
 * PGlite has no lock between processes: two processes opening the same data
 * folder corrupt it silently (say `next dev` and `next start` side by side, or
 * a migration tool while the server runs). Each process that opens the folder
 * records itself in `<dataDir>.lock`; another live process finding that record
 * refuses to open the folder instead of damaging it. `scaffold migrate --apply`
 * reads the same record.
 */
export function claimPgliteFolder(dataDir: string): void {
  const lockFile = `${dataDir}.lock`;
  const holder = readHolder(lockFile);
  if (holder && holder.pid !== process.pid && holder.hostname === hostname() && isAlive(holder.pid)) {
    throw new Error(
      `The database in ${dataDir} is already open in process ${holder.pid}. ` +
        "PGlite cannot be shared between processes: stop the other server first.",
    );
  }
  const mine: LockHolder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  writeFileSync(lockFile, `${JSON.stringify(mine)}\n`);
  process.once("exit", () => {
    if (readHolder(lockFile)?.pid === process.pid) rmSync(lockFile, { force: true });
  });
}

function readHolder(lockFile: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(lockFile, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
