/** The indentation a JSON file uses, so edits keep the file's own style. */
export function detectIndent(text: string): string | number {
  const match = /^([ \t]+)"/m.exec(text);
  return match?.[1] ?? 2;
}

export function stringifyLike(original: string, value: unknown): string {
  const eol = original.includes("\r\n") ? "\r\n" : "\n";
  const body = JSON.stringify(value, null, detectIndent(original));
  return (eol === "\n" ? body : body.replaceAll("\n", eol)) + eol;
}
