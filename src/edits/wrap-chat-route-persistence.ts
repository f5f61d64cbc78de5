/*
 * Adds chat persistence to an existing AI SDK 7 route handler with the smallest edit that works: the
 * user's streamText call (model, instructions, tools, stop conditions) is not touched at all. Three calls
 * to helpers of the generated code are inserted, imported from `helpersSpecifier`:
 *
 *   const chat = await loadChatForRequest(req);        // replaces the user's `await req.json()`
 *   if (chat instanceof Response) return chat;
 *   const { messages } = chat;                         // the user's own destructuring, now of `chat`
 *   …streamText({ …, messages: await convertToModelMessages(messages) })…
 *   return result.toUIMessageStreamResponse(drainOnDisconnect(saveAssistantOnEnd(chat, userOptions)));
 *   // or: createUIMessageStreamResponse(drainOnDisconnect({ stream: toUIMessageStream(saveAssistantOnEnd(chat, { stream: result.stream })) }))
 *
 * What the generated helpers must do (types from "ai"; these signatures were type-checked against ai 7):
 *
 *   interface ChatForRequest { id: string; messages: UIMessage[] }
 *
 *   loadChatForRequest(req: Request): Promise<ChatForRequest | Response>
 *     Reads the JSON body once. Accepts what useChat sends: `{ id, messages, trigger }` (default transport:
 *     only the last message is taken from the client) or `{ id, message }` (prepareSendMessagesRequest).
 *     Validates the chat id and the new user message (its id comes from the client), checks the caller
 *     may write to this chat (the detected auth, else an anonymous owner cookie), creates the chat when new
 *     and saves the user message (upsert by id, so a retried request does not duplicate it). Returns the
 *     STORED history plus the new message, never the client's copy. Returns a Response (400/401/403/404,
 *     JSON body with an error message) instead when the request cannot be served.
 *
 *   saveAssistantOnEnd<O extends UIMessageStreamOptions<UIMessage> & Record<string, unknown>>(chat: ChatForRequest, options?: O):
 *       O & { originalMessages: UIMessage[]; generateMessageId: IdGenerator; onEnd: UIMessageStreamOnEndCallback<UIMessage> }
 *     Options for toUIMessageStream / result.toUIMessageStreamResponse. Sets originalMessages to
 *     chat.messages (so a continued assistant message keeps its id), generateMessageId to a server id
 *     generator (without it the assistant message id is ""), and an onEnd that upserts `responseMessage`
 *     into chat.id, then calls the user's `options.onEnd ?? options.onFinish` (the SDK itself runs only
 *     `onEnd ?? onFinish`, so a user's deprecated onFinish would otherwise go silent).
 *     The constraint matters: it gives the user's inline callbacks (`onEnd: ({ messages }) => …`) their
 *     contextual types back (with a bare `O extends object` they become implicit any), and the
 *     `Record<string, unknown>` part lets `stream` and other keys through without excess-property errors.
 *
 *   drainOnDisconnect<O extends { consumeSseStream?: ConsumeSse } & Record<string, unknown>>(options?: O): O & { consumeSseStream: ConsumeSse }
 *     where ConsumeSse = (options: { stream: ReadableStream<string> }) => PromiseLike<void> | void.
 *     Options for createUIMessageStreamResponse / result.toUIMessageStreamResponse. Sets consumeSseStream
 *     to drain a copy of the stream (`consumeStream({ stream })`), so the answer is generated and saved in
 *     full when the client disconnects (otherwise onEnd fires at once with a partial message). A user's own
 *     consumeSseStream still gets its copy (tee the stream).
 */
import { SyntaxKind, type CallExpression } from "ts-morph";
import { ensureNamedImports } from "./ensure-named-imports.js";
import { findChatRouteShape, findRequestName, UnrecognisedRoute } from "./find-chat-route-shape.js";
import { localImportName } from "./local-import-name.js";
import { parseSource } from "./parse-source.js";
import { manualPersistenceLines, RouteShapeError } from "./route-shape-error.js";
import { detectSourceStyle } from "./source-style.js";
import { applyTextEdits, type TextEdit } from "./text-edits.js";

export { RouteShapeError } from "./route-shape-error.js";

const HELPERS = ["drainOnDisconnect", "loadChatForRequest", "saveAssistantOnEnd"] as const;
const CHAT_NAMES = ["chat", "storedChat", "persistedChat"];

/**
 * Wraps the POST handler of an AI SDK chat route with persistence (see above). Idempotent: a route that
 * already calls loadChatForRequest from `helpersSpecifier` is returned unchanged. Throws RouteShapeError,
 * with the lines to add by hand, for any route shape it does not recognise.
 */
export function wrapChatRoutePersistence(source: string, helpersSpecifier: string, fileName = "app/api/chat/route.ts"): string {
  const file = parseSource(fileName, source);
  const loader = localImportName(file, helpersSpecifier, "loadChatForRequest");
  if (loader && file.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => call.getExpression().getText() === loader)) return source;

  try {
    const shape = findChatRouteShape(file);
    const style = detectSourceStyle(file);
    const taken = new Set(file.getDescendantsOfKind(SyntaxKind.Identifier).map((identifier) => identifier.getText()));
    const chat = CHAT_NAMES.find((name) => !taken.has(name));
    if (!chat) throw new UnrecognisedRoute(`the names ${CHAT_NAMES.join(", ")} are all taken in this file`);
    const imports = ensureNamedImports(file, helpersSpecifier, HELPERS, style);
    if (!imports) throw new UnrecognisedRoute(`one of ${HELPERS.join(", ")} is already a name in this file`);

    const read = shape.bodyRead;
    const indent = /[ \t]*$/.exec(source.slice(0, read.getStart()))![0];
    const semi = style.semicolon;
    const edits: TextEdit[] = [
      ...imports,
      { start: read.getStart(), end: read.getStart(), text: `const ${chat} = await loadChatForRequest(${shape.requestName})${semi}\n${indent}if (${chat} instanceof Response) return ${chat}${semi}\n${indent}` },
      { start: shape.bodyJson.getStart(), end: shape.bodyJson.getEnd(), text: chat },
      ...wrapResponse(shape.uiStreamCall, shape.responseCall, chat),
    ];
    return applyTextEdits(source, edits);
  } catch (error) {
    if (error instanceof UnrecognisedRoute) throw new RouteShapeError(fileName, error.message, manualPersistenceLines(helpersSpecifier, findRequestName(file)));
    throw error;
  }
}

/** The stream options go through saveAssistantOnEnd and the response options through drainOnDisconnect. */
function wrapResponse(uiStreamCall: CallExpression, responseCall: CallExpression, chat: string): TextEdit[] {
  if (uiStreamCall === responseCall) return wrapOptions(uiStreamCall, `drainOnDisconnect(saveAssistantOnEnd(${chat}`, "))");
  return [...wrapOptions(uiStreamCall, `saveAssistantOnEnd(${chat}`), ...wrapOptions(responseCall, "drainOnDisconnect(")];
}

/**
 * Edits turning `call(options)` into `call(<open>, options<close>)` and `call()` into `call(<open><close>)`,
 * where `open` is a helper call left open (`saveAssistantOnEnd(chat`) or a bare `helper(`.
 */
function wrapOptions(call: CallExpression, open: string, close = ")"): TextEdit[] {
  const [options] = call.getArguments();
  const separator = open.endsWith("(") ? "" : ", ";
  if (!options) {
    const paren = call.getFirstChildByKindOrThrow(SyntaxKind.OpenParenToken).getEnd();
    return [{ start: paren, end: paren, text: `${open}${close}` }];
  }
  return [
    { start: options.getStart(), end: options.getStart(), text: `${open}${separator}` },
    { start: options.getEnd(), end: options.getEnd(), text: close },
  ];
}
