import { mkdtempSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** A fresh folder under the system temp dir, optionally seeded with files (path → content). */
export function makeTempDir(files: Record<string, string | Uint8Array> = {}, prefix = "scaffold-test-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
}

/** A file as a snapshot holds it: its text when it is valid UTF-8 (BOM kept), its exact bytes otherwise. */
export type SnapshotEntry = string | Buffer | { symlink: string } | null;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Every file, folder and symlink under `dir` (folders as null, links as their target): compare two of these
 * for byte-identity. Text reads as text so failures print readable diffs; anything else compares as bytes.
 */
export function snapshotDir(dir: string, ignore: (relative: string) => boolean = () => false): Record<string, SnapshotEntry> {
  const result: Record<string, SnapshotEntry> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    if (ignore(relative)) continue;
    const full = path.join(dir, relative);
    if (entry.isSymbolicLink()) result[relative] = { symlink: readlinkSync(full) };
    else if (entry.isFile()) result[relative] = asSnapshotText(readFileSync(full));
    else result[relative] = null;
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}

function asSnapshotText(bytes: Buffer): string | Buffer {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return bytes;
  }
}
