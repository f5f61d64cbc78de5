import path from "node:path";

/** How the target project spells imports of its own modules. */
export interface ImportStyle {
  /** The folder holding app code: "src" or "" (project root). */
  sourceRoot: string;
  /** A tsconfig path alias such as `@/*` → `./src/*`, as prefix "@/" and target folder "src"; null for none. */
  alias: { prefix: string; target: string } | null;
}

/**
 * The module specifier for `<sourceRoot>/<modulePath>` as written in `fromFile`: through the project's alias
 * when it has one that covers the module, else a relative path. Generated code must import the way the host
 * project does, or it reads as foreign and breaks with other aliases.
 */
export function moduleSpecifier(style: ImportStyle, fromFile: string, modulePath: string): string {
  const targetFile = path.posix.join(style.sourceRoot, modulePath);
  if (style.alias) {
    const base = style.alias.target.replace(/^\.\/?/, "").replace(/\/$/, "");
    const underAlias = base === "" ? targetFile : path.posix.relative(base, targetFile);
    if (!underAlias.startsWith("..")) return style.alias.prefix + underAlias;
  }
  const relative = path.posix.relative(path.posix.dirname(fromFile), targetFile);
  return relative.startsWith(".") ? relative : `./${relative}`;
}
