import type { SqlClient } from "./sql-client.js";

export interface ExplainedQuery {
  sql: string;
  plan: string[];
}

type QueryMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * Runs `work` once while recording every statement it sends, then EXPLAIN ANALYZEs the SELECTs with the same
 * parameters. Recording at the client catches the SQL drizzle really generates rather than a hand copy of it.
 */
export async function explainWork(client: SqlClient, work: () => Promise<unknown>): Promise<ExplainedQuery[]> {
  const statements = await recordStatements(client, work);
  const explained: ExplainedQuery[] = [];
  for (const { text, params } of statements.filter((statement) => /^\s*select\b/i.test(statement.text))) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
    explained.push({ sql: text.replace(/\s+/g, " ").trim(), plan: rows.map((row) => String(Object.values(row)[0])) });
  }
  return explained;
}

async function recordStatements(client: SqlClient, work: () => Promise<unknown>): Promise<Array<{ text: string; params: unknown[] }>> {
  const target = client as { query: QueryMethod };
  const original = target.query;
  const statements: Array<{ text: string; params: unknown[] }> = [];
  // drizzle calls node-postgres with `({ text, rowMode }, params)` and PGlite with `(text, params, options)`.
  target.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    const params = Array.isArray(second) ? second : isQueryConfig(first) ? (first.values ?? []) : [];
    if (typeof first === "string") statements.push({ text: first, params });
    else if (isQueryConfig(first)) statements.push({ text: first.text, params });
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    target.query = original;
  }
  return statements;
}

function isQueryConfig(value: unknown): value is { text: string; values?: unknown[] } {
  return typeof value === "object" && value !== null && typeof (value as { text?: unknown }).text === "string";
}
