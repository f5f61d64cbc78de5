import { formatCommand, type Task } from "../tasks/task.js";
import { PLAIN, type Style } from "./style.js";

/**
 * What follows the plan, shared by a real run and its dry run so the preview says exactly what the run
 * would: the tasks it would run, its warnings and its next steps, each as the blueprint gave them.
 */
export function formatWouldRun(tasks: readonly Task[], style: Style = PLAIN): string {
  if (tasks.length === 0) return "";
  return `Would run:\n${tasks.map((task) => `  ${formatCommand(task)}${style.dim(`   # ${task.title}`)}`).join("\n")}`;
}

export function formatWarnings(warnings: readonly string[], style: Style = PLAIN, label = "warning"): string {
  return warnings.map((warning) => `${style.yellow(`${label}:`)} ${warning}`).join("\n");
}

export function formatNextSteps(steps: readonly string[], style: Style = PLAIN): string {
  if (steps.length === 0) return "";
  return `${style.bold("Next steps:")}\n${steps.map((step) => `  ${step}`).join("\n")}`;
}

export function formatDryRunEnd(blocked: boolean, style: Style = PLAIN): string {
  return `${style.bold("Dry run: nothing was written.")}${blocked ? ` ${style.red("Conflicts would stop a real run (exit 2).")}` : ""}`;
}

/** Blocks of output one blank line apart (empty ones left out), starting on a new paragraph. */
export function paragraphs(...blocks: string[]): string {
  const kept = blocks.map((block) => block.trimEnd()).filter(Boolean);
  return kept.length ? `\n${kept.join("\n\n")}\n` : "";
}

/** Lines of one block (empty ones left out). */
export function lines(...parts: string[]): string {
  return parts.filter(Boolean).join("\n");
}
