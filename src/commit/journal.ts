import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const JOURNAL_DIR = ".scaffold/journal";
export const JOURNAL_FILE = `${JOURNAL_DIR}/journal.json`;

/** One file the commit is about to touch: where its original is kept, or null if it did not exist. */
export interface JournalEntry {
  path: string;
  backup: string | null;
}

/**
 * The record a commit keeps on disk while it writes: which files it touches, where their originals are,
 * and which folders it created. If the process dies mid-commit, the next run reads it and restores.
 */
export interface Journal {
  entries: JournalEntry[];
  createdDirs: string[];
  /** True when the commit itself created `.scaffold/`, so a rollback removes it too. */
  createdScaffoldDir: boolean;
}

export function journalPath(root: string): string {
  return path.join(root, JOURNAL_FILE);
}

export function readJournal(root: string): Journal | null {
  const file = journalPath(root);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8")) as Journal;
}
