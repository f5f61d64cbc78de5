import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ChatClient, type JsonResult } from "../support/chat-client.js";

export interface StoredChat {
  chat: { id: string; title: string };
  messages: Array<{ id: string; role: string; parts: Array<{ type: string; text?: string }> }>;
}

/** What a scenario leaves behind, to be read back after a restart. */
export interface Conversation {
  owner: ChatClient;
  chats: Record<string, StoredChat>;
  listed: unknown;
}

const textOf = (message: StoredChat["messages"][number]): string =>
  message.parts.filter((part) => part.type === "text").map((part) => part.text ?? "").join("");

function body<T>(result: JsonResult, what: string): T {
  expect(result.status, `${what}: ${JSON.stringify(result.body)}`).toBe(200);
  return result.body as T;
}

/**
 * Two chats with two turns each, a third whose client hangs up mid-answer, and a second user who must see
 * none of it. Returns what user one can read, for comparison after the server restarts.
 */
export async function runPersistenceScenario(baseUrl: string): Promise<Conversation> {
  const owner = new ChatClient(baseUrl);
  const ids = [randomUUID(), randomUUID()];
  for (const [index, id] of ids.entries()) {
    for (const turn of [1, 2]) {
      const question = `chat ${index + 1} turn ${turn}: what is ${index * 10 + turn}?`;
      const answer = await owner.sendMessage(id, question);
      expect(answer.status, answer.body).toBe(200);
      expect(answer.done, answer.body).toBe(true);
      expect(answer.text).toContain(question);
      expect(answer.messageId).toBeTruthy();
    }
  }

  // The tab closes mid-answer: the full answer must still be saved.
  const hungUp = randomUUID();
  const longQuestion = `please repeat ${Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ")}`;
  const partial = await owner.sendMessage(hungUp, longQuestion, { abortAfterChars: 20 });
  expect(partial.aborted, partial.body).toBe(true);
  const full = await waitForAssistantText(owner, hungUp, "word59");
  expect(full).toContain(longQuestion);

  await expectStrangerSeesNothing(new ChatClient(baseUrl), ids[0]!);
  await expectBadInputRejected(owner, ids[0]!);

  const chats: Record<string, StoredChat> = {};
  for (const id of [...ids, hungUp]) {
    const stored = body<StoredChat>(await owner.getChat(id), `GET chat ${id}`);
    chats[id] = stored;
  }
  for (const id of ids) {
    const { messages, chat } = chats[id]!;
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(textOf(messages[0]!)).toMatch(/turn 1/);
    expect(textOf(messages[2]!)).toMatch(/turn 2/);
    expect(new Set(messages.map((m) => m.id)).size).toBe(4);
    expect(chat.title).toMatch(/^chat \d turn 1/);
  }
  const listed = body<{ chats: Array<{ id: string; title: string }>; nextCursor: string | null }>(await owner.listChats(), "GET chats");
  expect(listed.chats.map((chat) => chat.id)).toEqual([hungUp, ids[1], ids[0]]);
  return { owner, chats, listed };
}

/** After a restart, the same user (same cookie) reads back exactly what was there. */
export async function expectConversationReadBack(conversation: Conversation): Promise<void> {
  for (const [id, stored] of Object.entries(conversation.chats)) {
    expect(body<StoredChat>(await conversation.owner.getChat(id), `GET chat ${id} after restart`)).toEqual(stored);
  }
  expect(body(await conversation.owner.listChats(), "GET chats after restart")).toEqual(conversation.listed);
}

async function waitForAssistantText(client: ChatClient, chatId: string, expected: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  let last = "";
  while (Date.now() < deadline) {
    const result = await client.getChat(chatId);
    if (result.status === 200) {
      const assistant = (result.body as StoredChat).messages.find((m) => m.role === "assistant");
      last = assistant ? textOf(assistant) : "";
      if (last.includes(expected)) return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the answer to the abandoned request was not saved in full; last saw: ${JSON.stringify(last)}`);
}

async function expectStrangerSeesNothing(stranger: ChatClient, chatId: string): Promise<void> {
  expect((await stranger.getChat(chatId)).status).toBe(404);
  expect((await stranger.getMessages(chatId)).status).toBe(404);
  expect((await stranger.rename(chatId, "mine now")).status).toBe(404);
  expect((await stranger.remove(chatId)).status).toBe(404);
  const hijack = await stranger.sendMessage(chatId, "let me in");
  expect(hijack.status, hijack.body).toBe(404);
  expect(JSON.parse(hijack.body)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  const list = await stranger.listChats();
  expect(list.body).toMatchObject({ chats: [] });
}

async function expectBadInputRejected(owner: ChatClient, chatId: string): Promise<void> {
  const invalid = await owner.postChat({ id: chatId, message: { role: "user" } });
  expect(invalid.status, invalid.body).toBe(400);
  expect(JSON.parse(invalid.body)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  expect(invalid.body).not.toMatch(/\n\s+at /);
  const huge = await owner.sendMessage(chatId, "x".repeat(200_000));
  expect(huge.status, huge.body.slice(0, 200)).toBe(413);
}
