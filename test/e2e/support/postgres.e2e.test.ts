import { expect, it } from "vitest";
import { createFreshDatabase, runSql } from "./postgres.js";

it("creates an empty, uniquely named database that takes writes and drops cleanly", async () => {
  const first = await createFreshDatabase("Harness-Check");
  const second = await createFreshDatabase("Harness-Check");
  try {
    expect(first.name).toMatch(/^harness_check_\d+_[0-9a-f]{8}$/);
    expect(first.url).not.toBe(second.url);
    await runSql(first.url, "CREATE TABLE t (v text); INSERT INTO t VALUES ('a'), ('b')");
    expect(await runSql(first.url, "SELECT v FROM t ORDER BY v")).toBe("a\nb");
    expect(await runSql(second.url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).toBe("0");
  } finally {
    await first.drop();
    await second.drop();
  }
  const left = await runSql("postgres://postgres@127.0.0.1:5432/postgres", `SELECT count(*) FROM pg_database WHERE datname = '${first.name}'`);
  expect(left).toBe("0");
});
