import { it } from "vitest";
import { archiveScenario } from "../scenarios/options/archive.js";
import { organizeBrowserScenario } from "../scenarios/options/organize-browser.js";
import { pinScenario } from "../scenarios/options/pin.js";
import { softDeleteScenario } from "../scenarios/options/softDelete.js";
import { visibilityScenario } from "../scenarios/options/visibility.js";
import { expectQuietLogs, withServer, type SuiteContext } from "./suite.js";

/** softDelete (trash, restore, purge), archive, visibility (public read-only chats) and pin. */
export function organizeTests(context: SuiteContext): void {
  const runAll = (env: Record<string, string>, label: string) =>
    withServer(context.app, env, async (server) => {
      await context.app.against(server, `softDelete (${label})`, softDeleteScenario);
      await context.app.against(server, `archive (${label})`, archiveScenario);
      await context.app.against(server, `pin (${label})`, pinScenario);
      await context.app.against(server, `visibility (${label})`, visibilityScenario);
      expectQuietLogs(server);
    });

  it("softDelete, archive, pin and visibility over HTTP on PGlite", () => runAll({}, "PGlite"));

  it("softDelete, archive, pin and visibility over HTTP on PostgreSQL", async () => {
    const database = await context.freshDatabase("scaffold_e2e_organize");
    await runAll({ DATABASE_URL: database.url }, "PostgreSQL");
  });

  it("in Chromium: pin, make public, archive, trash, restore, delete forever", () =>
    withServer(context.app, {}, (server) => context.app.against(server, "sidebar in Chromium (PGlite)", organizeBrowserScenario)));
}
