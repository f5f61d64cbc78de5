import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";
import type { FileWrite } from "./commit-changes.js";

/**
 * A write to a symlink inside the target lands in the file it points to, so the link stays a link (the
 * tree read through it, too). Deleting a symlink deletes the link itself. Writes that resolve to the same
 * real file are merged, the last one winning, so a journal never holds two entries for one file.
 */
export function resolveWrites(root: string, writes: readonly FileWrite[]): FileWrite[] {
  const realRoot = realpathSync(root);
  const byPath = new Map<string, FileWrite>();
  for (const write of writes) {
    const resolved = write.after === null ? write.path : throughLink(root, realRoot, write.path);
    byPath.set(resolved, { path: resolved, after: write.after });
  }
  return [...byPath.values()];
}

function throughLink(root: string, realRoot: string, file: string): string {
  const full = path.join(root, file);
  try {
    if (!lstatSync(full).isSymbolicLink()) return file;
    const real = realpathSync(full);
    const relative = path.relative(realRoot, real);
    if (relative.startsWith("..") || path.isAbsolute(relative)) return file;
    return relative.split(path.sep).join("/");
  } catch {
    return file; // missing, or a dangling link: written in place
  }
}
