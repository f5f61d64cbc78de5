import { cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planBlueprint } from "../../src/engine/plan-blueprint.js";
import { repoRoot } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

/** A copy of an existing-app fixture that uses Prettier (installed, with its own config). */
function appWithPrettier(config: object): string {
  const dir = path.join(makeTempDir(), "app");
  cpSync(path.join(repoRoot, "fixtures", "next-src-tilde"), dir, { recursive: true });
  writeFileSync(path.join(dir, ".prettierrc.json"), JSON.stringify(config));
  mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  symlinkSync(path.join(repoRoot, "node_modules", "prettier"), path.join(dir, "node_modules", "prettier"));
  return dir;
}

describe("projects with Prettier", () => {
  it("get generated and edited files formatted with their own config, inside the plan", async () => {
    const plan = await planBlueprint({ blueprint: "ai-chat", dir: appWithPrettier({ semi: false, singleQuote: true }) });
    const queries = plan.entries.find((entry) => entry.path === "src/lib/chat/queries.ts")?.after ?? "";
    expect(queries).toContain("import { getDb, type Database } from '~/db/client'\n");
    expect(queries).not.toMatch(/;\n/);
    const nextConfig = plan.entries.find((entry) => entry.path === "next.config.ts")?.after ?? "";
    expect(nextConfig).toContain("serverExternalPackages: ['@electric-sql/pglite']");
  });

  it("leave a project without Prettier as generated", async () => {
    const dir = path.join(makeTempDir(), "app");
    cpSync(path.join(repoRoot, "fixtures", "next-src-tilde"), dir, { recursive: true });
    const plan = await planBlueprint({ blueprint: "ai-chat", dir });
    expect(plan.entries.find((entry) => entry.path === "src/lib/chat/queries.ts")?.after).toContain('from "~/db/client";\n');
  });
});
