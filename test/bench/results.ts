import type { CliResults } from "./cli/run-cli-bench.js";
import type { DatasetReport } from "./history/run-history.js";
import type { HistoryResults } from "./history/results.js";
import type { RouteResults } from "./route/run-route.js";
import type { SearchResults } from "./search/results.js";

/** The JSON written by `npm run bench` (see README.md for what each figure means). */
export interface BenchResults {
  meta: {
    startedAt: string;
    quick: boolean;
    /** The Node running the bench and the CLI; the generated app runs on Node 24. */
    node: string;
    cpus: number;
    /**
     * 1-minute load average when the run started (above ~0.5, something else was using the CPUs) and when it
     * ended (this one includes the bench's own next build and server, so only a much higher figure means much).
     */
    loadAverage: { start: number; end: number };
    datasets: DatasetReport[];
    wallMs: number;
  };
  history?: HistoryResults;
  route?: RouteResults;
  cli?: CliResults;
  search?: SearchResults;
  targets?: Array<{ name: string; measured: string | null; met: boolean | null }>;
}
