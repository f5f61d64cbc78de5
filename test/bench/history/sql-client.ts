export type Row = Record<string, unknown>;

/**
 * The part of the database client the benchmark uses directly: node-postgres' Pool and PGlite both answer
 * `query(text, params)` with `{ rows }`. It is the very client behind the generated `getDb()`, so the baseline,
 * the bulk load and EXPLAIN share one connection pool (or one PGlite instance) with the generated queries.
 */
export interface SqlClient {
  query(text: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
  /** node-postgres Pool */
  end?(): Promise<void>;
  /** PGlite */
  close?(): Promise<void>;
}

export function isSqlClient(value: unknown): value is SqlClient {
  return typeof value === "object" && value !== null && typeof (value as { query?: unknown }).query === "function";
}

/** Runs statements one at a time: PGlite's parameterised `query` accepts a single statement per call. */
export async function runStatements(client: SqlClient, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await client.query(statement);
}

/** A count or id column as a number: node-postgres returns bigint columns as strings, PGlite as numbers. */
export function toNumber(value: unknown): number {
  const number = typeof value === "string" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isFinite(number)) throw new Error(`Expected a number, got ${String(value)}`);
  return number;
}

export async function closeClient(client: SqlClient): Promise<void> {
  if (client.end) await client.end();
  else if (client.close) await client.close();
}
