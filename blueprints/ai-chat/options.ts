/** The options of ai-chat (see feature.json) and what follows from them. */

export type Driver = "pglite" | "postgres" | "neon";
export type Layer = "database" | "api" | "hooks" | "ui";

export interface AiChatOptions extends Record<string, string | boolean | number | string[]> {
  driver: Driver;
  parts: Layer[];
  softDelete: boolean;
  archive: boolean;
  visibility: boolean;
  pin: boolean;
  search: boolean;
  usage: boolean;
  stats: boolean;
  rateLimit: number;
  titles: "first-message" | "ai";
  prompts: boolean;
  shares: boolean;
  export: boolean;
  cache: boolean;
  personas: boolean;
}

/** Bottom to top: a layer may only import from the layers before it. */
export const LAYERS: readonly Layer[] = ["database", "api", "hooks", "ui"];

/**
 * The features that have their own template folders, `options/<feature>/<layer>/`, rendered when the feature
 * is on and the layer is generated. `titles` only has files when it is `ai`, `rateLimit` when it is above 0.
 */
export function enabledFeatures(options: AiChatOptions): string[] {
  const flags: Record<string, boolean> = {
    softDelete: options.softDelete,
    archive: options.archive,
    visibility: options.visibility,
    pin: options.pin,
    search: options.search,
    usage: options.usage,
    stats: options.stats,
    rateLimit: options.rateLimit > 0,
    aiTitles: options.titles === "ai",
    prompts: options.prompts,
    shares: options.shares,
    export: options.export,
    cache: options.cache,
    personas: options.personas,
  };
  return Object.keys(flags).filter((name) => flags[name]);
}

/** The tables the chat schema declares with these options (what a schema barrel must re-export). */
export function schemaTables(options: AiChatOptions): string[] {
  return [
    "chats",
    "messages",
    "chatAddressCounters",
    ...(options.rateLimit > 0 ? ["chatRateEvents"] : []),
    ...(options.prompts ? ["prompts"] : []),
    ...(options.shares ? ["chatShares"] : []),
    ...(options.personas ? ["personas"] : []),
  ];
}

/** `{ database: true, api: false, … }` for templates: `{{#if parts.ui}}`. */
export function layerFlags(parts: readonly string[]): Record<Layer, boolean> {
  return { database: parts.includes("database"), api: parts.includes("api"), hooks: parts.includes("hooks"), ui: parts.includes("ui") };
}

/** The features that add tables, columns or indexes (every `features.X` in db-schema/schema.ts.hbs; a test checks). */
export const SCHEMA_FEATURES = ["softDelete", "archive", "visibility", "pin", "search", "usage", "rateLimit", "prompts", "shares", "export", "personas"];

/** What in the options shapes the database; when it changes between runs, the schema needs a migration. */
export function schemaSignature(options: AiChatOptions): string {
  const enabled = new Set(enabledFeatures(options));
  return SCHEMA_FEATURES.filter((feature) => enabled.has(feature)).join(",");
}
