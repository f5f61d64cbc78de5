import type { Summary } from "../support/stats.js";
import type { ExplainedQuery } from "./explain.js";
import type { Operation } from "./operations.js";

export interface OperationResult {
  ours: Summary;
  baseline: Summary;
  /** The generated side measured again in a series of its own (reads only): its scaling with data size. */
  oursAlone?: Summary;
  /** baseline p50 / ours p50: how many times faster the generated layer is (below 1: slower). */
  ratio: number;
  /** deepPage only: how many messages back the page starts. */
  offset?: number;
  /** The plans of the SELECTs each side sent, from one EXPLAIN (ANALYZE, BUFFERS) after the timed runs. */
  explain?: { ours: ExplainedQuery[]; baseline: ExplainedQuery[] };
}

/** size label ("10k", "100k", "1M") → operation → figures */
export type BackendResults = Record<string, Record<Operation, OperationResult>>;

export type HistoryResults = Partial<Record<"postgres" | "pglite", BackendResults>>;
