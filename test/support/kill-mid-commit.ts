/**
 * Commits the given writes into a folder and SIGKILLs itself before the Nth write, leaving the target
 * exactly as a killed scaffold process would: half written, with its journal on disk.
 * Usage: node --import jiti/register kill-mid-commit.ts <dir> <n> <writes.json>
 */
import { readFileSync } from "node:fs";
import { commitChanges, type FileWrite } from "../../src/commit/commit-changes.js";

const [dir, n, writesFile] = process.argv.slice(2);
const writes = JSON.parse(readFileSync(writesFile!, "utf8")) as FileWrite[];
commitChanges(dir!, writes, {
  beforeWrite: (index) => {
    if (index === Number(n)) process.kill(process.pid, "SIGKILL");
  },
});
