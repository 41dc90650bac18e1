// Observable Framework 1.13.4 configuration for the 落实 luoshi site.
// The site must build, preview and run with no network at all (see OFFLINE.md): nothing here
// may point at a CDN, a web font or the DuckDB extension server.

// A system CJK font stack instead of Framework's default Google Fonts stylesheet.
const fonts = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif`;

export default {
  root: "docs",
  // LUOSHI_SITE_OUTPUT lets tests build into a temporary directory.
  output: process.env.LUOSHI_SITE_OUTPUT || "dist-site",
  title: "落实 luoshi",
  // Framework 1.13.4 ignores `lang` (it always writes <html> without it); the script in `head`
  // below sets it, so that browsers pick Simplified Chinese glyphs and hyphenation.
  lang: "zh-CN",

  // pages: [ ... ]  ← the sidebar list goes here. While it is undefined, Framework lists the
  // pages it finds in docs/ itself.

  theme: "air",
  toc: { show: true, label: "本页目录" },
  // Without this Framework adds a fonts.googleapis.com stylesheet (and a preconnect) to every page.
  globalStylesheets: [],
  head: `<script>document.documentElement.lang = "zh-CN";</script>
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
