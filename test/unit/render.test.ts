import { describe, expect, it } from "vitest";
import { caseHelpers } from "../../src/render/case-helpers.js";
import { moduleSpecifier } from "../../src/render/module-specifier.js";
import { TemplateRenderer } from "../../src/render/render-templates.js";
import { toOutputPath } from "../../src/render/template-path.js";
import { Tree } from "../../src/tree/tree.js";
import { makeTempDir } from "../support/temp-dir.js";

const style = { sourceRoot: "src", alias: { prefix: "@/", target: "src" } };

describe("case helpers", () => {
  it.each([
    ["camelCase", "chat history", "chatHistory"],
    ["pascalCase", "chat-history", "ChatHistory"],
    ["kebabCase", "ChatHistory", "chat-history"],
    ["snakeCase", "chatHistory", "chat_history"],
    ["constantCase", "chat history", "CHAT_HISTORY"],
    ["kebabCase", "HTTPServer2Go", "http-server2-go"],
    ["kebabCase", "Über Chat", "über-chat"],
    ["pascalCase", "äpfel öl", "ÄpfelÖl"],
    ["snakeCase", "Crème brûlée", "crème_brûlée"],
    ["titleCase", "chat-history", "Chat History"],
    ["sentenceCase", "chatHistory", "Chat history"],
  ])("%s(%j) = %j", (helper, input, output) => {
    expect(caseHelpers[helper]!(input)).toBe(output);
  });
});

describe("template paths", () => {
  it("replaces __vars__, drops empty segments, maps dot- to dotfiles and strips .hbs", () => {
    expect(toOutputPath("__src__/app/page.tsx.hbs", { src: "src" })).toBe("src/app/page.tsx");
    expect(toOutputPath("__src__/app/page.tsx.hbs", { src: "" })).toBe("app/page.tsx");
    expect(toOutputPath("dot-gitignore", { src: "" })).toBe(".gitignore");
    expect(toOutputPath("__src__/app/api/chats/[id]/route.ts", { src: "src" })).toBe("src/app/api/chats/[id]/route.ts");
  });

  it("names the unknown variable", () => {
    expect(() => toOutputPath("__nope__/x", { src: "" })).toThrow(/__nope__.*known: src/);
  });
});

describe("module specifiers", () => {
  it("uses the alias when it covers the module", () => {
    expect(moduleSpecifier(style, "src/app/api/chat/route.ts", "lib/chat/queries")).toBe("@/lib/chat/queries");
    expect(moduleSpecifier({ sourceRoot: "src", alias: { prefix: "~/", target: "" } }, "src/app/x.ts", "db/schema")).toBe("~/src/db/schema");
    expect(moduleSpecifier({ sourceRoot: "", alias: { prefix: "@acme/web/", target: "" } }, "app/x.ts", "db/schema")).toBe("@acme/web/db/schema");
  });

  it("falls back to relative imports without an alias", () => {
    const relative = { sourceRoot: "", alias: null };
    expect(moduleSpecifier(relative, "app/api/chat/route.ts", "lib/chat/queries")).toBe("../../../lib/chat/queries");
    expect(moduleSpecifier(relative, "lib/chat/x.ts", "lib/chat/queries")).toBe("./queries");
  });
});

describe("TemplateRenderer", () => {
  it("renders .hbs files with helpers and copies others byte for byte", () => {
    const templates = makeTempDir({
      "__src__/lib/a.ts.hbs": 'import { b } from "{{mod "lib/b"}}";\nexport const name = "{{pascalCase projectName}}";\n',
      "__src__/raw.tsx": "<div style={{ a: 1 }} />\n",
    });
    const tree = new Tree(makeTempDir());
    const written = new TemplateRenderer().renderFolder(tree, templates, { projectName: "my-chat" }, { pathVars: { src: "src" }, importStyle: style });
    expect(written).toEqual(["src/lib/a.ts", "src/raw.tsx"]);
    expect(tree.read("src/lib/a.ts")).toBe('import { b } from "@/lib/b";\nexport const name = "MyChat";\n');
    expect(tree.read("src/raw.tsx")).toBe("<div style={{ a: 1 }} />\n");
  });

  it("names the template file in a render error", () => {
    const templates = makeTempDir({ "broken.ts.hbs": "{{#if x}}never closed" });
    const tree = new Tree(makeTempDir());
    expect(() => new TemplateRenderer().renderFolder(tree, templates, { x: true }, { pathVars: {}, importStyle: style })).toThrow(
      /Could not render template .*broken\.ts\.hbs/,
    );
  });

  it("fails on a variable the context lacks instead of rendering an empty string", () => {
    const templates = makeTempDir({ "x.ts.hbs": "{{missing}}" });
    expect(() => new TemplateRenderer().renderFolder(new Tree(makeTempDir()), templates, {}, { pathVars: {}, importStyle: style })).toThrow(
      expect.objectContaining({ code: "TEMPLATE_RENDER_FAILED" }),
    );
  });
});

describe("path variables from options", () => {
  it.each(["../x", "a/b", ".."])("refuses the value %j, which is not a plain file name", (value) => {
    expect(() => toOutputPath("__name__.ts", { name: value })).toThrow(/not a plain file name/);
  });
});
