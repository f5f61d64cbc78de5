import type { GeneratedApp } from "../../support/generated-app.js";

/** One option's behaviour, run against the all-options app on each database it touches. */
export interface OptionScenario {
  name: string;
  /** Whether the option's SQL is also checked on PostgreSQL (it always runs on PGlite). */
  postgres: boolean;
  run(target: { app: GeneratedApp; env: Record<string, string> }): Promise<void>;
}

/** A scenario that only needs the app started with the database's environment. */
const onServer = (name: string, postgres: boolean, scenario: (baseUrl: string) => Promise<unknown>): OptionScenario => ({
  name,
  postgres,
  async run({ app, env }) {
    const server = await app.start(env);
    try {
      await app.against(server, `${name} (${env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, scenario);
    } finally {
      await app.stop(server);
    }
  },
});

export const OPTION_SCENARIOS: OptionScenario[] = [];
void onServer;
