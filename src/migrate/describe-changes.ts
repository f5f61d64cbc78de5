/** One schema change of a migration, as a name reads it: what was done, to which table, and to what in it. */
export interface SchemaChange {
  action: string;
  table: string;
  /** Columns added, indexed or renamed; empty when the table alone says it (create, drop, alter). */
  details: string[];
}

const name = String.raw`(?:"[^"]+"\.)?"([^"]+)"`;
const patterns: Array<[RegExp, (m: RegExpExecArray) => SchemaChange]> = [
  [new RegExp(`^CREATE TABLE (?:IF NOT EXISTS )?${name}`, "i"), (m) => change("create", m[1]!)],
  [new RegExp(`^ALTER TABLE ${name} ADD COLUMN "([^"]+)"`, "i"), (m) => change("add", m[1]!, m[2]!)],
  [new RegExp(`^ALTER TABLE ${name} DROP COLUMN "([^"]+)"`, "i"), (m) => change("drop", m[1]!, m[2]!)],
  [new RegExp(`^ALTER TABLE ${name} RENAME COLUMN "([^"]+)" TO "([^"]+)"`, "i"), (m) => change("rename", m[1]!, `${m[2]}_to_${m[3]}`)],
  [new RegExp(`^ALTER TABLE ${name} RENAME TO "([^"]+)"`, "i"), (m) => change("rename", m[1]!, `to_${m[2]}`)],
  [new RegExp(`^ALTER TABLE ${name}`, "i"), (m) => change("alter", m[1]!)],
  [new RegExp(`^CREATE (?:UNIQUE )?INDEX (?:CONCURRENTLY )?(?:IF NOT EXISTS )?"([^"]+)" ON ${name}([^;]*)`, "i"), (m) => indexChange(m[1]!, m[2]!, m[3]!)],
  [new RegExp(`^DROP INDEX (?:CONCURRENTLY )?(?:IF EXISTS )?${name}`, "i"), (m) => change("drop_index", m[1]!.replace(/_(idx|index)$/i, ""))],
  [new RegExp(`^DROP TABLE (?:IF EXISTS )?${name}`, "i"), (m) => change("drop", m[1]!)],
  [new RegExp(`^(CREATE|ALTER|DROP) (TYPE|SCHEMA|SEQUENCE|VIEW|MATERIALIZED VIEW|POLICY|ROLE) (?:IF (?:NOT )?EXISTS )?${name}`, "i"), (m) => change(`${m[1]}_${m[2]}`, m[3]!)],
];

/**
 * Reads drizzle-kit's SQL as a list of changes, one per table and action, in the order they first appear.
 * What a created table brings with it (its indexes, foreign keys) is part of "create" and not repeated.
 */
export function describeChanges(sql: string): SchemaChange[] {
  const changes: SchemaChange[] = [];
  for (const statement of sql.split("--> statement-breakpoint").map((part) => part.trim()).filter(Boolean)) {
    const found = patterns.map(([pattern, read]) => {
      const match = pattern.exec(statement);
      return match && read(match);
    }).find(Boolean);
    const next = found ?? change(statement.split(/\s+/).slice(0, 2).join("_"), "");
    const same = changes.find((each) => each.action === next.action && each.table === next.table);
    if (same) same.details.push(...next.details.filter((detail) => !same.details.includes(detail)));
    else changes.push(next);
  }
  const created = new Set(changes.filter((each) => each.action === "create").map((each) => each.table));
  return changes.filter((each) => !(created.has(each.table) && (each.action === "index" || each.action === "alter")));
}

function change(action: string, table: string, detail?: string): SchemaChange {
  return { action: action.toLowerCase().replace(/\s+/g, "_"), table, details: detail === undefined ? [] : [detail] };
}

/** An index reads as the columns it covers; an expression index (no plain column) as its own name. */
function indexChange(index: string, table: string, rest: string): SchemaChange {
  const covered = rest.split(/\sWHERE\s/i)[0]!;
  const columns = [...new Set([...covered.matchAll(/"([^"]+)"/g)].map((m) => m[1]!))];
  return { action: "index", table, details: [columns.length ? columns.join("_") : index.replace(/_(idx|index)$/i, "")] };
}
