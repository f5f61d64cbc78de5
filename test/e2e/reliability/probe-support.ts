import type { NextServer } from "../support/next-server.js";

/** What the generated code logs when a request failed in a way it did not plan for. */
export const UNEXPECTED_ERROR = /unexpected error|\[chat\] could not/i;

/** The server's output lines printed since `offset` (a length of logs() taken earlier). */
export const newLogLines = (server: NextServer, offset: number): string[] => server.logs().slice(offset).split("\n").filter(Boolean);

/** Runs `work` over `items`, `width` at a time: enough concurrency to matter, not enough to swamp a small machine. */
export async function inBatches<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  });
  await Promise.all(lanes);
}

/** The p-th percentile (0..100) of some numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
