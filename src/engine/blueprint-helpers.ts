import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { BlueprintHelpers } from "../blueprint/define-blueprint.js";
import { ScaffoldError } from "../errors.js";
import { execCommand } from "../project/detect-package-manager.js";
import type { Project } from "../project/project.js";
import { moduleSpecifier } from "../render/module-specifier.js";
import { TemplateRenderer } from "../render/render-templates.js";
import { detectTextFormat, fromPlainText, toPlainText } from "../tree/text-format.js";
import type { Tree } from "../tree/tree.js";

export interface HelperSinks {
  warnings: string[];
  nextSteps: string[];
}

/** Builds the helpers a recipe receives, bound to this run's tree, project and template folder. */
export function createBlueprintHelpers(tree: Tree, project: Project, templatesDir: string, sinks: HelperSinks): BlueprintHelpers {
  const renderer = new TemplateRenderer();
  const srcPathVar = project.importStyle.sourceRoot;
  return {
    renderFolder(folder, context, options = {}) {
      const dir = path.join(templatesDir, folder);
      if (!dir.startsWith(templatesDir)) {
        throw new ScaffoldError("BLUEPRINT_INVALID", `Template folder "${folder}" is outside ${templatesDir}.`, "Name a folder inside the blueprint's templates.");
      }
      return renderer.renderFolder(tree, dir, context, {
        pathVars: { ...options.pathVars, src: srcPathVar },
        importStyle: project.importStyle,
        ...(options.exclude ? { exclude: options.exclude } : {}),
      });
    },
    hasTemplates(folder) {
      const dir = path.join(templatesDir, folder);
      return dir.startsWith(templatesDir) && existsSync(dir);
    },
    renderFile(template, outputPath, context) {
      const file = path.join(templatesDir, template);
      if (!file.startsWith(templatesDir) || !existsSync(file)) {
        throw new ScaffoldError("BLUEPRINT_INVALID", `Template "${template}" does not exist in ${templatesDir}.`, "Name a file inside the blueprint's templates.");
      }
      // Only .hbs templates are text to render; any other file (an image, a font) is copied byte for byte.
      const source = readFileSync(file);
      const content = template.endsWith(".hbs")
        ? renderer.renderString(source.toString("utf8"), context, { file: outputPath, importStyle: project.importStyle }, file)
        : source;
      tree.write(outputPath, content, { kind: "template", template: file });
    },
    moduleSpecifier(fromFile, modulePath) {
      return moduleSpecifier(project.importStyle, fromFile, modulePath);
    },
    edit(file, transformer, transform) {
      const before = tree.read(file);
      // The transformer sees LF text without a BOM; the result is put back in the file's own line endings.
      const format = before === null ? { bom: false, crlf: false } : detectTextFormat(before);
      let after: string;
      try {
        after = fromPlainText(transform(before === null ? null : toPlainText(before, format)), format);
      } catch (error) {
        if (error instanceof ScaffoldError) throw error;
        throw new ScaffoldError(
          "EDIT_FAILED",
          `The ${transformer} edit of ${file} failed: ${(error as Error).message}`,
          `Check ${file} is valid; scaffold leaves it untouched.`,
        );
      }
      if (after !== before) tree.write(file, after, { kind: "edit", transformer });
    },
    execTask(title, bin, args, hint) {
      return { title, ...execCommand(project.packageManager, bin, args), hint, needsInstall: true };
    },
    installTask() {
      const manager = project.packageManager;
      return {
        title: `Install dependencies with ${manager}`,
        command: manager,
        args: manager === "npm" ? ["install", "--no-audit", "--no-fund"] : ["install"],
        hint: `Run \`${manager} install\` there once the cause is fixed (network, registry access).`,
        needsInstall: true,
        installs: true,
      };
    },
    warn(message) {
      sinks.warnings.push(message);
    },
    nextStep(message) {
      sinks.nextSteps.push(message);
    },
  };
}
