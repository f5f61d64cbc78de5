import { describe, expect, it } from "vitest";
import { detectImportStyle } from "../../src/project/detect-import-style.js";
import { detectPackageManager } from "../../src/project/detect-package-manager.js";
import { detectProject, packageName } from "../../src/project/detect-project.js";
import { allowsAtLeast } from "../../src/project/version-range.js";
import { makeTempDir } from "../support/temp-dir.js";

describe("detectImportStyle", () => {
  const inDir = (tsconfig: string, files: Record<string, string> = {}) => makeTempDir({ "tsconfig.json": tsconfig, ...files });
  const tsconfig = (paths: Record<string, string[]>, baseUrl?: string) => JSON.stringify({ compilerOptions: { baseUrl, paths } });
  it.each([
    [{ "@/*": ["./src/*"] }, "src", { prefix: "@/", target: "src" }],
    [{ "~/*": ["./src/*"] }, "src", { prefix: "~/", target: "src" }],
    [{ "@acme/web/*": ["./*"] }, "", { prefix: "@acme/web/", target: "" }],
    [{ "@/*": ["./*"], "@lib/*": ["./src/lib/*"] }, "src", { prefix: "@/", target: "" }],
    [{ "@ui/*": ["./packages/ui/*"] }, "src", null],
  ])("paths %j with source root %j → %j", (paths, root, alias) => {
    expect(detectImportStyle(inDir(tsconfig(paths)), root).alias).toEqual(alias);
  });

  it("resolves targets against baseUrl", () => {
    expect(detectImportStyle(inDir(tsconfig({ "@/*": ["*"] }, "./src")), "src").alias).toEqual({ prefix: "@/", target: "src" });
  });

  it("reads comments, trailing commas and a BOM, and follows extends to a file and to a package", () => {
    const bom = "\uFEFF";
    const local = inDir(`${bom}{\n  // shared settings\n  "extends": "./tsconfig.base.json",\n  "compilerOptions": { "strict": true, },\n}\n`, {
      "tsconfig.base.json": `${bom}{ /* paths */ "compilerOptions": { "paths": { "@/*": ["./src/*"], }, }, }`,
    });
    expect(detectImportStyle(local, "src").alias).toEqual({ prefix: "@/", target: "src" });
    const fromPackage = inDir('{ "extends": "@acme/tsconfig/next.json" }', {
      "node_modules/@acme/tsconfig/package.json": '{ "name": "@acme/tsconfig", "version": "1.0.0" }',
      "node_modules/@acme/tsconfig/next.json": '{ "compilerOptions": { "baseUrl": "${configDir}", "paths": { "~/*": ["./src/*"] } } }',
    });
    expect(detectImportStyle(fromPackage, "src").alias).toEqual({ prefix: "~/", target: "src" });
  });

  it("resolves inherited paths against the config that declares them (an app in a monorepo)", () => {
    const repo = makeTempDir({
      "tsconfig.base.json": '{ "compilerOptions": { "paths": { "@web/*": ["./apps/web/src/*"] } } }',
      "apps/web/tsconfig.json": '{ "extends": "../../tsconfig.base.json" }',
    });
    expect(detectImportStyle(`${repo}/apps/web`, "src").alias).toEqual({ prefix: "@web/", target: "src" });
  });

  it("has no alias without tsconfig paths, or when extends cannot be resolved", () => {
    expect(detectImportStyle(inDir("{}"), "")).toEqual({ sourceRoot: "", alias: null });
    expect(detectImportStyle(makeTempDir(), "")).toEqual({ sourceRoot: "", alias: null });
    expect(detectImportStyle(inDir('{ "extends": "@missing/tsconfig" }'), "src")).toEqual({ sourceRoot: "src", alias: null });
  });
});

describe("detectPackageManager", () => {
  it("finds the workspace's manager from an app inside it, and the packageManager field", async () => {
    const workspace = makeTempDir({
      "package.json": '{ "private": true }',
      "pnpm-workspace.yaml": "packages:\n  - apps/*\n",
      "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
      "apps/web/package.json": '{ "name": "web" }',
    });
    expect(await detectPackageManager(`${workspace}/apps/web`)).toBe("pnpm");
    expect(await detectPackageManager(makeTempDir({ "package.json": '{ "packageManager": "yarn@4.9.0" }' }))).toBe("yarn");
    expect(await detectPackageManager(makeTempDir({ "package.json": "{}", "bun.lock": "" }))).toBe("bun");
  });
});

describe("allowsAtLeast (Next.js 16)", () => {
  it.each([
    ["latest", null, true],
    ["canary", null, true],
    ["^16", null, true],
    ["16.0.0-canary.3", null, true],
    [">=15", null, true],
    ["^15 || ^16", null, true],
    ["workspace:^16", null, true],
    ["npm:next@^16.1.0", null, true],
    ["15.5.0", null, false],
    ["^15.3.0", null, false],
    ["15.x", null, false],
    ["latest", "15.5.4", false],
    ["canary", "16.1.0-canary.2", true],
  ])("%j (installed %j) → %j", (declared, installed, expected) => {
    expect(allowsAtLeast(declared, installed, "16.0.0")).toBe(expected);
  });
});

describe("packageName", () => {
  it("keeps the letters of a non-ASCII folder name, without the accents npm refuses", () => {
    expect(packageName("Über Chat")).toBe("uber-chat");
    expect(packageName("my_app.v2")).toBe("my-app-v2");
    expect(packageName("聊天")).toBe("app");
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
