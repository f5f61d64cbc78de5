import { Node, SyntaxKind, type SourceFile } from "ts-morph";

/** How a file writes strings and ends statements, so that inserted code looks like its neighbours. */
export interface SourceStyle {
  quote: '"' | "'";
  semicolon: "" | ";";
  /** One level of indentation as the file writes it (two spaces when the file gives no hint). */
  indent: string;
}

export function detectSourceStyle(file: SourceFile): SourceStyle {
  return { quote: detectQuote(file), semicolon: detectSemicolon(file), indent: detectIndent(file.getFullText()) };
}

/** A string literal in the file's quote style. */
export function quoted(value: string, style: SourceStyle): string {
  const escaped = value.replace(/\\/g, "\\\\").replaceAll(style.quote, `\\${style.quote}`);
  return `${style.quote}${escaped}${style.quote}`;
}

function detectQuote(file: SourceFile): '"' | "'" {
  // Module specifiers are the most reliable sample: formatters normalise them, while JSX attributes keep
  // double quotes even in files that otherwise use single ones.
  const specifiers = [...file.getImportDeclarations(), ...file.getExportDeclarations()].map((declaration) => declaration.getModuleSpecifier()).filter((node) => node !== undefined);
  const literals = specifiers.length > 0 ? specifiers : file.getDescendantsOfKind(SyntaxKind.StringLiteral).filter((literal) => !Node.isJsxAttribute(literal.getParent())).slice(0, 50);
  const single = literals.filter((literal) => literal.getText().startsWith("'")).length;
  return single > literals.length - single ? "'" : '"';
}

function detectSemicolon(file: SourceFile): "" | ";" {
  const statements = file.getStatements().filter((statement) => !Node.isFunctionDeclaration(statement) && !Node.isClassDeclaration(statement));
  if (statements.length === 0) return ";";
  const withSemicolon = statements.filter((statement) => statement.getText().endsWith(";")).length;
  return withSemicolon * 2 >= statements.length ? ";" : "";
}

function detectIndent(text: string): string {
  const match = /^( +|\t)\S/m.exec(text);
  if (!match) return "  ";
  if (match[1] === "\t") return "\t";
  // Lines starting with `*` continue block comments and are indented by one space; they say nothing.
  const widths = [...text.matchAll(/^( +)[^\s*]/gm)].map((m) => m[1]!.length);
  return " ".repeat(Math.min(...widths));
}
