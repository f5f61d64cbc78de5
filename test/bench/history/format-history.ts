import { formatTable, type Cell } from "../support/table.js";
import { OPERATIONS } from "./operations.js";
import type { HistoryResults } from "./results.js";

/** One table per backend: every size and operation, both sides' p50/p99 and how many times faster ours is. */
export function formatHistory(results: HistoryResults): string {
  const tables: string[] = [];
  for (const [backend, sizes] of Object.entries(results)) {
    const rows: Cell[][] = [];
    for (const [size, operations] of Object.entries(sizes)) {
      for (const operation of OPERATIONS) {
        const result = operations[operation];
        const name = result.offset !== undefined ? `${operation} (offset ${result.offset})` : operation;
        rows.push([
          `${size} ${name}`,
          result.ours.p50,
          result.ours.p99,
          result.baseline.p50,
          result.baseline.p99,
          `${result.ratio}×`,
          result.oursAlone?.p50,
          result.oursAlone?.p99,
        ]);
      }
    }
    tables.push(
      formatTable(
        `History queries on ${backend} (ms; ratio = baseline p50 / ours p50; "alone" = ours in a series of its own)`,
        ["size operation", "ours p50", "ours p99", "base p50", "base p99", "ratio", "alone p50", "alone p99"],
        rows,
      ),
    );
  }
  return tables.join("\n");
}
