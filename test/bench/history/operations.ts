import { listChatsWithOffset, loadMessagesWithOffset, saveTurn } from "../baseline/queries.js";
import { PAGE_SIZE, type Dataset } from "./dataset.js";
import type { BenchMessage, GeneratedQueries } from "./load-generated.js";
import type { SqlClient } from "./sql-client.js";

export const OPERATIONS = ["latestPage", "deepPage", "listChats", "saveTurn"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** One operation as both sides perform it; each call does the whole operation once. */
export interface OperationPair {
  ours: () => Promise<unknown>;
  baseline: () => Promise<unknown>;
}

export interface OperationContext {
  data: Dataset;
  queries: GeneratedQueries;
  client: SqlClient;
  /** The generated layer's cursor for "older than the message `deepOffset` back", made once up front. */
  deepCursor: string;
}

const SIDEBAR_PAGE = 20;

export function operationPairs(context: OperationContext): Record<Operation, OperationPair> {
  const { data, queries, client, deepCursor } = context;
  const owner = data.powerUser;
  let turn = 0;
  return {
    latestPage: {
      ours: () => queries.loadMessages(owner, data.pagedChat, { limit: PAGE_SIZE }),
      baseline: () => loadMessagesWithOffset(client, owner, data.pagedChat, { offset: 0, limit: PAGE_SIZE }),
    },
    deepPage: {
      ours: () => queries.loadMessages(owner, data.pagedChat, { before: deepCursor, limit: PAGE_SIZE }),
      baseline: () => loadMessagesWithOffset(client, owner, data.pagedChat, { offset: data.deepOffset, limit: PAGE_SIZE }),
    },
    listChats: {
      ours: () => queries.listChats(owner, { limit: SIDEBAR_PAGE }),
      baseline: () => listChatsWithOffset(client, owner, { offset: 0, limit: SIDEBAR_PAGE }),
    },
    saveTurn: {
      ours: async () => {
        const { question, answer } = newTurn(`ours-${++turn}`);
        await queries.saveUserMessage(owner, { chatId: data.savedChat, title: "Bench", message: question });
        await queries.saveMessages(owner, data.savedChat, [answer]);
      },
      baseline: async () => {
        const { question, answer } = newTurn(`baseline-${++turn}`);
        await saveTurn(client, owner, data.savedChat, {
          question: { id: question.id, role: "user", content: question.parts },
          answer: { id: answer.id, role: "assistant", content: answer.parts },
        });
      },
    },
  };
}

function newTurn(id: string): { question: BenchMessage; answer: BenchMessage } {
  return {
    question: { id: `${id}-q`, role: "user", parts: [{ type: "text", text: `Question ${id}: what changed since yesterday?` }] },
    answer: {
      id: `${id}-a`,
      role: "assistant",
      parts: [{ type: "text", text: `(offline model) You asked: Question ${id}: what changed since yesterday?` }],
      metadata: { model: "offline", finishReason: "stop", usage: { inputTokens: 8, outputTokens: 12, totalTokens: 20 } },
    },
  };
}
