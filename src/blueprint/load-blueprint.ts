import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ScaffoldError } from "../errors.js";
import type { BlueprintDefinition } from "./define-blueprint.js";

/**
 * Loads a blueprint.ts at run time. Blueprints are TypeScript, also when scaffold runs from its built
 * package, so they go through jiti (loaded only here: it is not needed for --help or list). The bare
 * specifier `scaffold` is aliased to this very package, so a blueprint imports the engine it runs in.
 */
export async function loadBlueprintModule(dir: string): Promise<BlueprintDefinition> {
  const file = path.join(dir, "blueprint.ts");
  if (!existsSync(file)) {
    throw new ScaffoldError("BLUEPRINT_INVALID", `${file} is missing.`, "A blueprint folder holds feature.json and blueprint.ts.");
  }
  const { createJiti } = await import("jiti");
  const jiti = createJiti(import.meta.url, {
    alias: { "scaffold/edits": engineEntry("edits/index"), scaffold: engineEntry("index") },
    tryNative: true,
    // Compiled blueprints are cached by content hash (jiti's own cache), so a run after the first skips babel.
    fsCache: true,
  });
  let loaded: unknown;
  try {
    loaded = await jiti.import(file, { default: true });
  } catch (error) {
    throw new ScaffoldError(
      "BLUEPRINT_INVALID",
      `${file} could not be loaded: ${(error as Error).message}`,
      "Fix the error in blueprint.ts (it must `export default defineBlueprint({ plan(ctx) { … } })`).",
    );
  }
  if (!loaded || typeof loaded !== "object" || typeof (loaded as BlueprintDefinition).plan !== "function") {
    throw new ScaffoldError(
      "BLUEPRINT_INVALID",
      `${file} does not export a blueprint: its default export needs a plan() function.`,
      "Write `export default defineBlueprint({ plan(ctx) { … } })` in blueprint.ts.",
    );
  }
  return loaded as BlueprintDefinition;
}

/** An engine entry point: built JavaScript when running from dist, the TypeScript source under tests. */
function engineEntry(name: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const js = path.join(here, "..", `${name}.js`);
  return existsSync(js) ? js : path.join(here, "..", `${name}.ts`);
}
