import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  assertSessionSecret,
  isSecureRequest,
  readSession,
  sessionCookieName,
  signSession,
} from "../../../templates/ai-chat/layers/api/__src__/lib/chat/session.js";

/** The generated app's session cookie (a template without placeholders, so it runs here as it is). */
const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const DAY = 24 * 60 * 60;
const now = () => Math.floor(Date.now() / 1000);

beforeEach(() => vi.stubEnv("CHAT_SESSION_SECRET", SECRET));
afterEach(() => vi.unstubAllEnvs());

describe("session cookie", () => {
  it("reads back what it signed, and asks for renewal only past half its life", async () => {
    expect(await readSession(await signSession("anon_user-1"))).toMatchObject({ userId: "anon_user-1", renew: false });
    expect(await readSession(await signSession("anon_user-1", now() - 199 * DAY))).toMatchObject({ renew: false });
    expect(await readSession(await signSession("anon_user-1", now() - 201 * DAY))).toMatchObject({ renew: true });
  });

  it("refuses a cookie past its life, tampered, signed with another secret, or of the old format", async () => {
    expect(await readSession(await signSession("anon_user-1", now() - 401 * DAY))).toBeNull();
    const value = await signSession("anon_user-1");
    const [version, , issued, signature] = value.split(".");
    expect(await readSession(`${version}.anon_user-2.${issued}.${signature}`)).toBeNull();
    expect(await readSession(`${version}.anon_user-1.${Number(issued) + 1}.${signature}`)).toBeNull();
    expect(await readSession(`${value}x`)).toBeNull();
    expect(await readSession(`v1.anon_user-1.${signature}`)).toBeNull();
    expect(await readSession(undefined)).toBeNull();
    vi.stubEnv("CHAT_SESSION_SECRET", `${SECRET}-rotated`);
    expect(await readSession(value)).toBeNull();
  });

  it("has no fallback secret: missing or short is an error that says what to do", async () => {
    vi.stubEnv("CHAT_SESSION_SECRET", "");
    expect(() => assertSessionSecret()).toThrow(/CHAT_SESSION_SECRET must be set to at least 32 random characters \(it is not set\)/);
    vi.stubEnv("CHAT_SESSION_SECRET", "short");
    await expect(signSession("anon_user-1")).rejects.toThrow(/\(it is 5 long\).*openssl rand/);
  });

  it("is Secure and __Host- over HTTPS, behind a TLS proxy, and in production off localhost", () => {
    const headers = (entries: Record<string, string>) => new Headers(entries);
    vi.stubEnv("NODE_ENV", "development");
    expect(isSecureRequest(headers({ host: "example.com" }))).toBe(false);
    expect(isSecureRequest(headers({ host: "example.com", "x-forwarded-proto": "https" }))).toBe(true);
    expect(isSecureRequest(headers({ host: "example.com" }), "https:")).toBe(true);
    vi.stubEnv("NODE_ENV", "production");
    expect(isSecureRequest(headers({ host: "example.com" }))).toBe(true);
    expect(isSecureRequest(headers({ host: "127.0.0.1:3000" }))).toBe(false);
    expect(isSecureRequest(headers({ host: "localhost:3000" }))).toBe(false);
    expect(sessionCookieName(true)).toBe("__Host-chat_session");
    expect(sessionCookieName(false)).toBe("chat_session");
  });
});
