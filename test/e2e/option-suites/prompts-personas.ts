import { it } from "vitest";
import { personasScenario } from "../scenarios/options/personas.js";
import { promptsScenario } from "../scenarios/options/prompts.js";
import { withServer, type SuiteContext } from "./suite.js";

/** The prompt library and personas, on PGlite and on PostgreSQL. */
export function promptsPersonasTests(context: SuiteContext): void {
  const runAll = (env: Record<string, string>, label: string) =>
    withServer(context.app, { ...env, OFFLINE_MODEL_DELAY_MS: "0" }, async (server) => {
      await context.app.against(server, `prompts (${label})`, promptsScenario);
      await context.app.against(server, `personas (${label})`, personasScenario);
    });

  it("prompts and personas on PGlite", () => runAll({}, "PGlite"));

  it("prompts and personas on PostgreSQL", async () => {
    const database = await context.freshDatabase("scaffold_e2e_prompts_personas");
    await runAll({ DATABASE_URL: database.url }, "PostgreSQL");
  });
}
