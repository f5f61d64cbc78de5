import { expect } from "vitest";
import { ChatClient } from "../../support/chat-client.js";
import { chatWithOneTurn, ids, listAll, ok, patch, type OrganizedChat } from "./organize-support.js";

/**
 * Archiving hides a chat from the main list and lists it under `view=archived`; it stays readable, and
 * unarchiving brings it back. Only the owner can archive. Sends two messages.
 */
export async function archiveScenario(baseUrl: string): Promise<void> {
  const owner = new ChatClient(baseUrl);
  const kept = await chatWithOneTurn(owner, "archive: a chat that stays");
  const archived = await chatWithOneTurn(owner, "archive: a chat to archive");

  const result = ok<{ chat: OrganizedChat }>(await patch(owner, archived, { archived: true }), "archive");
  expect(result.chat).toMatchObject({ id: archived, archived: true });

  const active = ids(await listAll(owner, {}, 10));
  expect(active).toContain(kept);
  expect(active).not.toContain(archived);
  expect(ids(await listAll(owner, { view: "active" }, 10))).toEqual(active);
  expect(ids(await listAll(owner, { view: "archived" }, 1))).toEqual([archived]);
  // Archived is not deleted: the chat still opens.
  expect((await owner.getChat(archived)).status).toBe(200);

  // Someone else's chat behaves like a missing one.
  const stranger = new ChatClient(baseUrl);
  expect((await patch(stranger, archived, { archived: false })).status).toBe(404);
  expect(await listAll(stranger, { view: "archived" }, 10)).toEqual([]);

  // Bad input is a 400, not a silent no-op.
  expect((await patch(owner, archived, {})).status).toBe(400);
  expect((await patch(owner, archived, { archived: "no" })).status).toBe(400);

  const back = ok<{ chat: OrganizedChat }>(await patch(owner, archived, { archived: false }), "unarchive");
  expect(back.chat.archived).toBe(false);
  expect(ids(await listAll(owner, {}, 10))).toContain(archived);
  expect(await listAll(owner, { view: "archived" }, 10)).toEqual([]);
}
