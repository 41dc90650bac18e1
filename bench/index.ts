/**
 * `npm run bench`: monthly-report ingest at province scale, against DuckDB's own read_csv of the same file.
 *
 * 1. Writes a synthetic policy (bench/synth.ts) into a temp data folder and builds its own warehouse with
 *    buildWarehouse (never data/ or data/warehouse.duckdb).
 * 2. Writes a 1,000,000-row UTF-8 monthly file (~80 MB, ~1 % bad rows) and a 10,000-row one.
 * 3. Times, each in a fresh process on a private copy of the warehouse: loadMonthlyFile + rejectsCsv (the production
 *    path of `luoshi ingest`: the bulk reader for a file this size), and DuckDB `read_csv` into a table
 *    (auto_detect=false, columns pinned, all VARCHAR); once, the JavaScript reader alone, whose verdicts must match.
 * 4. Times the 10,000-row file end to end through the CLI (`node bin/luoshi.js ingest …`, process start included).
 *
 * Options: --rows N (default 1000000), --runs N (default 3), --cli-runs N (default 5), --keep (keep the temp folder),
 * --reuse DIR (a folder kept by an earlier --keep run with the same --rows: skip writing the policy, warehouse and files).
 * BENCH_NODE_FLAGS is passed to the measured `ours` processes (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildWarehouse } from "../src/build.js";
import { PACKAGE_ROOT } from "../src/paths.js";
import { AS_OF, synthPolicy, writeMonthlyFile, writePolicyDirectory } from "./synth.js";
import type { WorkerResult } from "./worker.js";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    runs: { type: "string", default: "3" },
    "cli-runs": { type: "string", default: "5" },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
  },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const CLI_RUNS = Number(values["cli-runs"]);
const HERE = dirname(fileURLToPath(import.meta.url));
const WORKER = join(HERE, "worker.js");
const CLI = join(PACKAGE_ROOT, "bin", "luoshi.js");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number, digits = 2) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const log = (s: string) => process.stdout.write(s + "\n");

function runWorker(mode: string, pristine: string, file: string, work: string): WorkerResult {
  const flags = mode === "read_csv" ? [] : (process.env.BENCH_NODE_FLAGS ?? "").split(/\s+/).filter(Boolean);
  const r = spawnSync(process.execPath, ["--max-old-space-size=12288", ...flags, WORKER, mode, pristine, file, work], { encoding: "utf8", maxBuffer: 1 << 26 });
  rmSync(work, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`worker ${mode} failed (${r.status}):\n${r.stderr}`);
  const line = r.stdout.trim().split("\n").pop()!;
  return JSON.parse(line) as WorkerResult;
}

async function main(): Promise<void> {
  const work = values.reuse ?? mkdtempSync(join(tmpdir(), "luoshi-bench-"));
  log(`luoshi ingest bench — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${fmt(totalmem() / 2 ** 30, 0)} GiB`);
  log(`work folder: ${work}${values.keep || values.reuse ? " (kept)" : ""}; load average ${loadavg().map((l) => fmt(l, 1)).join(" ")}`);
  try {
    // 1. policy and warehouse
    const data = join(work, "data");
    const policy = synthPolicy();
    const pristine = join(work, "pristine.duckdb");
    const big = join(work, `monthly-${ROWS}.csv`);
    const small = join(work, "monthly-10000.csv");
    let t = performance.now();
    let bigFile: { bytes: number; planted: Record<string, number> };
    let smallFile: { bytes: number };
    if (values.reuse && existsSync(pristine) && existsSync(big) && existsSync(small)) {
      bigFile = { bytes: statSync(big).size, planted: {} };
      smallFile = { bytes: statSync(small).size };
      log(`reusing the policy warehouse and files of ${work}`);
    } else {
      writePolicyDirectory(data, policy);
      await buildWarehouse({ data, db: pristine });
      log(`policy: ${policy.departments.length} departments, ${policy.tasks} annex rows, ${policy.targets.length} targets; buildWarehouse ${fmt((performance.now() - t) / 1000)} s`);
      // 2. monthly files
      t = performance.now();
      bigFile = writeMonthlyFile(big, policy, { rows: ROWS, seed: 2025 });
      smallFile = writeMonthlyFile(small, policy, { rows: 10_000, seed: 11 });
    }
    const MB = bigFile.bytes / 1e6;
    log(`monthly file: ${fmt(ROWS, 0)} rows, ${fmt(MB, 1)} MB (written in ${fmt((performance.now() - t) / 1000)} s); bad rows planted: ${JSON.stringify(bigFile.planted)}`);

    // 3. ours vs read_csv, alternating, each in a fresh process
    const ours: WorkerResult[] = [];
    const duck: WorkerResult[] = [];
    for (let i = 0; i < RUNS; i++) {
      const d = runWorker("read_csv", pristine, big, join(work, `run-d${i}`));
      duck.push(d);
      log(`  run ${i + 1}: read_csv ${fmt(d.seconds)} s, CPU ${fmt(d.cpuSeconds)} s, peak RSS ${fmt(d.peakRssMiB, 0)} MiB (load average ${fmt(loadavg()[0]!, 1)})`);
      const o = runWorker("ours", pristine, big, join(work, `run-o${i}`));
      ours.push(o);
      log(`  run ${i + 1}: ours     ${fmt(o.seconds)} s, CPU ${fmt(o.cpuSeconds)} s, peak RSS ${fmt(o.peakRssMiB, 0)} MiB (load average ${fmt(loadavg()[0]!, 1)})`);
      if (i === 0) log(`    ${JSON.stringify(o.detail)}`);
      if (o.rows !== ROWS || d.rows !== ROWS) throw new Error(`row counts differ: ours ${o.rows}, read_csv ${d.rows}, file ${ROWS}`);
    }
    const jsOnly = runWorker("ours_js", pristine, big, join(work, "run-j"));
    log(`  the JavaScript reader alone (engine "js", the reader of .xlsx, irregular CSV and small files): ${fmt(jsOnly.seconds)} s, CPU ${fmt(jsOnly.cpuSeconds)} s, peak RSS ${fmt(jsOnly.peakRssMiB, 0)} MiB`);
    if (JSON.stringify({ ...jsOnly.detail, reader: null }) !== JSON.stringify({ ...ours[0]!.detail, reader: null })) throw new Error(`the two readers differ: ${JSON.stringify(jsOnly.detail)} against ${JSON.stringify(ours[0]!.detail)}`);

    // 4. 10,000 rows through the CLI, process start included
    const cliTimes: number[] = [];
    let cliStatus: number | null = null;
    for (let i = 0; i < CLI_RUNS; i++) {
      const dir = join(work, `cli-${i}`);
      mkdirSync(join(dir, "data"), { recursive: true });
      copyFileSync(pristine, join(dir, "w.duckdb"));
      const started = performance.now();
      const r = spawnSync(process.execPath, [CLI, "ingest", small, "--db", join(dir, "w.duckdb"), "--data", join(dir, "data"), "--as-of", AS_OF,
        "--rejects-out", join(dir, "rejects.csv")], { encoding: "utf8", maxBuffer: 1 << 26 });
      cliTimes.push((performance.now() - started) / 1000);
      cliStatus = r.status;
      if (r.status !== 1) throw new Error(`luoshi ingest exited ${r.status} (expected 1: some rows rejected):\n${r.stdout.slice(0, 2000)}\n${r.stderr}`);
      rmSync(dir, { recursive: true, force: true });
    }
    const helpTimes: number[] = [];
    for (let i = 0; i < CLI_RUNS; i++) {
      const started = performance.now();
      spawnSync(process.execPath, [CLI, "help"], { encoding: "utf8" });
      helpTimes.push((performance.now() - started) / 1000);
    }

    // report
    const oursS = median(ours.map((r) => r.seconds));
    const duckS = median(duck.map((r) => r.seconds));
    log("");
    const row = (label: string, rs: WorkerResult[]) => {
      const sec = median(rs.map((r) => r.seconds));
      return `| ${label} | ${fmt(sec)} (${rs.map((r) => fmt(r.seconds)).join(", ")}) | ${fmt(median(rs.map((r) => r.cpuSeconds)))} | ${fmt(ROWS / sec, 0)} | ${fmt(MB / sec, 1)} | ${fmt(median(rs.map((r) => r.peakRssMiB)), 0)} MiB |`;
    };
    log(`| ${ROWS.toLocaleString("en-US")} rows, ${fmt(MB, 1)} MB | median s (runs) | CPU s | rows/s | MB/s | peak RSS (VmHWM) |`);
    log("|---|---|---|---|---|---|");
    log(row(`ours: loadMonthlyFile + rejectsCsv (reader: ${String(ours[0]?.detail.reader)})`, ours));
    log(row("ours, the JavaScript reader alone (one run)", [jsOnly]));
    log(row(`DuckDB read_csv (all VARCHAR, ${String(duck[0]?.detail.threads ?? "?")} threads)`, duck));
    log("");
    log(`ratio ours / read_csv: ${fmt(oursS / duckS)} wall (goal ≤ 1.5), ${fmt(median(ours.map((r) => r.cpuSeconds)) / median(duck.map((r) => r.cpuSeconds)))} CPU; load average at the end ${loadavg().map((l) => fmt(l, 1)).join(" ")}`);
    log(`10,000-row file through the CLI (${fmt(smallFile.bytes / 1e6, 2)} MB, exit ${cliStatus}): median ${fmt(cliTimes.map((s) => s * 1000).sort((a, b) => a - b)[Math.floor(cliTimes.length / 2)]!, 0)} ms (${cliTimes.map((s) => fmt(s * 1000, 0)).join(", ")} ms; goal < 1000 ms); \`luoshi help\` alone ${fmt(median(helpTimes) * 1000, 0)} ms`);
  } finally {
    if (!values.keep && !values.reuse) rmSync(work, { recursive: true, force: true });
  }
}

await main();
