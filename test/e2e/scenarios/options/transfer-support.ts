import { expect } from "vitest";
import type { ChatClient } from "../../support/chat-client.js";

/** The shapes the shares, export and cache scenarios read. */
export interface StoredMessage {
  id: string;
  role: string;
  parts: Array<{ type: string; text?: string }>;
}

export interface StoredChat {
  chat: { id: string; title: string };
  messages: StoredMessage[];
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  ms: number;
  json<T>(): T;
}

/** Any request, read whole, timed. */
export async function fetchAs(client: ChatClient, route: string, init: RequestInit = {}): Promise<Reply> {
  const started = Date.now();
  const response = await client.request(route, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, ms: Date.now() - started, json: <T>() => JSON.parse(text) as T };
}

export const textOf = (message: StoredMessage): string =>
  message.parts.filter((part) => part.type === "text").map((part) => part.text ?? "").join("");

/** Sends one message and waits until the chat holds `count` messages (answers are stored as their stream ends). */
export async function sendAndSettle(client: ChatClient, chatId: string, text: string, count: number): Promise<StoredChat> {
  const answer = await client.sendMessage(chatId, text);
  expect(answer.status, answer.body).toBe(200);
  expect(answer.done, answer.body).toBe(true);
  return waitForMessages(client, chatId, count);
}

export async function waitForMessages(client: ChatClient, chatId: string, count: number): Promise<StoredChat> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const result = await client.getChat(chatId);
    const stored = result.body as StoredChat;
    if (result.status === 200 && stored.messages.length >= count) return stored;
    if (Date.now() > deadline) throw new Error(`chat ${chatId} never reached ${count} messages: ${JSON.stringify(result.body).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The anonymous user id inside a client's session cookie (`v2.<userId>.<issuedAt>.<signature>`). */
export function userIdOf(client: ChatClient): string {
  const match = /chat_session=v2\.([A-Za-z0-9_-]+)\./.exec(client.jar.header() ?? "");
  if (!match?.[1]) throw new Error("the client has no session cookie yet");
  return match[1];
}
