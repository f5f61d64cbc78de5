import { existsSync, mkdirSync, readdirSync, rmdirSync } from "node:fs";
import path from "node:path";
import { toEnvironmentError } from "./environment-error.js";

/** A new project's folder is created by the commit (or by the target lock, before it); returns those created. */
export function createRoot(root: string): string[] {
  const chain: string[] = [];
  for (let each = path.resolve(root); !existsSync(each) && each !== path.dirname(each); each = path.dirname(each)) chain.unshift(each);
  try {
    for (const each of chain) mkdirSync(each);
  } catch (error) {
    removeEmpty(chain);
    throw toEnvironmentError(error, root, "Nothing was written.");
  }
  return chain;
}

export function removeEmpty(dirs: readonly string[]): void {
  for (const dir of [...dirs].reverse()) if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
}

