import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ChatClient } from "../../support/chat-client.js";
import { expectError, expectStatus } from "./json-calls.js";

interface Prompt {
  id: string;
  title: string;
  content: string;
  category: string | null;
  tags: string[];
  visibility: "private" | "public";
  usageCount: number;
  mine: boolean;
  createdAt: string;
  updatedAt: string;
}
interface PromptPage {
  prompts: Prompt[];
  nextCursor: string | null;
}

/**
 * The prompt library over HTTP: create (with normalized tags), list mine and public with filters and keyset
 * pages, read, edit, use (counted atomically), delete; a private prompt is invisible to another user, a public
 * one readable but not writable; invalid input is a 400 JSON error. Tags are unique per run, so the scenario
 * holds in an app other scenarios share.
 */
export async function promptsScenario(baseUrl: string): Promise<void> {
  const owner = new ChatClient(baseUrl);
  const other = new ChatClient(baseUrl);
  const tag = `t-${randomUUID().slice(0, 8)}`;

  const { prompt: secret } = await expectStatus<{ prompt: Prompt }>(owner, 201, "POST", "/api/prompts", {
    title: "  Code \n review ",
    content: "Review this code for bugs:\n",
    category: " dev ",
    tags: [" TS ", "review", "ts", ""],
  });
  expect(secret).toMatchObject({ title: "Code review", category: "dev", tags: ["ts", "review"], visibility: "private", usageCount: 0, mine: true });
  expect(secret.content).toBe("Review this code for bugs:\n");

  const { prompt: shared } = await expectStatus<{ prompt: Prompt }>(owner, 201, "POST", "/api/prompts", {
    title: "Summarize",
    content: "Summarize the text below in three bullet points.",
    tags: [tag.toUpperCase()],
    visibility: "public",
  });
  expect(shared).toMatchObject({ tags: [tag], visibility: "public", category: null, mine: true });

  // Mine: both, last edited first; the category filter narrows it.
  const mine = await expectStatus<PromptPage>(owner, 200, "GET", "/api/prompts?scope=mine");
  expect(mine.prompts.map((prompt) => prompt.id)).toEqual([shared.id, secret.id]);
  const dev = await expectStatus<PromptPage>(owner, 200, "GET", "/api/prompts?scope=mine&category=dev");
  expect(dev.prompts.map((prompt) => prompt.id)).toEqual([secret.id]);
  const byTag = await expectStatus<PromptPage>(owner, 200, "GET", "/api/prompts?tag=%20TS");
  expect(byTag.prompts.map((prompt) => prompt.id)).toEqual([secret.id]);

  // Someone else: the private prompt does not exist for them, the public one is readable, neither is writable.
  for (const [method, route, body] of [
    ["GET", `/api/prompts/${secret.id}`],
    ["PATCH", `/api/prompts/${secret.id}`, { title: "mine now" }],
    ["DELETE", `/api/prompts/${secret.id}`],
    ["POST", `/api/prompts/${secret.id}/use`],
    ["PATCH", `/api/prompts/${shared.id}`, { title: "mine now" }],
    ["DELETE", `/api/prompts/${shared.id}`],
  ] as const) {
    await expectError(other, 404, "not_found", method, route, body);
  }
  const seen = await expectStatus<{ prompt: Prompt }>(other, 200, "GET", `/api/prompts/${shared.id}`);
  expect(seen.prompt).toMatchObject({ id: shared.id, mine: false, title: "Summarize" });
  expect(seen.prompt).not.toHaveProperty("ownerId");
  const theirs = await expectStatus<PromptPage>(other, 200, "GET", "/api/prompts?scope=mine");
  expect(theirs.prompts).toEqual([]);
  const publicForOther = await expectStatus<PromptPage>(other, 200, "GET", `/api/prompts?scope=public&tag=${tag}`);
  expect(publicForOther.prompts.map((prompt) => prompt.id)).toEqual([shared.id]);

  // Uses at the same moment are all counted; each returns the content.
  const uses = await Promise.all([
    expectStatus<{ prompt: Prompt }>(other, 200, "POST", `/api/prompts/${shared.id}/use`),
    expectStatus<{ prompt: Prompt }>(other, 200, "POST", `/api/prompts/${shared.id}/use`),
    expectStatus<{ prompt: Prompt }>(owner, 200, "POST", `/api/prompts/${shared.id}/use`),
  ]);
  expect(uses.map((use) => use.prompt.content)).toEqual(Array(3).fill(shared.content));
  expect(uses.map((use) => use.prompt.usageCount).sort()).toEqual([1, 2, 3]);

  // Public: most used first, in keyset pages; a cursor of one scope is refused by the other.
  const { prompt: unused } = await expectStatus<{ prompt: Prompt }>(other, 201, "POST", "/api/prompts", {
    title: "Translate",
    content: "Translate into French:",
    tags: [tag],
    visibility: "public",
  });
  const first = await expectStatus<PromptPage>(owner, 200, "GET", `/api/prompts?scope=public&tag=${tag}&limit=1`);
  expect(first.prompts.map((prompt) => [prompt.id, prompt.usageCount])).toEqual([[shared.id, 3]]);
  expect(first.nextCursor).toEqual(expect.any(String));
  const second = await expectStatus<PromptPage>(owner, 200, "GET", `/api/prompts?scope=public&tag=${tag}&limit=1&cursor=${first.nextCursor}`);
  expect(second.prompts.map((prompt) => [prompt.id, prompt.mine])).toEqual([[unused.id, false]]);
  expect(second.nextCursor).toBeNull();
  await expectError(owner, 400, "invalid_cursor", "GET", `/api/prompts?scope=mine&cursor=${first.nextCursor}`);

  // Edit: only the fields sent change; an empty category clears it; using is not editing.
  const { prompt: edited } = await expectStatus<{ prompt: Prompt }>(owner, 200, "PATCH", `/api/prompts/${secret.id}`, {
    category: "",
    tags: [],
    visibility: "public",
  });
  expect(edited).toMatchObject({ title: "Code review", content: secret.content, category: null, tags: [], visibility: "public" });
  expect(Date.parse(edited.updatedAt)).toBeGreaterThanOrEqual(Date.parse(secret.updatedAt));
  const usedNotEdited = await expectStatus<{ prompt: Prompt }>(owner, 200, "GET", `/api/prompts/${shared.id}`);
  expect(usedNotEdited.prompt.updatedAt).toBe(shared.updatedAt);
  expect(usedNotEdited.prompt.usageCount).toBe(3);
  await expectStatus(other, 200, "GET", `/api/prompts/${secret.id}`);

  // Invalid input: 400 with a JSON error, nothing stored.
  const invalid: unknown[] = [
    { title: "", content: "x" },
    { title: "x", content: "   " },
    { title: "x", content: "y".repeat(8_001) },
    { title: "x".repeat(121), content: "y" },
    { title: "x", content: "y", tags: Array.from({ length: 11 }, (_, i) => `tag${i}`) },
    { title: "x", content: "y", tags: ["z".repeat(33)] },
    { title: "x", content: "y", visibility: "friends" },
    { title: "x", content: "y", category: "c".repeat(41) },
    [],
  ];
  for (const body of invalid) await expectError(owner, 400, "invalid_request", "POST", "/api/prompts", body);
  await expectError(owner, 400, "invalid_json", "POST", "/api/prompts", "{not json");
  await expectError(owner, 400, "invalid_request", "PATCH", `/api/prompts/${secret.id}`, {});
  await expectError(owner, 400, "invalid_request", "GET", "/api/prompts?scope=everyone");
  await expectError(owner, 400, "invalid_cursor", "GET", "/api/prompts?cursor=bm90LWpzb24");
  await expectError(owner, 404, "not_found", "GET", "/api/prompts/not%20an%20id");
  const after = await expectStatus<PromptPage>(owner, 200, "GET", "/api/prompts?scope=mine");
  expect(after.prompts).toHaveLength(2);

  // Delete: gone for everybody.
  await expectStatus(owner, 204, "DELETE", `/api/prompts/${shared.id}`);
  await expectError(owner, 404, "not_found", "GET", `/api/prompts/${shared.id}`);
  await expectError(other, 404, "not_found", "POST", `/api/prompts/${shared.id}/use`);
  const remaining = await expectStatus<PromptPage>(other, 200, "GET", `/api/prompts?scope=public&tag=${tag}`);
  expect(remaining.prompts.map((prompt) => prompt.id)).toEqual([unused.id]);
}
