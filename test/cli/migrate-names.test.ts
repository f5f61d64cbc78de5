import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

/**
 * `scaffold migrate` on the built CLI with a real drizzle-kit: without --name each migration is named for
 * what it changes, its file and journal tag together, so drizzle's migrator still finds every file.
 */
const columns = ['  id: text("id").primaryKey(),', '  title: text("title").notNull(),'];
const schema = (extra: string[] = [], table = "") =>
  `import { boolean, index, pgTable, text } from "drizzle-orm/pg-core";\n\nexport const chats = pgTable("chats", {\n${[...columns, ...extra].join("\n")}\n}${table});\n`;
let installed: string;

beforeAll(() => {
  installed = makeTempDir({
    "package.json": JSON.stringify({ name: "migrate-names", private: true, type: "module" }),
    "drizzle.config.ts": `export default { dialect: "postgresql", schema: "./src/db/schema.ts", out: "./drizzle" };\n`,
    "src/db/schema.ts": schema(),
  });
  execFileSync("npm", ["install", "drizzle-orm@0.45.4", "drizzle-kit@0.31.11", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: installed, stdio: "ignore" });
}, 180_000);

function project(): { dir: string; editSchema: (source: string) => void; files: () => string[]; tags: () => string[] } {
  const dir = makeTempDir();
  cpSync(installed, dir, { recursive: true });
  return {
    dir,
    editSchema: (source) => writeFileSync(path.join(dir, "src/db/schema.ts"), source),
    files: () => readdirSync(path.join(dir, "drizzle")).filter((file) => file.endsWith(".sql")).sort(),
    tags: () => (JSON.parse(readFileSync(path.join(dir, "drizzle/meta/_journal.json"), "utf8")) as { entries: Array<{ tag: string }> }).entries.map((e) => e.tag),
  };
}

describe("migration names", () => {
  it("names each migration for what changed, keeps --name when given, and the migrator reads them all", async () => {
    const app = project();
    const first = await runCli(["migrate", "--dir", app.dir]);
    expect(first.exitCode, first.transcript).toBe(0);
    expect(first.stdout).toContain("New migration drizzle/0000_create_chats.sql:\n  - create table chats\n");

    app.editSchema(schema(['  pinned: boolean("pinned").notNull().default(false),']));
    expect((await runCli(["migrate", "--dir", app.dir])).stdout).toContain("New migration drizzle/0001_add_chats_pinned.sql:");

    app.editSchema(schema(['  pinned: boolean("pinned").notNull().default(false),'], ', (table) => [index("chats_title_idx").on(table.title)]'));
    const dryRun = await runCli(["migrate", "--dir", app.dir, "--dry-run"]);
    expect(dryRun.stdout).toContain("New migration drizzle/0002_index_chats_title.sql:");
    expect(app.files()).toEqual(["0000_create_chats.sql", "0001_add_chats_pinned.sql"]);
    expect((await runCli(["migrate", "--dir", app.dir])).stdout).toContain("New migration drizzle/0002_index_chats_title.sql:");

    app.editSchema(schema([], ', (table) => [index("chats_title_idx").on(table.title)]'));
    expect((await runCli(["migrate", "--dir", app.dir, "--name", "unpin"])).stdout).toContain("New migration drizzle/0003_unpin.sql:\n  - DROP column chats.pinned");

    expect(app.files()).toEqual(["0000_create_chats.sql", "0001_add_chats_pinned.sql", "0002_index_chats_title.sql", "0003_unpin.sql"]);
    expect(app.tags()).toEqual(app.files().map((file) => file.replace(/\.sql$/, "")));
    const migrator = path.join(app.dir, "node_modules/drizzle-orm/migrator.js");
    const { readMigrationFiles } = (await import(migrator)) as { readMigrationFiles: (config: { migrationsFolder: string }) => unknown[] };
    expect(readMigrationFiles({ migrationsFolder: path.join(app.dir, "drizzle") })).toHaveLength(4);
  });
});
