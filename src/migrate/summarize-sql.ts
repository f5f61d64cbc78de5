/** One line per statement of a migration, in words, with anything that can lose data called out. */
export function summarizeSql(sql: string): string[] {
  return sql
    .split("--> statement-breakpoint")
    .map((statement) => statement.trim())
    .filter(Boolean)
    .map(describeStatement);
}

const patterns: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^CREATE TABLE (?:IF NOT EXISTS )?"([^"]+)"/i, (m) => `create table ${m[1]}`],
  [/^ALTER TABLE "([^"]+)" ADD COLUMN "([^"]+)"/i, (m) => `add column ${m[1]}.${m[2]}`],
  [/^ALTER TABLE "([^"]+)" DROP COLUMN "([^"]+)"/i, (m) => `DROP column ${m[1]}.${m[2]} (its data is lost)`],
  [/^ALTER TABLE "([^"]+)" RENAME COLUMN "([^"]+)" TO "([^"]+)"/i, (m) => `rename column ${m[1]}.${m[2]} to ${m[3]}`],
  [/^ALTER TABLE "([^"]+)" RENAME TO "([^"]+)"/i, (m) => `rename table ${m[1]} to ${m[2]}`],
  [/^ALTER TABLE "([^"]+)" ALTER COLUMN "([^"]+)"/i, (m) => `change column ${m[1]}.${m[2]}`],
  [/^ALTER TABLE "([^"]+)" ADD CONSTRAINT "([^"]+)"/i, (m) => `add constraint ${m[2]} on ${m[1]}`],
  [/^ALTER TABLE "([^"]+)" DROP CONSTRAINT "([^"]+)"/i, (m) => `drop constraint ${m[2]} on ${m[1]}`],
  [/^CREATE (UNIQUE )?INDEX (?:IF NOT EXISTS )?"([^"]+)" ON "([^"]+)"/i, (m) => `create ${m[1] ? "unique " : ""}index ${m[2]} on ${m[3]}`],
  [/^DROP INDEX (?:IF EXISTS )?"([^"]+)"/i, (m) => `drop index ${m[1]}`],
  [/^DROP TABLE (?:IF EXISTS )?"([^"]+)"/i, (m) => `DROP table ${m[1]} (its data is lost)`],
];

function describeStatement(statement: string): string {
  for (const [pattern, describe] of patterns) {
    const match = pattern.exec(statement);
    if (match) return describe(match);
  }
  return statement.split("\n")[0]!.slice(0, 100);
}
