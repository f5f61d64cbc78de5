import { ScaffoldError, type ErrorCode } from "../errors.js";

interface Cause {
  code: ErrorCode;
  words: string;
  hint: string;
}

/** The file-system failures a user can fix, by errno: what it means in words and what to do about it. */
const CAUSES: Record<string, Cause> = {
  EACCES: { code: "PERMISSION_DENIED", words: "permission denied", hint: "Make the folder writable for your user (or run from a folder you own), then run again." },
  EPERM: { code: "PERMISSION_DENIED", words: "the operation is not permitted", hint: "Make the folder writable for your user (or run from a folder you own), then run again." },
  EROFS: { code: "READ_ONLY_FILE_SYSTEM", words: "the file system is read-only", hint: "Run scaffold on a writable copy of the project (or remount the disk read-write)." },
  ENOSPC: { code: "DISK_FULL", words: "the disk is full", hint: "Free some disk space, then run again." },
  EDQUOT: { code: "DISK_FULL", words: "your disk quota is used up", hint: "Free some space within your quota, then run again." },
  ENOTDIR: { code: "NOT_A_FOLDER", words: "a part of the path is a file, not a folder", hint: "Move that file aside or choose another folder (--dir), then run again." },
  EISDIR: { code: "FOLDER_IN_THE_WAY", words: "a folder is where a file must go", hint: "Move that folder aside (or rename it), then run again." },
  EEXIST: { code: "FOLDER_IN_THE_WAY", words: "something already exists where a folder must go", hint: "Move it aside, then run again." },
};

export function isEnvironmentError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" && code in CAUSES;
}

/**
 * Turns an errno failure into an expected error naming the path, the cause in words and what to do.
 * `outcome` says what state the target was left in (always "nothing written" by design). Anything else is
 * returned unchanged: an unknown failure is a bug and must surface as one.
 */
export function toEnvironmentError(error: unknown, file: string, outcome: string): unknown {
  if (!isEnvironmentError(error)) return error;
  const cause = CAUSES[error.code as string]!;
  const where = error.path && error.path !== file ? `${file} (at ${error.path})` : file;
  return new ScaffoldError(cause.code, `Cannot write ${where}: ${cause.words} (${error.code}). ${outcome}`, cause.hint);
}
