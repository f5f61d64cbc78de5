import type { CommandIO } from "../commands/io.js";
import type { TaskReporter, TaskResult } from "../tasks/run-tasks.js";
import type { Style } from "./style.js";

/**
 * Shows each task as it runs. On a terminal: a live spinner with the elapsed time and the task's latest
 * output line (ora, loaded only when tasks run). Elsewhere (pipes, CI logs): one line when a task starts
 * and one when it ends, with its time.
 */
export async function createTaskProgress(io: CommandIO, style: Style): Promise<TaskReporter> {
  // A pseudo-terminal may report 0 columns; a spinner cannot measure its line there, so it gets plain lines.
  if (io.terminal && io.stream.columns > 0) return (await import("./task-spinner.js")).createTaskSpinner(io.stream, style);
  return {
    start: (task) => io.out(`  … ${task.title}\n`),
    end: (result) => io.out(`${formatTaskEnd(result, style)}\n`),
  };
}

export function formatTaskEnd(result: TaskResult, style: Style): string {
  const mark = result.status === "done" ? style.green("✓") : result.status === "failed" ? style.red("✗") : style.dim("-");
  return `  ${mark} ${result.task.title} ${style.dim(`(${(result.durationMs / 1000).toFixed(1)}s)`)}`;
}
