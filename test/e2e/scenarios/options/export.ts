import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ChatClient } from "../../support/chat-client.js";
import { fetchAs, sendAndSettle, textOf, type StoredChat, type StoredMessage } from "./transfer-support.js";

interface ExportFile {
  format: string;
  version: number;
  exportedAt: string;
  chats: Array<{ title: string; createdAt: string; messages: Array<StoredMessage & { createdAt: string }> }>;
}

const shapeOf = (messages: StoredMessage[]) => messages.map((m) => ({ role: m.role, parts: m.parts }));

async function download(client: ChatClient, route: string, type: RegExp): Promise<string> {
  const reply = await fetchAs(client, route);
  expect(reply.status, reply.text).toBe(200);
  expect(reply.headers.get("content-type")).toMatch(type);
  expect(reply.headers.get("content-disposition")).toMatch(/^attachment; filename="[a-z0-9-]+\.(json|md)"$/);
  return reply.text;
}

/**
 * One chat and all chats as JSON and Markdown; the JSON imported back as new chats with the same messages (twice:
 * two copies); invalid files refused; nothing crosses users. Sends three messages.
 */
export async function exportScenario(baseUrl: string): Promise<void> {
  const owner = new ChatClient(baseUrl);
  const first = randomUUID();
  const second = randomUUID();
  await sendAndSettle(owner, first, "export: the first chat", 2);
  await sendAndSettle(owner, first, "export: a second turn", 4);
  await sendAndSettle(owner, second, "export: another chat", 2);
  // Read once everything is stored (a title may be written after the answer).
  const one = (await owner.getChat(first)).body as StoredChat;
  const two = (await owner.getChat(second)).body as StoredChat;

  const single = JSON.parse(await download(owner, `/api/chats/${first}/export?format=json`, /^application\/json/)) as ExportFile;
  expect(single).toMatchObject({ format: "ai-chat-export", version: 1 });
  expect(single.chats).toHaveLength(1);
  expect(single.chats[0]!.title).toBe(one.chat.title);
  expect(shapeOf(single.chats[0]!.messages)).toEqual(shapeOf(one.messages));
  expect(JSON.stringify(single)).not.toContain(first);

  const markdown = await download(owner, `/api/chats/${first}/export?format=markdown`, /^text\/markdown/);
  expect(markdown).toContain(`# ${one.chat.title}`);
  expect(markdown).toContain("export: a second turn");
  expect(markdown).toMatch(/## Assistant/);
  expect((await fetchAs(owner, `/api/chats/${first}/export?format=xml`)).status).toBe(400);
  expect((await fetchAs(new ChatClient(baseUrl), `/api/chats/${first}/export`)).status).toBe(404);

  const all = JSON.parse(await download(owner, "/api/export?format=json", /^application\/json/)) as ExportFile;
  // Oldest first.
  expect(all.chats.map((chat) => chat.title)).toEqual([one.chat.title, two.chat.title]);
  const allMarkdown = await download(owner, "/api/export?format=markdown", /^text\/markdown/);
  expect(allMarkdown).toContain("export: another chat");
  expect(allMarkdown).toContain("export: the first chat");

  // Import: new chats, same titles and messages; twice makes two copies.
  const copies: string[] = [];
  for (const round of [1, 2]) {
    const reply = await fetchAs(owner, "/api/import", { method: "POST", body: JSON.stringify(all) });
    expect(reply.status, `import ${round}: ${reply.text}`).toBe(201);
    const { chatIds } = reply.json<{ chatIds: string[] }>();
    expect(chatIds).toHaveLength(2);
    copies.push(...chatIds);
  }
  expect(new Set([first, second, ...copies]).size).toBe(6);
  for (const [index, id] of copies.entries()) {
    const original = index % 2 === 0 ? one : two;
    const copy = (await owner.getChat(id)).body as StoredChat;
    expect(copy.chat.title).toBe(original.chat.title);
    expect(shapeOf(copy.messages)).toEqual(shapeOf(original.messages));
    expect(copy.messages.map(textOf)).toEqual(original.messages.map(textOf));
  }
  const listed = (await owner.listChats()).body as { chats: Array<{ id: string }> };
  expect(listed.chats.map((chat) => chat.id)).toEqual(expect.arrayContaining([first, second, ...copies]));

  // Invalid files are a 400 with the usual error body, and store nothing.
  for (const [body, code] of [
    ["{ not json", "invalid_json"],
    [JSON.stringify({ format: "something-else", version: 1, chats: [] }), "invalid_request"],
    [JSON.stringify({ ...all, version: 2 }), "invalid_request"],
    [JSON.stringify({ ...all, chats: [{ title: "x", createdAt: all.exportedAt, messages: [{ role: "user", parts: [] }] }] }), "invalid_request"],
    [JSON.stringify({ ...all, chats: [{ title: "x", createdAt: all.exportedAt, messages: [{ role: "user", createdAt: all.exportedAt, parts: [{ type: "tool-x" }] }] }] }), "invalid_request"],
  ] as const) {
    const reply = await fetchAs(owner, "/api/import", { method: "POST", body });
    expect(reply.status, reply.text).toBe(400);
    expect(reply.json<{ error: { code: string } }>().error.code).toBe(code);
  }
  const tooLarge = await fetchAs(owner, "/api/import", { method: "POST", body: JSON.stringify({ padding: "x".repeat(6 * 1024 * 1024) }) });
  expect(tooLarge.status).toBe(413);
  expect(((await owner.listChats()).body as { chats: unknown[] }).chats).toHaveLength(6);

  // Another user's import lands in their own account only.
  const stranger = new ChatClient(baseUrl);
  expect((await fetchAs(stranger, "/api/import", { method: "POST", body: JSON.stringify(single) })).status).toBe(201);
  expect(((await stranger.listChats()).body as { chats: unknown[] }).chats).toHaveLength(1);
  expect(((await owner.listChats()).body as { chats: unknown[] }).chats).toHaveLength(6);
}
