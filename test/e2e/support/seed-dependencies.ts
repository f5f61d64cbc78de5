import { mkdtemp, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { installApp, type InstallResult } from "./app-install.js";

/**
 * Puts an installed node_modules and lockfile for `packageJson` into `target` BEFORE scaffold runs there, so
 * that the CLI's own install task (the path users take) finds everything in place and finishes in seconds.
 * The target keeps no package.json, so scaffold still treats it as a new project.
 */
export async function seedDependencies(target: string, packageJson: string, binDir: string): Promise<InstallResult> {
  const staging = await mkdtemp(path.join(os.tmpdir(), "scaffold-seed-"));
  await writeFile(path.join(staging, "package.json"), packageJson);
  const result = await installApp(staging, { binDir });
  await rename(path.join(staging, "node_modules"), path.join(target, "node_modules"));
  await rename(path.join(staging, "package-lock.json"), path.join(target, "package-lock.json"));
  return result;
}
