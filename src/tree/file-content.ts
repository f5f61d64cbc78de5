import { ScaffoldError } from "../errors.js";

/** What a tree holds for a file: text, or the exact bytes of a file that is not UTF-8 text. */
export type FileContent = string | Buffer;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The text of some bytes when they are valid UTF-8 (a BOM kept as U+FEFF), otherwise the bytes themselves. */
export function fromBytes(bytes: Uint8Array): FileContent {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return Buffer.from(bytes);
  }
}

export function toBytes(content: FileContent): Buffer {
  return typeof content === "string" ? Buffer.from(content, "utf8") : content;
}

export function sameContent(a: FileContent | null, b: FileContent | null): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === "string" && typeof b === "string") return a === b;
  return toBytes(a).equals(toBytes(b));
}

/**
 * Plan entries carry text, so they print as diffs and serialise as JSON; a binary file's content is carried
 * as base64 with `binary: true` beside it. These two turn one form into the other.
 */
export function toEntryText(content: FileContent | null): string | null {
  if (content === null) return null;
  return typeof content === "string" ? content : content.toString("base64");
}

export function entryBytes(text: string | null, binary: boolean | undefined): Buffer | string | null {
  if (text === null) return null;
  return binary ? Buffer.from(text, "base64") : text;
}

/** Text, or an error naming the file: bytes that are not UTF-8 are never decoded and re-encoded. */
export function asText(content: FileContent | null, file: string): string | null {
  if (content === null || typeof content === "string") return content;
  throw new ScaffoldError(
    "FILE_NOT_TEXT",
    `${file} is not UTF-8 text, so scaffold does not read or edit it: decoding and re-encoding it would change its bytes.`,
    `Convert ${file} to UTF-8 (for example \`iconv -f latin1 -t utf-8\`), or keep the blueprint from editing it.`,
  );
}
