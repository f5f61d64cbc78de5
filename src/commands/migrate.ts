import { mkdirSync } from "node:fs";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { commitChanges } from "../commit/commit-changes.js";
import { recoverInterruptedCommit } from "../commit/rollback.js";
import { assertPgliteFolderFree } from "../migrate/pglite-guard.js";
import { planMigration } from "../migrate/plan-migration.js";
import { runDrizzleKit } from "../migrate/run-drizzle-kit.js";
import { ScaffoldError } from "../errors.js";
import { describeRecovery } from "../commit/describe-recovery.js";
import { withTargetLock } from "../target/with-target-lock.js";
import { entryBytes } from "../tree/file-content.js";
import type { CommandIO } from "./io.js";

export interface MigrateArgs {
  dir: string;
  name?: string;
  apply: boolean;
  dryRun: boolean;
  /** Print the planned migration as JSON; never writes (so not with --apply). */
  json: boolean;
}

/** `scaffold migrate`: turn schema edits into the next migration (through drizzle-kit), optionally apply it. */
export async function runMigrate(args: MigrateArgs, io: CommandIO): Promise<number> {
  if (args.json && args.apply) {
    throw new ScaffoldError("USAGE", "--json shows the next migration without writing anything, and --apply would change the database.", "Run `scaffold migrate --json` to see the migration, then `scaffold migrate --apply` to write and apply it.");
  }
  const root = path.resolve(args.dir);
  const readOnly = args.dryRun || args.json;
  return withTargetLock(root, "migrate", io, readOnly, () => migrateLocked(root, args, io, readOnly));
}

async function migrateLocked(root: string, args: MigrateArgs, io: CommandIO, readOnly: boolean): Promise<number> {
  const recovered = recoverInterruptedCommit(root, { readOnly });
  if (!args.json) io.out(describeRecovery(recovered));
  const plan = await planMigration(root, args.name);
  if (args.json) {
    const migrations = plan.migrations.map((migration) => ({ ...migration, sql: plan.changes.find((change) => change.path === migration.file)?.after ?? "" }));
    io.out(`${JSON.stringify({ target: root, out: plan.config.out, migrations, files: plan.changes.map((change) => change.path) }, null, 2)}\n`);
    return 0;
  }
  if (plan.migrations.length === 0) {
    io.out("No schema changes: the migrations already match the schema.\n");
  } else {
    for (const migration of plan.migrations) {
      io.out(`New migration ${migration.file}:\n${migration.summary.map((line) => `  - ${line}`).join("\n")}\n`);
    }
    if (args.dryRun) {
      for (const change of plan.changes.filter((c) => c.path.endsWith(".sql"))) {
        io.out(`\n${createTwoFilesPatch("a/" + change.path, "b/" + change.path, change.before ?? "", change.after ?? "")}`);
      }
      io.out("\nDry run: nothing was written.\n");
      return 0;
    }
    commitChanges(root, plan.changes.map((change) => ({ path: change.path, after: entryBytes(change.after, change.binary) })));
    io.out(`Wrote ${plan.changes.length} file${plan.changes.length === 1 ? "" : "s"} in ${plan.config.out}.\n`);
  }
  if (!args.apply) {
    if (plan.migrations.length) io.out("Apply it with `scaffold migrate --apply` (or just start the app: it applies pending migrations).\n");
    return 0;
  }
  const pgliteDir = plan.config.driver === "pglite" ? plan.config.dbCredentials?.url : undefined;
  if (pgliteDir) {
    assertPgliteFolderFree(root, pgliteDir);
    // PGlite creates its folder but not the folders above it.
    mkdirSync(path.dirname(path.resolve(root, pgliteDir)), { recursive: true });
  }
  await runDrizzleKit(root, ["migrate"]);
  io.out(`Applied pending migrations to ${pgliteDir ? `the PGlite database in ${pgliteDir}` : "the database at DATABASE_URL"}.\n`);
  return 0;
}
