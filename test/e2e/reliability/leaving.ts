import { randomUUID } from "node:crypto";
import { chatProblems, fullAnswerTo, longQuestion, settled, textOf, waitForChat } from "./conversation.js";
import { newUser } from "./http.js";

export interface LeavingFigures {
  clients: number;
  aborted: number;
  fullAnswersStored: number;
  problems: string[];
}

/** `clients` users each ask a long question and close the tab a few words in, all at once: every full answer is stored. */
export async function leavingProbe(baseUrl: string, clients = 20): Promise<LeavingFigures> {
  const users = await Promise.all(Array.from({ length: clients }, () => newUser(baseUrl)));
  const chats = users.map(() => randomUUID());
  const questions = chats.map((_, index) => longQuestion(`leaving ${index}`));
  const results = await Promise.all(users.map((user, index) => user.sendMessage(chats[index]!, questions[index]!, { abortAfterChars: 25 })));
  const figures: LeavingFigures = { clients, aborted: results.filter((r) => r.aborted).length, fullAnswersStored: 0, problems: [] };
  for (const [index, result] of results.entries()) {
    if (result.status !== 200) figures.problems.push(`client ${index}: ${result.status} ${result.body.slice(0, 120)}`);
  }
  await Promise.all(
    users.map(async (user, index) => {
      try {
        const messages = await waitForChat(user, chats[index]!, settled(2));
        const answer = messages[1];
        if (answer && textOf(answer) === fullAnswerTo(questions[index]!) && answer.metadata?.finishReason === "stop") figures.fullAnswersStored++;
        else figures.problems.push(`client ${index}: stored ${JSON.stringify(answer?.metadata?.finishReason)} answer ${JSON.stringify(textOf(answer ?? { id: "", role: "", parts: [] }).slice(-60))}`);
        figures.problems.push(...chatProblems(messages).map((problem) => `client ${index}: ${problem}`));
      } catch (error) {
        figures.problems.push(`client ${index}: ${(error as Error).message.slice(0, 300)}`);
      }
    }),
  );
  return figures;
}
