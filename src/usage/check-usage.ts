import { didYouMean } from "./closest-name.js";
import { COMMANDS, findCommand, GLOBAL_FLAGS, type CommandSpec, type FlagSpec } from "./commands.js";
import { parseLongFlag, parseShortFlags, usageError } from "./parse-flag.js";

export interface Usage {
  /** The command to run; null for bare `scaffold` (or only --help/--version), which shows help. */
  command: CommandSpec | null;
  json: boolean;
  /** --help or --version: yargs prints it and nothing runs. */
  help: boolean;
}

/**
 * Checks the raw arguments against the command table before anything runs: an unknown command or flag, a
 * flag without its value, a flag given twice, a missing or extra argument. Each is refused with what was
 * wrong and the closest valid spelling, so a typo can never run a command with a flag silently dropped.
 */
export function checkUsage(tokens: readonly string[], isBlueprintName: (name: string) => boolean): Usage {
  const json = tokens.some((token) => token === "--json" || token === "--json=true");
  const help = asksForHelp(tokens);
  const words = positionals(tokens);
  const first = words[0];
  const named = first === undefined ? undefined : findCommand(first);
  if (first === undefined) {
    checkFlags(tokens, findCommand("add")!);
    return { command: null, json, help };
  }
  if (!named) refuseCommandTypo(first, isBlueprintName);
  const command = named ?? findCommand("add")!;
  checkFlags(tokens, command);
  const args = named ? words.slice(1) : words;
  if (command.positional && args.length === 0 && !help) {
    throw usageError(`\`scaffold ${command.name}\` needs a <${command.positional.name}>: ${command.positional.missing}`, command.positional.hint);
  }
  const extra = args.slice(command.positional ? 1 : 0);
  if (extra.length) {
    throw usageError(
      `Unexpected argument${extra.length === 1 ? "" : "s"} ${extra.map((word) => `"${word}"`).join(", ")} for \`scaffold ${command.name}\`.`,
      `Run \`scaffold ${command.name} --help\` for its usage; quote a value that contains spaces.`,
    );
  }
  return { command, json, help };
}

/** A word close to a command name (and not a blueprint) is a mistyped command, not a blueprint to look up. */
function refuseCommandTypo(word: string, isBlueprintName: (name: string) => boolean): void {
  const looksLikePath = /[/\\]/.test(word) || word.startsWith(".");
  const guess = didYouMean(word, COMMANDS.map((command) => command.name), (name) => `\`scaffold ${name}\``);
  if (looksLikePath || !guess || isBlueprintName(word)) return;
  throw usageError(`Unknown command "${word}"${guess}.`, "Run `scaffold --help` for the commands, or `scaffold list` for the bundled blueprints.");
}

function checkFlags(tokens: readonly string[], command: CommandSpec): void {
  const flags = [...command.flags, ...GLOBAL_FLAGS];
  const seen = new Set<string>();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token === "--") return;
    if (!token.startsWith("-") || token === "-") continue;
    const parsed = token.startsWith("--") ? parseLongFlag(token, flags, command) : parseShortFlags(token, flags, command);
    if (parsed.spec.type !== "array") {
      if (seen.has(parsed.spec.name)) throw usageError(`--${parsed.spec.name} is given more than once.`, "Give each flag once.");
      seen.add(parsed.spec.name);
    }
    if (parsed.spec.type === "boolean") continue;
    const value = parsed.inlineValue ?? tokens[index + 1];
    if (parsed.inlineValue === undefined) index++;
    if (value === undefined || value === "" || (parsed.inlineValue === undefined && value.startsWith("-") && value !== "-")) {
      throw usageError(`--${parsed.spec.name} needs a value.`, `e.g. ${example(parsed.spec)}`);
    }
  }
}

/** The words that are not flags or flag values: the command and its argument. */
function positionals(tokens: readonly string[]): string[] {
  const allFlags = [...COMMANDS.flatMap((command) => command.flags), ...GLOBAL_FLAGS];
  const words: string[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token === "--") return [...words, ...tokens.slice(index + 1)];
    if (!token.startsWith("-") || token === "-") {
      words.push(token);
      continue;
    }
    const name = token.replace(/^-+/, "");
    const takesValue = token.startsWith("--") && !name.includes("=") && allFlags.some((flag) => flag.name === name && flag.type !== "boolean");
    if (takesValue && tokens[index + 1] !== undefined && !tokens[index + 1]!.startsWith("-")) index++;
  }
  return words;
}

function asksForHelp(tokens: readonly string[]): boolean {
  return tokens.some((token) => token === "--help" || token === "-h" || token === "--version");
}

function example(flag: FlagSpec): string {
  return flag.name === "set" ? "--set key=value" : `--${flag.name} ${flag.name === "dir" ? "my-app" : "<value>"}`;
}
