import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import { ScaffoldError } from "../errors.js";
import { DurableFs, lstatOrNull } from "./durable-fs.js";
import { liveLockHolder, lockedBy } from "../target/target-lock.js";
import { JOURNAL_DIR, journalFile, listRunJournals, readJournal, type Journal } from "./journal.js";

const durable = new DurableFs();

/**
 * Puts every journaled file back as it was and removes what the commit created, then the journal. Every
 * step can be repeated, so a rollback that is itself killed is finished by the next run.
 */
export function rollback(root: string, runDir: string, journal: Journal): void {
  try {
    for (const entry of journal.entries) restoreEntry(root, entry);
    for (const dir of [...journal.createdDirs].reverse()) {
      const full = path.join(root, dir);
      if (existsSync(full) && readdirSync(full).length === 0) {
        rmdirSync(full);
        durable.syncDir(path.dirname(full));
      }
    }
  } catch (error) {
    throw new ScaffoldError(
      "RECOVERY_FAILED",
      `Restoring the files of an unfinished commit failed: ${(error as Error).message}. Its journal is kept in ${runDir}.`,
      "Fix the cause (permissions, disk space), then run any scaffold command here again: it finishes the restore.",
    );
  }
  discardJournal(root, runDir);
  if (journal.createdScaffoldDir) removeIfEmpty(path.join(root, ".scaffold"));
}

function restoreEntry(root: string, entry: Journal["entries"][number]): void {
  const target = path.join(root, entry.path);
  rmSync(`${target}.scaffold-tmp`, { force: true });
  // A folder the commit emptied and pruned comes back with the file.
  mkdirSync(path.dirname(target), { recursive: true });
  if (entry.backup !== null) {
    durable.copyFile(path.join(root, entry.backup), `${target}.scaffold-restore`);
    durable.rename(`${target}.scaffold-restore`, target);
    return;
  }
  const existing = lstatOrNull(target);
  if (existing && !existing.isDirectory()) durable.unlink(target);
  if (entry.link !== undefined) durable.symlink(entry.link, target);
}

/** The commit point: once the journal file is gone the new files stand; the backups are then just removed. */
export function finishJournal(root: string, runDir: string, fs: DurableFs): void {
  fs.unlink(journalFile(root, runDir));
  discardJournal(root, runDir);
}

/** Removes one run's journal folder, and `.scaffold/journal` when no other run's is left. */
export function discardJournal(root: string, runDir: string): void {
  const dir = path.join(root, runDir);
  if (existsSync(dir)) durable.removeTree(dir);
  if (runDir !== JOURNAL_DIR) removeIfEmpty(path.join(root, JOURNAL_DIR));
}

function removeIfEmpty(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length === 0) {
    rmdirSync(dir);
    durable.syncDir(path.dirname(dir));
  }
}

export type Recovery = "restored" | "discarded" | "none" | "pending";

/**
 * Called at the start of every command, under the target lock: a journal left behind means an earlier run
 * was killed mid-commit. Restores the target from it before anything else. A journal folder without its
 * journal file means the run died while taking backups, before touching any file: they are discarded.
 * With `readOnly` (dry run, --json) nothing is written: "pending" says a rollback is due.
 */
export function recoverInterruptedCommit(root: string, options: { readOnly?: boolean } = {}): Recovery {
  const runs = listRunJournals(root);
  if (runs.length === 0) return "none";
  const journals = runs.map((runDir) => ({ runDir, journal: readOrFail(root, runDir) }));
  if (options.readOnly) {
    if (journals.every((each) => each.journal === null)) return "none";
    // A live run is in the middle of its commit: what is on disk now is half of it.
    const holder = liveLockHolder(root);
    if (holder) throw lockedBy(holder);
    return "pending";
  }
  let restored = false;
  for (const { runDir, journal } of journals) {
    if (journal === null) discardJournal(root, runDir);
    else {
      rollback(root, runDir, journal);
      restored = true;
    }
  }
  // Nothing of ours left (no manifest, no lock): `.scaffold/` goes too, as it would after a finished run.
  removeIfEmpty(path.join(root, ".scaffold"));
  return restored ? "restored" : "discarded";
}

function readOrFail(root: string, runDir: string): Journal | null {
  try {
    return readJournal(root, runDir);
  } catch (error) {
    throw new ScaffoldError(
      "RECOVERY_FAILED",
      `An interrupted run left ${runDir} behind, and its journal cannot be read: ${(error as Error).message}.`,
      `Inspect ${runDir} (originals are in backup/), restore by hand or with git, then delete the folder.`,
    );
  }
}
