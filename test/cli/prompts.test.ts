import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliPath, fixtureBlueprint, runCli } from "../support/run-cli.js";
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

const down = (times: number) => "\u001b[B".repeat(times);
const recordedOptions = (target: string) =>
  (JSON.parse(readFileSync(path.join(target, ".scaffold/manifest.json"), "utf8")) as { blueprints: Record<string, { options: Record<string, unknown> }> }).blueprints["ai-chat"]!.options;

describe("the feature checklist", () => {
  it("asks the driver, then one grouped checklist, then only what the chosen features need", async () => {
    const target = makeTempDir();
    const result = await runInTerminal(["ai-chat", "--dir", target, "--no-install"], [
      [/Which database driver/, "\r"],
      // Trash (first), search (4 down), the daily limit (3 down), model-written titles (5 down).
      [/Which features should the app have\?[\s\S]*Organise[\s\S]*Chat features/, ` ${down(4)} ${down(3)} ${down(5)} \r`],
      [/Daily message limit per user \(0 for none\)/, "25\r"],
    ]);
    expect(result.code, result.output).toBe(0);
    for (const group of ["Organise", "Search", "Usage and limits", "Sharing and export", "Prompts and personas", "Chat features"]) {
      expect(result.output).toContain(` ${group}\r\n`);
    }
    // One checklist instead of a question per feature; no question for the layers nor the title mode.
    expect(result.output).not.toMatch(/Keep deleted chats restorable|Which layers|How should new chats be titled/);
    expect(recordedOptions(target)).toMatchObject({
      driver: "pglite",
      parts: ["database", "api", "hooks", "ui"],
      softDelete: true,
      archive: false,
      search: true,
      usage: false,
      rateLimit: 25,
      titles: "ai",
      cache: false,
    });
  });

  it("asks no follow-up for a feature left unchecked", async () => {
    const target = makeTempDir();
    const result = await runInTerminal(["ai-chat", "--dir", target, "--no-install", "--set", "driver=postgres"], [
      [/Which features should the app have\?[\s\S]*Chat features/, `${down(5)} \r`],
    ]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toMatch(/Which database driver|Daily message limit per user \(/);
    expect(recordedOptions(target)).toMatchObject({ driver: "postgres", usage: true, rateLimit: 0, titles: "first-message" });
  });

  it("takes a preset by name, --set still winning, and asks only what the preset leaves open", async () => {
    const target = makeTempDir();
    const result = await runInTerminal(["ai-chat", "--dir", target, "--no-install", "--preset", "full", "--set", "cache=false"], [[/Which database driver/, "\r"]]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toMatch(/Which features/);
    expect(recordedOptions(target)).toMatchObject({ softDelete: true, search: true, personas: true, rateLimit: 100, titles: "ai", cache: false });
  });

  it("names the presets when the one given does not exist", async () => {
    const result = await runCli(["ai-chat", "--dir", makeTempDir(), "--preset", "everything", "--yes"]);
    expect(result.exitCode, result.transcript).toBe(1);
    expect(result.stderr).toContain('ai-chat has no preset "everything"');
    expect(result.stderr).toContain("minimal, full");
  });
});
