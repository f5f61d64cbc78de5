/**
 * The cookies of one browser user against one test server. The generated app identifies anonymous users by a
 * cookie it sets itself, so every response's Set-Cookie must be kept and sent back, or each request would be a
 * new user. One host only: Domain and Path are ignored, expiry is honoured.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; expiresAt: number | undefined }>();

  /** Stores every Set-Cookie header of a response. */
  storeFrom(headers: Headers): void {
    for (const header of headers.getSetCookie()) this.store(header);
  }

  store(setCookie: string): void {
    const [pair = "", ...attributes] = setCookie.split(";");
    const equals = pair.indexOf("=");
    if (equals <= 0) return;
    const name = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    let expiresAt: number | undefined;
    let maxAgeSeen = false;
    for (const attribute of attributes) {
      const [key = "", ...rest] = attribute.split("=");
      const attributeValue = rest.join("=").trim();
      const lower = key.trim().toLowerCase();
      // Max-Age wins over Expires, as RFC 6265 says; unparsable values are ignored.
      const seconds = Number(attributeValue);
      if (lower === "max-age" && attributeValue !== "" && Number.isFinite(seconds)) {
        expiresAt = Date.now() + seconds * 1000;
        maxAgeSeen = true;
      } else if (lower === "expires" && !maxAgeSeen && !Number.isNaN(Date.parse(attributeValue))) {
        expiresAt = Date.parse(attributeValue);
      }
    }
    if (expiresAt !== undefined && !(expiresAt > Date.now())) this.cookies.delete(name);
    else this.cookies.set(name, { value, expiresAt });
  }

  /** The Cookie request header, or undefined when the jar is empty. */
  header(): string | undefined {
    const now = Date.now();
    const pairs: string[] = [];
    for (const [name, cookie] of this.cookies) {
      if (cookie.expiresAt !== undefined && cookie.expiresAt <= now) this.cookies.delete(name);
      else pairs.push(`${name}=${cookie.value}`);
    }
    return pairs.length > 0 ? pairs.join("; ") : undefined;
  }

  get(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }
}
