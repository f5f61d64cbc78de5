import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface ProcessRun {
  wallMs: number;
  /** Peak resident set size of the process or of its largest child (GNU time's %M), in MB; null without GNU time. */
  peakRssMb: number | null;
}

export interface ProcessSpec {
  command: string;
  args: readonly string[];
  cwd: string;
  env?: Record<string, string>;
}

const GNU_TIME = "/usr/bin/time";

/**
 * Runs a command to completion and reports its wall time and peak memory. GNU time is a thin wrapper (one
 * fork and exec, well under a millisecond) whose `%M` comes from the kernel's accounting, so nothing has to
 * poll /proc and miss a short-lived peak. The command's output is discarded; a non-zero exit is an error.
 */
export async function measureProcess(spec: ProcessSpec): Promise<ProcessRun> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "scaffold-bench-time-"));
  const rssFile = path.join(scratch, "rss");
  const useTime = existsSync(GNU_TIME);
  const [command, args] = useTime ? [GNU_TIME, ["-f", "%M", "-o", rssFile, spec.command, ...spec.args]] : [spec.command, [...spec.args]];
  try {
    const started = performance.now();
    const { code, stderr } = await run(command, args, spec);
    const wallMs = performance.now() - started;
    if (code !== 0) throw new Error(`\`${[spec.command, ...spec.args].join(" ")}\` exited with ${String(code)}:\n${stderr.slice(-2000)}`);
    const peakKb = useTime ? Number((await readFile(rssFile, "utf8")).trim().split("\n").at(-1)) : Number.NaN;
    return { wallMs, peakRssMb: Number.isFinite(peakKb) ? Math.round(peakKb / 102.4) / 10 : null };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[], spec: ProcessSpec): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(command, args, { cwd: spec.cwd, env: spec.env ?? process.env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stderr }));
  });
}
