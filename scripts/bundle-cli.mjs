// Bundles the compiled CLI (dist/loaders/cli.js) into dist/cli/: one entry file plus chunks that load on demand
// (the build-time modules only when `luoshi build` runs). Node then resolves and compiles a handful of files
// instead of some 200 (the DuckDB API alone is 124 CommonJS files), which halves the start-up of `luoshi ingest`.
// The DuckDB native binding stays outside the bundle and is required from node_modules.
import { build } from "esbuild";
import { rmSync } from "node:fs";

const outdir = new URL("../dist/cli/", import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { luoshi: new URL("../dist/loaders/cli.js", import.meta.url).pathname },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunks/[name]-[hash]",
  external: ["@duckdb/node-bindings"],
  // Bundled CommonJS code calls require(); in an ES module it must be created.
  banner: { js: "import { createRequire as __luoshiCreateRequire } from 'node:module'; const require = __luoshiCreateRequire(import.meta.url);" },
  logLevel: "warning",
});
