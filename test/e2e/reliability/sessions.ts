import { ChatClient } from "../support/chat-client.js";
import type { Fixtures } from "./fixtures.js";
import { ownedValues } from "./fixtures.js";
import { isJsonError, loadPage, send } from "./http.js";
import { routePath, type ApiRoute } from "./routes.js";

export interface SessionFigures {
  cookieless: number;
  forged: number;
  failures: string[];
}

/** The owner's session cookie with its signature broken: what a guessed or tampered id looks like. */
function forgedCookie(owner: ChatClient): string {
  const [pair = ""] = (owner.jar.header() ?? "").split("; ");
  const equals = pair.indexOf("=");
  const value = pair.slice(equals + 1);
  const flipped = value.slice(0, -1) + (value.endsWith("A") ? "B" : "A");
  return `${pair.slice(0, equals)}=${flipped}`;
}

/** Every API call that needs a user, without a cookie and with a forged one: a 401 JSON error, and no cookie handed out. */
export async function sessionProbe(baseUrl: string, routes: ApiRoute[], fixtures: Fixtures): Promise<SessionFigures> {
  const figures: SessionFigures = { cookieless: 0, forged: 0, failures: [] };
  const forged = forgedCookie(fixtures.owner);
  for (const route of routes.filter((r) => r.needsSession)) {
    const values = ownedValues(route, fixtures) ?? Object.fromEntries(route.params.map((name) => [name, `missing-${name}`]));
    for (const { method } of route.methods) {
      for (const [label, cookie] of [["no cookie", undefined], ["a forged cookie", forged]] as const) {
        const client = new ChatClient(baseUrl);
        const reply = await send(client, {
          method,
          path: routePath(route, values),
          // A same-origin JSON request in every other respect: only the session is missing.
          ...(method === "GET" ? {} : { body: "{}" }),
          ...(cookie ? { headers: { cookie } } : {}),
        });
        if (label === "no cookie") figures.cookieless++;
        else figures.forged++;
        const issued = reply.headers.getSetCookie().length > 0;
        if (reply.status !== 401 || !isJsonError(reply) || issued) {
          figures.failures.push(`${method} ${route.pattern} with ${label} → ${reply.status}${issued ? " and a new session cookie" : ""} ${reply.text.slice(0, 100)}`);
        }
      }
    }
  }
  return figures;
}

export interface MintFigures {
  pageLoads: number;
  sessionsIssued: number;
  /** The first page load that got no session (a 429, or the page without a cookie), 1-based; null when none. */
  firstRefusal: number | null;
  retryAfter: string | null;
  issuedAfterRefusal: number;
}

/**
 * A script loading the page again and again without keeping cookies, to mint identities (and their quotas):
 * the app must stop issuing sessions to that address. Run it last on a server: the address stays limited.
 */
export async function mintSessionsProbe(baseUrl: string, attempts: number): Promise<MintFigures> {
  const figures: MintFigures = { pageLoads: 0, sessionsIssued: 0, firstRefusal: null, retryAfter: null, issuedAfterRefusal: 0 };
  for (let i = 1; i <= attempts; i++) {
    const client = new ChatClient(baseUrl);
    const response = await loadPage(client);
    figures.pageLoads++;
    const issued = client.jar.header() !== undefined;
    if (issued) figures.sessionsIssued++;
    if ((response.status === 429 || !issued) && figures.firstRefusal === null) {
      figures.firstRefusal = i;
      figures.retryAfter = response.headers.get("retry-after");
    }
    if (figures.firstRefusal !== null && issued) figures.issuedAfterRefusal++;
    // Well past the first refusal is enough to see the limit hold.
    if (figures.firstRefusal !== null && i >= figures.firstRefusal + 5) break;
  }
  return figures;
}
