import { ScaffoldError } from "../errors.js";
import { stringifyLike } from "./json-format.js";

export interface PackageAdditions {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

type Json = Record<string, unknown>;

/**
 * Adds dependencies and scripts to a package.json text. A package the project already declares (in either
 * section) keeps its range, and an existing script is never replaced: those are the user's decisions.
 * New entries keep each section sorted, as npm does. Idempotent: applying twice equals once.
 */
export function addPackageDependencies(source: string, additions: PackageAdditions): string {
  let pkg: Json;
  try {
    pkg = JSON.parse(source) as Json;
  } catch (error) {
    throw new ScaffoldError("EDIT_FAILED", `package.json is not valid JSON: ${(error as Error).message}`, "Fix package.json first.");
  }
  const declared = new Set([...Object.keys(section(pkg, "dependencies")), ...Object.keys(section(pkg, "devDependencies"))]);
  let changed = false;
  for (const name of ["dependencies", "devDependencies"] as const) {
    const wanted = Object.entries(additions[name] ?? {}).filter(([dep]) => !declared.has(dep));
    if (wanted.length === 0) continue;
    pkg[name] = sortKeys({ ...section(pkg, name), ...Object.fromEntries(wanted) });
    changed = true;
  }
  const scripts = section(pkg, "scripts");
  const newScripts = Object.entries(additions.scripts ?? {}).filter(([script]) => !(script in scripts));
  if (newScripts.length) {
    pkg["scripts"] = { ...scripts, ...Object.fromEntries(newScripts) };
    changed = true;
  }
  return changed ? stringifyLike(source, pkg) : source;
}

function section(pkg: Json, name: string): Record<string, string> {
  const value = pkg[name];
  return value && typeof value === "object" ? (value as Record<string, string>) : {};
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
