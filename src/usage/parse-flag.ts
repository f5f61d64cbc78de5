import { ScaffoldError } from "../errors.js";
import { didYouMean } from "./closest-name.js";
import { COMMANDS, type CommandSpec, type FlagSpec } from "./commands.js";

/** One flag token read against a command's flags: `--name`, `--name=value`, `--no-name`, `--camelName`, `-y`. */
export interface ParsedFlag {
  spec: FlagSpec;
  inlineValue?: string;
}

export function parseLongFlag(token: string, flags: readonly FlagSpec[], command: CommandSpec): ParsedFlag {
  const eq = token.indexOf("=");
  const name = token.slice(2, eq === -1 ? undefined : eq);
  const inlineValue = eq === -1 ? undefined : token.slice(eq + 1);
  const spec = flags.find((flag) => flag.name === name || camelCase(flag.name) === name);
  const negated = name.startsWith("no-") ? flags.find((flag) => flag.name === name.slice(3) && flag.type === "boolean") : undefined;
  if (spec && spec.type === "boolean" && inlineValue !== undefined && !["true", "false"].includes(inlineValue)) {
    throw usageError(`--${spec.name} is a switch: it takes no value (got "${inlineValue}").`, `Write --${spec.name}, or --no-${spec.name} to turn it off.`);
  }
  if (negated && inlineValue === undefined) return { spec: negated };
  if (spec) return inlineValue === undefined ? { spec } : { spec, inlineValue };
  throw unknownFlag(`--${name}`, name, flags, command);
}

export function parseShortFlags(token: string, flags: readonly FlagSpec[], command: CommandSpec): ParsedFlag {
  let last: FlagSpec | undefined;
  for (const letter of token.slice(1)) {
    last = flags.find((flag) => flag.alias === letter);
    if (!last) throw unknownFlag(token, token.slice(1), flags, command);
  }
  return { spec: last! };
}

function unknownFlag(written: string, name: string, flags: readonly FlagSpec[], command: CommandSpec): ScaffoldError {
  const names = flags.flatMap((flag) => (flag.type === "boolean" && flag.default === true ? [flag.name, `no-${flag.name}`] : [flag.name]));
  const elsewhere = COMMANDS.filter((other) => other !== command && other.flags.some((flag) => flag.name === name)).map((other) => other.name);
  return usageError(
    `Unknown flag ${written} for \`scaffold ${command.name}\`${didYouMean(name.replace(/^-+/, ""), names, (guess) => `--${guess}`)}.` +
      (elsewhere.length ? ` --${name} belongs to \`scaffold ${elsewhere.join("`, `scaffold ")}\`.` : ""),
    `Run \`scaffold ${command.name} --help\` for its flags.`,
  );
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export function usageError(message: string, hint: string): ScaffoldError {
  return new ScaffoldError("USAGE", message, hint);
}
