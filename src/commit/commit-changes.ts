import { chmodSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { ScaffoldError } from "../errors.js";
import { DurableFs, lstatOrNull } from "./durable-fs.js";
import { toEnvironmentError } from "./environment-error.js";
import { journalFile, newRunId, runJournalDir, type Journal } from "./journal.js";
import { prepareJournal } from "./prepare-journal.js";
import { pruneEmptyDirs } from "./prune-empty-dirs.js";
import { createRoot, removeEmpty } from "./target-dirs.js";
import { discardJournal, finishJournal, rollback } from "./rollback.js";
import { resolveWrites } from "./resolve-writes.js";

export interface FileWrite {
  path: string;
  /** New content (text is written as UTF-8, bytes as they are), or null to delete the file. */
  after: string | Uint8Array | null;
}

/** Test seams: a failure (or a kill) can be injected before the Nth file, or before any one file-system call. */
export interface CommitHooks {
  beforeWrite?: (index: number, file: string) => void;
  beforeFsCall?: (operation: string, file: string) => void;
}

/**
 * Writes every change or none. Originals are copied into this run's own journal folder first; the journal
 * file is written (atomically, fsynced) only once all backups are on disk, so its presence means
 * "restorable". Each file is written to a temp file, fsynced and renamed into place; removing the journal
 * file is the commit point. Any failure restores the target byte for byte and says why in words.
 */
export function commitChanges(root: string, requested: readonly FileWrite[], hooks: CommitHooks = {}): void {
  if (requested.length === 0) return;
  const fs = new DurableFs(hooks.beforeFsCall);
  const createdRoot = createRoot(root);
  const scaffoldDir = path.join(root, ".scaffold");
  const created = [...createdRoot, ...(existsSync(scaffoldDir) ? [] : [scaffoldDir])];
  const writes = resolveWrites(root, requested);
  const runDir = runJournalDir(newRunId());
  const current = { file: writes[0]!.path };
  let journal: Journal;
  try {
    journal = prepareJournal(root, runDir, writes, fs, current);
  } catch (error) {
    discardJournal(root, runDir);
    removeEmpty(created);
    throw failure(error, current.file, "Nothing was written.");
  }
  try {
    writes.forEach((write, index) => {
      current.file = write.path;
      hooks.beforeWrite?.(index, write.path);
      applyWrite(root, write, fs);
    });
    // Deleted files (a removed blueprint's) take their emptied folders; before the commit point, so a
    // finished commit has none left and a rollback puts them back.
    pruneEmptyDirs(root, writes.filter((write) => write.after === null).map((write) => write.path));
  } catch (error) {
    rollback(root, runDir, journal);
    removeEmpty(created);
    throw failure(error, current.file, "Every file was restored; the folder is as it was before this run.");
  }
  try {
    finishJournal(root, runDir, fs);
  } catch (error) {
    // Before the commit point (the journal file still there) this is a failed commit like any other; past
    // it the change stands, and what is left of the journal is discarded by the next run.
    if (existsSync(journalFile(root, runDir))) {
      rollback(root, runDir, journal);
      removeEmpty(created);
      throw failure(error, runDir, "Every file was restored; the folder is as it was before this run.");
    }
  }
  // Nothing of ours left in `.scaffold/` (the journal gone, the last blueprint removed): it goes too.
  removeEmpty([scaffoldDir]);
}

function failure(error: unknown, file: string, outcome: string): unknown {
  if (error instanceof ScaffoldError) return error;
  const mapped = toEnvironmentError(error, file, outcome);
  if (mapped !== error) return mapped;
  return new ScaffoldError(
    "COMMIT_FAILED",
    `Writing ${file} failed (${(error as Error).message}). ${outcome}`,
    "Fix the cause (disk space, permissions, a file held open), then run the same command again.",
  );
}

function applyWrite(root: string, write: FileWrite, fs: DurableFs): void {
  const target = path.join(root, write.path);
  const existing = lstatOrNull(target);
  if (write.after === null) {
    if (existing) fs.unlink(target);
    return;
  }
  createParents(root, path.posix.dirname(write.path), fs);
  const temp = `${target}.scaffold-tmp`;
  fs.writeFile(temp, write.after);
  // Keep the mode of a file being replaced (an executable script stays executable).
  if (existing) chmodSync(temp, statSync(target).mode & 0o7777);
  fs.rename(temp, target);
}

/** Creates the missing folders of `dir`, parents first, each one fsynced into its parent. */
function createParents(root: string, dir: string, fs: DurableFs): void {
  const chain: string[] = [];
  for (let each = dir; each !== "." && !existsSync(path.join(root, each)); each = path.posix.dirname(each)) chain.unshift(each);
  for (const each of chain) fs.mkdir(path.join(root, each));
}

