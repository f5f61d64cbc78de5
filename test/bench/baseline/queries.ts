import type { Row, SqlClient } from "../history/sql-client.js";

/**
 * BASELINE — not generated code. The history queries as they are commonly written by hand: page N of a chat
 * is `ORDER BY created_at DESC LIMIT 50 OFFSET N*50`, the sidebar is `ORDER BY updated_at DESC` with an
 * offset, and a turn is saved with plain INSERTs and an UPDATE, no transaction. Like the generated layer, every
 * read first checks that the chat belongs to the user, so both sides do the same amount of work per call.
 */
export async function loadMessagesWithOffset(
  db: SqlClient,
  userId: string,
  chatId: string,
  options: { offset: number; limit: number },
): Promise<Row[] | null> {
  if (!(await findChat(db, userId, chatId))) return null;
  const { rows } = await db.query(
    `SELECT id, role, content, created_at FROM baseline_messages
     WHERE chat_id = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3`,
    [chatId, options.limit, options.offset],
  );
  // Newest first from the database, oldest first on screen.
  return rows.reverse();
}

export async function listChatsWithOffset(
  db: SqlClient,
  userId: string,
  options: { offset: number; limit: number },
): Promise<Row[]> {
  const { rows } = await db.query(
    `SELECT id, title, created_at, updated_at FROM baseline_chats
     WHERE user_id = $1 ORDER BY updated_at DESC LIMIT $2 OFFSET $3`,
    [userId, options.limit, options.offset],
  );
  return rows;
}

export interface BaselineMessage {
  id: string;
  role: "user" | "assistant";
  content: unknown;
}

/** A user message and its answer, then the chat's activity time. */
export async function saveTurn(
  db: SqlClient,
  userId: string,
  chatId: string,
  turn: { question: BaselineMessage; answer: BaselineMessage },
): Promise<boolean> {
  if (!(await findChat(db, userId, chatId))) return false;
  for (const message of [turn.question, turn.answer]) {
    await db.query(`INSERT INTO baseline_messages (id, chat_id, role, content) VALUES ($1, $2, $3, $4)`, [
      message.id,
      chatId,
      message.role,
      JSON.stringify(message.content),
    ]);
  }
  await db.query(`UPDATE baseline_chats SET updated_at = now() WHERE id = $1`, [chatId]);
  return true;
}

async function findChat(db: SqlClient, userId: string, chatId: string): Promise<Row | undefined> {
  const { rows } = await db.query(`SELECT id, title FROM baseline_chats WHERE id = $1 AND user_id = $2`, [chatId, userId]);
  return rows[0];
}
