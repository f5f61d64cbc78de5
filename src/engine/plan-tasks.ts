import { MANIFEST_PATH, parseManifest, recordTasks, serializeManifest } from "../manifest/manifest.js";
import { mergeRecords, outstandingRecords, toTask, type TaskRecord } from "../manifest/task-records.js";
import { dependenciesInstalled } from "../project/dependencies-installed.js";
import type { Task } from "../tasks/task.js";
import type { Tree } from "../tree/tree.js";

/**
 * Decides which tasks a run runs and stages their records in the manifest, so they are committed with the
 * files. A run that writes runs its own tasks plus what earlier runs left to do (failed, never ran,
 * interrupted); a run that writes nothing runs only the latter, which is why an unchanged target whose
 * install failed is not "nothing to do". An install is left out when the dependencies were installed after
 * package.json last changed and this run does not change it (also one an earlier run left, done by hand
 * since). `restaged` says the staged manifest changed.
 */
export function stageTasks(tree: Tree, blueprint: string, tasks: readonly Task[], earlier: readonly TaskRecord[], writes: boolean): { tasks: Task[]; restaged: boolean } {
  const installed = !tree.listChanges().some((change) => change.path === "package.json") && dependenciesInstalled(tree.root);
  const current = earlier.filter((record) => !(installed && record.installs && record.state !== "done"));
  const records = writes ? mergeRecords(tasks.filter((task) => !(installed && task.installs)), current) : current;
  const toRun = (writes ? records : outstandingRecords(current)).map(toTask);
  if (JSON.stringify(records) === JSON.stringify(earlier)) return { tasks: toRun, restaged: false };
  const manifest = parseManifest(tree.read(MANIFEST_PATH));
  tree.write(MANIFEST_PATH, serializeManifest(recordTasks(manifest, blueprint, records)), { kind: "edit", transformer: "record-manifest" });
  return { tasks: toRun, restaged: true };
}

