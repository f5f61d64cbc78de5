import { existsSync, readdirSync, rmdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Removes the folders that deleting `files` left empty, deepest first, never the root itself. Deleting what
 * a blueprint generated should leave the tree as it was, not a skeleton of empty folders.
 */
export function pruneEmptyDirs(root: string, files: readonly string[]): void {
  const dirs = new Set<string>();
  for (const file of files) {
    for (let dir = path.posix.dirname(file); dir !== "." && dir !== "/"; dir = path.posix.dirname(dir)) dirs.add(dir);
  }
  const deepestFirst = [...dirs].sort((a, b) => b.split("/").length - a.split("/").length);
  for (const dir of deepestFirst) {
    const full = path.join(root, dir);
    if (existsSync(full) && statSync(full).isDirectory() && readdirSync(full).length === 0) rmdirSync(full);
  }
}
