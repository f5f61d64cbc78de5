import { describeChanges } from "./describe-changes.js";

/** Long enough for two changes with their columns; a file list stays readable. */
export const MAX_NAME_LENGTH = 60;

/**
 * A migration's name from what its SQL changes (`add_chats_pinned`, `index_chats_title`, `alter_messages`,
 * `create_chat_tags_and_add_chats_tag_count`): the same SQL always gives the same name, made only of
 * a-z, 0-9 and single underscores, at most MAX_NAME_LENGTH characters. Null when the SQL names nothing.
 */
export function nameMigration(sql: string): string | null {
  const parts = describeChanges(sql)
    .map((change) => ({ subject: words([change.action, change.table]), details: words(change.details) }))
    .filter((part) => part.subject || part.details);
  if (parts.length === 0) return null;
  const render = (withDetails: (index: number) => boolean, shown: number) => {
    const names = parts.slice(0, shown).map((part, index) => words([part.subject, withDetails(index) ? part.details : ""]));
    return [...names, ...(parts.length > shown ? [`${parts.length - shown}_more`] : [])].join("_and_");
  };
  const shown = parts.length > 3 ? 2 : parts.length;
  // Most telling first: every change with its columns, then columns of the first change only, then tables
  // only, then the first change and a count; a name that is still too long is cut at a word boundary.
  const candidates = [render(() => true, shown), render((index) => index === 0, shown), render(() => false, shown), render(() => false, 1)];
  return candidates.find((name) => name.length <= MAX_NAME_LENGTH) ?? truncate(candidates.at(-1)!);
}

function words(texts: readonly string[]): string {
  return texts.map(safeWord).filter(Boolean).join("_");
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
