import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { launchBrowser } from "../../support/browser.js";

/**
 * search, shares, export, personas, prompts and usage all on, in Chromium, as a person would use them: one chat
 * (two messages in all, so the daily limit is far away) is found by a word in the sidebar search, shared with a
 * visitor who has no cookies and then revoked, exported and imported back as a new chat; the message box is saved
 * as a prompt and picked again; a new persona answers a new chat; every answer shows its tokens.
 */
export async function featuresBrowserScenario(baseUrl: string): Promise<void> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // A word no other chat has, so search finds this run's chat and nothing else.
    const word = `zebra${randomBytes(4).toString("hex")}`;
    const question = `features browser: where does the ${word} live?`;

    // usage: the first answer shows its token line.
    await page.goto(`${baseUrl}/chat`);
    await send(page, question);
    await page.waitForURL(/\/chat\/[^/]+$/, { timeout: 30_000 });
    const chatUrl = page.url();
    const chatId = chatUrl.split("/").pop()!;
    await expect.poll(() => visible(page, "message-usage").last().textContent()).toMatch(/^\d[\d,]* in · \d[\d,]* out · /);

    // search: from another page, the word finds the message, highlighted; the result opens the chat.
    await visible(page, "new-chat").click();
    await page.waitForURL(`${baseUrl}/chat`);
    await visible(page, "chat-search-input").fill(word);
    const hit = visible(page, "chat-search-message").filter({ hasText: word }).first();
    await expect.poll(() => hit.locator("mark").first().textContent(), { timeout: 10_000 }).toMatch(new RegExp(word, "i"));
    await hit.getByRole("link").click();
    await page.waitForURL(chatUrl);
    await expect.poll(() => visible(page, "chat-message").first().textContent()).toContain(question);

    // shares: a link opens the chat in a browser with no cookies; once revoked, it is not found.
    await visible(page, "share-open").click();
    const dialog = visible(page, "share-dialog");
    await dialog.getByTestId("share-create").click();
    const link = dialog.getByLabel("Share link");
    await link.waitFor();
    const shareUrl = await link.inputValue();
    expect(shareUrl).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
    const visitor = await visitorPage(browser, errors);
    await visitor.goto(shareUrl);
    await expect.poll(() => visitor.getByTestId("shared-chat").getByTestId("message-list").textContent()).toContain(question);
    await dialog.getByRole("button", { name: "Revoke" }).click();
    await expect.poll(() => dialog.getByLabel("Share link").count()).toBe(0);
    await visitor.reload();
    await expect.poll(() => visitor.getByRole("heading", { level: 1 }).textContent()).toBe("Shared chat not found");
    expect(await visitor.getByTestId("shared-chat").count()).toBe(0);
    await visitor.context().close();
    await dialog.getByRole("button", { name: "Close" }).click();

    // export: the chat's JSON link downloads a file with the message; importing it adds a new chat.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      visible(page, "chat-export").getByRole("link", { name: "JSON" }).click(),
    ]);
    const file = await download.path();
    expect(await readFile(file, "utf8")).toContain(question);
    const before = await listedIds(page);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), visible(page, "chat-import").click()]);
    await chooser.setFiles(file);
    await expect.poll(() => visible(page, "chat-transfer").getByRole("status").textContent()).toContain("Imported 1 chat.");
    await expect.poll(async () => (await listedIds(page)).filter((id) => !before.includes(id)).length).toBe(1);
    const imported = (await listedIds(page)).find((id) => !before.includes(id))!;
    expect(imported).not.toBe(chatId);
    await expect.poll(() => chatItem(page, imported).textContent()).toContain(word);

    // prompts: the message box is saved as a prompt; picked later, it lands in the empty box.
    const promptText = `features browser prompt: describe the ${word}`;
    const input = visible(page, "chat-input");
    await input.fill(promptText);
    await visible(page, "prompt-picker-toggle").click();
    await visible(page, "prompt-save-start").click();
    await visible(page, "prompt-save").click();
    const option = visible(page, "prompt-option").filter({ hasText: promptText });
    await expect.poll(() => option.count()).toBe(1);
    await visible(page, "prompt-picker-toggle").click();
    await input.fill("");
    await visible(page, "prompt-picker-toggle").click();
    await option.click();
    await expect.poll(() => input.inputValue()).toBe(promptText);
    await expect.poll(() => visible(page, "prompt-picker").count()).toBe(0);
    await input.fill("");

    // personas: made in the manager, picked for a new chat; the answer speaks as it.
    const name = `Captain ${word}`;
    await visible(page, "persona-manage").click();
    const manager = visible(page, "persona-manager");
    await manager.getByTestId("persona-name").last().fill(name);
    await manager.getByTestId("persona-instructions").last().fill("Answer like a ship's captain.");
    await manager.getByTestId("persona-save").last().click();
    await expect.poll(() => manager.getByTestId("persona-item").filter({ hasText: name }).count()).toBe(1);
    await visible(page, "new-chat").click();
    await page.waitForURL(`${baseUrl}/chat`);
    await visible(page, "persona-select").selectOption({ label: name });
    await send(page, "who are you?");
    await page.waitForURL((url) => /\/chat\/[^/]+$/.test(url.pathname) && url.toString() !== chatUrl, { timeout: 30_000 });
    const answer = page.locator('[data-testid="chat-message"][data-role="assistant"]:visible').last();
    await expect.poll(() => answer.locator("p").first().textContent()).toMatch(new RegExp(`^\\(offline model, answering as ${name}\\)`));
    await expect.poll(() => visible(page, "chat-persona").textContent()).toBe(name);
    await expect.poll(() => answer.getByTestId("message-usage").count()).toBe(1);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
}

/** Only visible elements count: Next keeps pages you left mounted but hidden. */
const visible = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`);
const chatItem = (page: Page, chatId: string) => page.locator(`[data-testid="chat-item"][data-chat-id="${chatId}"]:visible`);

/** Types a message and sends it with Enter, then waits for the whole answer (the Stop button is gone). */
async function send(page: Page, text: string): Promise<void> {
  await visible(page, "chat-input").fill(text);
  await visible(page, "chat-input").press("Enter");
  await page.locator('[data-testid="chat-message"][data-role="assistant"]:visible').last().waitFor({ timeout: 30_000 });
  await expect.poll(() => visible(page, "chat-stop").count(), { timeout: 30_000 }).toBe(0);
}

/** Someone else: a fresh context, so no cookies and no session. */
async function visitorPage(browser: Browser, errors: string[]): Promise<Page> {
  const visitor = await (await browser.newContext()).newPage();
  visitor.on("pageerror", (error) => errors.push(`visitor: ${error.message}`));
  return visitor;
}

function listedIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid="chat-item"]:visible').evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-chat-id") ?? ""));
}
