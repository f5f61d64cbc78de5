import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ChatClient, generateMessageId, type StreamResult } from "../../support/chat-client.js";

/** The most messages the scenario sends to find a limit it was not told. */
const MAX_PROBE = 100;

function expectRateLimited(result: StreamResult): number {
  expect(result.status, result.body).toBe(429);
  expect(JSON.parse(result.body)).toMatchObject({ error: { code: "rate_limited", message: expect.stringMatching(/can send again in (\d+ minutes?|about (an|\d+) hours?)\./) } });
  const retryAfter = result.headers.get("retry-after") ?? "";
  expect(retryAfter).toMatch(/^[1-9]\d*$/);
  expect(Number(retryAfter)).toBeLessThanOrEqual(24 * 60 * 60);
  return Number(retryAfter);
}

/**
 * One user sends messages until the daily limit refuses one: exactly `limit` get through (a retried message id
 * in between does not count twice), the refused one gets 429 with Retry-After and is not stored anywhere. A
 * different user can still send, exactly as many messages, even when they all arrive at once. Without `limit`,
 * the scenario finds it (up to 100) and checks the rest. Returns the limited user, to check that the limit
 * survives a restart.
 */
export async function rateLimitScenario(baseUrl: string, limit?: number): Promise<ChatClient> {
  const user = new ChatClient(baseUrl);
  const chatId = randomUUID();
  const firstId = generateMessageId();
  const first = await user.sendMessage(chatId, "rate limit message 1", { messageId: firstId });
  expect(first.status, first.body).toBe(200);
  // The same message again (a retry): refused as already answered, and not counted a second time.
  const retry = await user.sendMessage(chatId, "rate limit message 1", { messageId: firstId });
  expect(retry.status, retry.body).toBe(409);

  let sent = 1;
  let refused: StreamResult | undefined;
  let refusedId = "";
  while (sent <= (limit ?? MAX_PROBE)) {
    refusedId = generateMessageId();
    const result = await user.sendMessage(chatId, `rate limit message ${sent + 1}`, { messageId: refusedId });
    if (result.status !== 200) {
      refused = result;
      break;
    }
    sent++;
  }
  expect(refused, `no message was refused after ${sent}`).toBeDefined();
  if (limit !== undefined) expect(sent).toBe(limit);
  expectRateLimited(refused!);

  // Nothing of the refused message was stored.
  const stored = await user.getMessages(chatId);
  expect(stored.status).toBe(200);
  const messages = (stored.body as { messages: Array<{ id: string; role: string }> }).messages;
  expect(messages.filter((message) => message.role === "user")).toHaveLength(sent);
  expect(messages.some((message) => message.id === refusedId)).toBe(false);
  // A refused first message creates no chat.
  const newChat = randomUUID();
  expectRateLimited(await user.sendMessage(newChat, "a new chat over the limit"));
  expect((await user.getChat(newChat)).status).toBe(404);

  // Someone else has their own allowance, and cannot overrun it by sending many messages at once.
  const other = new ChatClient(baseUrl);
  // One request first, for the session cookie: requests without it would each start a new anonymous user.
  expect((await other.listChats()).status).toBe(200);
  const burst = await Promise.all(
    Array.from({ length: sent + 2 }, (_, index) => other.sendMessage(randomUUID(), `a different user, message ${index + 1}`)),
  );
  expect(burst.filter((result) => result.status === 200)).toHaveLength(sent);
  for (const result of burst.filter((r) => r.status !== 200)) expectRateLimited(result);
  return user;
}

/** After a restart, the limit still holds: it is counted in the database. */
export async function expectStillRateLimited(user: ChatClient): Promise<void> {
  expectRateLimited(await user.sendMessage(randomUUID(), "after the restart"));
}
