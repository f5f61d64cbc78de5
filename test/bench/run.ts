import { writeFile } from "node:fs/promises";
import os from "node:os";
import { formatCli } from "./cli/format-cli.js";
import { runCliBench } from "./cli/run-cli-bench.js";
import { formatHistory } from "./history/format-history.js";
import { runHistoryBench } from "./history/run-history.js";
import { parseBenchOptions } from "./options.js";
import type { BenchResults } from "./results.js";
import { formatRoute } from "./route/format-route.js";
import { runRouteBench } from "./route/run-route.js";
import { formatSearch } from "./search/format-search.js";
import { runSearchBench, SEARCH_APP_OPTIONS } from "./search/run-search.js";
import { prepareGeneratedApp } from "./support/generated-app.js";
import { evaluateTargets, formatTargets } from "./targets.js";

/**
 * `npm run bench`: the CLI's own start-up, dry runs and migrate; the generated history layer against a
 * hand-made baseline; the chat route with and without persistence; full-text message search against ILIKE.
 * Tables go to stdout, progress to stderr, everything to the JSON file.
 */
const options = parseBenchOptions(process.argv.slice(2));
const started = performance.now();
const results: BenchResults = {
  meta: {
    startedAt: new Date().toISOString(),
    quick: options.quick,
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { start: loadAverage(), end: 0 },
    datasets: [],
    wallMs: 0,
  },
};
if (results.meta.loadAverage.start > 0.5) {
  console.error(`note: load average ${results.meta.loadAverage.start} before starting; other work on this machine will add noise.`);
}

// The default app serves cli, history and route; search gets an app of its own, generated with the search
// option, so that its GIN index does not weigh on the other sections' writes.
const usesDefaultApp = options.sections.some((section) => section !== "search");
if (usesDefaultApp) {
  console.error("preparing the generated app…");
  const app = await prepareGeneratedApp({ keep: options.keep });
  try {
    // The CLI goes first: it copies the app before the route section builds it.
    if (options.sections.includes("cli")) {
      results.cli = await runCliBench(app, options.quick);
      console.log(formatCli(results.cli));
    }
    if (options.sections.includes("history")) {
      const history = await runHistoryBench(app, options.quick);
      results.history = history.results;
      results.meta.datasets = history.datasets;
      console.log(formatHistory(history.results));
    }
    if (options.sections.includes("route")) {
      results.route = await runRouteBench(app, options.quick);
      console.log(formatRoute(results.route));
    }
  } finally {
    await app.dispose();
  }
}
if (options.sections.includes("search")) {
  console.error(`preparing the generated app with --set ${SEARCH_APP_OPTIONS.join(" --set ")}…`);
  const searchApp = await prepareGeneratedApp({ keep: options.keep, set: SEARCH_APP_OPTIONS });
  try {
    results.search = await runSearchBench(searchApp, options.quick);
    console.log(formatSearch(results.search));
  } finally {
    await searchApp.dispose();
  }
}

results.targets = evaluateTargets(results);
console.log(formatTargets(results.targets));
results.meta.wallMs = Math.round(performance.now() - started);
results.meta.loadAverage.end = loadAverage();
await writeFile(options.out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nWall time ${(results.meta.wallMs / 1000).toFixed(0)} s. Results in ${options.out}`);

function loadAverage(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}
