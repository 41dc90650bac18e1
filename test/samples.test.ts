import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { generateSamples, loadReference, SAMPLES_DIR, SYNTHETIC, type Samples } from "../scripts/generate-samples.js";
import { readXlsxGrid } from "../src/ingest/index.js";
import { PACKAGE_ROOT } from "../src/paths.js";
import { buildWarehouse } from "../src/build.js";
import { openWarehouse, query } from "../src/warehouse.js";
import { copyData } from "./support/fixtures.js";

// The demo data in data/samples/ is the generator's output, and loads exactly as designed.
let fixture: ReturnType<typeof copyData>;
let db: string;
let ref: Awaited<ReturnType<typeof loadReference>>;
let samples: Samples;
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

beforeAll(async () => {
  fixture = copyData();
  db = join(fixture.dir, "w.duckdb");
  await buildWarehouse({ data: fixture.data, db });
  ref = await loadReference(db);
  samples = await generateSamples(ref);
}, 120_000);

describe("demo data (data/samples)", () => {
  it("is deterministic, and the committed files are exactly its output (else: npm run samples)", async () => {
    const again = await generateSamples(ref);
    expect(again.files.map((f) => [f.name, sha(f.bytes)])).toEqual(samples.files.map((f) => [f.name, sha(f.bytes)]));
    expect(again.schedule).toBe(samples.schedule);
    expect(again.expected).toEqual(samples.expected);

    const committed = readdirSync(SAMPLES_DIR).sort();
    expect(committed).toEqual([...samples.files.map((f) => f.name), "schedule.csv"].sort());
    const stale = samples.files.filter((f) => sha(readFileSync(join(SAMPLES_DIR, f.name))) !== sha(f.bytes)).map((f) => f.name);
    expect(stale, "data/samples is out of date: run npm run samples").toEqual([]);
    expect(readFileSync(join(SAMPLES_DIR, "schedule.csv"), "utf8")).toBe(samples.schedule);
  }, 120_000);

  it("every file is marked synthetic (name 示例-…, and 示例数据（合成） in a title row or a 备注 column); total size stays small", async () => {
    let total = 0;
    for (const f of samples.files) {
      total += f.bytes.length;
      expect(f.name.startsWith("示例-")).toBe(true);
      let text: string;
      if (f.name.endsWith(".xlsx")) {
        const read = await readXlsxGrid(f.bytes);
        if ("error" in read) throw new Error(`${f.name}: ${read.error.message}`);
        text = read.grid.flat().join(",");
      } else {
        const utf8 = new TextDecoder("utf-8", { fatal: false }).decode(f.bytes);
        text = utf8.includes("\uFFFD") ? iconv.decode(Buffer.from(f.bytes), "gbk") : utf8;
      }
      expect(text, f.name).toContain(SYNTHETIC);
    }
    expect(total).toBeLessThan(2_000_000);
    const kinds = new Set(samples.files.map((f) => (f.name.endsWith(".xlsx") ? "xlsx" : f.bytes[0] === 0xef ? "bom" : new TextDecoder().decode(f.bytes).includes("\uFFFD") ? "gbk" : "utf8")));
    expect([...kinds].sort()).toEqual(["bom", "gbk", "utf8", "xlsx"]);
  });

  it("loaded with luoshi ingest --schedule: exactly the designed files and rows are rejected, the designed row is flagged", async () => {
    const env = { ...process.env, LUOSHI_DB: db, LUOSHI_DATA: fixture.data, LUOSHI_LOCK_WAIT_MS: "60000" };
    const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "ingest", "--schedule", join(SAMPLES_DIR, "schedule.csv"), "--json"], {
      env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024,
    });
    expect(r.status, r.stderr).toBe(2); // two files are rejected whole, on purpose
    type Summary = { file: string; status: string; file_error: { code: string } | null; rejects: { row: number; code: string }[]; flags: { row: number }[] };
    const summaries = JSON.parse(r.stdout) as Summary[];
    expect(summaries.map((s) => s.file)).toEqual(samples.files.map((f) => f.name));

    const fileRejects = summaries.filter((s) => s.status === "file_rejected").map((s) => ({ file: s.file, code: s.file_error!.code }));
    expect(fileRejects).toEqual(samples.expected.fileRejects);
    const key = (x: { file: string; row: number; code?: string }) => `${x.file} 第${x.row}行 ${x.code ?? ""}`.trim();
    const rejects = summaries.flatMap((s) => s.rejects.map((x) => key({ file: s.file, row: x.row, code: x.code }))).sort();
    expect(rejects).toEqual(samples.expected.rejects.map(key).sort());
    const flags = summaries.flatMap((s) => s.flags.map((x) => key({ file: s.file, row: x.row }))).sort();
    expect(flags).toEqual(samples.expected.flags.map(key).sort());
    // the codes the 报送指南 promises are all exercised
    expect(new Set(samples.expected.rejects.map((x) => x.code))).toEqual(new Set([
      "E_NEGATIVE", "E_NOT_A_NUMBER", "E_UNKNOWN_CODE", "E_NOT_REPORTER", "E_BAD_STATUS", "E_DUPLICATE_KEY", "E_UNIT_MISMATCH",
      "E_PERIOD_IN_FUTURE", "E_BAD_PERIOD", "E_REQUIRED", "E_UNKNOWN_DEPARTMENT",
    ]));

    const wh = await openWarehouse(db);
    try {
      const [counts] = (await query(wh.connection, `SELECT (SELECT count(*) FROM observations) AS observations,
          (SELECT count(DISTINCT department_id) FROM observations) AS departments,
          (SELECT count(*) FROM observation_history WHERE version > 1) AS revised,
          (SELECT count(*) FROM receipts) AS receipts`)).rows;
      expect(Number(counts!.observations)).toBeGreaterThan(400);
      expect(Number(counts!.departments)).toBe(new Set(ref.reporters.map((x) => x.department)).size);
      expect(Number(counts!.revised)).toBeGreaterThanOrEqual(2);
      expect(Number(counts!.receipts)).toBe(samples.files.length - samples.expected.fileRejects.length);
      // the 三年内 target (1000 家) is on its way at the end of 2018, neither done nor stalled
      const [long] = (await query(wh.connection, `SELECT o.value, t.value AS target FROM observations o JOIN targets t USING (target_id)
        WHERE t.code = 'CX75-06-02' AND o.period = '2018-12'`)).rows;
      if (long) expect(Number(long.value) / Number(long.target)).toBeGreaterThan(0.5);
      if (long) expect(Number(long.value) / Number(long.target)).toBeLessThan(1);
    } finally {
      wh.close();
    }
  }, 600_000);
});
