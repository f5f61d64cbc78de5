import { expect, it } from "vitest";
import { searchScenario } from "../scenarios/options/search.js";
import { statsScenario } from "../scenarios/options/stats.js";
import { runSql } from "../support/postgres.js";
import { expectQuietLogs, migrationSql, withServer, type SuiteContext } from "./suite.js";

/** The EXPLAIN output of `sql` with sequential scans off (the tables are tiny, so the planner would skip indexes). */
const plan = (url: string, sql: string): Promise<string> => runSql(url, `SET enable_seqscan = off; EXPLAIN ${sql}`);

/** Search (PostgreSQL full-text, GIN expression indexes) and stats (usage is on, so tokens are counted). */
export function searchStatsTests(context: SuiteContext): void {
  it("search: the GIN expression indexes are in the migration", () => {
    const migration = migrationSql(context.app);
    expect(migration).toContain(`CREATE INDEX "chats_title_search_idx" ON "chats" USING gin (to_tsvector('english', "title"));`);
    expect(migration).toContain(
      `CREATE INDEX "messages_text_search_idx" ON "messages" USING gin (to_tsvector('english', jsonb_path_query_array("parts", 'strict $[*] ? (@.type == "text").text')));`,
    );
  });

  it("search and stats on PGlite", () =>
    withServer(context.app, {}, async (server) => {
      await context.app.against(server, "search (PGlite)", searchScenario);
      await context.app.against(server, "stats (PGlite)", (url) => statsScenario(url, { usage: true }));
      expectQuietLogs(server);
    }));

  it("search and stats on PostgreSQL, through the indexes", async () => {
    const database = await context.freshDatabase("scaffold_e2e_search");
    await withServer(context.app, { DATABASE_URL: database.url }, async (server) => {
      await context.app.against(server, "search (PostgreSQL)", searchScenario);
      await context.app.against(server, "stats (PostgreSQL)", (url) => statsScenario(url, { usage: true }));
      expectQuietLogs(server);
    });
    // The predicates exactly as the app's queries write them (schema.ts's document expressions).
    const query = `websearch_to_tsquery('english', 'running')`;
    expect(await plan(database.url, `SELECT id FROM chats WHERE to_tsvector('english', "chats"."title") @@ ${query}`)).toMatch(
      /Bitmap Index Scan on chats_title_search_idx/,
    );
    const texts = await plan(
      database.url,
      `SELECT "messages"."id" FROM "messages" WHERE to_tsvector('english', jsonb_path_query_array("messages"."parts", 'strict $[*] ? (@.type == "text").text')) @@ ${query}`,
    );
    expect(texts).toMatch(/Bitmap Index Scan on messages_text_search_idx/);
    const totals = await plan(
      database.url,
      `SELECT count(distinct "chats"."id"), count("messages"."id") FROM "chats" LEFT JOIN "messages" ON "messages"."chat_id" = "chats"."id" WHERE "chats"."owner_id" = 'x'`,
    );
    // Any of the owner-leading indexes serves it (the other options add more of them).
    expect(totals).toMatch(/(using|Index Scan on) chats_owner_\w+_idx/);
    expect(totals).toMatch(/messages_chat_seq_idx/);
  });
}
