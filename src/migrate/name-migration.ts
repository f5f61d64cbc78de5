import { describeChanges, type SchemaChange } from "./describe-changes.js";

/** Long enough for two changes with their columns; a file list stays readable. */
export const MAX_NAME_LENGTH = 60;

/**
 * A migration's name from what its SQL changes (`add_chats_pinned`, `index_chats_title`, `alter_messages`,
 * `create_chat_tags_and_add_chats_tag_count`): the same SQL always gives the same name, made only of
 * a-z, 0-9 and single underscores, at most MAX_NAME_LENGTH characters. Null when the SQL names nothing.
 */
export function nameMigration(sql: string): string | null {
  const parts = describeChanges(sql).map(describe).filter(Boolean);
  if (parts.length === 0) return null;
  const shown = parts.length > 3 ? [...parts.slice(0, 2), `${parts.length - 2}_more`] : parts;
  return truncate(shown.join("_and_"));
}

function describe(change: SchemaChange): string {
  const words = [change.action, change.table, ...change.details].map(safeWord).filter(Boolean);
  return words.join("_");
}

/** Letters and digits only, accents dropped (`tâches` → `taches`); other scripts fall away. */
export function safeWord(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** Cuts at the last word boundary that fits, so a name does not end in half a word (unless one word is most of it). */
function truncate(name: string): string {
  if (name.length <= MAX_NAME_LENGTH) return name;
  const cut = name.slice(0, MAX_NAME_LENGTH + 1);
  const boundary = cut.lastIndexOf("_");
  const kept = boundary >= MAX_NAME_LENGTH / 2 ? cut.slice(0, boundary) : name.slice(0, MAX_NAME_LENGTH);
  return kept.replace(/_(and|to)$/, "").replace(/_+$/, "");
}
