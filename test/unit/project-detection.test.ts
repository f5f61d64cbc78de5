import { describe, expect, it } from "vitest";
import { detectImportStyle } from "../../src/project/detect-import-style.js";
import { detectProject } from "../../src/project/detect-project.js";
import { parseJsonc } from "../../src/project/parse-jsonc.js";
import { makeTempDir } from "../support/temp-dir.js";

describe("parseJsonc", () => {
  it("drops comments and trailing commas but not slashes inside strings", () => {
    expect(parseJsonc('{ // c\n "a": "http://x/*y*/", /* b */ "b": [1,2,], }')).toEqual({ a: "http://x/*y*/", b: [1, 2] });
  });
});

describe("detectImportStyle", () => {
  const tsconfig = (paths: Record<string, string[]>, baseUrl?: string) => JSON.stringify({ compilerOptions: { baseUrl, paths } });
  it.each([
    [{ "@/*": ["./src/*"] }, "src", { prefix: "@/", target: "src" }],
    [{ "~/*": ["./src/*"] }, "src", { prefix: "~/", target: "src" }],
    [{ "@acme/web/*": ["./*"] }, "", { prefix: "@acme/web/", target: "" }],
    [{ "@/*": ["./*"], "@lib/*": ["./src/lib/*"] }, "src", { prefix: "@/", target: "" }],
    [{ "@ui/*": ["./packages/ui/*"] }, "src", null],
  ])("paths %j with source root %j → %j", (paths, root, alias) => {
    expect(detectImportStyle(tsconfig(paths), root).alias).toEqual(alias);
  });

  it("resolves targets against baseUrl", () => {
    expect(detectImportStyle(tsconfig({ "@/*": ["*"] }, "./src"), "src").alias).toEqual({ prefix: "@/", target: "src" });
  });

  it("has no alias without tsconfig paths", () => {
    expect(detectImportStyle("{}", "")).toEqual({ sourceRoot: "", alias: null });
  });
});

describe("detectProject", () => {
  it("treats a folder without package.json as a new src/ project with the @/ alias", async () => {
    const project = await detectProject(makeTempDir());
    expect(project).toMatchObject({ isNew: true, appDir: "src/app", importStyle: { sourceRoot: "src", alias: { prefix: "@/" } } });
  });

  it("reads an existing app: package manager, Next version, app dir, alias", async () => {
    const dir = makeTempDir({
      "package.json": JSON.stringify({ dependencies: { next: "16.1.0" }, devDependencies: { tailwindcss: "4" } }),
      "pnpm-lock.yaml": "",
      "app/page.tsx": "",
      "tsconfig.json": '{ "compilerOptions": { "paths": { "~/*": ["./*"] } } }',
    });
    expect(await detectProject(dir)).toMatchObject({
      isNew: false,
      packageManager: "pnpm",
      nextVersion: "16.1.0",
      appDir: "app",
      tailwind: true,
      importStyle: { sourceRoot: "", alias: { prefix: "~/", target: "" } },
    });
  });

  it("refuses a package.json it cannot read instead of treating the folder as new", async () => {
    await expect(detectProject(makeTempDir({ "package.json": "{ broken" }))).rejects.toMatchObject({ code: "TARGET_INVALID" });
  });
});
