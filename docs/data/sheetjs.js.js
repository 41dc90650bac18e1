// 报送自查 page: the reader of old Excel 97–2003 workbooks (.xls), SheetJS Community Edition (npm @e965/xlsx,
// Apache-2.0), as one ES module of the site. The page loads it only when an .xls is dropped (src/ingest/xls.ts).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

try {
  const stdin = { contents: 'export * from "@e965/xlsx";', resolveDir: fileURLToPath(new URL("../..", import.meta.url)) };
  const result = await build({ stdin, bundle: true, format: "esm", platform: "browser", target: "es2022", minify: true, legalComments: "inline", write: false, logLevel: "silent" });
  process.stdout.write(result.outputFiles[0].contents);
} catch (e) {
  console.error(`数据加载器失败：无法打包 .xls 读取代码：${e.message}`);
  process.exit(1);
}
