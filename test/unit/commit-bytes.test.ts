import { lstatSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitChanges } from "../../src/commit/commit-changes.js";
import { listRunJournals } from "../../src/commit/journal.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80]);

describe("commitChanges keeps bytes, links and causes", () => {
  it("writes bytes exactly and restores a binary original exactly on failure", () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, "old.bin"), png);
    const before = snapshotDir(dir);
    expect(() =>
      commitChanges(dir, [{ path: "old.bin", after: Buffer.from([1, 2, 3]) }, { path: "new.png", after: png }], {
        beforeWrite: (index) => {
          if (index === 1) throw new Error("injected");
        },
      }),
    ).toThrow(expect.objectContaining({ code: "COMMIT_FAILED" }));
    expect(snapshotDir(dir)).toEqual(before);
    commitChanges(dir, [{ path: "new.png", after: png }]);
    expect(readFileSync(path.join(dir, "new.png")).equals(png)).toBe(true);
  });

  it("writes through a symlink inside the target, which stays a link", () => {
    const dir = makeTempDir({ "shared/.gitignore": "node_modules\n" });
    symlinkSync("shared/.gitignore", path.join(dir, ".gitignore"));
    commitChanges(dir, [{ path: ".gitignore", after: "node_modules\n.env\n" }]);
    expect(lstatSync(path.join(dir, ".gitignore")).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, "shared/.gitignore"), "utf8")).toBe("node_modules\n.env\n");
  });

  it("brings a deleted symlink back as a link when the commit fails", () => {
    const dir = makeTempDir({ "target.txt": "t" });
    symlinkSync("target.txt", path.join(dir, "link.txt"));
    const before = snapshotDir(dir);
    expect(() =>
      commitChanges(dir, [{ path: "link.txt", after: null }, { path: "z.txt", after: "z" }], {
        beforeWrite: (index) => {
          if (index === 1) throw new Error("injected");
        },
      }),
    ).toThrow();
    expect(readlinkSync(path.join(dir, "link.txt"))).toBe("target.txt");
    expect(snapshotDir(dir)).toEqual(before);
  });

  it.each([
    ["ENOSPC", "DISK_FULL", "disk is full"],
    ["EACCES", "PERMISSION_DENIED", "permission denied"],
    ["EROFS", "READ_ONLY_FILE_SYSTEM", "read-only"],
  ])("reports %s as %s with the path and the cause, restoring everything", (errno, code, words) => {
    const dir = makeTempDir({ "a.txt": "a" });
    const before = snapshotDir(dir);
    let calls = 0;
    const fail = (operation: string, file: string): void => {
      calls += 1;
      if (operation === "write" && file.endsWith("b.txt.scaffold-tmp")) throw Object.assign(new Error(`${errno}: injected`), { code: errno, path: file });
    };
    expect(() => commitChanges(dir, [{ path: "a.txt", after: "A" }, { path: "b.txt", after: "b" }], { beforeFsCall: fail })).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(new RegExp(`b\\.txt.*${words}.*restored`)) }),
    );
    expect(calls).toBeGreaterThan(3);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it("leaves no journal folder behind when taking the backups fails", () => {
    const dir = makeTempDir({ "a.txt": "a" });
    const before = snapshotDir(dir);
    const fail = (operation: string): void => {
      if (operation === "copy") throw Object.assign(new Error("ENOSPC: injected"), { code: "ENOSPC" });
    };
    expect(() => commitChanges(dir, [{ path: "a.txt", after: "A" }], { beforeFsCall: fail })).toThrow(
      expect.objectContaining({ code: "DISK_FULL", message: expect.stringContaining("Nothing was written") }),
    );
    expect(snapshotDir(dir)).toEqual(before);
    expect(listRunJournals(dir)).toEqual([]);
  });

  it("refuses to write a file where a folder stands, naming it, before touching anything", () => {
    const dir = makeTempDir({ "a.txt": "a", "src/index.ts/inner.txt": "i" });
    const before = snapshotDir(dir);
    expect(() => commitChanges(dir, [{ path: "a.txt", after: "A" }, { path: "src/index.ts", after: "x" }])).toThrow(
      expect.objectContaining({ code: "FOLDER_IN_THE_WAY", message: expect.stringContaining("src/index.ts") }),
    );
    expect(snapshotDir(dir)).toEqual(before);
  });
});
