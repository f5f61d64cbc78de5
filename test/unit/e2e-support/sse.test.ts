import { describe, expect, it } from "vitest";
import { collectText, parseUiStream, UiStreamParser } from "../../e2e/support/sse.js";

const RAW = [
  'data: {"type":"start","messageId":"msg-1"}',
  "",
  'data: {"type":"start-step"}',
  "",
  'data: {"type":"text-start","id":"t1"}',
  "",
  'data: {"type":"text-delta","id":"t1","delta":"Hel"}',
  "",
  'data: {"type":"text-delta","id":"t1","delta":"lo"}',
  "",
  'data: {"type":"text-end","id":"t1"}',
  "",
  'data: {"type":"finish-step"}',
  "",
  'data: {"type":"finish"}',
  "",
  "data: [DONE]",
  "",
  "",
].join("\n");

describe("parseUiStream", () => {
  it("turns a UI message stream into its events, text and end marker", () => {
    const { events, done } = parseUiStream(RAW);
    expect(events.map((event) => event.type)).toEqual([
      "start", "start-step", "text-start", "text-delta", "text-delta", "text-end", "finish-step", "finish",
    ]);
    expect(events[0]?.messageId).toBe("msg-1");
    expect(collectText(events)).toBe("Hello");
    expect(done).toBe(true);
  });

  it("gives the same events whatever the chunk boundaries, including CRLF split in two", () => {
    const crlf = RAW.replaceAll("\n", "\r\n");
    for (const size of [1, 2, 3, 7, 64]) {
      const parser = new UiStreamParser();
      for (let at = 0; at < crlf.length; at += size) parser.push(crlf.slice(at, at + size));
      parser.end();
      expect(parser.events).toEqual(parseUiStream(RAW).events);
      expect(parser.done).toBe(true);
    }
  });

  it("ignores comments and other fields, joins multi-line data, and flushes an unterminated last event", () => {
    const raw = ': keep-alive\nevent: message\nid: 7\ndata: {"type":"text-delta",\ndata: "delta":"a\\nb"}\n\ndata: {"type":"finish"}';
    const { events, done } = parseUiStream(raw);
    expect(events).toEqual([{ type: "text-delta", delta: "a\nb" }, { type: "finish" }]);
    expect(done).toBe(false);
  });

  it("reports an event that is not a typed JSON chunk", () => {
    expect(() => parseUiStream('data: {"delta":"x"}\n\n')).toThrow(/without a string "type"/);
    expect(() => parseUiStream("data: not json\n\n")).toThrow(SyntaxError);
  });
});
