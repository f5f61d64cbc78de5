import type { AiChatOptions } from "./options.js";

/** A group of API routes as the proxy matches them. `public`: readable without a session. */
export interface ApiPath {
  matcher: string;
  public: boolean;
}

/**
 * The one list of the chat's API paths with these options. The generated proxy's matcher and the paths in
 * docs/ai-chat.md are both rendered from it, so a route cannot be left out of one and not the other.
 */
export function apiPaths(options: AiChatOptions): ApiPath[] {
  const owned = (matcher: string): ApiPath => ({ matcher, public: false });
  return [
    owned("/api/chat"),
    owned("/api/chats/:path*"),
    ...(options.search ? [owned("/api/search")] : []),
    ...(options.stats ? [owned("/api/stats")] : []),
    ...(options.usage ? [owned("/api/usage")] : []),
    ...(options.prompts ? [owned("/api/prompts/:path*")] : []),
    ...(options.personas ? [owned("/api/personas/:path*")] : []),
    ...(options.shares ? [owned("/api/shares/:path*"), { matcher: "/api/shared/:path*", public: true }] : []),
    ...(options.visibility ? [{ matcher: "/api/public/:path*", public: true }] : []),
    ...(options.export ? [owned("/api/export"), owned("/api/import")] : []),
  ];
}

/** The pages that issue anonymous sessions (the chat UI); the shared and public pages need none. */
export const SESSION_PAGES = ["/chat/:path*"];

/** What the proxy runs for: the session pages, then every API path. */
export function proxyMatcher(options: AiChatOptions): string[] {
  return [...SESSION_PAGES, ...apiPaths(options).map((path) => path.matcher)];
}
