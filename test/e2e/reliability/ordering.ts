import { randomUUID } from "node:crypto";
import { generateMessageId, type StreamResult } from "../support/chat-client.js";
import { chatProblems, longQuestion, readChat, sendTurn, settled, stopAnswer, textOf, waitForChat, type StoredMessage } from "./conversation.js";
import { newUser } from "./http.js";

export interface OrderingFigures {
  /** Status codes seen, by scenario: how the app answered the second request of each pair. */
  statuses: Record<string, Record<string, number>>;
  problems: string[];
  chats: Record<string, StoredMessage[]>;
}

const count = (into: Record<string, number>, status: number) => (into[String(status)] = (into[String(status)] ?? 0) + 1);

/**
 * Ten double submits (the same message twice at once), ten pairs of different questions sent at once, and ten
 * questions sent right after Stop, each in its own chat: the stored chat must alternate question and answer,
 * each answer right after its own question, whatever the app chose to refuse.
 */
export async function orderingProbe(baseUrl: string, rounds = 10): Promise<OrderingFigures> {
  const user = await newUser(baseUrl);
  const figures: OrderingFigures = { statuses: { double: {}, pair: {}, afterStop: {}, stop: {} }, problems: [], chats: {} };
  const check = async (scenario: string, chatId: string, expectedTurns: number) => {
    const messages = await waitForChat(user, chatId, settled(expectedTurns * 2));
    figures.chats[scenario] = messages;
    figures.problems.push(...chatProblems(messages).map((problem) => `${scenario}: ${problem}`));
    if (messages.length !== expectedTurns * 2) figures.problems.push(`${scenario}: ${messages.length} messages stored, ${expectedTurns * 2} expected`);
  };

  // Double submits: both requests carry the same message id, as a double click does.
  const doubleChat = randomUUID();
  for (let round = 1; round <= rounds; round++) {
    const messageId = generateMessageId();
    const question = `double submit ${round}`;
    const [first, second] = await Promise.all([sendTurn(user, doubleChat, question, { messageId }), sendTurn(user, doubleChat, question, { messageId })]);
    for (const turn of [first, second]) count(figures.statuses.double!, turn.result.status);
    if (![first, second].some((turn) => turn.result.status === 200)) figures.problems.push(`double ${round}: neither request was answered`);
    await waitForChat(user, doubleChat, settled(round * 2));
  }
  await check("double submits", doubleChat, rounds);

  // Pairs: two different questions at once into one chat. One may be refused; what is stored must stay in order.
  const pairChat = randomUUID();
  let answered = 0;
  for (let round = 1; round <= rounds; round++) {
    const pair = await Promise.all(["a", "b"].map((side) => user.sendMessage(pairChat, `pair ${round} question ${side}`)));
    for (const result of pair) count(figures.statuses.pair!, result.status);
    answered += pair.filter((result: StreamResult) => result.status === 200).length;
    await waitForChat(user, pairChat, (messages) => settled(answered * 2)(messages) || messages.length >= answered * 2);
  }
  const pairs = await readChat(user, pairChat);
  figures.chats.pairs = pairs ?? [];
  figures.problems.push(...chatProblems(pairs ?? []).map((problem) => `pairs: ${problem}`));
  if ((pairs ?? []).length !== answered * 2) figures.problems.push(`pairs: ${answered} questions answered with 200 but ${(pairs ?? []).length} messages stored`);

  // Stop, then ask again at once: the chat is free, the cut answer is stored as stopped, the next one is whole.
  const stopChat = randomUUID();
  for (let round = 1; round <= rounds; round++) {
    const streaming = user.sendMessage(stopChat, longQuestion(`stopped ${round}`), { abortAfterChars: 30 });
    // The client reads a little of the answer, then presses Stop.
    const partial = await streaming;
    const stop = await stopAnswer(user, stopChat);
    count(figures.statuses.stop!, stop.status);
    if (!partial.aborted) figures.problems.push(`stop ${round}: the answer ended before Stop (${partial.status})`);
    const next = await user.sendMessage(stopChat, `after stop ${round}`);
    count(figures.statuses.afterStop!, next.status);
    if (next.status !== 200) figures.problems.push(`stop ${round}: the question right after Stop was refused: ${next.status} ${next.body.slice(0, 120)}`);
    await waitForChat(user, stopChat, settled(round * 4)).catch((error: Error) => figures.problems.push(`stop ${round}: ${error.message.slice(0, 300)}`));
  }
  const stopped = (await readChat(user, stopChat)) ?? [];
  figures.chats.stop = stopped;
  figures.problems.push(...chatProblems(stopped).map((problem) => `stop: ${problem}`));
  const reasons = stopped.filter((m) => m.role === "assistant").map((m) => m.metadata?.finishReason ?? "none");
  const expectedReasons = Array.from({ length: rounds }, () => ["stopped", "stop"]).flat();
  if (JSON.stringify(reasons) !== JSON.stringify(expectedReasons)) figures.problems.push(`stop: finish reasons ${JSON.stringify(reasons)}, expected stopped/stop alternating`);
  for (const message of stopped.filter((m) => m.metadata?.finishReason === "stopped")) {
    if (textOf(message) === "") figures.problems.push(`stop: an empty stopped answer was stored (${message.id})`);
  }
  return figures;
}
