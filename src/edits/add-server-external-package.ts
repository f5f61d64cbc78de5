import { Node, type ObjectLiteralExpression } from "ts-morph";
import { ScaffoldError } from "../errors.js";
import { appendArrayElement, appendObjectProperty } from "./append-to-literal.js";
import { findConfigObject } from "./find-config-object.js";
import { parseSource } from "./parse-source.js";
import { detectSourceStyle, quoted } from "./source-style.js";
import { propertyName, readStaticString, unwrapExpression } from "./static-values.js";
import { applyTextEdits, type TextEdit } from "./text-edits.js";

/**
 * Adds a package to `serverExternalPackages` in a Next.js config (next.config.ts/.mjs/.js), so Next loads
 * it from node_modules at run time instead of bundling it (PGlite ships WASM and data files that bundling
 * breaks). Appends to an existing array, creates the property otherwise, and leaves everything else in the
 * file as it was. Idempotent. Refuses, with what to add by hand, a config it cannot see whole: one built by
 * a function, a property that is not an array literal, or a spread that may already set the property.
 */
export function addServerExternalPackage(source: string, packageName: string, fileName = "next.config.ts"): string {
  const file = parseSource(fileName, source);
  const lookup = findConfigObject(file);
  if ("problem" in lookup) throw refuse(fileName, packageName, lookup.problem);
  const style = detectSourceStyle(file);
  const config = lookup.object;

  const property = config.getProperties().find((node) => propertyName(node) === "serverExternalPackages");
  let edits: TextEdit[];
  if (property) {
    const value = Node.isPropertyAssignment(property) ? unwrapExpression(property.getInitializerOrThrow()) : undefined;
    if (!value || !Node.isArrayLiteralExpression(value)) {
      throw refuse(fileName, packageName, "`serverExternalPackages` is not written as an array literal");
    }
    if (value.getElements().some((element) => readStaticString(element) === packageName)) return source;
    edits = appendArrayElement(value, quoted(packageName, style), style.indent);
  } else {
    const hidden = findUnseenSpread(config, file.getVariableDeclaration.bind(file));
    if (hidden) throw refuse(fileName, packageName, `the config spreads \`${hidden}\`, which may already set \`serverExternalPackages\``);
    edits = appendObjectProperty(config, `serverExternalPackages: [${quoted(packageName, style)}]`, style.indent);
  }
  return applyTextEdits(source, edits);
}

/**
 * The text of the first spread whose properties cannot be seen in this file. A spread of a local object
 * literal is fine when that literal neither sets the property nor spreads anything itself.
 */
function findUnseenSpread(config: ObjectLiteralExpression, lookup: (name: string) => { getInitializer(): Node | undefined } | undefined): string | undefined {
  for (const spread of config.getProperties().filter(Node.isSpreadAssignment)) {
    const expression = unwrapExpression(spread.getExpression());
    const initializer = Node.isIdentifier(expression) ? lookup(expression.getText())?.getInitializer() : undefined;
    const object = initializer ? unwrapExpression(initializer) : undefined;
    const visible =
      object !== undefined &&
      Node.isObjectLiteralExpression(object) &&
      !object.getProperties().some((node) => Node.isSpreadAssignment(node) || propertyName(node) === "serverExternalPackages");
    if (!visible) return spread.getExpression().getText();
  }
  return undefined;
}

function refuse(fileName: string, packageName: string, reason: string): ScaffoldError {
  return new ScaffoldError(
    "EDIT_FAILED",
    `Cannot add "${packageName}" to serverExternalPackages in ${fileName}: ${reason}.`,
    `Add it by hand to the object your Next.js config exports: serverExternalPackages: ["${packageName}"]`,
  );
}
