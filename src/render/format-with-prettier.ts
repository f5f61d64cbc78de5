import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Tree } from "../tree/tree.js";

interface PrettierApi {
  format(source: string, options: Record<string, unknown>): Promise<string>;
  resolveConfig(file: string): Promise<Record<string, unknown> | null>;
  getFileInfo(file: string, options: { ignorePath?: string }): Promise<{ ignored: boolean; inferredParser: string | null }>;
}

/**
 * Formats every file the plan writes with the project's own Prettier (its installed version and config),
 * inside the plan, so the manifest records what is really on disk and a re-run sees no change. Projects
 * without Prettier installed are left as generated.
 */
export async function formatWithProjectPrettier(tree: Tree, root: string): Promise<string[]> {
  const prettier = await loadProjectPrettier(root);
  if (!prettier) return [];
  const formatted: string[] = [];
  const ignorePath = path.join(root, ".prettierignore");
  for (const write of tree.listWrites()) {
    if (typeof write.content !== "string" || write.path.startsWith(".scaffold/")) continue;
    const file = path.join(root, write.path);
    const info = await prettier.getFileInfo(file, existsSync(ignorePath) ? { ignorePath } : {});
    if (info.ignored || !info.inferredParser) continue;
    const config = (await prettier.resolveConfig(file)) ?? {};
    const output = await prettier.format(write.content, { ...config, filepath: file });
    if (output !== write.content) {
      const origin = write.origins.at(-1) ?? { kind: "template" as const };
      tree.write(write.path, output, origin);
      formatted.push(write.path);
    }
  }
  return formatted;
}

async function loadProjectPrettier(root: string): Promise<PrettierApi | null> {
  try {
    const resolved = createRequire(path.join(root, "package.json")).resolve("prettier");
    // `require` resolves Prettier 3's CommonJS entry, whose functions an import finds only on `default`.
    const loaded = (await import(pathToFileURL(resolved).href)) as PrettierApi & { default?: PrettierApi };
    return loaded.default ?? loaded;
  } catch {
    return null;
  }
}
