#!/usr/bin/env node
// npm run docs:build: the site built into a folder beside the published one and put in its place only once the build
// has succeeded, so that `luoshi serve` keeps serving the old site during the build (Framework empties its output
// folder first) and a failed or interrupted build leaves it as it was. The output is LUOSHI_SITE_OUTPUT, default
// dist-site; the folder beside it is <output>.building-<pid> (one left by a build killed outright is removed by the next).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { processAlive } from "../dist/src/lock.js";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const output = resolve(root, process.env.LUOSHI_SITE_OUTPUT || "dist-site");
const building = `${output}.building-${process.pid}`;
const old = `${output}.old-${process.pid}`;
const env = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" };

// (folders of builds no longer running)
if (existsSync(dirname(output))) {
  for (const name of readdirSync(dirname(output))) {
    const m = name.startsWith(`${basename(output)}.`) && /\.(?:building|old)-(\d+)$/.exec(name);
    if (m && !processAlive(Number(m[1]))) rmSync(join(dirname(output), name), { recursive: true, force: true });
  }
}
// Ctrl+C reaches Framework too, which stops: the failed build is then cleaned up below
process.on("SIGINT", () => {});
process.on("SIGTERM", () => {});

const step = (args, extra = {}) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...env, ...extra } });
  return r.status ?? 1;
};

let status = step([join(root, "scripts", "offline-cache.mjs"), "--clean-loader-cache"]);
if (status === 0) status = step([join(root, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js"), "build"], { LUOSHI_SITE_OUTPUT: building });
if (status !== 0 || !existsSync(join(building, "index.html"))) {
  rmSync(building, { recursive: true, force: true });
  console.error(`[luoshi] 站点生成失败或被中断（见上方的原因）：${existsSync(output) ? `已有的站点 ${output} 未改动` : "没有生成站点"}。`);
  process.exit(status === 0 ? 1 : status);
}
try {
  if (existsSync(output)) renameSync(output, old);
  try {
    renameSync(building, output);
  } catch (e) {
    if (existsSync(old)) renameSync(old, output);
    throw e;
  }
} catch {
  // (the output folder cannot be renamed, a mount point say: its contents are replaced instead)
  rmSync(old, { recursive: true, force: true });
  if (existsSync(output)) for (const name of readdirSync(output)) rmSync(join(output, name), { recursive: true, force: true });
  cpSync(building, output, { recursive: true });
  rmSync(building, { recursive: true, force: true });
}
rmSync(old, { recursive: true, force: true });
console.error(`[luoshi] 站点已生成：${output}`);
