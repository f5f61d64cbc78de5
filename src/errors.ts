/**
 * The catalogue of expected failures. A ScaffoldError is something a user can act on: it carries a stable
 * code (for scripts and tests), a message saying what happened and why, and a hint saying what to do.
 * Anything that is not a ScaffoldError is a bug, and the CLI prints its stack.
 */
export type ErrorCode =
  | "BLUEPRINT_NOT_FOUND"
  | "BLUEPRINT_NOT_APPLIED"
  | "FEATURE_INVALID"
  | "BLUEPRINT_INVALID"
  | "OPTION_UNKNOWN"
  | "OPTION_INVALID"
  | "OPTIONS_INCOMPATIBLE"
  | "PATH_OUTSIDE_TARGET"
  | "TEMPLATE_RENDER_FAILED"
  | "TARGET_NOT_SUPPORTED"
  | "TARGET_INVALID"
  | "COMMIT_FAILED"
  | "RECOVERY_FAILED"
  | "TARGET_LOCKED"
  | "PERMISSION_DENIED"
  | "READ_ONLY_FILE_SYSTEM"
  | "DISK_FULL"
  | "NOT_A_FOLDER"
  | "FOLDER_IN_THE_WAY"
  | "FILE_NOT_TEXT"
  | "TASK_FAILED"
  | "CONFLICTS"
  | "MANIFEST_INVALID"
  | "EDIT_FAILED"
  | "MIGRATION_AMBIGUOUS"
  | "DATABASE_IN_USE"
  | "USAGE"
  | "CANCELLED";

export class ScaffoldError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  /** Extra lines (one problem each) shown under the message; used to report every problem at once. */
  readonly details: readonly string[];

  constructor(code: ErrorCode, message: string, hint: string, details: readonly string[] = []) {
    super(message);
    this.name = "ScaffoldError";
    this.code = code;
    this.hint = hint;
    this.details = details;
  }
}

export function isScaffoldError(error: unknown): error is ScaffoldError {
  return error instanceof ScaffoldError;
}

/** Formats an expected error for a terminal: what and why, each problem, then what to do. */
export function formatScaffoldError(error: ScaffoldError): string {
  const lines = [`error ${error.code}: ${error.message}`];
  for (const detail of error.details) lines.push(`  - ${detail}`);
  if (error.hint) lines.push(`hint: ${error.hint}`);
  return lines.join("\n");
}

/** The exit code of a failed run: 2 for conflicts, 1 for every other error (nothing written for either). */
export function exitCodeOf(error: unknown): 1 | 2 {
  return isScaffoldError(error) && error.code === "CONFLICTS" ? 2 : 1;
}

/** An expected error as `--json` prints it: one object, `details` only when there are some. */
export function scaffoldErrorToJson(error: ScaffoldError): { error: { code: string; message: string; hint: string; details?: string[] } } {
  return {
    error: { code: error.code, message: error.message, hint: error.hint, ...(error.details.length ? { details: [...error.details] } : {}) },
  };
}
