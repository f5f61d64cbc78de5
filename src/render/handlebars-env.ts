import Handlebars from "handlebars";
import { caseHelperAliases, caseHelpers } from "./case-helpers.js";
import { moduleSpecifier, type ImportStyle } from "./module-specifier.js";

export type HandlebarsEnv = typeof Handlebars;

/** Data every render passes to helpers: the output file, so `mod` can compute relative imports. */
export interface RenderData {
  file: string;
  importStyle: ImportStyle;
}

/**
 * A private Handlebars environment with the helpers templates may use. Private so that a blueprint's own
 * helpers never leak into another blueprint's render.
 */
export function createHandlebarsEnv(): HandlebarsEnv {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(caseHelpers)) {
    env.registerHelper(name, (value: unknown) => helper(String(value ?? "")));
  }
  for (const [alias, name] of Object.entries(caseHelperAliases)) {
    const helper = caseHelpers[name];
    if (helper) env.registerHelper(alias, (value: unknown) => helper(String(value ?? "")));
  }
  env.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  env.registerHelper("ne", (a: unknown, b: unknown) => a !== b);
  env.registerHelper("and", (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  env.registerHelper("or", (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  env.registerHelper("not", (value: unknown) => !value);
  env.registerHelper("includes", (list: unknown, value: unknown) => Array.isArray(list) && list.includes(value));
  env.registerHelper("concat", (...args: unknown[]) => args.slice(0, -1).map(String).join(""));
  env.registerHelper("json", (value: unknown) => new Handlebars.SafeString(JSON.stringify(value)));
  env.registerHelper("mod", function (this: unknown, modulePath: string, options: Handlebars.HelperOptions) {
    const data = (options.data as { root?: unknown; render?: RenderData }).render;
    if (!data) throw new Error(`the "mod" helper needs the file being rendered`);
    return moduleSpecifier(data.importStyle, data.file, modulePath);
  });
  return env;
}
