import { Node, SyntaxKind, type SourceFile, type Statement } from "ts-morph";
import { quoted, type SourceStyle } from "./source-style.js";
import type { TextEdit } from "./text-edits.js";

/**
 * Edits that make `names` importable from `specifier`: the missing ones join an existing named import from
 * that module, or a new import line goes after the file's last import (at the top when it has none).
 * Returns null when a name is already taken by something else in the file, since importing it would
 * either fail to compile or silently shadow the user's binding.
 */
export function ensureNamedImports(file: SourceFile, specifier: string, names: readonly string[], style: SourceStyle): TextEdit[] | null {
  const imports = file.getImportDeclarations();
  const fromModule = imports.find((declaration) => declaration.getModuleSpecifierValue() === specifier && !declaration.isTypeOnly() && !declaration.getNamespaceImport());
  const imported = new Set(fromModule?.getNamedImports().filter((named) => !named.getAliasNode() && !named.isTypeOnly()).map((named) => named.getName()) ?? []);
  const missing = names.filter((name) => !imported.has(name));
  if (missing.length === 0) return [];
  const taken = new Set(file.getDescendantsOfKind(SyntaxKind.Identifier).map((node) => node.getText()));
  if (missing.some((name) => taken.has(name))) return null;

  const named = fromModule?.getNamedImports() ?? [];
  const last = named.at(-1);
  if (fromModule && last) return [{ start: last.getEnd(), end: last.getEnd(), text: `, ${missing.join(", ")}` }];
  const line = `import { ${missing.join(", ")} } from ${quoted(specifier, style)}${style.semicolon}`;
  const anchor = imports.at(-1);
  if (anchor) return [{ start: anchor.getEnd(), end: anchor.getEnd(), text: `\n${line}` }];
  // After a directive prologue ("use server" must stay first), else before the first statement.
  const statements = file.getStatements();
  let lastDirective: Statement | undefined;
  for (const statement of statements) {
    if (!isDirective(statement)) break;
    lastDirective = statement;
  }
  if (lastDirective) return [{ start: lastDirective.getEnd(), end: lastDirective.getEnd(), text: `\n\n${line}` }];
  const first = statements[0];
  const position = first ? first.getStart() : 0;
  return [{ start: position, end: position, text: `${line}\n${first ? "\n" : ""}` }];
}

function isDirective(statement: Statement): boolean {
  return Node.isExpressionStatement(statement) && Node.isStringLiteral(statement.getExpression());
}
