import type { Fixtures } from "./fixtures.js";
import { ownedValues } from "./fixtures.js";
import { isJsonError, send } from "./http.js";
import { validBody } from "./body-mutations.js";
import { isStateChanging, routePath, type ApiRoute } from "./routes.js";
import { appState } from "./state.js";

export interface CrossSiteFigures {
  sent: number;
  refused: number;
  statuses: Record<string, number>;
  failures: string[];
  stateBefore: unknown;
  stateAfter: unknown;
}

/** How a page on another site (or a sibling origin) would try to write: each must be refused, 415 or 403. */
function attempts(baseUrl: string): Array<{ name: string; headers: Record<string, string>; noOrigin?: boolean; expect: number[] }> {
  const sibling = new URL(baseUrl);
  sibling.port = String(Number(sibling.port) + 1);
  return [
    { name: "text/plain form post, same origin", headers: { "content-type": "text/plain;charset=UTF-8" }, expect: [415, 403] },
    { name: "urlencoded form post, same origin", headers: { "content-type": "application/x-www-form-urlencoded" }, expect: [415, 403] },
    { name: "text/plain from a foreign origin", headers: { "content-type": "text/plain", origin: "https://evil.example" }, expect: [415, 403] },
    { name: "JSON from a foreign Origin", headers: { origin: "https://evil.example" }, expect: [403] },
    { name: "JSON from a sibling origin", headers: { origin: sibling.origin }, expect: [403] },
    { name: "JSON with Origin: null", headers: { origin: "null" }, expect: [403] },
    { name: "JSON with Sec-Fetch-Site: cross-site", headers: { "sec-fetch-site": "cross-site" }, noOrigin: true, expect: [403] },
    { name: "JSON with Sec-Fetch-Site: same-site", headers: { "sec-fetch-site": "same-site" }, noOrigin: true, expect: [403] },
  ];
}

/** Segment values naming the owner's real rows, so an accepted attempt would really change something. */
function targetValues(route: ApiRoute, fixtures: Fixtures): Record<string, string> {
  const owned = ownedValues(route, fixtures);
  if (owned) return owned;
  return Object.fromEntries(route.params.map((name) => [name, name === "token" && fixtures.ids.shareToken ? fixtures.ids.shareToken : `missing-${name}`]));
}

/** Every state-changing route, with the owner's cookie and a body it would accept, from every cross-site angle. */
export async function crossSiteProbe(baseUrl: string, routes: ApiRoute[], fixtures: Fixtures, databaseUrl?: string): Promise<CrossSiteFigures> {
  const stateBefore = await appState(routes, fixtures, databaseUrl);
  const figures: CrossSiteFigures = { sent: 0, refused: 0, statuses: {}, failures: [], stateBefore, stateAfter: undefined };
  for (const route of routes) {
    for (const { method } of route.methods.filter((m) => isStateChanging(m.method))) {
      const path = routePath(route, targetValues(route, fixtures));
      for (const attempt of attempts(baseUrl)) {
        figures.sent++;
        const reply = await send(fixtures.owner, { method, path, body: validBody(method, route.pattern), headers: attempt.headers, ...(attempt.noOrigin ? { noOrigin: true } : {}) });
        figures.statuses[String(reply.status)] = (figures.statuses[String(reply.status)] ?? 0) + 1;
        if (attempt.expect.includes(reply.status) && isJsonError(reply)) figures.refused++;
        else figures.failures.push(`${method} ${route.pattern}, ${attempt.name} → ${reply.status} ${reply.text.slice(0, 120)}`);
      }
    }
  }
  figures.stateAfter = await appState(routes, fixtures, databaseUrl);
  return figures;
}
