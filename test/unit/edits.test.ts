import { describe, expect, it } from "vitest";
import { addPackageDependencies } from "../../src/edits/add-package-dependencies.js";
import { ensureLines, envKeyOf } from "../../src/edits/ensure-lines.js";

describe("addPackageDependencies", () => {
  const source = `{
    "name": "app",
    "scripts": { "dev": "next dev", "db:generate": "mine" },
    "dependencies": { "zod": "^3.0.0", "next": "16.0.0" }
}
`;
  const additions = {
    dependencies: { ai: "7.0.0", zod: "4.0.0", "drizzle-orm": "0.45.0" },
    devDependencies: { "drizzle-kit": "0.31.0", next: "99.0.0" },
    scripts: { "db:generate": "drizzle-kit generate", "db:migrate": "drizzle-kit migrate" },
  };

  it("adds missing packages sorted, keeps declared ranges and scripts, keeps the indentation", () => {
    expect(addPackageDependencies(source, additions)).toMatchInlineSnapshot(`
      "{
          "name": "app",
          "scripts": {
              "dev": "next dev",
              "db:generate": "mine",
              "db:migrate": "drizzle-kit migrate"
          },
          "dependencies": {
              "ai": "7.0.0",
              "drizzle-orm": "0.45.0",
              "next": "16.0.0",
              "zod": "^3.0.0"
          },
          "devDependencies": {
              "drizzle-kit": "0.31.0"
          }
      }
      "
    `);
  });

  it("is idempotent and returns the very same text when nothing is missing", () => {
    const once = addPackageDependencies(source, additions);
    expect(addPackageDependencies(once, additions)).toBe(once);
  });
});

describe("ensureLines", () => {
  it("appends only the missing lines under a header", () => {
    expect(ensureLines("node_modules\n.next\n", [".next", ".data/"], { header: "# chat data" })).toBe("node_modules\n.next\n\n# chat data\n.data/\n");
  });

  it("creates the file when it does not exist, and applying twice equals once", () => {
    const once = ensureLines(null, ["A=1"], { keyOf: envKeyOf });
    expect(once).toBe("A=1\n");
    expect(ensureLines(once, ["A=1"], { keyOf: envKeyOf })).toBe(once);
  });

  it("treats a commented or differently valued env key as present", () => {
    const source = "# DATABASE_URL=postgres://x\nAI_MODEL=mine\n";
    expect(ensureLines(source, ["DATABASE_URL=", "AI_MODEL=openai/gpt-5", "NEW_KEY=1"], { keyOf: envKeyOf })).toBe(`${source}\nNEW_KEY=1\n`);
  });
});
