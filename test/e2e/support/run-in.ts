import { execa } from "execa";

export interface RunOptions {
  /** The complete environment (e.g. from envWithNode24); when given, nothing else from this process leaks in. */
  env?: Record<string, string>;
  /** Milliseconds before the command is killed; default 10 minutes. */
  timeout?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  durationMs: number;
}

const TAIL_CHARS = 4000;

/**
 * Runs a command in `dir` and throws if it fails. The error message carries the command, exit code and the end
 * of stdout and stderr, because that message is what a failing e2e assertion shows and all there is to debug.
 */
export async function runIn(dir: string, command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const result = await execa(command, args, {
    cwd: dir,
    // Colour codes make assertion messages unreadable. Both variables are needed: picocolors (Next) turns colour
    // ON when FORCE_COLOR is present at all, even "0", unless NO_COLOR is set; chalk reads FORCE_COLOR=0.
    env: { ...options.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    extendEnv: options.env === undefined,
    stdin: "ignore",
    reject: false,
    timeout: options.timeout ?? 10 * 60 * 1000,
  });
  const durationMs = performance.now() - started;
  if (result.failed) {
    const outcome = result.timedOut ? "timed out" : `exited with ${String(result.exitCode ?? result.signal)}`;
    throw new Error(
      `\`${[command, ...args].join(" ")}\` in ${dir} ${outcome} after ${Math.round(durationMs)} ms\n` +
        `--- stdout (tail) ---\n${tail(result.stdout)}\n--- stderr (tail) ---\n${tail(result.stderr)}`,
    );
  }
  return { stdout: result.stdout, stderr: result.stderr, durationMs };
}

export function tail(text: string, chars = TAIL_CHARS): string {
  return text.length <= chars ? text : `…${text.slice(-chars)}`;
}
