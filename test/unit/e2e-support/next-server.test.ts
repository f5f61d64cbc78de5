import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIn, startNext } from "../../e2e/support/next-server.js";
import { isPortFree } from "../../e2e/support/ports.js";

/**
 * A fake `node_modules/next/dist/bin/next` that behaves like `next start` where it matters here: it reads -p/-H,
 * prints, serves HTTP after a delay, and (in the "stubborn" app) forks a child into its group and ignores
 * SIGTERM, so stop() must really take the whole process group down.
 */
const FAKE_NEXT = `
const http = require("node:http");
const { spawn } = require("node:child_process");
const args = process.argv.slice(2);
const port = Number(args[args.indexOf("-p") + 1]);
const host = args[args.indexOf("-H") + 1];
if (process.env.FAKE_MODE === "crash") { console.error("boom: missing .next build"); process.exit(1); }
if (process.env.FAKE_MODE === "stubborn") {
  process.on("SIGTERM", () => console.log("ignoring SIGTERM"));
  spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
}
console.log("fake next starting on " + port);
if (process.env.FAKE_MODE === "silent") { setInterval(() => {}, 1000); return; }
setTimeout(() => http.createServer((q, s) => s.end("hello")).listen(port, host, () => console.log("ready")), 300);
`;

let appDir: string;
const binDir = path.dirname(process.execPath);

beforeAll(async () => {
  appDir = await mkdtemp(path.join(os.tmpdir(), "fake-next-"));
  await mkdir(path.join(appDir, "node_modules/next/dist/bin"), { recursive: true });
  await writeFile(path.join(appDir, "node_modules/next/dist/bin/next"), FAKE_NEXT);
});

afterAll(async () => {
  await rm(appDir, { recursive: true, force: true });
});

const env = (mode: string): Record<string, string> => ({ PATH: process.env.PATH ?? "", FAKE_MODE: mode });

describe("startNext", () => {
  it("waits for HTTP, captures output, and frees the port on stop", async () => {
    const server = await startNext(appDir, { binDir, env: env("normal") });
    expect(await (await fetch(server.url)).text()).toBe("hello");
    expect(server.logs()).toContain(`fake next starting on ${server.port}`);
    await server.stop();
    expect(await isPortFree(server.port)).toBe(true);
    await server.stop(); // a second stop is harmless
  });

  it("kills the whole process group even when the server ignores SIGTERM", async () => {
    const server = await startNext(appDir, { binDir, env: env("stubborn"), stopGraceMs: 500 });
    await server.stop();
    expect(await isPortFree(server.port)).toBe(true);
    expect(server.logs()).toContain("ignoring SIGTERM");
  });

  it("fails fast with the server output when the server exits", async () => {
    await expect(startNext(appDir, { binDir, env: env("crash") })).rejects.toThrow(/exited \(code 1.*\n[\s\S]*boom: missing .next build/);
  });

  it("reports a Node binary that cannot be started", async () => {
    await expect(startNext(appDir, { binDir: "/nonexistent", env: env("normal") })).rejects.toThrow(/ENOENT/);
  });

  it("fails after the timeout with the server output when nothing answers", async () => {
    await expect(startNext(appDir, { binDir, env: env("silent"), readyTimeoutMs: 1_000 })).rejects.toThrow(
      /did not answer .* within 1000 ms[\s\S]*fake next starting/,
    );
  });
});

describe("runIn", () => {
  it("returns the output of a command that succeeds", async () => {
    expect((await runIn(appDir, "node", ["-e", "console.log(process.cwd())"])).stdout).toBe(appDir);
  });

  it("throws with the command, exit code and both output tails when it fails", async () => {
    const failing = runIn(appDir, "node", ["-e", "console.log('out-line'); console.error('err-line'); process.exit(3)"]);
    await expect(failing).rejects.toThrow(/`node -e .*` in .* exited with 3[\s\S]*out-line[\s\S]*err-line/);
  });
});
