import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ChatClient } from "../../support/chat-client.js";

interface Segment {
  text: string;
  match: boolean;
}
interface ChatHit {
  chatId: string;
  title: string;
  rank: number;
  highlight: Segment[];
}
interface MessageHit {
  chatId: string;
  chatTitle: string;
  messageId: string;
  role: string;
  rank: number;
  highlight: Segment[];
}
interface SearchResults {
  chats: ChatHit[];
  messages: MessageHit[];
}

async function search(client: ChatClient, q: string, limit?: number): Promise<{ status: number; body: unknown }> {
  const query = new URLSearchParams({ q });
  if (limit !== undefined) query.set("limit", String(limit));
  const response = await client.request(`/api/search?${query}`);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // not JSON: kept as text for the failure message
  }
  return { status: response.status, body };
}

async function found(client: ChatClient, q: string): Promise<SearchResults> {
  const result = await search(client, q);
  expect(result.status, `search ${JSON.stringify(q)}: ${JSON.stringify(result.body)}`).toBe(200);
  return result.body as SearchResults;
}

const matched = (segments: Segment[]): string[] => segments.filter((segment) => segment.match).map((segment) => segment.text.toLowerCase());
const plain = (segments: Segment[]): string => segments.map((segment) => segment.text).join("");
const chatIdsOf = (results: SearchResults): Set<string> => new Set([...results.chats.map((hit) => hit.chatId), ...results.messages.map((hit) => hit.chatId)]);

/**
 * Full-text search over one user's chats: stemmed words, ranking, highlight segments, title hits; hostile query
 * text neither fails nor widens the search; another user's chats never appear; a deleted chat drops out.
 * Sends four messages (three for the owner, one for a stranger).
 */
export async function searchScenario(baseUrl: string): Promise<void> {
  const owner = new ChatClient(baseUrl);
  const stranger = new ChatClient(baseUrl);
  const lake = randomUUID();
  const marathon = randomUUID();
  const kitchen = randomUUID();

  for (const [chatId, text] of [
    [lake, "I like to run along the quiet lake"],
    [marathon, "Marathon plan: running, running and more running every single week"],
    [kitchen, "Should a<b hold? Is <b>salt</b> needed for pasta al dente?"],
  ] as const) {
    const answer = await owner.sendMessage(chatId, text);
    expect(answer.status, answer.body).toBe(200);
  }
  const renamed = await owner.rename(kitchen, "Kitchen notebook");
  expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
  const strangerChat = randomUUID();
  expect((await stranger.sendMessage(strangerChat, "running with a stranger's secret")).status).toBe(200);

  // "running" is stemmed to "run": it finds the message with "run" too; more matches rank higher.
  const running = await found(owner, "running");
  const userHits = running.messages.filter((hit) => hit.role === "user");
  expect(userHits.map((hit) => hit.chatId)).toEqual([marathon, lake]);
  expect(userHits[0]!.rank).toBeGreaterThan(userHits[1]!.rank);
  expect(matched(userHits[0]!.highlight)).toContain("running");
  expect(plain(userHits[0]!.highlight)).toContain("Marathon plan");
  expect(matched(userHits[1]!.highlight)).toEqual(["run"]);
  // Titles come from the first message (with titles=ai, offline, too); read what was stored.
  const lakeTitle = ((await owner.getChat(lake)).body as { chat: { title: string } }).chat.title;
  expect(userHits[1]!.chatTitle).toBe(lakeTitle);
  for (const hit of running.messages) expect([marathon, lake]).toContain(hit.chatId);
  // Titles match too, the better one first, marked in full.
  expect(running.chats.map((hit) => hit.chatId)).toEqual([marathon, lake]);
  expect(plain(running.chats[1]!.highlight)).toBe(lakeTitle);
  expect(matched(running.chats[1]!.highlight)).toEqual(["run"]);

  // A title-only hit, with the matched word in its own segment.
  const notebook = await found(owner, "notebooks");
  expect(notebook.messages).toEqual([]);
  expect(notebook.chats).toHaveLength(1);
  expect(notebook.chats[0]).toMatchObject({
    chatId: kitchen,
    title: "Kitchen notebook",
    highlight: [
      { text: "Kitchen ", match: false },
      { text: "notebook", match: true },
    ],
  });

  // Text that looks like HTML comes back as text, whole: no markup in highlights, nothing cut out.
  const pasta = (await found(owner, "pasta")).messages.find((hit) => hit.role === "user");
  expect(pasta?.chatId).toBe(kitchen);
  expect(plain(pasta!.highlight)).toContain("Is <b>salt</b> needed for pasta al dente");
  expect(matched(pasta!.highlight)).toEqual(["pasta"]);

  // Query syntax and SQL wildcards are just text: nothing fails, nothing matches more than it should.
  for (const q of ["%", "_", "'", '"', "!", ":*", "&|", "(", "%%", "_%_", "' OR '1'='1", "-pasta", "-", "or", "run_ning", "\u0000"]) {
    const results = await found(owner, q);
    expect(results, `q=${JSON.stringify(q)}`).toEqual({ chats: [], messages: [] });
  }
  for (const q of ["running'", '"running', "running:*", "running & | (", "%running%", "running) (", "(running", "!running"]) {
    const results = await found(owner, q);
    const ids = chatIdsOf(results);
    expect([...ids].every((id) => id === marathon || id === lake), `q=${JSON.stringify(q)}`).toBe(true);
    expect(ids.has(marathon), `q=${JSON.stringify(q)}`).toBe(true);
  }

  // Bad parameters are 400s; a blank query is an empty result.
  expect(await found(owner, "   ")).toEqual({ chats: [], messages: [] });
  expect((await search(owner, "x".repeat(201))).status).toBe(400);
  expect((await search(owner, "running", 0)).status).toBe(400);
  expect((await search(owner, "running", 51)).status).toBe(400);
  const limited = await found(owner, "running");
  expect((await search(owner, "running", 1)).body).toMatchObject({ chats: [limited.chats[0]], messages: [limited.messages[0]] });

  // Another user's chats never appear, in either direction.
  expect(chatIdsOf(running).has(strangerChat)).toBe(false);
  const strangers = await found(stranger, "running");
  expect([...chatIdsOf(strangers)]).toEqual([strangerChat]);
  expect(await found(stranger, "notebook")).toEqual({ chats: [], messages: [] });

  // A deleted chat (in the trash or gone) is no longer found.
  expect((await owner.remove(lake)).status).toBe(204);
  const afterDelete = await found(owner, "running");
  expect(chatIdsOf(afterDelete).has(lake)).toBe(false);
  expect(chatIdsOf(afterDelete).has(marathon)).toBe(true);
}
