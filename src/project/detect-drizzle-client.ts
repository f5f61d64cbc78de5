import { Node, SyntaxKind, type SourceFile } from "ts-morph";
import { parseSource } from "../edits/parse-source.js";

/** The Postgres drivers the generated query layer can run on, by drizzle-orm entry point. */
export const POSTGRES_DRIZZLE_DRIVERS = ["node-postgres", "postgres-js", "neon-http", "neon-serverless", "pglite"] as const;
export type PostgresDrizzleDriver = (typeof POSTGRES_DRIZZLE_DRIVERS)[number];

/** Where an app usually keeps its Drizzle client, to read before anything else. */
export const DRIZZLE_CLIENT_CANDIDATES = [
  "src/db/index.ts", "src/db.ts", "src/lib/db.ts", "src/lib/db/index.ts", "src/server/db.ts", "src/server/db/index.ts",
  "db/index.ts", "db.ts", "lib/db.ts", "lib/db/index.ts", "server/db.ts", "server/db/index.ts",
];

export interface DrizzleClient {
  /** The file, relative to the project root, that exports the client. */
  module: string;
  exportName: "db";
  /** The drizzle-orm entry point after `drizzle-orm/`: a Postgres driver, or another one such as "mysql2". */
  driver: string;
  postgres: boolean;
}

/**
 * Finds the module that exports `db` built with `drizzle(…)` from a drizzle-orm driver entry point, among
 * the files given (path relative to the root, text). `export const db = drizzle(…)`, `const db = …;
 * export { db }` and initializers that merely contain the call (`globalThis.db ?? drizzle(…)`) all count.
 */
export function detectDrizzleClient(files: ReadonlyArray<{ path: string; text: string }>): DrizzleClient | null {
  for (const { path, text } of files) {
    if (!text.includes("drizzle-orm/")) continue;
    const driver = findDbDriver(parseSource(path, text));
    if (driver) return { module: path, exportName: "db", driver, postgres: (POSTGRES_DRIZZLE_DRIVERS as readonly string[]).includes(driver) };
  }
  return null;
}

function findDbDriver(file: SourceFile): string | undefined {
  const drizzleNames = new Map<string, string>();
  for (const declaration of file.getImportDeclarations()) {
    const match = /^drizzle-orm\/([\w-]+(?:\/[\w-]+)?)$/.exec(declaration.getModuleSpecifierValue());
    if (!match) continue;
    for (const named of declaration.getNamedImports()) {
      if (named.getName() === "drizzle") drizzleNames.set((named.getAliasNode() ?? named.getNameNode()).getText(), match[1]!);
    }
  }
  if (drizzleNames.size === 0) return undefined;
  const exported = file.getExportedDeclarations().get("db") ?? [];
  for (const declaration of exported) {
    if (!Node.isVariableDeclaration(declaration)) continue;
    const initializer = declaration.getInitializer();
    if (!initializer) continue;
    const calls = [initializer, ...initializer.getDescendantsOfKind(SyntaxKind.CallExpression)].filter(Node.isCallExpression);
    for (const call of calls) {
      const driver = drizzleNames.get(call.getExpression().getText());
      if (driver) return driver;
    }
  }
  return undefined;
}
