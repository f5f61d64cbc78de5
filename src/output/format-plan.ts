import type { ResolvedOptions } from "../blueprint/feature-schema.js";
import type { EntryStatus, PlanEntry } from "../manifest/classify-changes.js";
import type { Plan } from "../engine/plan.js";
import { PLAIN, type Style } from "./style.js";

// Diffs have their own module; tests and callers that know them from here keep working.
export { formatDiffs } from "./format-diffs.js";

export interface PlanTableOptions {
  style?: Style;
  /** List unchanged files one by one instead of as a count. */
  verbose?: boolean;
  header?: string;
  /** Show the resolved options under the header (not for a removal). */
  showOptions?: boolean;
}

const LABELS: Record<EntryStatus, string> = {
  create: "create",
  update: "update",
  merge: "merge",
  delete: "delete",
  skip: "skip",
  unchanged: "unchanged",
  conflict: "CONFLICT",
  overwrite: "overwrite",
};

const COLORS: Record<EntryStatus, keyof Style> = {
  create: "green",
  update: "cyan",
  merge: "cyan",
  delete: "red",
  skip: "yellow",
  unchanged: "dim",
  conflict: "red",
  overwrite: "magenta",
};

/**
 * The plan as a table: one line per file with what will happen to it, and why for conflicts and edits.
 * Unchanged files are one count line unless `verbose`: a re-run should show its one change, not bury it.
 */
export function formatPlanTable(plan: Plan, options: PlanTableOptions = {}): string {
  const style = options.style ?? PLAIN;
  const listed = options.verbose ? plan.entries : plan.entries.filter((entry) => entry.status !== "unchanged");
  const width = Math.max(...listed.map((entry) => LABELS[entry.status].length), 6);
  const rows = listed.map((entry) => {
    const note = entry.reason ?? describeEdit(entry);
    const label = style[COLORS[entry.status]](LABELS[entry.status].padEnd(width));
    return `  ${entry.status === "conflict" ? style.bold(label) : label}  ${entry.path}${note ? style.dim(`  (${note})`) : ""}`;
  });
  const hidden = plan.entries.length - listed.length;
  if (hidden) rows.push(style.dim(`  ${hidden} unchanged file${hidden === 1 ? "" : "s"} (--verbose lists them)`));
  const header = style.bold(options.header ?? defaultHeader(plan));
  const optionLines = options.showOptions ?? true ? formatOptions(plan.options, style) : [];
  return [header, ...optionLines, ...rows, "", formatCounts(plan)].join("\n");
}

function defaultHeader(plan: Plan): string {
  return `${plan.blueprint.name}@${plan.blueprint.version} → ${plan.target}${plan.newProject ? " (new project)" : ""}`;
}

/** `options: key=value …`, wrapped to stay readable when a blueprint has many. */
export function formatOptions(options: ResolvedOptions, style: Style = PLAIN): string[] {
  const pairs = Object.entries(options).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(",") || "(none)" : String(value)}`);
  if (pairs.length === 0) return [];
  const lines: string[] = [];
  let line = "";
  for (const pair of pairs) {
    if (line && line.length + 1 + pair.length > 90) {
      lines.push(line);
      line = pair;
    } else {
      line = line ? `${line} ${pair}` : pair;
    }
  }
  lines.push(line);
  return lines.map((each, index) => `${style.dim(index === 0 ? "options " : "        ")}${each}`);
}

function describeEdit(entry: PlanEntry): string {
  if (entry.status === "unchanged" || entry.transformers.length === 0) return "";
  if (entry.transformers.every((name) => name === "record-manifest")) return "what scaffold generated, for updates";
  return `edited by ${entry.transformers.join(", ")}`;
}

export function formatCounts(plan: Plan): string {
  const counts = new Map<string, number>();
  for (const entry of plan.entries) counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
  const order: EntryStatus[] = ["create", "update", "merge", "delete", "overwrite", "skip", "unchanged", "conflict"];
  return order.filter((status) => counts.has(status)).map((status) => `${counts.get(status)} ${status === "conflict" ? "conflicts" : status}`).join(", ");
}

/** The plan as JSON for scripts: file contents are left out of unchanged entries to keep it small. */
export function planToJson(plan: Plan, extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    { ...plan, entries: plan.entries.map((entry) => (entry.status === "unchanged" ? { path: entry.path, status: entry.status } : entry)), ...extra },
    null,
    2,
  );
}
