import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addDrizzleSchemaPath } from "../../../src/edits/add-drizzle-schema-path.js";
import { schemaPathCovers } from "../../../src/edits/schema-path-covers.js";

const CHAT_SCHEMA = "./src/db/chat-schema.ts";
const fixtureConfig = readFileSync(new URL("../../../fixtures/next-drizzle/drizzle.config.ts", import.meta.url), "utf8");

const arrayConfig = `import type { Config } from 'drizzle-kit'

export default {
  dialect: 'postgresql',
  schema: [
    './src/db/users.ts',
    './src/db/billing.ts',
  ],
  out: './migrations',
} satisfies Config
`;

describe("addDrizzleSchemaPath", () => {
  it("turns a single schema path into an array of both", () => {
    expect(addDrizzleSchemaPath(fixtureConfig, CHAT_SCHEMA)).toMatchInlineSnapshot(`
      "import { defineConfig } from "drizzle-kit";

      export default defineConfig({
        dialect: "postgresql",
        schema: ["./src/db/schema.ts", "./src/db/chat-schema.ts"],
        out: "./drizzle",
        dbCredentials: {
          url: process.env.DATABASE_URL!,
        },
      });
      "
    `);
  });

  it("appends to an array, one entry a line, in the file's quotes", () => {
    expect(addDrizzleSchemaPath(arrayConfig, CHAT_SCHEMA)).toMatchInlineSnapshot(`
      "import type { Config } from 'drizzle-kit'

      export default {
        dialect: 'postgresql',
        schema: [
          './src/db/users.ts',
          './src/db/billing.ts',
          './src/db/chat-schema.ts',
        ],
        out: './migrations',
      } satisfies Config
      "
    `);
  });

  it("applying twice equals applying once", () => {
    for (const source of [fixtureConfig, arrayConfig]) {
      const once = addDrizzleSchemaPath(source, CHAT_SCHEMA);
      expect(addDrizzleSchemaPath(once, CHAT_SCHEMA)).toBe(once);
    }
  });

  it.each([
    ["the same path spelled differently", `"src/db/chat-schema.ts"`],
    ["the folder holding it", `"./src/db"`],
    ["the folder with a trailing slash", `"./src/db/"`],
    ["a glob", `"./src/db/*.ts"`],
    ["a recursive glob inside an array", `["./src/auth.ts", "./src/**/*-schema.ts"]`],
  ])("returns the very text when %s already covers the path", (_name, schema) => {
    const source = `import { defineConfig } from "drizzle-kit";\nexport default defineConfig({ dialect: "postgresql", schema: ${schema} });\n`;
    expect(addDrizzleSchemaPath(source, CHAT_SCHEMA)).toBe(source);
  });

  it.each([
    ["a schema held in a variable", `const schema = "./src/db/schema.ts";\nexport default defineConfig({ dialect: "postgresql", schema });\n`, /`schema` is not a literal path/],
    ["an array with a computed entry", "export default defineConfig({ dialect: \"postgresql\", schema: [`${dir}/schema.ts`] });\n", /an entry of `schema` is not a literal path/],
    ["a config without schema (given with --schema)", `export default defineConfig({ dialect: "postgresql" });\n`, /has no `schema`/],
    ["a config built by a function", `export default async () => ({ schema: "./a.ts" });\n`, /exports a function/],
  ])("refuses %s", (_name, source, reason) => {
    expect(() => addDrizzleSchemaPath(source, CHAT_SCHEMA)).toThrow(reason);
  });
});

describe("schemaPathCovers", () => {
  it.each([
    ["./src/db/schema.ts", "src/db/schema.ts", true],
    ["./src/db", "./src/db/chat.ts", true],
    // drizzle-kit reads the files directly in a folder entry, not its subfolders.
    ["./src/db", "./src/db/schema/chat.ts", false],
    ["./src/db/schema.ts", "./src/db/chat.ts", false],
    ["./src/**/schema.ts", "./src/db/schema.ts", true],
    ["./src/**/*.ts", "./src/chat.ts", true],
    ["./src/db/{users,chat}.ts", "./src/db/chat.ts", true],
    ["./src/db/*.schema.ts", "./src/db/chat.ts", false],
    ["./db", "./database/chat.ts", false],
  ])("%s covers %s: %s", (entry, file, expected) => {
    expect(schemaPathCovers(entry, file)).toBe(expected);
  });
});
