import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ScaffoldError } from "../errors.js";

export interface DrizzleKitRun {
  output: string;
  durationMs: number;
}

/**
 * Runs the project's own drizzle-kit (its version matches its snapshots) directly with node, not through
 * npx, which would add a few hundred milliseconds. stdin is closed: drizzle-kit must never wait for a
 * person. It exits 0 even when it fails, so success is judged from its output.
 */
export async function runDrizzleKit(root: string, args: string[]): Promise<DrizzleKitRun> {
  const bin = path.join(root, "node_modules", "drizzle-kit", "bin.cjs");
  if (!existsSync(bin)) {
    throw new ScaffoldError(
      "TARGET_NOT_SUPPORTED",
      `drizzle-kit is not installed in ${root}.`,
      "Install the project's dependencies (npm install), then run the command again.",
    );
  }
  const started = performance.now();
  const run = await runNode(root, [bin, ...args]);
  const output = run.output;
  const durationMs = Math.round(performance.now() - started);
  if (/Interactive prompts require a TTY/.test(output)) throw ambiguousChange(output);
  if (run.exitCode !== 0 || /^Error\b|\n\s*Error:/m.test(output)) {
    throw new ScaffoldError(
      "TASK_FAILED",
      `drizzle-kit ${args[0]} failed in ${root}.`,
      `Fix what it reports, then run the command again. Its output:\n${output.trim().split("\n").slice(-25).join("\n")}`,
    );
  }
  return { output, durationMs };
}

/** A plain child process: execa's import alone costs ~90 ms, a tenth of this command's run. */
function runNode(cwd: string, args: string[]): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ exitCode: code ?? 1, output }));
  });
}

/** drizzle-kit asks whether something was renamed; explain the choice instead of hanging or guessing. */
function ambiguousChange(output: string): ScaffoldError {
  const kind = /promptColumnsConflicts/.test(output) ? "column" : /promptSchemasConflict/.test(output) ? "schema" : "table";
  return new ScaffoldError(
    "MIGRATION_AMBIGUOUS",
    `The schema change could be a renamed ${kind} or a ${kind} dropped and another added, and only you know which.`,
    [
      `Renaming keeps the data; drop + add loses everything in the old ${kind}. To choose:`,
      `  - rename: run \`npx drizzle-kit generate\` in a terminal and pick "rename" when it asks, then \`scaffold migrate --apply\`;`,
      `  - drop + add: make it two changes — remove the old ${kind}, run \`scaffold migrate\`, then add the new one and run it again.`,
    ].join("\n"),
  );
}
