import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** A fresh folder under the system temp dir, optionally seeded with files (path → content). */
export function makeTempDir(files: Record<string, string> = {}, prefix = "scaffold-test-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
}

/** Every file and folder under `dir` with its content (folders as null): compare two of these for byte-identity. */
export function snapshotDir(dir: string, ignore: (relative: string) => boolean = () => false): Record<string, string | null> {
  const result: Record<string, string | null> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (ignore(relative)) continue;
    result[relative] = entry.isFile() ? readFileSync(path.join(dir, relative), "utf8") : null;
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}
