import { applyPatch, parsePatch, reversePatch, type StructuredPatch } from "diff";
import type { RecordedEdit } from "./base-store.js";

export type UndoOutcome =
  /** Every edit was reversed; null content means delete the file. */
  | { kind: "undone"; content: string | null }
  /** The user changed lines an edit touched: the file is left alone and these lines are for a human. */
  | { kind: "diverged"; remove: string[]; restore: string[] };

/**
 * Reverses the recorded edits of one file, newest first, on its current content. Each patch carries a few
 * lines of context, so edits elsewhere in the file (the user's, or another blueprint's) do not matter; when
 * the user changed the edited lines themselves, nothing is guessed and the file is left as it is. A file an
 * edit created that is empty once the edits are undone is deleted, as it did not exist before.
 */
export function undoEdits(current: string, edits: readonly RecordedEdit[]): UndoOutcome {
  let text = current;
  for (const edit of [...edits].reverse()) {
    const patch = parseSingle(edit.patch);
    const undone = applyPatch(text, reversePatch(patch));
    // Lines edited since (even removed by hand) are not guessed at: a person decides what they mean.
    if (undone === false) return { kind: "diverged", ...linesOf(edits) };
    text = undone;
  }
  const created = edits[0]?.created ?? false;
  return { kind: "undone", content: created && text === "" ? null : text };
}

function parseSingle(text: string): StructuredPatch {
  const [patch] = parsePatch(text);
  if (!patch) throw new Error(`a recorded edit is not a unified diff: ${text.slice(0, 80)}`);
  return patch;
}

/** What the edits added (to remove by hand) and what they replaced (to put back), newest edit last. */
function linesOf(edits: readonly RecordedEdit[]): { remove: string[]; restore: string[] } {
  const remove: string[] = [];
  const restore: string[] = [];
  for (const edit of edits) {
    for (const hunk of parseSingle(edit.patch).hunks) {
      for (const line of hunk.lines) {
        if (line.startsWith("+")) remove.push(line.slice(1));
        else if (line.startsWith("-")) restore.push(line.slice(1));
      }
    }
  }
  return { remove, restore };
}
