// 报送自查 page: the monthly report checks of `luoshi ingest` (src/ingest/browser.ts: papaparse, read-excel-file —
// the same code) bundled for the browser as one self-contained ES module. The page imports it from its
// FileAttachment URL; it fetches nothing (the .xls reader, sheetjs.js, comes from the site when the page hands it over).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

try {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../../src/ingest/browser.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    // (the reader of old .xls workbooks: its own file, docs/data/sheetjs.js.js, loaded by the page when one is dropped)
    external: ["@e965/xlsx"],
    write: false,
    logLevel: "silent",
  });
  process.stdout.write(result.outputFiles[0].contents);
} catch (e) {
  console.error(`数据加载器失败：无法打包报送检查代码：${e.message}`);
  process.exit(1);
}
