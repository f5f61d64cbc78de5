import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/engine/apply-plan.js";
import { planBlueprint } from "../../src/engine/plan-blueprint.js";
import type { Plan } from "../../src/engine/plan.js";
import { makeTempDir } from "../support/temp-dir.js";

/** A folder with a fixed name: the app's name (package.json, README, database) is taken from it. */
const appDir = (): string => path.join(makeTempDir(), "my-app");

/** The plan as stable text: the random cookie secret is the one value that differs between runs. */
function describePlan(plan: Plan): Record<string, string> {
  return Object.fromEntries(
    plan.entries.map((entry) => [
      `${entry.status} ${entry.path}`,
      (entry.after ?? "").replace(/CHAT_SESSION_SECRET=[\w-]+/, "CHAT_SESSION_SECRET=<random>"),
    ]),
  );
}

describe("ai-chat plan in an empty folder", () => {
  it("with default options", async () => {
    const plan = await planBlueprint({ blueprint: "ai-chat", dir: appDir() });
    expect(plan.entries.every((entry) => entry.status === "create")).toBe(true);
    expect(plan.tasks.map((task) => [task.command, ...task.args].join(" "))).toEqual([
      "npm install --no-audit --no-fund",
      "npx --no-install drizzle-kit generate --name init",
    ]);
    expect(describePlan(plan)).toMatchSnapshot();
  });

  it("with driver=neon: only the client and the dependencies differ", async () => {
    const [pglite, neon] = await Promise.all([
      planBlueprint({ blueprint: "ai-chat", dir: appDir() }).then(describePlan),
      planBlueprint({ blueprint: "ai-chat", dir: appDir(), sets: ["driver=neon"] }).then(describePlan),
    ]);
    const differing = Object.keys(neon).filter((key) => neon[key] !== pglite[key]);
    expect(differing).toMatchSnapshot();
    for (const key of differing) expect(neon[key]).toMatchSnapshot(key);
  });
});

describe("ai-chat re-run on the app it created", () => {
  it("plans no change at all (the app shell stays ours once package.json exists)", async () => {
    const dir = makeTempDir();
    const first = await planBlueprint({ blueprint: "ai-chat", dir });
    await applyPlan(first, { install: false });
    const again = await planBlueprint({ blueprint: "ai-chat", dir });
    expect(again.entries.filter((entry) => entry.status !== "unchanged")).toEqual([]);
    expect(again.entries.map((entry) => entry.path)).toContain("package.json");
  });
});
