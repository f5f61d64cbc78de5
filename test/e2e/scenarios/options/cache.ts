import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ChatClient } from "../../support/chat-client.js";
import { fetchAs, sendAndSettle, waitForMessages, type Reply, type StoredMessage } from "./transfer-support.js";

const cacheOf = (reply: Reply) => reply.headers.get("x-chat-cache");

/** Reads taken while nothing is written: the second of two equal reads must come from the cache. */
async function readTwice(client: ChatClient, route: string): Promise<[Reply, Reply]> {
  const first = await fetchAs(client, route);
  const second = await fetchAs(client, route);
  expect(first.status, first.text).toBe(200);
  expect(second.status, second.text).toBe(200);
  return [first, second];
}

/**
 * The history cache over HTTP. Without Redis (REDIS_URL unset or Redis down), every read says
 * `X-Chat-Cache: off` and is correct. With Redis: the second read of a page is a hit and equal to the first; a new
 * message makes the next read a miss that includes it; the cache is per user; a deleted chat is 404 at once.
 * Sends two messages. Returns the mode it found.
 */
export async function cacheScenario(baseUrl: string, expected?: "redis" | "off"): Promise<"redis" | "off"> {
  const owner = new ChatClient(baseUrl);
  const chatId = randomUUID();
  await sendAndSettle(owner, chatId, "cache: remember this", 2);
  const messagesRoute = `/api/chats/${chatId}/messages`;

  const [a, b] = await readTwice(owner, messagesRoute);
  const mode = cacheOf(a) === "off" ? "off" : "redis";
  if (expected) expect(mode).toBe(expected);
  if (mode === "off") {
    expect(cacheOf(b)).toBe("off");
  } else {
    expect(cacheOf(b)).toBe("hit");
    expect(b.json()).toEqual(a.json());
    const [c, d] = await readTwice(owner, `/api/chats/${chatId}`);
    expect(cacheOf(d)).toBe("hit");
    expect(d.json()).toEqual(c.json());
  }

  // A new message: the user message is stored before the answer streams, so the very next read must see it.
  const sent = await owner.sendMessage(chatId, "cache: a new message");
  expect(sent.status, sent.body).toBe(200);
  const next = await fetchAs(owner, messagesRoute);
  expect(next.status, next.text).toBe(200);
  expect(cacheOf(next)).toBe(mode === "off" ? "off" : "miss");
  expect(next.json<{ messages: StoredMessage[] }>().messages.map((m) => m.parts.map((p) => p.text ?? "").join(""))).toContain(
    "cache: a new message",
  );
  const settled = await waitForMessages(owner, chatId, 4);
  const [, again] = await readTwice(owner, messagesRoute);
  expect(again.json<{ messages: StoredMessage[] }>().messages).toEqual(settled.messages);
  if (mode === "redis") expect(cacheOf(again)).toBe("hit");

  // Cursor pages are not cached; the cache is never shared between users.
  const paged = await fetchAs(owner, `${messagesRoute}?limit=1`);
  expect(paged.status).toBe(200);
  const cursor = paged.json<{ nextCursor: string }>().nextCursor;
  expect(cacheOf(await fetchAs(owner, `${messagesRoute}?before=${encodeURIComponent(cursor)}`))).toBeNull();
  expect((await fetchAs(new ChatClient(baseUrl), messagesRoute)).status).toBe(404);
  expect((await fetchAs(new ChatClient(baseUrl), `/api/chats/${chatId}`)).status).toBe(404);

  // The chat page reads through the cache too.
  const page = await fetchAs(owner, `/chat/${chatId}`);
  expect(page.status).toBe(200);
  expect(page.text).toContain("cache: a new message");

  // Deleted: gone at once, whatever the cache holds.
  expect((await owner.remove(chatId)).status).toBe(204);
  expect((await fetchAs(owner, messagesRoute)).status).toBe(404);
  expect((await fetchAs(owner, `/api/chats/${chatId}`)).status).toBe(404);
  return mode;
}
