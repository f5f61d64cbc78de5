import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { launchBrowser } from "./browser.js";

it("drives Debian's Chromium against a local page: load, type, click, read back", async () => {
  const server = http.createServer((_request, response) => {
    response.setHeader("content-type", "text/html");
    response.end(`<!doctype html><title>harness</title>
      <input id="box"><button id="go">go</button><p id="out"></p>
      <script>go.onclick = () => { out.textContent = "echo: " + box.value; };</script>`);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(await page.title()).toBe("harness");
    await page.locator("#box").fill("hello");
    await page.locator("#go").click();
    await expect.poll(() => page.locator("#out").textContent()).toBe("echo: hello");
  } finally {
    await browser.close();
    server.close();
  }
});
