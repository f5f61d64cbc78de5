import { expect } from "vitest";
import { launchBrowser } from "../support/browser.js";

/**
 * Answers in Chromium (against a server started with ANSWERS_SERVER_ENV, a slow offline model): Stop during the
 * first answer of a new chat keeps what was written, marked stopped, and moves to the stored chat; "New chat"
 * then starts an empty one; an answer's Markdown is rendered (bold, a code block with a copy button) and raw
 * HTML in it is not.
 */
export async function answersBrowserScenario(baseUrl: string): Promise<void> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // Next keeps pages you left mounted but hidden, so only visible elements count.
    const input = page.locator('[data-testid="chat-input"]:visible');
    const lastAnswer = page.locator('[data-testid="chat-message"][data-role="assistant"]:visible').last();

    await page.goto(`${baseUrl}/chat`);
    await input.fill(`please repeat ${Array.from({ length: 150 }, (_, i) => `word${i}`).join(" ")}`);
    await input.press("Enter");
    await expect.poll(() => lastAnswer.textContent(), { timeout: 30_000 }).toContain("You asked");
    await page.getByTestId("chat-stop").click();
    // The stopped first answer is stored: the page moves to its chat, which shows it as stopped.
    await page.waitForURL(/\/chat\/[^/]+$/, { timeout: 30_000 });
    await expect.poll(() => lastAnswer.getAttribute("data-finish-reason"), { timeout: 30_000 }).toBe("stopped");
    expect(await lastAnswer.textContent()).not.toContain("word149");
    expect(await lastAnswer.getByTestId("chat-message-ending").textContent()).toBe("Stopped.");

    await page.locator('[data-testid="new-chat"]:visible').click();
    await page.waitForURL(/\/chat$/);
    await expect.poll(() => page.locator('[data-testid="chat-message"]:visible').count()).toBe(0);

    await input.fill("Markdown please:\n```js\nconst answer = 42;\n```\n<img src=x data-injected=yes>");
    await input.press("Enter");
    const markdown = lastAnswer.getByTestId("chat-markdown");
    await expect.poll(() => markdown.locator('strong, [data-streamdown="strong"]').first().textContent(), { timeout: 30_000 }).toBe("You asked:");
    await expect.poll(() => markdown.locator("pre, [data-streamdown='code-block']").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.waitForURL(/\/chat\/[^/]+$/, { timeout: 30_000 });
    await expect.poll(() => markdown.locator('[data-streamdown="code-block-copy-button"]').count()).toBeGreaterThan(0);
    expect(await markdown.textContent()).toContain("const answer = 42;");
    // The raw HTML in the answer is not an element, nor anything standing in for one.
    expect(await page.locator("[data-injected]").count()).toBe(0);
    expect(await markdown.locator("img").count()).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
}
