#!/usr/bin/env node
import { existsSync } from "node:fs";
import path from "node:path";
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { ScaffoldError } from "./errors.js";
import { bundledBlueprintsDir } from "./package-root.js";
import { checkUsage } from "./usage/check-usage.js";
import { COMMANDS, type CommandSpec } from "./usage/commands.js";

/**
 * The command line. The arguments are checked against the command table first (nothing runs on a typo),
 * yargs parses them and prints help, and the chosen command runs only after parsing has finished. This is
 * the one place that catches errors and decides the exit code: 0 done or nothing to do, 1 an error,
 * 2 conflicts (nothing written for either). Only what `--help` needs is imported up front; the rest loads
 * when a command runs or an error is reported.
 */
// Output piped into `head` or a pager that quits early: stop quietly, as other command-line tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const tokens = hideBin(process.argv);
let json = tokens.includes("--json");
try {
  const usage = checkUsage(tokens, (name) => existsSync(path.join(bundledBlueprintsDir(), name, "feature.json")));
  json = usage.json;
  let chosen: { command: CommandSpec; argv: Record<string, unknown> } | undefined;
  const parser = buildParser((command, argv) => (chosen = { command, argv }));
  if (usage.command || usage.help) await parser.parseAsync(tokens);
  else if (usage.json) throw new ScaffoldError("USAGE", "Name a blueprint or a command.", "Run `scaffold --help` for the commands.");
  else parser.showHelp("log");
  if (chosen) {
    const [{ runCommand }, { processIO }] = await Promise.all([import("./usage/run-command.js"), import("./commands/io.js")]);
    process.exitCode = await runCommand(chosen.command, chosen.argv, processIO());
  }
} catch (error) {
  const [{ reportError }, { processIO }] = await Promise.all([import("./output/report-error.js"), import("./commands/io.js")]);
  process.exitCode = reportError(error, json, processIO());
}

function buildParser(choose: (command: CommandSpec, argv: Record<string, unknown>) => void): Argv {
  let parser = yargs()
    .scriptName("scaffold")
    .usage("$0 <blueprint> [options]\n\nAdd a whole feature to a repository from a blueprint.")
    .parserConfiguration({ "greedy-arrays": false });
  for (const command of COMMANDS) {
    const names = command.positional ? [`${command.name} <${command.positional.name}>`] : [command.name];
    if (command.name === "add") names.push(`$0 <${command.positional!.name}>`);
    parser = parser.command(names, command.describe, (argv) => defineFlags(argv, command), (argv) => choose(command, argv));
  }
  return parser
    .example("$0 ai-chat --dir my-chat --yes", "Create a Next.js chat app with persistent history")
    .example("$0 ai-chat --dry-run", "Show what adding ai-chat to this app would change")
    .example("$0 remove ai-chat --dry-run", "Show what removing ai-chat from this app would delete and undo")
    .strict()
    .help()
    .alias("help", "h")
    .version()
    .wrap(Math.min(110, process.stdout.columns || 110))
    .fail((message, error) => {
      // The usage check runs first, so this is a backstop; throwing stops yargs before any handler.
      throw error ?? new ScaffoldError("USAGE", message, "Run `scaffold --help` for usage.");
    });
}

function defineFlags(argv: Argv, command: CommandSpec): Argv {
  let defined = command.positional
    ? argv.positional(command.positional.name, { type: "string", demandOption: true, describe: command.positional.describe })
    : argv;
  for (const flag of command.flags) {
    defined = defined.option(flag.name, {
      type: flag.type === "array" ? "string" : flag.type,
      ...(flag.type === "array" ? { array: true } : {}),
      ...(flag.alias ? { alias: flag.alias } : {}),
      ...(flag.default !== undefined ? { default: flag.default } : {}),
      describe: flag.describe,
    });
  }
  return defined;
}
