import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ChatClient } from "../../support/chat-client.js";

interface Stats {
  chats: number;
  messages: number;
  activeDays: number;
  tokens?: { input: number; output: number };
}

async function stats(client: ChatClient): Promise<Stats> {
  const response = await client.request("/api/stats");
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as Stats;
}

/** Answers are stored as their stream ends; wait until the count has caught up. */
async function statsWhen(client: ChatClient, done: (figures: Stats) => boolean): Promise<Stats> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const figures = await stats(client);
    if (done(figures) || Date.now() > deadline) return figures;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * A new user's totals start at zero and count exactly what they did: chats, messages (theirs and the answers),
 * active days, and tokens when usage is tracked. Another user sees zeros; a deleted chat stops counting.
 * Sends three messages. `tokens` is required when `usage` is on.
 */
export async function statsScenario(baseUrl: string, options: { usage?: boolean } = {}): Promise<void> {
  const owner = new ChatClient(baseUrl);
  // The first request of a new visitor: the proxy must issue the session here too.
  expect(await stats(owner)).toMatchObject({ chats: 0, messages: 0, activeDays: 0 });

  const first = randomUUID();
  const second = randomUUID();
  for (const [chatId, text] of [
    [first, "stats: the first question"],
    [first, "stats: a follow-up"],
    [second, "stats: another chat"],
  ] as const) {
    const answer = await owner.sendMessage(chatId, text);
    expect(answer.status, answer.body).toBe(200);
    expect(answer.done, answer.body).toBe(true);
  }

  const figures = await statsWhen(owner, (current) => current.messages >= 6);
  expect(figures).toMatchObject({ chats: 2, messages: 6, activeDays: 1 });
  if (options.usage) expect(figures.tokens).toBeDefined();
  if (figures.tokens) {
    // The offline model reports words as tokens: every answer has some of both.
    expect(figures.tokens.input).toBeGreaterThan(0);
    expect(figures.tokens.output).toBeGreaterThan(0);
  }

  const stranger = await stats(new ChatClient(baseUrl));
  expect(stranger).toMatchObject({ chats: 0, messages: 0, activeDays: 0 });
  if (stranger.tokens) expect(stranger.tokens).toEqual({ input: 0, output: 0 });

  // A deleted chat (in the trash or gone) no longer counts.
  expect((await owner.remove(second)).status).toBe(204);
  const after = await stats(owner);
  expect(after).toMatchObject({ chats: 1, messages: 4, activeDays: 1 });
  if (figures.tokens && after.tokens) {
    expect(after.tokens.output).toBeLessThan(figures.tokens.output);
  }
}
