import semver from "semver";

/**
 * Whether a dependency declared as `declared` (an exact version, a range, `workspace:`/`npm:` forms, or a
 * dist-tag like "latest" or "canary") can be at least `minimum`. A range decides by itself (installing
 * brings a version it allows); for a tag, or a git or file URL, the installed version decides when known,
 * and otherwise it is given the benefit of the doubt.
 */
export function allowsAtLeast(declared: string, installed: string | null, minimum: string): boolean {
  const floor = `>=${minimum}-0`;
  const range = semver.validRange(rangeOf(declared), { loose: true });
  if (range !== null) return semver.intersects(range, floor, { includePrerelease: true });
  if (installed && semver.valid(installed)) return semver.satisfies(installed, floor, { includePrerelease: true });
  return true;
}

/** `workspace:^16` → `^16`, `npm:next@^16` → `^16`. */
function rangeOf(declared: string): string {
  const spec = declared.trim().replace(/^workspace:/, "");
  if (!spec.startsWith("npm:")) return spec;
  const at = spec.lastIndexOf("@");
  return at > "npm:".length ? spec.slice(at + 1) : "*";
}
