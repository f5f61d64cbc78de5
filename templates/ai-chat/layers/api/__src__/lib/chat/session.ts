/**
 * Signed anonymous session cookie. Pure Web Crypto, no Next.js imports, so the
 * same code runs in the proxy and in route handlers.
 *
 * Cookie value: `v2.<userId>.<issuedAt>.<base64url HMAC-SHA256 of "v2.<userId>.<issuedAt>">`,
 * `issuedAt` in seconds since 1970. A value whose signature does not verify,
 * or that is older than its lifetime, is no session at all.
 */

/** The cookie's name on plain HTTP (local runs). */
export const SESSION_COOKIE = "chat_session";
/** Its name over HTTPS: `__Host-` makes the browser refuse it unless Secure, host-only and `Path=/`. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** 400 days: the longest lifetime browsers accept for a cookie. */
export const SESSION_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
/** Past half its life a session is re-issued on the next visit or call, so an active user never loses it. */
const RENEW_AFTER_SECONDS = SESSION_MAX_AGE_SECONDS / 2;

const VERSION = "v2";
const USER_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const MIN_SECRET_LENGTH = 32;

export type Session = { userId: string; issuedAt: number; renew: boolean };

export function newAnonymousUserId(): string {
  return `anon_${crypto.randomUUID()}`;
}

/** Anonymous ids come from the cookie; signed-in users' ids come from the auth library. */
export function isAnonymousUserId(userId: string): boolean {
  return userId.startsWith("anon_");
}

export async function signSession(userId: string, issuedAt = nowSeconds()): Promise<string> {
  if (!USER_ID_PATTERN.test(userId)) throw new Error("Refusing to sign a malformed user id.");
  const payload = `${VERSION}.${userId}.${issuedAt}`;
  const signature = await crypto.subtle.sign("HMAC", await signingKey(), encode(payload));
  return `${payload}.${toBase64Url(new Uint8Array(signature))}`;
}

/** The session in a cookie value, or null if it is missing, malformed, forged or expired. */
export async function readSession(cookieValue: string | undefined): Promise<Session | null> {
  if (!cookieValue) return null;
  const [version, userId, issued, signature, ...rest] = cookieValue.split(".");
  if (version !== VERSION || !userId || !issued || !signature || rest.length > 0) return null;
  if (!USER_ID_PATTERN.test(userId) || !/^\d{1,12}$/.test(issued)) return null;
  const signatureBytes = fromBase64Url(signature);
  if (!signatureBytes) return null;
  // crypto.subtle.verify compares in constant time.
  const valid = await crypto.subtle.verify("HMAC", await signingKey(), signatureBytes, encode(`${version}.${userId}.${issued}`));
  if (!valid) return null;
  const issuedAt = Number(issued);
  const age = nowSeconds() - issuedAt;
  // The browser drops the cookie at Max-Age; the server does not take a copy kept past it either.
  if (age > SESSION_MAX_AGE_SECONDS || age < -300) return null;
  return { userId, issuedAt, renew: age > RENEW_AFTER_SECONDS };
}

/**
 * Secure (and `__Host-` named) whenever the browser reached us over HTTPS,
 * directly or through a TLS-terminating proxy (`x-forwarded-proto`), and in
 * production except on a loopback host, where `next start` is tried over plain HTTP.
 */
export function isSecureRequest(headers: Pick<Headers, "get">, protocol?: string): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded === "https" || protocol === "https:") return true;
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").toLowerCase();
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
  return process.env.NODE_ENV === "production" && !loopback;
}

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The attributes a session cookie is set with. */
export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: SESSION_MAX_AGE_SECONDS } as const;
}

/**
 * Throws unless CHAT_SESSION_SECRET is set to 32+ characters. There is no
 * fallback: a guessable secret would let anyone forge a cookie for any user id.
 * Called at server start (instrumentation) and before every use.
 */
export function assertSessionSecret(): string {
  const secret = process.env.CHAT_SESSION_SECRET;
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `CHAT_SESSION_SECRET must be set to at least ${MIN_SECRET_LENGTH} random characters ` +
        `(it is ${secret ? `${secret.length} long` : "not set"}). Put the output of \`openssl rand -base64 32\` ` +
        "in .env.local (scaffold writes one there), or in your host's environment settings.",
    );
  }
  return secret;
}

type SigningKey = ReturnType<typeof crypto.subtle.importKey>;

let cachedKey: { secret: string; key: SigningKey } | undefined;

function signingKey(): SigningKey {
  const secret = assertSessionSecret();
  if (cachedKey?.secret !== secret) {
    const key = crypto.subtle.importKey("raw", encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
