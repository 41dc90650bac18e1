// Opens the already built site (dist-site/, from `npm run docs:build`) in Chromium with every
// request outside the machine aborted, and checks the home page loads cleanly. Builds nothing:
// without dist-site/index.html it is skipped.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chromiumAvailable, chromiumPath, closeBrowser, openPage, serveStatic, siteDir } from "./support/browser.js";

const index = path.join(siteDir, "index.html");
const SKIP_NOTE = "dist-site/index.html not found: run `npm run docs:build` first to smoke-test the built site";

describe("built site in Chromium, offline", () => {
  afterAll(async () => {
    await closeBrowser();
  });

  it("opens the home page with no console error, failed request or request outside the machine", async (context) => {
    if (!existsSync(index)) {
      console.warn(`browser-smoke: skipped, ${SKIP_NOTE}`);
      context.skip(SKIP_NOTE);
    }
    expect(chromiumAvailable(), `Chromium not found at ${chromiumPath}: apt-get install -y chromium fonts-wqy-microhei`).toBe(true);
    const server = await serveStatic(siteDir);
    try {
      const opened = await openPage(server.url, { timeout: 60_000 });
      try {
        const { page } = opened;
        expect(await page.locator("#observablehq-main").count()).toBe(1);
        expect((await page.locator("#observablehq-main").textContent())?.trim().length).toBeGreaterThan(0);
        expect(await page.locator(".observablehq--error").allTextContents()).toEqual([]);
        expect(opened.problems()).toEqual([]);
        expect(opened.report.requests.every((u) => u.startsWith(server.url) || /^(data|blob):/.test(u))).toBe(true);
      } finally {
        await opened.close();
      }
    } finally {
      await server.close();
    }
  }, 120_000);
});
