import path from "node:path";
import { expect, it } from "vitest";
import { aiTitlesScenario, aiTitlesWithModelScenario } from "../scenarios/options/aiTitles.js";
import { expectStillRateLimited, rateLimitScenario } from "../scenarios/options/rateLimit.js";
import { usageCostScenario, usageScenario } from "../scenarios/options/usage.js";
import { runSql } from "../support/postgres.js";
import { expectQuietLogs, type SuiteContext } from "./suite.js";

/** Makes string model ids resolve to an offline echo model, so the AI Gateway path runs without a network. */
const echoPreload = path.resolve("test/e2e/support/echo-default-provider.mjs");

/** The options of a turn: usage, the daily message limit (`limit`, as generated) and AI titles. */
export function turnTests(context: SuiteContext, limit: number): void {
  const { app } = context;

  it("usage, titles=ai offline and rateLimit on PGlite; the limit survives a restart", async () => {
    let server = await app.start();
    await app.against(server, "usage (PGlite)", usageScenario);
    await app.against(server, "titles=ai offline (PGlite)", aiTitlesScenario);
    const limited = await app.against(server, "rateLimit (PGlite)", (url) => rateLimitScenario(url, limit));
    await app.stop(server);
    server = await app.start({}, server.port);
    await app.against(server, "rateLimit after restart (PGlite)", () => expectStillRateLimited(limited));
    expectQuietLogs(server);
    await app.stop(server);
  });

  it("with a model behind a key: AI titles, priced and unpriced answers", async () => {
    const env = { NODE_OPTIONS: `--import=${echoPreload}`, AI_GATEWAY_API_KEY: "test-key", PGLITE_DATA_DIR: ".data/echo" };
    let server = await app.start(env);
    await app.against(server, "titles=ai with a model", aiTitlesWithModelScenario);
    // openai/gpt-5-mini, the default model, is in the cost table at $0.25 / $2 per million tokens.
    await app.against(server, "cost of a priced model", (url) => usageCostScenario(url, { input: 0.25, output: 2 }));
    await app.stop(server);
    server = await app.start({ ...env, AI_MODEL: "acme/not-in-the-table" }, server.port);
    await app.against(server, "cost of an unpriced model", (url) => usageCostScenario(url, null));
    expectQuietLogs(server);
    await app.stop(server);
  });

  it("usage stored in its columns, titles and rateLimit on PostgreSQL; the limit's override", async () => {
    const database = await context.freshDatabase("scaffold_e2e_turn");
    const env = { DATABASE_URL: database.url };
    let server = await app.start(env);
    const { chatId, totals, answers } = await app.against(server, "usage (PostgreSQL)", usageScenario);
    const columns = await runSql(
      database.url,
      `SELECT id, input_tokens, output_tokens, model, finish_reason, cost_micro_usd FROM messages WHERE chat_id = '${chatId}' AND role = 'assistant' ORDER BY seq`,
    );
    expect(columns.trim().split("\n")).toEqual(
      answers.map((answer) => [answer.id, answer.metadata!.usage!.inputTokens, answer.metadata!.usage!.outputTokens, "offline", "stop", 0].join("|")),
    );
    const userRows = await runSql(database.url, `SELECT count(*) FROM messages WHERE chat_id = '${chatId}' AND role = 'user' AND input_tokens IS NULL AND model IS NULL`);
    expect(userRows.trim()).toBe("2");
    expect(totals.answers).toBe(2);

    await app.against(server, "titles=ai offline (PostgreSQL)", aiTitlesScenario);
    const limited = await app.against(server, "rateLimit (PostgreSQL)", (url) => rateLimitScenario(url, limit));
    await app.stop(server);
    server = await app.start(env, server.port);
    await app.against(server, "rateLimit after restart (PostgreSQL)", () => expectStillRateLimited(limited));
    await app.stop(server);
    // The override: a higher limit lets the same user send again.
    server = await app.start({ ...env, CHAT_DAILY_MESSAGE_LIMIT: String(limit + 1) }, server.port);
    const again = await app.against(server, "CHAT_DAILY_MESSAGE_LIMIT override", () => limited.sendMessage(crypto.randomUUID(), "one more"));
    expect(again.status, again.body).toBe(200);
    expectQuietLogs(server);
    await app.stop(server);
  });
}
