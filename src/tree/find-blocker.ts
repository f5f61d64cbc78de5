import { statSync } from "node:fs";
import path from "node:path";

/**
 * Why a new file cannot be written at `file`, or null when it can: a folder stands where the file goes,
 * or one of its parent paths is a file. Found at plan time, so it is a conflict shown before the commit.
 */
export function findBlocker(root: string, file: string): string | null {
  if (kind(path.join(root, file)) === "dir") return "a folder is in the way: move or rename it, scaffold writes a file here";
  for (let dir = path.posix.dirname(file); dir !== "."; dir = path.posix.dirname(dir)) {
    const found = kind(path.join(root, dir));
    if (found === "file") return `${dir} is a file, so a folder cannot be created there: move or rename it`;
    if (found === "dir") return null;
  }
  return null;
}

function kind(location: string): "dir" | "file" | null {
  try {
    return statSync(location).isDirectory() ? "dir" : "file";
  } catch {
    return null;
  }
}
