import { cpSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/engine/apply-plan.js";
import { planBlueprint } from "../../src/engine/plan-blueprint.js";
import { planRemoval } from "../../src/engine/plan-removal.js";
import { allAiChatOptionsOn } from "../support/ai-chat-options.js";
import { repoRoot } from "../support/run-cli.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";

/** Applies ai-chat (without installing), then removes it, both through plans, as the CLI does. */
async function addThenRemove(dir: string, sets: string[] = []): Promise<Awaited<ReturnType<typeof planRemoval>>> {
  await applyPlan(await planBlueprint({ blueprint: "ai-chat", dir, sets }), { install: false });
  const removal = await planRemoval({ blueprint: "ai-chat", dir });
  await applyPlan(removal, { install: false });
  return removal;
}

describe("ai-chat removal", () => {
  it("empties a folder ai-chat created an app in", async () => {
    const dir = makeTempDir();
    const removal = await addThenRemove(dir);
    expect(removal.entries.filter((entry) => entry.status !== "delete")).toEqual([]);
    expect(snapshotDir(dir)).toEqual({});
  });

  it("removes every feature's files too, in an existing app (with every option on)", async () => {
    const dir = path.join(makeTempDir(), "next-drizzle");
    cpSync(path.join(repoRoot, "fixtures/next-drizzle"), dir, { recursive: true });
    const before = snapshotDir(dir);
    await addThenRemove(dir, allAiChatOptionsOn(10));
    expect(snapshotDir(dir)).toEqual(before);
  });

  // Each existing app gets edits of its own files (package.json, .gitignore, next.config, drizzle config, a wrapped route…).
  it.each(["next-app-root", "next-src-tilde", "next-drizzle", "next-ai-chat-route", "next-authjs"])("undoes every edit of %s", async (fixture) => {
    const dir = path.join(makeTempDir(), fixture);
    cpSync(path.join(repoRoot, "fixtures", fixture), dir, { recursive: true });
    const before = snapshotDir(dir);
    const removal = await addThenRemove(dir);
    expect(removal.entries.filter((entry) => entry.status === "update").length).toBeGreaterThan(0);
    expect(removal.entries.filter((entry) => entry.status === "skip")).toEqual([]);
    expect(snapshotDir(dir)).toEqual(before);
  });
});
