import type { CommandIO } from "../commands/io.js";
import type { CommandSpec } from "./commands.js";
import { requireFolder } from "./require-folder.js";

/**
 * Runs the command yargs chose with its parsed flags. Each command module is imported only when it runs,
 * so `--help` and a refused typo stay fast.
 */
export async function runCommand(command: CommandSpec, argv: Record<string, unknown>, io: CommandIO): Promise<number> {
  const flag = (name: string): boolean => argv[name] === true;
  const text = (name: string): string => String(argv[name] ?? "");
  if (command.name === "status" || command.name === "remove" || command.name === "migrate") requireFolder(text("dir"), command.name);
  switch (command.name) {
    case "add":
      return (await import("../commands/add.js")).runAdd(
        {
          blueprint: text("blueprint"),
          dir: text("dir"),
          yes: flag("yes"),
          dryRun: flag("dryRun"),
          json: flag("json"),
          force: flag("force"),
          set: Array.isArray(argv["set"]) ? argv["set"].map(String) : [],
          ...(argv["preset"] !== undefined ? { preset: text("preset") } : {}),
          install: argv["install"] !== false,
          verbose: flag("verbose"),
        },
        io,
      );
    case "list":
      return (await import("../commands/list.js")).runList({ json: flag("json") }, io);
    case "status":
      return (await import("../commands/status.js")).runStatus({ dir: text("dir"), json: flag("json") }, io);
    case "remove":
      return (await import("../commands/remove.js")).runRemove(
        { blueprint: text("blueprint"), dir: text("dir"), force: flag("force"), dryRun: flag("dryRun"), dropTables: flag("dropTables"), json: flag("json"), verbose: flag("verbose") },
        io,
      );
    case "migrate":
      return (await import("../commands/migrate.js")).runMigrate(
        { dir: text("dir"), apply: flag("apply"), dryRun: flag("dryRun"), json: flag("json"), ...(argv["name"] !== undefined ? { name: text("name") } : {}) },
        io,
      );
  }
}
