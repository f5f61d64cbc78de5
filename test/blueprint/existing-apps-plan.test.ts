import { cpSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planBlueprint } from "../../src/engine/plan-blueprint.js";
import { formatDiffs } from "../../src/output/format-plan.js";
import { repoRoot } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

/** Plans ai-chat on a temp copy of a fixture (plans read the disk; they never write). */
async function planOn(fixture: string) {
  const dir = path.join(makeTempDir(), fixture);
  cpSync(path.join(repoRoot, "fixtures", fixture), dir, { recursive: true });
  return planBlueprint({ blueprint: "ai-chat", dir });
}

const stable = (text: string): string => text.replace(/CHAT_SESSION_SECRET=[\w-]+/, "CHAT_SESSION_SECRET=<random>");

describe.each(["next-app-root", "next-src-tilde", "next-drizzle", "next-ai-chat-route", "next-authjs"])("ai-chat plan inside %s", (fixture) => {
  it("creates its files, edits theirs through named transformers, and conflicts with nothing", async () => {
    const plan = await planOn(fixture);
    expect(plan.entries.filter((entry) => entry.status === "conflict")).toEqual([]);
    expect(plan.entries.map((entry) => `${entry.status} ${entry.path}${entry.transformers.length ? ` (${entry.transformers.join(", ")})` : ""}`)).toMatchSnapshot();
    // Every existing file that changes is edited by a transformer, never replaced by a template.
    for (const entry of plan.entries.filter((e) => e.status === "update")) expect(entry.transformers, entry.path).not.toEqual([]);
    expect(stable(formatDiffs(plan, ["update"]))).toMatchSnapshot();
  });
});

describe("what ai-chat integrates with", () => {
  it("reuses an existing Postgres Drizzle client and puts the chat schema beside theirs", async () => {
    const plan = await planOn("next-drizzle");
    const client = plan.entries.find((entry) => entry.path === "src/lib/chat/db.ts");
    expect(client?.after).toContain('import { db } from "@/db";');
    expect(plan.entries.map((entry) => entry.path)).toEqual(expect.arrayContaining(["src/db/chat-schema.ts"]));
    expect(plan.entries.map((entry) => entry.path)).not.toContain("src/db/client.ts");
    expect(plan.tasks.map((task) => task.args.join(" "))).toContain("--no-install drizzle-kit generate --name add_chat");
  });

  it("identifies Auth.js users through auth() and keeps the anonymous cookie as the fallback", async () => {
    const plan = await planOn("next-authjs");
    const user = plan.entries.find((entry) => entry.path === "lib/chat/user.ts")?.after ?? "";
    expect(user).toContain('import { auth } from "@/auth";');
    expect(user).toMatch(/const session = await auth\(\);[\s\S]*readSession/);
  });

  it("imports through a non-@ alias", async () => {
    const plan = await planOn("next-src-tilde");
    expect(plan.entries.find((entry) => entry.path === "src/lib/chat/queries.ts")?.after).toContain('from "~/db/client"');
  });

  it("refuses a non-Postgres Drizzle setup and a non-Next app, saying what is supported", async () => {
    const mysql = makeTempDir({
      "package.json": JSON.stringify({ dependencies: { next: "16.4.3", "drizzle-orm": "0.45.4" } }),
      "drizzle.config.ts": 'export default { dialect: "mysql", schema: "./db/schema.ts", out: "./drizzle" };\n',
    });
    await expect(planBlueprint({ blueprint: "ai-chat", dir: mysql })).rejects.toMatchObject({
      code: "TARGET_NOT_SUPPORTED",
      details: [expect.stringMatching(/uses the "mysql" dialect.*Supported: the postgresql dialect/)],
    });
    const notNext = makeTempDir({ "package.json": JSON.stringify({ dependencies: { express: "5.0.0" } }) });
    await expect(planBlueprint({ blueprint: "ai-chat", dir: notNext })).rejects.toMatchObject({
      details: [expect.stringMatching(/no "next" dependency/)],
    });
    const oldNext = makeTempDir({ "package.json": JSON.stringify({ dependencies: { next: "^14.2.0" } }) });
    await expect(planBlueprint({ blueprint: "ai-chat", dir: oldNext })).rejects.toMatchObject({
      details: [expect.stringMatching(/Next.js \^14.2.0 is too old/)],
    });
  });

  it("accepts Next.js declared by a dist-tag or a range that reaches 16; an installed 15 under a tag is too old", async () => {
    for (const next of ["latest", "canary", "^16", ">=15"]) {
      const app = makeTempDir({ "package.json": JSON.stringify({ dependencies: { next } }), "app/page.tsx": "export default function Page() { return null; }\n" });
      const plan = await planBlueprint({ blueprint: "ai-chat", dir: app });
      expect(plan.entries.some((entry) => entry.status === "conflict"), next).toBe(false);
    }
    const stale = makeTempDir({
      "package.json": JSON.stringify({ dependencies: { next: "latest" } }),
      "node_modules/next/package.json": JSON.stringify({ name: "next", version: "15.5.4" }),
    });
    await expect(planBlueprint({ blueprint: "ai-chat", dir: stale })).rejects.toMatchObject({
      details: [expect.stringMatching(/Next.js latest \(15.5.4 installed\) is too old/)],
    });
  });
});
