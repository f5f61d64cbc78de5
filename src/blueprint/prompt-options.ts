import { askOption } from "./ask-option.js";
import type { FeatureDefinition, ResolvedOptions } from "./feature-schema.js";
import { promptChecklist } from "./prompt-checklist.js";

/**
 * Asks for the options not fixed by a preset or `--set`, current values as defaults. A feature with
 * `questions` gets its first questions, one checklist and the follow-ups of what was chosen; one without
 * is asked option by option. The prompt library is loaded only when a terminal is actually asked something.
 */
export async function promptOptions(feature: FeatureDefinition, current: ResolvedOptions, fixed: ReadonlySet<string>): Promise<ResolvedOptions> {
  const prompts = await import("@inquirer/prompts");
  if (feature.questions) return promptChecklist(prompts, feature, feature.questions, current, fixed);
  const answers: ResolvedOptions = {};
  for (const [name, option] of Object.entries(feature.options)) {
    if (!fixed.has(name)) answers[name] = await askOption(prompts, option, current[name]!);
  }
  return answers;
}
