import type { OptionDefinition, OptionValue } from "./feature-schema.js";

export type Prompts = typeof import("@inquirer/prompts");

/** Asks one option on the terminal in the prompt its type calls for, `value` as the default. */
export async function askOption(prompts: Prompts, option: OptionDefinition, value: OptionValue, choices?: readonly string[]): Promise<OptionValue> {
  const message = option.prompt ?? option.description;
  switch (option.type) {
    case "boolean":
      return prompts.confirm({ message, default: value === true });
    case "enum":
      return prompts.select({ message, choices: (choices ?? option.values).map((v) => ({ value: v })), default: value });
    case "list":
      return prompts.checkbox({
        message,
        choices: option.values.map((v) => ({ value: v, checked: Array.isArray(value) && value.includes(v) })),
      });
    case "number":
      return (await prompts.number({ message, default: Number(value), min: option.min, max: option.max, required: true })) ?? Number(value);
    case "string": {
      const pattern = option.pattern === undefined ? null : new RegExp(option.pattern);
      return prompts.input({
        message,
        default: String(value),
        validate: (input) => pattern === null || pattern.test(input) || `must match ${option.pattern}`,
      });
    }
  }
}
