/**
 * The lines ai-chat adds to `.env.example`. An edit rather than a template: most apps already have the file,
 * and only keys it lacks are appended (a key present, even commented out, is left alone).
 */
export function envExampleLines(driver: string, databaseName: string, features: { cache: boolean; rateLimit: number; titles: string }): string[] {
  const database =
    driver === "pglite"
      ? [
          "# Database. Unset: an embedded PGlite database in .data/pglite (no setup needed).",
          "# Set it to use any Postgres instead (a local server, Neon, …).",
          `# DATABASE_URL=postgres://postgres@127.0.0.1:5432/${databaseName}`,
        ]
      : driver === "neon"
        ? ["# Neon connection string (required), from the Neon console.", "DATABASE_URL=postgres://user:password@ep-example-123456.us-east-2.aws.neon.tech/neondb?sslmode=require"]
        : ["# Postgres connection string (required).", `DATABASE_URL=postgres://postgres@127.0.0.1:5432/${databaseName}`];
  return [
    "# ai-chat: copy to .env.local and fill in. .env.local is never committed.",
    ...database,
    "# AI model. Without a key a built-in offline model echoes your messages.",
    "AI_GATEWAY_API_KEY=",
    "# Any AI Gateway model id (provider/model).",
    "AI_MODEL=openai/gpt-5-mini",
    "# Signs the anonymous session cookie. Required, 32+ characters (the app stops without it): openssl rand -base64 32",
    "CHAT_SESSION_SECRET=",
    "# Per client address and clock hour: new anonymous sessions, and messages sent without signing in (0: no limit).",
    "# CHAT_NEW_SESSIONS_PER_HOUR=20",
    "# CHAT_ANONYMOUS_MESSAGES_PER_HOUR=100",
    "# The header your platform sets to the client's address (its last entry is used).",
    "# CHAT_TRUSTED_IP_HEADER=x-forwarded-for",
    "# Delay per word of the offline model, in milliseconds.",
    "OFFLINE_MODEL_DELAY_MS=15",
    "# Token budget of the history the model sees with each question.",
    "# CHAT_CONTEXT_TOKENS=16000",
    "# Seconds a chat stays locked after the server writing its answer died.",
    "# CHAT_ANSWER_LEASE_SECONDS=120",
    ...(features.cache
      ? ["# Redis for the history cache. Unset (or down): history is read from the database.", "# REDIS_URL=redis://127.0.0.1:6379"]
      : []),
    ...(features.titles === "ai" ? ["# Model that writes chat titles (a cheaper one is fine); unset: the chat model.", "# AI_TITLE_MODEL=openai/gpt-5-nano"] : []),
    ...(features.rateLimit > 0 ? ["# Messages per user per rolling 24 hours; overrides the limit chosen when generating.", `# CHAT_DAILY_MESSAGE_LIMIT=${features.rateLimit}`] : []),
  ];
}
