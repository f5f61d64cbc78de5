import path from "node:path";
import { createJiti } from "jiti";
import { isSqlClient, type SqlClient } from "../history/sql-client.js";

/** `searchChats` of the generated `src/lib/chat/search-queries.ts`, as it is declared there. */
export type SearchChats = (
  ownerId: string,
  text: string,
  limit: number,
) => Promise<{ chats: Array<{ chatId: string }>; messages: Array<{ messageId: string }> }>;

export interface GeneratedSearch {
  searchChats: SearchChats;
  /** Opens the database as the app does (migrations included) and hands back the client behind drizzle. */
  openClient(): Promise<SqlClient>;
}

/**
 * Loads the generated search queries unchanged, the way the history section loads queries.ts (see
 * history/load-generated.ts): jiti, `@/` mapped to `src/`, `server-only` to its empty module.
 */
export async function loadGeneratedSearch(appDir: string): Promise<GeneratedSearch> {
  const jiti = createJiti(path.join(appDir, "package.json"), {
    alias: {
      "@/": `${path.join(appDir, "src")}/`,
      "server-only": path.join(appDir, "node_modules", "server-only", "empty.js"),
    },
    fsCache: false,
  });
  const search = await jiti.import<Record<string, unknown>>(path.join(appDir, "src", "lib", "chat", "search-queries.ts"));
  const client = await jiti.import<Record<string, unknown>>(path.join(appDir, "src", "db", "client.ts"));
  if (typeof search.searchChats !== "function") throw new Error("The generated search-queries.ts no longer exports searchChats; update test/bench/search.");
  if (typeof client.getDb !== "function") throw new Error("The generated client.ts no longer exports getDb; update test/bench/search.");
  const getDb = client.getDb as () => Promise<{ $client?: unknown }>;
  return {
    searchChats: search.searchChats as SearchChats,
    openClient: async () => {
      const db = await getDb();
      if (!isSqlClient(db.$client)) throw new Error("getDb() returned a drizzle database without a queryable $client.");
      return db.$client;
    },
  };
}
