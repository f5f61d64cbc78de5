import { describe, expect, it } from "vitest";
import { CookieJar } from "../../e2e/support/cookie-jar.js";

describe("CookieJar", () => {
  it("keeps cookies from Set-Cookie headers and sends them back", () => {
    const jar = new CookieJar();
    const headers = new Headers();
    headers.append("set-cookie", "uid=abc=1; Path=/; HttpOnly; SameSite=Lax");
    headers.append("set-cookie", "theme=dark; Max-Age=3600");
    jar.storeFrom(headers);
    expect(jar.header()).toBe("uid=abc=1; theme=dark");
  });

  it("replaces a cookie set again and forgets one that expired", () => {
    const jar = new CookieJar();
    jar.store("uid=1");
    jar.store("uid=2");
    jar.store("gone=x");
    jar.store("gone=; Max-Age=0");
    jar.store("old=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    expect(jar.header()).toBe("uid=2");
  });

  it("lets Max-Age win over Expires and ignores values it cannot parse", () => {
    const jar = new CookieJar();
    jar.store("a=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    jar.store("b=1; Max-Age=soon");
    expect(jar.header()).toBe("a=1; b=1");
    expect(new CookieJar().header()).toBeUndefined();
  });
});
