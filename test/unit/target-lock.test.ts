import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireTargetLock, LOCK_PATH } from "../../src/target/target-lock.js";
import { makeTempDir, writeFiles } from "../support/temp-dir.js";

/** A pid that is certainly not running: beyond the kernel's pid range. */
const DEAD_PID = 2 ** 22 + 17;

function writeLock(dir: string, holder: Record<string, unknown>): void {
  writeFiles(dir, { [LOCK_PATH]: JSON.stringify({ startedAt: "2026-01-01T00:00:00.000Z", command: "add ai-chat", runId: "old-run", ...holder }) });
}

describe("acquireTargetLock", () => {
  it("records pid, host, start time and command, and leaves nothing behind when released", () => {
    const dir = makeTempDir({ "a.txt": "a" });
    const lock = acquireTargetLock(dir, "add ai-chat");
    const holder = JSON.parse(readFileSync(path.join(dir, LOCK_PATH), "utf8")) as Record<string, unknown>;
    expect(holder).toMatchObject({ pid: process.pid, host: os.hostname(), command: "add ai-chat", runId: lock.runId });
    expect(Date.parse(String(holder["startedAt"]))).not.toBeNaN();
    lock.release();
    expect(existsSync(path.join(dir, ".scaffold"))).toBe(false);
  });

  it("refuses a second run while the first holds the lock, naming it", () => {
    const dir = makeTempDir();
    const first = acquireTargetLock(dir, "add ai-chat");
    expect(() => acquireTargetLock(dir, "remove ai-chat")).toThrow(
      expect.objectContaining({ code: "TARGET_LOCKED", message: expect.stringContaining(`scaffold add ai-chat\` (pid ${process.pid}`) }),
    );
    first.release();
    acquireTargetLock(dir, "remove ai-chat").release();
  });

  it("takes over a lock whose process is gone, and says whose", () => {
    const dir = makeTempDir();
    writeLock(dir, { pid: DEAD_PID, host: os.hostname() });
    const lock = acquireTargetLock(dir, "status");
    expect(lock.tookOverFrom).toMatchObject({ pid: DEAD_PID, command: "add ai-chat" });
    lock.release();
    expect(existsSync(path.join(dir, LOCK_PATH))).toBe(false);
  });

  it("never takes over a lock from another host (its process cannot be checked)", () => {
    const dir = makeTempDir();
    writeLock(dir, { pid: DEAD_PID, host: "some-other-host" });
    expect(() => acquireTargetLock(dir, "status")).toThrow(expect.objectContaining({ code: "TARGET_LOCKED" }));
  });

  it("creates a missing target folder for the lock and removes it again when nothing was written", () => {
    const parent = makeTempDir();
    const dir = path.join(parent, "new", "app");
    acquireTargetLock(dir, "add ai-chat").release();
    expect(existsSync(path.join(parent, "new"))).toBe(false);
  });

  it("reports a path through a file as an expected error, writing nothing", () => {
    const parent = makeTempDir({ "a-file": "x" });
    expect(() => acquireTargetLock(path.join(parent, "a-file", "sub"), "add ai-chat")).toThrow(
      expect.objectContaining({ code: "NOT_A_FOLDER", message: expect.stringContaining("a-file") }),
    );
    expect(readFileSync(path.join(parent, "a-file"), "utf8")).toBe("x");
  });

  it("keeps a lock another live process holds even when its file is old", () => {
    const dir = makeTempDir();
    writeLock(dir, { pid: process.ppid, host: os.hostname() });
    expect(() => acquireTargetLock(dir, "add ai-chat")).toThrow(expect.objectContaining({ code: "TARGET_LOCKED" }));
  });
});
