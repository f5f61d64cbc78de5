/**
 * Every command and flag the CLI accepts, as data: yargs builds its parser and help from it, and the usage
 * check refuses anything not listed here before a command runs.
 */
export interface FlagSpec {
  name: string;
  type: "boolean" | "string" | "array";
  describe: string;
  alias?: string;
  default?: boolean | string | string[];
}

export interface CommandSpec {
  name: "add" | "list" | "status" | "remove" | "migrate";
  describe: string;
  /** The one positional argument a command takes, if any (always required). */
  positional?: { name: string; describe: string; missing: string; hint: string };
  flags: FlagSpec[];
}

const dir = (describe: string): FlagSpec => ({ name: "dir", type: "string", default: ".", describe });
const json = (describe: string): FlagSpec => ({ name: "json", type: "boolean", default: false, describe });
const dryRun = (describe: string): FlagSpec => ({ name: "dry-run", type: "boolean", default: false, describe });
const verbose: FlagSpec = { name: "verbose", type: "boolean", default: false, describe: "List unchanged files too" };

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "add",
    describe: "Apply a blueprint to a project (or create one in an empty folder)",
    positional: {
      name: "blueprint",
      describe: "Bundled blueprint name (see `scaffold list`) or path to a blueprint folder",
      missing: "Name the blueprint to apply.",
      hint: "Run `scaffold list` to see the bundled blueprints, e.g. `scaffold add ai-chat`.",
    },
    flags: [
      dir("Target folder (created if missing)"),
      { name: "yes", alias: "y", type: "boolean", default: false, describe: "Accept defaults; never prompt" },
      dryRun("Show the plan and diffs; write nothing"),
      json("Print the plan as JSON; write nothing"),
      { name: "force", type: "boolean", default: false, describe: "Overwrite conflicting files" },
      { name: "preset", type: "string", describe: "Start from a named set of options (see `scaffold list`), e.g. minimal or full" },
      { name: "set", type: "array", default: [], describe: "Set an option: --set key=value (repeatable)" },
      { name: "install", type: "boolean", default: true, describe: "Install dependencies and run follow-up tasks (--no-install to skip)" },
      verbose,
    ],
  },
  { name: "list", describe: "List the bundled blueprints with their options", flags: [json("Print the blueprints as JSON")] },
  {
    name: "status",
    describe: "Show the blueprints applied here and which generated files you changed or deleted",
    flags: [dir("Project folder"), json("Print the status as JSON")],
  },
  {
    name: "remove",
    describe: "Remove a blueprint: delete the files it generated that you did not change, undo its edits to your files",
    positional: {
      name: "blueprint",
      describe: "Name of an applied blueprint (see `scaffold status`) or path to its folder",
      missing: "Name the blueprint to remove.",
      hint: "Run `scaffold status` to see the blueprints applied here, e.g. `scaffold remove ai-chat`.",
    },
    flags: [
      dir("Project folder"),
      { name: "force", type: "boolean", default: false, describe: "Also delete generated files you changed" },
      dryRun("Show what would be removed and undone; write nothing"),
      json("Print the removal plan as JSON; write nothing"),
      { name: "drop-tables", type: "boolean", default: false, describe: "Also write the migration that drops the blueprint's tables (their data is lost once applied)" },
      verbose,
    ],
  },
  {
    name: "migrate",
    describe: "Write the next migration for your schema edits (drizzle-kit generate), and optionally apply it",
    flags: [
      dir("Project folder"),
      { name: "name", type: "string", describe: "Name of the migration file (e.g. add_pinned)" },
      { name: "apply", type: "boolean", default: false, describe: "Apply pending migrations to the configured database" },
      dryRun("Show the migration; write nothing"),
      json("Print the migration as JSON; write nothing"),
    ],
  },
];

/** Accepted by every command. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: "help", alias: "h", type: "boolean", describe: "Show help" },
  { name: "version", type: "boolean", describe: "Show version number" },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name);
}
