import { randomBytes } from "node:crypto";
import { CookieJar } from "./cookie-jar.js";
import { collectText, UiStreamParser, type UiStreamEvent } from "./sse.js";

/** A UI message as useChat sends it. */
export interface UiMessage {
  id: string;
  role: "user" | "assistant" | "system";
  parts: Array<{ type: string; text?: string; [field: string]: unknown }>;
  [field: string]: unknown;
}

export interface SendOptions {
  /** Abort once this many characters of answer text arrived, like a tab closed mid-answer. */
  abortAfterChars?: number;
  /** The user message id; by default a fresh one shaped like the AI SDK's generateId(). */
  messageId?: string;
  /** Send the full useChat body (`messages` + `trigger`) with these earlier messages, instead of the last one only. */
  history?: UiMessage[];
}

export interface StreamResult {
  status: number;
  headers: Headers;
  /** The assistant message id from the `start` event. */
  messageId: string | undefined;
  text: string;
  events: UiStreamEvent[];
  /** True when `data: [DONE]` arrived. */
  done: boolean;
  aborted: boolean;
  /** The raw response text received (the error body for non-2xx answers). */
  body: string;
}

export interface JsonResult {
  status: number;
  body: unknown;
}

/** The app's routes; override if the generated API names them differently. */
export interface ChatRoutes {
  chat: string;
  chats: string;
  /** A page that issues the anonymous session (API routes never do). */
  sessionPage: string;
}

const DEFAULT_ROUTES: ChatRoutes = { chat: "/api/chat", chats: "/api/chats", sessionPage: "/chat" };

/** The session cookie, by its name on plain HTTP and over HTTPS (`__Host-`). */
const SESSION_COOKIES = ["chat_session", "__Host-chat_session"];
/** API paths anyone may call without a session: a visitor with no cookie at all reads them. */
const PUBLIC_API = /^\/api\/(shared|public)\//;

/**
 * One browser user talking to a running app over HTTP: its own cookie jar, the same request bodies useChat
 * sends, and the answer read from the UI message stream as it arrives.
 */
export class ChatClient {
  readonly jar = new CookieJar();
  private readonly routes: ChatRoutes;
  private session: Promise<void> | undefined;

  constructor(
    readonly baseUrl: string,
    routes: Partial<ChatRoutes> = {},
  ) {
    this.routes = { ...DEFAULT_ROUTES, ...routes };
  }

  /** Sends one user message to chat `chatId` and reads the streamed answer. */
  sendMessage(chatId: string, text: string, options: SendOptions = {}): Promise<StreamResult> {
    const message: UiMessage = { id: options.messageId ?? generateMessageId(), role: "user", parts: [{ type: "text", text }] };
    const body = options.history
      ? { id: chatId, messages: [...options.history, message], trigger: "submit-message" }
      : { id: chatId, message };
    return this.postChat(body, options);
  }

  /** POSTs any body to the chat route (for validation tests) and reads the answer as a stream. */
  async postChat(body: unknown, options: Pick<SendOptions, "abortAfterChars"> = {}): Promise<StreamResult> {
    const controller = new AbortController();
    const response = await this.request(this.routes.chat, { method: "POST", body: JSON.stringify(body), signal: controller.signal });
    return readStream(response, controller, options.abortAfterChars);
  }

  listChats(): Promise<JsonResult> {
    return this.json("GET", this.routes.chats);
  }

  getChat(id: string): Promise<JsonResult> {
    return this.json("GET", `${this.routes.chats}/${encodeURIComponent(id)}`);
  }

  /** Reads one page of messages; `before` is the cursor of the page's newest-excluded end. */
  getMessages(id: string, before?: string, limit?: number): Promise<JsonResult> {
    const query = new URLSearchParams();
    if (before !== undefined) query.set("before", before);
    if (limit !== undefined) query.set("limit", String(limit));
    const suffix = query.size > 0 ? `?${query.toString()}` : "";
    return this.json("GET", `${this.routes.chats}/${encodeURIComponent(id)}/messages${suffix}`);
  }

  rename(id: string, title: string): Promise<JsonResult> {
    return this.json("PATCH", `${this.routes.chats}/${encodeURIComponent(id)}`, { title });
  }

  remove(id: string): Promise<JsonResult> {
    return this.json("DELETE", `${this.routes.chats}/${encodeURIComponent(id)}`);
  }

  /**
   * Any request with this user's cookies, sent the way the app's own pages send it: an owner-scoped API call
   * first loads a page for the session (the API never issues one), and a write carries the same-origin
   * `Origin` and a JSON content type. Set-Cookie from the answer is stored.
   */
  async request(route: string, init: RequestInit = {}): Promise<Response> {
    const path = new URL(route, this.baseUrl).pathname;
    if (path.startsWith("/api/") && !PUBLIC_API.test(path)) await this.openSession();
    const headers = new Headers(init.headers);
    const method = (init.method ?? "GET").toUpperCase();
    if (!["GET", "HEAD"].includes(method) && !headers.has("origin")) headers.set("origin", new URL(this.baseUrl).origin);
    const needsType = init.body !== undefined || (method !== "GET" && method !== "HEAD" && method !== "DELETE");
    if (needsType && !headers.has("content-type")) headers.set("content-type", "application/json");
    return this.send(route, { ...init, headers });
  }

  /** Loads a chat page once, like a browser opening the app, unless the jar already holds a session. */
  openSession(): Promise<void> {
    if (SESSION_COOKIES.some((name) => this.jar.get(name) !== undefined)) return Promise.resolve();
    this.session ??= this.send(this.routes.sessionPage, { headers: { accept: "text/html" } }).then(async (page) => {
      await page.body?.cancel();
      this.session = undefined;
      if (!SESSION_COOKIES.some((name) => this.jar.get(name) !== undefined)) {
        throw new Error(`${this.routes.sessionPage} answered ${page.status} without a session cookie`);
      }
    });
    return this.session;
  }

  private async send(route: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.jar.header();
    if (cookie !== undefined) headers.set("cookie", cookie);
    const response = await fetch(new URL(route, this.baseUrl), { ...init, headers, redirect: "manual" });
    this.jar.storeFrom(response.headers);
    return response;
  }

  private async json(method: string, route: string, body?: unknown): Promise<JsonResult> {
    const response = await this.request(route, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, body: parseJsonOrText(text) };
  }
}

async function readStream(response: Response, controller: AbortController, abortAfterChars: number | undefined): Promise<StreamResult> {
  const parser = new UiStreamParser();
  const decoder = new TextDecoder();
  let body = "";
  let aborted = false;
  const streamed = response.ok && response.body !== null;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        throw new Error(`The answer stream broke after ${body.length} characters:\n${body.slice(-2000)}`, { cause: error });
      });
      if (done) break;
      const chunk = decoder.decode(value, { stream: true });
      body += chunk;
      if (!streamed) continue;
      parser.push(chunk);
      if (abortAfterChars !== undefined && collectText(parser.events).length >= abortAfterChars) {
        aborted = true;
        // Aborting the fetch closes the socket, which is how the server learns the tab went away.
        controller.abort();
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
    body += decoder.decode();
  }
  if (streamed && !aborted) parser.end();
  const start = parser.events.find((event) => event.type === "start");
  return {
    status: response.status,
    headers: response.headers,
    messageId: typeof start?.messageId === "string" ? start.messageId : undefined,
    text: collectText(parser.events),
    events: parser.events,
    done: parser.done,
    aborted,
    body,
  };
}

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** 16 alphanumeric characters, the shape of the AI SDK's default generateId() that useChat uses. */
export function generateMessageId(): string {
  return Array.from(randomBytes(16), (byte) => ALPHABET[byte % ALPHABET.length]).join("");
}
