import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One method of one API route, read from the generated source. */
export interface RouteMethod {
  method: HttpMethod;
  /** The handler reads a request body (readJsonBody, request.json()…): body probes apply to it. */
  readsBody: boolean;
}

/** One `app/api/**\/route.ts` of the generated app. */
export interface ApiRoute {
  /** `/api/chats/[id]/messages`, as the folders name it. */
  pattern: string;
  /** The dynamic segments' names, in order (`["id"]`). */
  params: string[];
  methods: RouteMethod[];
  /** The route asks for the user (getUserId): without a session it must answer 401. */
  needsSession: boolean;
  /** The route's source, for the probes that look for a query parameter it reads. */
  source: string;
}

/**
 * Every API route of a generated app, from its files rather than a list in the tests: a route an option adds
 * is probed without an edit here.
 */
export function discoverApiRoutes(appDir: string): ApiRoute[] {
  const appFolder = [path.join(appDir, "src", "app"), path.join(appDir, "app")].find((folder) => existsSync(path.join(folder, "api")));
  if (!appFolder) throw new Error(`no app/api folder in ${appDir}`);
  const routes: ApiRoute[] = [];
  for (const file of readdirSync(path.join(appFolder, "api"), { recursive: true, encoding: "utf8" })) {
    if (!/(^|\/)route\.tsx?$/.test(file.split(path.sep).join("/"))) continue;
    const source = readFileSync(path.join(appFolder, "api", file), "utf8");
    const folder = path.dirname(file).split(path.sep).join("/");
    const pattern = folder === "." ? "/api" : `/api/${folder}`;
    routes.push({
      pattern,
      params: [...pattern.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]!),
      methods: handlersOf(source),
      needsSession: /\bgetUserId\s*\(/.test(source),
      source,
    });
  }
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The exported HTTP handlers, each with whether its body (up to the next export) reads the request body. */
function handlersOf(source: string): RouteMethod[] {
  const exports = [...source.matchAll(/export\s+(?:async\s+function\s+|function\s+|const\s+)([A-Z]+)\b/g)];
  const methods: RouteMethod[] = [];
  for (const [index, match] of exports.entries()) {
    const name = match[1] as HttpMethod;
    if (!HTTP_METHODS.includes(name)) continue;
    const body = source.slice(match.index, exports[index + 1]?.index ?? source.length);
    methods.push({ method: name, readsBody: /readJsonBody\(|request\.(json|text|formData|arrayBuffer)\(|request\.body\b/.test(body) });
  }
  return methods;
}

/** Fills a route's dynamic segments (already URL-encoded or deliberately malformed values go in as they are). */
export function routePath(route: ApiRoute, values: Record<string, string>): string {
  return route.pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${route.pattern}`);
    return value;
  });
}

/** Methods that change state: every one must refuse cross-site requests. */
export const isStateChanging = (method: HttpMethod): boolean => method !== "GET";

/** The query parameters a route's source names (searchParams.get("x"), parsePageQuery(url, "cursor"…)). */
export function queryParamsRead(route: ApiRoute): string[] {
  const names = new Set<string>();
  for (const match of route.source.matchAll(/(?:searchParams\.get|parsePageQuery\([^,]+,)\s*\(?\s*"([a-zA-Z]+)"/g)) names.add(match[1]!);
  return [...names];
}
