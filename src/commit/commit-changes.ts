import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ScaffoldError } from "../errors.js";
import { JOURNAL_DIR, journalPath, type Journal } from "./journal.js";
import { pruneEmptyDirs } from "./prune-empty-dirs.js";
import { rollback } from "./rollback.js";

export interface FileWrite {
  path: string;
  /** New content, or null to delete the file. */
  after: string | null;
}

/** A test seam: called before the Nth file is touched, so a failure can be injected mid-commit. */
export interface CommitHooks {
  beforeWrite?: (index: number, file: string) => void;
}

/**
 * Writes every change or none. Originals are copied into a journal first; the journal file is written
 * (atomically) only once all backups exist, so its presence means "restorable". Each file is written to a
 * temp file and renamed into place. Any failure restores the target byte for byte and reports it.
 */
export function commitChanges(root: string, writes: readonly FileWrite[], hooks: CommitHooks = {}): void {
  if (writes.length === 0) return;
  const journal = prepareJournal(root, writes);
  try {
    writes.forEach((write, index) => {
      hooks.beforeWrite?.(index, write.path);
      applyWrite(root, write);
    });
  } catch (error) {
    rollback(root, journal);
    throw new ScaffoldError(
      "COMMIT_FAILED",
      `Writing the changes failed (${(error as Error).message}); every file was restored, the folder is as it was before this run.`,
      "Fix the cause (disk space, permissions, a file held open), then run the same command again.",
    );
  }
  rmSync(path.join(root, JOURNAL_DIR), { recursive: true, force: true });
  // Deleted files (a removed blueprint's, its manifest) take their emptied folders, `.scaffold/` included.
  pruneEmptyDirs(root, writes.filter((write) => write.after === null).map((write) => write.path));
  // The journal needed `.scaffold/`; leave it only if something of ours (the manifest) lives there.
  const scaffoldDir = path.join(root, ".scaffold");
  if (journal.createdScaffoldDir && existsSync(scaffoldDir) && readdirSync(scaffoldDir).length === 0) rmdirSync(scaffoldDir);
}

function prepareJournal(root: string, writes: readonly FileWrite[]): Journal {
  const createdScaffoldDir = !existsSync(path.join(root, ".scaffold"));
  const backupDir = path.join(root, JOURNAL_DIR, "backup");
  mkdirSync(backupDir, { recursive: true });
  const journal: Journal = { entries: [], createdDirs: missingDirs(root, writes), createdScaffoldDir };
  writes.forEach((write, index) => {
    const original = path.join(root, write.path);
    if (existsSync(original)) {
      const backup = path.posix.join(JOURNAL_DIR, "backup", String(index));
      copyFileSync(original, path.join(root, backup));
      journal.entries.push({ path: write.path, backup });
    } else {
      journal.entries.push({ path: write.path, backup: null });
    }
  });
  const file = journalPath(root);
  writeFileSync(`${file}.tmp`, JSON.stringify(journal, null, 2));
  renameSync(`${file}.tmp`, file);
  return journal;
}

/** Folders that must be created for the writes, parents first, so a rollback can remove exactly those. */
function missingDirs(root: string, writes: readonly FileWrite[]): string[] {
  const dirs = new Set<string>();
  for (const write of writes) {
    let dir = path.posix.dirname(write.path);
    const chain: string[] = [];
    while (dir !== "." && !existsSync(path.join(root, dir))) {
      chain.unshift(dir);
      dir = path.posix.dirname(dir);
    }
    chain.forEach((entry) => dirs.add(entry));
  }
  return [...dirs].sort((a, b) => a.split("/").length - b.split("/").length);
}

function applyWrite(root: string, write: FileWrite): void {
  const target = path.join(root, write.path);
  if (write.after === null) {
    rmSync(target, { force: true });
    return;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.scaffold-tmp`;
  writeFileSync(temp, write.after);
  // Keep the mode of a file being replaced (an executable script stays executable).
  if (existsSync(target)) chmodSync(temp, statSync(target).mode);
  renameSync(temp, target);
}
