/** Wraps text in one colour (or returns it as it is). */
export type Formatter = (text: string) => string;

/** The colours the output uses; plain identity functions when colour is off. */
export interface Style {
  bold: Formatter;
  dim: Formatter;
  red: Formatter;
  green: Formatter;
  yellow: Formatter;
  cyan: Formatter;
  magenta: Formatter;
}

const plainText: Formatter = (text) => text;
export const PLAIN: Style = { bold: plainText, dim: plainText, red: plainText, green: plainText, yellow: plainText, cyan: plainText, magenta: plainText };

/**
 * Colour or not, the way command-line tools agree on: NO_COLOR (any non-empty value) turns it off and wins;
 * FORCE_COLOR turns it on (except "0" or "false"); otherwise only on a terminal that is not "dumb".
 */
export function wantsColor(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (env["NO_COLOR"]) return false;
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force !== "false";
  return isTerminal && env["TERM"] !== "dumb";
}

/** picocolors is loaded only when colour is on and there is something to colour (not for --help). */
export async function loadStyle(color: boolean): Promise<Style> {
  if (!color) return PLAIN;
  const { createColors } = (await import("picocolors")).default;
  return createColors(true);
}
