import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../support/temp-dir.js";
import { personasScenario } from "./scenarios/options/personas.js";
import { promptsScenario } from "./scenarios/options/prompts.js";
import { GeneratedApp } from "./support/generated-app.js";
import { createFreshDatabase, type FreshDatabase } from "./support/postgres.js";

/**
 * The prompt library and personas: an app generated with both options builds cleanly, and their HTTP
 * scenarios pass on PGlite and on PostgreSQL.
 */
const app = new GeneratedApp(path.join(makeTempDir({}, "scaffold-e2e-prompts-personas-"), "my-chat"));
const databases: FreshDatabase[] = [];

afterAll(async () => {
  await app.stopAll();
  for (const database of databases) await database.drop().catch(() => undefined);
  console.log(app.timer.report(`prompts + personas (${app.dir})`));
});

describe("ai-chat with prompts and personas", () => {
  it("generates, installs, typechecks, lints and builds", async () => {
    const generated = await app.generate(["--set", "prompts=true", "--set", "personas=true"]);
    expect(generated.exitCode, generated.transcript).toBe(0);
    await app.typecheckLintBuild();
  });

  it("runs the scenarios on PGlite", async () => {
    const server = await app.start({ OFFLINE_MODEL_DELAY_MS: "0" });
    await app.against(server, "prompts (PGlite)", promptsScenario);
    await app.against(server, "personas (PGlite)", personasScenario);
    await app.stop(server);
  });

  it("runs the scenarios on PostgreSQL", async () => {
    const database = await createFreshDatabase("scaffold_e2e_prompts_personas");
    databases.push(database);
    const server = await app.start({ DATABASE_URL: database.url, OFFLINE_MODEL_DELAY_MS: "0" });
    await app.against(server, "prompts (PostgreSQL)", promptsScenario);
    await app.against(server, "personas (PostgreSQL)", personasScenario);
    await app.stop(server);
  });
});
