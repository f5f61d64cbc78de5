import { existsSync } from "node:fs";
import path from "node:path";
import type { PackageManager } from "./project.js";

const lockfiles: Array<[string, PackageManager]> = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["bun.lock", "bun"],
  ["bun.lockb", "bun"],
  ["package-lock.json", "npm"],
];

/** The package manager whose lockfile the target has; npm when there is none. */
export function detectPackageManager(root: string): PackageManager {
  for (const [file, manager] of lockfiles) {
    if (existsSync(path.join(root, file))) return manager;
  }
  return "npm";
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
