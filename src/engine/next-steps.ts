import path from "node:path";
import { formatCommand, type Task } from "../tasks/task.js";
import type { Plan } from "./plan.js";

/**
 * The steps left to the user, in the order they run them: into the target folder first (when it is not the
 * current one), then the tasks this run did not run (--no-install, or left after a failure), then the
 * blueprint's own steps. A task that ran is not a step: the steps say only what is still to do.
 */
export function nextSteps(plan: Pick<Plan, "target" | "nextSteps">, notRun: readonly Task[], cwd = process.cwd()): string[] {
  const steps = [...notRun.map((task) => `${formatCommand(task)}   # ${task.title}`), ...plan.nextSteps];
  if (steps.length === 0) return [];
  const relative = path.relative(cwd, plan.target);
  const cd = relative === "" ? [] : [`cd ${quote(relative.startsWith("..") || path.isAbsolute(relative) ? plan.target : relative)}`];
  return [...cd, ...steps];
}

function quote(dir: string): string {
  return /^[\w@./:=+-]+$/.test(dir) ? dir : JSON.stringify(dir);
}
