import { existsSync } from "node:fs";
import path from "node:path";
import { commitChanges } from "../commit/commit-changes.js";
import { planMigration } from "../migrate/plan-migration.js";
import { DRIZZLE_CONFIG_FILES } from "../project/drizzle-config-files.js";
import { applyPlan } from "../engine/apply-plan.js";
import { pendingWrites } from "../engine/plan.js";
import { planRemoval } from "../engine/plan-removal.js";
import { formatDiffs, formatPlanTable } from "../output/format-plan.js";
import { describeRecovery } from "../commit/describe-recovery.js";
import { recoverInterruptedCommit } from "../commit/rollback.js";
import { withTargetLock } from "../target/with-target-lock.js";
import { entryBytes } from "../tree/file-content.js";
import type { CommandIO } from "./io.js";

export interface RemoveArgs {
  blueprint: string;
  dir: string;
  force: boolean;
  dryRun: boolean;
  /** Write the migration that drops the removed tables; never done without being asked. */
  dropTables?: boolean;
}

/**
 * `scaffold remove <blueprint>`: plan, show, then commit (or stop after showing, for --dry-run). Files kept
 * because the user changed them are reported, not treated as an error: keeping their work is the intended
 * outcome, so the exit code is 0 and the list says what is left to do.
 */
export async function runRemove(args: RemoveArgs, io: CommandIO): Promise<number> {
  return withTargetLock(path.resolve(args.dir), `remove ${args.blueprint}`, io, args.dryRun, () => removeLocked(args, io));
}

async function removeLocked(args: RemoveArgs, io: CommandIO): Promise<number> {
  // Said first, before anything can fail: the folder was restored (or a dry run says it will be).
  io.out(describeRecovery(recoverInterruptedCommit(path.resolve(args.dir), { readOnly: args.dryRun })));
  const plan = await planRemoval({ blueprint: args.blueprint, dir: path.resolve(args.dir), force: args.force, readOnly: args.dryRun });
  io.out(`${formatPlanTable(plan, `remove ${plan.blueprint.name}@${plan.blueprint.version} from ${plan.target}`)}\n`);
  if (args.dryRun) {
    const diffs = formatDiffs(plan, ["update"]);
    if (diffs) io.out(`\n${diffs}\n`);
  } else {
    await applyPlan(plan, { install: false });
  }
  const kept = plan.entries.filter((entry) => entry.status === "skip" && entry.reason !== "already deleted");
  const changed = pendingWrites(plan).filter((entry) => !entry.path.startsWith(".scaffold/"));
  const deleted = changed.filter((entry) => entry.status === "delete").length;
  const restored = changed.length - deleted;
  io.out(
    args.dryRun
      ? "\nDry run: nothing was written.\n"
      : `\nRemoved ${plan.blueprint.name} from ${plan.target}: deleted ${count(deleted, "file")}, restored ${count(restored, "edited file")}.\n`,
  );
  if (kept.length) io.out(`Kept ${count(kept.length, "file")}:\n${kept.map((entry) => `  ${entry.path}  (${entry.reason})`).join("\n")}\n`);
  if (args.dropTables && !args.dryRun) await writeDropMigration(plan.target, plan.blueprint.name, io);
  for (const warning of plan.warnings) io.out(`note: ${warning}\n`);
  if (plan.nextSteps.length) io.out(`\nNext steps:\n${plan.nextSteps.map((step) => `  ${step}`).join("\n")}\n`);
  return 0;
}

/**
 * The tables go only when asked, and then through a migration the user sees and applies: with the schema
 * file gone, drizzle-kit's diff is exactly the DROP of those tables. When the blueprint had created the
 * project's whole database setup, no config is left to generate with, so the command says what to drop.
 */
async function writeDropMigration(root: string, blueprint: string, io: CommandIO): Promise<void> {
  if (!DRIZZLE_CONFIG_FILES.some((file) => existsSync(path.join(root, file)))) {
    io.out(
      `\nNo drizzle config is left (${blueprint} had created the database setup), so no drop migration can be generated. ` +
        "Drop the data yourself: delete the PGlite folder (.data/pglite), or run `DROP TABLE messages, chats;` on your PostgreSQL database.\n",
    );
    return;
  }
  const migration = await planMigration(root, `drop_${blueprint.replace(/[^a-z0-9]+/gi, "_")}`);
  if (migration.migrations.length === 0) {
    io.out("\nNo tables to drop: the schema still matches the migrations.\n");
    return;
  }
  commitChanges(root, migration.changes.map((change) => ({ path: change.path, after: entryBytes(change.after, change.binary) })));
  for (const { file, summary } of migration.migrations) io.out(`\nNew migration ${file}:\n${summary.map((line) => `  - ${line}`).join("\n")}\n`);
  io.out("Apply it with `scaffold migrate --apply` when you are sure: the tables' data is lost then.\n");
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
