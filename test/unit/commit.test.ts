import { chmodSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitChanges } from "../../src/commit/commit-changes.js";
import { listRunJournals, readJournal } from "../../src/commit/journal.js";
import { recoverInterruptedCommit } from "../../src/commit/rollback.js";
import { makeTempDir, snapshotDir, writeFiles } from "../support/temp-dir.js";

const seed = { "keep.txt": "keep", "edit.txt": "before", "gone.txt": "old", "sub/file.txt": "sub" };
const writes = [
  { path: "edit.txt", after: "after" },
  { path: "gone.txt", after: null },
  { path: "new/deeper/a.txt", after: "a" },
  { path: "sub/file.txt", after: "changed" },
  { path: "z.txt", after: "z" },
];

describe("commitChanges", () => {
  it("writes every change and leaves no journal behind", () => {
    const dir = makeTempDir(seed);
    commitChanges(dir, writes);
    expect(snapshotDir(dir)).toEqual({
      "edit.txt": "after",
      "keep.txt": "keep",
      new: null,
      "new/deeper": null,
      "new/deeper/a.txt": "a",
      sub: null,
      "sub/file.txt": "changed",
      "z.txt": "z",
    });
  });

  it.each([0, 1, 2, 3, 4])("restores the target byte for byte when write %i fails", (failAt) => {
    const dir = makeTempDir(seed);
    const before = snapshotDir(dir);
    expect(() =>
      commitChanges(dir, writes, {
        beforeWrite: (index) => {
          if (index === failAt) throw new Error("disk full (injected)");
        },
      }),
    ).toThrow(expect.objectContaining({ code: "COMMIT_FAILED", message: expect.stringMatching(/disk full.*restored/) }));
    expect(snapshotDir(dir)).toEqual(before);
  });

  it("keeps the mode of a replaced file", () => {
    const dir = makeTempDir({ "run.sh": "#!/bin/sh\n" });
    chmodSync(path.join(dir, "run.sh"), 0o755);
    commitChanges(dir, [{ path: "run.sh", after: "#!/bin/sh\necho hi\n" }]);
    expect(statSync(path.join(dir, "run.sh")).mode & 0o777).toBe(0o755);
  });
});

describe("recoverInterruptedCommit", () => {
  it("restores, at the next start, the target a killed run left half written", async () => {
    const dir = makeTempDir(seed);
    const before = snapshotDir(dir);
    const writesFile = path.join(makeTempDir(), "writes.json");
    writeFileSync(writesFile, JSON.stringify(writes));
    const script = path.join(import.meta.dirname, "..", "support", "kill-mid-commit.ts");
    const { execa } = await import("execa");
    const killed = await execa("node", ["--import", "jiti/register", script, dir, "3", writesFile], { reject: false });
    expect(killed.signal, killed.stderr).toBe("SIGKILL");
    expect(listRunJournals(dir).map((run) => readJournal(dir, run))).toEqual([expect.objectContaining({ entries: expect.any(Array) })]);
    expect(snapshotDir(dir)).not.toEqual(before);
    expect(recoverInterruptedCommit(dir)).toBe("restored");
    expect(snapshotDir(dir)).toEqual(before);
  });

  it("discards backups of a run killed before it wrote its journal", () => {
    const dir = makeTempDir(seed);
    const before = snapshotDir(dir);
    mkdirSync(path.join(dir, ".scaffold", "journal", "backup"), { recursive: true });
    expect(recoverInterruptedCommit(dir)).toBe("discarded");
    expect(snapshotDir(dir, (file) => file.startsWith(".scaffold"))).toEqual(before);
  });

  it("does nothing when there is no journal", () => {
    expect(recoverInterruptedCommit(makeTempDir(seed))).toBe("none");
  });
});

describe("recoverInterruptedCommit, read-only", () => {
  it("writes nothing and says a rollback is pending; refuses while a live run holds the lock mid-commit", async () => {
    const dir = makeTempDir(seed);
    const writesFile = path.join(makeTempDir(), "writes.json");
    writeFileSync(writesFile, JSON.stringify(writes));
    const script = path.join(import.meta.dirname, "..", "support", "kill-mid-commit.ts");
    const { execa } = await import("execa");
    await execa("node", ["--import", "jiti/register", script, dir, "2", writesFile], { reject: false });
    const killed = snapshotDir(dir);
    expect(recoverInterruptedCommit(dir, { readOnly: true })).toBe("pending");
    expect(snapshotDir(dir)).toEqual(killed);
    writeFiles(dir, { ".scaffold/lock": JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: "now", command: "add greeting", runId: "live" }) });
    expect(() => recoverInterruptedCommit(dir, { readOnly: true })).toThrow(expect.objectContaining({ code: "TARGET_LOCKED" }));
  });
});
