import type { ChatClient, StreamResult } from "../support/chat-client.js";
import { generateMessageId } from "../support/chat-client.js";
import { send, sleep } from "./http.js";

export interface StoredMessage {
  id: string;
  role: string;
  parts: Array<{ type: string; text?: string }>;
  metadata?: { finishReason?: string; [field: string]: unknown };
}

export const textOf = (message: StoredMessage): string =>
  message.parts.filter((part) => part.type === "text").map((part) => part.text ?? "").join("");

/** What the offline model answers to `question` (chats without a persona). */
export const fullAnswerTo = (question: string): string => `(offline model) **You asked:** ${question.replace(/\s+/g, " ").trim()}`;

/** A question long enough that its answer streams for a while (the offline model writes a word per tick). */
export const longQuestion = (label: string, words = 60): string => `${label}: ${Array.from({ length: words }, (_, i) => `w${i}`).join(" ")}`;

/** The whole stored chat, oldest first, following the history cursor past the first page. */
export async function readChat(client: ChatClient, chatId: string): Promise<StoredMessage[] | null> {
  const first = await client.getChat(chatId);
  if (first.status !== 200) return null;
  let { messages, nextCursor } = first.body as { messages: StoredMessage[]; nextCursor: string | null };
  while (nextCursor) {
    const older = await client.getMessages(chatId, nextCursor);
    if (older.status !== 200) throw new Error(`GET messages before ${nextCursor}: ${older.status} ${JSON.stringify(older.body)}`);
    const page = older.body as { messages: StoredMessage[]; nextCursor: string | null };
    messages = [...page.messages, ...messages];
    nextCursor = page.nextCursor;
  }
  return messages;
}

/**
 * What is wrong with a stored chat, as sentences (empty when it is well formed): it starts with a question, no
 * answer follows anything but its own question, complete answers (`stop`) are whole, cut ones are marked so and
 * are a prefix of the whole answer, ids are unique. `unanswered`: questions left without an answer are allowed
 * (a server killed mid-answer); otherwise questions and answers strictly alternate.
 */
export function chatProblems(messages: StoredMessage[], options: { unanswered?: boolean } = {}): string[] {
  const problems: string[] = [];
  if (messages[0] && messages[0].role !== "user") problems.push(`starts with ${messages[0].role}`);
  if (new Set(messages.map((m) => m.id)).size !== messages.length) problems.push("duplicate message ids");
  for (const [index, message] of messages.entries()) {
    const previous = messages[index - 1];
    if (message.role === "user") {
      if (previous?.role === "user" && !options.unanswered) problems.push(`#${index} question follows the unanswered question #${index - 1}`);
      continue;
    }
    if (message.role !== "assistant") {
      problems.push(`#${index} has role ${message.role}`);
      continue;
    }
    if (previous?.role !== "user") {
      problems.push(`#${index} answer does not follow a question`);
      continue;
    }
    const expected = fullAnswerTo(textOf(previous));
    const text = textOf(message);
    const reason = message.metadata?.finishReason;
    if (reason === "stop" || reason === undefined) {
      if (text !== expected) problems.push(`#${index} answer (${reason ?? "no finish reason"}) is not the whole answer to #${index - 1}: ${JSON.stringify(text.slice(0, 120))}`);
      if (reason === undefined) problems.push(`#${index} answer stored without a finish reason`);
    } else if (!expected.startsWith(text)) {
      problems.push(`#${index} ${reason} answer is not a prefix of the answer to #${index - 1}: ${JSON.stringify(text.slice(0, 120))}`);
    }
  }
  if (!options.unanswered && messages.at(-1)?.role === "user") problems.push("the last question has no answer");
  return problems;
}

export interface Turn {
  result: StreamResult;
  /** Requests it took: more than one when the chat was still busy (409) and the client tried again. */
  attempts: number;
}

/**
 * Sends one question like a patient client: a 409 `answer_in_progress` (the previous answer is still being
 * saved, or a lease outlives a killed server) is retried after Retry-After, up to `waitMs`.
 */
export async function sendTurn(client: ChatClient, chatId: string, text: string, options: { messageId?: string; waitMs?: number } = {}): Promise<Turn> {
  const messageId = options.messageId ?? generateMessageId();
  const deadline = Date.now() + (options.waitMs ?? 20_000);
  for (let attempts = 1; ; attempts++) {
    const result = await client.sendMessage(chatId, text, { messageId });
    if (result.status !== 409 || !result.body.includes("answer_in_progress") || Date.now() > deadline) return { result, attempts };
    const retryAfter = Number(result.headers.get("retry-after"));
    await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 2_000) : 100);
  }
}

/** POST /api/chats/:id/stop, the Stop button. */
export function stopAnswer(client: ChatClient, chatId: string) {
  return send(client, { method: "POST", path: `/api/chats/${encodeURIComponent(chatId)}/stop`, body: "{}" });
}

/** Polls the stored chat until `done` holds (answers are saved as their stream ends, a moment after the client sees it). */
export async function waitForChat(
  client: ChatClient,
  chatId: string,
  done: (messages: StoredMessage[]) => boolean,
  timeoutMs = 30_000,
): Promise<StoredMessage[]> {
  const deadline = Date.now() + timeoutMs;
  let last: StoredMessage[] | null = null;
  while (Date.now() < deadline) {
    last = await readChat(client, chatId);
    if (last && done(last)) return last;
    await sleep(200);
  }
  throw new Error(`chat ${chatId} did not settle within ${timeoutMs} ms; last read: ${JSON.stringify(last?.map((m) => [m.role, textOf(m).slice(0, 60), m.metadata?.finishReason]))}`);
}

/** Settled: the last message is an answer whose stream has ended (it carries a finish reason). */
export const settled = (count: number) => (messages: StoredMessage[]): boolean =>
  messages.length >= count && messages.at(-1)?.role === "assistant" && messages.at(-1)?.metadata?.finishReason !== undefined;
