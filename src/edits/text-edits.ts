/** A replacement of `source.slice(start, end)` by `text`; an insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits computed against the same original text. Transformers edit by position instead of printing
 * the syntax tree again, so every byte they do not mean to change (comments, blank lines, the user's
 * formatting) stays exactly as it was.
 */
export function applyTextEdits(source: string, edits: readonly TextEdit[]): string {
  // Applied from the end so earlier positions stay valid; insertions at one position keep the given order.
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
  let result = source;
  let limit = Number.POSITIVE_INFINITY;
  for (const { edit } of sorted) {
    if (edit.end > limit) throw new Error(`Overlapping text edits at ${edit.start}..${edit.end}.`);
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}
