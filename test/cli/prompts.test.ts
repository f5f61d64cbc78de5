import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliPath, fixtureBlueprint } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

/**
 * Runs the built CLI in a real pseudo-terminal (util-linux `script`) and answers each prompt when it
 * appears: the way a person at a terminal meets the options. Answers wait for the prompt text, not a clock.
 */
function runInTerminal(args: string[], answers: Array<[prompt: RegExp, keys: string]>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const command = ["node", cliPath, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
    const child = spawn("script", ["-qec", command, "/dev/null"], { env: { ...process.env, FORCE_COLOR: "0" } });
    let output = "";
    const pending = [...answers];
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const next = pending[0];
      if (next && next[0].test(output)) {
        pending.shift();
        child.stdin.write(next[1]);
      }
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no answer to the prompts; output so far:\n${output}`));
    }, 30_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("interactive options", () => {
  it("asks for each option on a terminal and uses the answers", async () => {
    const target = makeTempDir();
    const result = await runInTerminal([fixtureBlueprint("greeting"), "--dir", target], [
      [/Who to greet/, "zed\r"],
      [/Shout the greeting/, "y\r"],
    ]);
    expect(result.code, result.output).toBe(0);
    expect(readFileSync(path.join(target, "src/greetings/zed.ts"), "utf8")).toContain('"ZED"');
  });

  it("does not ask for options given with --set, nor with --yes", async () => {
    const target = makeTempDir();
    const result = await runInTerminal([fixtureBlueprint("greeting"), "--dir", target, "--set", "name=amy", "--yes"], []);
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toMatch(/Who to greet|Shout/);
    expect(readFileSync(path.join(target, "src/greetings/amy.ts"), "utf8")).toContain('"hello amy"');
  });
});
