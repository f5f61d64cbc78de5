import { formatTable } from "../support/table.js";
import type { RouteResults } from "./run-route.js";

export function formatRoute(results: RouteResults): string {
  const rows = (["ttfb", "total"] as const).map((key) => {
    const figure = results[key];
    return [key === "ttfb" ? "time to first byte" : "end of stream", figure.with.p50, figure.with.p99, figure.without.p50, figure.without.p99, figure.addedP50];
  });
  return formatTable(
    `POST /api/chat on PostgreSQL, with persistence vs without (ms, n=${results.ttfb.with.n} each)`,
    ["", "with p50", "with p99", "without p50", "without p99", "added p50"],
    rows,
  );
}
