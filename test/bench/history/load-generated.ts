import path from "node:path";
import { createJiti } from "jiti";
import { isSqlClient, type SqlClient } from "./sql-client.js";

/** A message as the generated query layer stores it (the AI SDK's UIMessage with text parts). */
export interface BenchMessage {
  id: string;
  role: "user" | "assistant";
  parts: Array<{ type: "text"; text: string }>;
  metadata?: Record<string, unknown>;
}

export interface MessagePage {
  messages: Array<{ id: string }>;
  nextCursor: string | null;
}

/** The functions of the generated `src/lib/chat/queries.ts` the benchmark calls, as they are declared there. */
export interface GeneratedQueries {
  loadMessages(ownerId: string, chatId: string, options: { before?: string; limit: number }): Promise<MessagePage | null>;
  listChats(ownerId: string, options: { cursor?: string; limit: number }): Promise<{ chats: Array<{ id: string }>; nextCursor: string | null }>;
  saveUserMessage(ownerId: string, input: { chatId: string; title: string; message: BenchMessage }): Promise<unknown>;
  saveMessages(ownerId: string, chatId: string, input: readonly BenchMessage[]): Promise<{ inserted: string[] }>;
}

export interface GeneratedModules {
  queries: GeneratedQueries;
  encodeCursor(key: readonly (string | number)[]): string;
  /** Opens the database as the app does (migrations included) and hands back the client behind drizzle. */
  openClient(): Promise<SqlClient>;
}

/**
 * Loads the generated TypeScript as the app's own code, unchanged: jiti compiles it on the fly, `@/` maps to
 * `src/` as in the app's tsconfig, and `server-only` resolves to the package's own empty module (what Next's
 * `react-server` condition picks on the server). Bare imports (drizzle-orm, pg, PGlite) resolve from the app's
 * node_modules because jiti resolves them next to the importing file.
 */
export async function loadGeneratedModules(appDir: string): Promise<GeneratedModules> {
  const jiti = createJiti(path.join(appDir, "package.json"), {
    alias: {
      "@/": `${path.join(appDir, "src")}/`,
      "server-only": path.join(appDir, "node_modules", "server-only", "empty.js"),
    },
    // Nothing is written into the app's node_modules/.cache: the bench leaves the app as generated.
    fsCache: false,
  });
  const queries = await jiti.import<Record<string, unknown>>(path.join(appDir, "src", "lib", "chat", "queries.ts"));
  const cursor = await jiti.import<Record<string, unknown>>(path.join(appDir, "src", "lib", "chat", "cursor.ts"));
  const client = await jiti.import<Record<string, unknown>>(path.join(appDir, "src", "db", "client.ts"));
  assertFunctions("queries.ts", queries, ["loadMessages", "listChats", "saveUserMessage", "saveMessages"]);
  assertFunctions("cursor.ts", cursor, ["encodeCursor"]);
  assertFunctions("client.ts", client, ["getDb"]);
  const getDb = client.getDb as () => Promise<{ $client?: unknown }>;
  return {
    queries: queries as unknown as GeneratedQueries,
    encodeCursor: cursor.encodeCursor as GeneratedModules["encodeCursor"],
    openClient: async () => {
      const db = await getDb();
      if (!isSqlClient(db.$client)) throw new Error("getDb() returned a drizzle database without a queryable $client.");
      return db.$client;
    },
  };
}

/** The casts above are checked here: a renamed export fails loudly instead of timing `undefined()`. */
function assertFunctions(file: string, module: Record<string, unknown>, names: readonly string[]): void {
  const missing = names.filter((name) => typeof module[name] !== "function");
  if (missing.length > 0) throw new Error(`The generated ${file} no longer exports ${missing.join(", ")}; update test/bench/history.`);
}
