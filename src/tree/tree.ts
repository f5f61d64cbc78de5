import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { assertInsideRealRoot, normalizeTargetPath } from "./safe-path.js";

/** Who produced a staged write: a template owns the whole file; a transformer edited a file it does not own. */
export type WriteOrigin = { kind: "template"; template?: string } | { kind: "edit"; transformer: string };

export interface FileChange {
  path: string;
  type: "create" | "update" | "delete";
  before: string | null;
  after: string | null;
  origins: WriteOrigin[];
}

interface Staged {
  content: string | null;
  origins: WriteOrigin[];
}

/**
 * A virtual view of the target folder. Reads fall through to disk; writes and deletes are staged in memory
 * and only reach disk through the commit step. Blueprints see nothing but this, which is what makes a dry
 * run the same plan with a different ending.
 */
export class Tree {
  readonly root: string;
  private readonly staged = new Map<string, Staged>();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  read(file: string): string | null {
    const key = this.key(file);
    const staged = this.staged.get(key);
    if (staged) return staged.content;
    return this.readOriginal(key);
  }

  exists(file: string): boolean {
    return this.read(file) !== null;
  }

  write(file: string, content: string, origin: WriteOrigin = { kind: "template" }): void {
    const key = this.key(file);
    const previous = this.staged.get(key);
    const origins = previous ? [...previous.origins, origin] : [origin];
    this.staged.set(key, { content, origins });
  }

  delete(file: string, origin: WriteOrigin = { kind: "template" }): void {
    const key = this.key(file);
    const previous = this.staged.get(key);
    this.staged.set(key, { content: null, origins: previous ? [...previous.origins, origin] : [origin] });
  }

  /** The original content on disk, ignoring staged writes. */
  readOriginal(file: string): string | null {
    const absolute = path.join(this.root, this.key(file));
    if (!existsSync(absolute) || !statSync(absolute).isFile()) return null;
    return readFileSync(absolute, "utf8");
  }

  /** Staged writes that differ from disk; writing identical content is not a change. Sorted by path. */
  listChanges(): FileChange[] {
    const changes: FileChange[] = [];
    for (const [file, staged] of [...this.staged.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const before = this.readOriginal(file);
      if (before === staged.content) continue;
      const type = staged.content === null ? "delete" : before === null ? "create" : "update";
      changes.push({ path: file, type, before, after: staged.content, origins: staged.origins });
    }
    return changes;
  }

  /** Every path written during planning, changed or not (what a manifest must remember). */
  listWrites(): Array<{ path: string; content: string | null; origins: WriteOrigin[] }> {
    return [...this.staged.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, staged]) => ({ path: file, content: staged.content, origins: staged.origins }));
  }

  private key(file: string): string {
    const normalized = normalizeTargetPath(file);
    assertInsideRealRoot(this.root, normalized);
    return normalized;
  }
}
