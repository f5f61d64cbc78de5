import { Node } from "ts-morph";
import { ScaffoldError } from "../errors.js";
import { appendArrayElement } from "./append-to-literal.js";
import { findConfigObject } from "./find-config-object.js";
import { parseSource } from "./parse-source.js";
import { schemaPathCovers } from "./schema-path-covers.js";
import { detectSourceStyle, quoted } from "./source-style.js";
import { propertyName, readStaticString, unwrapExpression } from "./static-values.js";
import { applyTextEdits } from "./text-edits.js";

/**
 * Makes drizzle-kit read one more schema file: in the drizzle config's `schema`, a string becomes an array
 * of both paths and an array gains the path. No change when an existing path, folder or glob already covers
 * it. Refuses a `schema` it cannot read as literal text (a variable, a computed path) and a config without
 * `schema`, which is then given on the command line: adding one would change what the user's scripts do.
 */
export function addDrizzleSchemaPath(source: string, schemaPath: string, fileName = "drizzle.config.ts"): string {
  const file = parseSource(fileName, source);
  const lookup = findConfigObject(file);
  if ("problem" in lookup) throw refuse(fileName, schemaPath, lookup.problem);
  const property = lookup.object.getProperties().find((node) => propertyName(node) === "schema");
  if (!property) throw refuse(fileName, schemaPath, "the config has no `schema` (is it passed with --schema?)");
  const value = Node.isPropertyAssignment(property) ? unwrapExpression(property.getInitializerOrThrow()) : undefined;
  const style = detectSourceStyle(file);
  const added = quoted(schemaPath, style);

  const single = readStaticString(value);
  if (value && single !== undefined) {
    if (schemaPathCovers(single, schemaPath)) return source;
    return applyTextEdits(source, [{ start: value.getStart(), end: value.getEnd(), text: `[${value.getText()}, ${added}]` }]);
  }
  if (value && Node.isArrayLiteralExpression(value)) {
    const entries = value.getElements().map(readStaticString);
    if (entries.some((entry) => entry !== undefined && schemaPathCovers(entry, schemaPath))) return source;
    if (entries.some((entry) => entry === undefined)) {
      throw refuse(fileName, schemaPath, "an entry of `schema` is not a literal path, so it may already include the file");
    }
    return applyTextEdits(source, appendArrayElement(value, added, style.indent));
  }
  throw refuse(fileName, schemaPath, "`schema` is not a literal path or array of paths");
}

function refuse(fileName: string, schemaPath: string, reason: string): ScaffoldError {
  return new ScaffoldError(
    "EDIT_FAILED",
    `Cannot add "${schemaPath}" to the drizzle schema in ${fileName}: ${reason}.`,
    `Add the path by hand to \`schema\` in ${fileName}, e.g. schema: ["./your/schema.ts", "${schemaPath}"]`,
  );
}
