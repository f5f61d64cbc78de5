import { z } from "zod";
import { quoteAll } from "./quote-all.js";
import { presetsSchema, questionProblems, questionsSchema } from "./questions-schema.js";

const identifier = /^[a-z][a-zA-Z0-9]*$/;
const packageVersions = z.record(z.string().min(1), z.string().min(1));

const common = {
  description: z.string().min(1),
  prompt: z.string().min(1).optional(),
};

/**
 * One option a blueprint accepts. `type` decides how `--set` text is parsed and what a prompt looks like.
 * Each option checks its own default, so one bad option never hides the problems of the others.
 */
export const optionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("boolean"), default: z.boolean(), ...common }),
  z
    .strictObject({
      type: z.literal("string"),
      default: z.string(),
      /** A regular expression the value must match, for values that reach file names or identifiers. */
      pattern: z.string().optional(),
      ...common,
    })
    .superRefine((option, ctx) => {
      if (option.pattern === undefined) return;
      if (!isValidRegExp(option.pattern)) ctx.addIssue({ code: "custom", path: ["pattern"], message: "is not a valid regular expression" });
      else if (!new RegExp(option.pattern).test(option.default)) {
        ctx.addIssue({ code: "custom", path: ["default"], message: `does not match pattern ${option.pattern}` });
      }
    }),
  z.strictObject({
    type: z.literal("number"),
    default: z.number(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    ...common,
  }),
  z
    .strictObject({ type: z.literal("enum"), values: z.array(z.string()).min(1), default: z.string(), ...common })
    .superRefine((option, ctx) => {
      if (!option.values.includes(option.default)) {
        ctx.addIssue({ code: "custom", path: ["default"], message: `expected one of ${quoteAll(option.values)}` });
      }
    }),
  z
    .strictObject({ type: z.literal("list"), values: z.array(z.string()).min(1), default: z.array(z.string()), ...common })
    .superRefine((option, ctx) => {
      if (option.default.some((value) => !option.values.includes(value))) {
        ctx.addIssue({ code: "custom", path: ["default"], message: `expected values from ${quoteAll(option.values)}` });
      }
    }),
]);

/** Packages added only when an option has a given value (e.g. a database driver). */
const conditionalDependencies = z.strictObject({
  option: z.string(),
  equals: z.union([z.string(), z.boolean(), z.number()]),
  dependencies: packageVersions.optional(),
  devDependencies: packageVersions.optional(),
});

export const featureSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be kebab-case (a-z, 0-9, -)"),
    version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, "must be a semver version like 1.2.3"),
    description: z.string().min(1),
    options: z.record(z.string().regex(identifier, "option names must be camelCase identifiers"), optionSchema).default({}),
    dependencies: packageVersions.default({}),
    devDependencies: packageVersions.default({}),
    conditionalDependencies: z.array(conditionalDependencies).default([]),
    scripts: z.record(z.string(), z.string()).default({}),
    /** Other blueprints that must have been applied first. */
    requires: z.array(z.string()).default([]),
    questions: questionsSchema.optional(),
    presets: presetsSchema.default({}),
  })
  .superRefine((feature, ctx) => {
    feature.conditionalDependencies.forEach((group, index) => {
      if (!(group.option in feature.options)) {
        ctx.addIssue({
          code: "custom",
          path: ["conditionalDependencies", index, "option"],
          message: `names no option (known: ${Object.keys(feature.options).join(", ") || "none"})`,
        });
      }
    });
    for (const issue of questionProblems(feature)) ctx.addIssue({ code: "custom", ...issue });
  });

export type FeatureDefinition = z.infer<typeof featureSchema>;
export type OptionDefinition = z.infer<typeof optionSchema>;
export type OptionValue = boolean | string | number | string[];
export type ResolvedOptions = Record<string, OptionValue>;

export { quoteAll };

function isValidRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
