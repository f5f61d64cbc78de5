import { hashContent, type AppliedBlueprint } from "./manifest.js";

/**
 * What each blueprint generated last time, file by file: the common base of a three-way update. Kept as one
 * JSON file per blueprint (not as copies of the files, which the project's compiler and linter would pick up).
 */
export function basePath(blueprint: string): string {
  return `.scaffold/base/${blueprint}.json`;
}

export function serializeBase(files: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** The recorded base of a file, only when it is exactly what the manifest says was generated. */
export function readBase(text: string | null, applied: AppliedBlueprint | undefined): (file: string) => string | null {
  let files: Record<string, unknown> = {};
  try {
    files = text === null ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    // A damaged base only costs the merge: files fall back to being reported as conflicts.
  }
  return (file) => {
    const content = files[file];
    const recorded = applied?.files[file];
    return typeof content === "string" && recorded && hashContent(content) === recorded.hash ? content : null;
  };
}
