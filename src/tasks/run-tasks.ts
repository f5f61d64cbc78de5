import { formatCommand, type Task } from "./task.js";

export interface TaskResult {
  task: Task;
  status: "done" | "failed" | "skipped";
  durationMs: number;
  /** The tail of the command's combined output, kept for failures. */
  output?: string;
}

export interface TaskReporter {
  start(task: Task): void;
  /** Each line the running task prints (stdout and stderr), as it prints it: for a live "latest line". */
  output?(task: Task, line: string): void;
  end(result: TaskResult): void;
}

/**
 * Runs the tasks in order after a commit. The first failure stops the rest (they usually depend on it, as
 * drizzle-kit depends on the install); later tasks are reported as skipped. execa is loaded only here.
 */
export async function runTasks(tasks: readonly Task[], cwd: string, reporter: TaskReporter): Promise<TaskResult[]> {
  const { execa } = await import("execa");
  const results: TaskResult[] = [];
  let failed = false;
  for (const task of tasks) {
    if (failed) {
      results.push({ task, status: "skipped", durationMs: 0 });
      continue;
    }
    reporter.start(task);
    const started = performance.now();
    // A line transform sees each line as it arrives and passes it on unchanged, so `all` still holds it all.
    const forward = function* (line: unknown) {
      reporter.output?.(task, String(line));
      yield line;
    };
    const run = await execa(task.command, task.args, {
      cwd,
      all: true,
      stdout: forward,
      stderr: forward,
      reject: false,
      stdin: "ignore",
      env: { ...task.env, FORCE_COLOR: "0" },
    });
    const durationMs = Math.round(performance.now() - started);
    const result: TaskResult = run.exitCode === 0 && !run.failed
      ? { task, status: "done", durationMs }
      : { task, status: "failed", durationMs, output: tail(String(run.all ?? run.message ?? ""), 40) };
    failed = result.status === "failed";
    reporter.end(result);
    results.push(result);
  }
  return results;
}

export function describeFailure(result: TaskResult, cwd: string): string {
  return [
    `The task "${result.task.title}" failed: \`${formatCommand(result.task)}\` in ${cwd}.`,
    result.output ? `Its output ended with:\n${result.output}` : "",
    `The files were written and are valid; only this step is missing. ${result.task.hint}`,
  ].filter(Boolean).join("\n");
}

function tail(text: string, lines: number): string {
  return text.split("\n").slice(-lines).join("\n").trimEnd();
}
