import { Node, SyntaxKind, type SourceFile } from "ts-morph";
import { localImportName } from "../edits/local-import-name.js";
import { parseSource } from "../edits/parse-source.js";

/** Where Next.js serves `/api/chat` from, with and without src/. */
export const CHAT_ROUTE_CANDIDATES = ["app/api/chat/route.ts", "src/app/api/chat/route.ts", "app/api/chat/route.js", "src/app/api/chat/route.js"];

export interface DetectedChatRoute {
  /** The route file that calls the AI SDK's `streamText`, relative to the project root; null for none. */
  route: string | null;
  /** Client files (pages or components) that call `useChat` from `@ai-sdk/react`. */
  useChatFiles: string[];
}

/**
 * Finds an existing AI SDK chat: the `/api/chat` route that calls `streamText` imported from "ai", and the
 * files that call `useChat`. Files are given as (path, text); routes are recognised only at the paths above
 * because that is the URL `useChat` posts to by default. Null when neither exists.
 */
export function detectChatRoute(files: ReadonlyArray<{ path: string; text: string }>): DetectedChatRoute | null {
  let route: string | null = null;
  const useChatFiles: string[] = [];
  for (const { path, text } of files) {
    const mayCallStreamText = CHAT_ROUTE_CANDIDATES.includes(path) && text.includes("streamText");
    const mayCallUseChat = /\.[jt]sx?$/.test(path) && text.includes("useChat");
    if (!mayCallStreamText && !mayCallUseChat) continue;
    const file = parseSource(path, text);
    if (mayCallStreamText && route === null && callsImport(file, "ai", "streamText")) route = path;
    if (mayCallUseChat && callsImport(file, "@ai-sdk/react", "useChat")) useChatFiles.push(path);
  }
  return route === null && useChatFiles.length === 0 ? null : { route, useChatFiles };
}

/** Whether the file calls `name` imported from `module`, under whatever local name it was imported as. */
export function callsImport(file: SourceFile, module: string, name: string): boolean {
  const local = localImportName(file, module, name);
  if (!local) return false;
  return file.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => {
    const callee = call.getExpression();
    return Node.isIdentifier(callee) && callee.getText() === local;
  });
}
