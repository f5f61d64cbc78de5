import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allAiChatOptionsOn, asSetArgs } from "../support/ai-chat-options.js";
import { makeTempDir } from "../support/temp-dir.js";
import { ANSWERS_SERVER_ENV, answersScenario, contextBudgetScenario } from "./scenarios/answers.js";
import { runBrowserScenario } from "./scenarios/browser-chat.js";
import { featuresBrowserScenario } from "./scenarios/options/features-browser.js";
import { organizeTests } from "./option-suites/organize.js";
import { promptsPersonasTests } from "./option-suites/prompts-personas.js";
import { searchStatsTests } from "./option-suites/search-stats.js";
import { singleOptionTests } from "./option-suites/single-options.js";
import type { SuiteContext } from "./option-suites/suite.js";
import { transferTests } from "./option-suites/transfer.js";
import { turnTests } from "./option-suites/turn.js";
import { expectConversationReadBack, runPersistenceScenario } from "./scenarios/persistence.js";
import { reliabilityTests } from "./reliability/suite.js";
import { GeneratedApp } from "./support/generated-app.js";
import { createFreshDatabase, type FreshDatabase } from "./support/postgres.js";

/**
 * The option matrix: every option on at once, and only the database and API layers. (All options off is the
 * default app, built and driven by ai-chat-new-app.e2e.test.ts.) Each app installs, typechecks, lints, builds,
 * keeps chats across a restart on PGlite and PostgreSQL; the all-on app also runs every option's scenarios
 * (test/e2e/option-suites/): one build serves them all, which keeps the suite's time in check.
 */
/** The daily limit of the all-options app: high enough for the other scenarios, low enough to reach. */
const DAILY_LIMIT = 20;
const ALL_OPTIONS_ON = asSetArgs(allAiChatOptionsOn(DAILY_LIMIT));

const databases: FreshDatabase[] = [];
const apps: GeneratedApp[] = [];

afterAll(async () => {
  for (const app of apps) {
    await app.stopAll();
    console.log(app.timer.report(`options matrix: ${path.basename(app.dir)}`));
  }
  for (const database of databases) await database.drop().catch(() => undefined);
});

/** Install, typecheck, lint, build; then chats survive a restart on PGlite and on PostgreSQL. */
function buildsAndPersists(app: GeneratedApp, args: string[]): void {
  it("generates, installs, typechecks, lints and builds", async () => {
    const generated = await app.generate(args);
    expect(generated.exitCode, generated.transcript).toBe(0);
    await app.typecheckLintBuild();
  });

  it("keeps chats across a restart on PGlite and on PostgreSQL", async () => {
    const database = await createFreshDatabase("scaffold_e2e_matrix");
    databases.push(database);
    const targets: Array<Record<string, string>> = [{}, { DATABASE_URL: database.url }];
    for (const env of targets) {
      let server = await app.start(env);
      const conversation = await app.against(server, `HTTP scenario (${env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, runPersistenceScenario);
      await app.stop(server);
      server = await app.start(env, server.port);
      await app.against(server, "read back", () => expectConversationReadBack(conversation));
      await app.stop(server);
    }
  });
}

describe("every option on", () => {
  const app = new GeneratedApp(path.join(makeTempDir({}, "scaffold-e2e-all-on-"), "all-on"));
  apps.push(app);
  buildsAndPersists(app, ALL_OPTIONS_ON);
  const context: SuiteContext = {
    app,
    async freshDatabase(prefix) {
      const database = await createFreshDatabase(prefix);
      databases.push(database);
      return database;
    },
  };
  singleOptionTests(context);

  it("answers one at a time on PostgreSQL with every option on: 409 while answering, Stop, context budget", async () => {
    const database = await context.freshDatabase("scaffold_e2e_answers");
    const server = await app.start({ ...ANSWERS_SERVER_ENV, DATABASE_URL: database.url });
    await app.against(server, "one answer at a time, Stop, finish reasons (PostgreSQL)", answersScenario);
    await app.against(server, "context budget (PostgreSQL)", contextBudgetScenario);
    await app.stop(server);
  });

  it("works in a real browser with every option's UI in place", async () => {
    const server = await app.start();
    await app.against(server, "browser scenario (Chromium)", runBrowserScenario);
    // Search, share links, export/import, prompts, personas and usage, used from the UI.
    await app.against(server, "option UIs (Chromium)", featuresBrowserScenario);
    await app.stop(server);
  });

  describe("softDelete, archive, visibility, pin", () => organizeTests(context));
  describe("search, stats", () => searchStatsTests(context));
  describe("usage, rateLimit, titles=ai", () => turnTests(context, DAILY_LIMIT));
  describe("prompts, personas", () => promptsPersonasTests(context));
  describe("shares, export, cache", () => transferTests(context));
  // Malformed, cross-site and session-less requests over every option's routes, and the races in one chat.
  describe("under abuse and races", () => reliabilityTests({ ...context, variant: "all options" }, { heavy: false }));
});

describe("parts=database,api: the data layer and routes alone", () => {
  const app = new GeneratedApp(path.join(makeTempDir({}, "scaffold-e2e-parts-"), "api-only"));
  apps.push(app);
  buildsAndPersists(app, ["--set", "parts=database,api"]);
});
