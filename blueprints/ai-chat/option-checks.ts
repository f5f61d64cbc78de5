import { LAYERS, type AiChatOptions } from "./options.js";

/**
 * Option combinations that cannot work, each with the reason and the way out. All problems are returned
 * together. `theirRoute` is the app's own AI SDK chat route, which ai-chat wraps instead of replacing.
 */
export function checkOptions(options: AiChatOptions, theirRoute: string | null): string[] {
  const problems: string[] = [];
  const parts = options.parts;
  if (!parts.includes("database")) {
    problems.push("parts must include database: every other layer reads and writes through the generated query layer.");
  }
  LAYERS.forEach((layer, index) => {
    const below = LAYERS[index - 1];
    if (below && parts.includes(layer) && !parts.includes(below)) {
      problems.push(`parts includes ${layer} but not ${below}: each layer is built on the one below it (${LAYERS.join(" → ")}). Add ${below}, or leave out ${layer}.`);
    }
  });
  if (theirRoute && parts.includes("api")) {
    // Their route keeps its own model, instructions and stream; these options need ours.
    const needOurRoute = [
      options.rateLimit > 0 && "rateLimit",
      options.titles === "ai" && "titles=ai",
      options.usage && "usage",
      options.personas && "personas",
    ].filter((name): name is string => typeof name === "string");
    if (needOurRoute.length > 0) {
      problems.push(
        `${needOurRoute.join(", ")} ${needOurRoute.length > 1 ? "need" : "needs"} the generated POST /api/chat, but this app streams chats from its own ${theirRoute}, which ai-chat wraps and leaves in charge. Turn ${needOurRoute.length > 1 ? "them" : "it"} off, or move your model settings into lib/chat/model.ts and remove your route first.`,
      );
    }
  }
  return problems;
}
