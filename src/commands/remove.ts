import { existsSync } from "node:fs";
import path from "node:path";
import { commitChanges } from "../commit/commit-changes.js";
import { planMigration } from "../migrate/plan-migration.js";
import { DRIZZLE_CONFIG_FILES } from "../project/drizzle-config-files.js";
import { applyPlan } from "../engine/apply-plan.js";
import { pendingWrites } from "../engine/plan.js";
import { planRemoval } from "../engine/plan-removal.js";
import { formatDiffs } from "../output/format-diffs.js";
import { formatDryRunEnd, formatNextSteps, formatWarnings, lines, paragraphs } from "../output/format-outcome.js";
import { formatPlanTable, planToJson } from "../output/format-plan.js";
import { loadStyle } from "../output/style.js";
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
  json: boolean;
  verbose: boolean;
}

/**
 * `scaffold remove <blueprint>`: plan, show, then commit (or stop after showing, for --dry-run; --json prints the plan). Files kept
 * because the user changed them are reported, not treated as an error: keeping their work is the intended
 * outcome, so the exit code is 0 and the list says what is left to do.
 */
export async function runRemove(args: RemoveArgs, io: CommandIO): Promise<number> {
  const readOnly = args.dryRun || args.json;
  return withTargetLock(path.resolve(args.dir), `remove ${args.blueprint}`, io, readOnly, () => removeLocked(args, io, readOnly));
}

async function removeLocked(args: RemoveArgs, io: CommandIO, readOnly: boolean): Promise<number> {
  // Said first, before anything can fail: the folder was restored (or a read-only run says it will be).
  const recovered = recoverInterruptedCommit(path.resolve(args.dir), { readOnly });
  if (!args.json) io.out(describeRecovery(recovered));
  const plan = await planRemoval({ blueprint: args.blueprint, dir: path.resolve(args.dir), force: args.force, readOnly });
  if (args.json) {
    io.out(`${planToJson(plan)}\n`);
    return 0;
  }
  const style = await loadStyle(io.color);
  const header = `remove ${plan.blueprint.name}@${plan.blueprint.version} from ${plan.target}`;
  io.out(`${formatPlanTable(plan, { header, style, verbose: args.verbose, showOptions: false })}\n`);
  if (args.dryRun) io.out(paragraphs(formatDiffs(plan, ["update"], style)));
  else await applyPlan(plan, { install: false });
  const kept = plan.entries.filter((entry) => entry.status === "skip" && entry.reason !== "already deleted");
  const changed = pendingWrites(plan).filter((entry) => !entry.path.startsWith(".scaffold/"));
  const deleted = changed.filter((entry) => entry.status === "delete").length;
  const restored = changed.length - deleted;
  const summary = args.dryRun
    ? `Would remove ${plan.blueprint.name} from ${plan.target}: delete ${count(deleted, "file")}, restore ${count(restored, "edited file")}.`
    : `Removed ${plan.blueprint.name} from ${plan.target}: deleted ${count(deleted, "file")}, restored ${count(restored, "edited file")}.`;
  const keptList = kept.length ? `Kept ${count(kept.length, "file")}:\n${kept.map((entry) => `  ${entry.path}  (${entry.reason})`).join("\n")}` : "";
  io.out(paragraphs(lines(summary, keptList)));
  if (args.dropTables && !args.dryRun) await writeDropMigration(plan.target, plan.blueprint.name, io);
  const dropNote = args.dropTables && args.dryRun ? "Would write the migration that drops the blueprint's tables (--drop-tables)." : "";
  io.out(paragraphs(lines(dropNote, formatWarnings(plan.warnings, style, "note")), formatNextSteps(plan.nextSteps, style), args.dryRun ? formatDryRunEnd(false, style) : ""));
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
