#!/usr/bin/env node
// npm run docs:build: the site built into a folder beside the published one and put in its place only once the build
// has succeeded, so that `luoshi serve` keeps serving the old site during the build (Framework empties its output
// folder first) and a failed build leaves it as it was. The output is LUOSHI_SITE_OUTPUT, default dist-site.
import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const output = resolve(root, process.env.LUOSHI_SITE_OUTPUT || "dist-site");
const building = `${output}.building-${process.pid}`;
const old = `${output}.old-${process.pid}`;
const env = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" };

const step = (args, extra = {}) => spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...env, ...extra } }).status ?? 1;

let status = step([join(root, "scripts", "offline-cache.mjs"), "--clean-loader-cache"]);
if (status === 0) status = step([join(root, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js"), "build"], { LUOSHI_SITE_OUTPUT: building });
if (status !== 0 || !existsSync(join(building, "index.html"))) {
  rmSync(building, { recursive: true, force: true });
  console.error(`[luoshi] 站点生成失败（见上方的原因）：${existsSync(output) ? `已有的站点 ${output} 未改动` : "没有生成站点"}。`);
  process.exit(status === 0 ? 1 : status);
}
if (existsSync(output)) renameSync(output, old);
renameSync(building, output);
rmSync(old, { recursive: true, force: true });
console.error(`[luoshi] 站点已生成：${output}`);
