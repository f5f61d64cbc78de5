import { writeFile } from "node:fs/promises";
import { BASELINE_SCHEMA, COPY_INTO_BASELINE } from "../baseline/schema.js";
import { runInterleaved, timed } from "../support/interleave.js";
import { PAGE_SIZE, seedStatements, type Dataset } from "./dataset.js";
import { explainWork } from "./explain.js";
import { loadGeneratedModules, type GeneratedModules } from "./load-generated.js";
import { OPERATIONS, operationPairs, type OperationPair } from "./operations.js";
import { closeClient, runStatements, toNumber, type SqlClient } from "./sql-client.js";
import type { WorkerConfig, WorkerResult } from "./worker-protocol.js";

/**
 * Runs inside the generated app (its working directory, its node_modules, Node 24), because that is where the
 * generated client finds its migrations and drivers. One process per database: `getDb()` caches one
 * connection for the life of the process, as it does in the app. Usage: node worker.js '<WorkerConfig JSON>'.
 */
const config = JSON.parse(process.argv[2] ?? "") as WorkerConfig;
const { data } = config;
const log = (message: string) => process.stderr.write(`  [${data.label}] ${message}\n`);

const generated = await loadGeneratedModules(config.appDir);
let started = performance.now();
const client = await generated.openClient();
const openMs = performance.now() - started;

log(`loading ${data.messages.toLocaleString("en")} messages…`);
started = performance.now();
await runStatements(client, seedStatements(data));
await runStatements(client, [...BASELINE_SCHEMA, ...COPY_INTO_BASELINE]);
// Both sides get fresh statistics and a visibility map, as autovacuum would give them after a while. The
// checkpoint writes the load's dirty pages out now: left to the background, it runs for minutes after a
// million-row load and slows every commit measured meanwhile (saveTurn doubled at 1M without it).
const tables = ["chats", "messages", "baseline_chats", "baseline_messages"];
await runStatements(client, [...tables.map((table) => `VACUUM ANALYZE ${table}`), "CHECKPOINT"]);
const seedMs = performance.now() - started;
log(`loaded in ${(seedMs / 1000).toFixed(1)} s`);

const pairs = operationPairs({ data, queries: generated.queries, client, deepCursor: await deepCursor(client, generated, data) });
await assertSamePages(pairs);

const result: WorkerResult = { openMs, seedMs, operations: {} as WorkerResult["operations"], explain: {} };
for (const operation of OPERATIONS) {
  const pair = pairs[operation];
  const plan = config.plans[operation];
  const samples = await runInterleaved({ ours: timed(pair.ours), baseline: timed(pair.baseline) }, plan);
  // The generated reads once more on their own: how they scale with the data, without the baseline's
  // scans evicting their pages from the shared buffers between two calls (see README).
  const alone = operation === "saveTurn" ? undefined : (await runInterleaved({ ours: timed(pair.ours) }, plan)).ours;
  result.operations[operation] = alone ? { ...samples, oursAlone: alone } : samples;
  log(`${operation}: ${samples.ours.length} runs per side`);
  // Writes would add rows on every EXPLAIN ANALYZE; the reads are what the plans are wanted for.
  if (operation !== "saveTurn") {
    result.explain[operation] = { ours: await explainWork(client, pair.ours), baseline: await explainWork(client, pair.baseline) };
  }
}

await writeFile(config.resultFile, JSON.stringify(result));
await closeClient(client);

/** The generated layer's cursor is the `seq` of the newest message to exclude; find it once, untimed. */
async function deepCursor(db: SqlClient, modules: GeneratedModules, dataset: Dataset): Promise<string> {
  const { rows } = await db.query(`SELECT seq FROM messages WHERE chat_id = $1 ORDER BY seq DESC OFFSET $2 LIMIT 1`, [
    dataset.pagedChat,
    dataset.deepOffset - 1,
  ]);
  if (!rows[0]) throw new Error(`Chat ${dataset.pagedChat} is shorter than ${dataset.deepOffset} messages.`);
  return modules.encodeCursor([toNumber(rows[0].seq)]);
}

/** Before timing anything: both sides must return the very same messages, or the comparison means nothing. */
async function assertSamePages(all: Record<(typeof OPERATIONS)[number], OperationPair>): Promise<void> {
  for (const operation of ["latestPage", "deepPage"] as const) {
    const ours = (await all[operation].ours()) as { messages: Array<{ id: string }> } | null;
    const baseline = (await all[operation].baseline()) as Array<{ id: unknown }> | null;
    const oursIds = ours?.messages.map((message) => message.id) ?? [];
    const baselineIds = baseline?.map((row) => String(row.id)) ?? [];
    if (oursIds.length !== PAGE_SIZE || oursIds.join() !== baselineIds.join()) {
      throw new Error(`${operation}: the generated layer and the baseline returned different pages:\n${oursIds.join()}\n${baselineIds.join()}`);
    }
  }
}
