import path from "node:path";
import { createTwoFilesPatch } from "diff";
import type { PlanEntry } from "../manifest/classify-changes.js";
import type { Plan } from "../engine/plan.js";

const LABELS: Record<PlanEntry["status"], string> = {
  create: "create",
  update: "update",
  merge: "merge",
  delete: "delete",
  skip: "skip",
  unchanged: "unchanged",
  conflict: "CONFLICT",
  overwrite: "overwrite",
};

/** The plan as a table: one line per file with what will happen to it, and why for conflicts and edits. */
export function formatPlanTable(plan: Plan, header = defaultHeader(plan)): string {
  const width = Math.max(...plan.entries.map((entry) => LABELS[entry.status].length), 6);
  const rows = plan.entries.map((entry) => {
    const note = entry.reason ?? describeEdit(entry);
    return `  ${LABELS[entry.status].padEnd(width)}  ${entry.path}${note ? `  (${note})` : ""}`;
  });
  return [header, ...rows, "", formatCounts(plan)].join("\n");
}

function defaultHeader(plan: Plan): string {
  return `${plan.blueprint.name}@${plan.blueprint.version} → ${plan.target}${plan.newProject ? " (new project)" : ""}`;
}

function describeEdit(entry: PlanEntry): string {
  if (entry.status === "unchanged" || entry.transformers.length === 0) return "";
  if (entry.transformers.every((name) => name === "record-manifest")) return "what scaffold generated, for updates";
  return `edited by ${entry.transformers.join(", ")}`;
}

export function formatCounts(plan: Plan): string {
  const counts = new Map<string, number>();
  for (const entry of plan.entries) counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
  const order: PlanEntry["status"][] = ["create", "update", "merge", "delete", "overwrite", "skip", "unchanged", "conflict"];
  return order.filter((status) => counts.has(status)).map((status) => `${counts.get(status)} ${status === "conflict" ? "conflicts" : status}`).join(", ");
}

/** Unified diffs of the files a plan changes (updates, deletes, overwrites and conflicts; not whole new files). */
export function formatDiffs(plan: Plan, statuses: PlanEntry["status"][] = ["update", "merge", "delete", "overwrite", "conflict"]): string {
  return plan.entries
    .filter((entry) => statuses.includes(entry.status) && !entry.binary)
    .map((entry) => createTwoFilesPatch(path.posix.join("a", entry.path), path.posix.join("b", entry.path), entry.before ?? "", entry.after ?? "", "", "", { context: 3 }))
    .join("\n");
}

/** The plan as JSON for scripts: file contents are left out of unchanged entries to keep it small. */
export function planToJson(plan: Plan): string {
  return JSON.stringify(
    { ...plan, entries: plan.entries.map((entry) => (entry.status === "unchanged" ? { path: entry.path, status: entry.status } : entry)) },
    null,
    2,
  );
}
