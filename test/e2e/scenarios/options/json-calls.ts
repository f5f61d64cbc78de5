import { expect } from "vitest";
import type { ChatClient, JsonResult } from "../../support/chat-client.js";

/** Any JSON API call as one user; a string body is sent as is (for malformed-JSON tests). Non-JSON replies stay text. */
export async function call(client: ChatClient, method: string, route: string, body?: unknown): Promise<JsonResult> {
  const init = body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) };
  const response = await client.request(route, { method, ...init });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    // 204 and non-JSON bodies stay text, for the failure message
  }
  return { status: response.status, body: parsed };
}

/** The call must answer `status`; returns its body. */
export async function expectStatus<T>(client: ChatClient, status: number, method: string, route: string, body?: unknown): Promise<T> {
  const result = await call(client, method, route, body);
  expect(result.status, `${method} ${route}: ${JSON.stringify(result.body)}`).toBe(status);
  return result.body as T;
}

/** The call must fail with `status` and the JSON error `code`. */
export async function expectError(client: ChatClient, status: number, code: string, method: string, route: string, body?: unknown): Promise<void> {
  const error = await expectStatus<{ error: { code: string; message: string } }>(client, status, method, route, body);
  expect(error.error.code, JSON.stringify(error)).toBe(code);
}
