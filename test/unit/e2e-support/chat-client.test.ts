import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatClient } from "../../e2e/support/chat-client.js";

/** What the fake app saw, so tests can check the client's requests as well as its reading of answers. */
interface Seen {
  method: string;
  url: string;
  cookie: string | undefined;
  origin: string | undefined;
  contentType: string | undefined;
  body: string;
}

const seen: Seen[] = [];
let closedEarly = 0;
let server: http.Server;
let baseUrl: string;

/** A stand-in for the generated app: it sets a user cookie and streams an answer slowly, chunk by chunk. */
async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  let body = "";
  for await (const chunk of request) body += String(chunk);
  const { cookie, origin } = request.headers;
  seen.push({ method: request.method ?? "", url: request.url ?? "", cookie, origin, contentType: request.headers["content-type"], body });
  // Like the app: only a page issues the session.
  if (cookie === undefined && request.url === "/chat") response.setHeader("set-cookie", "chat_session=user-1; Path=/; HttpOnly");
  if (request.url === "/api/chat" && request.method === "POST") {
    const parsed = JSON.parse(body) as { id?: string };
    if (parsed.id === "bad") {
      response.writeHead(400, { "content-type": "application/json" }).end('{"error":"invalid chat id"}');
      return;
    }
    response.writeHead(200, { "content-type": "text/event-stream", "x-vercel-ai-ui-message-stream": "v1" });
    response.on("close", () => {
      if (!response.writableFinished) closedEarly++;
    });
    const events = [{ type: "start", messageId: "a-1" }, { type: "start-step" }, { type: "text-start", id: "t" }];
    for (const event of events) response.write(`data: ${JSON.stringify(event)}\n\n`);
    for (const word of ["one ", "two ", "three ", "four ", "five"]) {
      if (response.destroyed) return;
      response.write(`data: ${JSON.stringify({ type: "text-delta", id: "t", delta: word })}\n\n`);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    for (const type of ["text-end", "finish-step", "finish"]) response.write(`data: {"type":"${type}"}\n\n`);
    response.end("data: [DONE]\n\n");
    return;
  }
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ method: request.method, url: request.url }));
}

beforeAll(async () => {
  server = http.createServer((request, response) => void handle(request, response));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, "close");
});

describe("ChatClient", () => {
  it("loads a page for the session first, sends the last-message body as a same-origin JSON write, reads the whole answer and keeps the user's cookie", async () => {
    const client = new ChatClient(baseUrl);
    const before = seen.length;
    const result = await client.sendMessage("chat-1", "hi", { messageId: "u-1" });
    expect(seen.slice(before).map((request) => `${request.method} ${request.url}`)).toEqual(["GET /chat", "POST /api/chat"]);
    expect(seen.at(-1)).toMatchObject({ cookie: "chat_session=user-1", origin: baseUrl, contentType: "application/json" });
    expect(result).toMatchObject({ status: 200, messageId: "a-1", text: "one two three four five", done: true, aborted: false });
    expect(result.events.at(-1)?.type).toBe("finish");
    expect(JSON.parse(seen.at(-1)?.body ?? "")).toEqual({
      id: "chat-1",
      message: { id: "u-1", role: "user", parts: [{ type: "text", text: "hi" }] },
    });
    await client.listChats();
    expect(seen.at(-1)?.cookie).toBe("chat_session=user-1");
  });

  it("sends the full useChat body when given history, with an SDK-shaped user id", async () => {
    const history = [{ id: "x", role: "assistant" as const, parts: [{ type: "text", text: "earlier" }] }];
    await new ChatClient(baseUrl).sendMessage("chat-2", "again", { history });
    const body = JSON.parse(seen.at(-1)?.body ?? "") as { messages: Array<{ id: string }>; trigger: string };
    expect(body.trigger).toBe("submit-message");
    expect(body.messages).toHaveLength(2);
    expect(body.messages[1]?.id).toMatch(/^[A-Za-z0-9]{16}$/);
  });

  it("aborts mid-answer once enough text arrived, and the server sees the disconnect", async () => {
    const before = closedEarly;
    const result = await new ChatClient(baseUrl).sendMessage("chat-3", "hi", { abortAfterChars: 5 });
    expect(result.aborted).toBe(true);
    expect(result.done).toBe(false);
    expect(result.text.length).toBeGreaterThanOrEqual(5);
    expect(result.text.length).toBeLessThan("one two three four five".length);
    await expect.poll(() => closedEarly).toBe(before + 1);
  });

  it("returns error bodies as text and JSON routes with their method and path", async () => {
    const client = new ChatClient(baseUrl);
    const bad = await client.sendMessage("bad", "hi");
    expect(bad).toMatchObject({ status: 400, events: [], body: '{"error":"invalid chat id"}' });
    expect(await client.getMessages("c 1", "m-9", 20)).toEqual({
      status: 200,
      body: { method: "GET", url: "/api/chats/c%201/messages?before=m-9&limit=20" },
    });
    expect((await client.rename("c1", "New")).body).toEqual({ method: "PATCH", url: "/api/chats/c1" });
    expect(JSON.parse(seen.at(-1)?.body ?? "")).toEqual({ title: "New" });
    expect((await client.remove("c1")).body).toEqual({ method: "DELETE", url: "/api/chats/c1" });
    expect((await client.getChat("c1")).body).toEqual({ method: "GET", url: "/api/chats/c1" });
  });
});
