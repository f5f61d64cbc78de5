import type { ChatClient } from "../../e2e/support/chat-client.js";

export interface StreamTiming {
  /** Request sent → first byte of the response body (the SSE `start` event). */
  ttfb: number;
  /** Request sent → the stream closed. */
  total: number;
}

/**
 * POSTs one chat message and times the answer. The first body chunk, not the headers, marks the first byte:
 * it is what a user waits for, and a route that returned its Response early could send headers first.
 * The whole body is checked for the end marker, so a failed answer can never pass as a fast one.
 */
export async function timeChatPost(client: ChatClient, route: string, body: unknown): Promise<StreamTiming> {
  const started = performance.now();
  const response = await client.request(route, { method: "POST", body: JSON.stringify(body) });
  if (!response.body) throw new Error(`${route} answered ${response.status} without a body`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let ttfb: number | undefined;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    ttfb ??= performance.now() - started;
    text += decoder.decode(value, { stream: true });
  }
  const total = performance.now() - started;
  if (response.status !== 200 || !text.includes("data: [DONE]")) {
    throw new Error(`${route} answered ${response.status} without finishing the stream:\n${text.slice(-1000)}`);
  }
  return { ttfb: ttfb ?? total, total };
}
