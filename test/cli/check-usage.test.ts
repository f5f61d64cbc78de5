import { describe, expect, it } from "vitest";
import { ScaffoldError } from "../../src/errors.js";
import { checkUsage } from "../../src/usage/check-usage.js";
import { COMMANDS } from "../../src/usage/commands.js";

const noBlueprints = (): boolean => false;

function refusal(tokens: string[]): ScaffoldError {
  try {
    checkUsage(tokens, noBlueprints);
  } catch (error) {
    if (error instanceof ScaffoldError) return error;
    throw error;
  }
  throw new Error(`accepted: ${tokens.join(" ")}`);
}

/** The words a command needs to be complete, so only the flag under test can be wrong. */
function commandWords(name: string): string[] {
  const command = COMMANDS.find((each) => each.name === name)!;
  return command.positional ? [name, "x"] : [name];
}

describe("usage check (every flag of every command)", () => {
  for (const command of COMMANDS) {
    for (const flag of command.flags) {
      const value = flag.type === "boolean" ? [] : ["v"];
      it(`${command.name} --${flag.name}: accepted as written, refused with one letter dropped or doubled`, () => {
        expect(checkUsage([...commandWords(command.name), `--${flag.name}`, ...value], noBlueprints).command?.name).toBe(command.name);
        const valid = command.flags.flatMap((each) => [each.name, `no-${each.name}`]);
        for (let at = 1; at < flag.name.length; at++) {
          for (const typo of [flag.name.slice(0, at) + flag.name.slice(at + 1), flag.name.slice(0, at) + flag.name[at] + flag.name.slice(at)]) {
            if (valid.includes(typo) || typo.includes("--")) continue;
            const error = refusal([...commandWords(command.name), `--${typo}`, ...value]);
            expect(error.code).toBe("USAGE");
            expect(error.message).toContain(`Unknown flag --${typo}`);
            expect(error.message).toContain(`did you mean --${flag.name}?`);
          }
        }
      });
    }
  }

  it("takes a word that is not a command as the blueprint of `scaffold add`", () => {
    expect(checkUsage(["ai-chat", "--dry-run"], noBlueprints).command?.name).toBe("add");
    expect(checkUsage(["./my-blueprint"], noBlueprints).command?.name).toBe("add");
    // A bundled blueprint may be named like a mistyped command; it is then a blueprint.
    expect(checkUsage(["lists"], (name) => name === "lists").command?.name).toBe("add");
    expect(refusal(["lists"]).message).toMatch(/Unknown command "lists" \(did you mean `scaffold list`\?\)/);
  });

  it("reads --json wherever it is, for errors before any command runs", () => {
    expect(checkUsage(["status", "--json"], noBlueprints).json).toBe(true);
    expect(checkUsage(["status"], noBlueprints).json).toBe(false);
    expect(checkUsage([], noBlueprints)).toEqual({ command: null, json: false, help: false });
  });
});
