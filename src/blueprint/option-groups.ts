import type { FeatureDefinition } from "./feature-schema.js";

export interface OptionGroup {
  /** The checklist group's title; null for a feature without `questions` (one plain list). */
  title: string | null;
  options: string[];
}

/**
 * The options in the order a terminal asks them, under the same titles: the first questions, each
 * checklist group, then the options only `--set` or a preset changes. `scaffold list` prints this.
 */
export function groupOptions(feature: FeatureDefinition): OptionGroup[] {
  const all = Object.keys(feature.options);
  if (!feature.questions) return all.length ? [{ title: null, options: all }] : [];
  const groups: OptionGroup[] = [
    { title: "Asked first", options: feature.questions.first },
    ...feature.questions.checklist.groups.map((group) => ({ title: group.title, options: group.items.map((item) => item.option) })),
  ];
  const placed = new Set(groups.flatMap((group) => group.options));
  groups.push({ title: "Other options", options: all.filter((name) => !placed.has(name)) });
  return groups.filter((group) => group.options.length > 0);
}
