import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const SKIP = new Set(["node_modules", ".next", ".git", ".scaffold", "dist", "build", "out", "coverage", ".turbo", ".vercel", ".data"]);
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const MAX_FILES = 3000;
const MAX_BYTES = 256 * 1024;

/**
 * The project's own source files (path relative to the root, text), for the detectors to read. Build
 * output, dependencies and huge generated files are skipped; the walk stops at a few thousand files so a
 * monorepo root cannot make planning slow.
 */
export function readSourceFiles(root: string): Array<{ path: string; text: string }> {
  const files: Array<{ path: string; text: string }> = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (files.length >= MAX_FILES) return;
      if (SKIP.has(entry.name)) continue;
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else if (entry.isFile() && SOURCE.test(entry.name) && statSync(absolute).size <= MAX_BYTES) {
        files.push({ path: path.relative(root, absolute).split(path.sep).join("/"), text: readFileSync(absolute, "utf8") });
      }
    }
  };
  walk(root);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
