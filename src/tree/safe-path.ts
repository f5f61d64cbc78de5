import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { ScaffoldError } from "../errors.js";

/**
 * Normalises a path a blueprint asked to write into a POSIX path relative to the target, refusing anything
 * that would land outside it: absolute paths, `..` segments that climb out, and NUL bytes. Blueprints are
 * code from anywhere (a team's own folder), so this is enforced by the engine, not trusted to the author.
 */
export function normalizeTargetPath(requested: string): string {
  if (requested.includes("\0")) throw outside(requested, "it contains a NUL byte");
  if (path.isAbsolute(requested) || path.win32.isAbsolute(requested)) {
    throw outside(requested, "it is absolute");
  }
  const normalized = path.posix.normalize(requested.replaceAll("\\", "/"));
  if (normalized === ".." || normalized.startsWith("../")) throw outside(requested, "it climbs out with ..");
  if (normalized === "." || normalized === "") throw outside(requested, "it names the target folder itself");
  return normalized.replace(/\/+$/, "");
}

/**
 * Checks that the real location of `relative` inside `root` stays inside `root`, following any symlink on the
 * way (a symlinked folder in the target could otherwise redirect a write anywhere on disk).
 */
export function assertInsideRealRoot(root: string, relative: string): void {
  const realRoot = resolveReal(path.resolve(root));
  const real = resolveReal(path.resolve(root, relative));
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    throw outside(relative, `it resolves through a symlink to ${real}`);
  }
}

/** The real path of a location that may not exist yet: its nearest existing ancestor resolved, plus the rest. */
function resolveReal(location: string): string {
  let existing = location;
  while (!existsSync(existing) && existing !== path.dirname(existing)) existing = path.dirname(existing);
  return path.join(realpathSync(existing), path.relative(existing, location));
}

function outside(requested: string, why: string): ScaffoldError {
  return new ScaffoldError(
    "PATH_OUTSIDE_TARGET",
    `Refused to write "${requested}": ${why}, so it would land outside the target folder.`,
    "Blueprints may only write inside the target folder; fix the path in the blueprint or template.",
  );
}
