import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { ChatClient, JsonResult } from "../../support/chat-client.js";
import { call } from "./json-calls.js";

// The organize scenarios import every helper from here.
export { call };

/** A chat as the organize options return it; the fields beyond the base ones exist with their option. */
export interface OrganizedChat {
  id: string;
  title: string;
  deletedAt?: string | null;
  archived?: boolean;
  pinned?: boolean;
  visibility?: "private" | "public";
}

export interface ChatPage {
  chats: OrganizedChat[];
  nextCursor: string | null;
}

export function ok<T>(result: JsonResult, what: string): T {
  expect(result.status, `${what}: ${JSON.stringify(result.body)}`).toBe(200);
  return result.body as T;
}

/** GET /api/chats with these query parameters. */
export async function list(client: ChatClient, query: Record<string, string> = {}): Promise<ChatPage> {
  const search = new URLSearchParams(query);
  return ok<ChatPage>(await call(client, "GET", `/api/chats${search.size > 0 ? `?${search}` : ""}`), `list ${search}`);
}

/** Every page of a list, read with a small limit to go through the cursors. */
export async function listAll(client: ChatClient, query: Record<string, string> = {}, limit = 1): Promise<OrganizedChat[]> {
  const chats: OrganizedChat[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages += 1) {
    const page = await list(client, { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    chats.push(...page.chats);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return chats;
}

export const ids = (chats: readonly OrganizedChat[]): string[] => chats.map((chat) => chat.id);

export function patch(client: ChatClient, chatId: string, changes: Record<string, unknown>): Promise<JsonResult> {
  return call(client, "PATCH", `/api/chats/${encodeURIComponent(chatId)}`, changes);
}

/** A new chat with one turn, its answer stored (answers are saved as their stream ends). */
export async function chatWithOneTurn(client: ChatClient, text: string): Promise<string> {
  const chatId = randomUUID();
  const answer = await client.sendMessage(chatId, text);
  expect(answer.status, answer.body).toBe(200);
  expect(answer.done, answer.body).toBe(true);
  await waitForMessages(client, chatId, 2);
  return chatId;
}

export async function waitForMessages(client: ChatClient, chatId: string, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const result = await client.getChat(chatId);
    const stored = result.status === 200 ? (result.body as { messages: unknown[] }).messages.length : -1;
    if (stored >= count) return;
    if (Date.now() > deadline) throw new Error(`chat ${chatId}: ${stored} messages stored, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
