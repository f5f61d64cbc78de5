import { Node, SyntaxKind, type ObjectLiteralExpression, type SourceFile } from "ts-morph";
import { unwrapExpression } from "./static-values.js";

export type ConfigObjectLookup = { object: ObjectLiteralExpression } | { problem: string };

/**
 * Finds the object literal a config file exports (next.config, drizzle.config), seeing through the usual
 * indirections: `export default x` / `module.exports = x`, a variable holding the object, `as`/`satisfies`,
 * and helper or plugin calls (`defineConfig({…})`, `withX(config)`, `withA(withB(config), opts)`,
 * `withX(opts)(config)`) whose first argument is the config. Anything else is a problem to report, not a
 * guess: editing the wrong object would silently change what the user's app does.
 */
export function findConfigObject(file: SourceFile): ConfigObjectLookup {
  const exported = findExportedExpression(file);
  if (!exported) return { problem: "it has no `export default` or `module.exports =` to read" };
  return resolveObject(file, exported, 0);
}

function findExportedExpression(file: SourceFile): Node | undefined {
  const assignment = file.getExportAssignment((node) => !node.isExportEquals()) ?? file.getExportAssignment(() => true);
  if (assignment) return assignment.getExpression();
  const defaultFunction = file.getFunctions().find((fn) => fn.isDefaultExport());
  if (defaultFunction) return defaultFunction;
  for (const statement of file.getStatements()) {
    if (!Node.isExpressionStatement(statement)) continue;
    const expression = statement.getExpression();
    if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === SyntaxKind.EqualsToken && expression.getLeft().getText().replace(/\s/g, "") === "module.exports") {
      return expression.getRight();
    }
  }
  return undefined;
}

function resolveObject(file: SourceFile, node: Node, depth: number): ConfigObjectLookup {
  if (depth > 8) return { problem: "the exported config goes through too many indirections to follow" };
  const expression = unwrapExpression(node);
  if (Node.isObjectLiteralExpression(expression)) return { object: expression };
  if (Node.isArrowFunction(expression) || Node.isFunctionExpression(expression) || Node.isFunctionDeclaration(expression)) {
    return { problem: "it exports a function that builds the config, whose result cannot be edited safely" };
  }
  if (Node.isCallExpression(expression)) {
    const [first] = expression.getArguments();
    if (!first) return { problem: `\`${expression.getExpression().getText()}()\` is called without a config object` };
    return resolveObject(file, first, depth + 1);
  }
  if (Node.isIdentifier(expression)) {
    const name = expression.getText();
    const variable = file.getVariableDeclaration(name);
    const initializer = variable?.getInitializer();
    if (initializer) return resolveObject(file, initializer, depth + 1);
    if (file.getFunction(name)) return { problem: `\`${name}\` is a function that builds the config, whose result cannot be edited safely` };
    return { problem: `\`${name}\` is not defined in this file (imported or declared without a value)` };
  }
  return { problem: `the exported config \`${truncate(expression.getText())}\` is not an object literal` };
}

function truncate(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}
