import type { ResolvedOptions } from "../blueprint/feature-schema.js";
import type { Tree } from "../tree/tree.js";
import { basePath, parseBase, recordEdit, serializeBase, type BaseStore, type RecordedEdit } from "./base-store.js";
import { hashContent, MANIFEST_PATH, recordBlueprint, serializeManifest, type Manifest } from "./manifest.js";

/**
 * Records this run in the manifest, staged on the tree like any other write so it commits atomically with
 * the files it describes. Files an earlier run generated that this run no longer produces (an option turned
 * off) are removed when untouched, and kept with a warning when the user changed them. Each edit to a file
 * the blueprint does not own is recorded as a patch beside the base, so `remove` can reverse it later.
 */
export function stageManifest(
  tree: Tree,
  manifest: Manifest,
  blueprint: { name: string; version: string; options: ResolvedOptions },
  warn: (message: string) => void,
): void {
  const previous = manifest.blueprints[blueprint.name];
  const files: Record<string, string | Uint8Array> = {};
  const edits: Record<string, string[]> = { ...previous?.edits };
  const stored = previous ? parseBase(tree.readOriginal(basePath(blueprint.name))) : null;
  const patches: Record<string, RecordedEdit[]> = { ...stored?.edits };
  for (const write of tree.listWrites()) {
    if (write.content === null) continue;
    if (write.origins.some((origin) => origin.kind === "template")) {
      files[write.path] = write.content;
      delete edits[write.path];
      delete patches[write.path];
    } else if (typeof write.content === "string") {
      const names = write.origins.flatMap((origin) => (origin.kind === "edit" ? [origin.transformer] : []));
      edits[write.path] = [...new Set([...(edits[write.path] ?? []), ...names])].sort();
      const before = tree.readOriginal(write.path);
      if (before !== write.content) patches[write.path] = [...(patches[write.path] ?? []), recordEdit(write.path, before, write.content)];
    }
  }
  for (const [file, recorded] of Object.entries(previous?.files ?? {})) {
    if (file in files) continue;
    const current = tree.readOriginalBytes(file);
    if (current === null) continue;
    if (hashContent(current) === recorded.hash) tree.delete(file);
    else warn(`${file} is no longer generated but you changed it, so it was kept; delete it if you no longer need it.`);
  }
  // Task records are kept as they are here; the run's tasks are staged once the plan knows whether it writes.
  const next = recordBlueprint(manifest, blueprint.name, { version: blueprint.version, options: blueprint.options, files, edits, ...(previous?.tasks ? { tasks: previous.tasks } : {}) });
  tree.write(MANIFEST_PATH, serializeManifest(next), { kind: "edit", transformer: "record-manifest" });
  tree.write(basePath(blueprint.name), baseText(tree, blueprint.name, { files: textOnly(files), edits: patches }, stored), { kind: "edit", transformer: "record-manifest" });
}

/**
 * A store in the first, files-only shape that says the same thing is left as it is, so that a re-run after
 * upgrading scaffold stays a no-op rather than rewriting it (and running the tasks again).
 */
function baseText(tree: Tree, name: string, next: Omit<BaseStore, "recordsEdits">, stored: BaseStore | null): string {
  const current = tree.readOriginal(basePath(name));
  const unchanged = stored !== null && !stored.recordsEdits && Object.keys(next.edits).length === 0 && serializeBase(stored) === serializeBase(next);
  return current !== null && unchanged ? current : serializeBase(next);
}

/** The base keeps text for three-way merges; a binary file is never merged, so only its hash is recorded. */
function textOnly(files: Record<string, string | Uint8Array>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
