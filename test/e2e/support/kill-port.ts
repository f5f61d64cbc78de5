import { runIn } from "./run-in.js";

/**
 * SIGKILLs every process listening on `port`: a crash, not a shutdown. `next start` hands the socket to a
 * `next-server` child in a session of its own, so the server is found by its port, not by the pid we spawned.
 * Returns the pids killed.
 */
export async function killPortHolders(port: number): Promise<number[]> {
  const { stdout } = await runIn(".", "ss", ["-ltnpH", `sport = :${port}`]);
  const pids = [...new Set([...stdout.matchAll(/pid=(\d+)/g)].map((match) => Number(match[1])))];
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  }
  return pids;
}
