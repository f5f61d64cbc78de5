import type { TaskReporter } from "../tasks/run-tasks.js";

/**
 * Shows each task as it runs: a line when it starts and one when it ends with its time. On a terminal the
 * start line also ticks its elapsed seconds, so a long install visibly makes progress.
 */
export function createTaskProgress(write: (text: string) => void, isTty: boolean): TaskReporter {
  let timer: NodeJS.Timeout | undefined;
  return {
    start(task) {
      const started = Date.now();
      write(`  … ${task.title}${isTty ? "" : "\n"}`);
      if (isTty) {
        timer = setInterval(() => write(`\r  … ${task.title} (${Math.round((Date.now() - started) / 1000)}s)`), 1000);
      }
    },
    end(result) {
      if (timer) clearInterval(timer);
      const mark = result.status === "done" ? "✓" : result.status === "failed" ? "✗" : "-";
      write(`${isTty ? "\r" : ""}  ${mark} ${result.task.title} (${(result.durationMs / 1000).toFixed(1)}s)\n`);
    },
  };
}
