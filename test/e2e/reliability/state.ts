import type { ChatClient } from "../support/chat-client.js";
import { runSql } from "../support/postgres.js";
import { send } from "./http.js";
import type { Fixtures } from "./fixtures.js";
import { ownedValues } from "./fixtures.js";
import { routePath, type ApiRoute } from "./routes.js";

/**
 * Tables that legitimately change on any request: sessions and per-address counters (every probe is a request
 * from one address) and migration bookkeeping. Everything else must be byte-for-byte the same after a refused request.
 */
const VOLATILE_TABLE = /session|address|client|limit|quota|drizzle|migration/i;

/** Row count and a digest of every stored row, per table (PostgreSQL: the data as the server wrote it). */
export async function databaseState(url: string): Promise<Record<string, string>> {
  const tables = (await runSql(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"))
    .split("\n")
    .filter((name) => name !== "" && !VOLATILE_TABLE.test(name));
  const state: Record<string, string> = {};
  for (const table of tables) {
    state[table] = (await runSql(url, `SELECT count(*) || ' rows ' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "${table}" t`)).trim();
  }
  return state;
}

/** Fields that change with the clock, not with the data. */
const CLOCK_FIELD = /^(exportedAt|generatedAt|now)$/;

const withoutClock = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutClock);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !CLOCK_FIELD.test(key)).map(([key, inner]) => [key, withoutClock(inner)]));
};

/** What a user reads through every GET route that needs no id or names their own rows: their state over HTTP. */
export async function httpState(client: ChatClient, routes: ApiRoute[], fixtures: Fixtures): Promise<Record<string, unknown>> {
  const state: Record<string, unknown> = {};
  for (const route of routes) {
    if (!route.needsSession || !route.methods.some((m) => m.method === "GET")) continue;
    const values = route.params.length === 0 ? {} : ownedValues(route, fixtures);
    if (!values) continue;
    const path = routePath(route, values);
    const reply = await send(client, { method: "GET", path, noOrigin: true });
    state[path] = { status: reply.status, body: withoutClock(reply.json ?? reply.text) };
  }
  return state;
}

/** Both users' HTTP state, and the database's on PostgreSQL. */
export async function appState(routes: ApiRoute[], fixtures: Fixtures, databaseUrl: string | undefined): Promise<unknown> {
  return {
    owner: await httpState(fixtures.owner, routes, fixtures),
    stranger: await httpState(fixtures.stranger, routes, { ...fixtures, ids: { chat: fixtures.strangerChatId } }),
    database: databaseUrl ? await databaseState(databaseUrl) : "PGlite: read over HTTP only",
  };
}
