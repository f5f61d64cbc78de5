import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { envWithNode24 } from "../../e2e/support/node24.js";
import { createFreshDatabase } from "../../e2e/support/postgres.js";
import type { RunPlan } from "../support/interleave.js";
import type { GeneratedApp } from "../support/generated-app.js";
import { ratio, summarize } from "../support/stats.js";
import { describeDataset, type Dataset } from "./dataset.js";
import { OPERATIONS, type Operation } from "./operations.js";
import type { BackendResults, HistoryResults, OperationResult } from "./results.js";
import type { WorkerConfig, WorkerResult } from "./worker-protocol.js";

export type Backend = "postgres" | "pglite";

const SIZES: Record<Backend, Record<"full" | "quick", Array<[string, number]>>> = {
  postgres: { full: [["10k", 10_000], ["100k", 100_000], ["1M", 1_000_000]], quick: [["10k", 10_000]] },
  pglite: { full: [["10k", 10_000], ["100k", 100_000]], quick: [["10k", 10_000]] },
};

function runPlans(quick: boolean): Record<Operation, RunPlan> {
  const read: RunPlan = quick ? { warmup: 5, iterations: 30 } : { warmup: 20, iterations: 300, maxMs: 20_000, minIterations: 100 };
  return { latestPage: read, deepPage: read, listChats: read, saveTurn: quick ? read : { ...read, iterations: 200 } };
}

/** Every size on every backend, each in a fresh database of its own. */
export async function runHistoryBench(app: GeneratedApp, quick: boolean): Promise<{ results: HistoryResults; datasets: DatasetReport[] }> {
  const results: HistoryResults = {};
  const datasets: DatasetReport[] = [];
  for (const backend of ["postgres", "pglite"] as const) {
    const backendResults: BackendResults = {};
    for (const [label, messages] of SIZES[backend][quick ? "quick" : "full"]) {
      console.error(`history: ${backend} ${label}`);
      const data = describeDataset(label, messages);
      const measured = await runOneSize(app, backend, data, runPlans(quick));
      backendResults[label] = measured.operations;
      datasets.push({ backend, ...data, loadMs: Math.round(measured.seedMs), openMs: Math.round(measured.openMs) });
    }
    results[backend] = backendResults;
  }
  return { results, datasets };
}

/** The dataset of one measured size, with how long the bulk load and the first open (migrations) took. */
export type DatasetReport = Dataset & { backend: Backend; loadMs: number; openMs: number };

async function runOneSize(app: GeneratedApp, backend: Backend, data: Dataset, plans: Record<Operation, RunPlan>) {
  const scratch = await mkdtemp(path.join(app.workDir, `history-${backend}-${data.label}-`));
  const database = backend === "postgres" ? await createFreshDatabase(`scaffold_bench_${data.label}`) : undefined;
  const databaseEnv: Record<string, string> = database
    ? { DATABASE_URL: database.url }
    : { PGLITE_DATA_DIR: path.join(scratch, "pglite") };
  try {
    const config: WorkerConfig = { appDir: app.appDir, data, plans, resultFile: path.join(scratch, "result.json") };
    await runWorker(app, config, databaseEnv);
    const raw = JSON.parse(await readFile(config.resultFile, "utf8")) as WorkerResult;
    return { operations: summarizeWorker(data, raw), seedMs: raw.seedMs, openMs: raw.openMs };
  } finally {
    await database?.drop();
    await rm(scratch, { recursive: true, force: true });
  }
}

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "worker.js");

function runWorker(app: GeneratedApp, config: WorkerConfig, databaseEnv: Record<string, string>): Promise<void> {
  const child = spawn(path.join(app.binDir, "node"), [WORKER, JSON.stringify(config)], {
    cwd: app.appDir,
    env: envWithNode24(app.binDir, databaseEnv),
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`history worker for ${config.data.label} exited with ${String(code ?? signal)}`)),
    );
  });
}

function summarizeWorker(data: Dataset, raw: WorkerResult): Record<Operation, OperationResult> {
  const entries = OPERATIONS.map((operation): [Operation, OperationResult] => {
    const ours = summarize(raw.operations[operation].ours);
    const baseline = summarize(raw.operations[operation].baseline);
    const alone = raw.operations[operation].oursAlone;
    const result: OperationResult = { ours, baseline, ratio: ratio(baseline.p50, ours.p50) };
    if (alone) result.oursAlone = summarize(alone);
    if (operation === "deepPage") result.offset = data.deepOffset;
    const explain = raw.explain[operation];
    if (explain) result.explain = explain;
    return [operation, result];
  });
  return Object.fromEntries(entries) as Record<Operation, OperationResult>;
}
