import { loadFeature } from "../blueprint/load-feature.js";
import { listBundledBlueprints, resolveBlueprint } from "../blueprint/resolve-blueprint.js";
import type { OptionDefinition } from "../blueprint/feature-schema.js";
import { groupOptions } from "../blueprint/option-groups.js";
import type { CommandIO } from "./io.js";

/** `scaffold list`: each bundled blueprint with its description and options (type, default, allowed values). */
export function runList(args: { json: boolean }, io: CommandIO): number {
  const features = listBundledBlueprints().map((name) => {
    const location = resolveBlueprint(name, process.cwd());
    return loadFeature(`${location.dir}/feature.json`, location.displayPath);
  });
  if (args.json) {
    const blueprints = features.map(({ name, version, description, options }) => ({ name, version, description, options }));
    io.out(`${JSON.stringify({ blueprints }, null, 2)}\n`);
    return 0;
  }
  for (const feature of features) {
    io.out(`${feature.name}@${feature.version}\n  ${feature.description}\n`);
    const groups = groupOptions(feature);
    if (groups.length) io.out("  options (--set name=value):\n");
    for (const group of groups) {
      if (group.title) io.out(`   ${group.title}:\n`);
      for (const option of group.options) {
        const definition = feature.options[option]!;
        // Name and type on one line, the description indented below: long types (lists) would push it off screen.
        io.out(`    ${option.padEnd(12)} ${describeType(definition)}\n${wrap(definition.description, 6, 100)}`);
      }
    }
    const presets = Object.entries(feature.presets);
    if (presets.length) io.out(`  presets (--preset name):\n${presets.map(([name, preset]) => `    ${name.padEnd(12)} ${preset.description}\n`).join("")}`);
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
    case "number": {
      const range = option.min !== undefined || option.max !== undefined ? ` ${option.min ?? "…"}–${option.max ?? "…"}` : "";
      return `${option.integer ? "integer" : "number"}${range} = ${option.default}`;
    }
    default:
      return `${option.type} = ${JSON.stringify(option.default)}`;
  }
}

/** Word-wraps `text` at `width` columns, each line indented by `indent` spaces. */
function wrap(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((each) => `${" ".repeat(indent)}${each}\n`).join("");
}
