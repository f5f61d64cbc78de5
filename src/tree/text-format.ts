/**
 * How a text file spells itself beyond its characters: a byte-order mark, and CRLF line breaks. Transformers
 * see plain LF text without a BOM; their output is put back in the file's own spelling, so an edit to a
 * Windows file adds Windows lines and a BOM survives. A file mixing both kinds of breaks is passed as is.
 */
export interface TextFormat {
  bom: boolean;
  crlf: boolean;
}

const BOM = "\uFEFF";

export function detectTextFormat(text: string): TextFormat {
  const bom = text.startsWith(BOM);
  const breaks = text.match(/\r?\n/g) ?? [];
  return { bom, crlf: breaks.length > 0 && breaks.every((lineBreak) => lineBreak === "\r\n") };
}

export function toPlainText(text: string, format: TextFormat): string {
  const body = format.bom ? text.slice(BOM.length) : text;
  return format.crlf ? body.replaceAll("\r\n", "\n") : body;
}

export function fromPlainText(text: string, format: TextFormat): string {
  const body = format.crlf ? text.replaceAll("\r\n", "\n").replaceAll("\n", "\r\n") : text;
  return format.bom && !body.startsWith(BOM) ? `${BOM}${body}` : body;
}
