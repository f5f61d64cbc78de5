import type { SqlClient } from "../history/sql-client.js";

/**
 * BASELINE — not generated code. Message search as it is commonly written by hand: `ILIKE '%word%'` over the
 * text of each message's text parts, no index for it (the baseline tables of ../baseline/schema.ts have only
 * chats by user_id and messages by chat_id), newest matches first.
 */
export const BASELINE_SEARCH_SQL = `SELECT m.id, m.chat_id, c.title, m.role, m.content, m.created_at
  FROM baseline_messages m
  JOIN baseline_chats c ON c.id = m.chat_id
  WHERE c.user_id = $1
    AND EXISTS (SELECT 1 FROM jsonb_array_elements(m.content) AS part
                WHERE part->>'type' = 'text' AND part->>'text' ILIKE $2)
  ORDER BY m.created_at DESC
  LIMIT $3`;

export async function searchMessagesWithIlike(client: SqlClient, ownerId: string, word: string, limit: number) {
  const { rows } = await client.query(BASELINE_SEARCH_SQL, [ownerId, `%${escapeLike(word)}%`, limit]);
  return rows;
}

/** What a careful hand-written version does with the user's text: `%`, `_` and `\` match themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
