import path from "node:path";
import { journalOverlay } from "../commit/journal-overlay.js";
import { recoverInterruptedCommit } from "../commit/rollback.js";
import { basePath, parseBase } from "../manifest/base-store.js";
import type { PlanEntry } from "../manifest/classify-changes.js";
import { readFileStates } from "../manifest/file-states.js";
import { MANIFEST_PATH, parseManifest, serializeManifest, type AppliedBlueprint, type Manifest } from "../manifest/manifest.js";
import { Tree } from "../tree/tree.js";
import { findAppliedBlueprint } from "./find-applied-blueprint.js";
import type { Plan } from "./plan.js";
import { keep, type RemovalNotes } from "./removal-notes.js";
import { stageEditUndos } from "./stage-edit-undos.js";

export interface RemovalRequest {
  /** The name the blueprint was applied under, or a path to its folder. */
  blueprint: string;
  /** Target folder. */
  dir: string;
  /** Where relative blueprint paths are resolved from. */
  cwd?: string;
  /** Delete generated files the user changed too. */
  force?: boolean;
  /** Dry run or --json: write nothing, not even the rollback of an interrupted run (it is reported instead). */
  readOnly?: boolean;
}

/** Said on every removal: what scaffold cannot take back, because it never recorded it as a file it wrote. */
export const LEFT_IN_PLACE =
  "What the blueprint's tasks produced is left in place (installed packages, lockfile entries, generated migrations), " +
  "and database tables its migrations created are not dropped; `--drop-tables` writes the migration that drops them.";

/**
 * Plans removing a blueprint from a target: its untouched generated files are deleted, its edits to other
 * files reversed, and its manifest entry and base dropped. Built on a Tree like any plan, so a dry run and
 * the commit are the same as for adding. Reads the disk; never writes, except to undo an interrupted run.
 */
export async function planRemoval(request: RemovalRequest): Promise<Plan> {
  const root = path.resolve(request.dir);
  const recovered = recoverInterruptedCommit(root, { readOnly: request.readOnly ?? false });
  const tree = new Tree(root, recovered === "pending" ? { overlay: journalOverlay(root) } : {});
  const manifest = parseManifest(tree.readOriginal(MANIFEST_PATH));
  const { name, applied } = findAppliedBlueprint(request.blueprint, manifest, root, request.cwd ?? process.cwd());
  const notes: RemovalNotes = { kept: [], reasons: new Map(), nextSteps: [] };
  stageGeneratedDeletes(tree, applied, request.force ?? false, notes);
  stageEditUndos(tree, applied, parseBase(tree.readOriginal(basePath(name))), notes);
  stageForgetting(tree, manifest, name);
  const changed: PlanEntry[] = tree.listChanges().map((change) => ({
    path: change.path,
    status: change.type,
    before: change.before,
    after: change.after,
    transformers: applied.edits[change.path] ?? [],
    ...(change.binary ? { binary: true as const } : {}),
    ...(notes.reasons.has(change.path) ? { reason: notes.reasons.get(change.path) } : {}),
  }));
  if (changed.some((entry) => entry.path === "package.json" && entry.status === "update")) {
    notes.nextSteps.push("Run your package manager's install (e.g. `npm install`) so node_modules and the lockfile drop the removed dependencies.");
  }
  return {
    blueprint: { name, version: applied.version, dir: "" },
    target: root,
    newProject: false,
    options: applied.options,
    entries: [...changed, ...notes.kept].sort((a, b) => a.path.localeCompare(b.path)),
    tasks: [],
    warnings: [LEFT_IN_PLACE],
    nextSteps: notes.nextSteps,
    recovered,
  };
}

/** Deletes what the blueprint generated, unless the user changed it since (then only with --force). */
function stageGeneratedDeletes(tree: Tree, applied: AppliedBlueprint, force: boolean, notes: RemovalNotes): void {
  for (const file of readFileStates(tree.root, applied, (each) => tree.readOriginalBytes(each))) {
    if (file.state === "deleted") {
      notes.kept.push(keep(file.path, "already deleted"));
    } else if (file.state === "unchanged") {
      tree.delete(file.path);
    } else if (force) {
      tree.delete(file.path);
      notes.reasons.set(file.path, "you changed it; deleted because of --force");
    } else {
      notes.kept.push(keep(file.path, "kept (you changed it); --force deletes it"));
    }
  }
}

/** Drops the blueprint from the manifest (the file goes when no blueprint is left) and deletes its base. */
function stageForgetting(tree: Tree, manifest: Manifest, name: string): void {
  const origin = { kind: "edit", transformer: "record-manifest" } as const;
  const rest = Object.fromEntries(Object.entries(manifest.blueprints).filter(([other]) => other !== name));
  if (Object.keys(rest).length) tree.write(MANIFEST_PATH, serializeManifest({ ...manifest, blueprints: rest }), origin);
  else tree.delete(MANIFEST_PATH, origin);
  tree.delete(basePath(name), origin);
}
