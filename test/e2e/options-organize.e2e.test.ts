import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../support/temp-dir.js";
import { archiveScenario } from "./scenarios/options/archive.js";
import { organizeBrowserScenario } from "./scenarios/options/organize-browser.js";
import { pinScenario } from "./scenarios/options/pin.js";
import { softDeleteScenario } from "./scenarios/options/softDelete.js";
import { visibilityScenario } from "./scenarios/options/visibility.js";
import { GeneratedApp } from "./support/generated-app.js";
import { createFreshDatabase, type FreshDatabase } from "./support/postgres.js";

/**
 * The options that organize chats: soft delete (trash, restore, purge), archive, visibility (public read-only
 * chats) and pin. One app with all four, built once, run on PGlite and on PostgreSQL.
 */
const app = new GeneratedApp(path.join(makeTempDir({}, "scaffold-e2e-organize-"), "organize-chat"));
const databases: FreshDatabase[] = [];

afterAll(async () => {
  await app.stopAll();
  for (const database of databases) await database.drop().catch(() => undefined);
  console.log(`app sources: ${app.dir}`);
  console.log(app.timer.report("ai-chat softDelete + archive + visibility + pin"));
});

async function runAll(env: Record<string, string>, label: string): Promise<void> {
  const server = await app.start(env);
  try {
    await app.against(server, `softDelete (${label})`, softDeleteScenario);
    await app.against(server, `archive (${label})`, archiveScenario);
    await app.against(server, `pin (${label})`, pinScenario);
    await app.against(server, `visibility (${label})`, visibilityScenario);
    expect(server.logs()).not.toMatch(/\[chat\] (unexpected error|could not)/);
  } finally {
    await app.stop(server);
  }
}

describe("ai-chat with softDelete, archive, visibility and pin", () => {
  it("generates, typechecks, lints and builds", async () => {
    const generate = await app.generate(["--set", "softDelete=true", "--set", "archive=true", "--set", "visibility=true", "--set", "pin=true"]);
    expect(generate.exitCode, generate.transcript).toBe(0);
    await app.typecheckLintBuild();
  });

  it("works on PGlite", async () => {
    await runAll({}, "PGlite");
  });

  it("works in a real browser: pin, make public, archive, trash, restore, delete forever", async () => {
    const server = await app.start();
    try {
      await app.against(server, "sidebar in Chromium (PGlite)", organizeBrowserScenario);
    } finally {
      await app.stop(server);
    }
  });

  it("works on PostgreSQL", async () => {
    const database = await createFreshDatabase("scaffold_e2e_organize");
    databases.push(database);
    await runAll({ DATABASE_URL: database.url }, "PostgreSQL");
  });
});
