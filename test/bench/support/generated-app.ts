import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { packageRoot } from "../../../src/package-root.js";
import { installApp } from "../../e2e/support/app-install.js";
import { envWithNode24, resolveNode24Bin } from "../../e2e/support/node24.js";
import { runIn } from "../../e2e/support/run-in.js";

/** A generated ai-chat app, installed and with its first migration, that every section measures against. */
export interface GeneratedApp {
  /** Temp folder holding the app and anything else the run creates; removed by dispose(). */
  workDir: string;
  appDir: string;
  /** Node 24's bin folder: the generated app runs on the Node its users have. */
  binDir: string;
  dispose(): Promise<void>;
}

export const CLI_PATH = path.join(packageRoot(), "dist", "src", "cli.js");

/**
 * Generates the app exactly as a user would (the built CLI, default options unless `set` names some, as
 * `--set key=value`), then installs its dependencies through the e2e install cache and writes the initial
 * migration, which the app applies at first open.
 */
export async function prepareGeneratedApp(options: { keep: boolean; set?: readonly string[] }): Promise<GeneratedApp> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), "scaffold-bench-"));
  const setArgs = (options.set ?? []).flatMap((assignment) => ["--set", assignment]);
  const appDir = path.join(workDir, "app");
  const binDir = await resolveNode24Bin();
  try {
    await runIn(workDir, process.execPath, [CLI_PATH, "ai-chat", "--dir", appDir, "--yes", "--no-install", ...setArgs]);
    await installApp(appDir, { binDir });
    await runIn(appDir, path.join(binDir, "node"), [drizzleKitBin(appDir), "generate", "--name", "init"], {
      env: envWithNode24(binDir),
    });
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
  return {
    workDir,
    appDir,
    binDir,
    dispose: async () => {
      if (options.keep) console.log(`Kept ${workDir}`);
      else await rm(workDir, { recursive: true, force: true });
    },
  };
}

export function drizzleKitBin(appDir: string): string {
  return path.join(appDir, "node_modules", "drizzle-kit", "bin.cjs");
}

/** A full copy of the app (node_modules included) for a section that edits files, so the others see the original. */
export async function copyApp(app: GeneratedApp, name: string): Promise<string> {
  const target = path.join(app.workDir, name);
  await runIn(app.workDir, "cp", ["-a", app.appDir, target]);
  await rm(path.join(target, ".next"), { recursive: true, force: true });
  return target;
}
