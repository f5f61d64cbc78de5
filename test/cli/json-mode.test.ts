import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureBlueprint, runCli, type CliResult } from "../support/run-cli.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";

const greeting = fixtureBlueprint("greeting");

interface JsonError {
  error: { code: string; message: string; hint: string; details?: string[] };
}

/** stdout must be exactly one JSON document, whatever happened. */
function parseStdout<T>(result: CliResult): T {
  expect(() => JSON.parse(result.stdout) as unknown, result.transcript).not.toThrow();
  return JSON.parse(result.stdout) as T;
}

async function appliedGreeting(): Promise<string> {
  const target = makeTempDir();
  const applied = await runCli([greeting, "--dir", target, "--set", "name=ann"]);
  expect(applied.exitCode, applied.transcript).toBe(0);
  return target;
}

describe("--json on every command", () => {
  it("list, status, add and remove print one JSON object; add and remove write nothing", async () => {
    const list = await runCli(["list", "--json"]);
    expect(list.exitCode, list.transcript).toBe(0);
    const blueprints = parseStdout<{ blueprints: Array<{ name: string; options: Record<string, { type: string }> }> }>(list).blueprints;
    expect(blueprints.map((blueprint) => blueprint.name)).toContain("ai-chat");
    expect(blueprints.find((blueprint) => blueprint.name === "ai-chat")?.options["driver"]?.type).toBe("enum");

    const target = await appliedGreeting();
    const before = snapshotDir(target);
    const status = await runCli(["status", "--dir", target, "--json"]);
    expect(status.exitCode, status.transcript).toBe(0);
    expect(parseStdout<{ blueprints: Array<{ name: string }> }>(status).blueprints.map((b) => b.name)).toEqual(["greeting"]);

    const add = await runCli([greeting, "--dir", target, "--set", "loud=true", "--json"]);
    expect(add.exitCode, add.transcript).toBe(0);
    const plan = parseStdout<{ options: unknown; run: { tasks: unknown[]; nextSteps: unknown[] } }>(add);
    expect(plan.options).toEqual({ name: "ann", loud: true });
    expect(plan.run).toEqual({ tasks: [], nextSteps: [] });

    const remove = await runCli(["remove", "greeting", "--dir", target, "--json"]);
    expect(remove.exitCode, remove.transcript).toBe(0);
    const removal = parseStdout<{ entries: Array<{ path: string; status: string }> }>(remove);
    expect(removal.entries.find((entry) => entry.path === "src/greetings/ann.ts")?.status).toBe("delete");
    expect(snapshotDir(target)).toEqual(before);
  });

  it("an error is one JSON object on stdout with the same exit code, for every command", async () => {
    const empty = makeTempDir();
    const cases: Array<[string[], string]> = [
      [["ai-chta", "--dir", path.join(empty, "app"), "--json"], "BLUEPRINT_NOT_FOUND"],
      [["ai-chat", "--dir", path.join(empty, "app"), "--dry-runn", "--json"], "USAGE"],
      [["list", "--json", "--verbose"], "USAGE"],
      [["status", "--json", "--dir"], "USAGE"],
      [["remove", "greeting", "--dir", empty, "--json"], "BLUEPRINT_NOT_APPLIED"],
      [["remove", "--json"], "USAGE"],
      [["migrate", "--dir", empty, "--json", "--apply"], "USAGE"],
    ];
    for (const [args, code] of cases) {
      const result = await runCli(args);
      expect(result.exitCode, result.transcript).toBe(1);
      const { error } = parseStdout<JsonError>(result);
      expect(error.code, result.transcript).toBe(code);
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.hint.length, result.transcript).toBeGreaterThan(0);
    }
    expect(snapshotDir(empty)).toEqual({});
  });

  it("an error with several problems carries them as details", async () => {
    const result = await runCli([greeting, "--dir", makeTempDir(), "--json", "--set", "loud=maybe", "--set", "colour=red"]);
    expect(result.exitCode, result.transcript).toBe(1);
    const { error } = parseStdout<JsonError>(result);
    expect(error.code).toBe("OPTION_UNKNOWN");
    expect(error.details).toEqual([
      'option "loud" (boolean): expected true or false, got "maybe"',
      'unknown option "colour"; valid options of greeting: name, loud',
    ]);
  });

  it("conflicts exit 2 in JSON mode too, with the plan naming them", async () => {
    const target = makeTempDir({ "src/greetings/ann.ts": "// mine\n" });
    const result = await runCli([greeting, "--dir", target, "--set", "name=ann", "--json"]);
    expect(result.exitCode, result.transcript).toBe(2);
    const plan = parseStdout<{ entries: Array<{ path: string; status: string }> }>(result);
    expect(plan.entries.find((entry) => entry.path === "src/greetings/ann.ts")?.status).toBe("conflict");
    expect(snapshotDir(target)).toEqual({ src: null, "src/greetings": null, "src/greetings/ann.ts": "// mine\n" });
  });
});
