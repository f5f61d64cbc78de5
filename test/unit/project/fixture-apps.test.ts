import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectProject } from "../../../src/project/detect-project.js";

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));

/** The existing-app fixtures are what `scaffold ai-chat` meets in the wild; their layouts must read as intended. */
describe("existing-app fixtures", () => {
  it.each([
    ["next-app-root", { packageManager: "npm", appDir: "app", tailwind: true, importStyle: { sourceRoot: "", alias: { prefix: "@/", target: "" } } }],
    ["next-src-tilde", { appDir: "src/app", importStyle: { sourceRoot: "src", alias: { prefix: "~/", target: "src" } } }],
    ["next-drizzle", { appDir: "src/app", importStyle: { sourceRoot: "src", alias: { prefix: "@/", target: "src" } } }],
    ["next-ai-chat-route", { appDir: "app", importStyle: { sourceRoot: "", alias: { prefix: "@/", target: "" } } }],
    ["next-authjs", { appDir: "app", importStyle: { sourceRoot: "", alias: { prefix: "@/", target: "" } } }],
  ])("%s is an existing Next 16.4 app with the expected layout", async (name, expected) => {
    expect(await detectProject(fixture(name))).toMatchObject({ isNew: false, nextVersion: "16.4.3", ...expected });
  });

  it("finds what each app already has to integrate with", async () => {
    const integrations = async (name: string) => (await detectProject(fixture(name))).integrations;
    expect(await integrations("next-app-root")).toEqual({ drizzle: null, auth: null, chat: null, proxyFile: null, nextConfigFile: "next.config.ts" });
    expect(await integrations("next-drizzle")).toMatchObject({
      drizzle: {
        configFile: "drizzle.config.ts",
        config: { dialect: "postgresql", schema: "./src/db/schema.ts", out: "./drizzle" },
        client: { module: "src/db/index.ts", driver: "node-postgres", postgres: true },
        unsupported: null,
      },
    });
    expect(await integrations("next-ai-chat-route")).toMatchObject({ chat: { route: "app/api/chat/route.ts", useChatFiles: ["app/page.tsx"] } });
    expect(await integrations("next-authjs")).toMatchObject({ auth: { library: "authjs", module: "auth.ts" } });
  });
});
