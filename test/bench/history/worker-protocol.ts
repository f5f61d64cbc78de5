import type { RunPlan } from "../support/interleave.js";
import type { Dataset } from "./dataset.js";
import type { ExplainedQuery } from "./explain.js";
import type { Operation } from "./operations.js";

/** What the parent (on the repository's Node) tells the worker (on Node 24, inside the generated app). */
export interface WorkerConfig {
  appDir: string;
  data: Dataset;
  plans: Record<Operation, RunPlan>;
  resultFile: string;
}

/** Raw timings in milliseconds; the parent summarises them. */
export interface WorkerResult {
  openMs: number;
  seedMs: number;
  operations: Record<Operation, { ours: number[]; baseline: number[]; oursAlone?: number[] }>;
  explain: Partial<Record<Operation, { ours: ExplainedQuery[]; baseline: ExplainedQuery[] }>>;
}
