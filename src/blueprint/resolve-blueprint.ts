import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ScaffoldError } from "../errors.js";
import { bundledBlueprintsDir, packageRoot } from "../package-root.js";
import { didYouMean } from "../usage/closest-name.js";

export interface BlueprintLocation {
  /** Folder holding feature.json and blueprint.ts. */
  dir: string;
  /** Folder of the blueprint's templates: `templates/` beside feature.json, else the bundled `templates/<name>/`. */
  templatesDir: string;
  bundled: boolean;
  /** How to name the feature.json in messages. */
  displayPath: string;
}

export function listBundledBlueprints(): string[] {
  const dir = bundledBlueprintsDir();
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, "feature.json")))
    .sort();
}

/**
 * Finds a blueprint by bundled name, or by a path to a folder holding feature.json + blueprint.ts (so teams
 * can keep their own blueprints in their repository). A path is anything with a slash or a leading dot.
 */
export function resolveBlueprint(reference: string, cwd: string): BlueprintLocation {
  const looksLikePath = reference.includes("/") || reference.includes(path.sep) || reference.startsWith(".");
  if (looksLikePath) {
    const dir = path.resolve(cwd, reference);
    if (!existsSync(dir) || !statSync(dir).isDirectory() || !existsSync(path.join(dir, "feature.json"))) {
      throw new ScaffoldError(
        "BLUEPRINT_NOT_FOUND",
        `No blueprint at ${dir}: a blueprint folder holds feature.json and blueprint.ts.`,
        "Check the path, or run `scaffold list` to see the bundled blueprints.",
      );
    }
    const local = path.join(dir, "templates");
    return { dir, templatesDir: local, bundled: false, displayPath: path.relative(cwd, path.join(dir, "feature.json")) || "feature.json" };
  }
  const bundled = listBundledBlueprints();
  if (!bundled.includes(reference)) {
    throw new ScaffoldError(
      "BLUEPRINT_NOT_FOUND",
      `There is no bundled blueprint named "${reference}"${didYouMean(reference, bundled)}.`,
      "Run `scaffold list` to see the bundled blueprints, or pass a path to a blueprint folder.",
    );
  }
  const dir = path.join(bundledBlueprintsDir(), reference);
  return {
    dir,
    templatesDir: path.join(packageRoot(), "templates", reference),
    bundled: true,
    displayPath: `blueprints/${reference}/feature.json`,
  };
}
