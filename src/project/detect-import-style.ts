import { existsSync } from "node:fs";
import path from "node:path";
import { createPathsMatcher, parseTsconfig } from "get-tsconfig";
import type { ImportStyle } from "../render/module-specifier.js";

const PROBE = "scaffold-probe";

/**
 * Finds the path alias the project uses for its own code (`@/*`, `~/*`, `@acme/web/*`…) from the `paths`
 * of its tsconfig.json, read by get-tsconfig: comments, a BOM and `extends` chains (relative files and
 * packages) are resolved as TypeScript does, and each alias's target is resolved against the `baseUrl` or
 * the config that declared it. Only a wildcard alias whose target folder contains the source root can reach
 * generated modules; without one, generated files import each other relatively.
 */
export function detectImportStyle(root: string, sourceRoot: string): ImportStyle {
  const file = path.join(root, "tsconfig.json");
  if (!existsSync(file)) return { sourceRoot, alias: null };
  let matchPaths: ((specifier: string) => string[]) | null;
  let paths: Record<string, string[]>;
  try {
    const config = parseTsconfig(file);
    paths = config.compilerOptions?.paths ?? {};
    matchPaths = createPathsMatcher({ path: file, config });
  } catch {
    // An unreadable tsconfig or an `extends` that does not resolve (dependencies not installed yet).
    return { sourceRoot, alias: null };
  }
  if (!matchPaths) return { sourceRoot, alias: null };
  const resolve = matchPaths;
  const candidates = Object.entries(paths)
    .filter(([key, targets]) => key.endsWith("/*") && targets.length > 0 && targets[0]!.endsWith("*"))
    .flatMap(([key]) => {
      const prefix = key.slice(0, -1);
      const resolved = resolve(`${prefix}${PROBE}`)[0];
      if (!resolved || path.basename(resolved) !== PROBE) return [];
      const target = path.relative(root, path.dirname(resolved)).split(path.sep).join("/");
      return target.startsWith("..") || path.isAbsolute(target) ? [] : [{ prefix, target }];
    })
    .filter(({ target }) => target === "" || sourceRoot === target || sourceRoot.startsWith(`${target}/`));
  // The alias pointing closest to the source root wins: `@/*` → `./src/*` over `~/*` → `./*`.
  candidates.sort((a, b) => b.target.length - a.target.length);
  return { sourceRoot, alias: candidates[0] ?? null };
}
