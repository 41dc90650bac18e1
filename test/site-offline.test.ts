// The site must build and run on a closed network: build the real docs/ root with every
// outbound connection blocked (test/support/no-network.cjs), then check that the built pages
// and scripts do not point the browser at a CDN, a web font or the DuckDB extension server.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { tableFromJSON, tableToIPC } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, chromiumPath, closeBrowser, openPage, serveStatic } from "./support/browser.js";
import { builtSite, MARKER, observable, offlineEnv, run, type Run } from "./support/site.js";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// Hosts the browser must never be sent to.
const FORBIDDEN = ["https://cdn.jsdelivr.net", "cdn.jsdelivr.net/npm", "fonts.googleapis", "fonts.gstatic", "extensions.duckdb.org"];

// Known inert mentions: duckdb-wasm's getJsDelivrBundles() builds jsDelivr URLs, but Framework
// never calls it (it passes its own bundle URLs from _npm/). Keyed by file pattern and the exact
// minified text around the mention; anything else fails the test.
const ALLOWED = [{ file: /^_npm\/@duckdb\/duckdb-wasm@[^/]+\/[^/]+\.js$/, text: '"https://cdn.jsdelivr.net/npm/".concat(' }];

function isAllowed(file: string, text: string, index: number, needle: string): boolean {
  return ALLOWED.some((a) => {
    const offset = a.text.indexOf(needle);
    return offset >= 0 && a.file.test(file) && text.startsWith(a.text, index - offset);
  });
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(path.join(dir, entry.name), relative)));
    else files.push(relative);
  }
  return files;
}

function hasPages(dir: string): boolean {
  return readdirSync(dir, { withFileTypes: true }).some((entry) =>
    entry.isDirectory() ? !entry.name.startsWith(".") && hasPages(path.join(dir, entry.name)) : entry.name.endsWith(".md")
  );
}

describe("site build on a closed network", () => {
  let outDir: string;
  let vendor: Run;
  let build: Run;
  let files: string[] = [];

  beforeAll(async () => {
    expect(hasPages(path.join(projectDir, "docs")), "docs/ has no pages to build").toBe(true);
    // built once per run for every test file that needs the site (test/support/site.ts)
    ({ dir: outDir, vendor, build } = await builtSite());
    if (existsSync(outDir)) files = await listFiles(outDir);
  }, 900_000);

  it("fills Framework's npm cache from node_modules without the network", () => {
    expect(vendor.output).not.toContain(MARKER);
    expect(vendor.code, vendor.output).toBe(0);
  });

  it("builds docs/ with exit 0 and no outbound connection", () => {
    const blocked = build.output.split("\n").filter((line) => line.includes(MARKER));
    expect(blocked, build.output.slice(-4000)).toEqual([]);
    expect(build.code, build.output.slice(-4000)).toBe(0);
    expect(files).toContain("index.html");
  });

  it("vendors the libraries into the output instead of linking a CDN", () => {
    // Every page loads Framework's client and runtime from the site itself.
    expect(files.some((f) => /^_observablehq\/client\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /^_observablehq\/runtime\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
    // A page using DuckDB gets its wasm and workers from _npm/, not from jsDelivr.
    if (files.some((f) => f.startsWith("_observablehq/stdlib/duckdb."))) {
      expect(files.filter((f) => /^_npm\/@duckdb\/duckdb-wasm@[^/]+\/dist\/duckdb-(mvp|eh)\.wasm$/.test(f))).toHaveLength(2);
      expect(files.filter((f) => /^_npm\/@duckdb\/duckdb-wasm@[^/]+\/dist\/duckdb-browser-(mvp|eh)\.worker\.[0-9a-f]{8}\.js$/.test(f))).toHaveLength(2);
    }
  });

  it("has no runtime reference to a CDN, a web font or the DuckDB extension server", async () => {
    const found: string[] = [];
    for (const file of files) {
      if (!/\.(html|js|css|json)$/.test(file)) continue; // wasm binaries: see OFFLINE.md
      const text = await readFile(path.join(outDir, file), "utf-8");
      for (const needle of FORBIDDEN) {
        for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
          const context = text.slice(Math.max(0, i - 40), i + 80);
          if (isAllowed(file, text, i, needle)) continue;
          found.push(`${file}: …${context}…`);
        }
      }
      // Anything the browser would load by itself from another origin.
      if (file.endsWith(".html")) {
        for (const match of text.matchAll(/<(script|link|img|iframe|source|video|audio)\b[^>]*\b(src|href)=["']?((https?:)?\/\/[^"'\s>]+)/gi)) {
          const tag = match[0];
          if (match[1]!.toLowerCase() === "link" && !/\brel=["']?(stylesheet|preload|modulepreload|preconnect|icon|manifest)/i.test(tag)) continue;
          found.push(`${file}: ${tag}`);
        }
      }
      if (file.endsWith(".js")) {
        for (const match of text.matchAll(/\b(?:from|import)\s*\(?\s*["'`]((?:https?:)?\/\/[^"'`]+)["'`]/g)) {
          found.push(`${file}: import of ${match[1]}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});

// The real pages may not use every library yet; this probe does, so the offline npm cache is
// proven for Plot, Inputs, d3, htl, Arrow, Parquet and DuckDB (sql and DuckDBClient) whatever
// docs/ holds. It is built from a temporary root with the project's own config, then opened in
// Chromium with every non-loopback request aborted.
const PROBE_PAGE = `---
title: 离线探针
sql:
  probe: data/probe.json
---

# 离线探针

\`\`\`js
const rows = FileAttachment("data/probe.json").json();
const arrow = FileAttachment("data/probe.arrow").arrow();
const parquet = FileAttachment("data/probe.parquet").parquet();
\`\`\`

\`\`\`js
display(Plot.plot({marginLeft: 90, x: {label: "完成率 (%)"}, marks: [Plot.barX(rows, {x: "rate", y: "dept"})]}))
\`\`\`

\`\`\`js
display(Inputs.table(rows))
\`\`\`

<p id="libs">d3 ${"${d3.sum(rows, (d) => d.tasks)}"}；Arrow ${"${arrow.numRows}"}；Parquet ${"${parquet.numRows}"}</p>

\`\`\`sql id=summary
SELECT count(*)::INTEGER AS n, max(rate) AS top FROM probe
\`\`\`

<p id="sql">SQL ${"${summary.toArray()[0].n}"} ${"${summary.toArray()[0].top}"}</p>

\`\`\`js
const db = DuckDBClient.of({monthly: arrow, depts: rows, jsonfile: FileAttachment("data/probe.json"), arrowfile: FileAttachment("data/probe.arrow")});
\`\`\`

\`\`\`js
const counts = db.query("SELECT (SELECT sum(done) FROM monthly)::INTEGER AS done, (SELECT count(*) FROM jsonfile)::INTEGER AS j, (SELECT count(*) FROM arrowfile)::INTEGER AS a, (SELECT count(*) FROM depts)::INTEGER AS d");
\`\`\`

<p id="client">DuckDBClient ${"${counts.toArray()[0].done}"} ${"${counts.toArray()[0].j}"} ${"${counts.toArray()[0].a}"} ${"${counts.toArray()[0].d}"}</p>

\`\`\`js
display(html\`<p id="htl">htl <b>中文</b></p>\`)
\`\`\`
`;

const PROBE_ROWS = [
  { dept: "发展改革委", rate: 92.5, tasks: 40 },
  { dept: "财政局", rate: 81, tasks: 21 },
  { dept: "教育局", rate: 67.3, tasks: 33 }
];

describe("library probe on a closed network", () => {
  let dir: string;
  let vendor: Run;
  let build: Run;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "luoshi-probe-"));
    const src = path.join(dir, "src");
    await mkdir(path.join(src, "data"), { recursive: true });
    await writeFile(path.join(src, "index.md"), PROBE_PAGE);
    await writeFile(path.join(src, "data", "probe.json"), JSON.stringify(PROBE_ROWS));
    const monthly = tableFromJSON([{ month: "2025-01", done: 12 }, { month: "2025-02", done: 19 }]);
    await writeFile(path.join(src, "data", "probe.arrow"), tableToIPC(monthly, "stream"));
    const db = await DuckDBInstance.create(":memory:");
    const connection = await db.connect();
    const parquet = path.join(src, "data", "probe.parquet").replaceAll("'", "''");
    await connection.run(`COPY (SELECT i AS quarter, i * 10 AS value FROM range(1, 5) t(i)) TO '${parquet}' (FORMAT parquet)`);
    connection.closeSync();
    // The project's config (fonts, head, DuckDB settings), with this root and output and without
    // the real site's pages and stylesheet; Framework loads it with tsx, as an ES module.
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
    await writeFile(
      path.join(dir, "observablehq.config.ts"),
      `import base from ${JSON.stringify(pathToFileURL(path.join(projectDir, "observablehq.config.ts")).href)};\n` +
        `export default {...base, root: ${JSON.stringify(src)}, output: ${JSON.stringify(path.join(dir, "dist"))},` +
        ` pages: [], dynamicPaths: [], style: undefined, theme: "air"};\n`
    );
    // (LUOSHI_CONFIG_ONLY: the site's own loader cache is not this probe's to claim or clear)
    const env = offlineEnv({ LUOSHI_CONFIG_ONLY: "1" });
    vendor = await run([path.join(projectDir, "scripts", "offline-cache.mjs"), "--root", src, "--quiet"], env);
    build = await run([observable, "build"], env, dir);
  }, 600_000);

  afterAll(async () => {
    await closeBrowser();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("builds with exit 0 and no outbound connection", () => {
    expect(vendor.code, vendor.output).toBe(0);
    const output = vendor.output + build.output;
    expect(output.split("\n").filter((line) => line.includes(MARKER)), output.slice(-4000)).toEqual([]);
    expect(build.code, build.output.slice(-4000)).toBe(0);
  });

  it("renders Plot, Inputs, Arrow, Parquet and DuckDB results in Chromium without the network", async () => {
    expect(chromiumAvailable(), `Chromium not found at ${chromiumPath}: apt-get install -y chromium fonts-wqy-microhei`).toBe(true);
    const server = await serveStatic(path.join(dir, "dist"));
    try {
      const opened = await openPage(server.url, { timeout: 60_000 });
      try {
        const { page } = opened;
        const text = async (selector: string) => {
          await page.waitForFunction((s) => !/loading/i.test(document.querySelector(s)?.textContent ?? "loading"), selector, { timeout: 60_000 }).catch(() => {});
          return (await page.locator(selector).textContent())?.replace(/\s+/g, " ").trim();
        };
        expect(await text("#libs")).toBe("d3 94；Arrow 2；Parquet 4");
        expect(await text("#sql")).toBe("SQL 3 92.5");
        expect(await text("#client")).toBe("DuckDBClient 31 3 2 3");
        expect(await text("#htl")).toBe("htl 中文");
        expect(await page.locator("svg[class^='plot'] rect").count()).toBe(3);
        expect(await page.locator("form table tbody tr").count()).toBe(3);
        expect(await page.locator(".observablehq--error").count()).toBe(0);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
        expect(opened.problems()).toEqual([]);
        expect(opened.report.requests.some((u) => /\/duckdb-(eh|mvp)\.wasm$/.test(u))).toBe(true);
      } finally {
        await opened.close();
      }
    } finally {
      await server.close();
    }
  }, 180_000);
});
