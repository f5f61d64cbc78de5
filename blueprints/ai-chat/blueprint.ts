import { randomBytes } from "node:crypto";
import { defineBlueprint, ensureLines, envKeyOf, type Project } from "scaffold";
import { envExampleLines } from "./env-example.js";

type Driver = "pglite" | "postgres" | "neon";
interface AiChatOptions extends Record<string, string | boolean | number | string[]> {
  driver: Driver;
}

/** Where the embedded database keeps its files; git-ignored. */
const DATA_DIR = ".data/pglite";
const SCHEMA_FILE = "db/schema.ts";
export default defineBlueprint<AiChatOptions>({
  validate(_options, project) {
    return validateTarget(project);
  },

  plan({ tree, options, project, helpers, previous }) {
    const sourceRoot = project.importStyle.sourceRoot;
    const schemaPath = [sourceRoot, SCHEMA_FILE].filter(Boolean).join("/");
    const schemaIsNew = tree.readOriginal(schemaPath) === null;
    const context = {
      projectName: project.suggestedName,
      driver: options.driver,
      dataDir: DATA_DIR,
      srcDir: sourceRoot === "src",
    };
    // The app shell belongs to us when we created the project: on a re-run (package.json exists by then) it
    // must still be generated, or the update would see those files as no longer wanted.
    const ownsAppShell = project.isNew || (previous?.files.includes("package.json") ?? false);
    if (ownsAppShell) helpers.renderFolder("base", context);
    // The folder lock only matters to the embedded database.
    helpers.renderFolder("feature", context, { exclude: (file) => options.driver !== "pglite" && file.endsWith("db/pglite-lock.ts") });

    helpers.edit(".gitignore", "ensure-gitignore-entries", (source) =>
      ensureLines(source, ["/.data/", ".env*.local"], { header: "# ai-chat: local database and secrets" }),
    );
    const databaseName = project.suggestedName.replaceAll("-", "_");
    helpers.edit(".env.example", "ensure-env-example-keys", (source) =>
      ensureLines(source, envExampleLines(options.driver, databaseName), { keyOf: envKeyOf }),
    );
    // The cookie secret is generated here, once, into a file git ignores: never into a committed file.
    helpers.edit(".env.local", "ensure-session-secret", (source) =>
      ensureLines(source, [`CHAT_SESSION_SECRET=${randomBytes(32).toString("base64url")}`], { keyOf: envKeyOf }),
    );

    const tasks = [helpers.installTask()];
    if (schemaIsNew) {
      tasks.push(
        helpers.execTask("Generate the initial migration", "drizzle-kit", ["generate", "--name", "init"], "Run `npx drizzle-kit generate --name init` once dependencies are installed."),
      );
    }
    helpers.nextStep(project.isNew ? `cd ${project.root} && npm run dev` : "npm run dev");
    helpers.nextStep("Read docs/ai-chat.md for what was added and how to switch to PostgreSQL or plug in auth.");
    return tasks;
  },
});

/** What ai-chat supports: a new project, or a Next.js 16+ app. Every problem is returned, not just the first. */
function validateTarget(project: Project): string[] {
  if (project.isNew) return [];
  const problems: string[] = [];
  if (project.nextVersion === null) {
    problems.push(`${project.root} has a package.json but no "next" dependency: ai-chat adds to Next.js apps (or creates one in an empty folder).`);
  } else {
    const major = Number(/\d+/.exec(project.nextVersion)?.[0] ?? "0");
    if (major < 16) problems.push(`Next.js ${project.nextVersion} is too old: ai-chat supports Next.js 16 or newer (App Router). Upgrade with \`npx @next/codemod upgrade\`.`);
  }
  return problems;
}
