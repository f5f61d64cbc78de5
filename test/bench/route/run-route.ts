import { randomUUID } from "node:crypto";
import path from "node:path";
import { ChatClient, generateMessageId } from "../../e2e/support/chat-client.js";
import { UNLIMITED_ADDRESS } from "../../e2e/support/generated-app.js";
import { startNext } from "../../e2e/support/next-server.js";
import { envWithNode24 } from "../../e2e/support/node24.js";
import { createFreshDatabase } from "../../e2e/support/postgres.js";
import { runIn } from "../../e2e/support/run-in.js";
import type { GeneratedApp } from "../support/generated-app.js";
import { runInterleaved, type RunPlan } from "../support/interleave.js";
import { ratio, round, summarize, type Summary } from "../support/stats.js";
import { addBareRoute } from "./add-bare-route.js";
import { timeChatPost, type StreamTiming } from "./stream-timing.js";

export interface RouteResults {
  ttfb: RouteFigure;
  total: RouteFigure;
}

interface RouteFigure {
  with: Summary;
  without: Summary;
  /** with p50 − without p50, in ms: what persistence adds. */
  addedP50: number;
  ratio: number;
}

const QUESTION = "How do I keep a chat history fast when one conversation grows to thousands of messages?";

/**
 * POST /api/chat (the generated route: saves the question, loads the history, streams, saves the answer)
 * against /api/chat-bare (the same answer without the database), on the built app under `next start` on
 * PostgreSQL, with the offline model answering instantly so the database work is what differs.
 */
export async function runRouteBench(app: GeneratedApp, quick: boolean): Promise<RouteResults> {
  await addBareRoute(app.appDir);
  console.error("route: next build…");
  const nextBin = path.join(app.appDir, "node_modules", "next", "dist", "bin", "next");
  await runIn(app.appDir, path.join(app.binDir, "node"), [nextBin, "build"], { env: envWithNode24(app.binDir) });

  const database = await createFreshDatabase("scaffold_bench_route");
  // Hundreds of turns from one address: the per-address limits would refuse them.
  const env = envWithNode24(app.binDir, { ...UNLIMITED_ADDRESS, DATABASE_URL: database.url, OFFLINE_MODEL_DELAY_MS: "0" });
  const server = await startNext(app.appDir, { binDir: app.binDir, env });
  try {
    const plan: RunPlan = quick ? { warmup: 5, iterations: 30 } : { warmup: 30, iterations: 300 };
    const samples = await measureRoutes(server.url, plan);
    return { ttfb: figure(samples, "ttfb"), total: figure(samples, "total") };
  } finally {
    await server.stop();
    await database.drop();
  }
}

async function measureRoutes(url: string, plan: RunPlan): Promise<Record<"with" | "without", StreamTiming[]>> {
  const client = new ChatClient(url);
  const chatId = randomUUID();
  // The first request opens the pool, applies the migrations, issues the session cookie and creates the chat.
  await timeChatPost(client, "/api/chat", messageBody(chatId));
  // A pause between requests lets the answer saved after a stream has ended land before the next request,
  // so its write is not billed to whichever side runs next.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
  return runInterleaved(
    {
      with: async () => {
        const timing = await timeChatPost(client, "/api/chat", messageBody(chatId));
        await settle();
        return timing;
      },
      without: async () => {
        const timing = await timeChatPost(client, "/api/chat-bare", messageBody(chatId));
        await settle();
        return timing;
      },
    },
    plan,
  );
}

function messageBody(chatId: string): unknown {
  return { id: chatId, message: { id: generateMessageId(), role: "user", parts: [{ type: "text", text: QUESTION }] } };
}

function figure(samples: Record<"with" | "without", StreamTiming[]>, key: keyof StreamTiming): RouteFigure {
  const withPersistence = summarize(samples.with.map((timing) => timing[key]));
  const without = summarize(samples.without.map((timing) => timing[key]));
  return { with: withPersistence, without, addedP50: round(withPersistence.p50 - without.p50), ratio: ratio(withPersistence.p50, without.p50) };
}
