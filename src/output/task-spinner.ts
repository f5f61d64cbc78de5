import { stripVTControlCharacters } from "node:util";
import ora, { type Ora } from "ora";
import type { TaskReporter } from "../tasks/run-tasks.js";
import type { Style } from "./style.js";
import { formatTaskEnd } from "./task-progress.js";

/**
 * The terminal reporter: `⠋ Install dependencies 12s · added 312 packages`. The text is refreshed every
 * second and on each output line, cut to the terminal's width so the spinner stays on one line.
 */
export function createTaskSpinner(stream: NodeJS.WriteStream, style: Style): TaskReporter {
  let spinner: Ora | undefined;
  let timer: NodeJS.Timeout | undefined;
  let started = 0;
  let title = "";
  let latest = "";
  const render = (): void => {
    if (!spinner) return;
    const elapsed = `${Math.floor((performance.now() - started) / 1000)}s`;
    const room = (stream.columns || 80) - title.length - elapsed.length - 8;
    const line = latest && room > 10 ? ` · ${latest.length > room ? `${latest.slice(0, room - 1)}…` : latest}` : "";
    spinner.text = `${title} ${style.dim(elapsed)}${style.dim(line)}`;
  };
  return {
    start(task) {
      title = task.title;
      latest = "";
      started = performance.now();
      // discardStdin off: Ctrl-C must reach the process as SIGINT, not be swallowed by a raw-mode stdin.
      spinner = ora({ text: title, stream, isEnabled: true, discardStdin: false, indent: 2 }).start();
      timer = setInterval(render, 1000);
      render();
    },
    output(_task, line) {
      const text = stripVTControlCharacters(line).trim();
      if (!text) return;
      latest = text;
      render();
    },
    end(result) {
      clearInterval(timer);
      spinner?.stop();
      spinner = undefined;
      stream.write(`${formatTaskEnd(result, style)}\n`);
    },
  };
}
