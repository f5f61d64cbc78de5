import { existsSync, readFileSync, statSync } from "node:fs";
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
    : detectImportStyle(read("tsconfig.json"), sourceRoot);
  return {
    root: absolute,
    isNew,
    suggestedName: path.basename(absolute).toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "app",
    packageManager: detectPackageManager(absolute),
    packageJson,
    nextVersion: deps["next"] ?? null,
    appDir: sourceRoot ? `${sourceRoot}/app` : "app",
    importStyle,
    tailwind: isNew || "tailwindcss" in deps,
    // Loaded only for existing apps: the detectors parse TypeScript, which a new project does not need.
    integrations: packageJson ? (await import("./detect-integrations.js")).detectIntegrations(absolute, packageJson) : null,
  };
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
