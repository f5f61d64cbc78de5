import type { PlanEntry } from "../manifest/classify-changes.js";

/** What planning a removal learns besides the staged changes: files it keeps, why it changes others, manual steps. */
export interface RemovalNotes {
  /** Files left as they are, each with the reason (shown as `skip` rows). */
  kept: PlanEntry[];
  /** Why a staged change happens, by path, when the plain status does not say it. */
  reasons: Map<string, string>;
  nextSteps: string[];
}

export function keep(path: string, reason: string, transformers: string[] = []): PlanEntry {
  return { path, status: "skip", reason, before: null, after: null, transformers };
}
