import { describeHolder } from "./lock-holder.js";
import { acquireTargetLock } from "./target-lock.js";

/**
 * Runs a writing command under the target's lock, from before recovery and planning to after its tasks.
 * A read-only run (dry run, --json) takes no lock: taking one would write. It still refuses to read a
 * folder another live run is committing to (see recoverInterruptedCommit).
 */
export async function withTargetLock<T>(
  root: string,
  command: string,
  io: { out(text: string): void },
  readOnly: boolean,
  run: () => Promise<T> | T,
): Promise<T> {
  if (readOnly) return run();
  const lock = acquireTargetLock(root, command);
  if (lock.tookOverFrom) io.out(`note: took over the lock of ${describeHolder(lock.tookOverFrom)}, which is no longer running.\n`);
  try {
    return await run();
  } finally {
    lock.release();
  }
}
