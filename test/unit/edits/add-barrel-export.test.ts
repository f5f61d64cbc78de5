import { describe, expect, it } from "vitest";
import { addBarrelExport } from "../../../src/edits/add-barrel-export.js";

const CHAT_NAMES = ["chats", "messages", "chatsRelations", "messagesRelations"];

const reExportingBarrel = `// Every table drizzle-kit should see.
export * from "./users";
export * from "./billing";

export type { User } from "./users";
`;

const tablesAndImports = `import { pgTable, text } from 'drizzle-orm/pg-core'

export const users = pgTable('users', { id: text('id').primaryKey() })
`;

describe("addBarrelExport", () => {
  it("goes after the last re-export", () => {
    expect(addBarrelExport(reExportingBarrel, "./chat", CHAT_NAMES)).toMatchInlineSnapshot(`
      "// Every table drizzle-kit should see.
      export * from "./users";
      export * from "./billing";
      export * from "./chat";

      export type { User } from "./users";
      "
    `);
  });

  it("goes after the imports of a schema file that declares its own tables, in the file's style", () => {
    expect(addBarrelExport(tablesAndImports, "./chat", CHAT_NAMES)).toMatchInlineSnapshot(`
      "import { pgTable, text } from 'drizzle-orm/pg-core'
      export * from './chat'

      export const users = pgTable('users', { id: text('id').primaryKey() })
      "
    `);
  });

  it("fills an empty file", () => {
    expect(addBarrelExport("", "./chat")).toBe(`export * from "./chat";\n`);
  });

  it("applying twice equals applying once", () => {
    for (const source of [reExportingBarrel, tablesAndImports, ""]) {
      const once = addBarrelExport(source, "./chat", CHAT_NAMES);
      expect(addBarrelExport(once, "./chat", CHAT_NAMES)).toBe(once);
    }
  });

  it.each([`export * from "./chat.js";\n`, `export * from './chat.ts'\n`, `export * from "./chat/index";\n`])(
    "returns the very text when %j already re-exports the module",
    (source) => {
      expect(addBarrelExport(source, "./chat", CHAT_NAMES)).toBe(source);
    },
  );

  it("refuses when the barrel already exports one of the module's names, which would hide it", () => {
    const source = `import { pgTable, text } from "drizzle-orm/pg-core";\nexport const messages = pgTable("messages", { id: text("id") });\n`;
    expect(() => addBarrelExport(source, "./chat", CHAT_NAMES)).toThrow(/already exports `messages`, which would hide the same names in \.\/chat/);
  });

  it("refuses a name clash through a named re-export, and a CommonJS barrel", () => {
    expect(() => addBarrelExport(`export { chats } from "./legacy";\n`, "./chat", CHAT_NAMES)).toThrow(/already exports `chats`/);
    expect(() => addBarrelExport(`module.exports = require("./users");\n`, "./chat", CHAT_NAMES, "index.js")).toThrow(/CommonJS/);
  });
});
