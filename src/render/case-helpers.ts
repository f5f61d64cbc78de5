import { camelCase, capitalCase, constantCase, dotCase, kebabCase, pascalCase, pathCase, sentenceCase, snakeCase } from "change-case";

/**
 * The case helpers plop gives its templates, so blueprint authors can reuse what they know:
 * `{{kebabCase name}}`, `{{pascalCase name}}` and so on (plop's short aliases work too). Words are split by
 * change-case, which knows Unicode letters: "Über Chat" is `über-chat`, not `ber-chat`.
 */
export const caseHelpers: Record<string, (input: string) => string> = {
  camelCase: (s) => camelCase(s),
  pascalCase: (s) => pascalCase(s),
  kebabCase: (s) => kebabCase(s),
  snakeCase: (s) => snakeCase(s),
  constantCase: (s) => constantCase(s),
  dotCase: (s) => dotCase(s),
  pathCase: (s) => pathCase(s),
  sentenceCase: (s) => sentenceCase(s),
  titleCase: (s) => capitalCase(s),
  lowerCase: (s) => s.toLowerCase(),
  upperCase: (s) => s.toUpperCase(),
};

/** plop's short names for the same helpers. */
export const caseHelperAliases: Record<string, string> = {
  camel: "camelCase",
  pascal: "pascalCase",
  proper: "pascalCase",
  kebab: "kebabCase",
  dash: "kebabCase",
  snake: "snakeCase",
  constant: "constantCase",
  dot: "dotCase",
  path: "pathCase",
  sentence: "sentenceCase",
  title: "titleCase",
  lower: "lowerCase",
  upper: "upperCase",
};
