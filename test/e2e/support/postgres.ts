import { randomBytes } from "node:crypto";
import { runIn } from "./run-in.js";

/** The local server: trust auth for user postgres, as on the development and CI machines. */
export const POSTGRES_SERVER_URL = "postgres://postgres@127.0.0.1:5432";

export interface FreshDatabase {
  name: string;
  /** A connection URL for the app's DATABASE_URL. */
  url: string;
  /** Drops the database, disconnecting anything still attached (a server the test forgot to stop). */
  drop(): Promise<void>;
}

/**
 * Creates an empty database with a unique name, so each test gets its own and no run sees another's rows.
 * psql is used rather than a driver: it is on every machine with the server, and the harness needs no more.
 */
export async function createFreshDatabase(prefix: string): Promise<FreshDatabase> {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, "_").slice(0, 30);
  const name = `${safePrefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  await runSql(`${POSTGRES_SERVER_URL}/postgres`, `CREATE DATABASE "${name}"`);
  return {
    name,
    url: `${POSTGRES_SERVER_URL}/${name}`,
    drop: async () => {
      await runSql(`${POSTGRES_SERVER_URL}/postgres`, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Runs SQL with psql and returns its unaligned, tuples-only output (one row per line, columns split by "|"). */
export async function runSql(url: string, sql: string): Promise<string> {
  const { stdout } = await runIn(".", "psql", ["--no-psqlrc", "-v", "ON_ERROR_STOP=1", "-At", "-d", url, "-c", sql]);
  return stdout;
}
