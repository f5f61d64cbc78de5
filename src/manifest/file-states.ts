import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { hashContent, type AppliedBlueprint } from "./manifest.js";

export type FileState = "unchanged" | "modified" | "deleted";

/** How each file a blueprint generated compares with what it generated: the basis of status, update and remove. */
export function readFileStates(root: string, applied: AppliedBlueprint): Array<{ path: string; state: FileState }> {
  return Object.entries(applied.files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, recorded]) => {
      const absolute = path.join(root, file);
      if (!existsSync(absolute)) return { path: file, state: "deleted" as const };
      const same = hashContent(readFileSync(absolute, "utf8")) === recorded.hash;
      return { path: file, state: same ? ("unchanged" as const) : ("modified" as const) };
    });
}
