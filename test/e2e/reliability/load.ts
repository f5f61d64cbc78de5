import { randomUUID } from "node:crypto";
import { ChatClient } from "../support/chat-client.js";
import { chatProblems, fullAnswerTo, readChat, sendTurn, settled, textOf, waitForChat } from "./conversation.js";
import { newUser, shareCookies } from "./http.js";
import { percentile } from "./probe-support.js";

export interface LoadFigures {
  users: number;
  turns: number;
  answered: number;
  /** Turns that met a busy chat (409) at least once and were sent again, as a patient client does. */
  retried: number;
  p50Ms: number;
  p99Ms: number;
  turnsPerSecond: number;
  problems: string[];
}

/**
 * `users` users at once, `turns` turns each, every user alternating between two app instances on one database:
 * each chat must end with all its turns, in order, none lost or twice. Latency is a figure, never an assertion.
 */
export async function loadProbe(baseUrls: [string, string], users = 50, turns = 10): Promise<LoadFigures> {
  const people = await Promise.all(
    Array.from({ length: users }, async (_, index) => {
      const first = await newUser(baseUrls[index % 2]!);
      const second = new ChatClient(baseUrls[(index + 1) % 2]!);
      shareCookies(first, second);
      return { clients: [first, second] as const, chatId: randomUUID() };
    }),
  );
  const latencies: number[] = [];
  const figures: LoadFigures = { users, turns: users * turns, answered: 0, retried: 0, p50Ms: 0, p99Ms: 0, turnsPerSecond: 0, problems: [] };
  const started = performance.now();
  await Promise.all(
    people.map(async ({ clients, chatId }, index) => {
      for (let turn = 1; turn <= turns; turn++) {
        const client = clients[turn % 2]!;
        const question = `user ${index} turn ${turn}`;
        const sent = performance.now();
        const { result, attempts } = await sendTurn(client, chatId, question, { waitMs: 30_000 });
        latencies.push(performance.now() - sent);
        if (attempts > 1) figures.retried++;
        if (result.status === 200 && result.done && result.text === fullAnswerTo(question)) figures.answered++;
        else figures.problems.push(`user ${index} turn ${turn}: ${result.status} ${result.body.slice(0, 160)}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  Object.assign(figures, { p50Ms: Math.round(percentile(latencies, 50)), p99Ms: Math.round(percentile(latencies, 99)), turnsPerSecond: Number((figures.answered / seconds).toFixed(1)) });
  await Promise.all(
    people.map(async ({ clients, chatId }, index) => {
      const messages = await waitForChat(clients[0], chatId, settled(turns * 2)).catch(async () => (await readChat(clients[0], chatId)) ?? []);
      const asked = messages.filter((m) => m.role === "user").map(textOf);
      const expected = Array.from({ length: turns }, (_, turn) => `user ${index} turn ${turn + 1}`);
      if (JSON.stringify(asked) !== JSON.stringify(expected)) figures.problems.push(`user ${index}: questions stored ${JSON.stringify(asked)}`);
      figures.problems.push(...chatProblems(messages).map((problem) => `user ${index}: ${problem}`));
    }),
  );
  return figures;
}
