// Helpers for browser tests of the built site: a static file server for dist-site on 127.0.0.1,
// and Debian's Chromium driven by playwright-core, with every request to a host outside the
// loopback range aborted and recorded (the site must work on a closed network).
import { existsSync } from "node:fs";
import path from "node:path";
import { resolveSiteFile, serveStatic as serveSite, type StaticServer } from "../../src/serve.js";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const siteDir = path.join(projectDir, "dist-site");
export { resolveSiteFile, type StaticServer };
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run"
];

/** Serves `dir` (default: dist-site) on 127.0.0.1 at a random free port. */
export const serveStatic = (dir: string = siteDir): Promise<StaticServer> => serveSite(dir);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** True for URLs that leave the machine (http, https, ws, wss to a non-loopback host). */
export function isOutsideUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return /^(https?|wss?|ftp):$/.test(parsed.protocol) && !isLoopbackHost(parsed.hostname);
}

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath);
}

let sharedBrowser: Promise<Browser> | undefined;

/** Launches (once) the system Chromium. */
export function launchBrowser(): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH)`);
  }
  return (sharedBrowser ??= chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS }));
}

export async function closeBrowser(): Promise<void> {
  const browser = sharedBrowser;
  sharedBrowser = undefined;
  if (browser) await (await browser).close();
}

export interface PageReport {
  /** console.error() messages */
  consoleErrors: string[];
  /** uncaught exceptions and unhandled rejections */
  pageErrors: string[];
  /** requests that failed at the network level or got an HTTP status of 400 or more */
  failedRequests: string[];
  /** requests to hosts outside the loopback range (all aborted) */
  outsideRequests: string[];
  /** requests the page itself canceled after a successful response (not problems) */
  canceledRequests: string[];
  /** every request URL, in order */
  requests: string[];
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  report: PageReport;
  /** Everything that went wrong so far, one line each (empty when the page is clean). */
  problems(): string[];
  /** Full-page PNG screenshot. */
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenPageOptions {
  /** Viewport, default 1280×900. */
  viewport?: { width: number; height: number };
  /** Milliseconds to wait for the page to settle, default 30 000. */
  timeout?: number;
}

/**
 * Opens `url` in a fresh browser context and waits until the page has settled: the network is
 * idle and no Framework cell is still loading. Requests to non-loopback hosts are aborted and
 * recorded in `report.outsideRequests`.
 */
export async function openPage(url: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const { viewport = { width: 1280, height: 900 }, timeout = 30_000 } = options;
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport, locale: "zh-CN", serviceWorkers: "block" });
  const report: PageReport = { consoleErrors: [], pageErrors: [], failedRequests: [], outsideRequests: [], canceledRequests: [], requests: [] };
  // Route on the context, so that requests from workers (DuckDB's) are caught too.
  await context.route(
    (u) => isOutsideUrl(u.href),
    (route) => {
      report.outsideRequests.push(route.request().url());
      return route.abort("blockedbyclient");
    }
  );
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") {
      const { url: source, lineNumber } = message.location();
      report.consoleErrors.push(`${message.text()}${source ? ` (${source}:${lineNumber})` : ""}`);
    }
  });
  page.on("pageerror", (error) => report.pageErrors.push(error.stack ?? String(error)));
  context.on("request", (request) => report.requests.push(request.url()));
  context.on("requestfailed", async (request) => {
    if (isOutsideUrl(request.url())) return; // already in outsideRequests
    const error = request.failure()?.errorText ?? "failed";
    // A body the page stopped reading after a good response (DuckDB's wasm streaming compile,
    // Arrow's stream reader) ends as net::ERR_ABORTED: that is the page's choice, not a failure.
    const response = await request.response().catch(() => null);
    if (error === "net::ERR_ABORTED" && response && response.status() < 400) {
      report.canceledRequests.push(request.url());
      return;
    }
    report.failedRequests.push(`${request.url()}: ${error}`);
  });
  context.on("response", (response) => {
    if (response.status() >= 400) report.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });

  await page.goto(url, { waitUntil: "load", timeout });
  await settle(page, timeout);

  return {
    page,
    context,
    report,
    problems: () => [
      ...report.consoleErrors.map((m) => `console error: ${m}`),
      ...report.pageErrors.map((m) => `page error: ${m}`),
      ...report.failedRequests.map((m) => `failed request: ${m}`),
      ...report.outsideRequests.map((m) => `request outside the machine: ${m}`)
    ],
    screenshot: async (file: string) => {
      await page.screenshot({ path: file, fullPage: true });
    },
    close: () => context.close()
  };
}

/** Waits for network idle and for Framework's loading placeholders to go away (best effort). */
export async function settle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout }).catch(() => {});
  await page
    .waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, { timeout })
    .catch(() => {});
  await page.waitForLoadState("networkidle", { timeout }).catch(() => {});
}
