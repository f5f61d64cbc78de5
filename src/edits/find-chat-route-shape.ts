import { Node, SyntaxKind, type ArrowFunction, type CallExpression, type FunctionDeclaration, type FunctionExpression, type SourceFile, type VariableStatement } from "ts-morph";
import { localImportName } from "./local-import-name.js";
import { propertyName, unwrapExpression } from "./static-values.js";

/** The parts of a recognised AI SDK chat route that the persistence edit touches, and nothing more. */
export interface ChatRouteShape {
  requestName: string;
  /** `const { messages } = await req.json();`, read once, at the top level of a block in POST. */
  bodyRead: VariableStatement;
  /** The `await req.json()` inside it (with its own parentheses; under any `as` or `satisfies`), which `chat` replaces. */
  bodyJson: Node;
  /** The call producing the UI message stream: `toUIMessageStream(…)`, or `result.toUIMessageStreamResponse(…)` which also makes the response. */
  uiStreamCall: CallExpression;
  /** `createUIMessageStreamResponse(…)`, or the same node as uiStreamCall for `toUIMessageStreamResponse`. */
  responseCall: CallExpression;
}

/** Thrown inside the analysis with the reason the shape is not recognised. */
export class UnrecognisedRoute extends Error {}

const BODY_READERS = new Set(["json", "text", "formData", "arrayBuffer", "blob", "bytes", "body"]);
const BODY_FIELDS = new Set(["messages", "id"]);

/**
 * Recognises `export async function POST(req)` (or `export const POST = async (req) => {…}`) that reads
 * `{ messages }` from the JSON body once, calls `streamText` from "ai" once, and answers with a UI message
 * stream, either `result.toUIMessageStreamResponse(…)` or `createUIMessageStreamResponse(…toUIMessageStream(…)…)`.
 * Everything else about the route (model, instructions, tools, auth checks, other statements) is left alone.
 */
export function findChatRouteShape(file: SourceFile): ChatRouteShape {
  const runtime = file.getVariableDeclaration("runtime")?.getInitializer();
  if (runtime && /^["'`]edge["'`]$/.test(runtime.getText())) {
    throw new UnrecognisedRoute("it runs on the Edge runtime, and the chat store needs Node.js (remove `export const runtime = \"edge\"`)");
  }
  const post = findPostHandler(file);
  const [request] = post.getParameters();
  const requestNode = request?.getNameNode();
  if (!requestNode || !Node.isIdentifier(requestNode)) throw new UnrecognisedRoute("POST does not take the request as a named parameter");
  const requestName = requestNode.getText();

  const ownCalls = post.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => call.getFirstAncestor(isFunctionLike) === post);
  const streamText = localImportName(file, "ai", "streamText");
  const streamTextCalls = ownCalls.filter((call) => streamText !== undefined && call.getExpression().getText() === streamText);
  if (streamTextCalls.length !== 1) throw new UnrecognisedRoute(`POST calls streamText from "ai" ${streamTextCalls.length} times directly (expected once)`);

  const bodyReads = post.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).filter((access) => access.getExpression().getText() === requestName && BODY_READERS.has(access.getName()));
  if (bodyReads.length !== 1) throw new UnrecognisedRoute(`POST reads the request body ${bodyReads.length} times (expected one \`await ${requestName}.json()\`)`);
  const { bodyRead, bodyJson } = readsBodyFields(bodyReads[0]!.getFirstAncestorByKind(SyntaxKind.VariableStatement), requestName);

  const { uiStreamCall, responseCall } = findResponse(file, ownCalls, streamTextCalls[0]!);
  const block = bodyRead.getParentOrThrow();
  for (const call of [uiStreamCall, responseCall, streamTextCalls[0]!]) {
    if (!call.getAncestors().includes(block) || call.getStart() < bodyRead.getEnd()) {
      throw new UnrecognisedRoute("the response is not built after the body is read, in the same block");
    }
  }
  const options = uiStreamCall.getArguments()[0];
  const optionsObject = options && unwrapExpression(options);
  if (optionsObject && Node.isObjectLiteralExpression(optionsObject) && optionsObject.getProperties().some((node) => propertyName(node) === "originalMessages")) {
    throw new UnrecognisedRoute("the route already passes `originalMessages`, so it probably persists chats itself");
  }
  return { requestName, bodyRead, bodyJson, uiStreamCall, responseCall };
}

/** The name POST gives its request parameter, for messages about a route that is otherwise not recognised. */
export function findRequestName(file: SourceFile): string | undefined {
  try {
    const name = findPostHandler(file).getParameters()[0]?.getNameNode();
    return name && Node.isIdentifier(name) ? name.getText() : undefined;
  } catch {
    return undefined;
  }
}

function findPostHandler(file: SourceFile): FunctionDeclaration | ArrowFunction | FunctionExpression {
  const declaration = file.getExportedDeclarations().get("POST")?.[0];
  if (declaration && Node.isFunctionDeclaration(declaration) && declaration.getBody()) return declaration;
  const initializer = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  const fn = initializer && unwrapExpression(initializer);
  if (fn && (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) && Node.isBlock(fn.getBody())) return fn;
  throw new UnrecognisedRoute("it does not export a POST function with a body");
}

function readsBodyFields(statement: VariableStatement | undefined, requestName: string): Pick<ChatRouteShape, "bodyRead" | "bodyJson"> {
  const declaration = statement?.getDeclarations().length === 1 ? statement.getDeclarations()[0] : undefined;
  const initializer = declaration?.getInitializer();
  const bodyJson = initializer && unwrapExpression(initializer);
  const expected = `await ${requestName}.json()`;
  const pattern = declaration?.getNameNode();
  if (!statement || !bodyJson || bodyJson.getText().replace(/\s+/g, " ") !== expected || !pattern || !Node.isObjectBindingPattern(pattern) || !Node.isBlock(statement.getParent())) {
    throw new UnrecognisedRoute(`the body is not read as \`const { messages } = ${expected};\` in a block of POST`);
  }
  for (const element of pattern.getElements()) {
    const field = element.getPropertyNameNode()?.getText() ?? element.getNameNode().getText();
    if (element.getDotDotDotToken() || !BODY_FIELDS.has(field)) {
      throw new UnrecognisedRoute(`the body read takes \`${element.getText()}\`, which the stored chat does not provide (only messages and id)`);
    }
  }
  // `(await req.json()) as T` becomes `chat as T`: the parentheses only served the await.
  let replaced: Node = bodyJson;
  while (Node.isParenthesizedExpression(replaced.getParentOrThrow())) replaced = replaced.getParentOrThrow();
  return { bodyRead: statement, bodyJson: replaced };
}

function findResponse(file: SourceFile, ownCalls: CallExpression[], streamTextCall: CallExpression): Pick<ChatRouteShape, "uiStreamCall" | "responseCall"> {
  // `const result = streamText(…)`, also when awaited out of habit (`await streamText(…)` from older versions).
  let holder: Node = streamTextCall;
  while (Node.isAwaitExpression(holder.getParentOrThrow()) || Node.isParenthesizedExpression(holder.getParentOrThrow())) holder = holder.getParentOrThrow();
  const resultName = holder.getParentIfKind(SyntaxKind.VariableDeclaration)?.getName();
  const isResult = (node: Node) => node === streamTextCall || (resultName !== undefined && Node.isIdentifier(node) && node.getText() === resultName);
  const method = (call: CallExpression, name: string) => {
    const callee = call.getExpression();
    return Node.isPropertyAccessExpression(callee) && callee.getName() === name && isResult(callee.getExpression());
  };
  const standalone = (name: string) => ownCalls.filter((call) => call.getExpression().getText() === localImportName(file, "ai", name));

  const direct = ownCalls.filter((call) => method(call, "toUIMessageStreamResponse"));
  const streams = [...standalone("toUIMessageStream"), ...ownCalls.filter((call) => method(call, "toUIMessageStream"))];
  const responses = standalone("createUIMessageStreamResponse");
  if (direct.length === 1 && streams.length === 0 && responses.length === 0 && direct[0]!.getArguments().length <= 1) {
    return { uiStreamCall: direct[0]!, responseCall: direct[0]! };
  }
  if (direct.length === 0 && streams.length === 1 && responses.length === 1 && streams[0]!.getArguments().length <= 1 && responses[0]!.getArguments().length === 1) {
    return { uiStreamCall: streams[0]!, responseCall: responses[0]! };
  }
  throw new UnrecognisedRoute("it does not answer with exactly one UI message stream (result.toUIMessageStreamResponse() or createUIMessageStreamResponse({ stream: toUIMessageStream(…) }))");
}

function isFunctionLike(node: Node): boolean {
  return Node.isFunctionDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isMethodDeclaration(node);
}
