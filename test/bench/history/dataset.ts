/**
 * The data every history measurement runs on. Messages are numbered 1..N in time order; in every block of 20,
 * 9 go to three very long chats (15% of all messages each) and 11 to ordinary chats of 20 messages. So the long
 * chats' rows are spread across the whole table, as a conversation that lasts months is, while an ordinary
 * chat's rows sit together. The power user owns the long chats and every tenth ordinary chat.
 */
export interface Dataset {
  label: string;
  messages: number;
  longChats: readonly string[];
  longChatMessages: number;
  ordinaryChats: number;
  users: number;
  powerUser: string;
  /** The chat the read operations page through (one of the long ones). */
  pagedChat: string;
  /** How far back `deepPage` reads: 10,000 messages, or as deep as the long chat allows at small sizes. */
  deepOffset: number;
  /** An ordinary chat of the power user, where `saveTurn` adds its turns. */
  savedChat: string;
}

const BLOCK = 20;
const LONG_PER_BLOCK = 9;
const MESSAGES_PER_CHAT = 20;
export const PAGE_SIZE = 50;
const DEEP_OFFSET = 10_000;

export function describeDataset(label: string, messages: number): Dataset {
  if (messages % (BLOCK * MESSAGES_PER_CHAT) !== 0) throw new Error(`Dataset size must be a multiple of ${BLOCK * MESSAGES_PER_CHAT}.`);
  const ordinaryMessages = (messages / BLOCK) * (BLOCK - LONG_PER_BLOCK);
  const ordinaryChats = ordinaryMessages / MESSAGES_PER_CHAT;
  const longChatMessages = (messages / BLOCK) * (LONG_PER_BLOCK / 3);
  return {
    label,
    messages,
    longChats: ["long-1", "long-2", "long-3"],
    longChatMessages,
    ordinaryChats,
    users: Math.max(10, Math.floor(ordinaryChats / 10)),
    powerUser: "power-user",
    pagedChat: "long-1",
    deepOffset: Math.min(DEEP_OFFSET, longChatMessages - 2 * PAGE_SIZE),
    savedChat: "chat-10",
  };
}

/**
 * Bulk load with set-based SQL (generate_series), one statement per table, so a million rows take seconds and
 * go through the generated schema's own constraints and indexes. Every number is interpolated from the
 * dataset description above, never from outside input.
 */
export function seedStatements(data: Dataset): string[] {
  const t0 = `timestamptz '2025-01-01 00:00:00+00'`;
  const ordinaryIndex = `((i / ${BLOCK}) * ${BLOCK - LONG_PER_BLOCK} + i % ${BLOCK} - ${LONG_PER_BLOCK})`;
  return [
    `INSERT INTO chats (id, owner_id, title, created_at, updated_at)
     SELECT 'long-' || k, '${data.powerUser}', 'Long chat ' || k, ${t0}, ${t0} FROM generate_series(1, 3) AS k
     UNION ALL
     SELECT 'chat-' || k, CASE WHEN k % 10 = 0 THEN '${data.powerUser}' ELSE 'user-' || (k % ${data.users}) END,
            'Chat ' || k, ${t0}, ${t0}
     FROM generate_series(1, ${data.ordinaryChats}) AS k`,
    `INSERT INTO messages (id, chat_id, role, parts, metadata, created_at)
     SELECT 'm-' || i,
            CASE WHEN i % ${BLOCK} < ${LONG_PER_BLOCK} THEN 'long-' || (i % ${BLOCK} % 3 + 1)
                 ELSE 'chat-' || (1 + ${ordinaryIndex} / ${MESSAGES_PER_CHAT}) END,
            CASE WHEN i % 2 = 0 THEN 'user' ELSE 'assistant' END,
            jsonb_build_array(jsonb_build_object('type', 'text', 'text',
              'Message ' || i || ': ' || repeat('lorem ipsum dolor sit amet ', 1 + i % 8))),
            CASE WHEN i % 2 = 0 THEN NULL ELSE '{"model":"offline","finishReason":"stop"}'::jsonb END,
            ${t0} + i * interval '1 second'
     FROM generate_series(1, ${data.messages}) AS i
     ORDER BY i`,
    `UPDATE chats SET created_at = span.first, updated_at = span.last
     FROM (SELECT chat_id, min(created_at) AS first, max(created_at) AS last FROM messages GROUP BY chat_id) AS span
     WHERE chats.id = span.chat_id`,
  ];
}
