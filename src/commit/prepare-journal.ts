import { existsSync, readlinkSync } from "node:fs";
import path from "node:path";
import type { FileWrite } from "./commit-changes.js";
import { lstatOrNull, type DurableFs } from "./durable-fs.js";
import { journalFile, type Journal } from "./journal.js";

/**
 * Copies every original the commit will replace into `runDir/backup/`, then writes the journal that lists
 * them. Ordered for a crash at any point: backups are fsynced, then the folder holding them, and only then
 * is the journal renamed into place, so a journal on disk always points to complete backups.
 */
export function prepareJournal(root: string, runDir: string, writes: readonly FileWrite[], fs: DurableFs, current: { file: string }): Journal {
  const createdScaffoldDir = !existsSync(path.join(root, ".scaffold"));
  const backupDir = path.posix.join(runDir, "backup");
  makeDirs(root, backupDir, fs);
  const journal: Journal = { entries: [], createdDirs: missingDirs(root, writes), createdScaffoldDir };
  writes.forEach((write, index) => {
    current.file = write.path;
    const original = path.join(root, write.path);
    const stats = lstatOrNull(original);
    if (stats?.isDirectory() && write.after !== null) throw inTheWay(original);
    if (stats?.isSymbolicLink()) {
      journal.entries.push({ path: write.path, backup: null, link: readlinkSync(original) });
    } else if (stats?.isFile()) {
      const backup = path.posix.join(backupDir, String(index));
      fs.copyFile(original, path.join(root, backup));
      journal.entries.push({ path: write.path, backup });
    } else {
      journal.entries.push({ path: write.path, backup: null });
    }
  });
  fs.syncDir(path.join(root, backupDir));
  const file = journalFile(root, runDir);
  fs.writeFile(`${file}.tmp`, JSON.stringify(journal, null, 2));
  fs.rename(`${file}.tmp`, file);
  return journal;
}

/** Folders that must be created for the writes, parents first, so a rollback can remove exactly those. */
function missingDirs(root: string, writes: readonly FileWrite[]): string[] {
  const dirs = new Set<string>();
  for (const write of writes) {
    if (write.after === null) continue;
    const chain: string[] = [];
    for (let dir = path.posix.dirname(write.path); dir !== "." && !existsSync(path.join(root, dir)); dir = path.posix.dirname(dir)) chain.unshift(dir);
    chain.forEach((entry) => dirs.add(entry));
  }
  return [...dirs].sort((a, b) => a.split("/").length - b.split("/").length);
}

function makeDirs(root: string, dir: string, fs: DurableFs): void {
  const chain: string[] = [];
  for (let each = dir; each !== "." && !existsSync(path.join(root, each)); each = path.posix.dirname(each)) chain.unshift(each);
  for (const each of chain) fs.mkdir(path.join(root, each));
}

function inTheWay(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EISDIR: illegal operation on a directory, '${file}'`), { code: "EISDIR", path: file });
}
