/**
 * Appends the lines a file lacks (`.gitignore` entries, `.env.example` keys), under a comment header, and
 * leaves every existing line as it was. `keyOf` decides when two lines are the same entry: for env files
 * `KEY=value` and `# KEY=` both count as the key being present, so a user's value is never duplicated.
 */
export function ensureLines(
  source: string | null,
  lines: readonly string[],
  options: { header?: string; keyOf?: (line: string) => string | null } = {},
): string {
  const keyOf = options.keyOf ?? ((line: string) => line.trim() || null);
  const existing = new Set((source ?? "").split(/\r?\n/).map(keyOf).filter((key): key is string => key !== null));
  const missing = lines.filter((line) => {
    const key = keyOf(line);
    return key === null || !existing.has(key);
  });
  if (missing.length === 0 || missing.every((line) => keyOf(line) === null)) return source ?? "";
  const base = source ?? "";
  const separator = base === "" ? "" : base.endsWith("\n") ? "\n" : "\n\n";
  const header = options.header ? [options.header] : [];
  return `${base}${separator}${[...header, ...missing].join("\n")}\n`;
}

/** The variable name of a dotenv line, whether set or commented out (`# KEY=`). */
export function envKeyOf(line: string): string | null {
  const match = /^\s*#?\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
  return match?.[1] ?? null;
}
