/** Display helpers for token counts and costs (costs are stored in millionths of a dollar). */

const tokenFormat = new Intl.NumberFormat("en-US");

export function formatTokens(count: number): string {
  return tokenFormat.format(count);
}

/** "$0.0042", "$1.25": enough digits to see the cost of a single short answer. */
export function formatCost(microUsd: number): string {
  const usd = microUsd / 1_000_000;
  if (usd === 0) return "$0";
  if (usd < 0.0001) return "<$0.0001";
  return `$${usd.toFixed(usd < 1 ? 4 : 2)}`;
}
