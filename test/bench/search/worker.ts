import { writeFile } from "node:fs/promises";
import { BASELINE_SCHEMA, COPY_INTO_BASELINE } from "../baseline/schema.js";
import { explainWork } from "../history/explain.js";
import { closeClient, runStatements, toNumber, type SqlClient } from "../history/sql-client.js";
import { runInterleaved, timed } from "../support/interleave.js";
import { searchMessagesWithIlike } from "./baseline-search.js";
import { SEARCH_LIMIT, searchSeedStatements } from "./dataset.js";
import { loadGeneratedSearch } from "./load-search.js";
import { SEARCH_WORDS, type SearchWorkerConfig, type SearchWorkerResult } from "./worker-protocol.js";

/**
 * Runs inside the app generated with `--set search=true` (its working directory, node_modules, Node 24), one
 * process per database, like the history worker. Usage: node worker.js '<SearchWorkerConfig JSON>'.
 */
const config = JSON.parse(process.argv[2] ?? "") as SearchWorkerConfig;
const { data } = config;
const log = (message: string) => process.stderr.write(`  [search ${data.label}] ${message}\n`);

const generated = await loadGeneratedSearch(config.appDir);
const client = await generated.openClient();

log(`loading ${data.messages.toLocaleString("en")} messages…`);
let started = performance.now();
await runStatements(client, searchSeedStatements(data));
await runStatements(client, [...BASELINE_SCHEMA, ...COPY_INTO_BASELINE]);
// As in the history section: fresh statistics, the GIN index's pending list merged, dirty pages written out.
const tables = ["chats", "messages", "baseline_chats", "baseline_messages"];
await runStatements(client, [...tables.map((table) => `VACUUM ANALYZE ${table}`), "CHECKPOINT"]);
const seedMs = performance.now() - started;
log(`loaded in ${(seedMs / 1000).toFixed(1)} s`);

const result: SearchWorkerResult = { seedMs, sizes: await sizes(client), words: {} as SearchWorkerResult["words"] };
for (const key of SEARCH_WORDS) {
  const word = data.words[key];
  const sides = {
    generated: () => generated.searchChats(data.owner, word, SEARCH_LIMIT),
    baseline: () => searchMessagesWithIlike(client, data.owner, word, SEARCH_LIMIT),
  };
  const returned = { generated: (await sides.generated()).messages.length, baseline: (await sides.baseline()).length };
  const matches = await countMatches(client, data.owner, word);
  if (matches.generated !== matches.baseline || returned.generated !== returned.baseline) {
    // Not fatal: stemming and substrings may legitimately differ; the table shows both counts.
    log(`note: "${word}" matches ${matches.generated} messages by full text, ${matches.baseline} by ILIKE`);
  }
  if (matches.generated === 0) throw new Error(`"${word}" matches nothing for ${data.owner}: the dataset is not what the bench expects.`);
  started = performance.now();
  const samples = await runInterleaved({ generated: timed(sides.generated), baseline: timed(sides.baseline) }, config.plan);
  log(`${key} word "${word}": ${samples.generated.length} runs per side in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const explain = { generated: await explainWork(client, sides.generated), baseline: await explainWork(client, sides.baseline) };
  result.words[key] = { word, matches, returned, ...samples, explain };
}

// After the timings: the index as REINDEX builds it in one go, against the one the inserts grew (the index
// exists from the first migration on, so the load went through GIN's pending list like any app's writes).
await client.query("REINDEX INDEX messages_text_search_idx");
const { rows: reindexed } = await client.query(`SELECT pg_relation_size('messages_text_search_idx') AS bytes`);
result.sizes.indexBytesReindexed = toNumber(reindexed[0]?.bytes);

await writeFile(config.resultFile, JSON.stringify(result));
await closeClient(client);

async function sizes(db: SqlClient): Promise<SearchWorkerResult["sizes"]> {
  const { rows } = await db.query(`SELECT pg_relation_size('messages_text_search_idx') AS index_bytes,
    pg_relation_size('messages') AS table_bytes, pg_total_relation_size('messages') AS table_total_bytes,
    pg_relation_size('baseline_messages') AS baseline_table_bytes`);
  const row = rows[0] ?? {};
  return {
    indexBytes: toNumber(row.index_bytes),
    tableBytes: toNumber(row.table_bytes),
    tableTotalBytes: toNumber(row.table_total_bytes),
    baselineTableBytes: toNumber(row.baseline_table_bytes),
    indexBytesReindexed: Number.NaN,
  };
}

/**
 * How many of the owner's messages each side's condition matches, without LIMIT. The full-text condition is
 * the generated schema's document expression (messageTextDocument), copied here only to count.
 */
async function countMatches(db: SqlClient, owner: string, word: string): Promise<{ generated: number; baseline: number }> {
  const fullText = await db.query(
    `SELECT count(*) AS n FROM messages m JOIN chats c ON c.id = m.chat_id
     WHERE c.owner_id = $1
       AND to_tsvector('english', jsonb_path_query_array(m.parts, 'strict $[*] ? (@.type == "text").text'))
           @@ websearch_to_tsquery('english', $2)`,
    [owner, word],
  );
  const ilike = await db.query(
    `SELECT count(*) AS n FROM baseline_messages m JOIN baseline_chats c ON c.id = m.chat_id
     WHERE c.user_id = $1
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(m.content) AS part
                   WHERE part->>'type' = 'text' AND part->>'text' ILIKE $2)`,
    [owner, `%${word}%`],
  );
  return { generated: toNumber(fullText.rows[0]?.n), baseline: toNumber(ilike.rows[0]?.n) };
}
