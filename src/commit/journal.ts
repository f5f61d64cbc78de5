import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

/** Every commit keeps its own journal folder here, named by its run id (so two runs never share backups). */
export const JOURNAL_DIR = ".scaffold/journal";
const JOURNAL_NAME = "journal.json";

/**
 * One file the commit is about to touch: where its original is kept (null if it did not exist), or the
 * target of the symlink it was (a deleted link comes back as a link, not as a copy of what it pointed to).
 */
export interface JournalEntry {
  path: string;
  backup: string | null;
  link?: string;
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

/** A folder name that sorts by start time, unique per process and call. */
export function newRunId(): string {
  return `${Date.now().toString(36).padStart(9, "0")}-${process.pid}-${randomBytes(3).toString("hex")}`;
}

/** Root-relative folder of one run's journal. */
export function runJournalDir(runId: string): string {
  return path.posix.join(JOURNAL_DIR, runId);
}

export function journalFile(root: string, runDir: string): string {
  return path.join(root, runDir, JOURNAL_NAME);
}

/**
 * The journal folders an interrupted run left, newest first (the order to undo them in). A journal written
 * by an older scaffold, straight in `.scaffold/journal/`, counts as one more.
 */
export function listRunJournals(root: string): string[] {
  const dir = path.join(root, JOURNAL_DIR);
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir, { withFileTypes: true });
  const runs = entries.filter((entry) => entry.isDirectory() && entry.name !== "backup").map((entry) => runJournalDir(entry.name));
  const legacy = entries.some((entry) => entry.name === JOURNAL_NAME || entry.name === "backup") ? [JOURNAL_DIR] : [];
  return [...runs.sort().reverse(), ...legacy];
}

/** The journal of a run, or null when the run died before writing it (then it had not touched any file). */
export function readJournal(root: string, runDir: string): Journal | null {
  const file = journalFile(root, runDir);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8")) as Journal;
}
