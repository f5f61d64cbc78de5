import { expect, it } from "vitest";
import type { GeneratedApp } from "../support/generated-app.js";
import type { FreshDatabase } from "../support/postgres.js";
import { withServer } from "../option-suites/suite.js";
import { crashProbe } from "./crash.js";
import { crossSiteProbe } from "./cross-site.js";
import { ABUSE_ENV, ABUSE_SESSION_LIMIT, ownPglite, ROOMY_ENV, type Database } from "./env.js";
import { seedFixtures } from "./fixtures.js";
import { leavingProbe } from "./leaving.js";
import { loadProbe } from "./load.js";
import { malformedProbe } from "./malformed.js";
import { orderingProbe } from "./ordering.js";
import { newLogLines, UNEXPECTED_ERROR } from "./probe-support.js";
import { reportFigures } from "./report.js";
import { discoverApiRoutes } from "./routes.js";
import { mintSessionsProbe, sessionProbe } from "./sessions.js";

export interface ReliabilityContext {
  /** A built app; its routes are read from its files. */
  app: GeneratedApp;
  /** "default" or "all options": names the figures in the log. */
  variant: string;
  freshDatabase(prefix: string): Promise<FreshDatabase>;
}

const DATABASES: Database[] = ["PGlite", "PostgreSQL"];

async function databaseEnv(context: ReliabilityContext, database: Database, name: string): Promise<Record<string, string>> {
  if (database === "PGlite") return ownPglite(name);
  return { DATABASE_URL: (await context.freshDatabase(`scaffold_e2e_rel_${name}`)).url };
}

/**
 * The app under abuse, races and crashes (test/e2e/reliability/): malformed requests over every route,
 * cross-site writes, sessions, answers racing in one chat, clients leaving, on PGlite and PostgreSQL. `heavy`
 * adds the load through two instances and the kill -9 probes (run on one variant: they test the core, not the options).
 */
export function reliabilityTests(context: ReliabilityContext, options: { heavy: boolean }): void {
  const { app, variant } = context;
  for (const database of DATABASES) {
    it(`refuses malformed, cross-site and session-less requests on every route (${database})`, async () => {
      const env = await databaseEnv(context, database, "abuse");
      await withServer(app, { ...env, ...ABUSE_ENV }, async (server) => {
        const label = `${variant}, ${database}`;
        const routes = discoverApiRoutes(app.dir);
        const fixtures = await app.against(server, "seed the probes' rows", (url) => seedFixtures(url, routes));
        const malformed = await app.against(server, "malformed requests", () => malformedProbe(server, routes, fixtures, env.DATABASE_URL));
        reportFigures(`malformed requests (${label}, ${routes.length} routes)`, malformed);
        expect.soft(malformed.failures, "malformed requests not refused with a 4xx JSON error").toEqual([]);
        expect.soft(malformed.refused).toBeGreaterThanOrEqual(200);
        expect.soft(malformed.stateAfter, "state changed by malformed requests").toEqual(malformed.stateBefore);
        expect.soft(malformed.unexpectedErrors).toEqual([]);

        const crossSite = await app.against(server, "cross-site writes", (url) => crossSiteProbe(url, routes, fixtures, env.DATABASE_URL));
        reportFigures(`cross-site writes (${label})`, crossSite);
        expect.soft(crossSite.failures, "cross-site writes not refused").toEqual([]);
        expect.soft(crossSite.stateAfter, "state changed by cross-site writes").toEqual(crossSite.stateBefore);

        const sessions = await app.against(server, "session-less calls", (url) => sessionProbe(url, routes, fixtures));
        reportFigures(`session-less calls (${label})`, sessions);
        expect.soft(sessions.failures, "API calls without a valid session not refused with 401").toEqual([]);

        // Last: the address is limited afterwards.
        const mint = await app.against(server, "minting sessions", (url) => mintSessionsProbe(url, ABUSE_SESSION_LIMIT * 4));
        reportFigures(`session minting (${label}, limit ${ABUSE_SESSION_LIMIT})`, mint);
        expect.soft(mint.firstRefusal, "page loads never stopped issuing sessions").not.toBeNull();
        expect.soft(mint.sessionsIssued).toBeLessThanOrEqual(ABUSE_SESSION_LIMIT);
        expect.soft(mint.issuedAfterRefusal).toBe(0);
        expect.soft(newLogLines(server, 0).filter((line) => UNEXPECTED_ERROR.test(line))).toEqual([]);
      });
    });

    it(`keeps every chat in order: double submits, pairs at once, Stop, 20 clients leaving (${database})`, async () => {
      const env = await databaseEnv(context, database, "races");
      await withServer(app, { ...env, ...ROOMY_ENV }, async (server) => {
        const label = `${variant}, ${database}`;
        const ordering = await app.against(server, "double submits, pairs, Stop", (url) => orderingProbe(url));
        reportFigures(`ordering (${label})`, ordering);
        expect.soft(ordering.problems).toEqual([]);
        const leaving = await app.against(server, "20 clients leaving", (url) => leavingProbe(url, 20));
        reportFigures(`clients leaving (${label})`, leaving);
        expect.soft(leaving.problems).toEqual([]);
        expect.soft(leaving.fullAnswersStored).toBe(20);
        expect.soft(newLogLines(server, 0).filter((line) => UNEXPECTED_ERROR.test(line))).toEqual([]);
      });
    });
  }
  if (!options.heavy) return;

  it("50 users × 10 turns at once through two instances on one PostgreSQL: nothing lost, doubled or reordered", async () => {
    const env = { ...(await databaseEnv(context, "PostgreSQL", "load")), ...ROOMY_ENV };
    const first = await app.start(env);
    try {
      const second = await app.start(env);
      try {
        const load = await app.against(first, "50 users × 10 turns", () => loadProbe([first.url, second.url], 50, 10));
        reportFigures(`load (${variant}, PostgreSQL, two instances)`, load);
        expect.soft(load.problems).toEqual([]);
        expect.soft(load.answered).toBe(500);
      } finally {
        await app.stop(second);
      }
    } finally {
      await app.stop(first);
    }
  });

  for (const database of DATABASES) {
    it(`comes back from kill -9 under 20 concurrent chats with every committed turn (${database})`, async () => {
      // Slower answers: all 20 are still streaming when the server dies.
      const env = { ...(await databaseEnv(context, database, "crash")), ...ROOMY_ENV, OFFLINE_MODEL_DELAY_MS: "20" };
      const { figures, server } = await crashProbe(app, env, 20);
      try {
        reportFigures(`kill -9 (${variant}, ${database})`, figures);
        expect.soft(figures.killedPids.length).toBeGreaterThan(0);
        expect.soft(figures.problems).toEqual([]);
        expect.soft(figures.committedKept).toBe(20);
        expect.soft(figures.newTurnsAnswered).toBe(20);
      } finally {
        await app.stop(server);
      }
    });
  }
}
