import { processIsAlive } from "../system/process-is-alive.js";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ScaffoldError } from "../errors.js";

/**
 * PGlite has no lock between processes: two processes opening one data folder corrupt it silently. The
 * generated database client records its process in `<dataDir>.lock` while it has the folder open; this
 * refuses to touch a folder whose recorded process is still alive on this machine.
 */
export function assertPgliteFolderFree(root: string, dataDir: string): void {
  const lockFile = `${path.resolve(root, dataDir)}.lock`;
  if (!existsSync(lockFile)) return;
  let holder: { pid?: number; hostname?: string };
  try {
    holder = JSON.parse(readFileSync(lockFile, "utf8")) as { pid?: number; hostname?: string };
  } catch {
    return;
  }
  if (typeof holder.pid !== "number" || (holder.hostname && holder.hostname !== os.hostname())) return;
  if (!processIsAlive(holder.pid)) return;
  throw new ScaffoldError(
    "DATABASE_IN_USE",
    `The PGlite database in ${dataDir} is open in process ${holder.pid} (a running dev or production server). PGlite has no lock between processes, so migrating it now could corrupt it and lose data.`,
    "Stop the server, then run `scaffold migrate --apply` again. (The app also applies pending migrations itself when it starts.)",
  );
}

