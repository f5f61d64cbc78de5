import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { hashContent, type AppliedBlueprint } from "./manifest.js";

export type FileState = "unchanged" | "modified" | "deleted";

/** How each file a blueprint generated compares with what it generated: the basis of status, update and remove. */
export function readFileStates(
  root: string,
  applied: AppliedBlueprint,
  read: (file: string) => Buffer | null = (file) => readFromDisk(root, file),
): Array<{ path: string; state: FileState }> {
  return Object.entries(applied.files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, recorded]) => {
      const content = read(file);
      if (content === null) return { path: file, state: "deleted" as const };
      const same = hashContent(content) === recorded.hash;
      return { path: file, state: same ? ("unchanged" as const) : ("modified" as const) };
    });
}

function readFromDisk(root: string, file: string): Buffer | null {
  const absolute = path.join(root, file);
  return existsSync(absolute) ? readFileSync(absolute) : null;
}
