import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ChatClient } from "../../support/chat-client.js";

/**
 * titles=ai without a model key: the offline model cannot write titles, so a new chat keeps the title made
 * from its first message, and nothing fails on the way.
 */
export async function aiTitlesScenario(baseUrl: string): Promise<void> {
  const client = new ChatClient(baseUrl);
  const chatId = randomUUID();
  const question = "Plan a rainy weekend in Lisbon with two kids";
  const answer = await client.sendMessage(chatId, question);
  expect(answer.status, answer.body).toBe(200);
  expect(answer.done, answer.body).toBe(true);

  // The title task runs beside the answer; give it time to (not) change anything.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const chat = await client.getChat(chatId);
  expect(chat.status).toBe(200);
  expect((chat.body as { chat: { title: string } }).chat.title).toBe(question);

  // A second message never retitles the chat.
  expect((await client.sendMessage(chatId, "Something else entirely")).status).toBe(200);
  const listed = await client.listChats();
  expect(listed.status).toBe(200);
  const item = (listed.body as { chats: Array<{ id: string; title: string }> }).chats.find((c) => c.id === chatId);
  expect(item?.title).toBe(question);
}

/**
 * titles=ai with a model that can answer (the test preload's echo model behind a string model id): the new
 * chat's first-message title is replaced by the model's, cleaned and cut to a title's length, and later
 * messages leave it alone.
 */
export async function aiTitlesWithModelScenario(baseUrl: string): Promise<void> {
  const client = new ChatClient(baseUrl);
  const chatId = randomUUID();
  const question = "Plan a rainy weekend in Lisbon with two kids, please";
  const answer = await client.sendMessage(chatId, question);
  expect(answer.status, answer.body).toBe(200);

  let title = question;
  for (let attempt = 0; attempt < 50 && title === question; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    title = ((await client.getChat(chatId)).body as { chat: { title: string } }).chat.title;
  }
  // The echo model "writes" its usual answer; what matters is that it became the title, trimmed to 60 characters.
  expect(title).toMatch(/^\(echo\) You asked: Plan a rainy weekend/);
  expect(Array.from(title).length).toBeLessThanOrEqual(60);

  expect((await client.sendMessage(chatId, "Another question")).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(((await client.getChat(chatId)).body as { chat: { title: string } }).chat.title).toBe(title);
}
