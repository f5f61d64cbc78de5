import type { NextServer } from "../support/next-server.js";
import type { Fixtures } from "./fixtures.js";
import { isJsonError, send, type ProbeReply } from "./http.js";
import { malformedRequests, type MalformedCase } from "./malformed-requests.js";
import type { ApiRoute } from "./routes.js";
import { appState } from "./state.js";
import { inBatches, newLogLines, UNEXPECTED_ERROR } from "./probe-support.js";

export interface MalformedFigures {
  sent: number;
  /** Answered with a 4xx JSON error. */
  refused: number;
  /** GETs whose extra parameter the route does not read, answered 2xx. */
  ignored: number;
  statuses: Record<string, number>;
  failures: string[];
  stateBefore: unknown;
  stateAfter: unknown;
  unexpectedErrors: string[];
}

function verdict(probe: MalformedCase, reply: ProbeReply): "refused" | "ignored" | string {
  if (reply.networkError) return `no answer (${reply.networkError})`;
  if (reply.status >= 400 && reply.status < 500) return isJsonError(reply) ? "refused" : `${reply.status} without a JSON error body: ${JSON.stringify(reply.text.slice(0, 80))}`;
  if (probe.expect === "refuse-or-ignore" && reply.status >= 200 && reply.status < 300) return "ignored";
  return `${reply.status}: ${reply.text.slice(0, 160)}`;
}

/** Sends every malformed request as the owner; none may be accepted, fail the server, or change what is stored. */
export async function malformedProbe(server: NextServer, routes: ApiRoute[], fixtures: Fixtures, databaseUrl?: string): Promise<MalformedFigures> {
  const cases = malformedRequests(routes, fixtures);
  const stateBefore = await appState(routes, fixtures, databaseUrl);
  const logStart = server.logs().length;
  const figures: MalformedFigures = { sent: cases.length, refused: 0, ignored: 0, statuses: {}, failures: [], stateBefore, stateAfter: undefined, unexpectedErrors: [] };
  await inBatches(cases, 4, async (probe) => {
    const reply = await send(fixtures.owner, probe.request);
    const key = reply.networkError ? "network error" : String(reply.status);
    figures.statuses[key] = (figures.statuses[key] ?? 0) + 1;
    const result = verdict(probe, reply);
    if (result === "refused") figures.refused++;
    else if (result === "ignored") figures.ignored++;
    else figures.failures.push(`${probe.name} → ${result}`);
  });
  figures.stateAfter = await appState(routes, fixtures, databaseUrl);
  figures.unexpectedErrors = newLogLines(server, logStart).filter((line) => UNEXPECTED_ERROR.test(line));
  return figures;
}
