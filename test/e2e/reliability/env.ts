import { randomBytes } from "node:crypto";

/**
 * The limits the probes run under. The abuse probes keep the per-address session limit low enough to reach;
 * the race, load and crash probes come from one address (127.0.0.1) with dozens of users, so they lift the
 * per-address and daily limits (0 = off) and shorten the answer lease a killed server leaves behind.
 */
export const ABUSE_ENV: Record<string, string> = {
  CHAT_NEW_SESSIONS_PER_HOUR: "10",
  CHAT_ANONYMOUS_MESSAGES_PER_HOUR: "0",
  CHAT_DAILY_MESSAGE_LIMIT: "100000",
};

/** The most sessions the abuse server may hand out to one address: ABUSE_ENV's limit. */
export const ABUSE_SESSION_LIMIT = Number(ABUSE_ENV.CHAT_NEW_SESSIONS_PER_HOUR);

export const ROOMY_ENV: Record<string, string> = {
  CHAT_NEW_SESSIONS_PER_HOUR: "0",
  CHAT_ANONYMOUS_MESSAGES_PER_HOUR: "0",
  CHAT_DAILY_MESSAGE_LIMIT: "100000",
  CHAT_ANSWER_LEASE_SECONDS: "10",
  // Answers of a few hundred milliseconds: long enough to be cut, short enough for hundreds of turns.
  OFFLINE_MODEL_DELAY_MS: "5",
};

export type Database = "PGlite" | "PostgreSQL";

/** A PGlite folder of its own, so no probe sees another's rows, limits or locks. */
export const ownPglite = (name: string): Record<string, string> => ({ PGLITE_DATA_DIR: `.data/reliability-${name}-${randomBytes(3).toString("hex")}` });
