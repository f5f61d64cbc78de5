import type { ImportStyle } from "../render/module-specifier.js";
import type { Integrations } from "./detect-integrations.js";

export type PackageManager = "npm" | "pnpm" | "yarn" | "bun";

export interface PackageJson {
  name?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  [key: string]: unknown;
}

/** What the engine learned about the target before planning; blueprints read it, never the disk. */
export interface Project {
  root: string;
  /** No package.json yet: the blueprint creates the app itself. */
  isNew: boolean;
  /** A name for a new project, from the folder name. */
  suggestedName: string;
  packageManager: PackageManager;
  packageJson: PackageJson | null;
  /** The declared Next.js version range, or null when Next is not a dependency. */
  nextVersion: string | null;
  /** The Next.js version installed in node_modules, when it is installed. */
  nextInstalledVersion: string | null;
  /** "src/app" or "app" for an existing app; "src/app" for a new one. */
  appDir: string;
  importStyle: ImportStyle;
  tailwind: boolean;
  /** What an existing app already has (Drizzle, auth, an AI chat route, a proxy); null for a new project. */
  integrations: Integrations | null;
}
