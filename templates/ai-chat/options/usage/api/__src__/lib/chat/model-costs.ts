import "server-only";

/**
 * What each model costs, in US dollars per million tokens: the one table to
 * edit when prices change or you switch models. Keys are the model ids the
 * app answers with (`AI_MODEL`, e.g. `openai/gpt-5-mini`). Prices are list
 * prices from late 2025; check your provider's current ones. Cached-input
 * discounts are not modelled: input tokens are all charged at `input`.
 *
 * A model that is not listed is stored with cost null (shown as "cost
 * unknown" and counted as `unpricedAnswers` in the totals), never as 0.
 * Costs are stored with each answer, so editing a price changes only answers
 * written afterwards.
 */
export const MODEL_COSTS: Readonly<Record<string, { input: number; output: number }>> = {
  // The built-in offline model is free.
  offline: { input: 0, output: 0 },
  "openai/gpt-5": { input: 1.25, output: 10 },
  "openai/gpt-5-mini": { input: 0.25, output: 2 },
  "openai/gpt-5-nano": { input: 0.05, output: 0.4 },
  "openai/gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "anthropic/claude-sonnet-4.5": { input: 3, output: 15 },
  "anthropic/claude-haiku-4.5": { input: 1, output: 5 },
  "google/gemini-2.5-flash": { input: 0.3, output: 2.5 },
  "google/gemini-2.5-pro": { input: 1.25, output: 10 },
};

/**
 * The cost of one answer in millionths of a dollar (USD per million tokens is
 * exactly micro-dollars per token), or null when the model is not in the
 * table or the provider did not report the token counts.
 */
export function costMicroUsd(
  model: string,
  usage: { inputTokens?: number; outputTokens?: number },
): number | null {
  const price = Object.hasOwn(MODEL_COSTS, model) ? MODEL_COSTS[model] : undefined;
  if (!price || usage.inputTokens === undefined || usage.outputTokens === undefined) return null;
  return Math.round(usage.inputTokens * price.input + usage.outputTokens * price.output);
}
