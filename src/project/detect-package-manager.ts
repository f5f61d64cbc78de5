import { detect, getUserAgent } from "package-manager-detector/detect";
import type { PackageManager } from "./project.js";

const SUPPORTED: readonly PackageManager[] = ["npm", "pnpm", "yarn", "bun"];

/**
 * The package manager that owns the target: its lockfile, `packageManager` or `devEngines` field, looked up
 * from the target to the file-system root, so an app inside a pnpm or yarn workspace gets the workspace's
 * manager. Without any, the manager scaffold was started with (`pnpm dlx scaffold`), else npm.
 */
export async function detectPackageManager(root: string): Promise<PackageManager> {
  const found = await detect({ cwd: root });
  const name = found?.name ?? getUserAgent();
  return SUPPORTED.find((manager) => manager === name) ?? "npm";
}

/** The command line that runs a package's binary through the given package manager. */
export function execCommand(manager: PackageManager, bin: string, args: string[]): { command: string; args: string[] } {
  switch (manager) {
    case "pnpm":
      return { command: "pnpm", args: ["exec", bin, ...args] };
    case "yarn":
      return { command: "yarn", args: [bin, ...args] };
    case "bun":
      return { command: "bunx", args: [bin, ...args] };
    default:
      return { command: "npx", args: ["--no-install", bin, ...args] };
  }
}
