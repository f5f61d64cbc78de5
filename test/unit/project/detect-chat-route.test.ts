import { describe, expect, it } from "vitest";
import { CHAT_ROUTE_CANDIDATES, detectChatRoute } from "../../../src/project/detect-chat-route.js";
import { readFixtureFiles } from "./fixture-files.js";

describe("detectChatRoute", () => {
  it("finds the route and the useChat page of the next-ai-chat-route fixture", () => {
    expect(detectChatRoute(readFixtureFiles("next-ai-chat-route", [...CHAT_ROUTE_CANDIDATES, "app/page.tsx", "app/layout.tsx"]))).toEqual({
      route: "app/api/chat/route.ts",
      useChatFiles: ["app/page.tsx"],
    });
  });

  it("finds nothing in an app without a chat", () => {
    expect(detectChatRoute(readFixtureFiles("next-src-tilde", [...CHAT_ROUTE_CANDIDATES, "src/app/page.tsx", "src/app/api/health/route.ts"]))).toBeNull();
  });

  it("recognises aliased imports under src/, and ignores a streamText that is not the AI SDK's", () => {
    const route = { path: "src/app/api/chat/route.ts", text: `import { streamText as stream } from "ai";\nexport async function POST() {\n  return stream({ model: "m", prompt: "hi" }).toUIMessageStreamResponse();\n}\n` };
    const lookalike = { path: "app/api/chat/route.ts", text: `import { streamText } from "./my-llm";\nexport async function POST() {\n  return streamText();\n}\n` };
    expect(detectChatRoute([lookalike, route])).toEqual({ route: "src/app/api/chat/route.ts", useChatFiles: [] });
  });

  it("only counts routes at /api/chat, which useChat posts to by default", () => {
    const elsewhere = { path: "app/api/assistant/route.ts", text: `import { streamText } from "ai";\nexport async function POST() {\n  return streamText({ model: "m", prompt: "x" }).toUIMessageStreamResponse();\n}\n` };
    expect(detectChatRoute([elsewhere])).toBeNull();
  });
});
