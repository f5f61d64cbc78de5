import { Node, type SourceFile } from "ts-morph";
import { ScaffoldError } from "../errors.js";
import { parseSource } from "./parse-source.js";
import { detectSourceStyle, quoted } from "./source-style.js";
import { applyTextEdits } from "./text-edits.js";

/**
 * Adds `export * from "<specifier>";` to a barrel module (a Drizzle schema index, say) unless it already
 * re-exports that module, whatever extension it spells (`./chat`, `./chat.js`, `./chat.ts`, `./chat/index`).
 * The line goes after the barrel's last `export *` (else its last re-export, else its last import, else at
 * the end), where a reader looks for it.
 *
 * `exportedNames` are the names the added module exports. If the barrel already exports one of them itself,
 * ES modules let the barrel's own export silently win over the star, so the new module's table would be
 * missing from the schema: that is refused, with the conflicting names.
 */
export function addBarrelExport(source: string, specifier: string, exportedNames: readonly string[] = [], fileName = "index.ts"): string {
  const file = parseSource(fileName, source);
  if (/\bmodule\.exports\b|\bexports\.\w+\s*=/.test(source)) {
    throw refuse(fileName, specifier, "it is a CommonJS module");
  }
  const target = normalizeSpecifier(specifier);
  const exportsFrom = file.getExportDeclarations().filter((declaration) => declaration.getModuleSpecifierValue() !== undefined);
  if (exportsFrom.some((declaration) => declaration.isNamespaceExport() && !declaration.getNamespaceExport() && normalizeSpecifier(declaration.getModuleSpecifierValue()!) === target)) {
    return source;
  }
  const clashes = exportedNames.filter((name) => ownExportNames(file, target).has(name));
  if (clashes.length > 0) {
    throw refuse(fileName, specifier, `it already exports ${clashes.map((name) => `\`${name}\``).join(", ")}, which would hide the same names in ${specifier}`);
  }

  const style = detectSourceStyle(file);
  const line = `export * from ${quoted(specifier, style)}${style.semicolon}`;
  const anchor = exportsFrom.filter((declaration) => declaration.isNamespaceExport()).at(-1) ?? exportsFrom.at(-1) ?? file.getImportDeclarations().at(-1);
  if (anchor) return applyTextEdits(source, [{ start: anchor.getEnd(), end: anchor.getEnd(), text: `\n${line}` }]);
  const separator = source === "" || source.endsWith("\n") ? "" : "\n";
  return `${source}${separator}${line}\n`;
}

/** Names the barrel exports other than by re-exporting the added module itself. */
function ownExportNames(file: SourceFile, target: string): Set<string> {
  const names = new Set<string>();
  for (const [name, declarations] of file.getExportedDeclarations()) {
    if (declarations.some((declaration) => declaration.getSourceFile() === file)) names.add(name);
  }
  // Named re-exports from other modules (`export { users } from "./users"`) are not resolved in memory.
  for (const declaration of file.getExportDeclarations()) {
    const from = declaration.getModuleSpecifierValue();
    if (from !== undefined && normalizeSpecifier(from) === target) continue;
    for (const specifier of declaration.getNamedExports()) names.add((specifier.getAliasNode() ?? specifier.getNameNode()).getText());
  }
  for (const statement of file.getStatements()) {
    if (Node.isExportAssignment(statement) && !statement.isExportEquals()) names.add("default");
  }
  return names;
}

function normalizeSpecifier(specifier: string): string {
  return specifier.replace(/\.(?:[cm]?[jt]sx?)$/, "").replace(/\/index$/, "").replace(/\/+$/, "");
}

function refuse(fileName: string, specifier: string, reason: string): ScaffoldError {
  return new ScaffoldError(
    "EDIT_FAILED",
    `Cannot re-export "${specifier}" from ${fileName}: ${reason}.`,
    `Export the new tables from your schema by hand (export * from "${specifier}"), renaming what clashes.`,
  );
}
