import { ScaffoldError } from "../errors.js";
import type { FeatureDefinition, OptionValue, ResolvedOptions } from "./feature-schema.js";

/**
 * The options a preset fixes: the ones it names, and every checklist feature it does not name turned off,
 * so `--preset minimal` means the same on a re-run as on a first run.
 */
export function presetOptions(feature: FeatureDefinition, name: string): ResolvedOptions {
  const preset = feature.presets[name];
  if (!preset) {
    const known = Object.keys(feature.presets);
    throw new ScaffoldError(
      "OPTION_UNKNOWN",
      `${feature.name} has no preset "${name}".`,
      known.length ? `Choose one of: ${known.join(", ")} (see \`scaffold list\`).` : `${feature.name} defines no presets; choose options with --set.`,
    );
  }
  const options: ResolvedOptions = {};
  for (const group of feature.questions?.checklist.groups ?? []) {
    for (const item of group.items) options[item.option] = offValue(feature, item.option, item.off);
  }
  return { ...options, ...preset.options };
}

function offValue(feature: FeatureDefinition, option: string, off: OptionValue | undefined): OptionValue {
  return off ?? (feature.options[option]?.type === "boolean" ? false : feature.options[option]!.default);
}
