import type { ResolvedOptions } from "../blueprint/feature-schema.js";
import type { Tree } from "../tree/tree.js";
import { basePath, serializeBase } from "./base-store.js";
import { hashContent, MANIFEST_PATH, recordBlueprint, serializeManifest, type Manifest } from "./manifest.js";

/**
 * Records this run in the manifest, staged on the tree like any other write so it commits atomically with
 * the files it describes. Files an earlier run generated that this run no longer produces (an option turned
 * off) are removed when untouched, and kept with a warning when the user changed them.
 */
export function stageManifest(
  tree: Tree,
  manifest: Manifest,
  blueprint: { name: string; version: string; options: ResolvedOptions },
  warn: (message: string) => void,
): void {
  const previous = manifest.blueprints[blueprint.name];
  const files: Record<string, string> = {};
  const edits: Record<string, string[]> = { ...previous?.edits };
  for (const write of tree.listWrites()) {
    if (write.content === null) continue;
    if (write.origins.some((origin) => origin.kind === "template")) {
      files[write.path] = write.content;
      delete edits[write.path];
    } else {
      const names = write.origins.flatMap((origin) => (origin.kind === "edit" ? [origin.transformer] : []));
      edits[write.path] = [...new Set([...(edits[write.path] ?? []), ...names])].sort();
    }
  }
  for (const [file, recorded] of Object.entries(previous?.files ?? {})) {
    if (file in files) continue;
    const current = tree.readOriginal(file);
    if (current === null) continue;
    if (hashContent(current) === recorded.hash) tree.delete(file);
    else warn(`${file} is no longer generated but you changed it, so it was kept; delete it if you no longer need it.`);
  }
  const next = recordBlueprint(manifest, blueprint.name, { version: blueprint.version, options: blueprint.options, files, edits });
  tree.write(MANIFEST_PATH, serializeManifest(next), { kind: "edit", transformer: "record-manifest" });
  tree.write(basePath(blueprint.name), serializeBase(files), { kind: "edit", transformer: "record-manifest" });
}
