import { Node } from "ts-morph";

/**
 * Values that can be read from source without running it: string literals and template literals without
 * substitutions, and arrays of them. Anything else (an identifier, a call, `${dir}/x`) is unknown, and
 * callers treat unknown as "do not guess".
 */
export function readStaticString(node: Node | undefined): string | undefined {
  if (node && (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node))) return node.getLiteralValue();
  return undefined;
}

export function readStaticStringArray(node: Node | undefined): string[] | undefined {
  if (!node || !Node.isArrayLiteralExpression(node)) return undefined;
  const values = node.getElements().map(readStaticString);
  return values.every((value): value is string => value !== undefined) ? values : undefined;
}

/** Strips wrappers that do not change a value: parentheses, `as T`, `satisfies T`, `<T>x` and `x!`. */
export function unwrapExpression(node: Node): Node {
  let current = node;
  while (
    Node.isParenthesizedExpression(current) ||
    Node.isAsExpression(current) ||
    Node.isSatisfiesExpression(current) ||
    Node.isTypeAssertion(current) ||
    Node.isNonNullExpression(current)
  ) {
    current = current.getExpression();
  }
  return current;
}

/** The name of a property assignment written as `name:`, `"name":` or `'name':`; undefined for computed keys. */
export function propertyName(node: Node): string | undefined {
  if (!Node.isPropertyAssignment(node) && !Node.isShorthandPropertyAssignment(node) && !Node.isMethodDeclaration(node)) return undefined;
  const name = node.getNameNode();
  if (Node.isIdentifier(name)) return name.getText();
  return readStaticString(name);
}
