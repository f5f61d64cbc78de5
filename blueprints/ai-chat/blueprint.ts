import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { defineBlueprint, ensureLines, envKeyOf, type BlueprintHelpers, type PreviousRun, type Project } from "scaffold";
import { planChatLayout, type ChatLayout } from "./chat-layout.js";
import { envExampleLines } from "./env-example.js";
import { editExistingApp } from "./existing-app-edits.js";
import { checkTarget } from "./target-checks.js";

type Driver = "pglite" | "postgres" | "neon";
interface AiChatOptions extends Record<string, string | boolean | number | string[]> {
  driver: Driver;
}

/** Where the embedded database keeps its files; git-ignored. */
const DATA_DIR = ".data/pglite";

/** A file this run may write: it does not exist yet, or an earlier run of ai-chat generated it. */
const freeIn = (project: Project, previous: PreviousRun | null) => (file: string) =>
  (previous?.files.includes(file) ?? false) || !existsSync(path.join(project.root, file));

export default defineBlueprint<AiChatOptions>({
  validate(_options, project, previous) {
    return checkTarget(project, freeIn(project, previous));
  },

  async plan({ tree, options, project, helpers, previous }) {
    const isFree = freeIn(project, previous);
    const layout = planChatLayout(project, isFree);
    const schemaIsNew = tree.readOriginal(layout.schemaFile) === null;
    const context = templateContext(project, layout, options.driver);

    // The app shell belongs to us when we created the project: on a re-run (package.json exists by then) it
    // must still be generated, or the update would see those files as no longer wanted.
    if (project.isNew || previous?.files.includes("package.json")) helpers.renderFolder("base", context);
    // What the app had before ai-chat; on a re-run, files ai-chat generated itself are not "theirs".
    const theirs = (file: string | null | undefined): string | null => (file && !isFree(file) ? file : null);
    const theirRoute = theirs(project.integrations?.chat?.route);
    const theirProxy = theirs(project.integrations?.proxyFile);
    helpers.renderFolder("feature", context, { exclude: (file) => theirRoute !== null && file === theirRoute.replace(/\.js$/, ".ts") });
    helpers.renderFile("db-schema/schema.ts.hbs", layout.schemaFile, context);
    const clientFile = path.posix.join(layout.sourceRoot, `${layout.clientModule}.ts`);
    if (layout.existingDb) {
      helpers.renderFile("db-reuse/__src__/db/client.ts.hbs", clientFile, context);
    } else {
      helpers.renderFile("db-own/__src__/db/client.ts.hbs", clientFile, context);
      // The folder lock only matters to the embedded database.
      if (options.driver === "pglite") helpers.renderFile("db-own/__src__/db/pglite-lock.ts", path.posix.join(layout.sourceRoot, "db/pglite-lock.ts"), context);
      if (!layout.drizzleConfigFile) helpers.renderFile("db-own/drizzle.config.ts.hbs", "drizzle.config.ts", context);
    }
    if (!theirProxy) helpers.renderFolder("proxy", context);
    if (theirRoute) helpers.renderFolder("route-helpers", context);
    if (!project.isNew && !previous?.files.includes("package.json")) {
      await editExistingApp({ project, layout, helpers, driver: options.driver, theirRoute, theirProxy });
    }
    editEnvironmentFiles(project, options.driver, helpers);

    const nodeMajor = Number(process.versions.node.split(".")[0]);
    if (nodeMajor < 22) helpers.warn(`The generated app needs Node.js 22 or newer (the AI SDK 7 requires it); this is Node ${process.versions.node}. Run it with Node 22 or 24.`);
    const tasks = [helpers.installTask()];
    if (schemaIsNew) {
      const name = layout.drizzleConfigFile ? "add_chat" : "init";
      tasks.push(helpers.execTask("Generate the chat tables' migration", "drizzle-kit", ["generate", "--name", name], `Run \`npx drizzle-kit generate --name ${name}\` once dependencies are installed.`));
    }
    if (layout.existingDb) helpers.nextStep("Apply the new migration with your usual workflow (or `npx scaffold migrate --apply`).");
    helpers.nextStep(project.isNew ? `cd ${project.root} && npm run dev` : "npm run dev, then open /chat");
    helpers.nextStep("Read docs/ai-chat.md for what was added and how to switch to PostgreSQL or plug in auth.");
    return tasks;
  },
});

function templateContext(project: Project, layout: ChatLayout, driver: Driver) {
  const auth = project.integrations?.auth;
  return {
    projectName: project.suggestedName,
    driver,
    dataDir: DATA_DIR,
    srcDir: layout.sourceRoot === "src",
    schemaFile: layout.schemaFile,
    schemaModule: layout.schemaModule,
    clientModule: layout.clientModule,
    clientFile: path.posix.join(layout.sourceRoot, `${layout.clientModule}.ts`),
    migrationsFolder: layout.migrationsFolder,
    existingDb: layout.existingDb ?? { module: "", exportName: "" },
    auth: auth?.module
      ? { library: auth.library, module: auth.library === "clerk" ? auth.module : path.posix.relative(layout.sourceRoot || ".", auth.module).replace(/\.[cm]?[jt]sx?$/, "") }
      : { library: "none", module: "" },
  };
}

function editEnvironmentFiles(project: Project, driver: Driver, helpers: BlueprintHelpers): void {
  helpers.edit(".gitignore", "ensure-gitignore-entries", (source) =>
    ensureLines(source, ["/.data/", ".env*.local", "!.env.example"], { header: "# ai-chat: local database and secrets" }),
  );
  const databaseName = project.suggestedName.replaceAll("-", "_");
  helpers.edit(".env.example", "ensure-env-example-keys", (source) => ensureLines(source, envExampleLines(driver, databaseName), { keyOf: envKeyOf }));
  // The cookie secret is generated here, once, into a file git ignores: never into a committed file.
  helpers.edit(".env.local", "ensure-session-secret", (source) =>
    ensureLines(source, [`CHAT_SESSION_SECRET=${randomBytes(32).toString("base64url")}`], { keyOf: envKeyOf }),
  );
}
