import { loadFeature } from "../blueprint/load-feature.js";
import { resolveBlueprint } from "../blueprint/resolve-blueprint.js";
import { ScaffoldError } from "../errors.js";
import { MANIFEST_PATH, type AppliedBlueprint, type Manifest } from "../manifest/manifest.js";

/**
 * Finds the manifest entry a command names: by the name it was recorded under, or through a path to the
 * blueprint's folder (whose feature.json gives the name). Only the manifest is needed to undo a blueprint,
 * so a bundled name works even after the blueprint itself was renamed or dropped from scaffold.
 */
export function findAppliedBlueprint(reference: string, manifest: Manifest, root: string, cwd: string): { name: string; applied: AppliedBlueprint } {
  const looksLikePath = reference.includes("/") || reference.includes("\\") || reference.startsWith(".");
  let name = reference;
  if (!manifest.blueprints[reference] && looksLikePath) {
    const location = resolveBlueprint(reference, cwd);
    name = loadFeature(`${location.dir}/feature.json`, location.displayPath).name;
  }
  const applied = manifest.blueprints[name];
  if (applied) return { name, applied };
  const names = Object.keys(manifest.blueprints).sort();
  throw new ScaffoldError(
    "BLUEPRINT_NOT_APPLIED",
    `"${name}" is not applied in ${root}: ${MANIFEST_PATH} has no record of it, so there is nothing of it to remove.`,
    names.length
      ? `Blueprints applied here: ${names.join(", ")}. Check the name, or pass --dir for another folder (\`scaffold status\` lists them).`
      : "No blueprint has been applied in this folder; pass --dir to point at the project you applied it to.",
  );
}
