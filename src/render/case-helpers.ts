/**
 * The case helpers plop gives its templates, so blueprint authors can reuse what they know:
 * `{{kebabCase name}}`, `{{pascalCase name}}` and so on (plop's short aliases work too).
 */
export function splitWords(input: string): string[] {
  return input
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export const caseHelpers: Record<string, (input: string) => string> = {
  camelCase: (s) => splitWords(s).map((w, i) => (i === 0 ? w : capitalize(w))).join(""),
  pascalCase: (s) => splitWords(s).map(capitalize).join(""),
  kebabCase: (s) => splitWords(s).join("-"),
  snakeCase: (s) => splitWords(s).join("_"),
  constantCase: (s) => splitWords(s).join("_").toUpperCase(),
  dotCase: (s) => splitWords(s).join("."),
  pathCase: (s) => splitWords(s).join("/"),
  sentenceCase: (s) => capitalize(splitWords(s).join(" ")),
  titleCase: (s) => splitWords(s).map(capitalize).join(" "),
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
