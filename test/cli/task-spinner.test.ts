import { spawn } from "node:child_process";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { cliPath, fixtureBlueprint } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

const MAX_OUTPUT = 1_000_000;

/**
 * Runs the built CLI in a real pseudo-terminal (util-linux `script`), sized with stty first when `columns`
 * is given (a bare `script` terminal reports 0 columns). Output past 1 MB stops the run: a spinner that
 * cannot measure its line would otherwise redraw without end.
 */
function runInTerminal(args: string[], columns?: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const cli = ["node", cliPath, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
    const command = columns ? `stty cols ${columns} rows 40; ${cli}` : cli;
    const child = spawn("script", ["-qec", command, "/dev/null"], { env: { ...process.env, FORCE_COLOR: "0" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > MAX_OUTPUT) child.kill("SIGKILL");
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

describe("task progress on a terminal", () => {
  it("shows a live spinner with the elapsed time and the task's latest output line", async () => {
    const result = await runInTerminal([fixtureBlueprint("chatty-task"), "--dir", makeTempDir()], 100);
    const text = stripVTControlCharacters(result.output);
    expect(result.code, text.slice(-3000)).toBe(0);
    expect(text).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Talk while working \d+s · step one of two/);
    expect(text).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Talk while working \d+s · step two of two/);
    expect(text).toMatch(/✓ Talk while working \(\d+\.\ds\)/);
    expect(text).toMatch(/✓ Use the installed packages \(\d+\.\ds\)/);
    expect(text).toMatch(/Next steps:\r?\n {2}Read chatty.txt./);
  });

  it("falls back to plain lines on a terminal that reports no width", async () => {
    const result = await runInTerminal([fixtureBlueprint("chatty-task"), "--dir", makeTempDir()]);
    const text = stripVTControlCharacters(result.output);
    expect(result.output.length).toBeLessThan(MAX_OUTPUT);
    expect(result.code, text.slice(-3000)).toBe(0);
    expect(text).toMatch(/ {2}… Talk while working\r?\n {2}✓ Talk while working \(\d+\.\ds\)/);
  });
});
