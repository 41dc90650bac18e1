/**
 * One measurement in a fresh process (so that peak memory belongs to that measurement alone):
 *   node dist/bench/worker.js ours|ours_js|read_csv|read_only <pristine.duckdb> <file.csv> <workdir>
 * Prints one JSON line. The warehouse is a private copy of the pristine bench warehouse.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { archiveDir, ingestLookup, loadMonthlyFile, rejectsCsv, storeArchiveFile, syncManifest } from "../src/monthly.js";
import { readMonthlyFile } from "../src/ingest/index.js";
import { openWarehouse, query } from "../src/warehouse.js";
import { AS_OF, MONTHLY_HEADER } from "./synth.js";

export type WorkerResult = {
  mode: string;
  seconds: number;
  bytes: number;
  rows: number;
  /** Peak resident set size of the whole process (VmHWM), MiB. */
  peakRssMiB: number;
  /** RSS before the timed work (node + DuckDB + warehouse open), MiB. */
  baseRssMiB: number;
  /** Highest RSS sampled every 20 ms during the timed work, MiB. */
  sampledPeakRssMiB: number;
  /** CPU time of the process (all threads, DuckDB's included) during the timed work: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  detail: Record<string, unknown>;
};

const MiB = 1024 * 1024;

function vmHwmMiB(): number {
  try {
    const m = readFileSync("/proc/self/status", "utf8").match(/^VmHWM:\s+(\d+)\s+kB/m);
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux: fall back to the sampled figure
  }
  return NaN;
}

async function main(): Promise<void> {
  const [mode, pristine, file, work] = process.argv.slice(2) as [string, string, string, string];
  mkdirSync(work, { recursive: true });
  const db = join(work, "w.duckdb");
  copyFileSync(pristine, db);
  const data = join(work, "data");
  mkdirSync(data, { recursive: true });
  const bytesOnDisk = statSync(file).size;
  const wh = await openWarehouse(db, { readOnly: false });
  const side = await wh.instance.connect(); // as luoshi ingest: reference data read beside the file
  const baseRss = process.memoryUsage().rss;
  let sampled = baseRss;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 20);
  let rows = 0;
  const detail: Record<string, unknown> = {};
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  try {
    if (mode === "ours" || mode === "ours_js") {
      // exactly what `luoshi ingest FILE --rejects-out R` does for one file, minus printing ("ours_js": the JavaScript reader alone)
      const bytes = readFileSync(file);
      const name = "bench-monthly.csv";
      const summary = await loadMonthlyFile(wh.connection, {
        name, bytes, asOf: AS_OF, receivedAt: "2026-01-05 09:00:00", archiveName: null, maxBytes: Number.MAX_SAFE_INTEGER,
        beforeCommit: (sha256) => storeArchiveFile(data, bytes, sha256, name),
        sourceFor: (sha256) => join(archiveDir(data), storeArchiveFile(data, bytes, sha256, name)), engine: mode === "ours_js" ? "js" : "auto", sideConnection: side,
      });
      await syncManifest(wh.connection, data);
      writeFileSync(join(work, "rejects.csv"), rejectsCsv([summary]));
      rows = summary.rows_read;
      Object.assign(detail, {
        reader: summary.reader, status: summary.status, imported: summary.imported, rejected: summary.rejected, rejects: summary.rejects.length,
        rejected_by_code: summary.rejected_by_code, flagged: summary.flagged,
      });
    } else if (mode === "read_only") {
      // readMonthlyFile alone: decode, parse, header, validation (no warehouse writes)
      const lookup = await ingestLookup(wh.connection, AS_OF);
      const t = performance.now();
      const bytes = readFileSync(file);
      const result = await readMonthlyFile({ name: "bench-monthly.csv", bytes }, lookup.ctx, { maxBytes: Number.MAX_SAFE_INTEGER });
      rows = result.file.rowsRead;
      Object.assign(detail, { lookupSeconds: (t - started) / 1000, accepted: result.rows.length, rejects: result.rejects.length });
    } else if (mode === "read_csv") {
      // DuckDB's own CSV reader into a table of the same warehouse file: dialect and columns pinned, every column VARCHAR
      const columns = `{${MONTHLY_HEADER.map((h) => `'${h}': 'VARCHAR'`).join(", ")}}`;
      await wh.connection.run(`CREATE TABLE bench_read_csv AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}',
        auto_detect = false, header = true, delim = ',', quote = '"', escape = '"', new_line = '\\n', encoding = 'utf-8', columns = ${columns})`);
      rows = Number((await query(wh.connection, "SELECT count(*) AS n FROM bench_read_csv")).rows[0]!.n);
      detail.threads = (await query(wh.connection, "SELECT current_setting('threads') AS t")).rows[0]!.t;
    } else {
      throw new Error(`unknown mode ${mode}`);
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  sampled = Math.max(sampled, process.memoryUsage().rss);
  side.closeSync();
  wh.close();
  const result: WorkerResult = {
    mode, seconds, bytes: bytesOnDisk, rows, peakRssMiB: vmHwmMiB(), baseRssMiB: baseRss / MiB, sampledPeakRssMiB: sampled / MiB,
    cpuSeconds: (cpu.user + cpu.system) / 1e6, detail,
  };
  process.stdout.write(JSON.stringify(result) + "\n");
}

await main();
