import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../support/temp-dir.js";
import { aiTitlesScenario, aiTitlesWithModelScenario } from "./scenarios/options/aiTitles.js";
import { expectStillRateLimited, rateLimitScenario } from "./scenarios/options/rateLimit.js";
import { usageCostScenario, usageScenario } from "./scenarios/options/usage.js";
import { GeneratedApp } from "./support/generated-app.js";
import { createFreshDatabase, runSql, type FreshDatabase } from "./support/postgres.js";

/**
 * The options of a turn: usage tracking, a daily message limit (3, to reach it quickly) and AI titles (which
 * fall back to the first message offline). One app, built once, run on PGlite and on PostgreSQL.
 */
const LIMIT = 3;
/** Makes string model ids resolve to an offline echo model, so the AI Gateway path runs without a network. */
const echoPreload = path.resolve("test/e2e/support/echo-default-provider.mjs");
const app = new GeneratedApp(path.join(makeTempDir({}, "scaffold-e2e-turn-"), "turn-chat"));
const databases: FreshDatabase[] = [];

afterAll(async () => {
  await app.stopAll();
  for (const database of databases) await database.drop().catch(() => undefined);
  console.log(`app sources: ${app.dir}`);
  console.log(app.timer.report("ai-chat usage + rateLimit + titles=ai"));
});

describe("ai-chat with usage, rateLimit and titles=ai", () => {
  it("generates, typechecks, lints and builds", async () => {
    const generate = await app.generate(["--set", "usage=true", "--set", `rateLimit=${LIMIT}`, "--set", "titles=ai"]);
    expect(generate.exitCode, generate.transcript).toBe(0);
    await app.typecheckLintBuild();
  });

  it("works on PGlite, and the limit survives a restart", async () => {
    let server = await app.start();
    await app.against(server, "usage (PGlite)", usageScenario);
    await app.against(server, "titles=ai offline (PGlite)", aiTitlesScenario);
    const limited = await app.against(server, "rateLimit (PGlite)", (url) => rateLimitScenario(url, LIMIT));
    await app.stop(server);
    server = await app.start({}, server.port);
    await app.against(server, "rateLimit after restart (PGlite)", () => expectStillRateLimited(limited));
    expect(server.logs()).not.toMatch(/\[chat\] (unexpected error|could not)/);
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
    expect(server.logs()).not.toMatch(/\[chat\] (unexpected error|could not)/);
    await app.stop(server);
  });

  it("works on PostgreSQL, with the usage stored in its columns", async () => {
    const database = await createFreshDatabase("scaffold_e2e_turn");
    databases.push(database);
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
    const limited = await app.against(server, "rateLimit (PostgreSQL)", (url) => rateLimitScenario(url, LIMIT));
    await app.stop(server);
    server = await app.start(env, server.port);
    await app.against(server, "rateLimit after restart (PostgreSQL)", () => expectStillRateLimited(limited));
    // The override: a higher limit lets the same user send again.
    await app.stop(server);
    server = await app.start({ ...env, CHAT_DAILY_MESSAGE_LIMIT: String(LIMIT + 1) }, server.port);
    const again = await app.against(server, "CHAT_DAILY_MESSAGE_LIMIT override", () => limited.sendMessage(crypto.randomUUID(), "one more"));
    expect(again.status, again.body).toBe(200);
    expect(server.logs()).not.toMatch(/\[chat\] (unexpected error|could not)/);
    await app.stop(server);
  });
});
