import { createRequire } from "node:module";

// Loaded on first use: only a mistyped name needs an edit distance, and `--help` should not pay for it.
const load = createRequire(import.meta.url);

/**
 * The valid name a mistyped one was most likely meant to be: the nearest by edit distance, when it is near
 * enough to be a typo (a third of the name, at least two edits), else null.
 */
export function closestName(input: string, names: readonly string[]): string | null {
  const { distance } = load("fastest-levenshtein") as typeof import("fastest-levenshtein");
  const typed = input.toLowerCase();
  let best: { name: string; distance: number } | null = null;
  for (const name of names) {
    const edits = distance(typed, name.toLowerCase());
    if (edits <= Math.max(2, Math.floor(name.length / 3)) && (!best || edits < best.distance)) best = { name, distance: edits };
  }
  return best?.name ?? null;
}

/** ` (did you mean "x"?)` or nothing, to append to a message about an unknown name. */
export function didYouMean(input: string, names: readonly string[], format: (name: string) => string = (name) => `"${name}"`): string {
  const guess = closestName(input, names);
  return guess ? ` (did you mean ${format(guess)}?)` : "";
}
