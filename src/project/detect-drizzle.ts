import { Node } from "ts-morph";
import { findConfigObject } from "../edits/find-config-object.js";
import { parseSource } from "../edits/parse-source.js";
import { propertyName, readStaticString, readStaticStringArray, unwrapExpression } from "../edits/static-values.js";

export { DRIZZLE_CONFIG_FILES } from "./drizzle-config-files.js";

/** What a drizzle config says, as far as generating a schema and migrations next to it is concerned. */
export interface DrizzleConfig {
  configFile: string;
  /** "postgresql", "mysql", "sqlite", "turso", "singlestore", "gel"… as written. */
  dialect: string;
  schema: string | string[];
  /** The migrations folder; drizzle-kit's default "drizzle" when the config leaves it out. */
  out: string;
  /** A special driver for the dialect ("pglite", "aws-data-api", "d1-http"…), when set. */
  driver?: string;
}

/**
 * Reads a drizzle config's object literal without running it. Null when the file does not export one we
 * can read, or when `dialect` or `schema` is not literal text (a variable, an expression): then the caller
 * knows Drizzle is there but not how it is set up, and must not guess paths.
 */
export function detectDrizzleConfig(configFile: string, text: string): DrizzleConfig | null {
  const lookup = findConfigObject(parseSource(configFile, text));
  if ("problem" in lookup) return null;
  const values = new Map<string, Node>();
  for (const property of lookup.object.getProperties()) {
    const name = propertyName(property);
    if (name && Node.isPropertyAssignment(property)) values.set(name, unwrapExpression(property.getInitializerOrThrow()));
  }
  const dialect = readStaticString(values.get("dialect"));
  const schema = readStaticString(values.get("schema")) ?? readStaticStringArray(values.get("schema"));
  if (dialect === undefined || schema === undefined) return null;
  const out = values.has("out") ? readStaticString(values.get("out")) : "drizzle";
  if (out === undefined) return null;
  const driver = readStaticString(values.get("driver"));
  return { configFile, dialect, schema, out, ...(driver === undefined ? {} : { driver }) };
}

/**
 * Why the chat schema cannot be added to this Drizzle setup, or null when it can. The generated schema uses
 * `drizzle-orm/pg-core`, so only the PostgreSQL dialect fits; drivers are fine (PGlite included) except the
 * AWS Data API, which the generated client does not speak.
 */
export function explainUnsupportedDrizzle(config: DrizzleConfig): string | null {
  if (config.dialect !== "postgresql") {
    return `${config.configFile} uses the "${config.dialect}" dialect; the chat schema is written for PostgreSQL (drizzle-orm/pg-core).`;
  }
  if (config.driver === "aws-data-api") {
    return `${config.configFile} uses the "aws-data-api" driver, which the generated database client does not support.`;
  }
  return null;
}
