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
  ])("%s is an existing Next 16.4 app with the expected layout", (name, expected) => {
    expect(detectProject(fixture(name))).toMatchObject({ isNew: false, nextVersion: "16.4.3", ...expected });
  });
});
