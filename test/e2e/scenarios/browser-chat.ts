import { expect } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser } from "../support/browser.js";

/**
 * A person in Chromium: sends a message from the start page (`/` of a new app redirects to the chat; an
 * existing app keeps its own home page, so its chat starts at `/chat`), watches the answer stream, reloads (history is
 * server-rendered, so it is in the HTML before any script runs), finds the chat in the sidebar, opens it from
 * there, and deletes it.
 */
export async function runBrowserScenario(baseUrl: string, startPath = "/"): Promise<void> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${baseUrl}${startPath}`);
    await page.getByTestId("chat-input").fill("hello from the browser");
    await page.getByTestId("chat-input").press("Enter");
    const answer = page.locator('[data-testid="chat-message"][data-role="assistant"]:visible').last();
    await answer.waitFor({ timeout: 30_000 });
    await expect.poll(() => answer.textContent(), { timeout: 30_000 }).toContain("hello from the browser");
    await page.waitForURL(/\/chat\/[^/]+$/, { timeout: 30_000 });
    const chatUrl = page.url();
    const chatId = chatUrl.split("/").pop()!;
    // Next keeps pages you left mounted but hidden, so only visible elements count.
    const item = page.locator(`[data-testid="chat-item"][data-chat-id="${chatId}"]:visible`);
    // The new chat joins the sidebar as soon as its first answer is in, without a reload.
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);

    // The history must be in the server's HTML: no loading flash, no fetch on mount.
    const html = await (await page.request.get(chatUrl)).text();
    expect(html).toContain("hello from the browser");
    await page.reload();
    await expect.poll(() => messageRoles(page)).toEqual(["user", "assistant"]);

    await expect.poll(() => item.getByTestId("chat-link").textContent()).toContain("hello from the browser");

    await page.goto(`${baseUrl}${startPath}`);
    await item.getByTestId("chat-link").click();
    await page.waitForURL(chatUrl);
    await expect.poll(() => messageRoles(page)).toEqual(["user", "assistant"]);

    await item.hover();
    await item.getByTestId("chat-delete").click();
    await item.getByTestId("chat-delete-confirm").click();
    await expect.poll(() => item.count()).toBe(0);
    expect((await page.request.get(`${baseUrl}/api/chats/${chatId}`)).status()).toBe(404);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
}

async function messageRoles(page: Page): Promise<string[]> {
  return page.locator('[data-testid="chat-message"]:visible').evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-role") ?? ""));
}
