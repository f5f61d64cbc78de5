import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ScaffoldError } from "../errors.js";
import type { Tree } from "../tree/tree.js";
import { createHandlebarsEnv, type HandlebarsEnv, type RenderData } from "./handlebars-env.js";
import type { ImportStyle } from "./module-specifier.js";
import { isRenderedTemplate, toOutputPath } from "./template-path.js";

export interface RenderOptions {
  /** Values for `__name__` path segments. */
  pathVars: Record<string, string>;
  importStyle: ImportStyle;
  /** Skip templates whose output path matches (used for optional layers of a feature). */
  exclude?: (outputPath: string) => boolean;
}

/** Lists the files under a template folder, as sorted POSIX paths relative to it. */
export function listTemplateFiles(folder: string): string[] {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

export class TemplateRenderer {
  private readonly env: HandlebarsEnv = createHandlebarsEnv();

  /** Renders one template string; errors name the template file, since a stack inside Handlebars helps no one. */
  renderString(source: string, context: object, render: RenderData, templateName: string): string {
    try {
      const template = this.env.compile(source, { strict: true, noEscape: true });
      return template(context, { data: { render } });
    } catch (error) {
      throw new ScaffoldError(
        "TEMPLATE_RENDER_FAILED",
        `Could not render template ${templateName}: ${(error as Error).message}`,
        "Fix the template, or pass the value it needs in the blueprint's render context.",
      );
    }
  }

  /** Renders every file of `folder` into the tree and returns the output paths written. */
  renderFolder(tree: Tree, folder: string, context: object, options: RenderOptions): string[] {
    const written: string[] = [];
    for (const relative of listTemplateFiles(folder)) {
      const templateName = path.join(folder, relative);
      let outputPath: string;
      try {
        outputPath = toOutputPath(relative, options.pathVars);
      } catch (error) {
        throw new ScaffoldError(
          "TEMPLATE_RENDER_FAILED",
          `Could not name the output of template ${templateName}: ${(error as Error).message}`,
          "Use only path variables the blueprint provides.",
        );
      }
      if (options.exclude?.(outputPath)) continue;
      // Only .hbs templates are text to render; any other file (an image, a font) is copied byte for byte.
      const source = readFileSync(templateName);
      const content = isRenderedTemplate(relative)
        ? this.renderString(source.toString("utf8"), context, { file: outputPath, importStyle: options.importStyle }, templateName)
        : source;
      tree.write(outputPath, content, { kind: "template", template: templateName });
      written.push(outputPath);
    }
    return written;
  }
}
