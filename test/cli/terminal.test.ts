import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { fixtureBlueprint } from "../support/run-cli.js";
import { MAX_OUTPUT, runInTerminal } from "../support/run-in-terminal.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";

describe("on a terminal", () => {
  it("shows a live spinner with the elapsed time and the task's latest output line", async () => {
    const result = await runInTerminal([fixtureBlueprint("chatty-task"), "--dir", makeTempDir()], { columns: 100 });
    const text = stripVTControlCharacters(result.output);
    expect(result.code, text.slice(-3000)).toBe(0);
    expect(text).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Talk while working \d+s · step one of two/);
    expect(text).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Talk while working \d+s · step two of two/);
    expect(text).toMatch(/✓ Talk while working \(\d+\.\ds\)/);
    expect(text).toMatch(/✓ Use the installed packages \(\d+\.\ds\)/);
    // The target is not the current folder, so the steps start with the `cd` into it.
    expect(text).toMatch(/Next steps:\r?\n {2}cd \S+\r?\n {2}Read chatty.txt./);
  });

  it("falls back to plain lines on a terminal that reports no width", async () => {
    const result = await runInTerminal([fixtureBlueprint("chatty-task"), "--dir", makeTempDir()]);
    const text = stripVTControlCharacters(result.output);
    expect(result.output.length).toBeLessThan(MAX_OUTPUT);
    expect(result.code, text.slice(-3000)).toBe(0);
    expect(text).toMatch(/ {2}… Talk while working\r?\n {2}✓ Talk while working \(\d+\.\ds\)/);
  });

  it("Ctrl-C at an option prompt cancels cleanly: exit 1, no stack, nothing written", async () => {
    const target = makeTempDir();
    const result = await runInTerminal([fixtureBlueprint("greeting"), "--dir", target], { answers: [[/Who to greet/, "\u0003"]] });
    const text = stripVTControlCharacters(result.output);
    expect(result.code, text).toBe(1);
    expect(text).toMatch(/error CANCELLED: Cancelled at a prompt; nothing was written\./);
    expect(text).not.toMatch(/crashed|\n\s+at /);
    expect(snapshotDir(target)).toEqual({});
  });
});
