/**
 * BASELINE — not generated code. The chat tables as they are commonly written by hand: messages ordered by
 * `created_at`, an index on `chat_id` only, chats found by an index on `user_id` only. They live next to the
 * generated tables in the same database and receive a copy of exactly the same rows.
 */
export const BASELINE_SCHEMA = [
  `CREATE TABLE baseline_chats (
     id text PRIMARY KEY,
     user_id text NOT NULL,
     title text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX baseline_chats_user_id_idx ON baseline_chats (user_id)`,
  `CREATE TABLE baseline_messages (
     id text PRIMARY KEY,
     chat_id text NOT NULL REFERENCES baseline_chats (id) ON DELETE CASCADE,
     role text NOT NULL,
     content jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX baseline_messages_chat_id_idx ON baseline_messages (chat_id)`,
];

/** The same rows as the generated tables, in the same physical order. */
export const COPY_INTO_BASELINE = [
  `INSERT INTO baseline_chats (id, user_id, title, created_at, updated_at)
   SELECT id, owner_id, title, created_at, updated_at FROM chats ORDER BY created_at`,
  `INSERT INTO baseline_messages (id, chat_id, role, content, created_at)
   SELECT id, chat_id, role, parts, created_at FROM messages ORDER BY seq`,
];
