import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The scaffold package folder (holding blueprints/ and templates/), found by walking up from this module.
 * Works from the TypeScript sources (tests) and from the built dist/ alike.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "blueprints")) || !existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find the scaffold package root (no blueprints/ folder above this module)");
    dir = parent;
  }
  return dir;
}

export function bundledBlueprintsDir(): string {
  return path.join(packageRoot(), "blueprints");
}
