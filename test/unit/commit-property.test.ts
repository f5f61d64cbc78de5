import { mkdirSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commitChanges } from "../../src/commit/commit-changes.js";
import { recoverInterruptedCommit } from "../../src/commit/rollback.js";
import { plannedResult, seedTarget, targetCase, type TargetCase } from "../support/random-target.js";
import { makeTempDir, snapshotDir } from "../support/temp-dir.js";

/** Seeds a target and its planned result side by side. */
function prepare(each: TargetCase): { dir: string; before: ReturnType<typeof snapshotDir>; planned: ReturnType<typeof snapshotDir> } {
  const base = makeTempDir({}, "scaffold-prop-");
  const dir = path.join(base, "target");
  mkdirSync(dir);
  seedTarget(dir, each);
  plannedResult(dir, path.join(base, "planned"), each.writes);
  return { dir, before: snapshotDir(dir), planned: snapshotDir(path.join(base, "planned")) };
}

/** How many file-system calls this commit makes, counted on a scratch copy. */
function countCalls(each: TargetCase): number {
  const { dir } = prepare(each);
  let calls = 0;
  commitChanges(dir, each.writes, { beforeFsCall: () => void (calls += 1) });
  return calls;
}

const ERRNOS = ["ENOSPC", "EACCES", "EROFS", "EIO"];

describe("commit (property)", () => {
  it("with a failure at any file-system call, the target is byte-identical to before or exactly the plan", () => {
    fc.assert(
      fc.property(targetCase, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...ERRNOS), (each, where, errno) => {
        const failAt = Math.floor(where * (countCalls(each) + 1));
        const { dir, before, planned } = prepare(each);
        let calls = 0;
        const inject = (operation: string, file: string): void => {
          if (calls++ === failAt) throw Object.assign(new Error(`${errno}: injected at ${operation} ${file}`), { code: errno, path: file });
        };
        let failed = false;
        try {
          commitChanges(dir, each.writes, { beforeFsCall: inject });
        } catch {
          failed = true;
        }
        // A failed commit restores at once; a finished one may leave journal leftovers only past its commit point.
        if (failed) expect(snapshotDir(dir)).toEqual(before);
        else expect(snapshotDir(dir, (file) => file.startsWith(".scaffold"))).toEqual(planned);
        recoverInterruptedCommit(dir);
        expect(snapshotDir(dir)).toEqual(failed ? before : planned);
      }),
      { numRuns: 50 },
    );
  });

  it("killed (SIGKILL) at any file-system call, the next run leaves it as before, or as planned when the commit had finished", async () => {
    const child = path.join(import.meta.dirname, "..", "support", "kill-at-fs-call.mjs");
    await fc.assert(
      fc.asyncProperty(targetCase, fc.double({ min: 0, max: 1, noNaN: true }), async (each, where) => {
        const killAt = Math.floor(where * (countCalls(each) + 1));
        const { dir, before, planned } = prepare(each);
        const writes = each.writes.map((write) => ({ path: write.path, after: write.after === null ? null : Buffer.from(write.after).toString("base64") }));
        const run = await execa(process.execPath, [child, dir, String(killAt)], { input: JSON.stringify(writes), reject: false });
        const done = run.stderr.split("\n").filter(Boolean);
        // The kill lands before call `killAt`; the commit point is the removal of the journal file.
        const finished = done.some((line) => /^unlink .*journal\.json$/.test(line));
        expect(run.signal === "SIGKILL" || run.exitCode === 0, run.stderr).toBe(true);
        const afterKill = snapshotDir(dir, (file) => file.startsWith(".scaffold"));
        if (finished) expect(afterKill).toEqual(planned);
        recoverInterruptedCommit(dir);
        expect(snapshotDir(dir)).toEqual(finished ? planned : before);
      }),
      { numRuns: 12 },
    );
  });
});
