import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { defineBlueprint, ensureLines, envKeyOf, type BlueprintHelpers, type PreviousRun, type Project } from "scaffold";
import { apiPaths, proxyMatcher } from "./api-paths.js";
import { listApiRoutes } from "./api-routes.js";
import { planChatLayout, type ChatLayout } from "./chat-layout.js";
import { envExampleLines } from "./env-example.js";
import { editExistingApp } from "./existing-app-edits.js";
import { checkOptions } from "./option-checks.js";
import { enabledFeatures, layerFlags, schemaSignature, type AiChatOptions } from "./options.js";
import { checkTarget } from "./target-checks.js";


/** Where the embedded database keeps its files; git-ignored. */
const DATA_DIR = ".data/pglite";

/** A file this run may write: it does not exist yet, or an earlier run of ai-chat generated it. */
const freeIn = (project: Project, previous: PreviousRun | null) => (file: string) =>
  (previous?.files.includes(file) ?? false) || !existsSync(path.join(project.root, file));

export default defineBlueprint<AiChatOptions>({
  validate(options, project, previous) {
    const isFree = freeIn(project, previous);
    const theirRoute = project.integrations?.chat?.route;
    return [...checkTarget(project, isFree), ...checkOptions(options, theirRoute && !isFree(theirRoute) ? theirRoute : null)];
  },

  async plan({ tree, options, project, helpers, previous }) {
    const isFree = freeIn(project, previous);
    const layout = planChatLayout(project, isFree);
    const schemaIsNew = tree.readOriginal(layout.schemaFile) === null;
    const context = templateContext(project, layout, options);
    const parts = layerFlags(options.parts);

    // The app shell belongs to us when we created the project: on a re-run (package.json exists by then) it
    // must still be generated, or the update would see those files as no longer wanted.
    if (project.isNew || previous?.files.includes("package.json")) helpers.renderFolder("base", context);
    // What the app had before ai-chat; on a re-run, files ai-chat generated itself are not "theirs".
    const theirs = (file: string | null | undefined): string | null => (file && !isFree(file) ? file : null);
    const theirRoute = theirs(project.integrations?.chat?.route);
    const theirProxy = theirs(project.integrations?.proxyFile);
    const notTheirRoute = { exclude: (file: string) => theirRoute !== null && file === theirRoute.replace(/\.js$/, ".ts") };
    // Layers bottom-up, then each feature's files for the layers being generated.
    for (const layer of options.parts) helpers.renderFolder(`layers/${layer}`, context, notTheirRoute);
    for (const feature of enabledFeatures(options)) {
      for (const layer of options.parts) {
        if (helpers.hasTemplates(`options/${feature}/${layer}`)) helpers.renderFolder(`options/${feature}/${layer}`, context, notTheirRoute);
      }
    }
    helpers.renderFolder("docs", context);
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
    // The session cookie and their route's persistence belong to the API layer.
    if (parts.api && !theirProxy) helpers.renderFolder("proxy", context);
    // The secret is checked at start-up; an app's own instrumentation file is left alone (the check also runs per request).
    const instrumentation = path.posix.join(layout.sourceRoot, "instrumentation.ts");
    if (parts.api && isFree(instrumentation) && isFree(instrumentation.replace(/\.ts$/, ".js"))) helpers.renderFile("startup/instrumentation.ts.hbs", instrumentation, context);
    if (parts.api && theirRoute) helpers.renderFolder("route-helpers", context);
    if (!project.isNew && !previous?.files.includes("package.json")) {
      await editExistingApp({ project, layout, helpers, options, theirRoute: parts.api ? theirRoute : null, theirProxy: parts.api ? theirProxy : null });
    }
    // Last of the API layer: it lists the route files rendered (and edited) above.
    if (parts.api) {
      const apiRoutes = listApiRoutes(tree, project.appDir, theirRoute);
      helpers.renderFile("api-routes/api-routes.ts.hbs", path.posix.join(layout.sourceRoot, "lib/chat/api-routes.ts"), { ...context, apiRoutes });
    }
    editEnvironmentFiles(project, options, helpers);

    const nodeMajor = Number(process.versions.node.split(".")[0]);
    if (nodeMajor < 22) helpers.warn(`The generated app needs Node.js 22 or newer (the AI SDK 7 requires it); this is Node ${process.versions.node}. Run it with Node 22 or 24.`);
    const tasks = [helpers.installTask()];
    if (schemaIsNew) {
      const name = layout.drizzleConfigFile ? "add_chat" : "init";
      tasks.push(helpers.execTask("Generate the chat tables' migration", "drizzle-kit", ["generate", "--name", name], `Run \`npx drizzle-kit generate --name ${name}\` once dependencies are installed.`));
    }
    // Steps in the order they are run; the engine puts the `cd` and any task that did not run first.
    // Options that add tables, or a newer ai-chat whose base schema grew: either way the database needs a migration.
    const schemaChanged = (previous: PreviousRun) =>
      schemaSignature(previous.options as AiChatOptions) !== schemaSignature(options) || tree.read(layout.schemaFile) !== tree.readOriginal(layout.schemaFile);
    if (previous && !schemaIsNew && schemaChanged(previous)) {
      helpers.nextStep("npx scaffold migrate   # the chat schema changed: write its migration (then restart the app, or add --apply)");
    }
    if (layout.existingDb) helpers.nextStep("npx scaffold migrate --apply   # apply the new migration (or use your usual workflow)");
    helpers.nextStep(`${runScript(project, "dev")}   # start the app`);
    helpers.nextStep(parts.ui ? `Open ${devUrl(project)}/chat in your browser` : `${devUrl(project)}/api/chat is the chat endpoint (no UI was generated)`);
    // Read once: a re-run's steps are the ones it adds.
    if (!previous) helpers.nextStep("Read docs/ai-chat.md for what was added and how to switch to PostgreSQL or plug in auth.");
    return tasks;
  },
});

function runScript(project: Project, script: string): string {
  return project.packageManager === "npm" ? `npm run ${script}` : `${project.packageManager} ${script}`;
}

/** Where `next dev` listens: the port its dev script passes, else Next's default. */
function devUrl(project: Project): string {
  const dev = project.packageJson?.scripts?.["dev"] ?? "";
  const port = /(?:-p|--port)[= ](\d+)/.exec(dev)?.[1] ?? "3000";
  return `http://localhost:${port}`;
}

function templateContext(project: Project, layout: ChatLayout, options: AiChatOptions) {
  const auth = project.integrations?.auth;
  return {
    projectName: project.suggestedName,
    driver: options.driver,
    options,
    /** On/off per feature, for `{{#if features.search}}`: see enabledFeatures. */
    features: Object.fromEntries(enabledFeatures(options).map((name) => [name, true])),
    parts: layerFlags(options.parts),
    /** The proxy's matcher and the docs' list of paths: one source (api-paths.ts). */
    proxyMatcher: proxyMatcher(options),
    apiPaths: apiPaths(options),
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

function editEnvironmentFiles(project: Project, options: AiChatOptions, helpers: BlueprintHelpers): void {
  helpers.edit(".gitignore", "ensure-gitignore-entries", (source) =>
    ensureLines(source, ["/.data/", ".env*.local", "!.env.example"], { header: "# ai-chat: local database and secrets" }),
  );
  const databaseName = project.suggestedName.replaceAll("-", "_");
  helpers.edit(".env.example", "ensure-env-example-keys", (source) => ensureLines(source, envExampleLines(options.driver, databaseName, options), { keyOf: envKeyOf }));
  // The cookie secret is generated here, once, into a file git ignores: never into a committed file.
  helpers.edit(".env.local", "ensure-session-secret", (source) =>
    ensureLines(source, [`CHAT_SESSION_SECRET=${randomBytes(32).toString("base64url")}`], { keyOf: envKeyOf }),
  );
}
