import { describe, expect, it } from "vitest";
import { emptyManifest, parseManifest, recordBlueprint, recordTasks, serializeManifest } from "../../../src/manifest/manifest.js";
import { finishedRecord, mergeRecords, outstandingRecords, pendingRecord, reportedState, runningRecord } from "../../../src/manifest/task-records.js";
import type { Task } from "../../../src/tasks/task.js";

const task = (title: string, ...args: string[]): Task => ({ title, command: "npx", args, hint: "", needsInstall: true });
const install = task("Install", "install");
const migrate = task("Migrate", "drizzle-kit", "generate");

describe("task records", () => {
  it("a run's own tasks come first and keep an earlier failure's state; what is left of earlier runs follows", () => {
    const earlier = [finishedRecord(pendingRecord(install), "done"), finishedRecord(pendingRecord(migrate), "failed")];
    expect(outstandingRecords(earlier).map((record) => record.title)).toEqual(["Migrate"]);
    expect(mergeRecords([install], earlier).map((record) => `${record.title}: ${record.state}`)).toEqual(["Install: pending", "Migrate: failed"]);
    expect(mergeRecords([install, install], []).length).toBe(1);
  });

  it("a running record reads as running while its process lives and as interrupted once it is gone", () => {
    const running = runningRecord(pendingRecord(install));
    expect(running).toMatchObject({ state: "running", pid: process.pid });
    expect(reportedState(running)).toBe("running");
    expect(reportedState({ ...running, pid: 2 ** 22 + 12345 })).toBe("interrupted");
    expect(reportedState({ ...running, host: "another-host" })).toBe("interrupted");
  });

  it("round-trips through the manifest, which leaves the key out when there are none (older manifests read the same)", () => {
    const applied = recordBlueprint(emptyManifest(), "bp", { version: "1.0.0", options: {}, files: {}, edits: {} });
    expect(serializeManifest(applied)).not.toContain("tasks");
    const withTasks = recordTasks(applied, "bp", [pendingRecord(install)]);
    expect(parseManifest(serializeManifest(withTasks)).blueprints["bp"]?.tasks).toEqual([pendingRecord(install)]);
  });
});
