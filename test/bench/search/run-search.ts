import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { envWithNode24 } from "../../e2e/support/node24.js";
import { createFreshDatabase } from "../../e2e/support/postgres.js";
import type { GeneratedApp } from "../support/generated-app.js";
import type { RunPlan } from "../support/interleave.js";
import { percentile, ratio, round } from "../support/stats.js";
import { describeSearchDataset, type SearchDataset } from "./dataset.js";
import type { SearchResults, SearchSizeResult, SearchSummary } from "./results.js";
import { SEARCH_WORDS, type SearchWorkerConfig, type SearchWorkerResult } from "./worker-protocol.js";

/** The option this section measures; the app is generated with it, apart from the one the other sections use. */
export const SEARCH_APP_OPTIONS = ["search=true"] as const;

const SIZES: Record<"full" | "quick", [[string, number], [string, number]]> = {
  full: [["10k", 10_000], ["200k", 200_000]],
  quick: [["2k", 2_000], ["20k", 20_000]],
};

function runPlan(quick: boolean): RunPlan {
  // A common word makes both sides read much of the owner's messages: a time budget keeps the large size short.
  return quick ? { warmup: 2, iterations: 15 } : { warmup: 5, iterations: 200, maxMs: 20_000, minIterations: 20 };
}

/** Both sizes on PostgreSQL, each in a fresh database of its own. */
export async function runSearchBench(app: GeneratedApp, quick: boolean): Promise<SearchResults> {
  const sizes: Record<string, SearchSizeResult> = {};
  const [small, large] = SIZES[quick ? "quick" : "full"];
  for (const [label, messages] of [small, large]) {
    console.error(`search: postgres ${label}`);
    sizes[label] = await runOneSize(app, describeSearchDataset(label, messages), runPlan(quick));
  }
  const growthOf = (word: (typeof SEARCH_WORDS)[number]) => {
    const [from, to] = [sizes[small[0]]?.words[word], sizes[large[0]]?.words[word]];
    return {
      generated: from && to ? ratio(to.generated.p50, from.generated.p50) : Number.NaN,
      baseline: from && to ? ratio(to.baseline.p50, from.baseline.p50) : Number.NaN,
    };
  };
  return { sizes, growth: { from: small[0], to: large[0], rare: growthOf("rare"), common: growthOf("common") } };
}

async function runOneSize(app: GeneratedApp, data: SearchDataset, plan: RunPlan): Promise<SearchSizeResult> {
  const scratch = await mkdtemp(path.join(app.workDir, `search-${data.label}-`));
  const database = await createFreshDatabase(`scaffold_bench_search_${data.label}`);
  try {
    const config: SearchWorkerConfig = { appDir: app.appDir, data, plan, resultFile: path.join(scratch, "result.json") };
    await runWorker(app, config, { DATABASE_URL: database.url });
    return summarizeWorker(data, JSON.parse(await readFile(config.resultFile, "utf8")) as SearchWorkerResult);
  } finally {
    await database.drop();
    await rm(scratch, { recursive: true, force: true });
  }
}

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "worker.js");

function runWorker(app: GeneratedApp, config: SearchWorkerConfig, databaseEnv: Record<string, string>): Promise<void> {
  const child = spawn(path.join(app.binDir, "node"), [WORKER, JSON.stringify(config)], {
    cwd: app.appDir,
    env: envWithNode24(app.binDir, databaseEnv),
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`search worker for ${config.data.label} exited with ${String(code ?? signal)}`)),
    );
  });
}

function summarizeWorker(data: SearchDataset, raw: SearchWorkerResult): SearchSizeResult {
  const words = Object.fromEntries(
    SEARCH_WORDS.map((key) => {
      const word = raw.words[key];
      const generated = summarize95(word.generated);
      const baseline = summarize95(word.baseline);
      const { matches, returned, explain } = word;
      return [key, { word: word.word, generated, baseline, ratio: ratio(baseline.p50, generated.p50), matches, returned, explain }];
    }),
  ) as SearchSizeResult["words"];
  return {
    messages: data.messages,
    ownerMessages: data.messages / 10,
    loadMs: Math.round(raw.seedMs),
    sizes: { ...raw.sizes, indexToTable: round(raw.sizes.indexBytes / raw.sizes.tableBytes) },
    words,
  };
}

function summarize95(samples: readonly number[]): SearchSummary {
  if (samples.length === 0) throw new Error("Cannot summarize an empty series of timings.");
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
}
