import path from "node:path";
import type { Project } from "scaffold";

/** Where the chat code goes in this project, and what it reuses. */
export interface ChatLayout {
  sourceRoot: string;
  /** The chat schema file, from the project root. */
  schemaFile: string;
  /** The same, as a module path from the source root without extension (what templates import). */
  schemaModule: string;
  /** The module giving the chat code its database (`getDb()`), from the source root. */
  clientModule: string;
  /** The migrations folder drizzle-kit writes to and the app applies. */
  migrationsFolder: string;
  /** The app's own Drizzle client to reuse, or null to generate one. */
  existingDb: { module: string; exportName: string } | null;
  /** The app's drizzle config to extend with the chat schema, or null when we write our own. */
  drizzleConfigFile: string | null;
  /** A schema barrel (index file) that must re-export the chat schema, if the config points at one. */
  schemaBarrel: string | null;
}

const withoutExtension = (file: string): string => file.replace(/\.[cm]?[jt]sx?$/, "");
const fromSourceRoot = (sourceRoot: string, file: string): string =>
  withoutExtension(path.posix.relative(sourceRoot || ".", file)).replace(/\/index$/, "");
const clean = (entry: string): string => entry.replace(/^\.\//, "").replace(/\/+$/, "");

/**
 * `isFree(file)`: the file does not exist, or an earlier run of this blueprint generated it.
 * New projects get `db/schema.ts` and `db/client.ts`. Existing apps keep everything they have: with Drizzle,
 * the chat schema goes beside theirs (`chat-schema.ts`), their migrations folder is used, and their client
 * is reused when it is Postgres; names that are taken are never reused for our files.
 */
export function planChatLayout(project: Project, isFree: (file: string) => boolean): ChatLayout {
  const sourceRoot = project.importStyle.sourceRoot;
  const inSource = (file: string) => path.posix.join(sourceRoot, file);
  const drizzle = theirDrizzle(project, isFree);
  if (drizzle?.config) {
    const entries = Array.isArray(drizzle.config.schema) ? drizzle.config.schema : [drizzle.config.schema];
    const first = clean(entries[0] ?? inSource("db/schema.ts"));
    const isFile = /\.[cm]?[jt]sx?$/.test(first);
    const schemaDir = isFile ? path.posix.dirname(first) : first.replace(/\/\*.*$/, "");
    const schemaFile = path.posix.join(schemaDir, "chat-schema.ts");
    const client = drizzle.client?.postgres ? drizzle.client : null;
    return {
      sourceRoot,
      schemaFile,
      schemaModule: fromSourceRoot(sourceRoot, schemaFile),
      clientModule: "lib/chat/db",
      migrationsFolder: clean(drizzle.config.out),
      existingDb: client ? { module: fromSourceRoot(sourceRoot, client.module), exportName: client.exportName } : null,
      drizzleConfigFile: drizzle.configFile,
      schemaBarrel: isFile && /(^|\/)index\.[cm]?[jt]s$/.test(first) ? first : null,
    };
  }
  const schemaFile = isFree(inSource("db/schema.ts")) ? inSource("db/schema.ts") : inSource("db/chat-schema.ts");
  return {
    sourceRoot,
    schemaFile,
    schemaModule: fromSourceRoot(sourceRoot, schemaFile),
    clientModule: isFree(inSource("db/client.ts")) ? "db/client" : "lib/chat/db",
    migrationsFolder: "drizzle",
    existingDb: null,
    drizzleConfigFile: null,
    schemaBarrel: null,
  };
}

/** The app's own Drizzle setup; a drizzle config this blueprint generated earlier is ours, not theirs. */
export function theirDrizzle(project: Project, isFree: (file: string) => boolean) {
  const drizzle = project.integrations?.drizzle ?? null;
  return drizzle && !isFree(drizzle.configFile) ? drizzle : null;
}
