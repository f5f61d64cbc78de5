import { randomUUID } from "node:crypto";
import type { Fixtures } from "./fixtures.js";
import { ownedValues } from "./fixtures.js";
import type { ProbeBody, ProbeRequest } from "./http.js";
import { HTTP_METHODS, queryParamsRead, routePath, type ApiRoute } from "./routes.js";
import { bodyMutations } from "./body-mutations.js";

/** One malformed request and what the app must do with it. */
export interface MalformedCase {
  name: string;
  request: ProbeRequest;
  /** `refuse`: a 4xx JSON error. `refuse-or-ignore`: a GET whose extra query parameter the route may not read (4xx or 2xx, never 5xx). */
  expect: "refuse" | "refuse-or-ignore";
}

/** Segment values no row can have: malformed escapes, path tricks, injections, too long, or simply unknown. */
const BAD_IDS = [
  "%%%",
  "%",
  "%E0%A4%A",
  "%C0%AF",
  "%FF%FE",
  "a%00b",
  "..%2F..%2Fetc%2Fpasswd",
  "x".repeat(65),
  "%20",
  "'%20OR%201%3D1--",
  "%F0%9F%92%A9",
  "%3Cscript%3E",
];

const chunked = (bytes: Uint8Array, size = 16 * 1024) => (): ReadableStream<Uint8Array> => {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + size));
      offset += size;
    },
  });
};

const oversized = new TextEncoder().encode(JSON.stringify({ padding: "x".repeat(6 * 1024 * 1024) }));

/** Bodies no JSON route can take: not JSON, not an object, not UTF-8, far too large, nested past any sense. */
const GENERIC_BODIES: Array<[string, ProbeBody]> = [
  ["empty body", ""],
  ["truncated JSON", '{"title": "x"'],
  ["not JSON", "{not json"],
  ["JSON null", "null"],
  ["a JSON array", "[]"],
  ["a JSON number", "42"],
  ["a JSON string", '"title"'],
  ["a JSON boolean", "true"],
  ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
  ["deep nesting", `${"[".repeat(3000)}${"]".repeat(3000)}`],
  ["6 MB with Content-Length", oversized],
  ["6 MB chunked, no Content-Length", chunked(oversized)],
  ["a chunked non-JSON body", chunked(new TextEncoder().encode("{not json, sent in pieces".repeat(50)), 7)],
];

/** The owner's ids where the route has them, else ids that exist nowhere (well-formed, so the route looks them up). */
function valuesFor(route: ApiRoute, fixtures: Fixtures): Record<string, string> {
  return ownedValues(route, fixtures) ?? Object.fromEntries(route.params.map((name) => [name, `missing-${name}-${randomUUID()}`]));
}

/**
 * Malformed requests over every route of the app, systematically: each dynamic segment with every bad id (and
 * the stranger's chat), every method the route does not have, every body-reading handler with every generic bad
 * body (sent whole and chunked) and with the known routes' bodies broken field by field, and pagination queries
 * with bad cursors and limits.
 */
export function malformedRequests(routes: ApiRoute[], fixtures: Fixtures): MalformedCase[] {
  const cases: MalformedCase[] = [];
  const add = (name: string, request: ProbeRequest, expect: MalformedCase["expect"] = "refuse") => cases.push({ name, request, expect });
  for (const route of routes) {
    const handled = new Set(route.methods.map((m) => m.method));
    for (const { method, readsBody } of route.methods) {
      const body = readsBody ? "{}" : undefined;
      const badIds = route.params.length === 0 ? [] : [...BAD_IDS, ...(route.pattern.startsWith("/api/chats/[id]") ? [fixtures.strangerChatId] : [])];
      for (const bad of badIds) {
        const values = Object.fromEntries(route.params.map((name) => [name, bad]));
        add(`${method} ${route.pattern} with id ${bad.slice(0, 30)}`, { method, path: routePath(route, values), ...(body ? { body } : {}) });
      }
      if (readsBody) {
        const path = routePath(route, valuesFor(route, fixtures));
        for (const [label, generic] of GENERIC_BODIES) add(`${method} ${route.pattern}: ${label}`, { method, path, body: generic });
        for (const [label, text] of GENERIC_BODIES.filter(([, b]) => typeof b === "string" && b !== "")) {
          add(`${method} ${route.pattern}: ${label}, chunked`, { method, path, body: chunked(new TextEncoder().encode(text as string), 3) });
        }
        for (const [label, mutated] of bodyMutations(method, route)) add(`${method} ${route.pattern}: ${label}`, { method, path, body: JSON.stringify(mutated) });
      }
      if (method === "GET") addQueryProbes(route, routePath(route, valuesFor(route, fixtures)), add);
    }
    for (const method of HTTP_METHODS.filter((m) => !handled.has(m))) {
      add(`${method} ${route.pattern} (no such method)`, { method, path: routePath(route, valuesFor(route, fixtures)), ...(method === "GET" ? {} : { body: "{}" }) });
    }
  }
  return cases;
}

const BAD_CURSORS = ["%%%", "bm90LWpzb24", "eyJ4IjoxfQ", "W10", "x".repeat(600), "%00", "-1"];
const BAD_LIMITS = ["-1", "0", "abc", "1e9", "1.5", "101", "%%%", ""];

function addQueryProbes(route: ApiRoute, path: string, add: (name: string, request: ProbeRequest, expect?: MalformedCase["expect"]) => void): void {
  const read = new Set(queryParamsRead(route));
  const paginated = read.has("cursor") || read.has("before");
  for (const param of ["cursor", "before"]) {
    for (const value of BAD_CURSORS) add(`GET ${route.pattern}?${param}=${value.slice(0, 20)}`, { method: "GET", path: `${path}?${param}=${value}`, noOrigin: true }, read.has(param) ? "refuse" : "refuse-or-ignore");
  }
  for (const value of BAD_LIMITS) add(`GET ${route.pattern}?limit=${value}`, { method: "GET", path: `${path}?limit=${value}`, noOrigin: true }, paginated && value !== "" ? "refuse" : "refuse-or-ignore");
}
