import type { ExplainedQuery } from "../history/explain.js";
import type { RunPlan } from "../support/interleave.js";
import type { SearchDataset } from "./dataset.js";

export const SEARCH_WORDS = ["rare", "common"] as const;
export type SearchWord = (typeof SEARCH_WORDS)[number];

/** What the parent (on the repository's Node) tells the worker (on Node 24, inside the search app). */
export interface SearchWorkerConfig {
  appDir: string;
  data: SearchDataset;
  plan: RunPlan;
  resultFile: string;
}

/** Raw timings in milliseconds and sizes in bytes; the parent summarises them. */
export interface SearchWorkerResult {
  seedMs: number;
  sizes: { indexBytes: number; tableBytes: number; tableTotalBytes: number; baselineTableBytes: number; indexBytesReindexed: number };
  words: Record<
    SearchWord,
    {
      word: string;
      /** The owner's messages each side's condition matches (counted once, untimed). */
      matches: { generated: number; baseline: number };
      /** Rows each side returned (at most SEARCH_LIMIT). */
      returned: { generated: number; baseline: number };
      generated: number[];
      baseline: number[];
      explain: { generated: ExplainedQuery[]; baseline: ExplainedQuery[] };
    }
  >;
}
