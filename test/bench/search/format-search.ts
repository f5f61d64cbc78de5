import { formatTable, type Cell } from "../support/table.js";
import type { SearchResults } from "./results.js";
import { SEARCH_WORDS } from "./worker-protocol.js";

const MB = 1024 * 1024;

/** Timings per size and word, growth from the small size to the large one, and the index against its table. */
export function formatSearch(results: SearchResults): string {
  const rows: Cell[][] = [];
  for (const [size, result] of Object.entries(results.sizes)) {
    for (const key of SEARCH_WORDS) {
      const word = result.words[key];
      rows.push([
        `${size} ${key} "${word.word}"`,
        `${word.matches.generated}/${word.matches.baseline}`,
        word.generated.p50,
        word.generated.p95,
        word.baseline.p50,
        word.baseline.p95,
        `${word.ratio}×`,
        word.generated.n,
      ]);
    }
  }
  const { growth } = results;
  const growthRows: Cell[][] = SEARCH_WORDS.map((key) => [key, `${growth[key].generated}×`, `${growth[key].baseline}×`]);
  const sizeRows: Cell[][] = Object.entries(results.sizes).map(([size, result]) => [
    size,
    result.sizes.indexBytes / MB,
    result.sizes.tableBytes / MB,
    `${(result.sizes.indexToTable * 100).toFixed(0)}%`,
    result.sizes.indexBytesReindexed / MB,
    result.sizes.tableTotalBytes / MB,
    result.loadMs,
  ]);
  return [
    formatTable(
      "Message search on postgres (ms; generated = searchChats, full text + GIN; baseline = ILIKE '%word%', no index; ratio = baseline p50 / generated p50; matches = owner's messages full text/ILIKE)",
      ["size word", "matches", "gen p50", "gen p95", "base p50", "base p95", "ratio", "runs"],
      rows,
    ),
    formatTable(`Search growth, p50 at ${growth.to} / p50 at ${growth.from}`, ["word", "generated", "baseline"], growthRows),
    formatTable(
      "messages_text_search_idx against its table (MB)",
      ["size", "index", "table (heap)", "index/heap", "after REINDEX", "table total", "load ms"],
      sizeRows,
    ),
  ].join("\n");
}
