import type { FeatureDefinition, ResolvedOptions } from "./feature-schema.js";

/**
 * Asks for each option not fixed by `--set`, with its prompt text and current value as default; the
 * prompt library is loaded only when a terminal is actually asked something.
 */
export async function promptOptions(
  feature: FeatureDefinition,
  current: ResolvedOptions,
  fixed: ReadonlySet<string>,
): Promise<ResolvedOptions> {
  const prompts = await import("@inquirer/prompts");
  const answers: ResolvedOptions = {};
  for (const [name, option] of Object.entries(feature.options)) {
    if (fixed.has(name)) continue;
    const message = option.prompt ?? option.description;
    const value = current[name];
    switch (option.type) {
      case "boolean":
        answers[name] = await prompts.confirm({ message, default: value === true });
        break;
      case "enum":
        answers[name] = await prompts.select({ message, choices: option.values.map((v) => ({ value: v })), default: value });
        break;
      case "list":
        answers[name] = await prompts.checkbox({
          message,
          choices: option.values.map((v) => ({ value: v, checked: Array.isArray(value) && value.includes(v) })),
        });
        break;
      case "number":
        answers[name] = (await prompts.number({ message, default: Number(value), min: option.min, max: option.max, required: true })) ?? Number(value);
        break;
      case "string": {
        const pattern = option.pattern === undefined ? null : new RegExp(option.pattern);
        answers[name] = await prompts.input({
          message,
          default: String(value),
          validate: (input) => pattern === null || pattern.test(input) || `must match ${option.pattern}`,
        });
        break;
      }
    }
  }
  return answers;
}
