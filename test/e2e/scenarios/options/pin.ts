import { expect } from "vitest";
import { ChatClient } from "../../support/chat-client.js";
import { call, chatWithOneTurn, ids, listAll, ok, patch, type OrganizedChat } from "./organize-support.js";

/**
 * Pinned chats come first in the list, and paging through it by cursor keeps that order with no repeats;
 * `pinned=true|false` lists one side only. Only the owner can pin. Sends three messages.
 */
export async function pinScenario(baseUrl: string): Promise<void> {
  const owner = new ChatClient(baseUrl);
  const oldest = await chatWithOneTurn(owner, "pin: the oldest chat");
  const middle = await chatWithOneTurn(owner, "pin: the middle chat");
  const newest = await chatWithOneTurn(owner, "pin: the newest chat");
  expect(ids(await listAll(owner))).toEqual([newest, middle, oldest]);

  const pinned = ok<{ chat: OrganizedChat }>(await patch(owner, oldest, { pinned: true }), "pin");
  expect(pinned.chat).toMatchObject({ id: oldest, pinned: true });

  // One page at a time across the pinned/unpinned boundary, and all at once: the same order.
  expect(ids(await listAll(owner, {}, 1))).toEqual([oldest, newest, middle]);
  expect(ids(await listAll(owner, {}, 10))).toEqual([oldest, newest, middle]);
  expect(ids(await listAll(owner, { pinned: "true" }))).toEqual([oldest]);
  expect(ids(await listAll(owner, { pinned: "false" }))).toEqual([newest, middle]);

  const stranger = new ChatClient(baseUrl);
  expect((await patch(stranger, middle, { pinned: true })).status).toBe(404);
  expect((await call(owner, "GET", "/api/chats?pinned=yes")).status).toBe(400);

  const unpinned = ok<{ chat: OrganizedChat }>(await patch(owner, oldest, { pinned: false }), "unpin");
  expect(unpinned.chat.pinned).toBe(false);
  expect(ids(await listAll(owner))).toEqual([newest, middle, oldest]);
}
