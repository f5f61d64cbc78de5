/**
 * Signed anonymous session cookie. Pure Web Crypto, no Next.js imports, so the
 * same code runs in the proxy and in route handlers.
 *
 * Cookie value: `v1.<userId>.<base64url HMAC-SHA256 of "v1.<userId>">`. A value
 * whose signature does not verify is ignored, so a tampered cookie yields a
 * fresh anonymous id, never someone else's.
 */

export const SESSION_COOKIE = "chat_session";

/** 400 days: the longest lifetime browsers accept for a cookie. */
export const SESSION_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

const VERSION = "v1";
const USER_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const MIN_SECRET_LENGTH = 32;

export function newAnonymousUserId(): string {
  return `anon_${crypto.randomUUID()}`;
}

export async function signUserId(userId: string): Promise<string> {
  if (!USER_ID_PATTERN.test(userId)) throw new Error("Refusing to sign a malformed user id.");
  const payload = `${VERSION}.${userId}`;
  const signature = await crypto.subtle.sign("HMAC", await signingKey(), encode(payload));
  return `${payload}.${toBase64Url(new Uint8Array(signature))}`;
}

/** The user id in a session cookie, or null if the cookie is missing, malformed or forged. */
export async function readUserId(cookieValue: string | undefined): Promise<string | null> {
  if (!cookieValue) return null;
  const [version, userId, signature, ...rest] = cookieValue.split(".");
  if (version !== VERSION || !userId || !signature || rest.length > 0) return null;
  if (!USER_ID_PATTERN.test(userId)) return null;
  const signatureBytes = fromBase64Url(signature);
  if (!signatureBytes) return null;
  // crypto.subtle.verify compares in constant time.
  const valid = await crypto.subtle.verify(
    "HMAC",
    await signingKey(),
    signatureBytes,
    encode(`${version}.${userId}`),
  );
  return valid ? userId : null;
}

let cachedKey: { secret: string; key: Promise<CryptoKey> } | undefined;

function signingKey(): Promise<CryptoKey> {
  const secret = sessionSecret();
  if (cachedKey?.secret !== secret) {
    const key = crypto.subtle.importKey(
      "raw",
      encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}

let warnedAboutDevSecret = false;

/**
 * Production refuses to run without a real secret: a guessable one would let
 * anyone forge a cookie for any user id. In development and tests a missing
 * secret falls back to one derived from the project path, stable across
 * restarts so local chats survive, with a warning.
 */
function sessionSecret(): string {
  const secret = process.env.CHAT_SESSION_SECRET;
  if (process.env.NODE_ENV === "production") {
    if (!secret || secret.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `CHAT_SESSION_SECRET must be set to at least ${MIN_SECRET_LENGTH} random characters ` +
          "(for example the output of `openssl rand -base64 32`).",
      );
    }
    return secret;
  }
  if (secret) return secret;
  if (!warnedAboutDevSecret) {
    warnedAboutDevSecret = true;
    console.warn(
      "[chat] CHAT_SESSION_SECRET is not set; using an insecure development secret. " +
        "Set it in .env.local before deploying.",
    );
  }
  return `insecure-development-secret:${process.cwd()}`;
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
