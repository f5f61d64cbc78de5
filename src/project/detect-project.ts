import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ScaffoldError } from "../errors.js";
import { detectImportStyle } from "./detect-import-style.js";
import { detectPackageManager } from "./detect-package-manager.js";
import type { PackageJson, Project } from "./project.js";

/**
 * Reads what a blueprint needs to know about the target. A folder without package.json is a new project;
 * a folder whose package.json is unreadable is an error, never treated as new (that would clobber it).
 */
export async function detectProject(root: string): Promise<Project> {
  const absolute = path.resolve(root);
  if (existsSync(absolute) && !statSync(absolute).isDirectory()) {
    throw new ScaffoldError("TARGET_INVALID", `${absolute} is a file, not a folder.`, "Pass a folder with --dir.");
  }
  const read = (file: string): string | null => {
    const full = path.join(absolute, file);
    return existsSync(full) && statSync(full).isFile() ? readFileSync(full, "utf8") : null;
  };
  const packageJson = parsePackageJson(read("package.json"), absolute);
  const deps = { ...packageJson?.devDependencies, ...packageJson?.dependencies };
  const isNew = packageJson === null;
  const hasSrcApp = existsSync(path.join(absolute, "src", "app"));
  const hasRootApp = existsSync(path.join(absolute, "app"));
  const sourceRoot = isNew || hasSrcApp || (!hasRootApp && existsSync(path.join(absolute, "src"))) ? "src" : "";
  const importStyle = isNew
    ? { sourceRoot, alias: { prefix: "@/", target: "src" } }
    : detectImportStyle(absolute, sourceRoot);
  return {
    root: absolute,
    isNew,
    suggestedName: packageName(path.basename(absolute)),
    packageManager: await detectPackageManager(absolute),
    packageJson,
    nextVersion: deps["next"] ?? null,
    nextInstalledVersion: "next" in deps ? installedVersion(absolute, "next") : null,
    appDir: sourceRoot ? `${sourceRoot}/app` : "app",
    importStyle,
    tailwind: isNew || "tailwindcss" in deps,
    // Loaded only for existing apps: the detectors parse TypeScript, which a new project does not need.
    integrations: packageJson ? (await import("./detect-integrations.js")).detectIntegrations(absolute, packageJson) : null,
  };
}

/** The version of a package as installed for the target (hoisted workspace installs included), if any. */
function installedVersion(root: string, name: string): string | null {
  try {
    const file = createRequire(path.join(root, "package.json")).resolve(`${name}/package.json`);
    const version: unknown = (JSON.parse(readFileSync(file, "utf8")) as { version?: unknown }).version;
    return typeof version === "string" ? version : null;
  } catch {
    return null;
  }
}

/**
 * A package (and database) name from a folder name: npm names are lower-case URL-safe ASCII, so accents are
 * dropped rather than the letters ("Über Chat" is `uber-chat`).
 */
export function packageName(folder: string): string {
  const ascii = folder.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  return ascii.replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "app";
}

function parsePackageJson(text: string | null, root: string): PackageJson | null {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as PackageJson;
  } catch {
    // Reported below with the same message as a non-object.
  }
  throw new ScaffoldError(
    "TARGET_INVALID",
    `${path.join(root, "package.json")} is not a valid package.json object.`,
    "Fix the file (npm would refuse it too), then run scaffold again.",
  );
}
