import path from "node:path";
import { execa } from "execa";

export const repoRoot = path.resolve(import.meta.dirname, "..", "..");
export const cliPath = path.join(repoRoot, "dist", "src", "cli.js");
export const fixtureBlueprint = (name: string): string => path.join(repoRoot, "fixtures", "blueprints", name);

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Everything, for assertion messages: a failing test shows what the CLI said. */
  transcript: string;
}

/** Runs the BUILT CLI (as users do) with no TTY and no colour. */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; replaceEnv?: boolean } = {},
): Promise<CliResult> {
  const result = await execa(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    reject: false,
    stdin: "ignore",
    // replaceEnv: the caller passes a complete environment (e2e: Node 24 on PATH, no npm_* from the test run).
    extendEnv: !options.replaceEnv,
    env: { FORCE_COLOR: "0", ...options.env },
  });
  const exitCode = result.exitCode ?? -1;
  return {
    exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
    transcript: `$ scaffold ${args.join(" ")}\nexit ${exitCode}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
  };
}
