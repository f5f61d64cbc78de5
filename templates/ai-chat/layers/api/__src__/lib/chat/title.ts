const MAX_TITLE_LENGTH = 60;

export const UNTITLED_CHAT = "New chat";

/**
 * A chat's title, from its first user message: whitespace collapsed, cut at a
 * word boundary when it can be, counted in characters rather than UTF-16
 * units so an emoji is never split in half.
 */
export function titleFromText(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  if (chars.length === 0) return UNTITLED_CHAT;
  if (chars.length <= MAX_TITLE_LENGTH) return flat;

  const cut = chars.slice(0, MAX_TITLE_LENGTH - 1).join("");
  const lastSpace = cut.lastIndexOf(" ");
  const head = lastSpace > cut.length * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${head.trimEnd()}…`;
}
