import { statSync } from "node:fs";
import path from "node:path";
import { ScaffoldError } from "../errors.js";

/**
 * `status`, `remove` and `migrate` work on an existing project: a mistyped --dir is said as such, not
 * reported as "no blueprint applied" or a missing drizzle config.
 */
export function requireFolder(dir: string, command: string): void {
  const absolute = path.resolve(dir);
  const stats = statSync(absolute, { throwIfNoEntry: false });
  if (stats?.isDirectory()) return;
  throw new ScaffoldError(
    "TARGET_INVALID",
    stats ? `${absolute} is a file, not a project folder.` : `There is no folder ${absolute}.`,
    `Pass the project's folder with --dir (\`scaffold ${command}\` works on an existing project).`,
  );
}
