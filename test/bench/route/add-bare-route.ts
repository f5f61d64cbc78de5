import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { packageRoot } from "../../../src/package-root.js";

/** Kept as text, not .ts: it compiles inside the generated app (next build type-checks it), not in this repo. */
const BARE_ROUTE = path.join(packageRoot(), "test", "bench", "route", "chat-bare-route.ts.txt");

/**
 * Adds POST /api/chat-bare to the benchmark's copy of the app and routes it through the same proxy as
 * /api/chat (the session cookie check), so the two routes differ by persistence and nothing else.
 */
export async function addBareRoute(appDir: string): Promise<void> {
  const routeDir = path.join(appDir, "src", "app", "api", "chat-bare");
  await mkdir(routeDir, { recursive: true });
  await writeFile(path.join(routeDir, "route.ts"), await readFile(BARE_ROUTE, "utf8"));

  const proxyFile = path.join(appDir, "src", "proxy.ts");
  const proxy = await readFile(proxyFile, "utf8");
  const matcher = `"/api/chat",`;
  if (!proxy.includes(matcher)) throw new Error(`${proxyFile} no longer lists ${matcher} in its matcher; update the route bench.`);
  await writeFile(proxyFile, proxy.replace(matcher, `${matcher} "/api/chat-bare",`));
}
