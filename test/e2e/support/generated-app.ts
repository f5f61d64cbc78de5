import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { runCli, type CliResult } from "../../support/run-cli.js";
import { startNext, runIn, type NextServer } from "./next-server.js";
import { envWithNode24, resolveNode24Bin } from "./node24.js";
import { seedDependencies } from "./seed-dependencies.js";
import { StageTimer } from "./stage-timer.js";

/** The generated app's per-address limits (new sessions, anonymous messages per hour), set out of the way. */
export const UNLIMITED_ADDRESS: Record<string, string> = { CHAT_NEW_SESSIONS_PER_HOUR: "0", CHAT_ANONYMOUS_MESSAGES_PER_HOUR: "0" };

/**
 * One app under test: scaffold runs on it the way a user runs it (with its install task), then it is
 * type-checked, linted, built and started on Node 24. Dependencies are seeded from a per-run cache first,
 * so the CLI's `npm install` finds everything in place.
 */
export class GeneratedApp {
  readonly timer = new StageTimer();
  private readonly servers: NextServer[] = [];
  binDir = "";
  env: Record<string, string> = {};

  constructor(readonly dir: string) {}

  async generate(args: string[] = []): Promise<CliResult> {
    this.binDir = await this.timer.time("resolve Node 24", resolveNode24Bin);
    this.env = envWithNode24(this.binDir);
    const cli = ["ai-chat", "--dir", this.dir, ...args];
    // The dependency set comes from the plan itself, so the seed always matches what scaffold will write.
    const plan = await runCli([...cli, "--json"], { env: this.env, replaceEnv: true });
    expect(plan.exitCode, plan.transcript).toBe(0);
    const entries = (JSON.parse(plan.stdout) as { entries: Array<{ path: string; after: string | null }> }).entries;
    const packageJson = entries.find((entry) => entry.path === "package.json")?.after;
    if (!packageJson) throw new Error(`the plan does not write package.json:\n${plan.stdout.slice(0, 2000)}`);
    mkdirSync(this.dir, { recursive: true });
    await this.timer.time("install dependencies (cached per run)", () => seedDependencies(this.dir, packageJson, this.binDir));
    return this.timer.time("scaffold ai-chat (with install task + drizzle-kit)", () => runCli(["ai-chat", "--dir", this.dir, "--yes", ...args], { env: this.env, replaceEnv: true }));
  }

  async typecheckLintBuild(): Promise<void> {
    // Next 16 declares route types (LayoutProps, PageProps…) in generated files; typegen writes them.
    await this.timer.time("next typegen", () => runIn(this.dir, "npx", ["--no-install", "next", "typegen"], { env: this.env }));
    await this.timer.time("tsc --noEmit", () => runIn(this.dir, "npx", ["--no-install", "tsc", "--noEmit"], { env: this.env }));
    await this.timer.time("eslint", () => runIn(this.dir, "npx", ["--no-install", "eslint", "."], { env: this.env }));
    await this.timer.time("next build", () => runIn(this.dir, "npx", ["--no-install", "next", "build"], { env: this.env }));
  }

  /**
   * Starts the built app; a restart passes the old port so clients (and their cookies) keep talking to it.
   * Every test client comes from 127.0.0.1, so the per-address limits are lifted unless `extra` sets them.
   */
  async start(extra: Record<string, string> = {}, port?: number): Promise<NextServer> {
    const env = envWithNode24(this.binDir, { ...UNLIMITED_ADDRESS, ...extra });
    const server = await startNext(this.dir, { binDir: this.binDir, env, ...(port ? { port } : {}) });
    this.servers.push(server);
    return server;
  }

  async stop(server: NextServer): Promise<void> {
    await server.stop();
    this.servers.splice(this.servers.indexOf(server), 1);
  }

  /** Runs a scenario against a server; on failure the error carries the server's output, where the cause is. */
  async against<T>(server: NextServer, stage: string, scenario: (url: string) => Promise<T>): Promise<T> {
    try {
      return await this.timer.time(stage, () => scenario(server.url));
    } catch (error) {
      throw new Error(`${stage} failed: ${(error as Error).message}\n--- server output\n${server.logs().slice(-6000)}`, { cause: error });
    }
  }

  /** Stops every server and frees the disk the app's dependencies and build take (its sources stay, to read after a failure). */
  async stopAll(): Promise<void> {
    for (const server of [...this.servers]) await this.stop(server);
    for (const heavy of ["node_modules", ".next"]) rmSync(path.join(this.dir, heavy), { recursive: true, force: true });
  }

  cli(args: string[], extra: Record<string, string> = {}): Promise<CliResult> {
    return runCli(args, { env: { ...this.env, ...extra }, replaceEnv: true });
  }
}
