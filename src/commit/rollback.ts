import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, rmdirSync } from "node:fs";
import path from "node:path";
import { ScaffoldError } from "../errors.js";
import { JOURNAL_DIR, readJournal, type Journal } from "./journal.js";

/** Puts every journaled file back as it was and removes what the commit created. */
export function rollback(root: string, journal: Journal): void {
  for (const entry of journal.entries) {
    const target = path.join(root, entry.path);
    rmSync(`${target}.scaffold-tmp`, { force: true });
    if (entry.backup === null) {
      rmSync(target, { force: true });
    } else {
      copyFileSync(path.join(root, entry.backup), `${target}.scaffold-restore`);
      renameSync(`${target}.scaffold-restore`, target);
    }
  }
  for (const dir of [...journal.createdDirs].reverse()) {
    const full = path.join(root, dir);
    if (existsSync(full) && readdirSync(full).length === 0) rmdirSync(full);
  }
  rmSync(path.join(root, JOURNAL_DIR), { recursive: true, force: true });
  if (journal.createdScaffoldDir) {
    const scaffoldDir = path.join(root, ".scaffold");
    if (existsSync(scaffoldDir) && readdirSync(scaffoldDir).length === 0) rmdirSync(scaffoldDir);
  }
}

/**
 * Called at the start of every run: a journal left behind means an earlier run was killed mid-commit.
 * Restores the target from it before anything else, and says so. A journal folder without its journal file
 * means the run died while taking backups, before touching any file: the backups are simply discarded.
 */
export function recoverInterruptedCommit(root: string): "restored" | "discarded" | "none" {
  const journalDir = path.join(root, JOURNAL_DIR);
  if (!existsSync(journalDir)) return "none";
  let journal: Journal | null;
  try {
    journal = readJournal(root);
  } catch (error) {
    throw new ScaffoldError(
      "RECOVERY_FAILED",
      `An interrupted run left ${JOURNAL_DIR} behind, and its journal cannot be read: ${(error as Error).message}.`,
      `Inspect ${JOURNAL_DIR} (originals are in backup/), restore by hand or with git, then delete the folder.`,
    );
  }
  if (journal === null) {
    rmSync(journalDir, { recursive: true, force: true });
    return "discarded";
  }
  rollback(root, journal);
  return "restored";
}
