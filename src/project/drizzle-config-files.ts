/**
 * The config file names drizzle-kit looks for by default, in its order. Its own module, free of ts-morph,
 * so `scaffold migrate` and `remove` can find the config without loading the TypeScript parser.
 */
export const DRIZZLE_CONFIG_FILES = ["drizzle.config.ts", "drizzle.config.js", "drizzle.config.mjs", "drizzle.config.mts", "drizzle.config.cjs"];
