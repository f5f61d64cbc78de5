import { createPatch } from "diff";
import { z } from "zod";
import { hashContent, type AppliedBlueprint } from "./manifest.js";

/** One edit a run made to a file the blueprint does not own: a unified diff from disk to what was staged. */
export interface RecordedEdit {
  patch: string;
  /** True when the file did not exist before the edit, so undoing it may delete the file. */
  created: boolean;
}

export interface BaseStore {
  /** What the blueprint generated last time, file by file: the common base of a three-way update. */
  files: Record<string, string>;
  /** Every edit made to files the blueprint does not own, oldest first: what `remove` reverses. */
  edits: Record<string, RecordedEdit[]>;
  /** False for a store written before edits were recorded: its edits cannot be undone automatically. */
  recordsEdits: boolean;
}

const editSchema = z.object({ patch: z.string(), created: z.boolean() });
const storeSchema = z.object({ files: z.record(z.string(), z.string()), edits: z.record(z.string(), z.array(editSchema)) });
// The first shape of the store: generated files only, `{ path: content }`.
const filesOnlySchema = z.record(z.string(), z.string());

/**
 * Kept as one JSON file per blueprint (not as copies of the files, which the project's compiler and linter
 * would pick up).
 */
export function basePath(blueprint: string): string {
  return `.scaffold/base/${blueprint}.json`;
}

/** Reads a store in either shape. A damaged store reads as empty: it only costs merges and undoing edits. */
export function parseBase(text: string | null): BaseStore {
  const empty: BaseStore = { files: {}, edits: {}, recordsEdits: true };
  if (text === null) return empty;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...empty, recordsEdits: false };
  }
  const current = storeSchema.safeParse(raw);
  if (current.success) return { ...current.data, recordsEdits: true };
  const filesOnly = filesOnlySchema.safeParse(raw);
  return { files: filesOnly.success ? filesOnly.data : {}, edits: {}, recordsEdits: false };
}

export function serializeBase(store: Pick<BaseStore, "files" | "edits">): string {
  return `${JSON.stringify({ files: sortKeys(store.files), edits: sortKeys(store.edits) }, null, 2)}\n`;
}

/** Records an edit as a patch against the disk content, so it can be reversed later even around user changes. */
export function recordEdit(file: string, before: string | null, after: string): RecordedEdit {
  return { patch: createPatch(file, before ?? "", after, undefined, undefined, { context: 3 }), created: before === null };
}

/** The recorded base of a file, only when it is exactly what the manifest says was generated. */
export function readBase(text: string | null, applied: AppliedBlueprint | undefined): (file: string) => string | null {
  const { files } = parseBase(text);
  return (file) => {
    const content = files[file];
    const recorded = applied?.files[file];
    return content !== undefined && recorded && hashContent(content) === recorded.hash ? content : null;
  };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
