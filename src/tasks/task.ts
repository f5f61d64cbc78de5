/** A side effect a blueprint asks for, run through execa only after a successful commit (never in a dry run). */
export interface Task {
  title: string;
  command: string;
  args: string[];
  /** Says how to fix or rerun it if it fails. */
  hint: string;
  /** Needs the project's dependencies installed; skipped (and listed as a next step) with --no-install. */
  needsInstall: boolean;
  /** Installs the dependencies: left out when package.json does not change and node_modules exists. */
  installs?: boolean;
  /** Extra environment for the command. */
  env?: Record<string, string>;
}

export function formatCommand(task: Pick<Task, "command" | "args">): string {
  return [task.command, ...task.args].map((part) => (/^[\w@./:=+-]+$/.test(part) ? part : JSON.stringify(part))).join(" ");
}
