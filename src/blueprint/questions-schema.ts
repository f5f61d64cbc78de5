import { z } from "zod";
import type { OptionDefinition, OptionValue } from "./feature-schema.js";
import { checkValue } from "./parse-option-value.js";

const value = z.union([z.boolean(), z.string(), z.number(), z.array(z.string())]);

/**
 * One feature in the checklist. A boolean option is on when checked. Any other option names its `off`
 * value (unchecked) and the value `on` suggests when checked; its own prompt is then asked as a follow-up,
 * so the question comes only with the feature (an enum with a single value besides `off` needs none).
 */
const checklistItem = z.strictObject({
  option: z.string(),
  label: z.string().min(1),
  off: value.optional(),
  on: value.optional(),
});

/**
 * How a terminal asks for the options: `first` one by one (e.g. the database driver), then one grouped
 * checklist of features, then only the follow-ups of the features chosen. Options in neither are not
 * asked (their default, a preset or `--set` decides). Without `questions`, every option is asked in turn.
 */
export const questionsSchema = z.strictObject({
  first: z.array(z.string()).default([]),
  checklist: z.strictObject({
    message: z.string().min(1),
    groups: z.array(z.strictObject({ title: z.string().min(1), items: z.array(checklistItem).min(1) })).min(1),
  }),
});

/** Named sets of options (`--preset full`); checklist features a preset does not name are off. */
export const presetsSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9-]*$/, "preset names must be kebab-case"),
  z.strictObject({ description: z.string().min(1), options: z.record(z.string(), value).default({}) }),
);

export type Questions = z.infer<typeof questionsSchema>;
export type ChecklistItem = z.infer<typeof checklistItem>;
export type Presets = z.infer<typeof presetsSchema>;

interface Checked {
  options: Record<string, OptionDefinition>;
  questions?: Questions | undefined;
  presets: Presets;
}
type Issue = { path: Array<string | number>; message: string };

/** Every name in `questions` and `presets` is an option, each asked once, every value valid for its option. */
export function questionProblems({ options, questions, presets }: Checked): Issue[] {
  const issues: Issue[] = [];
  const known = (name: string, path: Array<string | number>) => {
    if (name in options) return true;
    issues.push({ path, message: `names no option (known: ${Object.keys(options).join(", ") || "none"})` });
    return false;
  };
  const valid = (option: OptionDefinition, candidate: OptionValue, path: Array<string | number>) => {
    const checked = checkValue(option, candidate);
    if (!checked.ok) issues.push({ path, message: checked.problem });
  };
  const asked = new Set<string>();
  const once = (name: string, path: Array<string | number>) => {
    if (asked.has(name)) issues.push({ path, message: `${name} is asked more than once` });
    asked.add(name);
  };
  questions?.first.forEach((name, index) => known(name, ["questions", "first", index]) && once(name, ["questions", "first", index]));
  questions?.checklist.groups.forEach((group, g) =>
    group.items.forEach((item, i) => {
      const path = ["questions", "checklist", "groups", g, "items", i];
      if (!known(item.option, [...path, "option"])) return;
      once(item.option, [...path, "option"]);
      const option = options[item.option]!;
      if (option.type === "boolean") {
        if (item.off !== undefined || item.on !== undefined) issues.push({ path, message: "a boolean option is on when checked; off and on are for other types" });
      } else if (option.type === "list") {
        issues.push({ path, message: "a list option cannot be a checklist item" });
      } else if (item.off === undefined || item.on === undefined) {
        issues.push({ path, message: `${option.type === "enum" ? "an" : "a"} ${option.type} option needs off (unchecked) and on (suggested when checked)` });
      } else {
        valid(option, item.off, [...path, "off"]);
        valid(option, item.on, [...path, "on"]);
        if (item.off === item.on) issues.push({ path: [...path, "on"], message: "must differ from off" });
      }
    }),
  );
  for (const [preset, { options: values }] of Object.entries(presets)) {
    for (const [name, candidate] of Object.entries(values)) {
      const path = ["presets", preset, "options", name];
      if (known(name, path)) valid(options[name]!, candidate, path);
    }
  }
  return issues;
}
