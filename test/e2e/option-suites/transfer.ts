import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { cacheScenario } from "../scenarios/options/cache.js";
import { exportScenario } from "../scenarios/options/export.js";
import { sharesScenario } from "../scenarios/options/shares.js";
import { fetchAs, sendAndSettle } from "../scenarios/options/transfer-support.js";
import { ChatClient } from "../support/chat-client.js";
import { pickFreePort } from "../support/ports.js";
import { expectQuietLogs, migrationSql, withServer, type SuiteContext } from "./suite.js";

/** Slower than this while Redis is down means a request waited on Redis. */
const FAST_MS = 1_500;
/** redis-servers of the test's own (never the machine's 6379), killed at the end whatever happens. */
const redisServers: ChildProcess[] = [];

afterAll(() => {
  for (const redis of redisServers) redis.kill("SIGKILL");
});

async function startRedis(): Promise<{ url: string; kill(): Promise<void> }> {
  const port = await pickFreePort();
  const child = spawn("/usr/bin/redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  redisServers.push(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let attempt = 0; !(await canConnect(port)); attempt++) {
    if (attempt > 50) throw new Error(`redis-server did not listen on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => resolve(true)).once("error", () => resolve(false));
    socket.once("connect", () => socket.destroy());
  });
}

/** With Redis gone: every route answers as usual, from the database, and none waits on Redis. */
async function expectWorksWithoutRedis(baseUrl: string, chatId: string, owner: ChatClient): Promise<void> {
  const checks: Array<[string, RequestInit, number]> = [
    [`/api/chats/${chatId}/messages`, {}, 200],
    [`/api/chats/${chatId}`, {}, 200],
    ["/api/chats", {}, 200],
    [`/chat/${chatId}`, {}, 200],
    [`/api/chats/${chatId}/export?format=markdown`, {}, 200],
    ["/api/export", {}, 200],
    [`/api/chats/${chatId}/shares`, { method: "POST", body: JSON.stringify({ mode: "live" }) }, 201],
  ];
  for (const [route, init, status] of checks) {
    const reply = await fetchAs(owner, route, init);
    expect(reply.status, `${route}: ${reply.text.slice(0, 300)}`).toBe(status);
    expect(reply.ms, `${route} took ${reply.ms} ms`).toBeLessThan(FAST_MS);
    if (route.startsWith("/api/chats/") && !route.includes("export") && !init.method) expect(reply.headers.get("x-chat-cache")).toBe("off");
  }
  const started = Date.now();
  await sendAndSettle(owner, chatId, "cache: still here without Redis", 4);
  expect(Date.now() - started).toBeLessThan(10_000);
  await cacheScenario(baseUrl, "off");
}

/**
 * Share links, export/import and the Redis history cache: hits, misses after a write, then Redis killed
 * mid-run and Redis never there, where every route must still answer correctly and fast.
 */
export function transferTests(context: SuiteContext): void {
  const { app } = context;

  it("shares and the cache's dependency are in the generated app", () => {
    expect(migrationSql(app)).toContain(`CREATE TABLE "chat_shares"`);
    expect(JSON.parse(readFileSync(path.join(app.dir, "package.json"), "utf8")).dependencies.redis).toBe("6.3.1");
    expect(readFileSync(path.join(app.dir, ".env.example"), "utf8")).toMatch(/^# REDIS_URL=/m);
  });

  it("shares, exports and imports on PGlite, without Redis", () =>
    withServer(app, {}, async (server) => {
      await app.against(server, "shares (PGlite)", sharesScenario);
      await app.against(server, "export (PGlite)", exportScenario);
      await app.against(server, "cache off (PGlite)", (url) => cacheScenario(url, "off"));
      expectQuietLogs(server);
      expect(server.logs()).not.toMatch(/Redis/);
    }));

  it("caches history in Redis on PGlite, and keeps working when Redis dies", async () => {
    const redis = await startRedis();
    await withServer(app, { REDIS_URL: redis.url }, async (server) => {
      await app.against(server, "cache with Redis (PGlite)", (url) => cacheScenario(url, "redis"));
      const owner = new ChatClient(server.url);
      const chatId = randomUUID();
      await app.against(server, "warm the cache", async () => {
        await sendAndSettle(owner, chatId, "cache: before the outage", 2);
        await fetchAs(owner, `/api/chats/${chatId}/messages`);
        expect((await fetchAs(owner, `/api/chats/${chatId}/messages`)).headers.get("x-chat-cache")).toBe("hit");
      });
      await redis.kill();
      await app.against(server, "Redis killed (PGlite)", (url) => expectWorksWithoutRedis(url, chatId, owner));
      // One warning for the outage, not one per request, and no error reached a route.
      expect(server.logs().match(/Redis is unavailable/g) ?? []).toHaveLength(1);
      expectQuietLogs(server);
    });
  });

  it("starts and works with REDIS_URL pointing at a closed port", async () => {
    const closedPort = await pickFreePort();
    await withServer(app, { REDIS_URL: `redis://127.0.0.1:${closedPort}` }, async (server) => {
      const owner = new ChatClient(server.url);
      const chatId = randomUUID();
      await app.against(server, "closed port (PGlite)", async (url) => {
        await sendAndSettle(owner, chatId, "cache: Redis was never there", 2);
        await expectWorksWithoutRedis(url, chatId, owner);
      });
      expect(server.logs().match(/Redis is unavailable/g) ?? []).toHaveLength(1);
    });
  });

  it("shares, exports, imports and caches on PostgreSQL with Redis", async () => {
    const database = await context.freshDatabase("scaffold_e2e_transfer");
    const redis = await startRedis();
    await withServer(app, { DATABASE_URL: database.url, REDIS_URL: redis.url }, async (server) => {
      await app.against(server, "shares (PostgreSQL)", sharesScenario);
      await app.against(server, "export (PostgreSQL)", exportScenario);
      await app.against(server, "cache with Redis (PostgreSQL)", (url) => cacheScenario(url, "redis"));
      expectQuietLogs(server);
      expect(server.logs()).not.toMatch(/Redis is unavailable/);
    });
    await redis.kill();
  });
}
