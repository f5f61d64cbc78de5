import { describe, expect, it } from "vitest";
import { makeTempDir } from "../../support/temp-dir.js";
import { ChatClient } from "../../e2e/support/chat-client.js";
import { chatProblems, fullAnswerTo, type StoredMessage } from "../../e2e/reliability/conversation.js";
import type { Fixtures } from "../../e2e/reliability/fixtures.js";
import { malformedRequests } from "../../e2e/reliability/malformed-requests.js";
import { discoverApiRoutes, queryParamsRead } from "../../e2e/reliability/routes.js";

const app = () =>
  makeTempDir({
    "src/app/api/chats/[id]/route.ts": [
      "export async function GET(_request: Request) { await getUserId(); }",
      "export async function PATCH(request: Request) { await getUserId(); parseRename(await readJsonBody(request, 4096)); }",
    ].join("\n"),
    "src/app/api/chats/route.ts": 'export async function GET(request: Request) { await getUserId(); parsePageQuery(request.url, "cursor", 30); }',
    "src/app/api/shared/[token]/route.ts": "export async function GET() {}\nexport async function POST() {}",
    "src/app/chat/page.tsx": "export default function Page() {}",
  });

const fixtures = (): Fixtures => {
  const client = new ChatClient("http://127.0.0.1:1");
  return { owner: client, stranger: client, chatId: "owned-chat", strangerChatId: "their-chat", ids: { chat: "owned-chat" } };
};

describe("reliability probes: routes from the app's files", () => {
  it("finds every route.ts under app/api with its methods, segments, body reads and session use", () => {
    const routes = discoverApiRoutes(app());
    expect(routes.map((route) => [route.pattern, route.params, route.methods, route.needsSession])).toEqual([
      ["/api/chats", [], [{ method: "GET", readsBody: false }], true],
      ["/api/chats/[id]", ["id"], [{ method: "GET", readsBody: false }, { method: "PATCH", readsBody: true }], true],
      ["/api/shared/[token]", ["token"], [{ method: "GET", readsBody: false }, { method: "POST", readsBody: false }], false],
    ]);
    expect(queryParamsRead(routes[0]!)).toEqual(["cursor"]);
  });

  it("generates bad ids for every method, every missing method, and bodies only where a handler reads one", () => {
    const cases = malformedRequests(discoverApiRoutes(app()), fixtures());
    const names = cases.map((probe) => probe.name);
    for (const method of ["GET", "PATCH"]) expect(names).toContain(`${method} /api/chats/[id] with id %%%`);
    expect(names).toContain("PATCH /api/chats/[id] with id their-chat");
    expect(names).toContain("POST /api/shared/[token] with id %%%");
    for (const method of ["POST", "PUT", "DELETE"]) expect(names).toContain(`${method} /api/chats/[id] (no such method)`);
    expect(names).toContain("PATCH /api/chats/[id]: 6 MB chunked, no Content-Length");
    expect(names.filter((name) => name.startsWith("POST /api/shared/[token]:"))).toEqual([]);
    // A bad cursor where the route reads one must be refused; elsewhere the route may ignore it.
    expect(cases.find((probe) => probe.name === "GET /api/chats?cursor=%%%")?.expect).toBe("refuse");
    expect(cases.find((probe) => probe.name === "GET /api/chats/[id]?cursor=%%%")?.expect).toBe("refuse-or-ignore");
  });
});

const question = (id: string, text: string): StoredMessage => ({ id, role: "user", parts: [{ type: "text", text }] });
const answer = (id: string, to: string, finishReason = "stop", text = fullAnswerTo(to)): StoredMessage => ({
  id,
  role: "assistant",
  parts: [{ type: "text", text }],
  metadata: { finishReason },
});

describe("reliability probes: a stored chat's shape", () => {
  it("accepts questions and answers that alternate, a stopped answer being a prefix of the whole one", () => {
    expect(chatProblems([question("q1", "one"), answer("a1", "one"), question("q2", "two"), answer("a2", "two", "stopped", "(offline model) **You")])).toEqual([]);
  });

  it("flags a second question answered before the first (Q1, Q2, A1, A2)", () => {
    const problems = chatProblems([question("q1", "one"), question("q2", "two"), answer("a1", "one"), answer("a2", "two")]);
    expect(problems).toContain("#1 question follows the unanswered question #0");
    expect(problems).toContain("#3 answer does not follow a question");
  });

  it("flags a cut answer stored as complete, a missing finish reason, duplicates and a dangling question", () => {
    expect(chatProblems([question("q1", "one"), answer("a1", "one", "stop", "(offline model) **You")])[0]).toMatch(/not the whole answer/);
    expect(chatProblems([question("q1", "one"), { ...answer("a1", "one"), metadata: {} }])).toContain("#1 answer stored without a finish reason");
    expect(chatProblems([question("q1", "one"), answer("q1", "one")])).toContain("duplicate message ids");
    expect(chatProblems([question("q1", "one")])).toEqual(["the last question has no answer"]);
    expect(chatProblems([question("q1", "one"), question("q2", "two"), answer("a2", "two")], { unanswered: true })).toEqual([]);
  });
});
