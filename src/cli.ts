#!/usr/bin/env node
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import type { AddArgs } from "./commands/add.js";
import { processIO } from "./commands/io.js";
import { formatScaffoldError, isScaffoldError } from "./errors.js";

/**
 * The command line: yargs wiring only. Command modules are imported when their command runs, so `--help`
 * stays fast. This is the one place that catches errors and decides the exit code:
 * 0 done or nothing to do, 1 an error (nothing written), 2 conflicts (nothing written).
 */
// Output piped into `head` or a pager that quits early: stop quietly, as other command-line tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

async function run(handler: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await handler();
  } catch (error) {
    if (isScaffoldError(error)) {
      process.stderr.write(`${formatScaffoldError(error)}\n`);
      process.exitCode = error.code === "CONFLICTS" ? 2 : 1;
    } else {
      process.stderr.write(`scaffold crashed; this is a bug, please report it with the output below.\n${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    }
  }
}

function addOptions(argv: Argv) {
  return argv
    .positional("blueprint", { type: "string", demandOption: true, describe: "Bundled blueprint name (see `scaffold list`) or path to a blueprint folder" })
    .option("dir", { type: "string", default: ".", describe: "Target folder (created if missing)" })
    .option("yes", { alias: "y", type: "boolean", default: false, describe: "Accept defaults; never prompt" })
    .option("dry-run", { type: "boolean", default: false, describe: "Show the plan and diffs; write nothing" })
    .option("json", { type: "boolean", default: false, describe: "Print the plan as JSON; write nothing" })
    .option("force", { type: "boolean", default: false, describe: "Overwrite conflicting files" })
    .option("preset", { type: "string", describe: "Start from a named set of options (see `scaffold list`), e.g. minimal or full" })
    .option("set", { type: "string", array: true, default: [] as string[], describe: "Set an option: --set key=value (repeatable)" })
    .option("install", { type: "boolean", default: true, describe: "Install dependencies and run follow-up tasks (--no-install to skip)" });
}

async function add(argv: Record<string, unknown>): Promise<void> {
  const args: AddArgs = {
    blueprint: String(argv["blueprint"]),
    dir: String(argv["dir"]),
    yes: Boolean(argv["yes"]),
    dryRun: Boolean(argv["dryRun"]),
    json: Boolean(argv["json"]),
    force: Boolean(argv["force"]),
    set: (argv["set"] as string[] | undefined) ?? [],
    ...(typeof argv["preset"] === "string" ? { preset: argv["preset"] } : {}),
    install: argv["install"] !== false,
  };
  await run(async () => (await import("./commands/add.js")).runAdd(args, processIO()));
}

await yargs(hideBin(process.argv))
  .scriptName("scaffold")
  .usage("$0 <blueprint> [options]\n\nAdd a whole feature to a repository from a blueprint.")
  .command(["add <blueprint>", "$0 <blueprint>"], "Apply a blueprint to a project (or create one in an empty folder)", addOptions, add)
  .command("list", "List the bundled blueprints with their options", (argv) => argv, () =>
    run(async () => (await import("./commands/list.js")).runList(processIO())),
  )
  .command(
    "status",
    "Show the blueprints applied here and which generated files you changed or deleted",
    (argv) =>
      argv
        .option("dir", { type: "string", default: ".", describe: "Project folder" })
        .option("json", { type: "boolean", default: false, describe: "Print the status as JSON" }),
    (argv) => run(async () => (await import("./commands/status.js")).runStatus({ dir: argv.dir, json: argv.json }, processIO())),
  )
  .command(
    "remove <blueprint>",
    "Remove a blueprint: delete the files it generated that you did not change, undo its edits to your files",
    (argv) =>
      argv
        .positional("blueprint", { type: "string", demandOption: true, describe: "Name of an applied blueprint (see `scaffold status`) or path to its folder" })
        .option("dir", { type: "string", default: ".", describe: "Project folder" })
        .option("force", { type: "boolean", default: false, describe: "Also delete generated files you changed" })
        .option("dry-run", { type: "boolean", default: false, describe: "Show what would be removed and undone; write nothing" })
        .option("drop-tables", { type: "boolean", default: false, describe: "Also write the migration that drops the blueprint's tables (their data is lost once applied)" }),
    (argv) =>
      run(async () =>
        (await import("./commands/remove.js")).runRemove(
          { blueprint: argv.blueprint, dir: argv.dir, force: argv.force, dryRun: argv.dryRun, dropTables: argv.dropTables },
          processIO(),
        ),
      ),
  )
  .command(
    "migrate",
    "Write the next migration for your schema edits (drizzle-kit generate), and optionally apply it",
    (argv) =>
      argv
        .option("dir", { type: "string", default: ".", describe: "Project folder" })
        .option("name", { type: "string", describe: "Name of the migration file (e.g. add_pinned)" })
        .option("apply", { type: "boolean", default: false, describe: "Apply pending migrations to the configured database" })
        .option("dry-run", { type: "boolean", default: false, describe: "Show the migration; write nothing" }),
    (argv) =>
      run(async () =>
        (await import("./commands/migrate.js")).runMigrate(
          { dir: argv.dir, apply: argv.apply, dryRun: argv.dryRun, ...(argv.name ? { name: argv.name } : {}) },
          processIO(),
        ),
      ),
  )
  .example("$0 ai-chat --dir my-chat --yes", "Create a Next.js chat app with persistent history")
  .example("$0 ai-chat --dry-run", "Show what adding ai-chat to this app would change")
  .example("$0 remove ai-chat --dry-run", "Show what removing ai-chat from this app would delete and undo")
  .strictCommands()
  .strictOptions()
  .demandCommand(1, "Name a blueprint (see `scaffold list`) or a command.")
  .help()
  .alias("help", "h")
  .version()
  .wrap(Math.min(110, process.stdout.columns || 110))
  .fail((message, error) => {
    if (error) throw error;
    process.stderr.write(`error USAGE: ${message}\nhint: run \`scaffold --help\` for usage.\n`);
    process.exitCode = 1;
  })
  .parseAsync();
