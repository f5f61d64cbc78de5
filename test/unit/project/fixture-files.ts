import { existsSync, readFileSync } from "node:fs";

/** The files of a committed fixture app that exist among `paths`, as detection functions take them. */
export function readFixtureFiles(fixture: string, paths: readonly string[]): Array<{ path: string; text: string }> {
  const root = new URL(`../../../fixtures/${fixture}/`, import.meta.url);
  return paths.filter((path) => existsSync(new URL(path, root))).map((path) => ({ path, text: readFileSync(new URL(path, root), "utf8") }));
}

export function readFixtureDependencies(fixture: string): Record<string, string> {
  const pkg = JSON.parse(readFixtureFiles(fixture, ["package.json"])[0]!.text) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  return { ...pkg.devDependencies, ...pkg.dependencies };
}
