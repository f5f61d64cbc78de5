import type { SourceFile } from "ts-morph";

/**
 * The name under which a file imported `name` from `module` (`import { streamText as st } from "ai"` gives
 * "st"), or undefined when it does not import it. Calls are matched by this local name, never by spelling.
 */
export function localImportName(file: SourceFile, module: string, name: string): string | undefined {
  for (const declaration of file.getImportDeclarations()) {
    if (declaration.getModuleSpecifierValue() !== module || declaration.isTypeOnly()) continue;
    const named = declaration.getNamedImports().find((specifier) => specifier.getName() === name && !specifier.isTypeOnly());
    if (named) return (named.getAliasNode() ?? named.getNameNode()).getText();
  }
  return undefined;
}
