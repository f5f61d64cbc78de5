/** The programmatic API: what the CLI uses and what tests and other tools call. */
export { defineBlueprint } from "./blueprint/define-blueprint.js";
export type { BlueprintContext, BlueprintDefinition, BlueprintHelpers, PreviousRun } from "./blueprint/define-blueprint.js";
export type { FeatureDefinition, OptionDefinition, OptionValue, ResolvedOptions } from "./blueprint/feature-schema.js";
export { featureSchema } from "./blueprint/feature-schema.js";
export { planBlueprint, type PlanRequest } from "./engine/plan-blueprint.js";
export { planRemoval, type RemovalRequest } from "./engine/plan-removal.js";
export { applyPlan, type ApplyOptions, type ApplyResult } from "./engine/apply-plan.js";
export type { Plan } from "./engine/plan.js";
export { ScaffoldError, type ErrorCode } from "./errors.js";
export type { Project } from "./project/project.js";
export { detectProject } from "./project/detect-project.js";
export { allowsAtLeast } from "./project/version-range.js";
export type { Task } from "./tasks/task.js";
export { Tree } from "./tree/tree.js";
export { addPackageDependencies } from "./edits/add-package-dependencies.js";
export { ensureLines, envKeyOf } from "./edits/ensure-lines.js";
