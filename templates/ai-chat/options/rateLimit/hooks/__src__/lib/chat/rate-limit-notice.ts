/**
 * The server's sentence for a refused message (429 `rate_limited`, which says
 * when sending works again), or null for any other error. `useChat` reports a
 * failed request with the response body as the error message.
 */
export function rateLimitNotice(error: Error | undefined): string | null {
  if (!error) return null;
  try {
    const body: unknown = JSON.parse(error.message);
    if (
      typeof body === "object" &&
      body !== null &&
      "error" in body &&
      typeof body.error === "object" &&
      body.error !== null &&
      "code" in body.error &&
      body.error.code === "rate_limited" &&
      "message" in body.error &&
      typeof body.error.message === "string"
    ) {
      return body.error.message;
    }
  } catch {
    // not a JSON error body: not a rate limit
  }
  return null;
}
