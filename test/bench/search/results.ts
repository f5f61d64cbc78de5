import type { ExplainedQuery } from "../history/explain.js";
import type { SearchWord } from "./worker-protocol.js";

/** p50 and p95 of one series of timings (nearest rank), in milliseconds. */
export interface SearchSummary {
  p50: number;
  p95: number;
  n: number;
}

export interface SearchWordResult {
  word: string;
  generated: SearchSummary;
  baseline: SearchSummary;
  /** baseline p50 / generated p50 (above 1: the generated search is faster). */
  ratio: number;
  /** The owner's messages each side's condition matches (full text vs ILIKE), counted once, untimed. */
  matches: { generated: number; baseline: number };
  returned: { generated: number; baseline: number };
  explain: { generated: ExplainedQuery[]; baseline: ExplainedQuery[] };
}

export interface SearchSizeResult {
  messages: number;
  /** Messages of the searched owner (10%). */
  ownerMessages: number;
  loadMs: number;
  sizes: {
    /** pg_relation_size('messages_text_search_idx') */
    indexBytes: number;
    /** The same after `REINDEX` (taken after the timings): the index built in one go, not grown by inserts. */
    indexBytesReindexed: number;
    /** pg_relation_size('messages'): the heap alone */
    tableBytes: number;
    /** pg_total_relation_size('messages'): heap, TOAST and every index */
    tableTotalBytes: number;
    /** pg_relation_size('baseline_messages'), which has no search index */
    baselineTableBytes: number;
    /** indexBytes / tableBytes */
    indexToTable: number;
  };
  words: Record<SearchWord, SearchWordResult>;
}

export interface SearchResults {
  /** size label ("10k", "200k"; "2k", "20k" with --quick) → figures */
  sizes: Record<string, SearchSizeResult>;
  /** p50 at the larger size / p50 at the smaller one, per word and side. */
  growth: { from: string; to: string } & Record<SearchWord, { generated: number; baseline: number }>;
}
