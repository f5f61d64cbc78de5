import path from "node:path";
import { applyPlan } from "../engine/apply-plan.js";
import { pendingWrites } from "../engine/plan.js";
import { planRemoval } from "../engine/plan-removal.js";
import { formatDiffs, formatPlanTable } from "../output/format-plan.js";
import type { CommandIO } from "./io.js";

export interface RemoveArgs {
  blueprint: string;
  dir: string;
  force: boolean;
  dryRun: boolean;
}

/**
 * `scaffold remove <blueprint>`: plan, show, then commit (or stop after showing, for --dry-run). Files kept
 * because the user changed them are reported, not treated as an error: keeping their work is the intended
 * outcome, so the exit code is 0 and the list says what is left to do.
 */
export async function runRemove(args: RemoveArgs, io: CommandIO): Promise<number> {
  const plan = await planRemoval({ blueprint: args.blueprint, dir: path.resolve(args.dir), force: args.force });
  if (plan.recovered === "restored") io.out("An interrupted earlier run was found and rolled back first.\n");
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
  for (const warning of plan.warnings) io.out(`note: ${warning}\n`);
  if (plan.nextSteps.length) io.out(`\nNext steps:\n${plan.nextSteps.map((step) => `  ${step}`).join("\n")}\n`);
  return 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
