// Commits the writes read from stdin (contents in base64) with the BUILT commit step, printing each
// file-system call to stderr as it completes, and SIGKILLs itself before call number <n> (or, given
// `@<operation>:<path suffix>`, before the first such call): a target exactly as a scaffold process killed
// at that moment leaves it. Usage: node kill-at-fs-call.mjs <dir> <n> < writes.json
import { readFileSync, writeSync } from "node:fs";
import path from "node:path";

const [dir, n] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, "..", "..");
const { commitChanges } = await import(path.join(root, "dist", "src", "commit", "commit-changes.js"));
const writes = JSON.parse(readFileSync(0, "utf8")).map((write) => ({ path: write.path, after: write.after === null ? null : Buffer.from(write.after, "base64") }));
let calls = 0;
let previous = null;
commitChanges(dir, writes, {
  beforeFsCall: (operation, file) => {
    if (previous) writeSync(2, `${previous}\n`);
    const [op, suffix] = n.startsWith("@") ? n.slice(1).split(":") : [];
    if (op ? operation === op && file.endsWith(suffix) : calls === Number(n)) process.kill(process.pid, "SIGKILL");
    calls += 1;
    previous = `${operation} ${file}`;
  },
});
if (previous) writeSync(2, `${previous}\n`);
