import { expect } from "vitest";
import { ChatClient } from "../../support/chat-client.js";
import { call, chatWithOneTurn, ids, listAll, ok, patch, type OrganizedChat } from "./organize-support.js";

interface PublicChat {
  chat: Record<string, unknown>;
  messages: Array<{ role: string; parts: Array<{ type: string }>; metadata?: Record<string, unknown> }>;
  nextCursor: string | null;
}

const publicRoute = (chatId: string): string => `/api/public/chats/${encodeURIComponent(chatId)}`;

/**
 * A public chat can be read by anyone (another anonymous user) through the public route and page: its title
 * and messages, nothing about its owner. Private and missing chats are 404 there, and nobody but the owner
 * can change or write to the chat. Sends one message (plus one refused).
 */
export async function visibilityScenario(baseUrl: string): Promise<void> {
  const owner = new ChatClient(baseUrl);
  const chatId = await chatWithOneTurn(owner, "visibility: a chat to share");
  const stranger = new ChatClient(baseUrl);

  const own = ok<{ chat: OrganizedChat }>(await owner.getChat(chatId), "GET own chat");
  expect(own.chat.visibility).toBe("private");
  expect((await call(stranger, "GET", publicRoute(chatId))).status, "a private chat").toBe(404);
  expect((await call(stranger, "GET", publicRoute("no-such-chat"))).status).toBe(404);

  const made = ok<{ chat: OrganizedChat }>(await patch(owner, chatId, { visibility: "public" }), "make public");
  expect(made.chat.visibility).toBe("public");
  expect(ids(await listAll(owner, { visibility: "public" }, 10))).toEqual([chatId]);
  expect(ids(await listAll(owner, { visibility: "private" }, 10))).not.toContain(chatId);

  // Anyone can read it: title and messages, and nothing about the owner.
  const read = ok<PublicChat>(await call(stranger, "GET", publicRoute(chatId)), "public read");
  expect(Object.keys(read.chat).sort()).toEqual(["createdAt", "id", "title", "updatedAt"]);
  expect(typeof read.chat.title).toBe("string");
  expect(read.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
  expect(JSON.stringify(read)).not.toMatch(/owner|anon_/);
  // The public projection, as share links: text parts and the time only, no model, usage, cost or finish reason.
  for (const message of read.messages) {
    expect(message.parts.every((part) => part.type === "text")).toBe(true);
    expect(Object.keys(message.metadata ?? {})).toEqual(["createdAt"]);
  }
  const page = await stranger.request(`/public/chat/${encodeURIComponent(chatId)}`);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain("visibility: a chat to share");

  // Read-only: the owner's routes still treat the stranger as a stranger.
  expect((await stranger.getChat(chatId)).status).toBe(404);
  expect((await patch(stranger, chatId, { title: "taken over" })).status).toBe(404);
  expect((await patch(stranger, chatId, { visibility: "private" })).status).toBe(404);
  expect((await stranger.remove(chatId)).status).toBe(404);
  const written = await stranger.sendMessage(chatId, "visibility: writing into someone's public chat");
  expect(written.status, written.body).toBe(404);
  expect(ok<PublicChat>(await call(stranger, "GET", publicRoute(chatId)), "public read").messages).toHaveLength(2);

  expect((await patch(owner, chatId, { visibility: "everyone" })).status).toBe(400);
  expect((await call(owner, "GET", "/api/chats?visibility=everyone")).status).toBe(400);

  // Private again: the link stops working.
  expect((await patch(owner, chatId, { visibility: "private" })).status).toBe(200);
  expect((await call(stranger, "GET", publicRoute(chatId))).status).toBe(404);
}
