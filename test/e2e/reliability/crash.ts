import { randomUUID } from "node:crypto";
import type { GeneratedApp } from "../support/generated-app.js";
import { killPortHolders } from "../support/kill-port.js";
import type { NextServer } from "../support/next-server.js";
import { chatProblems, fullAnswerTo, longQuestion, readChat, sendTurn, settled, waitForChat, type StoredMessage } from "./conversation.js";
import { newUser, sleep } from "./http.js";

export interface CrashFigures {
  chats: number;
  /** Answers streaming when the server was killed (bytes had arrived, [DONE] had not). */
  inFlightAtKill: number;
  killedPids: number[];
  committedKept: number;
  newTurnsAnswered: number;
  /** New turns that first met a chat still claimed by the killed server (409) and waited for the claim to lapse. */
  newTurnsWaited: number;
  problems: string[];
}

/**
 * `chats` users each finish a first turn, then all ask a long question at once and the server is SIGKILLed
 * mid-answer. After a restart on the same port and data: every first turn is there exactly as it was, every chat
 * is well formed (a question cut off by the crash may stay unanswered), and each takes a new turn.
 */
export async function crashProbe(app: GeneratedApp, env: Record<string, string>, chats = 20): Promise<{ figures: CrashFigures; server: NextServer }> {
  let server = await app.start(env);
  const users = await Promise.all(Array.from({ length: chats }, () => newUser(server.url)));
  const ids = users.map(() => randomUUID());
  const figures: CrashFigures = { chats, inFlightAtKill: 0, killedPids: [], committedKept: 0, newTurnsAnswered: 0, newTurnsWaited: 0, problems: [] };
  await Promise.all(users.map((user, index) => sendTurn(user, ids[index]!, `crash ${index} first turn`)));
  const committed: StoredMessage[][] = await Promise.all(users.map((user, index) => waitForChat(user, ids[index]!, settled(2))));

  // Everyone asks at once; the server dies once most answers are streaming.
  const streams = users.map((user, index) => user.sendMessage(ids[index]!, longQuestion(`crash ${index} second turn`, 200)).catch((error: Error) => error));
  await sleep(1_500);
  figures.killedPids = await killPortHolders(server.port);
  const outcomes = await Promise.all(streams);
  figures.inFlightAtKill = outcomes.filter((outcome) => outcome instanceof Error || !outcome.done).length;
  await app.stop(server);

  server = await app.start(env, server.port);
  await Promise.all(
    users.map(async (user, index) => {
      const after = (await readChat(user, ids[index]!)) ?? [];
      if (JSON.stringify(after.slice(0, 2)) === JSON.stringify(committed[index])) figures.committedKept++;
      else figures.problems.push(`chat ${index}: the committed first turn changed: ${JSON.stringify(after.slice(0, 2)).slice(0, 300)}`);
      figures.problems.push(...chatProblems(after, { unanswered: true }).map((problem) => `chat ${index} after restart: ${problem}`));
      const question = `crash ${index} after restart`;
      const { result, attempts } = await sendTurn(user, ids[index]!, question, { waitMs: 90_000 });
      if (attempts > 1) figures.newTurnsWaited++;
      if (result.status === 200 && result.text === fullAnswerTo(question)) figures.newTurnsAnswered++;
      else figures.problems.push(`chat ${index}: the new turn got ${result.status} ${result.body.slice(0, 160)}`);
      const final = await waitForChat(user, ids[index]!, settled(after.length + 2));
      figures.problems.push(...chatProblems(final, { unanswered: true }).map((problem) => `chat ${index} after the new turn: ${problem}`));
    }),
  );
  return { figures, server };
}
