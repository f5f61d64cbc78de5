import { askOption, type Prompts } from "./ask-option.js";
import type { FeatureDefinition, OptionDefinition, OptionValue, ResolvedOptions } from "./feature-schema.js";
import type { ChecklistItem, Questions } from "./questions-schema.js";

/**
 * The short interview: the first questions (e.g. the driver), one checklist of features under their group
 * titles, then only the follow-ups of the features chosen (a daily limit once the limit is checked).
 * Features fixed by a preset or `--set` are left out; options neither first nor in the list are not asked.
 */
export async function promptChecklist(
  prompts: Prompts,
  feature: FeatureDefinition,
  questions: Questions,
  current: ResolvedOptions,
  fixed: ReadonlySet<string>,
): Promise<ResolvedOptions> {
  const answers: ResolvedOptions = {};
  for (const name of questions.first) {
    if (!fixed.has(name)) answers[name] = await askOption(prompts, feature.options[name]!, current[name]!);
  }
  const groups = questions.checklist.groups
    .map((group) => ({ title: group.title, items: group.items.filter((item) => !fixed.has(item.option)) }))
    .filter((group) => group.items.length > 0);
  if (groups.length === 0) return answers;
  const choices = groups.flatMap((group) => [
    new prompts.Separator(group.title),
    ...group.items.map((item) => ({
      value: item.option,
      name: item.label,
      short: item.option,
      description: feature.options[item.option]!.description,
      checked: isOn(feature.options[item.option]!, item, current[item.option]!),
    })),
  ]);
  const rows = process.stdout.rows || 24;
  const chosen = new Set(
    await prompts.checkbox({ message: questions.checklist.message, choices, loop: false, pageSize: Math.min(choices.length, Math.max(5, rows - 6)) }),
  );
  for (const item of groups.flatMap((group) => group.items)) {
    const option = feature.options[item.option]!;
    if (option.type === "boolean") answers[item.option] = chosen.has(item.option);
    else if (!chosen.has(item.option)) answers[item.option] = item.off!;
    else answers[item.option] = await followUp(prompts, option, item, current[item.option]!);
  }
  return answers;
}

function isOn(option: OptionDefinition, item: ChecklistItem, value: OptionValue): boolean {
  return option.type === "boolean" ? value === true : value !== item.off;
}

/** The question a chosen feature needs: its value, suggested by `on` unless it already has one. */
async function followUp(prompts: Prompts, option: OptionDefinition, item: ChecklistItem, value: OptionValue): Promise<OptionValue> {
  const suggested = value === item.off ? item.on! : value;
  if (option.type !== "enum") return askOption(prompts, option, suggested);
  const remaining = option.values.filter((each) => each !== item.off);
  return remaining.length === 1 ? remaining[0]! : askOption(prompts, option, suggested, remaining);
}
