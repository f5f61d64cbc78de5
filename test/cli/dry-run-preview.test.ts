import { describe, expect, it } from "vitest";
import { fixtureBlueprint, runCli } from "../support/run-cli.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";

const chatty = fixtureBlueprint("chatty-task");

/** The parts of a run's output that a dry run must repeat word for word. */
function outcome(stdout: string): { warnings: string[]; nextSteps: string } {
  return {
    warnings: stdout.match(/^warning: .*$/gm) ?? [],
    nextSteps: (/^Next steps:\n((?: {2}.*\n?)+)/m.exec(stdout)?.[1] ?? "").trimEnd(),
  };
}

function titles(stdout: string, pattern: RegExp): string[] {
  return [...stdout.matchAll(pattern)].map((match) => match[1]!);
}

describe("dry run is a faithful preview", () => {
  for (const install of [true, false]) {
    it(`prints the warnings, next steps, options and tasks the real run prints${install ? "" : " (--no-install)"}, and writes nothing`, async () => {
      const target = makeTempDir();
      const flags = install ? [] : ["--no-install"];
      const dry = await runCli([chatty, "--dir", target, "--dry-run", ...flags]);
      expect(dry.exitCode, dry.transcript).toBe(0);
      expect(snapshotDir(target)).toEqual({});
      expect(dry.stdout).toMatch(/\nDry run: nothing was written\.$/);

      const real = await runCli([chatty, "--dir", target, ...flags]);
      expect(real.exitCode, real.transcript).toBe(0);
      expect(outcome(dry.stdout)).toEqual(outcome(real.stdout));
      expect(outcome(real.stdout).warnings).toEqual(["warning: chatty.txt is only an example."]);
      expect(outcome(real.stdout).nextSteps).toContain("Read chatty.txt.");
      const wouldRun = /^Would run:\n((?: {2}.*\n)+)/m.exec(dry.stdout)?.[1] ?? "";
      expect(titles(wouldRun, /^ {2}\S.* {3}# (.+)$/gm)).toEqual(titles(real.stdout, /^ {2}✓ (.+) \(\d/gm));
      expect(titles(real.stdout, /^ {2}✓ (.+) \(\d/gm)).toEqual(install ? ["Talk while working", "Use the installed packages"] : ["Talk while working"]);
      // What --no-install skips is a next step in both.
      if (!install) expect(outcome(dry.stdout).nextSteps).toMatch(/console.log\('installed'\).* {3}# Use the installed packages/);
      expect(dry.stdout.split("\n\n")[0]).toBe(real.stdout.split("\n\n")[0]);
    });
  }
});
