import type { BenchResults } from "./results.js";
import { formatTable, type Cell } from "./support/table.js";

interface Target {
  name: string;
  /** What was measured, as printed; null when this run did not measure it (--quick, --only). */
  measured: string | null;
  met: boolean | null;
}

/** The goals the generated code and the CLI are held to; checked here and printed, never asserted in tests. */
export function evaluateTargets(results: BenchResults): Target[] {
  const pg = results.history?.postgres;
  const small = pg?.["10k"];
  const large = pg?.["1M"];
  const targets: Target[] = [];
  for (const operation of ["latestPage", "deepPage"] as const) {
    // Scaling is judged on the series of the generated reads alone; the interleaved figure is shown beside it.
    const alone = (size: typeof small) => size?.[operation].oursAlone?.p50;
    const [from, to] = [alone(small), alone(large)];
    const interleaved = small && large ? large[operation].ours.p50 / small[operation].ours.p50 : null;
    targets.push({
      name: `${operation} p50 at 1M ≤ 1.5× its 10k figure (PostgreSQL)`,
      measured:
        from && to
          ? `${(to / from).toFixed(2)}× alone (${from} → ${to} ms); ${interleaved?.toFixed(2)}× interleaved`
          : null,
      met: from && to ? to / from <= 1.5 : null,
    });
  }
  const deep = large?.deepPage;
  targets.push({ name: "deepPage ≥ 20× faster than OFFSET at 1M (PostgreSQL)", measured: deep ? `${deep.ratio}×` : null, met: deep ? deep.ratio >= 20 : null });
  const added = results.route?.ttfb.addedP50;
  targets.push({ name: "persistence adds < 5 ms p50 to TTFB (PostgreSQL)", measured: added === undefined ? null : `${added} ms`, met: added === undefined ? null : added < 5 });
  const cli = results.cli;
  targets.push({ name: "scaffold --help < 200 ms", measured: cli ? `${cli.help.p50.toFixed(0)} ms` : null, met: cli ? cli.help.p50 < 200 : null });
  for (const [key, label] of [["dryRunEmpty", "empty folder"], ["dryRunExisting", "existing app"]] as const) {
    const p50 = cli?.[key].p50;
    targets.push({ name: `ai-chat --dry-run < 1 s (${label})`, measured: p50 === undefined ? null : `${p50.toFixed(0)} ms`, met: p50 === undefined ? null : p50 < 1000 });
  }
  const migrate = cli?.migrate;
  targets.push({
    name: "scaffold migrate within 15% of drizzle-kit generate",
    measured: migrate ? `${migrate.ratio}× (${migrate.scaffold.p50.toFixed(0)} vs ${migrate.drizzleKit.p50.toFixed(0)} ms)` : null,
    met: migrate ? migrate.ratio <= 1.15 : null,
  });
  return targets;
}

export function formatTargets(targets: readonly Target[]): string {
  const rows: Cell[][] = targets.map((target) => [target.name, target.measured ?? "not measured", target.met === null ? "–" : target.met ? "met" : "MISSED"]);
  return formatTable("Targets", ["target", "measured", ""], rows);
}
