import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_NAME_LENGTH, nameMigration, safeWord } from "../../src/migrate/name-migration.js";
import { renameGenerated } from "../../src/migrate/rename-generated.js";

/** Statements as drizzle-kit 0.31 writes them for PostgreSQL, joined the way it joins them. */
const sql = (...statements: string[]) => statements.join("\n--> statement-breakpoint\n");
const createTags = `CREATE TABLE "chat_tags" (\n\t"chat_id" text NOT NULL,\n\t"tag" text NOT NULL\n);\n`;
const tagsForeignKey = `ALTER TABLE "chat_tags" ADD CONSTRAINT "chat_tags_chat_id_chats_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chats"("id") ON DELETE cascade ON UPDATE no action;`;
const safe = /^[a-z0-9]+(_[a-z0-9]+)*$/;

describe("nameMigration", () => {
  it("names a created table, without its foreign keys and indexes", () => {
    expect(nameMigration(sql(createTags, tagsForeignKey, `CREATE INDEX "chat_tags_tag_idx" ON "chat_tags" USING btree ("tag");`))).toBe("create_chat_tags");
  });

  it("names added columns by table and column, several columns of one table together", () => {
    expect(nameMigration(`ALTER TABLE "bar" ADD COLUMN "notes" text;`)).toBe("add_bar_notes");
    expect(nameMigration(sql(`ALTER TABLE "chats" ADD COLUMN "pinned" boolean DEFAULT false NOT NULL;`, `ALTER TABLE "chats" ADD COLUMN "pinned_at" timestamp;`))).toBe("add_chats_pinned_pinned_at");
  });

  it("names an index by the columns it covers, an expression index by its name", () => {
    expect(nameMigration(`CREATE INDEX "chats_title_idx" ON "chats" USING btree ("title");`)).toBe("index_chats_title");
    expect(nameMigration(`CREATE UNIQUE INDEX "chats_owner_updated_idx" ON "chats" USING btree ("owner_id","updated_at" DESC NULLS LAST) WHERE "chats"."deleted_at" is null;`)).toBe("index_chats_owner_id_updated_at");
    expect(nameMigration(`CREATE INDEX "messages_search_idx" ON "messages" USING gin (to_tsvector('simple', text));`)).toBe("index_messages_messages_search");
  });

  it("names column changes by their table, constraints included", () => {
    expect(nameMigration(sql(`ALTER TABLE "messages" ALTER COLUMN "role" SET DATA TYPE varchar(20);`, `ALTER TABLE "messages" ALTER COLUMN "role" SET NOT NULL;`))).toBe("alter_messages");
    expect(nameMigration(`ALTER TABLE "messages" DROP CONSTRAINT "messages_chat_id_chats_id_fk";`)).toBe("alter_messages");
  });

  it("names drops and renames", () => {
    expect(nameMigration(`DROP TABLE "chat_tags" CASCADE;`)).toBe("drop_chat_tags");
    expect(nameMigration(`ALTER TABLE "chats" DROP COLUMN "pinned";`)).toBe("drop_chats_pinned");
    expect(nameMigration(`DROP INDEX "chats_title_idx";`)).toBe("drop_index_chats_title");
    expect(nameMigration(`ALTER TABLE "chats" RENAME COLUMN "pinned" TO "starred";`)).toBe("rename_chats_pinned_to_starred");
    expect(nameMigration(`ALTER TABLE "tags" RENAME TO "labels";`)).toBe("rename_tags_to_labels");
    expect(nameMigration(`CREATE TYPE "public"."mood" AS ENUM('calm', 'busy');`)).toBe("create_type_mood");
  });

  it("joins up to three changes with and, and counts the rest", () => {
    const pinned = `ALTER TABLE "chats" ADD COLUMN "pinned" boolean;`;
    const index = `CREATE INDEX "chats_title_idx" ON "chats" USING btree ("title");`;
    expect(nameMigration(sql(createTags, tagsForeignKey, pinned))).toBe("create_chat_tags_and_add_chats_pinned");
    expect(nameMigration(sql(`CREATE TABLE "a" ("id" text);`, `CREATE TABLE "b" ("id" text);`, pinned, index))).toBe("create_a_and_create_b_and_2_more");
  });

  it("keeps whole identifiers when a name is too long: the first change's columns, then tables only", () => {
    const add = (table: string, column: string) => `ALTER TABLE "${table}" ADD COLUMN "${column}" text;`;
    const usage = sql(
      add("chats", "archived_at"),
      add("chats", "pinned_at"),
      ...["input_tokens", "output_tokens", "model", "finish_reason"].map((column) => add("messages", column)),
      `CREATE INDEX "chats_owner_pinned_updated_idx" ON "chats" USING btree ("owner_id","pinned_at" DESC NULLS LAST);`,
      `CREATE INDEX "messages_chat_answers_created_idx" ON "messages" USING btree ("chat_id","created_at");`,
    );
    expect(nameMigration(usage)).toBe("add_chats_archived_at_pinned_at_and_add_messages_and_2_more");
    expect(nameMigration(sql(add("messages", "input_tokens"), add("messages", "output_tokens"), add("messages", "finish_reason"), add("messages", "cost_micro_usd")))).toBe("add_messages");
  });

  it("cuts long names at a word boundary", () => {
    const name = nameMigration(sql(`CREATE TABLE "a_table_with_an_unreasonably_long_name_for_a_table" ("id" text);`, `ALTER TABLE "chats" ADD COLUMN "pinned" boolean;`));
    expect(name).toBe("create_a_table_with_an_unreasonably_long_name_for_a_table");
    expect(nameMigration(`CREATE TABLE "${"x".repeat(200)}" ("id" text);`)).toBe(`create_${"x".repeat(200)}`.slice(0, MAX_NAME_LENGTH));
  });

  it("keeps only letters and digits of any identifier: accents dropped, other scripts and symbols gone", () => {
    expect(nameMigration(`ALTER TABLE "tâches" ADD COLUMN "Échéance" date;`)).toBe("add_taches_echeance");
    expect(nameMigration(`CREATE TABLE "聊天" ("id" text);`)).toBe("create");
    expect(nameMigration(`ALTER TABLE "my table" ADD COLUMN "a/../b" text;`)).toBe("add_my_table_a_b");
    expect(safeWord("../CON:\u0000")).toBe("con");
  });

  it("is null when there is nothing to read", () => {
    expect(nameMigration("")).toBeNull();
  });

  it("always gives the same safe, bounded name for any identifiers", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("add", "create", "index", "drop"), fc.string(), fc.string()), { minLength: 1, maxLength: 6 }), (changes) => {
        const text = sql(...changes.map(([kind, table, column]) => statement(kind, table.replaceAll('"', ""), column.replaceAll('"', ""))));
        const name = nameMigration(text);
        expect(name).toBe(nameMigration(text));
        expect(name).toMatch(safe);
        expect(name!.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
      }),
    );
  });
});

function statement(kind: string, table: string, column: string): string {
  if (kind === "add") return `ALTER TABLE "${table}" ADD COLUMN "${column}" text;`;
  if (kind === "create") return `CREATE TABLE "${table}" ("${column}" text);`;
  if (kind === "index") return `CREATE INDEX "${table}_idx" ON "${table}" USING btree ("${column}");`;
  return `DROP TABLE "${table}";`;
}

describe("renameGenerated", () => {
  const journal = (...tags: string[]) =>
    `${JSON.stringify({ version: "7", dialect: "postgresql", entries: tags.map((tag, idx) => ({ idx, version: "7", when: 1, tag, breakpoints: true })) }, null, 2)}\n`;

  it("renames the new migration's file and journal tag together, and leaves earlier ones alone", () => {
    const files = new Map([
      ["0000_init.sql", createTags],
      ["0001_tiny_ben_parker.sql", `ALTER TABLE "chats" ADD COLUMN "pinned" boolean;`],
      ["meta/0001_snapshot.json", "{}"],
      ["meta/_journal.json", journal("0000_init", "0001_tiny_ben_parker")],
    ]);
    renameGenerated(files, new Set(["0000_init"]));
    expect([...files.keys()].sort()).toEqual(["0000_init.sql", "0001_add_chats_pinned.sql", "meta/0001_snapshot.json", "meta/_journal.json"]);
    expect(files.get("meta/_journal.json")).toBe(journal("0000_init", "0001_add_chats_pinned"));
  });

  it("keeps drizzle-kit's name when the tag has no numeric prefix or the SQL names nothing", () => {
    const files = new Map([["odd_name.sql", createTags], ["0001_empty.sql", ""], ["meta/_journal.json", journal("odd_name", "0001_empty")]]);
    renameGenerated(files, new Set());
    expect(files.get("meta/_journal.json")).toBe(journal("odd_name", "0001_empty"));
  });
});
