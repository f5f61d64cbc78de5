import path from "node:path";
import { describe, expect, it } from "vitest";
import { planBlueprint } from "../../src/engine/plan-blueprint.js";
import { allAiChatOptionsOn } from "../support/ai-chat-options.js";
import { makeTempDir } from "../support/temp-dir.js";

const METHOD = /export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

/** What the generated api-routes.ts says each route answers, parsed back from its text. */
function listedRoutes(source: string): Map<string, string[]> {
  const routes = new Map<string, string[]>();
  for (const match of source.matchAll(/\{ path: "([^"]+)", methods: \[([^\]]*)\] \}/g)) {
    routes.set(match[1]!, [...match[2]!.matchAll(/"(\w+)"/g)].map((method) => method[1]!));
  }
  return routes;
}

describe("ai-chat API route table", () => {
  it("lists every generated route file with exactly the methods it exports, static paths first", async () => {
    const plan = await planBlueprint({ blueprint: "ai-chat", dir: path.join(makeTempDir(), "app"), sets: allAiChatOptionsOn(5) });
    const table = plan.entries.find((entry) => entry.path === "src/lib/chat/api-routes.ts");
    expect(table?.after).toBeTruthy();
    const listed = listedRoutes(table!.after!);
    const routeFiles = plan.entries.filter((entry) => /^src\/app\/api\/.*\/route\.ts$/.test(entry.path));
    expect(routeFiles.length).toBeGreaterThan(10);
    for (const file of routeFiles) {
      const urlPath = file.path.slice("src/app".length).replace(/\/route\.ts$/, "");
      const exported = [...file.after!.matchAll(METHOD)].map((match) => match[1]!);
      expect(listed.get(urlPath)?.slice().sort(), urlPath).toEqual([...new Set(exported)].sort());
    }
    expect(listed.size).toBe(routeFiles.length);
    const paths = [...listed.keys()];
    expect(paths.indexOf("/api/chats/[id]")).toBeGreaterThan(-1);
    // No dynamic pattern comes before a static sibling it would shadow.
    for (const [index, routePath] of paths.entries()) {
      const shadowing = paths.slice(0, index).find((earlier) => earlier.includes("[") && earlier.split("/").length === routePath.split("/").length && earlier.replace(/\[[^\]]+\]/g, "*").split("/").every((part, i) => part === "*" || part === routePath.split("/")[i]));
      expect(shadowing, `${shadowing} shadows ${routePath}`).toBeUndefined();
    }
  });
});
