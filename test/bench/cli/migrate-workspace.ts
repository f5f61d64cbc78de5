import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { copyApp, type GeneratedApp } from "../support/generated-app.js";

export interface MigrateWorkspace {
  appDir: string;
  /** Puts the migrations folder back to the initial migration only, so every run writes the same new one. */
  reset(): Promise<void>;
  /** Throws unless the run just measured wrote exactly one new migration. */
  assertNewMigration(): Promise<void>;
}

/**
 * A copy of the installed app with one schema edit a user would make (a nullable column on chats), and a
 * pristine copy of its migrations folder to restore between runs.
 */
export async function prepareMigrateWorkspace(app: GeneratedApp): Promise<MigrateWorkspace> {
  const appDir = await copyApp(app, "migrate-app");
  const schemaFile = path.join(appDir, "src", "db", "schema.ts");
  const schema = await readFile(schemaFile, "utf8");
  const anchor = `    title: text("title").notNull(),\n`;
  if (!schema.includes(anchor)) throw new Error(`The generated schema has no line ${JSON.stringify(anchor)}; update the migrate bench.`);
  await writeFile(schemaFile, schema.replace(anchor, `${anchor}    pinnedAt: timestamp("pinned_at", { withTimezone: true }),\n`));

  const migrations = path.join(appDir, "drizzle");
  const pristine = path.join(app.workDir, "migrate-pristine-drizzle");
  await cp(migrations, pristine, { recursive: true });
  return {
    appDir,
    reset: async () => {
      await rm(migrations, { recursive: true, force: true });
      await cp(pristine, migrations, { recursive: true });
    },
    assertNewMigration: async () => {
      const sql = (await readdir(migrations)).filter((file) => file.endsWith(".sql"));
      if (sql.length !== 2) throw new Error(`Expected the initial and one new migration in ${migrations}, found ${sql.join(", ")}`);
    },
  };
}
