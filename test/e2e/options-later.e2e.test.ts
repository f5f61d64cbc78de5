import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../support/temp-dir.js";
import { runPersistenceScenario, type Conversation, type StoredChat } from "./scenarios/persistence.js";
import type { ChatClient } from "./support/chat-client.js";
import { GeneratedApp } from "./support/generated-app.js";
import { createFreshDatabase, runSql, type FreshDatabase } from "./support/postgres.js";

/**
 * An app generated with no options, used for a while (chats on PGlite and PostgreSQL, a user edit), then
 * `scaffold ai-chat --set softDelete=true --set search=true --set usage=true` and `scaffold migrate`: the
 * features work on the chats that were already there, the user's edit survives, nothing is lost.
 */
const app = new GeneratedApp(path.join(makeTempDir({}, "scaffold-e2e-later-"), "chat"));
let database: FreshDatabase;
const stores = {
  pglite: { env: {} as Record<string, string>, port: 0, conversation: null as Conversation | null },
  postgres: { env: {} as Record<string, string>, port: 0, conversation: null as Conversation | null },
};
const typesFile = () => path.join(app.dir, "src/lib/chat/types.ts");

afterAll(async () => {
  await app.stopAll();
  await database?.drop().catch(() => undefined);
  console.log(app.timer.report("options turned on later"));
});

const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> });

describe("turning softDelete, search and usage on in an app that has chats", () => {
  it("starts from a default app with chats on PGlite and PostgreSQL and a user edit", async () => {
    expect((await app.generate()).exitCode).toBe(0);
    await app.typecheckLintBuild();
    database = await createFreshDatabase("scaffold_e2e_later");
    stores.postgres.env = { DATABASE_URL: database.url };
    for (const [name, store] of Object.entries(stores)) {
      const server = await app.start(store.env);
      store.port = server.port;
      store.conversation = await app.against(server, `chats on ${name}`, runPersistenceScenario);
      await app.stop(server);
    }
    // The user's own change, in a file the new options also change.
    writeFileSync(typesFile(), readFileSync(typesFile(), "utf8").replace("chatPageSize: 30,", "chatPageSize: 25,"));
  });

  it("updates the code through a three-way merge and writes one migration for the three options", async () => {
    const update = await app.cli(["ai-chat", "--dir", app.dir, "--yes", "--set", "softDelete=true", "--set", "search=true", "--set", "usage=true"]);
    expect(update.exitCode, update.transcript).toBe(0);
    expect(update.stdout).toMatch(/npx scaffold migrate/);
    expect(readFileSync(typesFile(), "utf8")).toContain("chatPageSize: 25,");
    expect(readFileSync(typesFile(), "utf8")).not.toMatch(/^<<<<<<<|^>>>>>>>/m);

    const migrate = await app.cli(["migrate", "--dir", app.dir, "--name", "chat_features"]);
    expect(migrate.exitCode, migrate.transcript).toBe(0);
    const sqlFiles = readdirSync(path.join(app.dir, "drizzle")).filter((file) => file.endsWith(".sql")).sort();
    expect(sqlFiles).toEqual(["0000_init.sql", "0001_chat_features.sql"]);
    const sql = readFileSync(path.join(app.dir, "drizzle/0001_chat_features.sql"), "utf8");
    expect(sql).toMatch(/ADD COLUMN "deleted_at"/);
    expect(sql).toMatch(/ADD COLUMN "input_tokens"/);
    expect(sql).toMatch(/USING gin/i);
    // Only additions: nothing in the migration can lose a row or a value.
    expect(sql).not.toMatch(/DROP (TABLE|COLUMN)|TRUNCATE|DELETE FROM/i);
    await app.typecheckLintBuild();
  });

  for (const name of ["pglite", "postgres"] as const) {
    it(`on ${name}: the old chats are all there and the new features work on them`, async () => {
      const store = stores[name];
      const server = await app.start(store.env, store.port);
      await app.against(server, `features on old chats (${name})`, async () => {
        const conversation = store.conversation!;
        const owner = conversation.owner;
        await expectSameHistory(conversation);
        const [firstId, secondId] = Object.keys(conversation.chats) as [string, string];
        await expectSearchFinds(owner, "turn", [firstId, secondId]);
        await expectSoftDeleteRestores(owner, firstId);
        await expectUsageRecorded(owner, secondId);
      });
      await app.stop(server);
    });
  }

  it("old rows have no usage; the new answer's tokens are stored in columns", async () => {
    const rows = await runSql(database.url, "select count(*) filter (where input_tokens is null), count(*) filter (where input_tokens > 0) from messages where role = 'assistant'");
    expect(rows.split("|").map(Number)).toEqual([5, 1]);
  });
});

/** Every chat and message as before; chats may carry the new features' fields (e.g. `deletedAt: null`). */
async function expectSameHistory(conversation: Conversation): Promise<void> {
  for (const [id, stored] of Object.entries(conversation.chats)) {
    const now = await conversation.owner.getChat(id);
    expect(now.status).toBe(200);
    const body = now.body as StoredChat;
    expect(body.messages).toEqual(stored.messages);
    expect(body.chat).toMatchObject(stored.chat);
  }
  const listed = (await conversation.owner.listChats()).body as { chats: Array<{ id: string }> };
  const before = conversation.listed as { chats: Array<{ id: string }> };
  expect(listed.chats.map((chat) => chat.id)).toEqual(before.chats.map((chat) => chat.id));
}

async function expectSearchFinds(owner: ChatClient, word: string, chatIds: string[]): Promise<void> {
  const found = await json(await owner.request(`/api/search?q=${encodeURIComponent(word)}`));
  expect(found.status, JSON.stringify(found.body)).toBe(200);
  const hits = found.body.messages as Array<{ chatId: string }>;
  for (const id of chatIds) expect(hits.map((hit) => hit.chatId)).toContain(id);
}

async function expectSoftDeleteRestores(owner: ChatClient, chatId: string): Promise<void> {
  expect((await owner.remove(chatId)).status).toBe(204);
  expect((await owner.getChat(chatId)).status).toBe(404);
  const trash = await json(await owner.request("/api/chats?view=trash"));
  expect((trash.body.chats as Array<{ id: string }>).map((chat) => chat.id)).toEqual([chatId]);
  expect((await owner.request(`/api/chats/${chatId}/restore`, { method: "POST" })).status).toBe(200);
  expect((await owner.getChat(chatId)).status).toBe(200);
}

async function expectUsageRecorded(owner: ChatClient, chatId: string): Promise<void> {
  const answer = await owner.sendMessage(chatId, "one more question after the upgrade");
  expect(answer.status, answer.body).toBe(200);
  const usage = await json(await owner.request(`/api/chats/${chatId}/usage`));
  expect(usage.status, JSON.stringify(usage.body)).toBe(200);
  expect(JSON.stringify(usage.body)).toMatch(/"inputTokens":[1-9]/);
}
