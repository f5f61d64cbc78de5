import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { listTemplateFiles } from "../render/render-templates.js";
import { Tree } from "../tree/tree.js";
import { renameGenerated, readTags } from "./rename-generated.js";
import { runDrizzleKit } from "./run-drizzle-kit.js";
import { stageDrizzleConfig, type ResolvedDrizzleConfig } from "./staged-drizzle-config.js";
import { summarizeSql } from "./summarize-sql.js";

export interface MigrationPlan {
  root: string;
  config: ResolvedDrizzleConfig;
  /** Files to write in the project's migrations folder (new SQL, snapshot, journal). */
  changes: ReturnType<Tree["listChanges"]>;
  /** Each new migration with one line per statement. */
  migrations: Array<{ file: string; summary: string[] }>;
  drizzleKitMs: number;
}

/**
 * Runs drizzle-kit generate against a scratch copy of the migrations folder and turns what it wrote into
 * staged changes: the same plan → show/dry-run → atomic commit path as every other scaffold change.
 */
export async function planMigration(root: string, name: string | undefined): Promise<MigrationPlan> {
  const staged = stageDrizzleConfig(root);
  try {
    const args = ["generate", "--config", staged.stagedConfig, ...(name ? ["--name", name] : [])];
    const run = await runDrizzleKit(root, args);
    const config = staged.readResolved();
    const tree = new Tree(root);
    const out = config.out.replace(/^\.\//, "");
    const files = new Map<string, string>();
    if (existsSync(staged.stagedOut)) {
      for (const file of listTemplateFiles(staged.stagedOut)) files.set(file, readFileSync(path.join(staged.stagedOut, file), "utf8"));
    }
    // --name wins; without it, the new migration is named for what it changes instead of drizzle-kit's random words.
    if (!name) renameGenerated(files, new Set(readTags(tree.readOriginal(path.posix.join(out, "meta/_journal.json")))));
    for (const [file, content] of files) tree.write(path.posix.join(out, file), content);
    const changes = tree.listChanges();
    const migrations = changes
      .filter((change) => change.type === "create" && change.path.endsWith(".sql"))
      .map((change) => ({ file: change.path, summary: summarizeSql(change.after ?? "") }));
    return { root, config, changes, migrations, drizzleKitMs: run.durationMs };
  } finally {
    rmSync(path.dirname(staged.stagedConfig), { recursive: true, force: true });
  }
}
