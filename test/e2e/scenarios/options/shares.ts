import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ChatClient } from "../../support/chat-client.js";
import { fetchAs, sendAndSettle, textOf, userIdOf, type StoredMessage } from "./transfer-support.js";

interface Share {
  token: string;
  url: string;
  path: string;
  mode: "snapshot" | "live";
  viewCount: number;
  createdAt: string;
}

interface Shared {
  title: string;
  mode: string;
  sharedAt: string;
  messages: StoredMessage[];
  nextCursor: string | null;
}

async function share(owner: ChatClient, chatId: string, body: unknown): Promise<Share> {
  const reply = await fetchAs(owner, `/api/chats/${chatId}/shares`, { method: "POST", body: JSON.stringify(body) });
  expect(reply.status, reply.text).toBe(201);
  return reply.json<Share>();
}

/** A public read: a client with no cookie at all, like a visitor who never opened the app. */
async function readShared(baseUrl: string, token: string): Promise<{ status: number; text: string; body: Shared }> {
  const reply = await fetchAs(new ChatClient(baseUrl), `/api/shared/${token}`);
  return { status: reply.status, text: reply.text, body: (reply.status === 200 ? reply.json<Shared>() : null) as Shared };
}

/**
 * Snapshot and live links: the snapshot keeps the messages of its moment, the live one follows the chat; both
 * are readable without a session and carry no owner or chat id; views are counted; only the owner lists and
 * revokes; revoked, unknown and deleted-chat links are 404. Sends two messages.
 */
export async function sharesScenario(baseUrl: string): Promise<void> {
  const owner = new ChatClient(baseUrl);
  const chatId = randomUUID();
  const before = await sendAndSettle(owner, chatId, "shares: what is a snapshot?", 2);
  const ownerId = userIdOf(owner);

  const snapshot = await share(owner, chatId, { mode: "snapshot" });
  expect(snapshot.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(snapshot).toMatchObject({ mode: "snapshot", viewCount: 0, path: `/share/${snapshot.token}` });
  expect(snapshot.url).toBe(new URL(`/share/${snapshot.token}`, baseUrl).toString());
  const live = await share(owner, chatId, { mode: "live" });
  expect(live.token).not.toBe(snapshot.token);
  expect((await fetchAs(owner, `/api/chats/${chatId}/shares`, { method: "POST", body: JSON.stringify({ mode: "public" }) })).status).toBe(400);

  const first = await readShared(baseUrl, snapshot.token);
  expect(first.status, first.text).toBe(200);
  expect(Object.keys(first.body).sort()).toEqual(["messages", "mode", "nextCursor", "sharedAt", "title"]);
  expect(first.body).toMatchObject({ title: before.chat.title, mode: "snapshot" });
  expect(first.body.messages.map(textOf)).toEqual(before.messages.map(textOf));
  // Nothing of the owner: neither the chat id nor the user id appears anywhere in the answer.
  expect(first.text).not.toContain(chatId);
  expect(first.text).not.toContain(ownerId);

  const after = await sendAndSettle(owner, chatId, "shares: and a live link?", 4);
  const snapshotAgain = await readShared(baseUrl, snapshot.token);
  expect(snapshotAgain.body.messages.map(textOf)).toEqual(before.messages.map(textOf));
  const liveRead = await readShared(baseUrl, live.token);
  expect(liveRead.status, liveRead.text).toBe(200);
  expect(liveRead.body.mode).toBe("live");
  expect(liveRead.body.messages.map(textOf)).toEqual(after.messages.map(textOf));
  expect(liveRead.text).not.toContain(ownerId);

  // The public page renders without a session and shows the messages.
  const page = await fetchAs(new ChatClient(baseUrl), `/share/${live.token}`);
  expect(page.status).toBe(200);
  expect(page.text).toContain("shares: and a live link?");
  expect(page.text).not.toContain(chatId);
  expect(page.headers.getSetCookie().join(";")).not.toContain("chat_session");

  // The page counts no view on the server (a render can run twice); its script reports one, like this.
  expect((await fetchAs(new ChatClient(baseUrl), `/api/shared/${live.token}`, { method: "POST" })).status).toBe(204);

  // View counts: two reads of the snapshot, one API read and one page view of the live link.
  const listed = await fetchAs(owner, `/api/chats/${chatId}/shares`);
  expect(listed.status, listed.text).toBe(200);
  const counts = Object.fromEntries(listed.json<{ shares: Share[] }>().shares.map((s) => [s.token, s.viewCount]));
  expect(counts).toEqual({ [snapshot.token]: 2, [live.token]: 2 });

  // Someone else: may read the link, may not list or revoke.
  const stranger = new ChatClient(baseUrl);
  expect((await fetchAs(stranger, `/api/chats/${chatId}/shares`)).status).toBe(404);
  expect((await fetchAs(stranger, `/api/shares/${snapshot.token}`, { method: "DELETE" })).status).toBe(404);
  expect((await readShared(baseUrl, snapshot.token)).status).toBe(200);

  // Revoked, unknown and malformed links are 404; revoking twice is fine.
  expect((await fetchAs(owner, `/api/shares/${snapshot.token}`, { method: "DELETE" })).status).toBe(204);
  expect((await fetchAs(owner, `/api/shares/${snapshot.token}`, { method: "DELETE" })).status).toBe(204);
  expect((await readShared(baseUrl, snapshot.token)).status).toBe(404);
  expect((await fetchAs(new ChatClient(baseUrl), `/api/shared/${snapshot.token}`, { method: "POST" })).status).toBe(404);
  expect((await readShared(baseUrl, "A".repeat(43))).status).toBe(404);
  expect((await readShared(baseUrl, "not-a-token")).status).toBe(404);
  const remaining = (await fetchAs(owner, `/api/chats/${chatId}/shares`)).json<{ shares: Share[] }>().shares;
  expect(remaining.map((s) => s.token)).toEqual([live.token]);

  // Once the chat is deleted (or in the trash), its links are gone too.
  expect((await owner.remove(chatId)).status).toBe(204);
  expect((await readShared(baseUrl, live.token)).status).toBe(404);
}
