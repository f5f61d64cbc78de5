import { createHash, randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ChatClient, generateMessageId, type JsonResult } from "../support/chat-client.js";

/**
 * The server these scenarios run against is started with a slow offline model and a small context budget:
 * an answer to a long question takes seconds (time to ask again, or to stop it), and the model sees little history.
 */
export const ANSWERS_SERVER_ENV = { OFFLINE_MODEL_DELAY_MS: "40", CHAT_CONTEXT_TOKENS: "60" };

interface StoredMessage {
  id: string;
  role: string;
  parts: Array<{ type: string; text?: string }>;
  metadata?: { finishReason?: string; usage?: { inputTokens?: number } };
}

/** A question whose echo takes the slow offline model several seconds to write. */
const LONG_QUESTION = `please repeat ${Array.from({ length: 150 }, (_, i) => `word${i}`).join(" ")}`;

const textOf = (message: StoredMessage): string => message.parts.map((part) => part.text ?? "").join("");

/** The id the server gives the answer to a question (lib/chat/answer.ts). */
const answerIdFor = (questionId: string): string => `msg-${createHash("sha256").update(`answer:${questionId}`).digest("base64url").slice(0, 24)}`;

/**
 * One answer at a time: a second question (or the same one again) while an answer is written is a 409
 * `answer_in_progress` that stores nothing; Stop ends the answer on the server, stores the part written so far
 * marked `stopped` and frees the chat at once; every stored answer carries its finish reason; double submits and
 * concurrent pairs leave a chat where each answer follows its own question.
 */
export async function answersScenario(baseUrl: string): Promise<void> {
  const owner = new ChatClient(baseUrl);
  const chatId = randomUUID();
  const firstId = generateMessageId();
  // The tab goes away mid-answer; the server keeps writing, and holds the chat meanwhile.
  const left = await owner.sendMessage(chatId, LONG_QUESTION, { messageId: firstId, abortAfterChars: 10 });
  expect(left.aborted, left.body).toBe(true);
  const refused = await owner.sendMessage(chatId, "a second question, too early");
  expect(refused.status, refused.body).toBe(409);
  expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "answer_in_progress", message: expect.any(String) } });
  const retried = await owner.sendMessage(chatId, LONG_QUESTION, { messageId: firstId });
  expect(retried.status, retried.body).toBe(409);

  const stop = await owner.request(`/api/chats/${chatId}/stop`, { method: "POST", body: "{}" });
  expect(stop.status).toBe(200);
  expect(await stop.json()).toEqual({ stopped: true });
  // Free at once: the next question is answered, after the stopped answer.
  const next = await owner.sendMessage(chatId, "right after stop");
  expect(next.status, next.body).toBe(200);
  expect(next.done).toBe(true);
  expect(await stopJson(owner, chatId)).toEqual({ stopped: false });
  expect((await owner.request(`/api/chats/${randomUUID()}/stop`, { method: "POST", body: "{}" })).status).toBe(404);
  expect((await new ChatClient(baseUrl).request(`/api/chats/${chatId}/stop`, { method: "POST", body: "{}" })).status).toBe(404);

  const messages = await storedMessages(owner, chatId);
  expect(messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
  const [, stopped, , complete] = messages;
  expect(stopped!.id).toBe(answerIdFor(firstId));
  expect(stopped!.metadata?.finishReason).toBe("stopped");
  expect(textOf(stopped!)).not.toContain("word149");
  expect(complete!.metadata?.finishReason).toBe("stop");
  expect(textOf(complete!)).toContain("right after stop");
  // An answered question sent again is refused too, and adds nothing.
  const again = await owner.sendMessage(chatId, LONG_QUESTION, { messageId: firstId });
  expect(again.status, again.body).toBe(409);
  expect(JSON.parse(again.body)).toMatchObject({ error: { code: "already_answered" } });

  await expectRacesAlternate(owner);
}

/** Double submits and pairs of questions sent at once: one is answered, the other refused, nothing interleaved. */
async function expectRacesAlternate(owner: ChatClient): Promise<void> {
  const chatId = randomUUID();
  for (let round = 0; round < 3; round++) {
    const id = generateMessageId();
    const double = await Promise.all([owner.sendMessage(chatId, `double ${round}`, { messageId: id }), owner.sendMessage(chatId, `double ${round}`, { messageId: id })]);
    expect(double.map((result) => result.status).sort()).toEqual([200, 409]);
    const pair = await Promise.all([owner.sendMessage(chatId, `pair ${round} a`), owner.sendMessage(chatId, `pair ${round} b`)]);
    expect(pair.map((result) => result.status).sort()).toEqual([200, 409]);
  }
  const messages = await storedMessages(owner, chatId);
  expect(messages).toHaveLength(12);
  for (let index = 0; index < messages.length; index += 2) {
    const [question, answer] = [messages[index]!, messages[index + 1]!];
    expect([question.role, answer.role]).toEqual(["user", "assistant"]);
    expect(answer.id).toBe(answerIdFor(question.id));
    expect(answer.metadata?.finishReason).toBe("stop");
  }
}

/**
 * The history the model sees fits the token budget (CHAT_CONTEXT_TOKENS=60 here): with questions that each
 * nearly fill it, every turn sends the instructions and the question alone, so the offline model (which counts
 * words as tokens) reports the same input for the fifth turn as for the first.
 */
export async function contextBudgetScenario(baseUrl: string): Promise<void> {
  const owner = new ChatClient(baseUrl);
  const chatId = randomUUID();
  for (let turn = 1; turn <= 5; turn++) {
    const question = `turn ${turn}: ${Array.from({ length: 30 }, (_, i) => `filler${i}`).join(" ")}`;
    const answer = await owner.sendMessage(chatId, question);
    expect(answer.status, answer.body).toBe(200);
  }
  const answers = (await storedMessages(owner, chatId)).filter((message) => message.role === "assistant");
  const inputs = answers.map((answer) => answer.metadata?.usage?.inputTokens);
  expect(inputs).toHaveLength(5);
  expect(new Set(inputs).size, JSON.stringify(inputs)).toBe(1);
}

async function stopJson(client: ChatClient, chatId: string): Promise<unknown> {
  const response = await client.request(`/api/chats/${chatId}/stop`, { method: "POST", body: "{}" });
  expect(response.status).toBe(200);
  return response.json();
}

async function storedMessages(client: ChatClient, chatId: string): Promise<StoredMessage[]> {
  const result: JsonResult = await client.getMessages(chatId);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return (result.body as { messages: StoredMessage[] }).messages;
}
