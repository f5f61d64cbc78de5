import { detectAuth, type DetectedAuth } from "./detect-auth.js";
import { detectChatRoute, type DetectedChatRoute } from "./detect-chat-route.js";
import { detectDrizzleConfig, DRIZZLE_CONFIG_FILES, explainUnsupportedDrizzle, type DrizzleConfig } from "./detect-drizzle.js";
import { DRIZZLE_CLIENT_CANDIDATES, detectDrizzleClient, type DrizzleClient } from "./detect-drizzle-client.js";
import type { PackageJson } from "./project.js";
import { readSourceFiles } from "./read-source-files.js";

/** What an existing app already has that a feature must integrate with rather than duplicate. */
export interface Integrations {
  drizzle: {
    configFile: string;
    /** Null when the config exists but cannot be read statically (built by a function, variables). */
    config: DrizzleConfig | null;
    client: DrizzleClient | null;
    /** Why the chat schema cannot live in this setup (a non-Postgres dialect), else null. */
    unsupported: string | null;
  } | null;
  auth: DetectedAuth | null;
  chat: DetectedChatRoute | null;
  /** The app's proxy (Next 16) or middleware file, if any: Next.js runs only one. */
  proxyFile: string | null;
  nextConfigFile: string | null;
}

const PROXY_FILES = ["proxy.ts", "proxy.js", "middleware.ts", "middleware.js"];
const NEXT_CONFIG_FILES = ["next.config.ts", "next.config.mjs", "next.config.js", "next.config.mts"];

/** Reads the app's source once and runs every detector over it. */
export function detectIntegrations(root: string, packageJson: PackageJson): Integrations {
  const files = readSourceFiles(root);
  const byPath = new Map(files.map((file) => [file.path, file]));
  const dependencies = { ...packageJson.devDependencies, ...packageJson.dependencies };
  const configFile = DRIZZLE_CONFIG_FILES.find((file) => byPath.has(file)) ?? null;
  const config = configFile ? detectDrizzleConfig(configFile, byPath.get(configFile)!.text) : null;
  const clientCandidates = [
    ...DRIZZLE_CLIENT_CANDIDATES.flatMap((file) => byPath.get(file) ?? []),
    ...files.filter((file) => !DRIZZLE_CLIENT_CANDIDATES.includes(file.path)),
  ];
  return {
    drizzle: configFile
      ? {
          configFile,
          config,
          client: "drizzle-orm" in dependencies ? detectDrizzleClient(clientCandidates) : null,
          unsupported: config ? explainUnsupportedDrizzle(config) : null,
        }
      : null,
    auth: detectAuth(dependencies, files),
    chat: "ai" in dependencies ? detectChatRoute(files) : null,
    proxyFile: ["", "src/"].flatMap((dir) => PROXY_FILES.map((file) => dir + file)).find((file) => byPath.has(file)) ?? null,
    nextConfigFile: NEXT_CONFIG_FILES.find((file) => byPath.has(file)) ?? null,
  };
}
