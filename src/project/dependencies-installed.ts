import { existsSync, statSync } from "node:fs";
import path from "node:path";

/** What each package manager writes into node_modules on every install. */
const INSTALL_MARKERS = [".package-lock.json", ".modules.yaml", ".yarn-state.yml", ".yarn-integrity"];

/**
 * Whether the dependencies were installed after package.json last changed: a package manager's install
 * marker in node_modules is at least as new as package.json. Without a marker the answer is no, so an
 * install is run (or listed) rather than skipped on a guess.
 */
export function dependenciesInstalled(root: string): boolean {
  const manifest = path.join(root, "package.json");
  if (!existsSync(manifest)) return false;
  const changed = statSync(manifest).mtimeMs;
  return INSTALL_MARKERS.some((marker) => {
    const file = path.join(root, "node_modules", marker);
    return existsSync(file) && statSync(file).mtimeMs >= changed;
  });
}
