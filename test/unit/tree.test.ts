import { symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Tree } from "../../src/tree/tree.js";
import { makeTempDir } from "../support/temp-dir.js";

describe("Tree", () => {
  it("reads fall through to disk and writes are staged, not written", () => {
    const dir = makeTempDir({ "a.txt": "disk" });
    const tree = new Tree(dir);
    expect(tree.read("a.txt")).toBe("disk");
    tree.write("a.txt", "staged");
    expect(tree.read("a.txt")).toBe("staged");
    expect(tree.readOriginal("a.txt")).toBe("disk");
  });

  it("lists create, update and delete with before and after, and ignores identical writes", () => {
    const dir = makeTempDir({ "same.txt": "x", "old.txt": "1", "gone.txt": "bye" });
    const tree = new Tree(dir);
    tree.write("same.txt", "x");
    tree.write("old.txt", "2");
    tree.write("new/deep.txt", "n");
    tree.delete("gone.txt");
    expect(tree.listChanges().map(({ path: file, type, before, after }) => ({ file, type, before, after }))).toEqual([
      { file: "gone.txt", type: "delete", before: "bye", after: null },
      { file: "new/deep.txt", type: "create", before: null, after: "n" },
      { file: "old.txt", type: "update", before: "1", after: "2" },
    ]);
  });

  it("normalises paths so one file has one key", () => {
    const tree = new Tree(makeTempDir());
    tree.write("a/./b/../c.txt", "1");
    expect(tree.read("a/c.txt")).toBe("1");
  });

  it.each(["../escape.txt", "a/../../escape.txt", "/etc/passwd", "bad\0name"])("refuses to write %j outside the target", (file) => {
    const tree = new Tree(makeTempDir());
    expect(() => tree.write(file, "x")).toThrow(expect.objectContaining({ code: "PATH_OUTSIDE_TARGET" }));
  });

  it("refuses a write through a symlink that leaves the target", () => {
    const dir = makeTempDir();
    symlinkSync(os.tmpdir(), path.join(dir, "link"));
    const tree = new Tree(dir);
    expect(() => tree.write("link/x.txt", "x")).toThrow(/symlink/);
  });
});
