import { describe, expect, it } from "vitest";
import { parseBase, recordEdit, serializeBase } from "../../../src/manifest/base-store.js";
import { undoEdits } from "../../../src/manifest/undo-edits.js";

const lines = (count: number, prefix = "line"): string => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}\n`).join("");

describe("undoEdits", () => {
  it("reverses one edit exactly, without a trailing newline too", () => {
    const edit = recordEdit("notes.txt", "mine", "mine\ngreeted ann\n");
    expect(undoEdits("mine\ngreeted ann\n", [edit])).toEqual({ kind: "undone", content: "mine" });
  });

  it("reverses an edit around the user's changes elsewhere in the file", () => {
    const before = lines(20);
    const after = before.replace("line 15\n", "line 15\nadded by scaffold\n");
    const edit = recordEdit("file.txt", before, after);
    const theirs = after.replace("line 2\n", "line 2, theirs\n");
    expect(undoEdits(theirs, [edit])).toEqual({ kind: "undone", content: before.replace("line 2\n", "line 2, theirs\n") });
  });

  it("reverses several runs' edits newest first", () => {
    const first = recordEdit("notes.txt", "a\n", "a\nb\n");
    const second = recordEdit("notes.txt", "a\nb\n", "a\nb-changed\nc\n");
    expect(undoEdits("a\nb-changed\nc\n", [first, second])).toEqual({ kind: "undone", content: "a\n" });
  });

  it("deletes a file an edit created once it is empty again, and keeps it when the user added to it", () => {
    const edit = recordEdit(".env.local", null, "SECRET=x\n");
    expect(edit.created).toBe(true);
    expect(undoEdits("SECRET=x\n", [edit])).toEqual({ kind: "undone", content: null });
    expect(undoEdits("SECRET=x\nMINE=1\n", [edit])).toEqual({ kind: "undone", content: "MINE=1\n" });
  });

  it("leaves a file whose edited lines the user changed, listing what to remove and put back", () => {
    const edit = recordEdit("config.ts", "const a = 1;\nconst b = 2;\n", "const a = 1;\nconst b = 3;\nconst c = 4;\n");
    expect(undoEdits("const a = 1;\nconst b = 5;\nconst c = 4;\n", [edit])).toEqual({
      kind: "diverged",
      remove: ["const b = 3;", "const c = 4;"],
      restore: ["const b = 2;"],
    });
  });
});

describe("base store", () => {
  it("round-trips files and recorded edits", () => {
    const store = { files: { "b.ts": "b", "a.ts": "a" }, edits: { "notes.txt": [recordEdit("notes.txt", "x\n", "x\ny\n")] } };
    const text = serializeBase(store);
    expect(Object.keys((JSON.parse(text) as { files: object }).files)).toEqual(["a.ts", "b.ts"]);
    expect(parseBase(text)).toEqual({ ...store, recordsEdits: true });
  });

  it("reads the first, files-only shape as files without recorded edits", () => {
    expect(parseBase('{ "a.ts": "a" }')).toEqual({ files: { "a.ts": "a" }, edits: {}, recordsEdits: false });
    expect(parseBase(null)).toEqual({ files: {}, edits: {}, recordsEdits: true });
    expect(parseBase("{ damaged")).toEqual({ files: {}, edits: {}, recordsEdits: false });
  });
});
