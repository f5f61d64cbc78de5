/** Percentiles of one series of timings, in milliseconds. */
export interface Summary {
  p50: number;
  p99: number;
  /** How many timed runs the figures come from (warm-up runs excluded). */
  n: number;
}

/**
 * Nearest-rank percentiles: every reported figure is a time that was really measured, never an interpolation
 * between two runs. With fewer than 100 runs p99 is simply the slowest one.
 */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("Cannot summarize an empty series of timings.");
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
}

/** The nearest-rank percentile `p` of timings sorted in ascending order. */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return round(sorted[rank - 1] ?? Number.NaN);
}

/** Three decimals: microseconds are the finest grain worth printing for a call over a socket. */
export function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** `slower / faster`, rounded; how many times the first figure is the second. */
export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? Math.round((numerator / denominator) * 100) / 100 : Number.NaN;
}
