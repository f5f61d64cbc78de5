import { closeSync, copyFileSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, symlinkSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import type { Stats } from "node:fs";

/**
 * The file-system calls a commit makes, each made durable: file contents are fsynced before they are
 * renamed into place, and a folder is fsynced after an entry in it is created, renamed or removed, so the
 * order the journal relies on is the order the disk keeps after a power cut or kill -9.
 * `before` is called ahead of every call (a test seam: inject a failure, or a kill, at any one of them).
 */
export class DurableFs {
  constructor(private readonly before: (operation: string, file: string) => void = () => {}) {}

  writeFile(file: string, content: string | Uint8Array, mode?: number): void {
    this.before("write", file);
    const fd = openSync(file, "w", mode);
    try {
      const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      this.before("fsync", file);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  copyFile(from: string, to: string): void {
    this.before("copy", to);
    copyFileSync(from, to);
    this.syncFile(to);
  }

  symlink(target: string, file: string): void {
    this.before("symlink", file);
    symlinkSync(target, file);
    this.syncDir(path.dirname(file));
  }

  rename(from: string, to: string): void {
    this.before("rename", to);
    renameSync(from, to);
    this.syncDir(path.dirname(to));
  }

  unlink(file: string): void {
    this.before("unlink", file);
    unlinkSync(file);
    this.syncDir(path.dirname(file));
  }

  mkdir(dir: string): void {
    this.before("mkdir", dir);
    mkdirSync(dir);
    this.syncDir(path.dirname(dir));
  }

  removeTree(dir: string): void {
    this.before("rm", dir);
    rmSync(dir, { recursive: true, force: true });
    this.syncDir(path.dirname(dir));
  }

  syncFile(file: string): void {
    this.before("fsync", file);
    const fd = openSync(file, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  syncDir(dir: string): void {
    this.before("fsync", dir);
    let fd: number;
    try {
      fd = openSync(dir, "r");
    } catch {
      return; // a folder that cannot be opened for reading (some platforms) is not fsyncable; rename order still holds
    }
    try {
      fsyncSync(fd);
    } catch (error) {
      // Some file systems refuse fsync on a folder (EINVAL); the data itself was synced.
      if ((error as NodeJS.ErrnoException).code !== "EINVAL") throw error;
    } finally {
      closeSync(fd);
    }
  }
}

/** lstat that answers null for a path that does not exist (or cannot be reached). */
export function lstatOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}
