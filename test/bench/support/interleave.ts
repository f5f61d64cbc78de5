/** How many runs to make of each side of a comparison. */
export interface RunPlan {
  /** Untimed runs of each side first: JIT, connection pools, caches and the planner settle here. */
  warmup: number;
  /** Timed runs of each side. */
  iterations: number;
  /**
   * Stop early once the timed part has taken this long (but never before `minIterations`), so one slow
   * baseline cannot blow the time budget of a whole run.
   */
  maxMs?: number;
  minIterations?: number;
}

/**
 * Runs the sides of a comparison in turns (A, B, A, B…), so that anything drifting during the run
 * (a background autovacuum, the CPU clocking down, a table growing) lands on both sides alike instead of
 * on whichever happened to run second. Each side returns its own measurement.
 */
export async function runInterleaved<Side extends string, Sample>(
  sides: Record<Side, () => Promise<Sample>>,
  plan: RunPlan,
): Promise<Record<Side, Sample[]>> {
  const names = Object.keys(sides) as Side[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as Sample[]])) as Record<Side, Sample[]>;
  for (let i = 0; i < plan.warmup; i++) {
    for (const name of names) await sides[name]();
  }
  const started = performance.now();
  for (let i = 0; i < plan.iterations; i++) {
    for (const name of names) samples[name].push(await sides[name]());
    const overBudget = plan.maxMs !== undefined && performance.now() - started > plan.maxMs;
    if (overBudget && i + 1 >= (plan.minIterations ?? 0)) break;
  }
  return samples;
}

/** Wraps an async call so that it yields its own wall time in milliseconds. */
export function timed(work: () => Promise<unknown>): () => Promise<number> {
  return async () => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
}
