import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ChatClient, type JsonResult } from "../../support/chat-client.js";

interface Usage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}
interface Totals extends Usage {
  answers: number;
  costMicroUsd: number;
  unpricedAnswers: number;
}
interface StoredMessage {
  id: string;
  role: string;
  parts: Array<{ type: string; text?: string }>;
  metadata?: { model?: string; finishReason?: string; usage?: Usage; costMicroUsd?: number | null };
}

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

function ok<T>(result: JsonResult, what: string): T {
  expect(result.status, `${what}: ${JSON.stringify(result.body)}`).toBe(200);
  return result.body as T;
}

/**
 * Two answers in one chat: each answer's usage (the offline model counts words as tokens) is streamed, stored
 * and read back; the chat's totals are their sum, and so is the current month of the monthly endpoint. Another
 * user sees none of it. Returns the chat and its totals, for a check of the database columns.
 */
export async function usageScenario(baseUrl: string): Promise<{ chatId: string; totals: Totals; answers: StoredMessage[] }> {
  const owner = new ChatClient(baseUrl);
  const chatId = randomUUID();
  const questions = ["usage check: how many words is this?", "and a second, slightly longer question about usage?"];
  const streamed: unknown[] = [];
  for (const question of questions) {
    const answer = await owner.sendMessage(chatId, question);
    expect(answer.status, answer.body).toBe(200);
    expect(answer.done, answer.body).toBe(true);
    const finish = answer.events.find((event) => event.type === "finish");
    streamed.push((finish as { messageMetadata?: unknown } | undefined)?.messageMetadata);
  }

  const { messages } = ok<{ messages: StoredMessage[] }>(await owner.getMessages(chatId), "GET messages");
  const answers = messages.filter((message) => message.role === "assistant");
  expect(answers).toHaveLength(2);
  const answerText = answers.map((message) => message.parts.map((part) => part.text ?? "").join(""));
  for (const [index, answer] of answers.entries()) {
    const metadata = answer.metadata;
    expect(metadata?.model).toBe("offline");
    expect(metadata?.finishReason).toBe("stop");
    expect(metadata?.costMicroUsd).toBe(0);
    // The offline model reports the words of its answer as output tokens.
    expect(metadata?.usage?.outputTokens).toBe(words(answerText[index]!));
    expect(metadata?.usage?.totalTokens).toBe(metadata!.usage!.inputTokens + metadata!.usage!.outputTokens);
    // What was streamed at the end of the answer is what was stored.
    expect(streamed[index]).toMatchObject({ model: "offline", finishReason: "stop", usage: metadata?.usage });
  }
  // ...and the words of everything it was sent as input: the second prompt adds the first answer and the second question.
  const [first, second] = answers.map((answer) => answer.metadata!.usage!);
  expect(first!.inputTokens).toBeGreaterThan(words(questions[0]!));
  expect(second!.inputTokens - first!.inputTokens).toBe(words(answerText[0]!) + words(questions[1]!));

  const expected: Totals = {
    answers: 2,
    inputTokens: first!.inputTokens + second!.inputTokens,
    outputTokens: first!.outputTokens + second!.outputTokens,
    totalTokens: first!.totalTokens + second!.totalTokens,
    costMicroUsd: 0,
    unpricedAnswers: 0,
  };
  const perChat = ok<{ usage: Totals }>(await owner.request(`/api/chats/${chatId}/usage`).then(toJson), "GET chat usage");
  expect(perChat.usage).toEqual(expected);

  const monthly = ok<{ months: Array<{ month: string } & Totals> }>(await owner.request("/api/usage?months=2").then(toJson), "GET usage");
  const now = new Date();
  const thisMonth = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  expect(monthly.months).toHaveLength(2);
  expect(monthly.months[0]).toEqual({ month: thisMonth, ...expected });
  expect(monthly.months[1]).toMatchObject({ answers: 0, inputTokens: 0, outputTokens: 0, costMicroUsd: 0 });
  expect((await owner.request("/api/usage?months=0").then(toJson)).status).toBe(400);
  expect((await owner.request("/api/usage?months=abc").then(toJson)).status).toBe(400);

  // Someone else: the chat's usage is a 404 like the chat, and their own months are empty.
  const stranger = new ChatClient(baseUrl);
  const denied = await stranger.request(`/api/chats/${chatId}/usage`).then(toJson);
  expect(denied.status).toBe(404);
  expect(denied.body).toMatchObject({ error: { code: "not_found" } });
  const theirs = ok<{ months: Totals[] }>(await stranger.request("/api/usage").then(toJson), "GET usage as a stranger");
  expect(theirs.months).toHaveLength(6);
  expect(theirs.months.every((month) => month.answers === 0 && month.inputTokens === 0)).toBe(true);

  return { chatId, totals: expected, answers };
}

async function toJson(response: Response): Promise<JsonResult> {
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: text };
  }
}

/**
 * Cost from the cost table: with a priced model each answer costs input × input price + output × output price
 * (USD per million tokens = micro-dollars per token); with a model missing from the table the cost is null and
 * the totals count the answer as unpriced.
 */
export async function usageCostScenario(baseUrl: string, price: { input: number; output: number } | null): Promise<void> {
  const owner = new ChatClient(baseUrl);
  const chatId = randomUUID();
  const answer = await owner.sendMessage(chatId, "what does this answer cost?");
  expect(answer.status, answer.body).toBe(200);
  const { messages } = ok<{ messages: StoredMessage[] }>(await owner.getMessages(chatId), "GET messages");
  const metadata = messages.find((message) => message.role === "assistant")?.metadata;
  const usage = metadata!.usage!;
  const expected = price ? Math.round(usage.inputTokens * price.input + usage.outputTokens * price.output) : null;
  expect(metadata?.costMicroUsd).toBe(expected);
  const perChat = ok<{ usage: Totals }>(await owner.request(`/api/chats/${chatId}/usage`).then(toJson), "GET chat usage");
  expect(perChat.usage).toMatchObject({ answers: 1, costMicroUsd: expected ?? 0, unpricedAnswers: price ? 0 : 1 });
}
