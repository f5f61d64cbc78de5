import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ScaffoldError } from "../errors.js";
import { DRIZZLE_CONFIG_FILES } from "../project/drizzle-config-files.js";

export interface ResolvedDrizzleConfig {
  out: string;
  driver?: string;
  dbCredentials?: { url?: string };
}

export interface StagedConfig {
  /** The project's own drizzle config. */
  configFile: string;
  /** A config that loads the project's and points `out` at a scratch copy of its migrations folder. */
  stagedConfig: string;
  /** Where drizzle-kit writes; compared with the project's folder to plan the changes. */
  stagedOut: string;
  /** What the staged config recorded when drizzle-kit loaded it: the project's resolved config. */
  readResolved(): ResolvedDrizzleConfig;
}

/**
 * Lets drizzle-kit generate into a scratch folder instead of the project, so its output becomes a plan like
 * any other (shown, dry-run, committed atomically). The staged config imports the project's config as
 * drizzle-kit would load it (env files, conditionals and all), copies the current migrations folder into the
 * scratch folder, and hands drizzle-kit the same config with only `out` changed.
 */
export function stageDrizzleConfig(root: string): StagedConfig {
  const name = DRIZZLE_CONFIG_FILES.find((file) => existsSync(path.join(root, file)));
  if (!name) {
    throw new ScaffoldError(
      "TARGET_NOT_SUPPORTED",
      `${root} has no drizzle config (looked for ${DRIZZLE_CONFIG_FILES.join(", ")}).`,
      "Run `scaffold ai-chat` first, or run migrate from the folder that holds drizzle.config.ts (--dir).",
    );
  }
  const scratch = mkdtempSync(path.join(os.tmpdir(), "scaffold-migrate-"));
  const stagedOut = path.join(scratch, "out");
  const meta = path.join(scratch, "out.json");
  const stagedConfig = path.join(scratch, "drizzle.config.ts");
  const configFile = path.join(root, name);
  writeFileSync(
    stagedConfig,
    [
      `import { cpSync, existsSync, writeFileSync } from "node:fs";`,
      `import { resolve } from "node:path";`,
      `import config from ${JSON.stringify(configFile)};`,
      `const out = config.out ?? "drizzle";`,
      `const source = resolve(process.cwd(), out);`,
      `if (existsSync(source)) cpSync(source, ${JSON.stringify(stagedOut)}, { recursive: true });`,
      `writeFileSync(${JSON.stringify(meta)}, JSON.stringify({ out, driver: config.driver, dbCredentials: config.dbCredentials }));`,
      // drizzle-kit joins "./" and `out`, so it must be relative to the project folder (the working directory).
      `export default { ...config, out: ${JSON.stringify(path.relative(root, stagedOut))} };`,
      "",
    ].join("\n"),
  );
  return {
    configFile,
    stagedConfig,
    stagedOut,
    readResolved: () => JSON.parse(readFileSync(meta, "utf8")) as ResolvedDrizzleConfig,
  };
}
