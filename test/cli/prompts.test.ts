import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureBlueprint, runCli } from "../support/run-cli.js";
import { runInTerminal } from "../support/run-in-terminal.js";
import { makeTempDir } from "../support/temp-dir.js";

describe("interactive options", () => {
  it("asks for each option on a terminal and uses the answers", async () => {
    const target = makeTempDir();
    const result = await runInTerminal([fixtureBlueprint("greeting"), "--dir", target], { answers: [
      [/Who to greet/, "zed\r"],
      [/Shout the greeting/, "y\r"],
    ] });
    expect(result.code, result.output).toBe(0);
    expect(readFileSync(path.join(target, "src/greetings/zed.ts"), "utf8")).toContain('"ZED"');
  });

  it("does not ask for options given with --set, nor with --yes", async () => {
    const target = makeTempDir();
    const result = await runInTerminal([fixtureBlueprint("greeting"), "--dir", target, "--set", "name=amy", "--yes"], { answers: [] });
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
    const result = await runInTerminal(["ai-chat", "--dir", target, "--no-install"], { answers: [
      [/Which database driver/, "\r"],
      // Trash (first), search (4 down), the daily limit (3 down), model-written titles (5 down).
      [/Which features should the app have\?[\s\S]*Organise[\s\S]*Chat features/, ` ${down(4)} ${down(3)} ${down(5)} \r`],
      [/Daily message limit per user \(0 for none\)/, "25\r"],
    ] });
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
    const result = await runInTerminal(["ai-chat", "--dir", target, "--no-install", "--set", "driver=postgres"], { answers: [
      [/Which features should the app have\?[\s\S]*Chat features/, `${down(5)} \r`],
    ] });
    expect(result.code, result.output).toBe(0);
    expect(result.output).not.toMatch(/Which database driver|Daily message limit per user \(/);
    expect(recordedOptions(target)).toMatchObject({ driver: "postgres", usage: true, rateLimit: 0, titles: "first-message" });
  });

  it("takes a preset by name, --set still winning, and asks only what the preset leaves open", async () => {
    const target = makeTempDir();
    const result = await runInTerminal(["ai-chat", "--dir", target, "--no-install", "--preset", "full", "--set", "cache=false"], { answers: [[/Which database driver/, "\r"]] });
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
