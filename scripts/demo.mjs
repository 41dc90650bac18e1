// `npm start`: the site on the bundled sample data, in a folder of its own (tmp/demo/), so that it never touches the
// warehouse and archive of real work (data/warehouse.duckdb, data/archive/). Rebuilt from scratch on every run: the
// task tables and holiday calendar copied from data/, the synthetic monthly files of data/samples/ loaded with their
// simulated receipt times, then Framework's preview judged at 2019-01-10 (LUOSHI_AS_OF overrides). Arguments are
// passed to the preview (`npm start -- --port 3917`).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const demo = join(root, "tmp", "demo");
const data = join(demo, "data");
const db = join(demo, "warehouse.duckdb");
const cli = join(root, "bin", "luoshi.js");

/** Runs a command with the terminal's output; its exit code. */
function run(command, args, env = process.env) {
  const r = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

console.error(`演示站点：在 ${demo} 中用示例数据建仓库（不影响 data/warehouse.duckdb 与 data/archive/）`);
rmSync(demo, { recursive: true, force: true });
mkdirSync(data, { recursive: true });
cpSync(join(root, "data", "policies"), join(data, "policies"), { recursive: true });
cpSync(join(root, "data", "calendar.csv"), join(data, "calendar.csv"));

if (run(process.execPath, [cli, "build", "--data", data, "--db", db]) !== 0) fail("演示仓库建立失败，见上文。");
console.error("\n载入示例月报（合成）：其中有意包含迟报、缺报、更正重报、整个被拒绝的文件和多种行级错误，下面的 ✗ 与 ! 是演示的一部分。");
// (exit 1: some rows rejected, 2: some files rejected — both on purpose here)
const loaded = run(process.execPath, [cli, "ingest", "--schedule", join(root, "data", "samples", "schedule.csv"), "--data", data, "--db", db]);
if (loaded > 2) fail("示例月报载入失败，见上文。");

const env = { ...process.env, LUOSHI_DB: db, LUOSHI_DATA: data, LUOSHI_AS_OF: process.env.LUOSHI_AS_OF ?? "2019-01-10", OBSERVABLE_TELEMETRY_DISABLE: "true" };
if (run(process.execPath, [join(root, "scripts", "offline-cache.mjs"), "--clean-loader-cache"], env) !== 0) fail("站点准备失败，见上文。");
console.error(`\n站点判断日期 ${env.LUOSHI_AS_OF}；地址见下面 ↳ 一行（端口被占用时自动换用下一个）。`);
process.exit(run(process.execPath, [join(root, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js"), "preview", "--no-open", ...process.argv.slice(2)], env));
