import type { AppliedBlueprint } from "../manifest/manifest.js";
import type { BaseStore } from "../manifest/base-store.js";
import { undoEdits } from "../manifest/undo-edits.js";
import type { Tree } from "../tree/tree.js";
import { keep, type RemovalNotes } from "./removal-notes.js";

const origin = { kind: "edit", transformer: "undo-edit" } as const;

/**
 * Stages the reversal of every edit the blueprint made to files it does not own (package.json, .gitignore,
 * configs, a wrapped route…), from the patches recorded when they were made. What cannot be reversed
 * safely is left alone and turned into a manual step listing the exact lines.
 */
export function stageEditUndos(tree: Tree, applied: AppliedBlueprint, base: BaseStore, notes: RemovalNotes): void {
  const files = [...new Set([...Object.keys(applied.edits), ...Object.keys(base.edits)])].sort();
  for (const file of files) {
    const names = applied.edits[file] ?? [];
    const recorded = base.edits[file] ?? [];
    const current = tree.readOriginal(file);
    // A file the user deleted has nothing of ours left in it.
    if (current === null) continue;
    if (recorded.length === 0) {
      // Without a recorded patch there is nothing to reverse, unless the store predates recording them.
      if (!base.recordsEdits) {
        notes.kept.push(keep(file, "edited before scaffold recorded its edits; undo by hand", names));
        notes.nextSteps.push(`${file}: undo the ${names.join(", ")} edit by hand (scaffold has no record of what it changed).`);
      }
      continue;
    }
    const outcome = undoEdits(current, recorded);
    if (outcome.kind === "diverged") {
      notes.kept.push(keep(file, "you changed the lines scaffold edited; undo by hand", names));
      notes.nextSteps.push(describeManualUndo(file, outcome.remove, outcome.restore));
      continue;
    }
    if (outcome.content === null) tree.delete(file, origin);
    else tree.write(file, outcome.content, origin);
    const what = names.length ? names.join(", ") : "scaffold's edits";
    notes.reasons.set(file, outcome.content === null ? `undoes ${what}, which created it` : `undoes ${what}`);
  }
}

function describeManualUndo(file: string, remove: string[], restore: string[]): string {
  const lines = [`${file}: scaffold's edit could not be undone automatically because you changed those lines.`];
  if (remove.length) lines.push("    remove these lines:", ...remove.map((line) => `      ${line}`));
  if (restore.length) lines.push("    put back these lines:", ...restore.map((line) => `      ${line}`));
  return lines.join("\n");
}
