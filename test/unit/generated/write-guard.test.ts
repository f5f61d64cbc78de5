import { describe, expect, it } from "vitest";
import { refuseUnsafeWrite } from "../../../templates/ai-chat/layers/api/__src__/lib/chat/write-guard.js";

/** The generated app's cross-site protection (a template without placeholders, so it runs here as it is). */
const write = (method: string, headers: Record<string, string>) => refuseUnsafeWrite({ method, headers: new Headers({ host: "app.example", ...headers }) });
const JSON_TYPE = { "content-type": "application/json" };

describe("write guard", () => {
  it("lets reads through whatever they carry", () => {
    expect(write("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBeNull();
    expect(write("HEAD", {})).toBeNull();
  });

  it("lets same-origin JSON writes through, and writes with neither Origin nor Sec-Fetch-Site (curl)", () => {
    expect(write("POST", { ...JSON_TYPE, origin: "https://app.example", "sec-fetch-site": "same-origin" })).toBeNull();
    expect(write("POST", { "content-type": "application/json; charset=utf-8", "sec-fetch-site": "none" })).toBeNull();
    expect(write("PATCH", JSON_TYPE)).toBeNull();
    expect(write("POST", { ...JSON_TYPE, origin: "https://public.example", "x-forwarded-host": "public.example" })).toBeNull();
    expect(write("DELETE", { origin: "https://app.example" })).toBeNull();
  });

  it("refuses writes from another origin or site with 403", () => {
    const attempts: Array<Record<string, string>> = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "https://app.example.evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "https://app.example", "sec-fetch-site": "same-site" },
    ];
    for (const headers of attempts) {
      expect(write("POST", { ...JSON_TYPE, ...headers }), JSON.stringify(headers)).toMatchObject({ status: 403, code: "cross_site_request" });
    }
  });

  it("refuses writes that are not JSON with 415, a DELETE without a body excepted", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp"]) {
      expect(write("POST", { "content-type": type }), type).toMatchObject({ status: 415, code: "unsupported_media_type" });
    }
    expect(write("POST", {})).toMatchObject({ status: 415 });
    expect(write("DELETE", { "content-length": "12" })).toMatchObject({ status: 415 });
    expect(write("DELETE", { "content-type": "text/plain" })).toMatchObject({ status: 415 });
  });
});
