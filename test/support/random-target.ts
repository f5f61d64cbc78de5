import { cpSync, lstatSync, mkdirSync, readdirSync, rmdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { FileWrite } from "../../src/commit/commit-changes.js";

/** Contents that catch decoding: LF and CRLF text, a BOM, Latin-1 (not UTF-8), raw binary, empty. */
const content: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.string({ maxLength: 40 }).map((text) => `${text}\n`),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }).map((lines) => `${lines.join("\r\n")}\r\n`),
  fc.string({ maxLength: 20 }).map((text) => `\uFEFF${text}`),
  fc.constant(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])),
  fc.uint8Array({ minLength: 1, maxLength: 64 }),
  fc.constant(""),
);

// Folders and file names never collide, so no plan puts a file where a folder is (that case has its own tests).
const dirs = ["", "a/", "a/b/", "c/", "new/deep/"];
const names = ["x.txt", "y.bin", "z.md"];
const paths = dirs.flatMap((dir) => names.map((name) => `${dir}${name}`));
const existingPaths = paths.filter((file) => !file.startsWith("new/"));
const LINKS = ["c/link.txt", "a/link.md"];

export interface TargetCase {
  files: Record<string, string | Uint8Array>;
  /** link path → file it points to (relative to the target), both existing. */
  links: Record<string, string>;
  writes: FileWrite[];
}

/** A random existing tree (files, symlinks to files in it) and a random plan over it, one write per path. */
export const targetCase: fc.Arbitrary<TargetCase> = fc
  .record({
    files: fc.dictionary(fc.constantFrom(...existingPaths), content, { minKeys: 1, maxKeys: 6 }),
    linkNames: fc.subarray(LINKS, { maxLength: 2 }),
    // Links and existing files are drawn more often than new paths: that is where restoring is hard.
    plan: fc.dictionary(fc.oneof(fc.constantFrom(...LINKS), fc.constantFrom(...existingPaths), fc.constantFrom(...paths)), fc.option(content, { freq: 2 }), {
      minKeys: 1,
      maxKeys: 8,
    }),
  })
  .map(({ files, linkNames, plan }) => {
    const targets = Object.keys(files);
    const links = Object.fromEntries(linkNames.map((link, index) => [link, targets[index % targets.length]!]));
    const exists = (file: string): boolean => file in files || file in links;
    const writes = Object.entries(plan)
      .filter(([file, after]) => after !== null || exists(file))
      // A link and the file it points to are one file: a plan (like a tree's) touches it once.
      .filter(([file], _index, all) => !(file in links && all.some(([other]) => other === links[file])))
      .map(([file, after]) => ({ path: file, after }));
    return { files, links, writes };
  })
  .filter((each) => each.writes.length > 0);

export function seedTarget(dir: string, each: TargetCase): void {
  for (const [file, bytes] of Object.entries(each.files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), bytes);
  }
  for (const [link, target] of Object.entries(each.links)) {
    mkdirSync(path.dirname(path.join(dir, link)), { recursive: true });
    symlinkSync(path.relative(path.dirname(link), target), path.join(dir, link));
  }
}

/** The planned result, made with plain file-system calls on a copy: writes follow links, deletes remove them (and emptied folders). */
export function plannedResult(before: string, into: string, writes: readonly FileWrite[]): void {
  cpSync(before, into, { recursive: true, verbatimSymlinks: true });
  for (const write of writes) {
    const file = path.join(into, write.path);
    if (write.after === null) {
      if (lstatSync(file, { throwIfNoEntry: false })) rmSync(file);
      // Deleting a file takes the folders it leaves empty (never the target itself).
      for (let dir = path.dirname(file); dir !== into && readdirSync(dir).length === 0; dir = path.dirname(dir)) rmdirSync(dir);
    } else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, write.after);
    }
  }
}
