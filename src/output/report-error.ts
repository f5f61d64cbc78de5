import type { CommandIO } from "../commands/io.js";
import { exitCodeOf, formatScaffoldError, isScaffoldError, ScaffoldError, scaffoldErrorToJson } from "../errors.js";

const BUG_HINT = "This is a bug in scaffold; please report it with the output above.";

/**
 * Prints a failed run's error and returns its exit code. In JSON mode stdout gets exactly one JSON object
 * (`{ "error": { code, message, hint } }`), so a script can parse it whatever went wrong; a bug's stack
 * goes to stderr in both modes.
 */
export function reportError(thrown: unknown, json: boolean, io: CommandIO): number {
  const error = isPromptCancel(thrown) ? CANCELLED : thrown;
  if (isScaffoldError(error)) {
    if (json) io.out(`${JSON.stringify(scaffoldErrorToJson(error), null, 2)}\n`);
    else io.err(`${formatScaffoldError(error)}\n`);
    return exitCodeOf(error);
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`scaffold crashed; this is a bug, please report it with the output below.\n${stack}\n`);
  if (json) {
    const message = error instanceof Error ? error.message : String(error);
    io.out(`${JSON.stringify({ error: { code: "INTERNAL_ERROR", message, hint: BUG_HINT } }, null, 2)}\n`);
  }
  return 1;
}

const CANCELLED = new ScaffoldError(
  "CANCELLED",
  "Cancelled at a prompt; nothing was written.",
  "Run the command again, or pass --yes (and --set key=value) to run without prompts.",
);

/** Ctrl-C or Escape at an option prompt: @inquirer/prompts rejects with an ExitPromptError. */
function isPromptCancel(error: unknown): boolean {
  return error instanceof Error && error.name === "ExitPromptError";
}
