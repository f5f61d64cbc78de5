import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ChatClient, generateMessageId, type StreamResult } from "../../support/chat-client.js";
import { expectError, expectStatus } from "./json-calls.js";

interface Persona {
  id: string;
  name: string;
  instructions: string;
  createdAt: string;
  updatedAt: string;
}
interface ChatSummary {
  id: string;
  title: string;
  personaId: string | null;
}

/** A message to a chat, starting it with a persona when `personaId` is given. */
function send(client: ChatClient, chatId: string, text: string, personaId?: string): Promise<StreamResult> {
  const message = { id: generateMessageId(), role: "user", parts: [{ type: "text", text }] };
  return client.postChat({ id: chatId, message, ...(personaId ? { personaId } : {}) });
}

function expectAnswered(answer: StreamResult, question: string): string {
  expect(answer.status, answer.body).toBe(200);
  expect(answer.done, answer.body).toBe(true);
  expect(answer.text).toContain(question);
  return answer.text;
}

async function chatIds(client: ChatClient, query = ""): Promise<string[]> {
  const page = await expectStatus<{ chats: ChatSummary[] }>(client, 200, "GET", `/api/chats${query}`);
  return page.chats.map((chat) => chat.id);
}

/**
 * Personas over HTTP: create one, start a chat with it (the offline model names the persona its instructions
 * gave it, so the answer shows they were used), keep answering as it, filter the chat list by it, edit it, and
 * delete it while its chat stays. Someone else's persona is a 404 everywhere.
 */
export async function personasScenario(baseUrl: string): Promise<void> {
  const owner = new ChatClient(baseUrl);
  const other = new ChatClient(baseUrl);

  const { persona } = await expectStatus<{ persona: Persona }>(owner, 201, "POST", "/api/personas", {
    name: "  Captain \n Nemo ",
    instructions: "Answer like the captain of a submarine.",
  });
  expect(persona).toMatchObject({ name: "Captain Nemo", instructions: "Answer like the captain of a submarine." });
  for (const body of [{ name: "", instructions: "x" }, { name: "x", instructions: " " }, { name: "x".repeat(61), instructions: "x" }, { name: "x", instructions: "y".repeat(4_001) }, { name: "x" }]) {
    await expectError(owner, 400, "invalid_request", "POST", "/api/personas", body);
  }
  await expectError(owner, 400, "invalid_request", "PATCH", `/api/personas/${persona.id}`, {});

  // A chat started with the persona is answered with its instructions, from the first message on.
  const personaChat = randomUUID();
  const first = expectAnswered(await send(owner, personaChat, "where are we heading?", persona.id), "where are we heading?");
  expect(first).toMatch(/^\(offline model, answering as Captain Nemo\)/);
  const stored = await expectStatus<{ chat: ChatSummary }>(owner, 200, "GET", `/api/chats/${personaChat}`);
  expect(stored.chat.personaId).toBe(persona.id);
  const next = expectAnswered(await send(owner, personaChat, "and how deep?"), "and how deep?");
  expect(next).toMatch(/answering as Captain Nemo/);

  // A chat without one gets the default assistant; a persona sent for an existing chat changes nothing.
  const plainChat = randomUUID();
  const plain = expectAnswered(await send(owner, plainChat, "just a question"), "just a question");
  expect(plain).not.toMatch(/answering as/);
  const again = expectAnswered(await send(owner, plainChat, "still plain?", persona.id), "still plain?");
  expect(again).not.toMatch(/answering as/);
  expect((await expectStatus<{ chat: ChatSummary }>(owner, 200, "GET", `/api/chats/${plainChat}`)).chat.personaId).toBeNull();

  // The list filter.
  expect(await chatIds(owner, `?persona=${persona.id}`)).toEqual([personaChat]);
  expect(await chatIds(owner)).toEqual([plainChat, personaChat]);
  await expectError(owner, 400, "invalid_request", "GET", "/api/chats?persona=not%20an%20id");

  // Someone else's persona does not exist for them.
  const stolen = await send(other, randomUUID(), "let me borrow it", persona.id);
  expect(stolen.status, stolen.body).toBe(404);
  expect(JSON.parse(stolen.body)).toMatchObject({ error: { code: "not_found" } });
  expect(await chatIds(other)).toEqual([]);
  expect(await chatIds(other, `?persona=${persona.id}`)).toEqual([]);
  expect(await expectStatus<{ personas: Persona[] }>(other, 200, "GET", "/api/personas")).toEqual({ personas: [] });
  await expectError(other, 404, "not_found", "PATCH", `/api/personas/${persona.id}`, { name: "Mine" });
  await expectError(other, 404, "not_found", "DELETE", `/api/personas/${persona.id}`);

  // An edit applies to the persona's chats from their next answer.
  const { persona: renamed } = await expectStatus<{ persona: Persona }>(owner, 200, "PATCH", `/api/personas/${persona.id}`, { name: "Captain Ahab" });
  expect(renamed).toMatchObject({ id: persona.id, name: "Captain Ahab", instructions: persona.instructions });
  expect((await expectStatus<{ personas: Persona[] }>(owner, 200, "GET", "/api/personas")).personas.map((p) => p.name)).toEqual(["Captain Ahab"]);
  const afterEdit = expectAnswered(await send(owner, personaChat, "any whales?"), "any whales?");
  expect(afterEdit).toMatch(/^\(offline model, answering as Captain Ahab\)/);

  // Deleting the persona keeps its chat, which goes back to the default assistant.
  await expectStatus(owner, 204, "DELETE", `/api/personas/${persona.id}`);
  await expectError(owner, 404, "not_found", "DELETE", `/api/personas/${persona.id}`);
  const kept = await expectStatus<{ chat: ChatSummary; messages: unknown[] }>(owner, 200, "GET", `/api/chats/${personaChat}`);
  expect(kept.chat.personaId).toBeNull();
  expect(kept.messages).toHaveLength(6);
  expect(await chatIds(owner, `?persona=${persona.id}`)).toEqual([]);
  const orphan = await send(owner, randomUUID(), "with a deleted persona", persona.id);
  expect(orphan.status, orphan.body).toBe(404);
}
