import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/run-cli.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";
import { runBrowserScenario } from "./scenarios/browser-chat.js";
import { expectConversationReadBack, runPersistenceScenario } from "./scenarios/persistence.js";
import { GeneratedApp } from "./support/generated-app.js";
import { runIn } from "./support/next-server.js";
import { createFreshDatabase, runSql, type FreshDatabase } from "./support/postgres.js";

/**
 * `scaffold ai-chat` inside each existing-app fixture: it must install, typecheck, lint, build, keep chats
 * across a restart, leave what was there working (pages, routes, tables and rows), and a second run must
 * change nothing.
 */
interface FixtureCase {
  name: string;
  /** Pages and routes the app had before, with text they must still answer with. */
  probes: Array<{ path: string; contains: string }>;
  /** The app keeps its data in its own PostgreSQL database (DATABASE_URL) rather than the embedded PGlite. */
  postgres?: boolean;
  /** The app's own route calls a hosted model; tests resolve it to an offline echo model. */
  echoModel?: boolean;
  browser?: boolean;
}

const cases: FixtureCase[] = [
  { name: "next-app-root", probes: [{ path: "/", contains: "<html" }], browser: true },
  { name: "next-src-tilde", probes: [{ path: "/api/health", contains: "ok" }, { path: "/", contains: "<html" }] },
  { name: "next-drizzle", probes: [{ path: "/", contains: "ada@example.com" }], postgres: true },
  { name: "next-ai-chat-route", probes: [{ path: "/", contains: "<html" }], echoModel: true },
  { name: "next-authjs", probes: [{ path: "/", contains: "<html" }] },
];

const echoPreload = path.join(repoRoot, "test", "e2e", "support", "echo-default-provider.mjs");
const ignoredState = (file: string): boolean => /^(node_modules|\.next|\.data|\.e2e-before)(\/|$)/.test(file) || file.endsWith("tsbuildinfo");
const reports: string[] = [];
afterAll(() => console.log(reports.join("\n\n")));

describe.each(cases)("scaffold ai-chat inside $name", (fixture) => {
  const app = new GeneratedApp(path.join(makeTempDir({}, `scaffold-e2e-${fixture.name}-`), fixture.name));
  let database: FreshDatabase | null = null;
  let serverEnv: Record<string, string> = {};

  afterAll(async () => {
    await app.stopAll();
    await database?.drop().catch(() => undefined);
    reports.push(app.timer.report(`ai-chat inside ${fixture.name}`));
  });

  it("plans, installs and writes the chat tables' migration", async () => {
    cpSync(path.join(repoRoot, "fixtures", fixture.name), app.dir, { recursive: true });
    const result = await app.generate();
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/✓ Generate the chat tables' migration/);
    serverEnv = fixture.echoModel ? { NODE_OPTIONS: `--import=${echoPreload}` } : {};
    if (fixture.postgres) {
      database = await createFreshDatabase(`scaffold_e2e_${fixture.name.replaceAll("-", "_")}`);
      serverEnv.DATABASE_URL = database.url;
      await prepareExistingDatabase(app, database);
    }
  });

  it("typechecks, lints and builds", async () => {
    await app.typecheckLintBuild();
  });

  it("keeps chats across a restart, and what was there still works", async () => {
    let server = await app.start(serverEnv);
    await app.against(server, "what was there still answers", (url) => expectProbes(url, fixture.probes));
    const conversation = await app.against(server, "HTTP scenario", runPersistenceScenario);
    await app.stop(server);
    server = await app.start(serverEnv, server.port);
    await app.against(server, "read back after restart", () => expectConversationReadBack(conversation));
    if (fixture.browser) await app.against(server, "browser scenario (Chromium)", (url) => runBrowserScenario(url, "/chat"));
    await app.stop(server);
    if (database) {
      expect(await runSql(database.url, "select email from users order by id")).toBe("ada@example.com\ngrace@example.com");
    }
  });

  it("a second run changes nothing", async () => {
    const before = snapshotDir(app.dir, ignoredState);
    const again = await app.cli(["ai-chat", "--dir", app.dir, "--yes"]);
    expect(again.exitCode, again.transcript).toBe(0);
    expect(again.stdout).toMatch(/Nothing to do/);
    expect(snapshotDir(app.dir, ignoredState)).toEqual(before);
  });
});

async function expectProbes(baseUrl: string, probes: FixtureCase["probes"]): Promise<void> {
  for (const probe of probes) {
    const response = await fetch(`${baseUrl}${probe.path}`);
    const body = await response.text();
    expect(response.status, `${probe.path}: ${body.slice(0, 300)}`).toBe(200);
    expect(body).toContain(probe.contains);
  }
}

/**
 * The app's database as it was before scaffold: its own migration applied (from the fixture's original
 * migrations folder) and rows in its users table. Then `scaffold migrate --apply` adds only the chat tables.
 */
async function prepareExistingDatabase(app: GeneratedApp, database: FreshDatabase): Promise<void> {
  const before = path.join(app.dir, ".e2e-before");
  mkdirSync(before, { recursive: true });
  cpSync(path.join(repoRoot, "fixtures", "next-drizzle", "drizzle"), path.join(before, "drizzle"), { recursive: true });
  writeFileSync(
    path.join(before, "drizzle.config.ts"),
    `export default { dialect: "postgresql", schema: "./src/db/schema.ts", out: "./.e2e-before/drizzle", dbCredentials: { url: ${JSON.stringify(database.url)} } };\n`,
  );
  await runIn(app.dir, "node", ["node_modules/drizzle-kit/bin.cjs", "migrate", "--config", ".e2e-before/drizzle.config.ts"], { env: app.env });
  await runSql(database.url, "insert into users (email, name) values ('ada@example.com', 'Ada'), ('grace@example.com', 'Grace')");
  rmSync(before, { recursive: true, force: true });
  const migrate = await app.cli(["migrate", "--dir", app.dir, "--apply"], { DATABASE_URL: database.url });
  expect(migrate.exitCode, migrate.transcript).toBe(0);
  expect(migrate.stdout).toMatch(/No schema changes/);
  expect(readFileSync(path.join(app.dir, "drizzle/meta/_journal.json"), "utf8")).toMatch(/add_chat/);
}

describe("removing ai-chat from an app with its own Drizzle setup", () => {
  it("undoes every edit, and drops the chat tables only with --drop-tables, through a migration", async () => {
    const app = new GeneratedApp(path.join(makeTempDir({}, "scaffold-e2e-remove-"), "next-drizzle"));
    cpSync(path.join(repoRoot, "fixtures", "next-drizzle"), app.dir, { recursive: true });
    const before = snapshotDir(app.dir);
    expect((await app.generate()).exitCode).toBe(0);
    const database = await createFreshDatabase("scaffold_e2e_remove");
    try {
      expect((await app.cli(["migrate", "--dir", app.dir, "--apply"], { DATABASE_URL: database.url })).exitCode).toBe(0);
      expect(await runSql(database.url, "select count(*) from information_schema.tables where table_name in ('chats', 'messages')")).toBe("2");
      const removed = await app.cli(["remove", "ai-chat", "--dir", app.dir, "--drop-tables"]);
      expect(removed.exitCode, removed.transcript).toBe(0);
      expect(removed.stdout).toMatch(/New migration drizzle\/0002_drop_ai_chat.sql:\n(?: {2}- .*\n)*? {2}- DROP table (chats|messages)/);
      // Back to the app as it was: its own files byte-identical; what remains is install output and migrations.
      const after = snapshotDir(app.dir, (file) => /^(node_modules|package-lock\.json|drizzle)(\/|$)/.test(file));
      expect(after).toEqual(Object.fromEntries(Object.entries(before).filter(([file]) => !/^(drizzle)(\/|$)/.test(file))));
      expect((await app.cli(["migrate", "--dir", app.dir, "--apply"], { DATABASE_URL: database.url })).exitCode).toBe(0);
      expect(await runSql(database.url, "select count(*) from information_schema.tables where table_name in ('chats', 'messages')")).toBe("0");
      expect(await runSql(database.url, "select count(*) from information_schema.tables where table_name = 'users'")).toBe("1");
    } finally {
      await app.stopAll();
      await database.drop().catch(() => undefined);
    }
  });
});
