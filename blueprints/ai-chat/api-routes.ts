import type { BlueprintContext } from "scaffold";

type Tree = BlueprintContext["tree"];

/** One API route the app serves and the HTTP methods its route file exports. */
export interface ApiRoute {
  /** The URL pattern, with the route file's dynamic segments as they are named: `/api/chats/[id]/stop`. */
  path: string;
  methods: string[];
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const EXPORTED = new RegExp(`export\\s+(?:async\\s+)?(?:function\\s+|const\\s+)(${METHODS.join("|")})\\b`, "g");

/**
 * The chat's API routes, read from the route files this run generates (and the app's own chat route, which
 * keeps its handlers): the proxy answers a method a route does not export with a JSON 405, where Next.js
 * itself would send an empty body. Read from the files, so a route or method added later is covered.
 */
export function listApiRoutes(tree: Tree, appDir: string, ownRoute: string | null): ApiRoute[] {
  const prefix = `${appDir}/api/`;
  const files = tree
    .listWrites()
    .filter((write) => write.content !== null && write.origins.some((origin) => origin.kind === "template"))
    .map((write) => write.path)
    .filter((file) => file.startsWith(prefix) && /\/route\.[jt]s$/.test(file));
  if (ownRoute) files.push(ownRoute);
  return [...new Set(files)]
    .map((file) => ({ path: urlPath(file.slice(appDir.length)), methods: exportedMethods(tree.read(file) ?? "") }))
    .filter((route) => route.methods.length > 0)
    // Static segments before dynamic ones, as Next.js matches them: the first match wins.
    .sort((a, b) => sortKey(a.path).localeCompare(sortKey(b.path)));
}

const sortKey = (routePath: string): string => routePath.replaceAll("[", "\uffff");

function urlPath(fromAppDir: string): string {
  // Route groups, `(name)`, are not part of the URL.
  return fromAppDir.replace(/\/route\.[jt]s$/, "").split("/").filter((segment) => !/^\(.*\)$/.test(segment)).join("/");
}

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(EXPORTED)) found.add(match[1]!);
  return METHODS.filter((method) => found.has(method));
}
