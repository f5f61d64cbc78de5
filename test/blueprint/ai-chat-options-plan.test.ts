import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/engine/apply-plan.js";
import { planBlueprint } from "../../src/engine/plan-blueprint.js";
import { ScaffoldError } from "../../src/errors.js";
import { SCHEMA_FEATURES } from "../../blueprints/ai-chat/options.js";
import { allAiChatOptionsOn } from "../support/ai-chat-options.js";
import { repoRoot } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

const appDir = (): string => path.join(makeTempDir(), "my-app");
const ALL_ON = allAiChatOptionsOn(20);

const paths = async (sets: string[]): Promise<string[]> =>
  (await planBlueprint({ blueprint: "ai-chat", dir: appDir(), sets })).entries.map((entry) => entry.path);

/** The problems a refused plan lists (the whole list, so one test can see that all are reported together). */
async function problemsOf(sets: string[], dir = appDir()): Promise<string[]> {
  const error = await planBlueprint({ blueprint: "ai-chat", dir, sets }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ScaffoldError);
  return [...(error as ScaffoldError).details];
}

describe("ai-chat parts: which layers are generated", () => {
  it("database,api: routes and queries, no hooks, components or pages; no redirect to a /chat page", async () => {
    const plan = await planBlueprint({ blueprint: "ai-chat", dir: appDir(), sets: ["parts=database,api"] });
    const files = plan.entries.map((entry) => entry.path);
    expect(files).toContain("src/lib/chat/queries.ts");
    expect(files).toContain("src/app/api/chat/route.ts");
    expect(files).toContain("src/proxy.ts");
    expect(files.filter((file) => /^src\/(hooks|components)\/|^src\/app\/chat\/|client-api/.test(file))).toEqual([]);
    expect(plan.entries.find((entry) => entry.path === "next.config.ts")?.after).not.toContain("redirects");
  });

  it("database alone: schema, client, queries and migrations, no HTTP surface and no session proxy", async () => {
    const files = await paths(["parts=database"]);
    expect(files).toEqual(expect.arrayContaining(["src/db/schema.ts", "src/db/client.ts", "src/lib/chat/queries.ts", "drizzle.config.ts"]));
    expect(files.filter((file) => /^src\/(app\/api|proxy\.ts|hooks|components)/.test(file))).toEqual([]);
  });

  it("refuses a layer without the one below it, and says which and why", async () => {
    const problems = await problemsOf(["parts=api,ui"]);
    expect(problems.join("\n")).toMatch(/parts must include database/);
    expect(problems.join("\n")).toMatch(/parts includes ui but not hooks/);
  });
});

describe("ai-chat feature options", () => {
  it("all on: every feature's layers are rendered, once, into one schema", async () => {
    const plan = await planBlueprint({ blueprint: "ai-chat", dir: appDir(), sets: ALL_ON });
    const schema = plan.entries.find((entry) => entry.path === "src/db/schema.ts")?.after ?? "";
    for (const table of ["chats", "messages", "personas", "prompts", "chat_shares", "chat_rate_events"]) expect(schema).toContain(`pgTable(\n  "${table}"`);
    for (const column of ["deleted_at", "archived_at", "pinned_at", "visibility", "persona_id", "input_tokens", "cost_micro_usd"]) expect(schema).toContain(`"${column}"`);
    // Each feature documents itself in the generated doc.
    const doc = plan.entries.find((entry) => entry.path === "docs/ai-chat.md")?.after ?? "";
    expect(doc.match(/^### .+/gm)?.length ?? 0).toBeGreaterThanOrEqual(14);
    expect(plan.entries.find((entry) => entry.path === "package.json")?.after).toContain('"redis"');
    expect(plan.entries.find((entry) => entry.path === ".env.example")?.after).toMatch(/REDIS_URL=/);
  });

  it("all off: no feature table, column or dependency", async () => {
    const plan = await planBlueprint({ blueprint: "ai-chat", dir: appDir() });
    const schema = plan.entries.find((entry) => entry.path === "src/db/schema.ts")?.after ?? "";
    expect(schema).not.toMatch(/deleted_at|personas|prompts|chat_shares|input_tokens|tsvector/);
    expect(plan.entries.find((entry) => entry.path === "package.json")?.after).not.toContain('"redis"');
  });

  it("refuses options that need the generated chat route in an app that keeps its own", async () => {
    const dir = makeTempDir();
    cpSync(path.join(repoRoot, "fixtures/next-ai-chat-route"), dir, { recursive: true });
    const problems = await problemsOf(["usage=true", "rateLimit=5"], dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/rateLimit, usage need the generated POST \/api\/chat.*app\/api\/chat\/route\.ts/);
  });

  it("refuses a negative or fractional daily limit before planning anything", async () => {
    expect((await problemsOf(["rateLimit=-1"])).join("\n")).toMatch(/rateLimit/);
    expect((await problemsOf(["rateLimit=2.5"])).join("\n")).toMatch(/rateLimit/);
  });
});

describe("turning an option on later", () => {
  it("knows every feature that shapes the schema (so a change asks for a migration)", () => {
    const template = readFileSync(path.join(repoRoot, "templates/ai-chat/db-schema/schema.ts.hbs"), "utf8");
    const used = new Set([...template.matchAll(/features\.(\w+)/g)].map((match) => match[1]));
    expect([...used].sort()).toEqual([...SCHEMA_FEATURES].sort());
  });

  it("keeps the earlier options, updates the schema and asks for a migration", async () => {
    const dir = appDir();
    await applyPlan(await planBlueprint({ blueprint: "ai-chat", dir, sets: ["driver=postgres"] }), { install: false });
    const later = await planBlueprint({ blueprint: "ai-chat", dir, sets: ["search=true"] });
    const schema = later.entries.find((entry) => entry.path === "src/db/schema.ts");
    expect(schema?.status).toBe("update");
    expect(schema?.after).toContain("messages_text_search_idx");
    expect(later.entries.find((entry) => entry.path === "src/db/client.ts")?.status).toBe("unchanged");
    // In the order they are run: the migration before starting the app; the docs were pointed to the first time.
    expect(later.nextSteps).toEqual([
      expect.stringMatching(/^npx scaffold migrate /),
      "npm run dev   # start the app",
      "Open http://localhost:3000/chat in your browser",
    ]);
    // An option that changes no table needs no migration.
    await applyPlan(later, { install: false });
    const again = await planBlueprint({ blueprint: "ai-chat", dir, sets: ["titles=ai"] });
    expect(again.nextSteps.join("\n")).not.toMatch(/scaffold migrate/);
  });
});
