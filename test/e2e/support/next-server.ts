import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { isPortFree, pickFreePort, waitForPortFree } from "./ports.js";
import { tail } from "./run-in.js";

export { runIn, type RunOptions, type RunResult } from "./run-in.js";

export interface StartNextOptions {
  /** A fixed port; by default a free one is picked. */
  port?: number;
  /** The complete environment for the server (e.g. envWithNode24 plus DATABASE_URL). */
  env: Record<string, string>;
  /** Node 24's bin directory: the server runs on the Node users have. */
  binDir: string;
  /** How long to wait for the first HTTP answer; default 60 s. */
  readyTimeoutMs?: number;
  /** How long stop() lets the server close cleanly after SIGTERM before SIGKILL; default 10 s. */
  stopGraceMs?: number;
}

export interface NextServer {
  url: string;
  port: number;
  /** Kills the server's whole process group and resolves once it has exited and the port is free again. */
  stop(): Promise<void>;
  /** Everything the server printed so far, stdout and stderr interleaved. */
  logs(): string;
}

/**
 * Starts `next start` on a built app. It runs `node node_modules/next/dist/bin/next` directly (an `npx` or
 * `npm start` wrapper would be the PID we hold while the real server keeps the port) in a process group of its
 * own, so stop() can signal the group and leave nothing behind.
 */
export async function startNext(appDir: string, options: StartNextOptions): Promise<NextServer> {
  const port = options.port ?? (await pickFreePort());
  if (!(await isPortFree(port))) throw new Error(`Port ${port} is already in use; a previous server may linger.`);
  const nextBin = path.join(appDir, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(path.join(options.binDir, "node"), [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: appDir,
    env: { ...options.env, PORT: String(port) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // A spawn failure (wrong binDir) arrives as "error" without "exit"; treat it as an exit so nobody waits forever.
  const exited = new Promise<{ code: unknown; signal: unknown }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", (error) => {
      output += `${error.message}\n`;
      resolve({ code: error.message, signal: null });
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const server: NextServer = { url, port, logs: () => output, stop: () => stopGroup(child, exited, port, options.stopGraceMs ?? 10_000) };
  try {
    await waitForHttp(url, exited, options.readyTimeoutMs ?? 60_000, () => output);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** Polls until any HTTP answer (even a 404 or 500: the server is up), failing fast if the process exits. */
async function waitForHttp(
  url: string,
  exited: Promise<{ code: unknown; signal: unknown }>,
  timeoutMs: number,
  logs: () => string,
): Promise<void> {
  let exit: { code: unknown; signal: unknown } | undefined;
  void exited.then((value) => (exit = value));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) {
      throw new Error(`next start exited (code ${String(exit.code)}, signal ${String(exit.signal)}) before answering HTTP.\n${tail(logs())}`);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: "manual" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  throw new Error(`next start did not answer ${url} within ${timeoutMs} ms.\n--- server output ---\n${tail(logs())}`);
}

const stopping = new WeakMap<ChildProcess, Promise<void>>();

function stopGroup(child: ChildProcess, exited: Promise<unknown>, port: number, graceMs: number): Promise<void> {
  const pending = stopping.get(child) ?? terminate(child, exited, port, graceMs);
  stopping.set(child, pending);
  return pending;
}

/** SIGTERM lets Next close cleanly; SIGKILL after the grace time, and again for any straggler left in the group. */
async function terminate(child: ChildProcess, exited: Promise<unknown>, port: number, graceMs: number): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  signalGroup(pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(pid, "SIGKILL"), graceMs);
  if (child.exitCode === null && child.signalCode === null) await exited;
  clearTimeout(timer);
  signalGroup(pid, "SIGKILL");
  await waitForPortFree(port, 10_000);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone, which is what we want.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}
