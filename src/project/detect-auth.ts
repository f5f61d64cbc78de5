import { parseSources } from "../edits/parse-source.js";

export type AuthLibrary = "authjs" | "clerk" | "better-auth";

export interface DetectedAuth {
  library: AuthLibrary;
  /**
   * Where `auth` comes from: the project file exporting it (Auth.js, better-auth; path relative to the
   * root) or the package entry point (Clerk). Absent when the library is installed but no module exporting
   * `auth` was found, e.g. next-auth v4, which has no `auth()`.
   */
  module?: string;
}

/** Where apps usually create their auth instance, to read before anything else. */
export const AUTH_MODULE_CANDIDATES = [
  "auth.ts", "src/auth.ts", "lib/auth.ts", "src/lib/auth.ts", "server/auth.ts", "src/server/auth.ts",
  "auth/index.ts", "src/auth/index.ts", "server/auth/index.ts", "src/server/auth/index.ts",
];

const PACKAGES: Record<AuthLibrary, string> = { authjs: "next-auth", "better-auth": "better-auth", clerk: "@clerk/nextjs" };

/**
 * Which auth library the app uses, from its dependencies, and which of the given files exports `auth`
 * built by that library (the file imports from the library's package and exports a binding named `auth`,
 * directly or re-exported from another given file). Auth.js and better-auth are checked before Clerk
 * because their `auth` lives in the app; Clerk's always comes from `@clerk/nextjs/server`.
 */
export function detectAuth(
  dependencies: Readonly<Record<string, string>>,
  files: ReadonlyArray<{ path: string; text: string }>,
): DetectedAuth | null {
  const sources = parseSources(files.filter((file) => /\.[cm]?[jt]sx?$/.test(file.path)));
  for (const library of ["authjs", "better-auth"] as const) {
    const pkg = PACKAGES[library];
    if (!(pkg in dependencies)) continue;
    const fromLibrary = new Set(
      sources.filter((file) => file.getImportDeclarations().some((declaration) => isFromPackage(declaration.getModuleSpecifierValue(), pkg))),
    );
    const module = sources.find((file) => {
      const declarations = file.getExportedDeclarations().get("auth") ?? [];
      return declarations.some((declaration) => fromLibrary.has(declaration.getSourceFile()));
    });
    return module ? { library, module: module.getFilePath().slice(1) } : { library };
  }
  if (PACKAGES.clerk in dependencies) return { library: "clerk", module: "@clerk/nextjs/server" };
  return null;
}

function isFromPackage(specifier: string, pkg: string): boolean {
  return specifier === pkg || specifier.startsWith(`${pkg}/`);
}
