import { describe, expect, it } from "vitest";
import { AUTH_MODULE_CANDIDATES, detectAuth } from "../../../src/project/detect-auth.js";
import { readFixtureDependencies, readFixtureFiles } from "./fixture-files.js";

describe("detectAuth", () => {
  it("finds Auth.js and its auth.ts in the next-authjs fixture", () => {
    expect(detectAuth(readFixtureDependencies("next-authjs"), readFixtureFiles("next-authjs", AUTH_MODULE_CANDIDATES))).toEqual({ library: "authjs", module: "auth.ts" });
  });

  it("finds no auth in the other fixtures", () => {
    for (const fixture of ["next-app-root", "next-src-tilde", "next-drizzle", "next-ai-chat-route"]) {
      expect(detectAuth(readFixtureDependencies(fixture), readFixtureFiles(fixture, AUTH_MODULE_CANDIDATES))).toBeNull();
    }
  });

  it("accepts an `auth` wrapped and exported by name (the T3 layout caches it with React's cache)", () => {
    const files = [
      {
        path: "src/server/auth/index.ts",
        text: `import NextAuth from "next-auth";\nimport { cache } from "react";\nimport { authConfig } from "./config";\nconst { auth: uncachedAuth, handlers, signIn, signOut } = NextAuth(authConfig);\nconst auth = cache(uncachedAuth);\nexport { auth, handlers, signIn, signOut };\n`,
      },
      { path: "src/server/auth/config.ts", text: `import type { NextAuthConfig } from "next-auth";\nexport const authConfig = { providers: [] } satisfies NextAuthConfig;\n` },
    ];
    expect(detectAuth({ "next-auth": "5.0.0-beta.32" }, files)).toEqual({ library: "authjs", module: "src/server/auth/index.ts" });
  });

  it("follows a re-export from another module", () => {
    const files = [
      { path: "auth.ts", text: `export { auth, handlers } from "./lib/auth-config";\n` },
      { path: "lib/auth-config.ts", text: `import NextAuth from "next-auth";\nexport const { auth, handlers } = NextAuth({ providers: [] });\n` },
    ];
    expect(detectAuth({ "next-auth": "5.0.0-beta.32" }, files)).toEqual({ library: "authjs", module: "auth.ts" });
  });

  it("finds better-auth's instance", () => {
    const files = [{ path: "src/lib/auth.ts", text: `import { betterAuth } from "better-auth";\nexport const auth = betterAuth({ emailAndPassword: { enabled: true } });\n` }];
    expect(detectAuth({ "better-auth": "1.4.0" }, files)).toEqual({ library: "better-auth", module: "src/lib/auth.ts" });
  });

  it("reports Clerk's auth from its package", () => {
    expect(detectAuth({ "@clerk/nextjs": "6.0.0" }, [])).toEqual({ library: "clerk", module: "@clerk/nextjs/server" });
  });

  it("reports next-auth without a module exporting `auth` (v4) so the caller can refuse it", () => {
    const files = [{ path: "lib/auth.ts", text: `import type { NextAuthOptions } from "next-auth";\nexport const authOptions: NextAuthOptions = { providers: [] };\n` }];
    expect(detectAuth({ "next-auth": "4.24.15" }, files)).toEqual({ library: "authjs" });
  });

  it("does not take an `auth` export that has nothing to do with the library", () => {
    const files = [{ path: "lib/auth.ts", text: `export function auth() {\n  return null;\n}\n` }];
    expect(detectAuth({ "better-auth": "1.4.0" }, files)).toEqual({ library: "better-auth" });
  });
});
