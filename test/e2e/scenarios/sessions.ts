import { createHmac } from "node:crypto";
import { expect } from "vitest";
import { ChatClient, generateMessageId } from "../support/chat-client.js";

/** The limits the server of this scenario runs with (env), low enough to reach. */
export const SESSION_SCENARIO_LIMITS = { CHAT_NEW_SESSIONS_PER_HOUR: "3", CHAT_ANONYMOUS_MESSAGES_PER_HOUR: "2" };

const DAY = 24 * 60 * 60;

/** A session cookie value signed like the app signs it: `v2.<userId>.<issuedAt>.<HMAC-SHA256>`. */
function signedSession(secret: string, userId: string, issuedAt: number): string {
  const payload = `v2.${userId}.${issuedAt}`;
  return `${payload}.${createHmac("sha256", secret).update(payload).digest("base64url")}`;
}

const errorCode = (body: unknown): unknown => (body as { error?: { code?: unknown } } | null)?.error?.code;

/**
 * Sessions and writes under abuse, on a server started with SESSION_SCENARIO_LIMITS: the API never issues a
 * session (401), cross-site and non-JSON writes are refused and store nothing, a malformed path is a JSON 400,
 * cookies are renewed past half their life and refused past it, and a script loading pages to mint sessions,
 * or sending anonymously, is limited per address with 429 + Retry-After.
 */
export async function runSessionScenario(baseUrl: string, secret: string): Promise<void> {
  const noCookie = await fetch(`${baseUrl}/api/chats`);
  expect(noCookie.status).toBe(401);
  expect(errorCode(await noCookie.json())).toBe("unauthorized");
  expect(noCookie.headers.getSetCookie()).toEqual([]);

  const user = new ChatClient(baseUrl);
  await user.openSession();
  const cookie = user.jar.header() ?? "";
  const chatId = `sessions-${generateMessageId()}`;
  const body = JSON.stringify({ id: chatId, message: { id: generateMessageId(), role: "user", parts: [{ type: "text", text: "hi" }] } });
  const attempts: Array<[Record<string, string>, number, string]> = [
    [{ "content-type": "text/plain" }, 415, "unsupported_media_type"],
    [{ "content-type": "application/x-www-form-urlencoded", origin: baseUrl }, 415, "unsupported_media_type"],
    [{ "content-type": "application/json", origin: "https://evil.example" }, 403, "cross_site_request"],
    [{ "content-type": "application/json", "sec-fetch-site": "cross-site" }, 403, "cross_site_request"],
    [{ "content-type": "application/json", origin: baseUrl, "sec-fetch-site": "same-site" }, 403, "cross_site_request"],
  ];
  for (const [headers, status, code] of attempts) {
    const response = await fetch(`${baseUrl}/api/chat`, { method: "POST", headers: { ...headers, cookie }, body });
    expect(response.status, JSON.stringify(headers)).toBe(status);
    expect(errorCode(await response.json())).toBe(code);
  }
  expect((await user.getChat(chatId)).status, "a refused write stores nothing").toBe(404);

  const badEscape = await fetch(`${baseUrl}/api/chats/%%%`, { headers: { cookie } });
  expect(badEscape.status).toBe(400);
  expect(errorCode(await badEscape.json())).toBe("invalid_path");

  const issued = user.jar.get("chat_session") ?? "";
  expect(issued).toMatch(/^v2\.anon_[\w-]+\.\d+\.[\w-]+$/);
  const userId = issued.split(".")[1] ?? "";

  // Past half its life a session is re-issued (same user), past its life it is no session.
  const now = Math.floor(Date.now() / 1000);
  const old = await fetch(`${baseUrl}/api/chats`, { headers: { cookie: `chat_session=${signedSession(secret, userId, now - 250 * DAY)}` } });
  expect(old.status).toBe(200);
  const renewed = old.headers.getSetCookie().join("\n");
  expect(renewed).toMatch(new RegExp(`chat_session=v2\\.${userId}\\.\\d+\\.`));
  expect(renewed).toMatch(/HttpOnly/i);
  expect(renewed).toMatch(/SameSite=lax/i);
  const expired = await fetch(`${baseUrl}/api/chats`, { headers: { cookie: `chat_session=${signedSession(secret, userId, now - 401 * DAY)}` } });
  expect(expired.status).toBe(401);
  const forged = await fetch(`${baseUrl}/api/chats`, { headers: { cookie: `chat_session=${signedSession("not-the-secret-".repeat(3), userId, now)}` } });
  expect(forged.status).toBe(401);

  // Behind a TLS proxy the cookie is __Host- prefixed and Secure.
  const https = await fetch(`${baseUrl}/chat`, { headers: { "x-forwarded-proto": "https" }, redirect: "manual" });
  expect(https.headers.getSetCookie().join("\n")).toMatch(/^__Host-chat_session=v2\.[^;]+;.*Secure/im);

  // The third new session of this address is still issued; the fourth page load without one is refused.
  expect((await fetch(`${baseUrl}/chat`, { redirect: "manual" })).status).toBe(200);
  const minted = await fetch(`${baseUrl}/chat`, { redirect: "manual" });
  expect(minted.status).toBe(429);
  expect(Number(minted.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(minted.headers.getSetCookie()).toEqual([]);

  // Anonymous messages: 2 per address this hour, then 429 rate_limited with Retry-After, nothing stored.
  for (let sent = 0; sent < 2; sent++) expect((await user.sendMessage(`${chatId}-${sent}`, "within the limit")).status).toBe(200);
  const refused = await user.sendMessage(`${chatId}-refused`, "over the limit");
  expect(refused.status, refused.body).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(errorCode(JSON.parse(refused.body))).toBe("rate_limited");
  expect((await user.getChat(`${chatId}-refused`)).status).toBe(404);
}
