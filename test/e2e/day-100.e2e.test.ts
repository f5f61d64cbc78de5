import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../support/temp-dir.js";
import { expectConversationReadBack, runPersistenceScenario, type Conversation } from "./scenarios/persistence.js";
import { GeneratedApp } from "./support/generated-app.js";
import { createFreshDatabase, runSql, type FreshDatabase } from "./support/postgres.js";

/**
 * Day 100 of a generated app with chats in it: schema edits become migrations (one change each), applied to
 * PGlite and PostgreSQL without losing a chat; ambiguous renames stop with an explanation instead of hanging;
 * a running server's PGlite folder is never touched; status tells what the user changed; an option change
 * merges into the user's edits.
 */
const app = new GeneratedApp(path.join(makeTempDir({}, "scaffold-e2e-day100-"), "chat"));
let database: FreshDatabase;
const conversations: Record<"pglite" | "postgres", Conversation | null> = { pglite: null, postgres: null };
/** Each store's server comes back on the port its clients (and their cookies) know. */
const ports: Record<"pglite" | "postgres", number> = { pglite: 0, postgres: 0 };
const schemaFile = () => path.join(app.dir, "src/db/schema.ts");
const editSchema = (edit: (source: string) => string) => writeFileSync(schemaFile(), edit(readFileSync(schemaFile(), "utf8")));
const migrations = () => readdirSync(path.join(app.dir, "drizzle")).filter((file) => file.endsWith(".sql")).sort();

async function migrate(name: string): Promise<string> {
  const result = await app.cli(["migrate", "--dir", app.dir, "--name", name]);
  expect(result.exitCode, result.transcript).toBe(0);
  const targets: Array<Record<string, string>> = [{}, { DATABASE_URL: database.url }];
  for (const env of targets) {
    const applied = await app.cli(["migrate", "--dir", app.dir, "--apply"], env);
    expect(applied.exitCode, applied.transcript).toBe(0);
  }
  return result.stdout;
}

afterAll(async () => {
  await app.stopAll();
  await database?.drop().catch(() => undefined);
  console.log(app.timer.report("day 100"));
});

describe("living with a generated app", () => {
  it("starts from a generated, built app with chats on PGlite and PostgreSQL", async () => {
    expect((await app.generate()).exitCode).toBe(0);
    await app.typecheckLintBuild();
    database = await createFreshDatabase("scaffold_e2e_day100");
    for (const [store, env] of [["pglite", {}], ["postgres", { DATABASE_URL: database.url }]] as const) {
      const server = await app.start(env);
      ports[store] = server.port;
      conversations[store] = await app.against(server, `chats on ${store}`, runPersistenceScenario);
      await app.stop(server);
    }
  });

  it("refuses to migrate a PGlite folder a running server holds", async () => {
    const server = await app.start();
    // A page load issues a session, which counts it in the database: the folder is open from then on.
    await fetch(`${server.url}/chat`);
    const refused = await app.cli(["migrate", "--dir", app.dir, "--apply"]);
    expect(refused.exitCode, refused.transcript).toBe(1);
    expect(refused.stderr).toMatch(/DATABASE_IN_USE: The PGlite database in \.data\/pglite is open in process \d+/);
    await app.stop(server);
  });

  it("says there is nothing to migrate when the schema did not change", async () => {
    const before = migrations();
    const result = await app.cli(["migrate", "--dir", app.dir]);
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.stdout).toMatch(/No schema changes/);
    expect(migrations()).toEqual(before);
  });

  it("turns a new column, index and table into one migration each, applied without losing data", async () => {
    editSchema((s) => s.replace('    title: text("title").notNull(),', '    title: text("title").notNull(),\n    pinned: boolean("pinned").notNull().default(false),').replace(/import \{(\s*)bigint,/, "import {$1bigint,$1boolean,"));
    expect(await migrate("add_pinned")).toMatch(/New migration drizzle\/0001_add_pinned.sql:\n {2}- add column chats.pinned\n/);
    editSchema((s) => s.replace("  (table) => [\n", '  (table) => [\n    index("chats_title_idx").on(table.title),\n'));
    expect(await migrate("index_title")).toMatch(/0002_index_title.sql:\n {2}- create index chats_title_idx on chats\n/);
    editSchema((s) => `${s}\nexport const chatTags = pgTable("chat_tags", {\n  chatId: text("chat_id").notNull().references(() => chats.id, { onDelete: "cascade" }),\n  tag: text("tag").notNull(),\n});\n`);
    expect(await migrate("add_tags")).toMatch(/0003_add_tags.sql:\n {2}- create table chat_tags\n {2}- add constraint/);
    expect(migrations()).toEqual(["0000_init.sql", "0001_add_pinned.sql", "0002_index_title.sql", "0003_add_tags.sql"]);
    expect(await runSql(database.url, "select count(*) from chats where pinned = false")).toBe("3");
    await runSql(database.url, `insert into chat_tags (chat_id, tag) select id, 'kept' from chats limit 1`);

    await app.timer.time("next build (after schema edits)", () => app.typecheckLintBuild());
    for (const [store, env] of [["pglite", {}], ["postgres", { DATABASE_URL: database.url }]] as const) {
      const server = await app.start(env, ports[store]);
      await app.against(server, `read back on ${store} after migrations`, () => expectConversationReadBack(conversations[store]!));
      await app.stop(server);
    }
  });

  it("stops on a possible rename with both choices explained, without hanging", async () => {
    editSchema((s) => s.replace('pinned: boolean("pinned")', 'starred: boolean("starred")'));
    const result = await app.cli(["migrate", "--dir", app.dir]);
    expect(result.exitCode, result.transcript).toBe(1);
    expect(result.stderr).toMatch(/MIGRATION_AMBIGUOUS: The schema change could be a renamed column or a column dropped and another added/);
    expect(result.stderr).toMatch(/rename: run `npx drizzle-kit generate` in a terminal/);
    editSchema((s) => s.replace('starred: boolean("starred")', 'pinned: boolean("pinned")'));
  });

  it("status shows the schema as modified and a deleted doc as deleted", async () => {
    rmSync(path.join(app.dir, "docs/ai-chat.md"));
    const status = await app.cli(["status", "--dir", app.dir]);
    expect(status.exitCode, status.transcript).toBe(0);
    expect(status.stdout).toMatch(/modified\s+src\/db\/schema.ts/);
    expect(status.stdout).toMatch(/deleted\s+docs\/ai-chat.md/);
    expect(status.stdout).toMatch(/unchanged\s+src\/lib\/chat\/queries.ts/);
  });

  it("an option change merges into the user's edits; the deleted doc stays deleted", async () => {
    const client = path.join(app.dir, "src/db/client.ts");
    writeFileSync(client, `${readFileSync(client, "utf8")}\n// Our team's note: keep this file small.\n`);
    const update = await app.cli(["ai-chat", "--dir", app.dir, "--yes", "--no-install", "--set", "driver=postgres"]);
    expect(update.exitCode, update.transcript).toBe(0);
    expect(update.stdout).toMatch(/merge\s+src\/db\/client.ts/);
    const merged = readFileSync(client, "utf8");
    expect(merged).toContain("// Our team's note: keep this file small.");
    expect(merged).toContain("DATABASE_URL is not set");
    expect(merged).not.toContain("<<<<<<<");
    expect(existsSync(path.join(app.dir, "docs/ai-chat.md"))).toBe(false);
    expect(readFileSync(schemaFile(), "utf8")).toContain("chat_tags");
  });

  it("marks only the lines both sides changed, and writes nothing without --force", async () => {
    const client = path.join(app.dir, "src/db/client.ts");
    const mine = readFileSync(client, "utf8").replace("DATABASE_URL is not set.", "DATABASE_URL is missing (team wording).");
    writeFileSync(client, mine);
    const update = await app.cli(["ai-chat", "--dir", app.dir, "--yes", "--no-install", "--set", "driver=pglite"]);
    expect(update.exitCode, update.transcript).toBe(2);
    expect(update.stdout).toMatch(/CONFLICT\s+src\/db\/client.ts\s+\(you and the blueprint changed the same lines/);
    expect(readFileSync(client, "utf8")).toBe(mine);
  });
});
