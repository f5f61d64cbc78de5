import { formatTable } from "../support/table.js";
import type { CliResults, ProcessFigure } from "./run-cli-bench.js";

export function formatCli(results: CliResults): string {
  const row = (name: string, figure: ProcessFigure) => [name, figure.p50, figure.p99, figure.peakRssMb, figure.n];
  return formatTable(
    "CLI (ms wall time from spawn to exit; peak RSS in MB)",
    ["command", "p50", "p99", "peak RSS", "n"],
    [
      row("scaffold --help", results.help),
      row("ai-chat --dry-run, empty folder", results.dryRunEmpty),
      row("ai-chat --dry-run, existing app", results.dryRunExisting),
      row("ai-chat --no-install, empty folder", results.applyEmpty),
      row("scaffold migrate", results.migrate.scaffold),
      row("drizzle-kit generate (node bin)", results.migrate.drizzleKit),
      row("npx drizzle-kit generate", results.migrate.drizzleKitNpx),
      [`migrate / drizzle-kit`, `${results.migrate.ratio}×`, null, null, null],
    ],
  );
}
