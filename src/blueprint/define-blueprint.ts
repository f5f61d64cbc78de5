import type { Project } from "../project/project.js";
import type { Task } from "../tasks/task.js";
import type { Tree } from "../tree/tree.js";
import type { FeatureDefinition, ResolvedOptions } from "./feature-schema.js";

/** What a recipe may do besides writing files: render templates and apply named transformers. */
export interface BlueprintHelpers {
  /** Renders `templates/<name>/<folder>` into the tree; returns the paths written. */
  renderFolder(
    folder: string,
    context: object,
    options?: { exclude?: (outputPath: string) => boolean; pathVars?: Record<string, string> },
  ): string[];
  /** Whether the blueprint has a template folder (optional pieces, e.g. one folder per option and layer). */
  hasTemplates(folder: string): boolean;
  /** Renders one template file (path relative to the blueprint's templates) to a path the recipe computed. */
  renderFile(template: string, outputPath: string, context: object): void;
  /** How `fromFile` imports `<sourceRoot>/<modulePath>` in this project's style (alias or relative). */
  moduleSpecifier(fromFile: string, modulePath: string): string;
  /** Applies a named transformer to a file (or to nothing, when it does not exist yet). */
  edit(file: string, transformer: string, transform: (source: string | null) => string): void;
  /** A task running a package binary through the project's package manager. */
  execTask(title: string, bin: string, args: string[], hint: string): Task;
  /** The task that installs the project's dependencies. */
  installTask(): Task;
  warn(message: string): void;
  nextStep(message: string): void;
}

/** What an earlier run of this blueprint recorded in the target's manifest. */
export interface PreviousRun {
  version: string;
  options: ResolvedOptions;
  /** The files it generated (whether or not they still exist). */
  files: string[];
}

export interface BlueprintContext<Options extends ResolvedOptions = ResolvedOptions> {
  tree: Tree;
  options: Options;
  project: Project;
  /** The earlier run on this target, or null on the first. A recipe must keep generating what it generated then. */
  previous: PreviousRun | null;
  feature: FeatureDefinition;
  helpers: BlueprintHelpers;
}

export interface BlueprintDefinition<Options extends ResolvedOptions = ResolvedOptions> {
  /**
   * Checks the target and the option combination before anything is planned. Returns every problem found
   * (empty when fine), each saying what is wrong and why, so they are reported together.
   */
  validate?(options: Options, project: Project, previous: PreviousRun | null): string[];
  /** The recipe: stage changes on the tree and return the tasks to run after commit. */
  plan(context: BlueprintContext<Options>): Task[] | Promise<Task[]>;
}

/** Typed identity for blueprint authors: `export default defineBlueprint<MyOptions>({ plan(ctx) { … } })`. */
export function defineBlueprint<Options extends ResolvedOptions = ResolvedOptions>(
  definition: BlueprintDefinition<Options>,
): BlueprintDefinition<Options> {
  return definition;
}
