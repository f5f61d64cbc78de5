import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dependencyKey, installApp } from "./app-install.js";
import { envWithNode24, resolveNode24Bin } from "./node24.js";
import { runIn } from "./run-in.js";

/** Two tiny apps with one dependency set stand in for generated apps; the real ones take minutes. */
let root: string;
let binDir: string;

async function makeApp(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const dir = path.join(root, name);
  const manifest = { name, version: "1.0.0", private: true, dependencies: { "is-number": "7.0.0" }, ...extra };
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "package.json"), JSON.stringify(manifest));
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "app-install-"));
  binDir = await resolveNode24Bin();
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("installApp", () => {
  it("runs on Node 24 from the npm registry, with the harness's own variables removed", async () => {
    const env = envWithNode24(binDir, { EXTRA: "1" });
    expect((await runIn(root, "node", ["--version"], { env })).stdout).toMatch(/^v24\./);
    expect(env.PATH?.split(path.delimiter)[0]).toBe(binDir);
    expect(env.EXTRA).toBe("1");
    expect(Object.keys(env).filter((name) => name === "NODE_ENV" || name.startsWith("npm_"))).toEqual([]);
  });

  it("installs a dependency set once and copies it into the next app with the same set", async () => {
    const cacheRoot = path.join(root, "cache");
    const first = await installApp(await makeApp("first", { scripts: { postinstall: "exit 1" } }), { binDir, cacheRoot });
    const secondDir = await makeApp("second");
    const second = await installApp(secondDir, { binDir, cacheRoot });
    expect([first.source, second.source]).toEqual(["installed", "reused"]);
    expect(second.cacheDir).toBe(first.cacheDir);
    expect(existsSync(path.join(secondDir, "node_modules/is-number/package.json"))).toBe(true);
    const lock = JSON.parse(await readFile(path.join(secondDir, "package-lock.json"), "utf8")) as { name: string };
    expect(lock.name).toBe("second");
    // The copy is a real tree, not a link into the cache: Next refuses files outside the app.
    expect(await runIn(secondDir, "node", ["-p", "require('is-number')(5)"], { env: envWithNode24(binDir) })).toMatchObject({ stdout: "true" });
  });

  it("keys the cache on the dependency fields only, in any key order", () => {
    const a = dependencyKey({ name: "a", scripts: { x: "y" }, dependencies: { b: "1", a: "2" } });
    const b = dependencyKey({ name: "b", dependencies: { a: "2", b: "1" } });
    expect(a).toBe(b);
    expect(dependencyKey({ dependencies: { a: "3", b: "1" } })).not.toBe(a);
    expect(dependencyKey({ dependencies: { a: "2", b: "1" }, devDependencies: { c: "1" } })).not.toBe(a);
  });
});
