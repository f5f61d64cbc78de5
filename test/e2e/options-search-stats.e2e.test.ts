import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../support/temp-dir.js";
import { searchScenario } from "./scenarios/options/search.js";
import { statsScenario } from "./scenarios/options/stats.js";
import { GeneratedApp } from "./support/generated-app.js";
import { createFreshDatabase, runSql, type FreshDatabase } from "./support/postgres.js";

/**
 * Search (PostgreSQL full-text, GIN expression indexes) and stats (with usage on, so tokens are counted).
 * One app, built once, run on PGlite and on PostgreSQL; on PostgreSQL the plans are checked to use the indexes.
 */
const app = new GeneratedApp(path.join(makeTempDir({}, "scaffold-e2e-search-"), "search-chat"));
const databases: FreshDatabase[] = [];

afterAll(async () => {
  await app.stopAll();
  for (const database of databases) await database.drop().catch(() => undefined);
  console.log(`app sources: ${app.dir}`);
  console.log(app.timer.report("ai-chat search + stats + usage"));
});

function migrationSql(): string {
  const folder = path.join(app.dir, "drizzle");
  return readdirSync(folder)
    .filter((file) => file.endsWith(".sql"))
    .map((file) => readFileSync(path.join(folder, file), "utf8"))
    .join("\n");
}

/** The EXPLAIN output of `sql` with sequential scans off (the tables are tiny, so the planner would skip indexes). */
async function plan(url: string, sql: string): Promise<string> {
  return runSql(url, `SET enable_seqscan = off; EXPLAIN ${sql}`);
}

describe("ai-chat with search, stats and usage", () => {
  it("generates, typechecks, lints and builds, with the GIN indexes in the migration", async () => {
    const generate = await app.generate(["--set", "search=true", "--set", "stats=true", "--set", "usage=true"]);
    expect(generate.exitCode, generate.transcript).toBe(0);
    const migration = migrationSql();
    expect(migration).toContain(`CREATE INDEX "chats_title_search_idx" ON "chats" USING gin (to_tsvector('english', "title"));`);
    expect(migration).toContain(
      `CREATE INDEX "messages_text_search_idx" ON "messages" USING gin (to_tsvector('english', jsonb_path_query_array("parts", 'strict $[*] ? (@.type == "text").text')));`,
    );
    await app.typecheckLintBuild();
  });

  it("searches and counts on PGlite", async () => {
    const server = await app.start();
    await app.against(server, "search (PGlite)", searchScenario);
    await app.against(server, "stats (PGlite)", (url) => statsScenario(url, { usage: true }));
    expect(server.logs()).not.toMatch(/\[chat\] (unexpected error|could not)/);
    await app.stop(server);
  });

  it("searches and counts on PostgreSQL, through the indexes", async () => {
    const database = await createFreshDatabase("scaffold_e2e_search");
    databases.push(database);
    const server = await app.start({ DATABASE_URL: database.url });
    await app.against(server, "search (PostgreSQL)", searchScenario);
    await app.against(server, "stats (PostgreSQL)", (url) => statsScenario(url, { usage: true }));
    expect(server.logs()).not.toMatch(/\[chat\] (unexpected error|could not)/);
    await app.stop(server);

    // The predicates exactly as the app's queries write them (schema.ts's document expressions).
    const query = `websearch_to_tsquery('english', 'running')`;
    const titles = await plan(database.url, `SELECT id FROM chats WHERE to_tsvector('english', "chats"."title") @@ ${query}`);
    expect(titles).toMatch(/Bitmap Index Scan on chats_title_search_idx/);
    const texts = await plan(
      database.url,
      `SELECT "messages"."id" FROM "messages" WHERE to_tsvector('english', jsonb_path_query_array("messages"."parts", 'strict $[*] ? (@.type == "text").text')) @@ ${query}`,
    );
    expect(texts).toMatch(/Bitmap Index Scan on messages_text_search_idx/);
    const totals = await plan(
      database.url,
      `SELECT count(distinct "chats"."id"), count("messages"."id") FROM "chats" LEFT JOIN "messages" ON "messages"."chat_id" = "chats"."id" WHERE "chats"."owner_id" = 'x'`,
    );
    expect(totals).toMatch(/chats_owner_updated_idx/);
    expect(totals).toMatch(/messages_chat_seq_idx/);
  });
});
