import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliResult } from "../support/run-cli.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";
import { ANSWERS_SERVER_ENV, answersScenario, contextBudgetScenario } from "./scenarios/answers.js";
import { answersBrowserScenario } from "./scenarios/answers-browser.js";
import { runBrowserScenario } from "./scenarios/browser-chat.js";
import { expectConversationReadBack, runPersistenceScenario } from "./scenarios/persistence.js";
import { reliabilityTests } from "./reliability/suite.js";
import { runSessionScenario, SESSION_SCENARIO_LIMITS } from "./scenarios/sessions.js";
import { GeneratedApp } from "./support/generated-app.js";
import { createFreshDatabase, type FreshDatabase } from "./support/postgres.js";

/**
 * `scaffold ai-chat --dir my-chat --yes` into an empty folder, then everything a user would do with the
 * result: install, typecheck, lint, build, start, chat, restart, read back; on PGlite and on PostgreSQL; in
 * Chromium. The app is generated and built once; both databases run the same build.
 */
const app = new GeneratedApp(path.join(makeTempDir({}, "scaffold-e2e-new-"), "my-chat"));
const databases: FreshDatabase[] = [];
let generate: CliResult;

const noGeneratedState = (file: string): boolean => /^(node_modules|\.next|\.data)(\/|$)/.test(file) || file.endsWith("tsbuildinfo");

afterAll(async () => {
  await app.stopAll();
  for (const database of databases) await database.drop().catch(() => undefined);
  console.log(app.timer.report("ai-chat in an empty folder"));
});

describe("scaffold ai-chat in an empty folder", () => {
  it("generates the app, installs it and writes the first migration", async () => {
    generate = await app.generate();
    expect(generate.exitCode, generate.transcript).toBe(0);
    expect(generate.stdout).toMatch(/✓ Install dependencies with npm/);
    expect(generate.stdout).toMatch(/✓ Generate the chat tables' migration/);
    const journal = JSON.parse(readFileSync(path.join(app.dir, "drizzle/meta/_journal.json"), "utf8")) as { entries: Array<{ tag: string }> };
    expect(journal.entries.map((entry) => entry.tag)).toEqual(["0000_init"]);
    expect(readFileSync(path.join(app.dir, ".env.local"), "utf8")).toMatch(/^CHAT_SESSION_SECRET=[\w-]{40,}$/m);
    expect(readFileSync(path.join(app.dir, ".gitignore"), "utf8")).toMatch(/^\/\.data\/$/m);
    expect(readFileSync(path.join(app.dir, ".env.example"), "utf8")).toMatch(/^CHAT_SESSION_SECRET=$/m);
  });

  it("typechecks, lints and builds", async () => {
    await app.typecheckLintBuild();
  });

  it("keeps chats on PGlite across a restart", async () => {
    let server = await app.timer.time("next start (PGlite, fresh data folder)", () => app.start());
    const conversation = await app.against(server, "HTTP scenario (PGlite)", runPersistenceScenario);
    await app.stop(server);
    server = await app.timer.time("restart (PGlite)", () => app.start({}, server.port));
    await app.against(server, "read back (PGlite)", () => expectConversationReadBack(conversation));
    await app.stop(server);
  });

  it("issues sessions on page loads only, limits them per address, refuses cross-site and non-JSON writes", async () => {
    const secret = /^CHAT_SESSION_SECRET=(.+)$/m.exec(readFileSync(path.join(app.dir, ".env.local"), "utf8"))?.[1] ?? "";
    const server = await app.start(SESSION_SCENARIO_LIMITS);
    await app.against(server, "session scenario (PGlite)", (baseUrl) => runSessionScenario(baseUrl, secret));
    await app.stop(server);
  });

  it("refuses to run without a real CHAT_SESSION_SECRET, saying so at start-up", async () => {
    const server = await app.start({ CHAT_SESSION_SECRET: "too-short" });
    expect((await fetch(`${server.url}/chat`)).status).toBe(500);
    expect(server.logs()).toMatch(/CHAT_SESSION_SECRET must be set to at least 32 random characters \(it is 9 long\)/);
    await app.stop(server);
  });

  it("keeps chats on PostgreSQL (DATABASE_URL) across a restart", async () => {
    const database = await createFreshDatabase("scaffold_e2e_new");
    databases.push(database);
    let server = await app.timer.time("next start (PostgreSQL)", () => app.start({ DATABASE_URL: database.url }));
    const conversation = await app.against(server, "HTTP scenario (PostgreSQL)", runPersistenceScenario);
    await app.stop(server);
    server = await app.start({ DATABASE_URL: database.url }, server.port);
    await app.against(server, "read back (PostgreSQL)", () => expectConversationReadBack(conversation));
    await app.stop(server);
  });

  it("works in a real browser: send, stream, reload, sidebar, open, delete", async () => {
    const server = await app.start();
    await app.against(server, "browser scenario (Chromium)", runBrowserScenario);
    await app.stop(server);
  });

  it("answers one at a time, stops for real, keeps to the context budget and renders Markdown", async () => {
    const server = await app.start(ANSWERS_SERVER_ENV);
    await app.against(server, "one answer at a time, Stop, finish reasons (PGlite)", answersScenario);
    await app.against(server, "context budget (PGlite)", contextBudgetScenario);
    await app.against(server, "Stop, New chat and Markdown (Chromium)", answersBrowserScenario);
    await app.stop(server);
  });

  // Abuse, races, load through two instances and kill -9, on the same build (test/e2e/reliability/).
  describe("under abuse, races and crashes", () =>
    reliabilityTests(
      {
        app,
        variant: "default",
        async freshDatabase(prefix) {
          const database = await createFreshDatabase(prefix);
          databases.push(database);
          return database;
        },
      },
      { heavy: true },
    ));

  it("a second run with the same options changes nothing", async () => {
    const before = snapshotDir(app.dir, noGeneratedState);
    const again = await app.cli(["ai-chat", "--dir", app.dir, "--yes"]);
    expect(again.exitCode, again.transcript).toBe(0);
    expect(again.stdout).toMatch(/Nothing to do/);
    expect(snapshotDir(app.dir, noGeneratedState)).toEqual(before);
  });
});
