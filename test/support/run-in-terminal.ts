import { spawn } from "node:child_process";
import { cliPath } from "./run-cli.js";

const MAX_OUTPUT = 1_000_000;

export interface TerminalRun {
  code: number | null;
  /** Everything the terminal received, escape sequences included. */
  output: string;
}

/**
 * Runs the built CLI in a real pseudo-terminal (util-linux `script`). `columns` sizes it first with stty (a
 * bare `script` terminal reports 0 columns). Each answer is typed once its prompt text has appeared, never
 * on a clock. Output past 1 MB stops the run, so a redraw loop fails the test instead of filling memory.
 */
export function runInTerminal(
  args: string[],
  options: { columns?: number; answers?: Array<[prompt: RegExp, keys: string]> } = {},
): Promise<TerminalRun> {
  return new Promise((resolve, reject) => {
    const cli = ["node", cliPath, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
    const command = options.columns ? `stty cols ${options.columns} rows 40; ${cli}` : cli;
    const child = spawn("script", ["-qec", command, "/dev/null"], { env: { ...process.env, FORCE_COLOR: "0" } });
    const pending = [...(options.answers ?? [])];
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > MAX_OUTPUT) child.kill("SIGKILL");
      const next = pending[0];
      if (next && next[0].test(output)) {
        pending.shift();
        child.stdin.write(next[1]);
      }
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`did not finish; output so far:\n${output.slice(-2000)}`));
    }, 45_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export { MAX_OUTPUT };
