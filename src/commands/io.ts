/** Where a command writes. The CLI passes the process streams; tests may pass buffers. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdin/stdout are an interactive terminal (prompts, progress ticks). */
  interactive: boolean;
}

export function processIO(): CommandIO {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
}
