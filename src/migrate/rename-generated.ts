import { nameMigration } from "./name-migration.js";

const JOURNAL = "meta/_journal.json";

/**
 * Gives each migration drizzle-kit just generated under its random name (`0001_tiny_ben_parker`) a name
 * for what it changes (`0001_add_chats_pinned`): the SQL file and its journal tag together, since the
 * migrator finds the file by the tag. `files` is the migrations folder after generate (relative path →
 * content); `before` the journal's tags before it. Works on the staged copy, so nothing is on disk yet.
 */
export function renameGenerated(files: Map<string, string>, tagsBefore: ReadonlySet<string>): void {
  const journal = files.get(JOURNAL);
  if (journal === undefined) return;
  let renamed = journal;
  for (const tag of readTags(journal)) {
    const sql = files.get(`${tag}.sql`);
    const prefix = /^(\d+)_/.exec(tag)?.[1];
    if (tagsBefore.has(tag) || sql === undefined || prefix === undefined) continue;
    const name = nameMigration(sql);
    const next = name && `${prefix}_${name}`;
    if (!next || next === tag || files.has(`${next}.sql`)) continue;
    files.delete(`${tag}.sql`);
    files.set(`${next}.sql`, sql);
    renamed = renamed.replace(`"tag": ${JSON.stringify(tag)}`, `"tag": ${JSON.stringify(next)}`);
  }
  files.set(JOURNAL, renamed);
}

export function readTags(journal: string | null | undefined): string[] {
  if (!journal) return [];
  try {
    const parsed = JSON.parse(journal) as { entries?: Array<{ tag?: unknown }> };
    return (parsed.entries ?? []).map((entry) => entry.tag).filter((tag): tag is string => typeof tag === "string");
  } catch {
    return [];
  }
}
