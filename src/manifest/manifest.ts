import { createHash } from "node:crypto";
import { z } from "zod";
import type { ResolvedOptions } from "../blueprint/feature-schema.js";
import { ScaffoldError } from "../errors.js";
import { taskRecordSchema, type TaskRecord } from "./task-records.js";

export const MANIFEST_PATH = ".scaffold/manifest.json";

const appliedSchema = z.object({
  version: z.string(),
  options: z.record(z.string(), z.union([z.boolean(), z.string(), z.number(), z.array(z.string())])),
  /** Files the blueprint owns, with the hash of their content as generated. */
  files: z.record(z.string(), z.object({ hash: z.string() })),
  /** Existing files the blueprint edited, with the transformers that edited them. */
  edits: z.record(z.string(), z.array(z.string())),
  /** The tasks of the latest run and how each ended; absent when there were none (and in older manifests). */
  tasks: z.array(taskRecordSchema).optional(),
});

const manifestSchema = z.object({
  schemaVersion: z.literal(1),
  blueprints: z.record(z.string(), appliedSchema),
});

export type AppliedBlueprint = z.infer<typeof appliedSchema>;
export type Manifest = z.infer<typeof manifestSchema>;

export function hashContent(content: string | Uint8Array): string {
  return `sha256-${createHash("sha256").update(content).digest("base64url")}`;
}

export function emptyManifest(): Manifest {
  return { schemaVersion: 1, blueprints: {} };
}

/** Parses the manifest text from the target; a damaged manifest is an error, never silently reset. */
export function parseManifest(text: string | null): Manifest {
  if (text === null) return emptyManifest();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw invalid(`it is not valid JSON (${(error as Error).message})`);
  }
  const result = manifestSchema.safeParse(raw);
  if (!result.success) throw invalid(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  return result.data;
}

export function serializeManifest(manifest: Manifest): string {
  const sorted: Manifest = {
    schemaVersion: 1,
    blueprints: Object.fromEntries(
      Object.entries(manifest.blueprints)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, { tasks, ...applied }]) => [
          name,
          { ...applied, files: sortRecord(applied.files), edits: sortRecord(applied.edits), ...(tasks?.length ? { tasks } : {}) },
        ]),
    ),
  };
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

export function recordBlueprint(
  manifest: Manifest,
  name: string,
  applied: { version: string; options: ResolvedOptions; files: Record<string, string | Uint8Array>; edits: Record<string, string[]>; tasks?: TaskRecord[] },
): Manifest {
  const files = Object.fromEntries(Object.entries(applied.files).map(([file, content]) => [file, { hash: hashContent(content) }]));
  const entry: AppliedBlueprint = { version: applied.version, options: applied.options, files, edits: applied.edits, ...(applied.tasks ? { tasks: applied.tasks } : {}) };
  return { ...manifest, blueprints: { ...manifest.blueprints, [name]: entry } };
}

/** The manifest with one blueprint's task records replaced. */
export function recordTasks(manifest: Manifest, name: string, tasks: TaskRecord[]): Manifest {
  const applied = manifest.blueprints[name];
  if (!applied) return manifest;
  return { ...manifest, blueprints: { ...manifest.blueprints, [name]: { ...applied, tasks } } };
}

function sortRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

function invalid(why: string): ScaffoldError {
  return new ScaffoldError(
    "MANIFEST_INVALID",
    `${MANIFEST_PATH} cannot be read: ${why}. It records what scaffold generated, so nothing is changed without it.`,
    `Restore the file from version control (git checkout -- ${MANIFEST_PATH}), then run again.`,
  );
}
