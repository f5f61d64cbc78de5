import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { launchBrowser } from "../../support/browser.js";
import { generateMessageId } from "../../support/chat-client.js";

/**
 * The sidebar with softDelete, archive, visibility and pin all on, in Chromium: pin moves a chat to the top,
 * "Make public" gives a link another browser can read, archive moves a chat to the Archived tab and back,
 * delete moves it to the Trash tab, from where it is restored, then deleted forever.
 */
export async function organizeBrowserScenario(baseUrl: string): Promise<void> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/chat`);
    const older = await sendOverApi(page, baseUrl, "organize browser: the older chat");
    const newer = await sendOverApi(page, baseUrl, "organize browser: the newer chat");
    await page.reload();
    await expect.poll(() => listedIds(page)).toEqual([newer, older]);

    // Pin the older chat: it moves to the top, marked as pinned.
    await openActions(page, older);
    await item(page, older).getByTestId("chat-pin").click();
    await expect.poll(() => listedIds(page)).toEqual([older, newer]);
    await expect.poll(() => item(page, older).getByTestId("chat-pin").textContent()).toBe("Unpin");

    // Make it public: another browser (another user) can read it.
    await item(page, older).getByTestId("chat-visibility").click();
    await expect.poll(() => item(page, older).getByTestId("chat-visibility").textContent()).toBe("Make private");
    await item(page, older).getByTestId("chat-copy-link").click();
    await expect.poll(() => item(page, older).locator("output").textContent()).toMatch(/Link copied|\/public\/chat\//);
    await item(page, older).getByTestId("chat-organize-done").click();
    const visitor = await browser.newPage();
    await visitor.goto(`${baseUrl}/public/chat/${older}`);
    await expect.poll(() => visitor.getByTestId("message-list").textContent()).toContain("organize browser: the older chat");
    await visitor.close();

    // Archive the newer chat: it leaves the list for the Archived tab, and comes back when unarchived.
    await openActions(page, newer);
    await item(page, newer).getByTestId("chat-archive").click();
    await expect.poll(() => listedIds(page)).toEqual([older]);
    await page.getByTestId("chat-view-archived").click();
    await expect.poll(() => listedIds(page)).toEqual([newer]);
    await openActions(page, newer);
    await item(page, newer).getByTestId("chat-archive").click();
    await expect.poll(() => listedIds(page)).toEqual([]);
    await page.getByTestId("chat-view-active").click();
    await expect.poll(() => listedIds(page)).toEqual([older, newer]);

    // Delete moves to the Trash tab; restore brings it back; delete forever removes it for good.
    await item(page, newer).hover();
    await item(page, newer).getByTestId("chat-delete").click();
    await item(page, newer).getByTestId("chat-delete-confirm").click();
    await expect.poll(() => listedIds(page)).toEqual([older]);
    await page.getByTestId("chat-view-trash").click();
    await expect.poll(() => trashIds(page)).toEqual([newer]);
    await trashItem(page, newer).getByTestId("trash-restore").click();
    await expect.poll(() => trashIds(page)).toEqual([]);
    await page.getByTestId("chat-view-active").click();
    await expect.poll(() => listedIds(page)).toEqual([older, newer]);
    await item(page, newer).hover();
    await item(page, newer).getByTestId("chat-delete").click();
    await item(page, newer).getByTestId("chat-delete-confirm").click();
    await page.getByTestId("chat-view-trash").click();
    await expect.poll(() => trashIds(page)).toEqual([newer]);
    await trashItem(page, newer).getByTestId("trash-purge").click();
    await trashItem(page, newer).getByTestId("trash-purge-confirm").click();
    await expect.poll(() => trashIds(page)).toEqual([]);
    expect((await page.request.get(`${baseUrl}/api/chats?view=trash`)).ok()).toBe(true);
    expect(((await (await page.request.get(`${baseUrl}/api/chats?view=trash`)).json()) as { chats: unknown[] }).chats).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
}

/** Sends a first message with the browser's session, as the chat page would; returns the new chat's id. */
async function sendOverApi(page: Page, baseUrl: string, text: string): Promise<string> {
  const chatId = randomUUID();
  const response = await page.request.post(`${baseUrl}/api/chat`, {
    data: { id: chatId, message: { id: generateMessageId(), role: "user", parts: [{ type: "text", text }] } },
  });
  expect(response.status(), await response.text()).toBe(200);
  await expect
    .poll(async () => ((await (await page.request.get(`${baseUrl}/api/chats/${chatId}`)).json()) as { messages?: unknown[] }).messages?.length)
    .toBe(2);
  return chatId;
}

const item = (page: Page, chatId: string) => page.locator(`[data-testid="chat-item"][data-chat-id="${chatId}"]:visible`);
const trashItem = (page: Page, chatId: string) => page.locator(`[data-testid="trash-item"][data-chat-id="${chatId}"]:visible`);

async function openActions(page: Page, chatId: string): Promise<void> {
  await item(page, chatId).hover();
  await item(page, chatId).getByTestId("chat-more").click();
}

function listedIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid="chat-item"]:visible').evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-chat-id") ?? ""));
}

function trashIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid="trash-item"]:visible').evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-chat-id") ?? ""));
}
