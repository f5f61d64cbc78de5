import { wantsColor } from "../output/style.js";

/** Where a command writes. The CLI passes the process streams; tests may pass buffers. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdin/stdout are an interactive terminal (prompts). */
  interactive: boolean;
  /** Whether stdout is a terminal: live progress instead of one line per step. */
  terminal: boolean;
  /** Whether to colour the output (see wantsColor). */
  color: boolean;
  /** The stream behind `out`, for a live spinner. */
  stream: NodeJS.WriteStream;
}

export function processIO(): CommandIO {
  const terminal = Boolean(process.stdout.isTTY);
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive: Boolean(process.stdin.isTTY && terminal),
    terminal,
    color: wantsColor(process.env, terminal),
    stream: process.stdout,
  };
}
