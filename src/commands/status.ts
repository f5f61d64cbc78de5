import { existsSync } from "node:fs";
import path from "node:path";
import { readFileStates } from "../manifest/file-states.js";
import { MANIFEST_PATH, parseManifest } from "../manifest/manifest.js";
import { describeRecovery } from "../commit/describe-recovery.js";
import { listRunJournals } from "../commit/journal.js";
import { journalOverlay } from "../commit/journal-overlay.js";
import { recoverInterruptedCommit } from "../commit/rollback.js";
import { withTargetLock } from "../target/with-target-lock.js";
import { Tree } from "../tree/tree.js";
import { reportedState } from "../manifest/task-records.js";
import { formatCommand } from "../tasks/task.js";
import type { CommandIO } from "./io.js";

/** `scaffold status`: the blueprints applied to a folder and, per generated file, whether the user changed it. */
export async function runStatus(args: { dir: string; json: boolean }, io: CommandIO): Promise<number> {
  const root = path.resolve(args.dir);
  // Status only reads, so it takes the lock just to roll back an interrupted run (and never with --json).
  const interrupted = listRunJournals(root).length > 0;
  const recovered = await withTargetLock(root, "status", io, args.json || !interrupted, () => recoverInterruptedCommit(root, { readOnly: args.json }));
  if (!args.json) io.out(describeRecovery(recovered));
  // With a rollback pending (--json writes nothing), report what the folder will be once it is done.
  const tree = new Tree(root, recovered === "pending" ? { overlay: journalOverlay(root) } : {});
  const manifest = parseManifest(existsSync(root) ? tree.readOriginal(MANIFEST_PATH) : null);
  const report = Object.entries(manifest.blueprints).map(([name, applied]) => ({
    name,
    version: applied.version,
    options: applied.options,
    files: readFileStates(root, applied, (file) => tree.readOriginalBytes(file)),
    edited: Object.keys(applied.edits).sort(),
    tasks: (applied.tasks ?? []).map((record) => ({ title: record.title, command: formatCommand(record), state: reportedState(record) })),
  }));
  if (args.json) {
    io.out(`${JSON.stringify({ target: root, recovered, blueprints: report }, null, 2)}\n`);
    return 0;
  }
  if (report.length === 0) {
    io.out(`No blueprint has been applied to ${root} (no ${MANIFEST_PATH}).\n`);
    return 0;
  }
  for (const blueprint of report) {
    const options = Object.entries(blueprint.options).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(",") : String(value)}`);
    io.out(`${blueprint.name}@${blueprint.version}${options.length ? `  (${options.join(" ")})` : ""}\n`);
    for (const file of blueprint.files) io.out(`  ${file.state.padEnd(9)}  ${file.path}\n`);
    for (const file of blueprint.edited) io.out(`  ${"edited".padEnd(9)}  ${file}  (existing file scaffold added to)\n`);
    const counts = ["unchanged", "modified", "deleted"].map((state) => `${blueprint.files.filter((f) => f.state === state).length} ${state}`);
    io.out(`  ${counts.join(", ")}\n`);
    const todo = blueprint.tasks.filter((task) => task.state !== "done");
    for (const task of todo) io.out(`  ${`task ${task.state}`.padEnd(16)}  ${task.command}   # ${task.title}\n`);
    const again = `scaffold ${blueprint.name}${root === process.cwd() ? "" : ` --dir ${args.dir}`}`;
    if (todo.length) io.out(`  \`${again}\` runs ${todo.length === 1 ? "it" : "them"} (or run the command${todo.length === 1 ? "" : "s"} in ${root})\n`);
    io.out("\n");
  }
  return 0;
}
