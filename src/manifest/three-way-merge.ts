import { diff3Merge } from "node-diff3";

export interface MergeOutcome {
  text: string;
  /** Number of places where both sides changed the same lines (marked in `text`). */
  conflicts: number;
}

/**
 * Merges the user's copy of a generated file with the newly generated one, using what was generated last
 * time as the common base: their edits survive, ours arrive, and only lines both changed get git-style
 * conflict markers. Identical changes on both sides are not conflicts.
 */
export function mergeThreeWay(yours: string, base: string, ours: string, label: string): MergeOutcome {
  const regions = diff3Merge(yours, base, ours, { excludeFalseConflicts: true, stringSeparator: "\n" });
  const lines: string[] = [];
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) {
      lines.push(...region.ok);
    } else if (region.conflict) {
      conflicts++;
      lines.push("<<<<<<< yours", ...region.conflict.a, "=======", ...region.conflict.b, `>>>>>>> ${label}`);
    }
  }
  return { text: lines.join("\n"), conflicts };
}
