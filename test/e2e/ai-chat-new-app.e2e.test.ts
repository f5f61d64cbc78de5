import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../support/run-cli.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";
import { runBrowserScenario } from "./scenarios/browser-chat.js";
import { expectConversationReadBack, runPersistenceScenario } from "./scenarios/persistence.js";
import { startNext, runIn, type NextServer } from "./support/next-server.js";
import { envWithNode24, resolveNode24Bin } from "./support/node24.js";
import { createFreshDatabase, type FreshDatabase } from "./support/postgres.js";
import { seedDependencies } from "./support/seed-dependencies.js";
import { StageTimer } from "./support/stage-timer.js";

/**
 * `scaffold ai-chat --dir my-chat --yes` into an empty folder, then everything a user would do with the
 * result: install, typecheck, lint, build, start, chat, restart, read back; on PGlite and on PostgreSQL; in
 * Chromium. The app is generated and built once; both databases run the same build.
 */
const timer = new StageTimer();
let binDir: string;
let app: string;
let env: Record<string, string>;
let generate: CliResult;
const servers: NextServer[] = [];
const databases: FreshDatabase[] = [];

const noGeneratedState = (file: string): boolean => /^(node_modules|\.next|\.data)(\/|$)/.test(file) || file.endsWith("tsbuildinfo");

/** Starts the built app; a restart passes the old port so clients (and their cookies) keep talking to it. */
async function start(extra: Record<string, string> = {}, port?: number): Promise<NextServer> {
  const server = await startNext(app, { binDir, env: envWithNode24(binDir, extra), ...(port ? { port } : {}) });
  servers.push(server);
  return server;
}

/** Runs a scenario against a server; on failure the error carries the server's output, which is where the cause is. */
async function against<T>(server: NextServer, stage: string, scenario: (url: string) => Promise<T>): Promise<T> {
  try {
    return await timer.time(stage, () => scenario(server.url));
  } catch (error) {
    throw new Error(`${stage} failed: ${(error as Error).message}\n--- server output\n${server.logs().slice(-6000)}`, { cause: error });
  }
}

async function stop(server: NextServer): Promise<void> {
  await server.stop();
  servers.splice(servers.indexOf(server), 1);
}

beforeAll(async () => {
  binDir = await timer.time("resolve Node 24", resolveNode24Bin);
  env = envWithNode24(binDir);
  app = path.join(makeTempDir({}, "scaffold-e2e-new-"), "my-chat");
  // The dependency set comes from the plan itself, so the seed always matches what scaffold will write.
  const plan = await runCli(["ai-chat", "--dir", app, "--json"], { env, replaceEnv: true });
  expect(plan.exitCode, plan.transcript).toBe(0);
  const packageJson = (JSON.parse(plan.stdout) as { entries: Array<{ path: string; after: string }> }).entries.find((e) => e.path === "package.json")!;
  const { mkdirSync } = await import("node:fs");
  mkdirSync(app, { recursive: true });
  await timer.time("install dependencies (cached per run)", () => seedDependencies(app, packageJson.after, binDir));
  generate = await timer.time("scaffold ai-chat (with install task + drizzle-kit)", () =>
    runCli(["ai-chat", "--dir", app, "--yes"], { env, replaceEnv: true }),
  );
});

afterAll(async () => {
  for (const server of [...servers]) await server.stop();
  for (const database of databases) await database.drop().catch(() => undefined);
  console.log(timer.report("ai-chat in an empty folder"));
});

describe("scaffold ai-chat in an empty folder", () => {
  it("generates the app, installs it and writes the first migration", () => {
    expect(generate.exitCode, generate.transcript).toBe(0);
    expect(generate.stdout).toMatch(/✓ Install dependencies with npm/);
    expect(generate.stdout).toMatch(/✓ Generate the initial migration/);
    const journal = JSON.parse(readFileSync(path.join(app, "drizzle/meta/_journal.json"), "utf8")) as { entries: Array<{ tag: string }> };
    expect(journal.entries.map((entry) => entry.tag)).toEqual(["0000_init"]);
    expect(readFileSync(path.join(app, ".env.local"), "utf8")).toMatch(/^CHAT_SESSION_SECRET=[\w-]{40,}$/m);
    expect(readFileSync(path.join(app, ".gitignore"), "utf8")).toMatch(/^\/\.data\/$/m);
    expect(readFileSync(path.join(app, ".env.example"), "utf8")).toMatch(/^CHAT_SESSION_SECRET=$/m);
  });

  it("typechecks, lints and builds", async () => {
    await timer.time("tsc --noEmit", () => runIn(app, "npx", ["--no-install", "tsc", "--noEmit"], { env }));
    await timer.time("eslint", () => runIn(app, "npm", ["run", "lint"], { env }));
    await timer.time("next build", () => runIn(app, "npx", ["--no-install", "next", "build"], { env }));
  });

  it("keeps chats on PGlite across a restart", async () => {
    let server = await timer.time("next start (PGlite, fresh data folder)", () => start());
    const conversation = await against(server, "HTTP scenario (PGlite)", runPersistenceScenario);
    await stop(server);
    server = await timer.time("restart (PGlite)", () => start({}, server.port));
    await against(server, "read back (PGlite)", () => expectConversationReadBack(conversation));
    await stop(server);
  });

  it("keeps chats on PostgreSQL (DATABASE_URL) across a restart", async () => {
    const database = await createFreshDatabase("scaffold_e2e_new");
    databases.push(database);
    let server = await timer.time("next start (PostgreSQL)", () => start({ DATABASE_URL: database.url }));
    const conversation = await against(server, "HTTP scenario (PostgreSQL)", runPersistenceScenario);
    await stop(server);
    server = await start({ DATABASE_URL: database.url }, server.port);
    await against(server, "read back (PostgreSQL)", () => expectConversationReadBack(conversation));
    await stop(server);
  });

  it("works in a real browser: send, stream, reload, sidebar, open, delete", async () => {
    const server = await start();
    await against(server, "browser scenario (Chromium)", runBrowserScenario);
    await stop(server);
  });

  it("a second run with the same options changes nothing", async () => {
    const before = snapshotDir(app, noGeneratedState);
    const again = await runCli(["ai-chat", "--dir", app, "--yes"], { env, replaceEnv: true });
    expect(again.exitCode, again.transcript).toBe(0);
    expect(again.stdout).toMatch(/Nothing to do/);
    expect(snapshotDir(app, noGeneratedState)).toEqual(before);
  });
});
