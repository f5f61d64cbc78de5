import { ScaffoldError } from "../errors.js";
import { didYouMean } from "../usage/closest-name.js";
import type { FeatureDefinition, OptionValue, ResolvedOptions } from "./feature-schema.js";
import { checkValue, parseOptionValue } from "./parse-option-value.js";
import { presetOptions } from "./presets.js";

export interface OptionSources {
  /** Raw `key=value` strings from `--set`. */
  sets: readonly string[];
  /** Options recorded in the manifest by an earlier run, so a re-run keeps them unless overridden. */
  previous?: ResolvedOptions;
  /** A preset of the feature by name (`--preset full`): its options, every other checklist feature off. */
  preset?: string;
  /** Asks for the options not given with --set (interactive terminals only). */
  ask?: (feature: FeatureDefinition, current: ResolvedOptions, fixed: ReadonlySet<string>) => Promise<ResolvedOptions>;
}

/**
 * Resolves every option of a feature: defaults, then what an earlier run recorded, then a preset, then
 * `--set`, then prompts (only for what neither a preset nor `--set` fixed). All problems are collected and reported together, each naming the option.
 */
export async function resolveOptions(feature: FeatureDefinition, sources: OptionSources): Promise<ResolvedOptions> {
  const resolved: ResolvedOptions = {};
  for (const [name, option] of Object.entries(feature.options)) resolved[name] = option.default;
  for (const [name, value] of Object.entries(sources.previous ?? {})) {
    const option = feature.options[name];
    if (option && checkValue(option, value).ok) resolved[name] = value;
  }
  const problems: string[] = [];
  const fixed = new Set<string>();
  if (sources.preset !== undefined) {
    for (const [name, value] of Object.entries(presetOptions(feature, sources.preset))) {
      resolved[name] = value;
      fixed.add(name);
    }
  }
  const known = Object.keys(feature.options);
  for (const assignment of sources.sets) {
    const eq = assignment.indexOf("=");
    if (eq <= 0) {
      problems.push(`--set ${JSON.stringify(assignment)}: expected key=value`);
      continue;
    }
    const name = assignment.slice(0, eq).trim();
    const option = feature.options[name];
    if (!option) {
      problems.push(`unknown option "${name}"${didYouMean(name, known)}; valid options of ${feature.name}: ${known.join(", ") || "(none)"}`);
      continue;
    }
    const parsed = parseOptionValue(option, assignment.slice(eq + 1));
    if (parsed.ok) {
      resolved[name] = parsed.value;
      fixed.add(name);
    } else {
      problems.push(`option "${name}" (${option.type}): ${parsed.problem}`);
    }
  }
  if (problems.length) throw invalidOptions(feature.name, problems, problems.some((p) => p.startsWith("unknown")));
  return sources.ask ? { ...resolved, ...(await sources.ask(feature, resolved, fixed)) } : resolved;
}

function invalidOptions(blueprint: string, problems: string[], unknown: boolean): ScaffoldError {
  return new ScaffoldError(
    unknown ? "OPTION_UNKNOWN" : "OPTION_INVALID",
    `The options given for ${blueprint} are not valid.`,
    `Run \`scaffold list\` to see each option of ${blueprint} with its type and allowed values.`,
    problems,
  );
}

export type { OptionValue };
