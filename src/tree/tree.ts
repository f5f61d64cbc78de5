import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { asText, fromBytes, sameContent, toBytes, toEntryText, type FileContent } from "./file-content.js";
import { findBlocker } from "./find-blocker.js";
import { assertInsideRealRoot, normalizeTargetPath } from "./safe-path.js";

/** Who produced a staged write: a template owns the whole file; a transformer edited a file it does not own. */
export type WriteOrigin = { kind: "template"; template?: string } | { kind: "edit"; transformer: string };

export interface FileChange {
  path: string;
  type: "create" | "update" | "delete";
  /** Text; base64 when `binary` (a side is not UTF-8): see toEntryText. */
  before: string | null;
  after: string | null;
  binary?: true;
  /** Why the write cannot land (a folder in the way, a file where a folder must be): a conflict. */
  blocked?: string;
  origins: WriteOrigin[];
}

interface Staged {
  content: FileContent | null;
  origins: WriteOrigin[];
}

export interface TreeOptions {
  /** Contents that replace what is on disk (what a pending rollback will restore; null: the file will be gone). */
  overlay?: ReadonlyMap<string, Buffer | null>;
}

/**
 * A virtual view of the target folder. Reads fall through to disk; writes and deletes are staged in memory
 * and only reach disk through the commit step. Blueprints see nothing but this, which is what makes a dry
 * run the same plan with a different ending. Contents are bytes end to end: text is what is valid UTF-8,
 * anything else is kept as the exact bytes and refused to text readers.
 */
export class Tree {
  readonly root: string;
  private readonly staged = new Map<string, Staged>();
  private readonly overlay: ReadonlyMap<string, Buffer | null>;

  constructor(root: string, options: TreeOptions = {}) {
    this.root = path.resolve(root);
    this.overlay = options.overlay ?? new Map();
  }

  /** The file as text (staged or on disk); a file that is not UTF-8 text is refused with an error naming it. */
  read(file: string): string | null {
    const key = this.key(file);
    return asText(this.readContent(key), key);
  }

  /** The file's exact bytes (staged or on disk). */
  readBytes(file: string): Buffer | null {
    const content = this.readContent(this.key(file));
    return content === null ? null : Buffer.from(content);
  }

  exists(file: string): boolean {
    return this.readContent(this.key(file)) !== null;
  }

  write(file: string, content: string | Uint8Array, origin: WriteOrigin = { kind: "template" }): void {
    const key = this.key(file);
    const previous = this.staged.get(key);
    const origins = previous ? [...previous.origins, origin] : [origin];
    this.staged.set(key, { content: typeof content === "string" ? content : fromBytes(content), origins });
  }

  delete(file: string, origin: WriteOrigin = { kind: "template" }): void {
    const key = this.key(file);
    const previous = this.staged.get(key);
    this.staged.set(key, { content: null, origins: previous ? [...previous.origins, origin] : [origin] });
  }

  /** The original content on disk as text, ignoring staged writes (refused when it is not UTF-8). */
  readOriginal(file: string): string | null {
    const key = this.key(file);
    return asText(this.readOriginalContent(key), key);
  }

  /** The original bytes on disk, ignoring staged writes. */
  readOriginalBytes(file: string): Buffer | null {
    const content = this.readOriginalContent(this.key(file));
    return content === null ? null : Buffer.from(content);
  }

  /** Staged writes that differ from disk; writing identical content is not a change. Sorted by path. */
  listChanges(): FileChange[] {
    const changes: FileChange[] = [];
    for (const [file, staged] of this.sortedStaged()) {
      const before = this.readOriginalContent(file);
      if (sameContent(before, staged.content)) continue;
      const type = staged.content === null ? "delete" : before === null ? "create" : "update";
      const binary = isBytes(before) || isBytes(staged.content);
      const blocked = staged.content !== null && before === null ? findBlocker(this.root, file) : null;
      changes.push({
        path: file,
        type,
        before: toEntryText(binary ? toBuffer(before) : before),
        after: toEntryText(binary ? toBuffer(staged.content) : staged.content),
        ...(binary ? { binary: true as const } : {}),
        ...(blocked ? { blocked } : {}),
        origins: staged.origins,
      });
    }
    return changes;
  }

  /** Every path written during planning, changed or not (what a manifest must remember). Binary content as bytes. */
  listWrites(): Array<{ path: string; content: FileContent | null; origins: WriteOrigin[] }> {
    return this.sortedStaged().map(([file, staged]) => ({ path: file, content: staged.content, origins: staged.origins }));
  }

  private sortedStaged(): Array<[string, Staged]> {
    return [...this.staged.entries()].sort(([a], [b]) => a.localeCompare(b));
  }

  private readContent(key: string): FileContent | null {
    const staged = this.staged.get(key);
    return staged ? staged.content : this.readOriginalContent(key);
  }

  private readOriginalContent(key: string): FileContent | null {
    if (this.overlay.has(key)) {
      const bytes = this.overlay.get(key) ?? null;
      return bytes === null ? null : fromBytes(bytes);
    }
    const absolute = path.join(this.root, key);
    try {
      if (!statSync(absolute).isFile()) return null;
    } catch {
      return null;
    }
    return fromBytes(readFileSync(absolute));
  }

  private key(file: string): string {
    const normalized = normalizeTargetPath(file);
    assertInsideRealRoot(this.root, normalized);
    return normalized;
  }
}

function isBytes(content: FileContent | null): content is Buffer {
  return content !== null && typeof content !== "string";
}

function toBuffer(content: FileContent | null): Buffer | null {
  return content === null ? null : toBytes(content);
}
