import { describe, expect, it } from "vitest";
import { detectDrizzleClient, DRIZZLE_CLIENT_CANDIDATES } from "../../../src/project/detect-drizzle-client.js";
import { detectDrizzleConfig, DRIZZLE_CONFIG_FILES, explainUnsupportedDrizzle } from "../../../src/project/detect-drizzle.js";
import { readFixtureFiles } from "./fixture-files.js";

describe("detectDrizzleConfig", () => {
  it("reads the next-drizzle fixture's config", () => {
    const [config] = readFixtureFiles("next-drizzle", DRIZZLE_CONFIG_FILES);
    const detected = detectDrizzleConfig(config!.path, config!.text);
    expect(detected).toEqual({ configFile: "drizzle.config.ts", dialect: "postgresql", schema: "./src/db/schema.ts", out: "./drizzle" });
    expect(explainUnsupportedDrizzle(detected!)).toBeNull();
  });

  it("reads arrays, a driver, `satisfies Config`, CommonJS, and defaults `out` as drizzle-kit does", () => {
    const ts = `import type { Config } from "drizzle-kit";\nexport default { dialect: "postgresql", driver: "pglite", schema: ["./a.ts", './b.ts'] } satisfies Config;\n`;
    expect(detectDrizzleConfig("drizzle.config.ts", ts)).toEqual({ configFile: "drizzle.config.ts", dialect: "postgresql", driver: "pglite", schema: ["./a.ts", "./b.ts"], out: "drizzle" });
    const cjs = `/** @type { import("drizzle-kit").Config } */\nmodule.exports = { dialect: "postgresql", schema: "./db/schema.js", out: "./migrations" };\n`;
    expect(detectDrizzleConfig("drizzle.config.js", cjs)).toMatchObject({ schema: "./db/schema.js", out: "./migrations" });
  });

  it.each([
    ["mysql", `export default defineConfig({ dialect: "mysql", schema: "./src/schema.ts" });`],
    ["sqlite", `export default defineConfig({ dialect: "sqlite", schema: "./src/schema.ts" });`],
    ["turso", `export default defineConfig({ dialect: "turso", schema: "./src/schema.ts" });`],
  ])("detects a %s config so the caller can refuse it with a reason", (dialect, text) => {
    const detected = detectDrizzleConfig("drizzle.config.ts", text);
    expect(detected?.dialect).toBe(dialect);
    expect(explainUnsupportedDrizzle(detected!)).toBe(`drizzle.config.ts uses the "${dialect}" dialect; the chat schema is written for PostgreSQL (drizzle-orm/pg-core).`);
  });

  it("explains the Postgres driver the generated client cannot use", () => {
    const detected = detectDrizzleConfig("drizzle.config.ts", `export default { dialect: "postgresql", driver: "aws-data-api", schema: "./s.ts" };`);
    expect(explainUnsupportedDrizzle(detected!)).toMatch(/aws-data-api/);
  });

  it.each([
    ["a schema in a variable", `const schema = "./s.ts";\nexport default { dialect: "postgresql", schema };`],
    ["a dialect from the environment", `export default { dialect: process.env.DIALECT, schema: "./s.ts" };`],
    ["a function config", `export default () => ({ dialect: "postgresql", schema: "./s.ts" });`],
    ["no export", `const config = { dialect: "postgresql", schema: "./s.ts" };`],
  ])("returns null for %s rather than guessing", (_name, text) => {
    expect(detectDrizzleConfig("drizzle.config.ts", text)).toBeNull();
  });
});

describe("detectDrizzleClient", () => {
  it("finds the next-drizzle fixture's node-postgres client", () => {
    expect(detectDrizzleClient(readFixtureFiles("next-drizzle", DRIZZLE_CLIENT_CANDIDATES))).toEqual({
      module: "src/db/index.ts",
      exportName: "db",
      driver: "node-postgres",
      postgres: true,
    });
  });

  it.each([
    ["postgres-js", `import { drizzle } from "drizzle-orm/postgres-js";\nimport postgres from "postgres";\nexport const db = drizzle(postgres(process.env.DATABASE_URL!));`],
    ["neon-http", `import { drizzle as createDb } from "drizzle-orm/neon-http";\nconst db = createDb(process.env.DATABASE_URL!);\nexport { db };`],
    ["neon-serverless", `import { drizzle } from "drizzle-orm/neon-serverless";\nconst g = globalThis as { db?: ReturnType<typeof drizzle> };\nexport const db = g.db ?? drizzle(process.env.DATABASE_URL!);`],
    ["pglite", `import { drizzle } from "drizzle-orm/pglite";\nexport const db = drizzle("./.data/db");`],
  ])("recognises %s", (driver, text) => {
    expect(detectDrizzleClient([{ path: "lib/db.ts", text }])).toMatchObject({ module: "lib/db.ts", driver, postgres: true });
  });

  it("reports a non-Postgres driver as such", () => {
    const text = `import { drizzle } from "drizzle-orm/mysql2";\nexport const db = drizzle(process.env.DATABASE_URL!);`;
    expect(detectDrizzleClient([{ path: "src/db.ts", text }])).toMatchObject({ driver: "mysql2", postgres: false });
  });

  it("ignores files that do not export `db` built by drizzle()", () => {
    const notExported = `import { drizzle } from "drizzle-orm/pglite";\nconst db = drizzle();\nexport const query = db.select;`;
    const otherName = `import { drizzle } from "drizzle-orm/pglite";\nexport const database = drizzle();`;
    expect(detectDrizzleClient([{ path: "a.ts", text: notExported }, { path: "b.ts", text: otherName }])).toBeNull();
  });
});
