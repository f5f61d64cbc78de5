import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { listRunJournals, readJournal } from "./journal.js";

/**
 * What the files an interrupted commit touched will hold once it is rolled back: the content a read-only
 * run (dry run, --json) plans against, since it must not perform the rollback itself. Journals are undone
 * newest first, so the oldest one's originals are what remains.
 */
export function journalOverlay(root: string): Map<string, Buffer | null> {
  const overlay = new Map<string, Buffer | null>();
  for (const runDir of listRunJournals(root)) {
    const journal = readJournal(root, runDir);
    for (const entry of journal?.entries ?? []) {
      overlay.set(entry.path, restoredContent(root, entry.path, entry.backup, entry.link));
    }
  }
  return overlay;
}

function restoredContent(root: string, file: string, backup: string | null, link: string | undefined): Buffer | null {
  if (backup !== null) return readFileSync(path.join(root, backup));
  if (link === undefined) return null;
  const target = path.resolve(path.dirname(path.join(root, file)), link);
  return existsSync(target) ? readFileSync(target) : null;
}
