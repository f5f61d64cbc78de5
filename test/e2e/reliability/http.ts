import { ChatClient } from "../support/chat-client.js";

/** A request body as a probe sends it: text, raw bytes, or a stream (sent chunked, without Content-Length). */
export type ProbeBody = string | Uint8Array | (() => ReadableStream<Uint8Array>);

export interface ProbeRequest {
  method: string;
  /** The path and query, sent as written (malformed escapes included). */
  path: string;
  body?: ProbeBody;
  /** Extra headers; `content-type` defaults to JSON when a body is sent, `origin` to the server's own. */
  headers?: Record<string, string>;
  /** Send no Origin header at all (a same-origin GET from a browser sends none either). */
  noOrigin?: boolean;
}

export interface ProbeReply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
  /** Set when the connection failed instead of answering. */
  networkError?: string;
}

/** A browser-like user: loads a page first (that is where anonymous sessions come from), then calls the API. */
export async function newUser(baseUrl: string): Promise<ChatClient> {
  const client = new ChatClient(baseUrl);
  await loadPage(client);
  return client;
}

/** GET /chat as a browser navigation would; its Set-Cookie lands in the client's jar. */
export async function loadPage(client: ChatClient): Promise<ProbeReply> {
  return send(client, { method: "GET", path: "/chat", noOrigin: true, headers: { accept: "text/html", "sec-fetch-site": "none", "sec-fetch-mode": "navigate" } });
}

/** One request exactly as described, with the client's cookies (or none, for a client with an empty jar). */
export async function send(client: ChatClient, request: ProbeRequest): Promise<ProbeReply> {
  const headers: Record<string, string> = {};
  if (!request.noOrigin) headers.origin = new URL(client.baseUrl).origin;
  if (request.body !== undefined) headers["content-type"] = "application/json";
  Object.assign(headers, request.headers);
  const body = typeof request.body === "function" ? request.body() : request.body;
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers, ...(body === undefined ? {} : { body }) };
  if (typeof request.body === "function") init.duplex = "half";
  // Straight to fetch with the jar, not through ChatClient.request: a probe sends exactly these headers, cookies
  // included or not, whatever conveniences the client adds for ordinary calls.
  const cookie = client.jar.header();
  if (cookie !== undefined && !("cookie" in headers)) headers.cookie = cookie;
  try {
    const response = await fetch(new URL(request.path, client.baseUrl), { ...init, redirect: "manual" });
    client.jar.storeFrom(response.headers);
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: parseJson(text) };
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    return { status: 0, headers: new Headers(), text: "", json: undefined, networkError: `${(error as Error).message}${cause ? `: ${cause.message}` : ""}` };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The app's error shape: `{ error: { code, message } }` with two non-empty strings. */
export function isJsonError(reply: ProbeReply): boolean {
  const error = (reply.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return typeof error?.code === "string" && error.code !== "" && typeof error.message === "string" && error.message !== "";
}

/** Copies one user's cookies into another client (the same user talking to a second instance). */
export function shareCookies(from: ChatClient, to: ChatClient): void {
  for (const pair of (from.jar.header() ?? "").split("; ").filter(Boolean)) to.jar.store(pair);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
