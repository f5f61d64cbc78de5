import { symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectTextFormat, fromPlainText, toPlainText } from "../../src/tree/text-format.js";
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

describe("Tree bytes", () => {
  const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]); // "café\n" in Latin-1: not UTF-8
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]);

  it("keeps bytes that are not UTF-8 exactly, and refuses them to text readers naming the file", () => {
    const dir = makeTempDir();
    writeFileSync(path.join(dir, "notes.txt"), latin1);
    const tree = new Tree(dir);
    expect(tree.readBytes("notes.txt")?.equals(latin1)).toBe(true);
    expect(tree.exists("notes.txt")).toBe(true);
    expect(() => tree.read("notes.txt")).toThrow(expect.objectContaining({ code: "FILE_NOT_TEXT", message: expect.stringContaining("notes.txt") }));
  });

  it("lists a binary write as binary, its content as base64 that decodes to the exact bytes", () => {
    const tree = new Tree(makeTempDir());
    tree.write("logo.png", png);
    const [change] = tree.listChanges();
    expect(change).toMatchObject({ path: "logo.png", type: "create", binary: true });
    expect(Buffer.from(change!.after!, "base64").equals(png)).toBe(true);
  });

  it("treats bytes that are valid UTF-8 as text, a BOM included", () => {
    const tree = new Tree(makeTempDir());
    tree.write("bom.txt", Buffer.from("\uFEFFhi\r\n", "utf8"));
    expect(tree.read("bom.txt")).toBe("\uFEFFhi\r\n");
    expect(tree.listChanges()[0]?.binary).toBeUndefined();
  });

  it("reports a folder where a file goes, and a file where a folder goes, as blocked", () => {
    const dir = makeTempDir({ "src/index.ts/keep.txt": "x", "a-file": "y" });
    const tree = new Tree(dir);
    tree.write("src/index.ts", "export {};\n");
    tree.write("a-file/sub/x.ts", "x");
    expect(tree.listChanges().map((change) => [change.path, change.blocked])).toEqual([
      ["a-file/sub/x.ts", expect.stringContaining("a-file is a file")],
      ["src/index.ts", expect.stringContaining("a folder is in the way")],
    ]);
  });

  it("reads through a symlink inside the target", () => {
    const dir = makeTempDir({ "real/config.txt": "real" });
    symlinkSync("real/config.txt", path.join(dir, "config.txt"));
    expect(new Tree(dir).read("config.txt")).toBe("real");
  });

  it("reads what a pending rollback will restore when given that overlay", () => {
    const dir = makeTempDir({ "a.txt": "half-written" });
    const tree = new Tree(dir, { overlay: new Map([["a.txt", Buffer.from("original")], ["new.txt", null]]) });
    expect(tree.read("a.txt")).toBe("original");
    expect(tree.exists("new.txt")).toBe(false);
  });
});

describe("text format of an edited file", () => {
  it.each([
    ["LF", "a\nb\n", "a\nb\nc\n"],
    ["CRLF", "a\r\nb\r\n", "a\r\nb\r\nc\r\n"],
    ["BOM + CRLF", "\uFEFFa\r\nb\r\n", "\uFEFFa\r\nb\r\nc\r\n"],
    ["mixed breaks, passed as is", "a\r\nb\n", "a\r\nb\nc\n"],
  ])("keeps %s", (_name, before, expected) => {
    const format = detectTextFormat(before);
    const plain = toPlainText(before, format);
    expect(plain.includes("\r") && format.crlf).toBe(false);
    expect(fromPlainText(`${plain}c\n`, format)).toBe(expected);
  });
});
