import { defineConfig } from "vitest/config";

/**
 * Two projects: `unit` (units, blueprint plans on fixtures, the built CLI on temp dirs; seconds) and `e2e`
 * (generated apps installed, built, started and driven over HTTP and in Chromium; minutes, one at a time).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "test/blueprint/**/*.test.ts", "test/cli/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.e2e.test.ts"],
          testTimeout: 15 * 60_000,
          hookTimeout: 15 * 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
