import type { FeatureDefinition } from "../blueprint/feature-schema.js";
import { loadBlueprintModule } from "../blueprint/load-blueprint.js";
import { loadFeature } from "../blueprint/load-feature.js";
import { resolveBlueprint } from "../blueprint/resolve-blueprint.js";
import { resolveOptions, type OptionSources } from "../blueprint/resolve-options.js";
import { journalOverlay } from "../commit/journal-overlay.js";
import { recoverInterruptedCommit } from "../commit/rollback.js";
import { addPackageDependencies } from "../edits/add-package-dependencies.js";
import { ScaffoldError } from "../errors.js";
import { basePath, readBase } from "../manifest/base-store.js";
import { classifyChanges } from "../manifest/classify-changes.js";
import { MANIFEST_PATH, parseManifest } from "../manifest/manifest.js";
import { stageManifest } from "../manifest/stage-manifest.js";
import { detectProject } from "../project/detect-project.js";
import { formatWithProjectPrettier } from "../render/format-with-prettier.js";
import { Tree } from "../tree/tree.js";
import { createBlueprintHelpers } from "./blueprint-helpers.js";
import { featureDependencies } from "./feature-dependencies.js";
import { pendingWrites, type Plan } from "./plan.js";
import { stageTasks } from "./plan-tasks.js";

export interface PlanRequest {
  /** Bundled blueprint name or path to a blueprint folder. */
  blueprint: string;
  /** Target folder. */
  dir: string;
  /** Where relative blueprint paths are resolved from. */
  cwd?: string;
  sets?: readonly string[];
  /** A preset of the blueprint's feature.json by name; `--set` still overrides it. */
  preset?: string;
  force?: boolean;
  ask?: OptionSources["ask"];
  /** Dry run or --json: write nothing, not even the rollback of an interrupted run (it is reported instead). */
  readOnly?: boolean;
}

/** Builds the full plan of applying a blueprint to a target. Reads the disk; never writes, except to undo an interrupted run. */
export async function planBlueprint(request: PlanRequest): Promise<Plan> {
  const cwd = request.cwd ?? process.cwd();
  const location = resolveBlueprint(request.blueprint, cwd);
  const feature = loadFeature(`${location.dir}/feature.json`, location.displayPath);
  const recovered = recoverInterruptedCommit(request.dir, { readOnly: request.readOnly ?? false });
  const project = await detectProject(request.dir);
  const tree = new Tree(project.root, recovered === "pending" ? { overlay: journalOverlay(project.root) } : {});
  const manifest = parseManifest(tree.readOriginal(MANIFEST_PATH));
  const previous = manifest.blueprints[feature.name];
  const options = await resolveOptions(feature, { sets: request.sets ?? [], previous: previous?.options, preset: request.preset, ask: request.ask });
  const blueprint = await loadBlueprintModule(location.dir);
  const previousRun = previous ? { version: previous.version, options: previous.options, files: Object.keys(previous.files) } : null;
  const problems = [
    ...missingRequirements(feature, Object.keys(manifest.blueprints)),
    ...(blueprint.validate?.(options, project, previousRun) ?? []),
  ];
  if (problems.length) {
    throw new ScaffoldError(
      "TARGET_NOT_SUPPORTED",
      `${feature.name} cannot be applied to ${project.root} with these options.`,
      "Fix each problem listed (or choose other options with --set), then run again; nothing was written.",
      problems,
    );
  }
  const sinks = { warnings: [] as string[], nextSteps: [] as string[] };
  const helpers = createBlueprintHelpers(tree, project, location.templatesDir, sinks);
  const tasks = await blueprint.plan({ tree, options, project, feature, helpers, previous: previousRun });
  if (tree.exists("package.json")) {
    helpers.edit("package.json", "add-package-dependencies", (source) => addPackageDependencies(source ?? "{}", featureDependencies(feature, options)));
  }
  await formatWithProjectPrettier(tree, project.root);
  stageManifest(tree, manifest, { name: feature.name, version: feature.version, options }, (message) => sinks.warnings.push(message));
  const classify = () => {
    const changes = tree.listChanges();
    const changed = new Set(changes.map((change) => change.path));
    const unchanged = tree.listWrites().map((write) => write.path).filter((file) => !changed.has(file));
    return classifyChanges(changes, unchanged, {
      previous,
      baseOf: readBase(tree.readOriginal(basePath(feature.name)), previous),
      force: request.force ?? false,
      label: `${feature.name}@${feature.version}`,
    });
  };
  const classified = classify();
  const staged = stageTasks(tree, feature.name, tasks, previous?.tasks ?? [], pendingWrites({ entries: classified }).length > 0);
  return {
    blueprint: { name: feature.name, version: feature.version, dir: location.dir },
    target: project.root,
    newProject: project.isNew,
    options,
    entries: staged.restaged ? classify() : classified,
    tasks: staged.tasks,
    warnings: sinks.warnings,
    nextSteps: sinks.nextSteps,
    recovered,
  };
}

function missingRequirements(feature: FeatureDefinition, applied: string[]): string[] {
  return feature.requires
    .filter((name) => !applied.includes(name))
    .map((name) => `${feature.name} needs the "${name}" blueprint applied first (run \`scaffold ${name}\`).`);
}
