import { randomUUID } from "node:crypto";
import type { ChatClient } from "../support/chat-client.js";
import { sendTurn, settled, waitForChat } from "./conversation.js";
import { newUser, send } from "./http.js";
import type { ApiRoute } from "./routes.js";

/** Real rows the probes aim at: an owner's chat (and prompt, persona, share when the app has them), and a stranger's chat. */
export interface Fixtures {
  owner: ChatClient;
  stranger: ChatClient;
  chatId: string;
  strangerChatId: string;
  /** Segment values that name the owner's rows, by route prefix; other segments get ids that exist nowhere. */
  ids: { chat: string; prompt?: string; persona?: string; shareToken?: string };
}

const has = (routes: ApiRoute[], pattern: string): boolean => routes.some((route) => route.pattern === pattern);

/** Creates the rows through the API, as users would. */
export async function seedFixtures(baseUrl: string, routes: ApiRoute[]): Promise<Fixtures> {
  const owner = await newUser(baseUrl);
  const stranger = await newUser(baseUrl);
  const chatId = randomUUID();
  const strangerChatId = randomUUID();
  for (const [client, id] of [[owner, chatId], [stranger, strangerChatId]] as const) {
    const { result } = await sendTurn(client, id, `fixture question in ${id}`);
    if (result.status !== 200) throw new Error(`seeding chat ${id}: ${result.status} ${result.body}`);
    await waitForChat(client, id, settled(2));
  }
  const ids: Fixtures["ids"] = { chat: chatId };
  if (has(routes, "/api/prompts")) ids.prompt = (await created<{ prompt: { id: string } }>(owner, "/api/prompts", { title: "fixture prompt", content: "fixture content" })).prompt.id;
  if (has(routes, "/api/personas")) ids.persona = (await created<{ persona: { id: string } }>(owner, "/api/personas", { name: "Fixture", instructions: "Answer briefly." })).persona.id;
  if (has(routes, "/api/chats/[id]/shares")) ids.shareToken = (await created<{ token: string }>(owner, `/api/chats/${chatId}/shares`, { mode: "snapshot" })).token;
  return { owner, stranger, chatId, strangerChatId, ids };
}

async function created<T>(client: ChatClient, path: string, body: unknown): Promise<T> {
  const reply = await send(client, { method: "POST", path, body: JSON.stringify(body) });
  if (reply.status !== 201) throw new Error(`seeding POST ${path}: ${reply.status} ${reply.text}`);
  return reply.json as T;
}

/** The owner's row a route's segments name, when there is one (share tokens stay out: reading a share counts a view). */
export function ownedValues(route: ApiRoute, fixtures: Fixtures): Record<string, string> | undefined {
  const { ids } = fixtures;
  if (route.pattern.startsWith("/api/chats/[id]")) return { id: ids.chat };
  if (route.pattern.startsWith("/api/prompts/[id]") && ids.prompt) return { id: ids.prompt };
  if (route.pattern.startsWith("/api/personas/[id]") && ids.persona) return { id: ids.persona };
  return undefined;
}
