import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { envWithNode24 } from "./node24.js";
import { runIn } from "./run-in.js";

/**
 * Installing a Next.js app's dependencies takes tens of seconds; the e2e suite generates several apps with the
 * same dependency set. So the first install goes into a cache folder keyed by that set, and every app gets a
 * real copy of it (not a symlink: Next and Turbopack resolve the project root through node_modules and refuse
 * files outside it). The cache lives on disk because vitest runs each test file in its own process.
 */
export interface InstallOptions {
  /** Node 24's bin directory (see resolveNode24Bin). */
  binDir: string;
  /** Where cached installs live; defaults to a folder in the OS temp dir. */
  cacheRoot?: string;
  /** A cached install older than this is redone, so ranges like `^7` pick up new releases. Default 12 h. */
  maxAgeMs?: number;
}

export interface InstallResult {
  /** "installed" when npm ran for this dependency set, "reused" when a cached install was copied. */
  source: "installed" | "reused";
  cacheDir: string;
  npmMs: number;
  copyMs: number;
}

const MARKER = ".scaffold-e2e-complete";
const DEFAULT_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export function defaultCacheRoot(): string {
  return path.join(os.tmpdir(), "scaffold-e2e-deps");
}

/** Installs `appDir`'s dependencies (`npm install --no-audit --no-fund` on Node 24), reusing an earlier install. */
export async function installApp(appDir: string, options: InstallOptions): Promise<InstallResult> {
  const manifest = JSON.parse(await readFile(path.join(appDir, "package.json"), "utf8")) as PackageJson;
  const cacheDir = path.join(options.cacheRoot ?? defaultCacheRoot(), dependencyKey(manifest));
  let npmMs = 0;
  let source: InstallResult["source"] = "reused";
  if (!(await isFresh(cacheDir, options.maxAgeMs ?? DEFAULT_MAX_AGE_MS))) {
    const started = performance.now();
    await populateCache(cacheDir, manifest, options.binDir);
    npmMs = performance.now() - started;
    source = "installed";
  }
  const started = performance.now();
  await copyInstall(cacheDir, appDir, manifest);
  return { source, cacheDir, npmMs, copyMs: performance.now() - started };
}

interface PackageJson {
  name?: string;
  version?: string;
  scripts?: Record<string, string>;
  [field: string]: unknown;
}

/** The fields that decide what lands in node_modules; names, scripts and the like do not. */
const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "overrides"];

export function dependencyKey(manifest: PackageJson): string {
  const relevant = DEPENDENCY_FIELDS.map((field) => [field, sortKeys(manifest[field])]);
  return createHash("sha256").update(JSON.stringify(relevant)).digest("hex").slice(0, 16);
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]));
}

async function isFresh(cacheDir: string, maxAgeMs: number): Promise<boolean> {
  const marker = path.join(cacheDir, MARKER);
  if (!existsSync(marker)) return false;
  return Date.now() - (await stat(marker)).mtimeMs < maxAgeMs;
}

/**
 * Installs into a private folder, then renames it into place, so a concurrent run never sees half an install.
 * The app's own scripts are left out: its lifecycle hooks would run without the app's files around them.
 */
async function populateCache(cacheDir: string, manifest: PackageJson, binDir: string): Promise<void> {
  const staging = `${cacheDir}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(staging, { recursive: true });
  const { scripts: _scripts, ...withoutScripts } = manifest;
  await writeFile(path.join(staging, "package.json"), `${JSON.stringify(withoutScripts, null, 2)}\n`);
  await runIn(staging, "npm", ["install", "--no-audit", "--no-fund"], { env: envWithNode24(binDir) });
  await writeFile(path.join(staging, MARKER), new Date().toISOString());
  await rm(cacheDir, { recursive: true, force: true });
  try {
    await rename(staging, cacheDir);
  } catch (error) {
    // Another process won the race with an equivalent install; use theirs.
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(path.join(cacheDir, MARKER))) throw error;
  }
}

/**
 * Copies node_modules and the lockfile into the app, as if `npm install` had run there. GNU `cp -a` copies the
 * ~550 MB, 28k-file tree of a Next app in about 1.3 s here, where fs.cp takes about 12 s; hard links would be
 * faster still but would let one app's writes into node_modules reach every other app.
 */
async function copyInstall(cacheDir: string, appDir: string, manifest: PackageJson): Promise<void> {
  await rm(path.join(appDir, "node_modules"), { recursive: true, force: true });
  await runIn(appDir, "cp", ["-a", path.join(cacheDir, "node_modules"), path.join(appDir, "node_modules")], {});
  const lock = JSON.parse(await readFile(path.join(cacheDir, "package-lock.json"), "utf8")) as LockFile;
  // The lockfile names the package it was made for; make it name this app.
  lock.name = manifest.name;
  lock.version = manifest.version;
  const root = lock.packages?.[""];
  if (root) Object.assign(root, { name: manifest.name, version: manifest.version });
  await writeFile(path.join(appDir, "package-lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
}

interface LockFile {
  name?: string;
  version?: string;
  packages?: Record<string, Record<string, unknown>>;
}
