import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./run-cli.js";

interface FeatureOptions {
  options: Record<string, { type: string }>;
}

const feature = JSON.parse(readFileSync(path.join(repoRoot, "blueprints/ai-chat/feature.json"), "utf8")) as FeatureOptions;

/** ai-chat's on/off features, read from its feature.json: a new option is in every "all on" test without an edit. */
export const AI_CHAT_SWITCHES: readonly string[] = Object.entries(feature.options)
  .filter(([, option]) => option.type === "boolean")
  .map(([name]) => name);

/** `--set` values that turn every ai-chat feature on, with this daily message limit. */
export function allAiChatOptionsOn(dailyLimit: number): string[] {
  return [...AI_CHAT_SWITCHES.map((name) => `${name}=true`), `rateLimit=${dailyLimit}`, "titles=ai"];
}

/** The same, as CLI arguments. */
export const asSetArgs = (sets: readonly string[]): string[] => sets.flatMap((set) => ["--set", set]);
