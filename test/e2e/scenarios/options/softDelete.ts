import { expect } from "vitest";
import { ChatClient } from "../../support/chat-client.js";
import { call, chatWithOneTurn, ids, list, listAll, ok, patch, type OrganizedChat } from "./organize-support.js";

const chatRoute = (chatId: string, suffix = ""): string => `/api/chats/${encodeURIComponent(chatId)}${suffix}`;

/**
 * Deleting moves a chat to the trash: it leaves the list and every read and write (404), is listed in the
 * trash (most recently deleted first, paged by cursor), comes back with its messages on restore, and is gone
 * for good once purged. Only a chat in the trash can be purged; nobody else can see or touch the trash.
 * Sends three messages.
 */
export async function softDeleteScenario(baseUrl: string): Promise<void> {
  const owner = new ChatClient(baseUrl);
  const first = await chatWithOneTurn(owner, "softDelete: the first chat");
  const second = await chatWithOneTurn(owner, "softDelete: the second chat");

  expect((await owner.remove(first)).status).toBe(204);
  expect((await owner.remove(first)).status, "deleting a deleted chat").toBe(404);

  // Gone from the list and from every read and write.
  expect(ids(await listAll(owner, {}, 10))).not.toContain(first);
  expect(ids(await listAll(owner, {}, 10))).toContain(second);
  expect((await owner.getChat(first)).status).toBe(404);
  expect((await owner.getMessages(first)).status).toBe(404);
  expect((await owner.rename(first, "renamed in the trash")).status).toBe(404);
  const sent = await owner.sendMessage(first, "softDelete: writing into the trash");
  expect(sent.status, sent.body).toBe(404);

  // Listed in the trash, with the time it was deleted.
  const trash = (await list(owner, { view: "trash" })).chats;
  expect(ids(trash)).toEqual([first]);
  expect(Date.parse(trash[0]!.deletedAt ?? "")).not.toBeNaN();

  // Nobody else sees or touches it.
  const stranger = new ChatClient(baseUrl);
  expect((await list(stranger, { view: "trash" })).chats).toEqual([]);
  expect((await call(stranger, "POST", chatRoute(first, "/restore"))).status).toBe(404);
  expect((await call(stranger, "DELETE", chatRoute(first, "/purge"))).status).toBe(404);

  // A live chat cannot be purged, nor restored.
  expect((await call(owner, "DELETE", chatRoute(second, "/purge"))).status).toBe(404);
  expect((await call(owner, "POST", chatRoute(second, "/restore"))).status).toBe(404);

  // Restore: back in the list with its messages.
  const restored = ok<{ chat: OrganizedChat }>(await call(owner, "POST", chatRoute(first, "/restore")), "restore");
  expect(restored.chat).toMatchObject({ id: first, deletedAt: null });
  expect((await call(owner, "POST", chatRoute(first, "/restore"))).status, "restoring twice").toBe(404);
  const back = ok<{ messages: Array<{ role: string }> }>(await owner.getChat(first), "GET restored chat");
  expect(back.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
  expect(ids(await listAll(owner, {}, 10))).toContain(first);
  expect((await list(owner, { view: "trash" })).chats).toEqual([]);

  // The trash pages by cursor, most recently deleted first.
  expect((await owner.remove(second)).status).toBe(204);
  expect((await owner.remove(first)).status).toBe(204);
  expect(ids(await listAll(owner, { view: "trash" }, 1))).toEqual([first, second]);

  // Purge: gone for good, messages and all.
  expect((await call(owner, "DELETE", chatRoute(first, "/purge"))).status).toBe(204);
  expect((await call(owner, "DELETE", chatRoute(first, "/purge"))).status, "purging twice").toBe(404);
  expect((await call(owner, "POST", chatRoute(first, "/restore"))).status).toBe(404);
  expect(ids((await list(owner, { view: "trash" })).chats)).toEqual([second]);
  expect((await owner.getChat(first)).status).toBe(404);
  expect((await patch(owner, first, { title: "x" })).status).toBe(404);

  expect((await call(owner, "GET", "/api/chats?view=bin")).status).toBe(400);
}
