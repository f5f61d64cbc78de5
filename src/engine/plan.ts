import type { ResolvedOptions } from "../blueprint/feature-schema.js";
import type { PlanEntry } from "../manifest/classify-changes.js";
import type { Recovery } from "../commit/rollback.js";
import type { Task } from "../tasks/task.js";

/**
 * Everything a run would do, as plain data: printed as a table, as JSON (`--json`), or committed. A dry run
 * and a real run build the very same Plan; only what happens to it afterwards differs.
 */
export interface Plan {
  blueprint: { name: string; version: string; dir: string };
  target: string;
  newProject: boolean;
  options: ResolvedOptions;
  entries: PlanEntry[];
  tasks: Task[];
  warnings: string[];
  nextSteps: string[];
  /** Set when an interrupted earlier run was rolled back before planning ("pending": a read-only run found one to roll back). */
  recovered: Recovery;
}

export function pendingWrites(plan: Pick<Plan, "entries">): PlanEntry[] {
  return plan.entries.filter((entry) => ["create", "update", "merge", "delete", "overwrite"].includes(entry.status));
}

export function conflicts(plan: Plan): PlanEntry[] {
  return plan.entries.filter((entry) => entry.status === "conflict");
}
