/** `"a", "b"`: allowed values in a message, quoted so an empty or spaced value is visible. */
export function quoteAll(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(", ");
}
