import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RouteShapeError, wrapChatRoutePersistence } from "../../../src/edits/wrap-chat-route-persistence.js";

const HELPERS = "@/lib/chat/persistence";
const fixtureRoute = readFileSync(new URL("../../../fixtures/next-ai-chat-route/app/api/chat/route.ts", import.meta.url), "utf8");

const deprecatedHelperRoute = `import { openai } from '@ai-sdk/openai'
import { convertToModelMessages, streamText, UIMessage } from 'ai'

export const POST = async (request: Request) => {
  const session = await getSession(request)
  if (!session) return new Response('Unauthorized', { status: 401 })

  const { messages, id: chatId }: { messages: UIMessage[]; id: string } = await request.json()
  console.log('chat', chatId)

  const result = streamText({
    model: openai('gpt-5-mini'),
    instructions: 'Answer in French.',
    messages: await convertToModelMessages(messages),
  })

  return result.toUIMessageStreamResponse({ sendReasoning: true })
}

declare function getSession(request: Request): Promise<unknown>
`;

function expectRefusal(source: string, reason: RegExp): RouteShapeError {
  let caught: unknown;
  try {
    wrapChatRoutePersistence(source, HELPERS);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RouteShapeError);
  const error = caught as RouteShapeError;
  expect(error.message).toMatch(reason);
  expect(error.message).toContain(`import { drainOnDisconnect, loadChatForRequest, saveAssistantOnEnd } from "${HELPERS}";`);
  expect(error.message).toContain("const chat = await loadChatForRequest(");
  return error;
}

describe("wrapChatRoutePersistence", () => {
  it("wraps the AI SDK 7 docs route (createUIMessageStreamResponse + toUIMessageStream), keeping model, instructions and tools", () => {
    expect(wrapChatRoutePersistence(fixtureRoute, HELPERS)).toMatchInlineSnapshot(`
      "import {
        convertToModelMessages,
        createUIMessageStreamResponse,
        isStepCount,
        streamText,
        tool,
        toUIMessageStream,
        type UIMessage,
      } from "ai";
      import { z } from "zod";
      import { drainOnDisconnect, loadChatForRequest, saveAssistantOnEnd } from "@/lib/chat/persistence";

      // Allow streaming responses up to 30 seconds.
      export const maxDuration = 30;

      export async function POST(req: Request) {
        const chat = await loadChatForRequest(req);
        if (chat instanceof Response) return chat;
        const { messages }: { messages: UIMessage[] } = chat;

        const result = streamText({
          model: "openai/gpt-5-mini",
          instructions: "You are a friendly assistant. Keep answers short.",
          messages: await convertToModelMessages(messages),
          stopWhen: isStepCount(5),
          tools: {
            weather: tool({
              description: "Get the weather in a location (fahrenheit)",
              inputSchema: z.object({
                location: z.string().describe("The location to get the weather for"),
              }),
              execute: async ({ location }) => {
                const temperature = Math.round(Math.random() * (90 - 32) + 32);
                return { location, temperature };
              },
            }),
          },
        });

        return createUIMessageStreamResponse(drainOnDisconnect({
          stream: toUIMessageStream(saveAssistantOnEnd(chat, { stream: result.stream })),
        }));
      }
      "
    `);
  });

  it("wraps an arrow POST using result.toUIMessageStreamResponse(options), after the user's auth check, in the file's style", () => {
    expect(wrapChatRoutePersistence(deprecatedHelperRoute, HELPERS)).toMatchInlineSnapshot(`
      "import { openai } from '@ai-sdk/openai'
      import { convertToModelMessages, streamText, UIMessage } from 'ai'
      import { drainOnDisconnect, loadChatForRequest, saveAssistantOnEnd } from '@/lib/chat/persistence'

      export const POST = async (request: Request) => {
        const session = await getSession(request)
        if (!session) return new Response('Unauthorized', { status: 401 })

        const chat = await loadChatForRequest(request)
        if (chat instanceof Response) return chat
        const { messages, id: chatId }: { messages: UIMessage[]; id: string } = chat
        console.log('chat', chatId)

        const result = streamText({
          model: openai('gpt-5-mini'),
          instructions: 'Answer in French.',
          messages: await convertToModelMessages(messages),
        })

        return result.toUIMessageStreamResponse(drainOnDisconnect(saveAssistantOnEnd(chat, { sendReasoning: true })))
      }

      declare function getSession(request: Request): Promise<unknown>
      "
    `);
  });

  it("applying twice equals applying once", () => {
    for (const source of [fixtureRoute, deprecatedHelperRoute]) {
      const once = wrapChatRoutePersistence(source, HELPERS);
      expect(wrapChatRoutePersistence(once, HELPERS)).toBe(once);
    }
  });

  it("works inside try/catch, with a cast body and an awaited streamText, and leaves the catch alone", () => {
    const source = `import { streamText, convertToModelMessages, type UIMessage } from "ai";
import { anthropic } from "@ai-sdk/anthropic";

export async function POST(req: Request) {
  try {
    const { messages } = (await req.json()) as { messages: UIMessage[] };
    const result = await streamText({
      model: anthropic("claude-sonnet-4-5"),
      messages: await convertToModelMessages(messages),
    });
    return result.toUIMessageStreamResponse();
  } catch (error) {
    console.error(error);
    return new Response("Something went wrong", { status: 500 });
  }
}
`;
    expect(wrapChatRoutePersistence(source, HELPERS)).toMatchInlineSnapshot(`
      "import { streamText, convertToModelMessages, type UIMessage } from "ai";
      import { anthropic } from "@ai-sdk/anthropic";
      import { drainOnDisconnect, loadChatForRequest, saveAssistantOnEnd } from "@/lib/chat/persistence";

      export async function POST(req: Request) {
        try {
          const chat = await loadChatForRequest(req);
          if (chat instanceof Response) return chat;
          const { messages } = chat as { messages: UIMessage[] };
          const result = await streamText({
            model: anthropic("claude-sonnet-4-5"),
            messages: await convertToModelMessages(messages),
          });
          return result.toUIMessageStreamResponse(drainOnDisconnect(saveAssistantOnEnd(chat)));
        } catch (error) {
          console.error(error);
          return new Response("Something went wrong", { status: 500 });
        }
      }
      "
    `);
  });

  it("names the chat variable around the user's own `chat` and merges into an existing import of the helpers", () => {
    const source = `import { streamText, type UIMessage } from "ai";
import { loadChatForRequest } from "@/lib/chat/persistence";

const chat = "support";

export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = streamText({ model: chat, messages });
  return result.toUIMessageStreamResponse();
}
`;
    const once = wrapChatRoutePersistence(source, HELPERS);
    expect(once).toContain(`import { loadChatForRequest, drainOnDisconnect, saveAssistantOnEnd } from "@/lib/chat/persistence";`);
    expect(once).toContain("const storedChat = await loadChatForRequest(req);\n  if (storedChat instanceof Response) return storedChat;\n  const { messages } = storedChat;");
    expect(once).toContain("return result.toUIMessageStreamResponse(drainOnDisconnect(saveAssistantOnEnd(storedChat)));");
    expect(wrapChatRoutePersistence(once, HELPERS)).toBe(once);
  });

  const route = (body: string, imports = "convertToModelMessages, streamText, createUIMessageStream, createUIMessageStreamResponse, toUIMessageStream") =>
    `import { ${imports} } from "ai";\n\nexport async function POST(req: Request) {\n${body}\n}\n`;

  it.each([
    [
      "streamText inside createUIMessageStream's execute",
      route(`  const { messages } = await req.json();
  const stream = createUIMessageStream({
    execute: async ({ writer }) => {
      const result = streamText({ model: "m", messages: await convertToModelMessages(messages) });
      writer.merge(toUIMessageStream({ stream: result.stream }));
    },
  });
  return createUIMessageStreamResponse({ stream });`),
      /calls streamText from "ai" 0 times directly/,
    ],
    [
      "the body kept whole in a variable",
      route(`  const body = await req.json();
  const result = streamText({ model: "m", messages: await convertToModelMessages(body.messages) });
  return result.toUIMessageStreamResponse();`),
      /the body is not read as `const \{ messages \} = await req.json\(\);`/,
    ],
    [
      "a body field the stored chat does not provide",
      route(`  const { messages, model } = await req.json();
  const result = streamText({ model, messages: await convertToModelMessages(messages) });
  return result.toUIMessageStreamResponse();`),
      /takes `model`/,
    ],
    [
      "a text stream response, which useChat's default transport cannot read",
      route(`  const { messages } = await req.json();
  const result = streamText({ model: "m", messages: await convertToModelMessages(messages) });
  return result.toTextStreamResponse();`),
      /does not answer with exactly one UI message stream/,
    ],
    [
      "a route that already persists (originalMessages)",
      route(`  const { messages } = await req.json();
  const result = streamText({ model: "m", messages: await convertToModelMessages(messages) });
  return result.toUIMessageStreamResponse({ originalMessages: messages, onEnd: save });`),
      /already passes `originalMessages`/,
    ],
    [
      "a helper name the route already uses for something else",
      route(`  const { messages } = await req.json();
  const result = streamText({ model: "m", messages: await convertToModelMessages(messages) });
  return result.toUIMessageStreamResponse({ onEnd: saveAssistantOnEnd });`),
      /already a name in this file/,
    ],
    [
      "an Edge route, since the chat store needs Node.js",
      `export const runtime = "edge";\n` +
        route(`  const { messages } = await req.json();
  const result = streamText({ model: "m", messages: await convertToModelMessages(messages) });
  return result.toUIMessageStreamResponse();`),
      /runs on the Edge runtime/,
    ],
    ["no POST handler", `export async function GET() {\n  return Response.json({});\n}\n`, /does not export a POST function/],
  ])("refuses %s, with the lines to add by hand", (_name, source, reason) => {
    const error = expectRefusal(source, reason);
    expect(error.code).toBe("EDIT_FAILED");
    expect(error.linesToAdd).toContain("toUIMessageStream(saveAssistantOnEnd(chat, { stream: result.stream }))");
  });

  it("puts the request parameter's own name in the lines to add", () => {
    const source = route(`  const text = await request.text();\n  return streamText({ model: "m", prompt: text }).toUIMessageStreamResponse();`).replace("req: Request", "request: Request");
    expect(expectRefusal(source, /the body is not read as `const \{ messages \} = await request.json\(\);`/).linesToAdd).toContain("await loadChatForRequest(request);");
  });
});
