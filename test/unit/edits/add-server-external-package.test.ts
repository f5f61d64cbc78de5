import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addServerExternalPackage } from "../../../src/edits/add-server-external-package.js";

const PGLITE = "@electric-sql/pglite";
const createNextAppConfig = readFileSync(new URL("../../../fixtures/next-app-root/next.config.ts", import.meta.url), "utf8");

const exportDefaultObject = `// @ts-check
/** @type {import('next').NextConfig} */
export default {
  reactStrictMode: true,
  serverExternalPackages: ["sharp"], // native addon
};
`;

const commonJs = `const withBundleAnalyzer = require('@next/bundle-analyzer')({ enabled: process.env.ANALYZE === 'true' })

const nextConfig = {
  images: { remotePatterns: [{ hostname: 'cdn.example.com' }] }
}

module.exports = withBundleAnalyzer(nextConfig)
`;

const wrappedByPlugins = `import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { withSentryConfig } from "@sentry/nextjs";

const withNextIntl = createNextIntlPlugin();

const base = { poweredByHeader: false };

const nextConfig = {
  ...base,
  serverExternalPackages: [
    "sharp",
    "pino" // logger
  ],
} satisfies NextConfig;

export default withSentryConfig(withNextIntl(nextConfig), { org: "acme", project: "web" });
`;

const emptyWithComment = `import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  /* config options here */
};

export default nextConfig;
`;

describe("addServerExternalPackage", () => {
  it("adds the property to create-next-app's typed config, after the last one", () => {
    expect(addServerExternalPackage(createNextAppConfig, PGLITE)).toMatchInlineSnapshot(`
      "import type { NextConfig } from "next";

      const nextConfig: NextConfig = {
        /* config options here */
        cacheComponents: true,
        partialPrefetching: true,
        turbopack: {
          rules: {
            "*.css": {
              loaders: ["@tailwindcss/turbopack"],
              as: "*.css",
            },
          },
        },
        serverExternalPackages: ["@electric-sql/pglite"],
      };

      export default nextConfig;
      "
    `);
  });

  it("appends to an existing one-line array in `export default {…}`, keeping the comment after it", () => {
    expect(addServerExternalPackage(exportDefaultObject, PGLITE, "next.config.mjs")).toMatchInlineSnapshot(`
      "// @ts-check
      /** @type {import('next').NextConfig} */
      export default {
        reactStrictMode: true,
        serverExternalPackages: ["sharp", "@electric-sql/pglite"], // native addon
      };
      "
    `);
  });

  it("follows module.exports through a plugin call, in the file's quotes and without semicolons", () => {
    expect(addServerExternalPackage(commonJs, PGLITE, "next.config.js")).toMatchInlineSnapshot(`
      "const withBundleAnalyzer = require('@next/bundle-analyzer')({ enabled: process.env.ANALYZE === 'true' })

      const nextConfig = {
        images: { remotePatterns: [{ hostname: 'cdn.example.com' }] },
        serverExternalPackages: ['@electric-sql/pglite']
      }

      module.exports = withBundleAnalyzer(nextConfig)
      "
    `);
  });

  it("follows nested plugin calls to the config object and appends to a multi-line array without a trailing comma", () => {
    expect(addServerExternalPackage(wrappedByPlugins, PGLITE)).toMatchInlineSnapshot(`
      "import type { NextConfig } from "next";
      import createNextIntlPlugin from "next-intl/plugin";
      import { withSentryConfig } from "@sentry/nextjs";

      const withNextIntl = createNextIntlPlugin();

      const base = { poweredByHeader: false };

      const nextConfig = {
        ...base,
        serverExternalPackages: [
          "sharp",
          "pino", // logger
          "@electric-sql/pglite"
        ],
      } satisfies NextConfig;

      export default withSentryConfig(withNextIntl(nextConfig), { org: "acme", project: "web" });
      "
    `);
  });

  it("fills an empty config that holds only a comment", () => {
    expect(addServerExternalPackage(emptyWithComment, PGLITE)).toMatchInlineSnapshot(`
      "import type { NextConfig } from "next";

      const nextConfig: NextConfig = {
        /* config options here */
        serverExternalPackages: ["@electric-sql/pglite"],
      };

      export default nextConfig;
      "
    `);
  });

  it("applying twice equals applying once", () => {
    for (const [source, file] of [
      [createNextAppConfig, "next.config.ts"],
      [exportDefaultObject, "next.config.mjs"],
      [commonJs, "next.config.js"],
      [wrappedByPlugins, "next.config.ts"],
      [emptyWithComment, "next.config.ts"],
    ] as const) {
      const once = addServerExternalPackage(source, PGLITE, file);
      expect(addServerExternalPackage(once, PGLITE, file)).toBe(once);
    }
  });

  it("fills a one-line empty config and an empty array inline", () => {
    expect(addServerExternalPackage(`export default {};\n`, PGLITE, "next.config.mjs")).toBe(`export default { serverExternalPackages: ["${PGLITE}"] };\n`);
    expect(addServerExternalPackage(`module.exports = { serverExternalPackages: [] }\n`, PGLITE, "next.config.js")).toBe(`module.exports = { serverExternalPackages: ["${PGLITE}"] }\n`);
  });

  it("returns the very text when the package is already listed", () => {
    const listed = `export default { serverExternalPackages: ["${PGLITE}"] };\n`;
    expect(addServerExternalPackage(listed, PGLITE, "next.config.mjs")).toBe(listed);
  });

  it.each([
    ["a function config", `export default (phase) => ({ reactStrictMode: phase !== "x" });\n`, /exports a function that builds the config/],
    ["a function declaration", `export default function config() {\n  return {};\n}\n`, /exports a function/],
    ["a spread of an imported config", `import shared from "./shared.mjs";\nexport default { ...shared, reactStrictMode: true };\n`, /spreads `shared`, which may already set/],
    ["a property that is not an array literal", `const pkgs = ["sharp"];\nexport default { serverExternalPackages: pkgs };\n`, /is not written as an array literal/],
    ["a config built by an unknown call", `import { makeConfig } from "./make.mjs";\nexport default makeConfig;\n`, /`makeConfig` is not defined in this file/],
    ["a file without an export", `const config = {};\n`, /has no `export default`/],
  ])("refuses %s with what to add by hand", (_name, source, reason) => {
    expect(() => addServerExternalPackage(source, PGLITE, "next.config.mjs")).toThrow(reason);
    expect(() => addServerExternalPackage(source, PGLITE, "next.config.mjs")).toThrow(expect.objectContaining({ code: "EDIT_FAILED", hint: expect.stringContaining(`serverExternalPackages: ["${PGLITE}"]`) }));
  });
});
