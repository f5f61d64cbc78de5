/**
 * A parser for the AI SDK's UI message stream as it travels over HTTP: Server-Sent Events whose `data:` field
 * holds one JSON chunk (`start`, `text-delta`, `finish`…) and a final `data: [DONE]`. It is written against the
 * SSE rules rather than the SDK's code, so the tests check the wire format a browser really receives.
 */
export interface UiStreamEvent {
  type: string;
  messageId?: string;
  id?: string;
  delta?: string;
  errorText?: string;
  [field: string]: unknown;
}

export interface SseParseResult {
  events: UiStreamEvent[];
  /** True once `data: [DONE]` arrived: the server ended the stream on purpose. */
  done: boolean;
}

/** Incremental parser: feed it text as it arrives, in chunks split anywhere. */
export class UiStreamParser {
  readonly events: UiStreamEvent[] = [];
  done = false;
  private buffer = "";
  private dataLines: string[] = [];

  /** Adds received text and returns the events completed by it. */
  push(text: string): UiStreamEvent[] {
    this.buffer += text;
    const completed: UiStreamEvent[] = [];
    let newline = this.buffer.search(/\r\n|\r|\n/);
    while (newline !== -1) {
      const line = this.buffer.slice(0, newline);
      // A lone "\r" at the very end may be the first half of "\r\n"; wait for more text.
      if (this.buffer[newline] === "\r" && newline === this.buffer.length - 1) break;
      const width = this.buffer.startsWith("\r\n", newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      const event = this.acceptLine(line);
      if (event) completed.push(event);
      newline = this.buffer.search(/\r\n|\r|\n/);
    }
    return completed;
  }

  /** Flushes an event the server did not terminate with a blank line before closing. */
  end(): UiStreamEvent[] {
    const rest = this.buffer;
    this.buffer = "";
    const completed = rest === "" ? [] : this.push(`${rest}\n`);
    const last = this.dispatch();
    return last ? [...completed, last] : completed;
  }

  private acceptLine(line: string): UiStreamEvent | undefined {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return undefined; // comment / keep-alive
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.dataLines.push(value);
    return undefined; // `event:`, `id:` and `retry:` carry nothing this protocol uses
  }

  private dispatch(): UiStreamEvent | undefined {
    if (this.dataLines.length === 0) return undefined;
    const data = this.dataLines.join("\n");
    this.dataLines = [];
    if (data === "[DONE]") {
      this.done = true;
      return undefined;
    }
    const parsed: unknown = JSON.parse(data);
    if (parsed === null || typeof parsed !== "object" || typeof (parsed as { type?: unknown }).type !== "string") {
      throw new Error(`UI message stream event without a string "type": ${data}`);
    }
    const event = parsed as UiStreamEvent;
    this.events.push(event);
    return event;
  }
}

/** Parses a whole SSE body at once. */
export function parseUiStream(raw: string): SseParseResult {
  const parser = new UiStreamParser();
  parser.push(raw);
  parser.end();
  return { events: parser.events, done: parser.done };
}

/** The assistant text: the concatenated `text-delta` chunks, in order. */
export function collectText(events: readonly UiStreamEvent[]): string {
  return events.map((event) => (event.type === "text-delta" && typeof event.delta === "string" ? event.delta : "")).join("");
}
