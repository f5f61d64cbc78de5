import path from "node:path";
import { parseArgs } from "node:util";
import { packageRoot } from "../../src/package-root.js";

export const SECTIONS = ["cli", "history", "route", "search"] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  /** Small sizes and few runs: a smoke run that proves every part works, not figures to quote. */
  quick: boolean;
  /** Where the JSON results go. */
  out: string;
  sections: Section[];
  /** Leave the generated app and temp folders behind for inspection. */
  keep: boolean;
}

const USAGE = `usage: npm run bench -- [--quick] [--out FILE] [--only cli,history,route,search] [--keep]`;

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: "boolean", default: false },
      out: { type: "string", default: path.join(packageRoot(), "bench-results.json") },
      only: { type: "string" },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return { quick: values.quick, out: path.resolve(values.out), sections: parseSections(values.only), keep: values.keep };
}

function parseSections(only: string | undefined): Section[] {
  if (only === undefined) return [...SECTIONS];
  const names = only.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown section(s) ${unknown.join(", ")}. ${USAGE}`);
  return SECTIONS.filter((section) => names.includes(section));
}
