import { loadFeature } from "../blueprint/load-feature.js";
import { listBundledBlueprints, resolveBlueprint } from "../blueprint/resolve-blueprint.js";
import type { OptionDefinition } from "../blueprint/feature-schema.js";
import type { CommandIO } from "./io.js";

/** `scaffold list`: each bundled blueprint with its description and options (type, default, allowed values). */
export function runList(io: CommandIO): number {
  for (const name of listBundledBlueprints()) {
    const location = resolveBlueprint(name, process.cwd());
    const feature = loadFeature(`${location.dir}/feature.json`, location.displayPath);
    io.out(`${feature.name}@${feature.version}\n  ${feature.description}\n`);
    const options = Object.entries(feature.options);
    if (options.length) io.out("  options (--set name=value):\n");
    for (const [option, definition] of options) {
      io.out(`    ${option.padEnd(18)} ${describeType(definition).padEnd(34)} ${definition.description}\n`);
    }
    io.out("\n");
  }
  return 0;
}

function describeType(option: OptionDefinition): string {
  switch (option.type) {
    case "enum":
      return `${option.values.join("|")} = ${option.default}`;
    case "list":
      return `list of ${option.values.join(",")} = ${option.default.join(",") || "(none)"}`;
    default:
      return `${option.type} = ${JSON.stringify(option.default)}`;
  }
}
