import type { ImportStyle } from "../render/module-specifier.js";
import { parseJsonc } from "./parse-jsonc.js";

interface TsConfig {
  compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> };
}

/**
 * Finds the path alias the project uses for its own code (`@/*`, `~/*`, `@acme/web/*`…) from tsconfig
 * `paths`. Only a wildcard alias whose target folder contains the source root can reach generated modules;
 * without one, generated files import each other relatively.
 */
export function detectImportStyle(tsconfigText: string | null, sourceRoot: string): ImportStyle {
  if (tsconfigText === null) return { sourceRoot, alias: null };
  let config: TsConfig;
  try {
    config = parseJsonc(tsconfigText) as TsConfig;
  } catch {
    return { sourceRoot, alias: null };
  }
  const baseUrl = normalizeFolder(config.compilerOptions?.baseUrl ?? ".");
  const candidates = Object.entries(config.compilerOptions?.paths ?? {})
    .filter(([key, targets]) => key.endsWith("/*") && targets.length > 0 && targets[0]!.endsWith("*"))
    .map(([key, targets]) => ({
      prefix: key.slice(0, -1),
      target: joinFolders(baseUrl, normalizeFolder(targets[0]!.slice(0, -1))),
    }))
    .filter(({ target }) => target === "" || sourceRoot === target || sourceRoot.startsWith(`${target}/`));
  // The alias pointing closest to the source root wins: `@/*` → `./src/*` over `~/*` → `./*`.
  candidates.sort((a, b) => b.target.length - a.target.length);
  return { sourceRoot, alias: candidates[0] ?? null };
}

function normalizeFolder(folder: string): string {
  return folder.replace(/^\.\/?/, "").replace(/\/+$/, "");
}

function joinFolders(a: string, b: string): string {
  return [a, b].filter(Boolean).join("/");
}
