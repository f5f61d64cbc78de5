/** Prints a probe's figures on one line, tagged, so a CI log can be grepped for them. */
export function reportFigures(label: string, figures: object): void {
  const shown = Object.fromEntries(Object.entries(figures).filter(([key]) => !/^state(Before|After)$|^chats$/.test(key)));
  console.log(`[reliability] ${label}: ${JSON.stringify(shown)}`);
}
