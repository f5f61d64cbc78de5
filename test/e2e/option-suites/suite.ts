import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { GeneratedApp } from "../support/generated-app.js";
import type { NextServer } from "../support/next-server.js";
import type { FreshDatabase } from "../support/postgres.js";

/** What an option suite gets from the matrix: the built all-options app, and fresh databases on demand. */
export interface SuiteContext {
  app: GeneratedApp;
  /** A new empty PostgreSQL database, dropped after the run. */
  freshDatabase(prefix: string): Promise<FreshDatabase>;
}

/** Runs `body` against a started server and always stops it, so a failure cannot leave PGlite open for the next test. */
export async function withServer(app: GeneratedApp, env: Record<string, string>, body: (server: NextServer) => Promise<void>): Promise<void> {
  const server = await app.start(env);
  try {
    await body(server);
  } finally {
    await app.stop(server);
  }
}

/** Nothing the generated code logs as a failure reached the server's output. */
export function expectQuietLogs(server: NextServer): void {
  expect(server.logs()).not.toMatch(/\[chat\] (unexpected error|could not)/);
}

/** Every migration the app has, as one text. */
export function migrationSql(app: GeneratedApp): string {
  const folder = path.join(app.dir, "drizzle");
  return readdirSync(folder)
    .filter((file) => file.endsWith(".sql"))
    .map((file) => readFileSync(path.join(folder, file), "utf8"))
    .join("\n");
}
