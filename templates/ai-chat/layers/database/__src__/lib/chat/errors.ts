/**
 * Errors the chat code throws on purpose. Each carries the HTTP status and a
 * stable `code` so one helper can turn any of them into a JSON response.
 * Anything else that reaches a route is a bug or an outage and becomes a 500.
 */
export class ChatError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends ChatError {
  constructor(code: string, message: string) {
    super(400, code, message);
  }
}

/** Also used for chats that exist but belong to someone else: never reveal which. */
export class NotFoundError extends ChatError {
  constructor(message = "Chat not found.") {
    super(404, "not_found", message);
  }
}

export class ConflictError extends ChatError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

export class PayloadTooLargeError extends ChatError {
  constructor(message: string) {
    super(413, "payload_too_large", message);
  }
}

export class UnauthorizedError extends ChatError {
  constructor() {
    super(401, "unauthorized", "No valid session. Reload the page to get one.");
  }
}

/** A write that is not JSON, or comes from another site (see lib/chat/write-guard). */
export class RefusedWriteError extends ChatError {
  constructor(status: 403 | 415, code: string, message: string) {
    super(status, code, message);
  }
}
