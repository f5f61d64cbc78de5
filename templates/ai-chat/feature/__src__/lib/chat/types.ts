import type { UIMessage } from "ai";

/**
 * What the server attaches to each message. Everything is optional because
 * user messages only carry `createdAt`, and an answer cut short by an error
 * may never report usage.
 */
export type ChatMessageMetadata = {
  /** ISO timestamp of when the message was stored. */
  createdAt?: string;
  /** Model that wrote an assistant message, e.g. `openai/gpt-5-mini` or `offline`. */
  model?: string;
  usage?: {
    inputTokens?: number;
    outputTokens?: number;
    totalTokens?: number;
  };
  finishReason?: string;
};

/** The message shape shared by the database, the API and `useChat`. */
export type ChatMessage = UIMessage<ChatMessageMetadata>;

export type ChatMessagePart = ChatMessage["parts"][number];

export type ChatRole = ChatMessage["role"];

/** A chat as listed in the sidebar and returned by the API. */
export type ChatSummary = {
  id: string;
  title: string;
  /** ISO timestamp. */
  createdAt: string;
  /** ISO timestamp; bumped whenever a message is added. */
  updatedAt: string;
};

/** One page of a cursor-paginated list; `nextCursor` is null on the last page. */
export type Page<T> = {
  nextCursor: string | null;
} & T;

export type ChatListPage = Page<{ chats: ChatSummary[] }>;

export type MessagePage = Page<{ messages: ChatMessage[] }>;

export type ChatWithMessages = Page<{ chat: ChatSummary; messages: ChatMessage[] }>;

/** Body of every error response: `{ error: { code, message } }`. */
export type ApiErrorBody = {
  error: { code: string; message: string };
};

/** Limits shared by the API (to reject) and the UI (to warn before sending). */
export const CHAT_LIMITS = {
  /** Characters in one user message. */
  maxMessageChars: 8_000,
  /** Bytes in a POST /api/chat body. */
  maxBodyBytes: 64 * 1024,
  /** Characters in a chat title. */
  maxTitleChars: 120,
  /** Chats per page in the sidebar. */
  chatPageSize: 30,
  /** Messages per history page. */
  messagePageSize: 50,
  /** Largest page a client may ask for. */
  maxPageSize: 100,
} as const;

/** Chat and message ids: what `generateId()` and our server ids look like, nothing that needs escaping. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
