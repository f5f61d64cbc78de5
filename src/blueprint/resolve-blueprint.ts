import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ScaffoldError } from "../errors.js";
import { bundledBlueprintsDir, packageRoot } from "../package-root.js";

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
    const guess = closest(reference, bundled);
    throw new ScaffoldError(
      "BLUEPRINT_NOT_FOUND",
      `There is no bundled blueprint named "${reference}"${guess ? ` (did you mean "${guess}"?)` : ""}.`,
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

function closest(input: string, names: string[]): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const name of names) {
    const distance = levenshtein(input.toLowerCase(), name);
    if (distance <= Math.max(2, name.length / 3) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
