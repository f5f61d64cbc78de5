import { symlinkSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { AI_CHAT_SWITCHES } from "../../support/ai-chat-options.js";
import { makeTempDir } from "../../support/temp-dir.js";
import { runIn } from "../support/next-server.js";
import type { SuiteContext } from "./suite.js";

/** Each option alone, and the smaller layer sets: what a user gets with one `--set`. */
const SINGLE = [
  ...AI_CHAT_SWITCHES.map((name) => `${name}=true`),
  "rateLimit=5",
  "titles=ai",
  "parts=database",
  "parts=database,api,hooks",
];

/**
 * Every option must also stand alone: code that only compiles next to another option's code is a bug the
 * all-on build cannot see. Each variant is generated without installing and type-checked and linted with the
 * all-options app's node_modules (a superset of every variant's dependencies), so no variant needs a build.
 */
export function singleOptionTests(context: SuiteContext): void {
  it(`each option alone (${SINGLE.length} variants, each smaller layer set included) typechecks and lints`, async () => {
    const { app } = context;
    const failures: string[] = [];
    for (const set of SINGLE) {
      const dir = path.join(makeTempDir({}, "scaffold-e2e-single-"), set.replace(/[=,]/g, "-"));
      const generated = await app.cli(["ai-chat", "--dir", dir, "--yes", "--no-install", "--set", set]);
      expect(generated.exitCode, generated.transcript).toBe(0);
      symlinkSync(path.join(app.dir, "node_modules"), path.join(dir, "node_modules"), "dir");
      for (const [bin, args] of [["next", ["typegen"]], ["tsc", ["--noEmit"]], ["eslint", ["."]]] as const) {
        try {
          await runIn(dir, "npx", ["--no-install", bin, ...args], { env: app.env });
        } catch (error) {
          failures.push(`--set ${set}: ${bin} failed\n${(error as Error).message.slice(0, 3000)}`);
        }
      }
    }
    expect(failures, failures.join("\n\n")).toEqual([]);
  });
}
