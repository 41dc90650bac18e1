import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {claimLoaderCache, loaderInputs, refreshLoaderCache} from "./src/loadercache.ts";
import {sitePaths} from "./src/sitepaths.ts";

// The libraries the pages import come from node_modules, bundled into Framework's npm cache by `npm run docs:vendor`
// (npm start, site:build and docs:build run it): a plain `npx observable build` on a fresh clone would otherwise
// fetch them from a CDN, and fail offline with a stack trace.
if (!existsSync(fileURLToPath(new URL("./docs/.observablehq/cache/_npm", import.meta.url)))) {
  console.error("[luoshi] 首次生成站点：正在由 node_modules 准备离线使用的前端库（npm run docs:vendor）…");
  execFileSync(process.execPath, [fileURLToPath(new URL("./scripts/offline-cache.mjs", import.meta.url)), "--quiet"], {stdio: "inherit"});
}

// Framework's anonymous telemetry would call out to events.observablehq.com: off for every build and preview, a plain
// `npx observable build` typed by hand too (closed networks; Framework reads the variable at its first event, after
// this file).
process.env.OBSERVABLE_TELEMETRY_DISABLE ||= "true";

// LUOSHI_AS_OF checked before Framework empties the output folder: a typo (2020-6-30) would leave no site at all.
const asOf = process.env.LUOSHI_AS_OF;
if (asOf && !(/^\d{4}-\d{2}-\d{2}$/.test(asOf) && !Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)) && new Date(`${asOf}T00:00:00Z`).toISOString().startsWith(asOf))) {
  console.error(`[luoshi] LUOSHI_AS_OF「${asOf}」不是有效的日期：请写成 YYYY-MM-DD（如 2020-06-30）。站点未生成，已有的站点未改动。`);
  process.exit(64);
}

// The data loaders' cached output is dropped whenever what they read changed (another LUOSHI_DB, a load into the
// warehouse, another as-of date, a recompiled library): Framework itself only compares the loader files' times. Two
// processes at once on other warehouses or dates (npm start's demo preview, a build of the real site) would share
// it, each serving the other's figures: the second one stops, saying so.
// (LUOSHI_CONFIG_ONLY: a project of its own that imports this config for its settings, the offline test's probe, has
// nothing to do with the site's cache)
const docsRoot = fileURLToPath(new URL("./docs", import.meta.url));
// (what the loaders read, walked once for both steps)
const inputs = process.env.LUOSHI_CONFIG_ONLY ? null : loaderInputs();
const other = inputs === null ? null : claimLoaderCache(docsRoot, inputs);
if (other) {
  console.error(`[luoshi] 另一个站点预览或生成（进程 ${other.pid}）正在使用另一个数据仓库或核对日期（${other.db}，核对日期 ${other.asOf}），` +
    `两者共用站点数据的缓存（docs/.observablehq/cache），同时运行会使页面显示对方的数据：请先停止它（如 npm start 打开的预览：在其终端按 Ctrl+C），再运行本命令。站点未生成，已有的站点未改动。`);
  process.exit(3);
}
if (inputs !== null && refreshLoaderCache(docsRoot, inputs)) console.error("[luoshi] 数据仓库、核对日期或程序有变化：已清除站点数据的缓存，将重新生成");

// Observable Framework 1.13.4 configuration for the 落实 luoshi site.
// The site must build, preview and run with no network at all (see OFFLINE.md): nothing here
// may point at a CDN, a web font or the DuckDB extension server.

// A system CJK font stack instead of Framework's default Google Fonts stylesheet.
const fonts = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif`;

/** The part of markdown-it's API the heading rule uses (Framework passes its own instance). */
type MarkdownToken = { type: string; content: string; children: MarkdownToken[] | null; attrGet(name: string): string | null; attrSet(name: string, value: string): void };
type MarkdownItLike = { core: { ruler: { push(name: string, rule: (state: { tokens: MarkdownToken[] }) => boolean): void } } };

export default {
  root: "docs",
  // LUOSHI_SITE_OUTPUT lets tests build into a temporary directory.
  output: process.env.LUOSHI_SITE_OUTPUT || "dist-site",
  title: "落实 luoshi",
  // Framework 1.13.4 ignores `lang` (it always writes <html> without it); the script in `head`
  // below sets it, so that browsers pick Simplified Chinese glyphs and hyphenation.
  lang: "zh-CN",

  pages: [
    {name: "总览", path: "/"},
    {name: "督查通报", path: "/briefing"},
    {name: "部门工作量", path: "/workload"},
    {name: "跨部门协同", path: "/network"},
    {name: "目标清单", path: "/targets"},
    {name: "文本核对", path: "/reconcile"},
    {name: "目标进度", path: "/progress"},
    {name: "报送情况", path: "/reporting"},
    {name: "数据质量", path: "/quality"},
    {name: "数据字典", path: "/dictionary"},
    {name: "使用指南", open: true, pages: [{name: "任务分解表格式", path: "/guide/task-table"}, {name: "报送自查", path: "/guide/check"}, {name: "报送指南", path: "/guide/reporting"}]}
  ],
  // One page per annex row and per department, listed from the warehouse.
  dynamicPaths: sitePaths,
  pager: false,
  style: "style.css",

  toc: { show: true, label: "本页目录" },
  // Framework's heading ids leave Chinese out (「## 协同部门」 gets id "" or "-2"): such a heading takes its own text
  // as its id, so that the contents and a link to a section name it and stay put.
  markdownIt: (md: MarkdownItLike) => {
    md.core.ruler.push("luoshi_heading_ids", (state) => {
      const seen = new Set<string>();
      const headings = state.tokens.flatMap((t, i) => (t.type === "heading_open" ? [[t, state.tokens[i + 1]] as const] : []));
      for (const [open] of headings) {
        const id = open.attrGet("id");
        if (id !== null && !/^-?\d*$/.test(id)) seen.add(id);
      }
      for (const [open, inline] of headings) {
        const id = open.attrGet("id");
        if (id !== null && !/^-?\d*$/.test(id)) continue;
        const text = (inline?.children ?? []).filter((c) => c.type === "text" || c.type === "code_inline").map((c) => c.content).join("").trim().replace(/\s+/g, "-");
        if (text === "") continue;
        let slug = text;
        for (let n = 2; seen.has(slug); n++) slug = `${text}-${n}`;
        seen.add(slug);
        open.attrSet("id", slug);
      }
      return true;
    });
    return md;
  },
  // Without this Framework adds a fonts.googleapis.com stylesheet (and a preconnect) to every page.
  globalStylesheets: [],
  // (an empty icon: without one every first visit asks for /favicon.ico, a 404 in the console)
  // Framework and Observable Inputs write some hover texts in English (the sidebar toggle with its shortcut, the copy
  // button of code, a table header's column key such as department_name): the script gives them in Chinese, a table
  // header its own heading.
  head: `<script>document.documentElement.lang = "zh-CN";
(() => {
  const zh = {"Toggle sidebar": "显示或隐藏侧栏", "Copy code": "复制代码"};
  const fix = (el) => {
    const title = el.getAttribute("title");
    if (title === null) return;
    const english = Object.keys(zh).find((e) => title.startsWith(e));
    if (english !== undefined) el.setAttribute("title", zh[english] + title.slice(english.length));
    else if (el.tagName === "TH" && el.closest("form[class$='-table']")) {
      const text = el.textContent.replace(/[▴▾]/g, "").trim();
      if (text !== "" && text !== title) el.setAttribute("title", text);
    }
  };
  new MutationObserver((records) => {
    for (const r of records) if (r.type === "attributes") fix(r.target); else for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      if (n.hasAttribute("title")) fix(n);
      for (const el of n.querySelectorAll("[title]")) fix(el);
    }
  }).observe(document.documentElement, {childList: true, subtree: true, attributes: true, attributeFilter: ["title"]});
  // a table of Observable Inputs adds its rows as it is scrolled: before printing, every row (the print style lets the
  // table grow to its full height, which would otherwise end at the rows drawn so far)
  addEventListener("beforeprint", () => {
    for (const form of document.querySelectorAll("form[class$='-table']")) {
      for (let k = 0; k < 10000; k++) {
        const drawn = form.querySelectorAll("tbody tr").length;
        form.scrollTop = form.scrollHeight;
        form.dispatchEvent(new Event("scroll"));
        if (form.querySelectorAll("tbody tr").length === drawn) break;
      }
      form.scrollTop = 0;
    }
  });
})();</script>
<link rel="icon" href="data:,">
<style>
:root {
  --serif: ${fonts};
  --sans-serif: ${fonts};
}
</style>`,
  footer: "落实 luoshi：政策任务分解、目标与月度进展。本站点可在无网络环境下完整使用。",
  search: false,

  // DuckDB-Wasm would otherwise download its json and parquet extensions from
  // extensions.duckdb.org at build time and load them in the browser. Without them,
  // FileAttachment .arrow and .json (and arrays/Arrow tables) still work in `sql` and
  // DuckDBClient; read_parquet()/JSON SQL functions do not (see OFFLINE.md).
  duckdb: {
    extensions: { json: null, parquet: null }
  }
};
