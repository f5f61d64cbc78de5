/**
 * Cross-site protection for every state-changing request (anything but GET,
 * HEAD and OPTIONS). SameSite=Lax alone lets a sibling subdomain (same site,
 * other origin) post with the user's cookie, so two more checks run:
 *
 * - Same origin. A browser sends `Origin` on every cross-origin write and
 *   `Sec-Fetch-Site` on every request: a foreign `Origin`, or a
 *   `Sec-Fetch-Site` other than `same-origin` / `none`, is refused (403).
 *   A request with neither header is not from a browser (curl, a server) and
 *   passes: it cannot carry a victim's cookie.
 * - JSON only. A form or `text/plain` post needs no CORS preflight; a JSON
 *   one does, which a foreign page cannot pass (415 otherwise). A DELETE
 *   without a body may leave the header out.
 *
 * Pure (no Next.js imports): the proxy and `readJsonBody` both use it.
 */

export type WriteRefusal = { status: 403 | 415; code: string; message: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function refuseUnsafeWrite(request: Pick<Request, "method" | "headers">): WriteRefusal | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  return crossSiteRefusal(request.headers) ?? contentTypeRefusal(request);
}

export function crossSiteRefusal(headers: Pick<Headers, "get">): WriteRefusal | null {
  const site = headers.get("sec-fetch-site")?.trim().toLowerCase();
  const origin = headers.get("origin");
  const host = origin ? originHost(origin) : null;
  const sameOrigin = !origin || (host !== null && hostsOf(headers).has(host));
  if ((site && site !== "same-origin" && site !== "none") || !sameOrigin) {
    return { status: 403, code: "cross_site_request", message: "Requests from other sites are not accepted." };
  }
  return null;
}

export function contentTypeRefusal(request: Pick<Request, "method" | "headers">): WriteRefusal | null {
  const type = request.headers.get("content-type");
  if (type === null && request.method.toUpperCase() === "DELETE" && !hasBody(request.headers)) return null;
  if (type?.split(";")[0]?.trim().toLowerCase() === "application/json") return null;
  return { status: 415, code: "unsupported_media_type", message: "Send the request with Content-Type: application/json." };
}

function hasBody(headers: Pick<Headers, "get">): boolean {
  const length = headers.get("content-length");
  return headers.get("transfer-encoding") !== null || (length !== null && length.trim() !== "0");
}

/** The hosts this request was addressed to: `Host`, and `X-Forwarded-Host` behind a proxy. */
function hostsOf(headers: Pick<Headers, "get">): Set<string> {
  const hosts = new Set<string>();
  for (const name of ["host", "x-forwarded-host"]) {
    for (const value of headers.get(name)?.split(",") ?? []) {
      if (value.trim()) hosts.add(value.trim().toLowerCase());
    }
  }
  return hosts;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    // "null" (sandboxed frames, privacy redirects) and anything unparsable.
    return null;
  }
}
