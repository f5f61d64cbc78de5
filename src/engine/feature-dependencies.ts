import type { FeatureDefinition, ResolvedOptions } from "../blueprint/feature-schema.js";
import type { PackageAdditions } from "../edits/add-package-dependencies.js";

/** The packages and scripts a feature adds with these options: its own list plus the groups whose condition holds. */
export function featureDependencies(feature: FeatureDefinition, options: ResolvedOptions): PackageAdditions {
  const dependencies = { ...feature.dependencies };
  const devDependencies = { ...feature.devDependencies };
  for (const group of feature.conditionalDependencies) {
    if (options[group.option] !== group.equals) continue;
    Object.assign(dependencies, group.dependencies);
    Object.assign(devDependencies, group.devDependencies);
  }
  return { dependencies, devDependencies, scripts: feature.scripts };
}
