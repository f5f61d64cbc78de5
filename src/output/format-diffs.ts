import path from "node:path";
import { createTwoFilesPatch } from "diff";
import type { Plan } from "../engine/plan.js";
import type { EntryStatus } from "../manifest/classify-changes.js";
import { PLAIN, type Style } from "./style.js";

/** Unified diffs of the files a plan changes (updates, deletes, overwrites and conflicts; not whole new files). */
export function formatDiffs(plan: Plan, statuses: EntryStatus[] = ["update", "merge", "delete", "overwrite", "conflict"], style: Style = PLAIN): string {
  return plan.entries
    .filter((entry) => statuses.includes(entry.status) && !entry.binary)
    .map((entry) => createTwoFilesPatch(path.posix.join("a", entry.path), path.posix.join("b", entry.path), entry.before ?? "", entry.after ?? "", "", "", { context: 3 }))
    .map((patch) => (style === PLAIN ? patch : colorPatch(patch, style)))
    .join("\n");
}

function colorPatch(patch: string, style: Style): string {
  return patch
    .split("\n")
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---") || line.startsWith("====")) return style.bold(line);
      if (line.startsWith("@@")) return style.cyan(line);
      if (line.startsWith("+")) return style.green(line);
      if (line.startsWith("-")) return style.red(line);
      return line;
    })
    .join("\n");
}
