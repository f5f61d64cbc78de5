import type { ArrayLiteralExpression, Node, ObjectLiteralExpression } from "ts-morph";
import type { TextEdit } from "./text-edits.js";

/**
 * Edits that add one entry at the end of an array or object literal the way a person would: on its own
 * line with the neighbours' indentation in a multi-line literal, inline in a one-line literal, with a
 * trailing comma only where the literal already uses them. A comment after the last entry stays with it.
 */
export function appendArrayElement(array: ArrayLiteralExpression, elementText: string, indentUnit: string): TextEdit[] {
  return appendEntry(array, array.getElements(), array.compilerNode.elements.hasTrailingComma, elementText, indentUnit, "");
}

export function appendObjectProperty(object: ObjectLiteralExpression, propertyText: string, indentUnit: string): TextEdit[] {
  return appendEntry(object, object.getProperties(), object.compilerNode.properties.hasTrailingComma, propertyText, indentUnit, " ");
}

function appendEntry(literal: Node, entries: readonly Node[], hasTrailingComma: boolean, text: string, indentUnit: string, padding: string): TextEdit[] {
  const source = literal.getSourceFile().getFullText();
  const open = literal.getStart();
  const close = literal.getEnd() - 1;
  const last = entries.at(-1);
  const multiline = source.slice(last ? last.getEnd() : open, close).includes("\n");

  if (!last) {
    if (!multiline) {
      const inner = source.slice(open + 1, close);
      // `{}` becomes `{ a }`, `[]` becomes `[a]`; a one-line comment inside (`{ /* … */ }`) is kept before the entry.
      return inner.trim() === "" ? [{ start: open + 1, end: close, text: `${padding}${text}${padding}` }] : [{ start: close, end: close, text: `${text}${padding}` }];
    }
    const closeLineStart = lineStart(source, close);
    const closeIndent = leadingWhitespace(source, closeLineStart);
    if (source.slice(closeLineStart, close).trim() !== "") {
      return [{ start: close, end: close, text: `\n${closeIndent}${indentUnit}${text},\n${closeIndent}` }];
    }
    return [{ start: closeLineStart, end: closeLineStart, text: `${closeIndent}${indentUnit}${text},\n` }];
  }

  if (!multiline) {
    const after = hasTrailingComma ? source.indexOf(",", last.getEnd()) + 1 : last.getEnd();
    return [{ start: after, end: after, text: hasTrailingComma ? ` ${text},` : `, ${text}` }];
  }

  const indent = leadingWhitespace(source, lineStart(source, last.getStart()));
  if (hasTrailingComma) {
    const afterComma = source.indexOf(",", last.getEnd()) + 1;
    const lineEnd = endOfLine(source, afterComma);
    return [{ start: lineEnd, end: lineEnd, text: `\n${indent}${text},` }];
  }
  const lineEnd = endOfLine(source, last.getEnd());
  return [
    { start: last.getEnd(), end: last.getEnd(), text: "," },
    { start: lineEnd, end: lineEnd, text: `\n${indent}${text}` },
  ];
}

function lineStart(source: string, position: number): number {
  return source.lastIndexOf("\n", position - 1) + 1;
}

/** The end of the line holding `position`, before any `\r\n`, but never past the literal's own closing line. */
function endOfLine(source: string, position: number): number {
  const newline = source.indexOf("\n", position);
  const end = newline === -1 ? source.length : newline;
  return source[end - 1] === "\r" ? end - 1 : end;
}

function leadingWhitespace(source: string, start: number): string {
  return /^[ \t]*/.exec(source.slice(start))![0];
}

