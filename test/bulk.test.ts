/**
 * The bulk reader (src/bulk.ts: DuckDB's read_csv, the JavaScript rules per distinct text, one INSERT … SELECT) must
 * give exactly what the JavaScript reader gives: the same summary, the same stored rows, rejects, flags and receipts.
 * Random files of many shapes (test/support/monthly-fuzz.ts) go through both, one after another into two copies of
 * one warehouse; and the canonical forms SQL reads itself are held to the JavaScript parsers text by text.
 */
import { DuckDBInstance, listValue } from "@duckdb/node-api";
import iconv from "iconv-lite";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { synthPolicy, writeMonthlyFile, writePolicyDirectory, AS_OF, MONTHLY_HEADER } from "../bench/synth.js";
import { buildWarehouse } from "../src/build.js";
import { JS_WHITESPACE, lastBulkRead, PLAIN_NUMBER, PLAIN_NUMBER_WITH_UNIT, STATUS_FORMS, UNIT_COLUMN_FORMS, VALUE_UNIT_FORMS } from "../src/bulk.js";
import { planCsv } from "../src/ingest/csvplan.js";
import { parseStatus, parseValue } from "../src/ingest/values.js";
import { UNITS } from "../src/targets/units.js";
import { cleanCell } from "../src/ingest/table.js";
import { ingestLookup, loadMonthlyFile, type IngestSummary, type LoadOptions } from "../src/monthly.js";
import { openWarehouse, query } from "../src/warehouse.js";
import { fuzzMonthlyFile } from "./support/monthly-fuzz.js";

const policy = synthPolicy({ departments: 12, tasks: 20, seed: 7, varied: true });
let dir: string;
let pristine: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "luoshi-bulk-"));
  const data = join(dir, "data");
  writePolicyDirectory(data, policy);
  pristine = join(dir, "pristine.duckdb");
  await buildWarehouse({ data, db: pristine });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Load = { name: string; bytes: Uint8Array };

/** The same files loaded into two warehouses, one by each reader (at AS_OF): what each load left, to compare. */
async function bothReaders(name: string, files: Load[]) {
  const js = await session(name, "js");
  const bulk = await session(name, "bulk");
  try {
    return { a: await js.load(files, AS_OF), b: await bulk.load(files, AS_OF) };
  } finally {
    js.close();
    bulk.close();
  }
}

/** One warehouse loaded file after file by one reader; what each load leaves is read back to compare. */
async function session(name: string, engine: "bulk" | "js") {
  const db = join(dir, `${name}-${engine}.duckdb`);
  copyFileSync(pristine, db);
  const wh = await openWarehouse(db, { readOnly: false });
  const side = await wh.instance.connect(); // as luoshi ingest passes it
  let day = 0;
  const q = async (sql: string) => (await query(wh.connection, sql)).rows;
  return {
    /** Loads files in order; returns their summaries (but the reader) and readers, and the rows written. */
    async load(files: Load[], asOf: string, dryRun = false, extra: Partial<LoadOptions> = {}) {
      const [{ last }] = (await q("SELECT coalesce(max(receipt_no), 0) AS last FROM raw.receipts")) as [{ last: number }];
      const summaries: Omit<IngestSummary, "reader">[] = [];
      const readers: (string | null)[] = [];
      for (const f of files) {
        day++;
        const s = await loadMonthlyFile(wh.connection, {
          name: f.name, bytes: f.bytes, asOf, receivedAt: `2026-01-01 09:00:00.${String(day).padStart(6, "0")}`, archiveName: null, engine, dryRun,
          maxBytes: Number.MAX_SAFE_INTEGER, sideConnection: side, ...extra,
        });
        const { reader, ...rest } = s;
        readers.push(reader);
        summaries.push(rest);
      }
      return {
        readers,
        summaries,
        observations: await q(`SELECT * FROM raw.observations WHERE receipt_no > ${last} ORDER BY receipt_no, source_row`),
        rejects: await q(`SELECT * FROM raw.rejects WHERE receipt_no > ${last} ORDER BY ALL`),
        reviewFlags: await q(`SELECT * FROM raw.review_flags WHERE receipt_no > ${last} ORDER BY ALL`),
        receipts: await q(`SELECT * FROM raw.receipts WHERE receipt_no > ${last} ORDER BY receipt_no`),
      };
    },
    current: () => q("SELECT * FROM observations ORDER BY ALL"),
    history: () => q("SELECT * FROM observation_history ORDER BY ALL"),
    close: () => {
      side.closeSync();
      wh.close();
    },
  };
}

describe("the bulk reader gives the JavaScript reader's results", () => {
  const SEEDS = Number(process.env.LUOSHI_FUZZ_SEEDS ?? 60);
  it(`on ${SEEDS} random files and their corrections, one after another into one warehouse`, async () => {
    const js = await session("random", "js");
    const bulk = await session("random", "bulk");
    let bulkRead = 0;
    let files = 0;
    let transcoded = 0;
    const reasons = new Set<string>();
    try {
      for (let seed = 1; seed <= SEEDS; seed++) {
        const first = fuzzMonthlyFile(policy, seed);
        const second = fuzzMonthlyFile(policy, seed + 100_000, {}, first.rows);
        const asOf = seed % 7 === 0 ? "2021-06-30" : AS_OF;
        const dryRun = seed % 11 === 0;
        const a = await js.load([first, second], asOf, dryRun);
        const b = await bulk.load([first, second], asOf, dryRun);
        const context = `seed ${seed}:\n${first.text.slice(0, 600)}`;
        expect(b.summaries, context).toEqual(a.summaries);
        expect(b.observations, context).toEqual(a.observations);
        expect(b.rejects, context).toEqual(a.rejects);
        expect(b.reviewFlags, context).toEqual(a.reviewFlags);
        expect(b.receipts, context).toEqual(a.receipts);
        expect(a.readers.every((r) => r === "js")).toBe(true);
        files += 2;
        for (const f of a.summaries.flatMap((x) => x.flags)) for (const r of f.reason.split("；")) reasons.add(r.replace(/[0-9.]+/g, "N"));
        bulkRead += b.readers.filter((r) => r === "bulk").length;
        transcoded += b.readers.filter((r, k) => r === "bulk" && ["gb18030", "utf-16le"].includes(b.summaries[k]!.encoding ?? "")).length;
      }
      const current = await bulk.current();
      expect(current).toEqual(await js.current());
      expect(await bulk.history()).toEqual(await js.history());
      // rates (增长8%) and changes in percentage points, which may be below zero, were among them
      const signed = new Set(policy.targets.filter((t) => t.kind === "quantity" && t.measure === "increment").map((t) => t.code));
      expect(current.filter((r) => signed.has(String(r.code)) && Number(r.value) < 0).length).toBeGreaterThan(0);
    } finally {
      js.close();
      bulk.close();
    }
    // most files are plain enough for the bulk reader: the comparison is about it, not about the fallback
    expect(bulkRead / files).toBeGreaterThan(0.6);
    expect(transcoded).toBeGreaterThan(3); // GBK and UTF-16 files too, in their UTF-8 form
    // the review flags were compared too: falling figures, unit slips, report dates and 已完成 short of the goal
    expect([...reasons].join("\n")).toMatch(/低于此前已载入的 N-N 的/);
    expect([...reasons].join("\n")).toMatch(/低于本文件中 N-N 的/);
    expect([...reasons].join("\n")).toMatch(/标为已完成/);
    expect([...reasons].join("\n")).toMatch(/超过 N%/);
    // and a cumulative figure in 进展情况 other than the value (累计完成N家 beside N家)
    expect([...reasons].join("\n")).toMatch(/进展情况中写的“累计完成N.*”与累计完成值 N.* 不符/);
  }, Math.max(120_000, SEEDS * 4_000));

  it("on a larger file with many rows of every kind, then its correction", async () => {
    const big = fuzzMonthlyFile(policy, 4242, { rows: 3000, breakStructure: false });
    const correction = fuzzMonthlyFile(policy, 4243, { rows: 2000, breakStructure: false }, big.rows);
    const js = await session("big", "js");
    const bulk = await session("big", "bulk");
    try {
      const a = await js.load([big, correction], AS_OF);
      const b = await bulk.load([big, correction], AS_OF);
      expect(b.readers).toEqual(["bulk", "bulk"]);
      expect(b.summaries).toEqual(a.summaries);
      expect(b.observations).toEqual(a.observations);
      expect(b.rejects).toEqual(a.rejects);
      expect(b.reviewFlags).toEqual(a.reviewFlags);
      expect(await bulk.history()).toEqual(await js.history());
      expect(a.summaries[0]!.rejected).toBeGreaterThan(50);
      expect(a.summaries[1]!.unchanged + a.summaries[1]!.updated).toBeGreaterThan(100);
      expect(a.summaries[1]!.flagged).toBeGreaterThan(0);
      // the INSERT stores the plain rows itself: only the others are read back (a NULL verdict in SQL would send more)
      const alone = await session("big-alone", "bulk");
      await alone.load([big], AS_OF);
      alone.close();
      // (this file is built to be awkward: about half its rows need JavaScript; with a NULL verdict, three quarters did)
      expect(lastBulkRead.storedBySql).toBeGreaterThan(0.6 * lastBulkRead.checkedByJs);
    } finally {
      js.close();
      bulk.close();
    }
  });

  it("reports its progress from 0 to 1 with either reader, never going back, and loads the same as without", async () => {
    const file = fuzzMonthlyFile(policy, 818, { rows: 2500, breakStructure: false });
    for (const engine of ["bulk", "js"] as const) {
      const quiet = await session(`progress-quiet-${engine}`, engine);
      const told = await session(`progress-${engine}`, engine);
      const reports: [number, string][] = [];
      try {
        const a = await quiet.load([file], AS_OF);
        const b = await told.load([file], AS_OF, false, { progress: (f, step) => reports.push([f, step]) });
        expect(b.readers).toEqual([engine]);
        expect(b.summaries).toEqual(a.summaries);
        expect(b.observations).toEqual(a.observations);
      } finally {
        quiet.close();
        told.close();
      }
      const fractions = reports.map(([f]) => f);
      expect(fractions[0], engine).toBe(0);
      expect(reports.at(-1), engine).toEqual([1, "完成"]);
      for (let k = 1; k < fractions.length; k++) expect(fractions[k]!, `${engine} ${k}: ${JSON.stringify(reports)}`).toBeGreaterThanOrEqual(fractions[k - 1]!);
      const steps = new Set(reports.map(([, step]) => step));
      expect([...steps], engine).toEqual(expect.arrayContaining(engine === "bulk"
        ? ["读取文件", "读入数据", "核对部门、指标、数值与日期", "写入通过检查的行", "逐行检查其余的行", "检查累计值是否下降", "提交", "完成"]
        : ["读取文件", "检查各行", "检查累计值是否下降", "提交", "完成"]));
    }
  });

  it("reads the copy that sourceFor archives (not a temporary one), outside a dry run; a failing sourceFor changes nothing", async () => {
    const file = fuzzMonthlyFile(policy, 515, { rows: 400, breakStructure: false });
    const other = fuzzMonthlyFile(policy, 516, { rows: 300, breakStructure: false });
    const stored: string[] = [];
    const sourceFor = (sha256: string) => {
      const path = join(dir, `archived-${sha256}.csv`);
      writeFileSync(path, file.bytes);
      stored.push(sha256);
      return path;
    };
    const plain = await session("source", "js");
    const archived = await session("source-archived", "bulk");
    const failing = await session("source-failing", "bulk");
    try {
      const a = await plain.load([file], AS_OF);
      expect(await archived.load([other], AS_OF, true, { sourceFor })).toMatchObject({ readers: ["bulk"] });
      expect(stored).toEqual([]); // a dry run archives nothing
      const b = await archived.load([file], AS_OF, false, { sourceFor });
      expect(b.readers).toEqual(["bulk"]);
      expect(stored).toEqual([a.summaries[0]!.sha256]);
      expect(readFileSync(join(dir, `archived-${stored[0]}.csv`))).toEqual(Buffer.from(file.bytes));
      expect(b.summaries).toEqual(a.summaries);
      expect(b.observations).toEqual(a.observations);
      expect(b.rejects).toEqual(a.rejects);
      const c = await failing.load([file], AS_OF, false, { sourceFor: () => { throw new Error("磁盘已满"); } });
      expect(c.readers).toEqual(["bulk"]);
      expect(c.summaries).toEqual(a.summaries);
      expect(c.observations).toEqual(a.observations);
    } finally {
      plain.close();
      archived.close();
      failing.close();
    }
  });

  it("reads a header drawn on two rows (a group heading over 数值 | 单位) as the JavaScript reader does", async () => {
    const path = join(dir, "one-row.csv");
    writeMonthlyFile(path, policy, { rows: 600, badShare: 0.05, seed: 3 });
    // the same rows under a two-row header: 累计完成情况 over 数值 | 单位, the other headings blank below
    const lines = readFileSync(path, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(lines[0]).toBe(MONTHLY_HEADER.join(","));
    lines.splice(0, 1, MONTHLY_HEADER.map((h) => (h === "累计完成值" ? "累计完成情况" : h === "单位" ? "" : h)).join(","),
      MONTHLY_HEADER.map((h) => (h === "累计完成值" ? "数值" : h === "单位" ? "单位" : "")).join(","));
    const file = { name: "two-rows.csv", bytes: Buffer.from(lines.join("\n")) };
    const { a, b } = await bothReaders("two-rows", [file]);
    expect(b.readers).toEqual(["bulk"]);
    expect(a.summaries[0]!.imported).toBeGreaterThan(100);
    expect(b.summaries).toEqual(a.summaries);
    expect(b.observations).toEqual(a.observations);
    expect(b.rejects).toEqual(a.rejects);
  });

  it("a count written 1.000 (a thousands separator typed as a point?) is flagged by both readers, read as 1; 1.000 of a money target is not", async () => {
    // (a goal of 300 or more: 2.000 read as 2000 stays below ten times it, as a misplaced separator would)
    const t = policy.targets.find((x) => x.kind === "quantity" && x.unit === "家" && x.value >= 300)!;
    const m = policy.targets.find((x) => x.kind === "quantity" && x.unit === "亿元")!;
    const text = `报送单位,指标编码,统计期,累计完成值,单位\n${t.reporters[0]!.name},${t.code},2017-10,1.000,家\n${t.reporters[0]!.name},${t.code},2017-11,2.000家,\n` +
      `${m.reporters[0]!.name},${m.code},2017-10,1.000,亿元\n${t.reporters[0]!.name},${t.code},2017-12,1000,家\n` +
      // (a thousand times the goal: a cell with three decimals, not asked)
      `${t.reporters[0]!.name},${t.code},2018-01,${t.value}.000,家\n`;
    const file = { name: "dotted.csv", bytes: new TextEncoder().encode(text) };
    expect(planCsv(file.bytes)).not.toBeNull();
    const { a, b } = await bothReaders("dotted", [file]);
    expect(b.readers).toEqual(["bulk"]);
    expect(b.summaries).toEqual(a.summaries);
    expect(b.observations).toEqual(a.observations);
    expect(a.observations.filter((o) => o.flagged).map((o) => [o.period, o.value, o.flag_reason])).toEqual([
      ["2017-10", 1, expect.stringContaining("计数类指标填写了小数 1.000（读作 1家）")],
      ["2017-11", 2, expect.stringContaining("计数类指标填写了小数 2.000家（读作 2家）")],
    ]);
  });

  it("leaves a form that states 报送单位 and 统计期 above its header to the JavaScript reader, with the same result", async () => {
    const [d, t] = [policy.departments[0]!.name, policy.targets[0]!.code];
    const text = `填报单位：${d},,\n月度完成情况（2017年1-10月）,,\n指标编码,累计完成值,进展情况\n${t},1,x\n`;
    const bytes = new TextEncoder().encode(text);
    const { a, b } = await bothReaders("form", [{ name: "form.csv", bytes }]);
    expect(b.readers).toEqual(["js"]);
    expect(b.summaries).toEqual(a.summaries);
    expect(a.summaries[0]!.form_fields).toEqual([{ column: "报送单位", value: d, row: 1 }, { column: "统计期", value: "2017年1-10月", row: 2 }]);
    expect(b.observations.map((o) => [o.department_id, o.period])).toEqual([[expect.any(String), "2017-10"]]);
  });

  it("a number split at its thousands comma into the 进展情况 after it: both readers reject that row alone", async () => {
    const [d, t] = [policy.departments[0]!.name, policy.targets[0]!.code];
    const text = `报送单位,指标编码,统计期,累计完成值,进展情况\n${d},${t},2017-09,2,150\n${d},${t},2017-10,3,按计划\n`;
    const bytes = new TextEncoder().encode(text);
    expect(planCsv(bytes)).not.toBeNull();
    const { a, b } = await bothReaders("split", [{ name: "split.csv", bytes }]);
    expect(b.readers).toEqual(["bulk"]);
    expect(b.summaries).toEqual(a.summaries);
    expect(a.summaries[0]!.rejected_by_code).toEqual({ E_EXTRA_CELLS: 1 });
    expect(b.observations.map((o) => o.period)).toEqual(["2017-10"]);
  });

  it("a line broken by a line break typed in 进展情况 without quotes: both readers read the two lines as one row", async () => {
    const [d, t, t2] = [policy.departments[0]!.name, policy.targets[0]!.code, policy.targets[1]!.code];
    const lines = ["报送单位,指标编码,统计期,累计完成值,进展情况,填报人,填报日期", `${d},${t},2017-09,2,正常,张三,2017-10-05`, `${d},${t},2017-10,3,已申报两家`,
      `其中一家已认定,张三,2017-11-05`, `${d},${t2},2017-10,5,,张三,2017-11-05`,
      // two short rows of one department (their cells together one more than the header's): two rows, not one broken
      `${d},${t2},2017-09,4,备注`, `${d},${t2},2017-08`];
    const bytes = new TextEncoder().encode(lines.join("\n") + "\n");
    expect(planCsv(bytes)).not.toBeNull();
    const { a, b } = await bothReaders("broken", [{ name: "broken.csv", bytes }]);
    expect(b.readers).toEqual(["bulk"]);
    expect(b.summaries).toEqual(a.summaries);
    expect(b.observations).toEqual(a.observations);
    expect(a.summaries[0]!.skipped_rows).toEqual([
      { row: 4, reason: expect.stringContaining("是第 3 行的后半部分，已与之合并读取：第 3 行「进展情况」单元格中的换行没有加引号") },
      { row: 7, reason: expect.stringContaining("未填写") },
    ]);
    const joined = a.observations.find((o) => o.period === "2017-10" && o.source_row === 3)!;
    expect([joined.value, joined.note, joined.reporter, joined.reported_at]).toEqual([3, "已申报两家\n其中一家已认定", "张三", "2017-11-05"]);
    expect(a.summaries[0]!.rejected_by_code).toEqual({});
    expect(a.observations.map((o) => o.source_row)).toEqual([2, 3, 5, 6]);
  });

  it("a line broken by several line breaks typed in 进展情况 without quotes: both readers read the lines as one row, none of them lost or read alone", async () => {
    const [d, t, t2] = [policy.departments[0]!.name, policy.targets[0]!.code, policy.targets[1]!.code];
    const lines = ["报送单位,指标编码,统计期,累计完成值,进展情况,填报人,填报日期", `${d},${t},2017-10,3,已申报两家`, "其中一家已认定", "另有在谈项目5个",
      `预计年底前签约,张三,2017-11-05`, `${d},${t2},2017-10,5,,张三,2017-11-05`,
      // a short row, a one-cell line (a remark) and a row of its own with all its cells: not one broken line
      `${d},${t2},2017-09,4,备注`, "说明：以上为初步数", `${d},${t},2017-09,2,正常,张三,2017-10-05`];
    const bytes = new TextEncoder().encode(lines.join("\n") + "\n");
    expect(planCsv(bytes)).not.toBeNull();
    const { a, b } = await bothReaders("broken-3", [{ name: "broken.csv", bytes }]);
    expect(b.readers).toEqual(["bulk"]);
    expect(b.summaries).toEqual(a.summaries);
    expect(b.observations).toEqual(a.observations);
    expect(a.summaries[0]!.skipped_rows.map((k) => k.row)).toEqual([3, 4, 5, 8]);
    expect(a.summaries[0]!.skipped_rows[0]!.reason).toContain("是第 2 行的后续部分，已与之合并读取：第 2 行「进展情况」单元格中的换行没有加引号，把一行断成了 4 行");
    const joined = a.observations.find((o) => o.source_row === 2)!;
    expect([joined.value, joined.note, joined.reporter, joined.reported_at]).toEqual([3, "已申报两家\n其中一家已认定\n另有在谈项目5个\n预计年底前签约", "张三", "2017-11-05"]);
    expect(a.summaries[0]!.rejected_by_code).toEqual({});
    expect(a.observations.map((o) => o.source_row)).toEqual([2, 6, 7, 9]);
  });

  it("a figure typed in 单位 or as the whole 进展情况 beside an empty 累计完成值: both readers reject that row (E_VALUE_MISPLACED), a note with words is kept", async () => {
    const t = policy.targets.find((x) => x.kind === "quantity" && x.unit === "家")!;
    const d = t.reporters[0]!.name;
    const text = `报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况\n${d},${t.code},2017-09,,388,推进中,\n${d},${t.code},2017-10,,,推进中,388家\n` +
      `${d},${t.code},2017-11,,,推进中,完成388家\n${d},${t.code},2017-12,400,家,推进中,8\n` +
      // (the figure in 单位 alone, nothing else filled in: no template row left blank, but the same misplaced figure)
      `${d},${t.code},2017-08,,700家,,\n`;
    const bytes = new TextEncoder().encode(text);
    expect(planCsv(bytes)).not.toBeNull();
    const js = await session("misplaced", "js");
    const bulk = await session("misplaced", "bulk");
    try {
      const a = await js.load([{ name: "misplaced.csv", bytes }], AS_OF);
      const b = await bulk.load([{ name: "misplaced.csv", bytes }], AS_OF);
      expect(b.readers).toEqual(["bulk"]);
      expect(b.summaries).toEqual(a.summaries);
      expect(b.rejects).toEqual(a.rejects);
      expect(a.rejects.map((r) => [r.source_row, r.code, r.column_name, r.message])).toEqual([
        [2, "E_VALUE_MISPLACED", "单位", "累计完成值为空，数填在了其他列：「单位」列填了“388”：数请填在「累计完成值」列，「单位」列只填计量单位（如 家）"],
        [3, "E_VALUE_MISPLACED", "进展情况", "累计完成值为空，数填在了其他列：「进展情况」列只填了一个数“388家”：累计数请填在「累计完成值」列，「进展情况」写文字说明"],
        [6, "E_VALUE_MISPLACED", "单位", "累计完成值为空，数填在了其他列：「单位」列填了“700家”：数请填在「累计完成值」列，「单位」列只填计量单位（如 家）"],
      ]);
      expect(a.summaries[0]!.skipped_rows).toEqual([]);
      expect(b.observations.map((o) => [o.period, o.value])).toEqual([["2017-11", null], ["2017-12", 400]]);
      // a figure under a heading not read (备注, 本月新增), 累计完成值 empty: rejected naming that column, not loaded as a
      // status alone nor skipped as a row left unfilled; the template's reference column and a milestone's row are not asked about
      const m = policy.targets.find((x) => x.kind === "milestone")!;
      const md = m.reporters[0]!.name;
      const text2 = `报送单位,指标编码,统计期,累计完成值,单位,完成状态,备注,本月新增,上次累计完成值（参考）\n${d},${t.code},2018-01,,家,,388,,\n` +
        `${d},${t.code},2018-02,,家,推进中,,25,\n${d},${t.code},2018-03,,家,,,,300\n${d},${t.code},2018-04,450,家,推进中,,12,300\n${md},${m.code},2018-04,,,推进中,,0,\n` +
        // (0 and 0% are what a formula column shows beside an empty figure; a milestone's note of 100% is no figure to move)
        `${d},${t.code},2018-05,,家,推进中,,0,\n${d},${t.code},2018-06,,家,推进中,,0%,\n${md},${m.code},2018-05,,,已完成,100%,,\n` +
        // (a figure behind a character SQL does not read as blank: the JavaScript rules decide, as for the others)
        `${d},${t.code},2018-07,,家,推进中,\u00a0388,,\n`;
      const bytes2 = new TextEncoder().encode(text2);
      const a2 = await js.load([{ name: "elsewhere.csv", bytes: bytes2 }], AS_OF);
      const b2 = await bulk.load([{ name: "elsewhere.csv", bytes: bytes2 }], AS_OF);
      expect(b2.readers).toEqual(["bulk"]);
      expect(b2.summaries).toEqual(a2.summaries);
      expect(b2.rejects).toEqual(a2.rejects);
      expect(a2.rejects.map((r) => [r.source_row, r.code, r.column_name, r.value, r.message])).toEqual([
        [2, "E_VALUE_MISPLACED", "备注", "388", "累计完成值为空，数填在了其他列：「累计完成值」列为空，而「备注」列填了“388”：累计数请填在「累计完成值」列（「备注」列不会被读取）"],
        [3, "E_VALUE_MISPLACED", "本月新增", "25", "累计完成值为空，数填在了其他列：「累计完成值」列为空，而「本月新增」列填了“25”：累计数请填在「累计完成值」列（「本月新增」列不会被读取）"],
        [10, "E_VALUE_MISPLACED", "备注", "388", "累计完成值为空，数填在了其他列：「累计完成值」列为空，而「备注」列填了“388”：累计数请填在「累计完成值」列（「备注」列不会被读取）"],
      ]);
      expect(a2.summaries[0]!.skipped_rows).toEqual([expect.objectContaining({ row: 4 })]);
      expect(b2.observations.map((o) => [o.period, o.value, o.status])).toEqual([
        ["2018-04", 450, "in_progress"], ["2018-04", null, "in_progress"], ["2018-05", null, "in_progress"], ["2018-06", null, "in_progress"], ["2018-05", null, "done"],
      ]);
      // the template's 上次累计完成值（参考） beside its 上次报送统计期（参考）: the template writes a figure there only with its
      // period, so a figure with no period, 累计完成值 empty, was this month's typed one column too far (0 too); with its
      // period it is the reference the template wrote (skipped as unfilled, as before)
      const text3 = `报送单位,指标编码,统计期,累计完成值,单位,完成状态,上次报送统计期（参考）,上次累计完成值（参考）\n${d},${t.code},2018-08,,家,,,388\n` +
        `${d},${t.code},2018-09,,家,,2018-07,300\n${d},${t.code},2018-10,,家,推进中,,0\n${d},${t.code},2018-11,420,家,,,388\n${md},${m.code},2018-06,,,推进中,,100\n`;
      const bytes3 = new TextEncoder().encode(text3);
      const a3 = await js.load([{ name: "last.csv", bytes: bytes3 }], AS_OF);
      const b3 = await bulk.load([{ name: "last.csv", bytes: bytes3 }], AS_OF);
      expect(b3.readers).toEqual(["bulk"]);
      expect(b3.summaries).toEqual(a3.summaries);
      expect(b3.rejects).toEqual(a3.rejects);
      expect(a3.rejects.map((r) => [r.source_row, r.code, r.column_name, r.value, r.message])).toEqual([
        [2, "E_VALUE_MISPLACED", "上次累计完成值（参考）", "388", "累计完成值为空，数填在了其他列：「累计完成值」列为空，而「上次累计完成值（参考）」列填了“388”：累计数请填在「累计完成值」列（「上次累计完成值（参考）」列不会被读取）"],
        [4, "E_VALUE_MISPLACED", "上次累计完成值（参考）", "0", "累计完成值为空，数填在了其他列：「累计完成值」列为空，而「上次累计完成值（参考）」列填了“0”：累计数请填在「累计完成值」列（「上次累计完成值（参考）」列不会被读取）"],
      ]);
      expect(a3.summaries[0]!.skipped_rows).toEqual([expect.objectContaining({ row: 3 })]);
      expect(b3.observations.filter((o) => String(o.period) >= "2018-06").map((o) => [o.period, o.value, o.status])).toEqual([["2018-11", 420, null], ["2018-06", null, "in_progress"]]);
    } finally {
      js.close();
      bulk.close();
    }
  });

  it("rows swallowed by a pair of stray quotes (a note opened on one row, closed two rows below): the note's row rejected in both readers, the others kept", async () => {
    const [d, t] = [policy.departments[0]!.name, policy.targets[0]!.code];
    const lines = ["报送单位,指标编码,统计期,累计完成值,进展情况", `${d},${t},2017-07,1,正常`, `${d},${t},2017-08,2,"已选树6家`, `${d},${t},2017-09,3,`,
      `${d},${t},2017-10,4,另有3家在公示"`, `${d},${t},2017-11,5,`];
    for (const newline of ["\n", "\r\n"]) {
      const bytes = new TextEncoder().encode(lines.join(newline) + newline);
      expect(planCsv(bytes)).toBeNull();
      // a note over two lines with a comma or two is a note
      expect(planCsv(new TextEncoder().encode([lines[0], `${d},${t},2017-08,2,"已选树6家，其中：`, `甲、乙,丙等"`].join(newline) + newline))).not.toBeNull();
      const js = await session(`swallowed${newline.length}`, "js");
      const bulk = await session(`swallowed-b${newline.length}`, "bulk");
      try {
        const a = await js.load([{ name: "swallowed.csv", bytes }], AS_OF);
        const b = await bulk.load([{ name: "swallowed.csv", bytes }], AS_OF);
        expect(b.summaries).toEqual(a.summaries);
        expect(a.summaries[0]!.rejected_by_code).toEqual({ E_CSV_QUOTES: 1 });
        expect(a.summaries[0]!.rejects[0]!.message).toContain("本行有一个单元格跨越 3 行文本");
        expect(a.observations.map((o) => o.period)).toEqual(["2017-07", "2017-11"]);
      } finally {
        js.close();
        bulk.close();
      }
    }
  });

  it("leaves a form signed below its table (填表人：, 填报日期：) to the JavaScript reader, with the same result", async () => {
    const [d, t] = [policy.departments[0]!.name, policy.targets[0]!.code];
    const text = `报送单位,指标编码,统计期,累计完成值\n${d},${t},2017-10,1\n填表人：张三,,填报日期：2017年11月3日,\n`;
    const bytes = new TextEncoder().encode(text);
    expect(planCsv(bytes)).toBeNull();
    expect(planCsv(new TextEncoder().encode(text.replace("填表人：张三,,填报日期：2017年11月3日,", "合计,,,1")))).not.toBeNull();
    const { a, b } = await bothReaders("signed", [{ name: "signed.csv", bytes }]);
    expect(b.readers).toEqual(["js"]);
    expect(b.summaries).toEqual(a.summaries);
    expect(a.summaries[0]!.form_fields).toEqual([{ column: "填报人", value: "张三", row: 3 }, { column: "填报日期", value: "2017年11月3日", row: 3 }]);
  });

  it("on the layouts the newer rules look at: trailing blank cells on some rows, figures under an unknown heading far down, a second header moved", async () => {
    const d = policy.departments[0]!.name;
    const [a1, a2] = [policy.targets[0]!.code, policy.targets[1]!.code];
    const header = "报送单位,指标编码,统计期,累计完成值";
    const files: Load[] = [
      // the first data row as wide as the header, the others with a trailing comma: those rows rejected by both
      { name: "some-trailing.csv", bytes: new TextEncoder().encode([header, `${d},${a1},2017-09,1`, `${d},${a1},2017-10,2,`, `${d},${a2},2017-10,3,`].join("\n") + "\n") },
      // statuses only, a 完成情况 column whose figures start below the first twenty rows: rejected by both
      { name: "late-figures.csv", bytes: new TextEncoder().encode(["报送单位,指标编码,统计期,完成状态,完成情况",
        ...Array.from({ length: 22 }, (_, k) => `${d},${k % 2 ? a1 : a2},${2015 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")},推进中,`),
        `${d},${a1},2017-11,推进中,320家`].join("\n") + "\n") },
      // a second header with the figure one column to the left: rejected by both, with the same message
      { name: "moved.csv", bytes: new TextEncoder().encode([`${header},本月`, `${d},${a1},2017-09,1,1`, "报送单位,指标编码,统计期,本月,累计完成值", `${d},${a2},2017-09,1,5`].join("\n") + "\n") },
    ];
    const js = await session("newer", "js");
    const bulk = await session("newer", "bulk");
    try {
      const a = await js.load(files, AS_OF);
      const b = await bulk.load(files, AS_OF);
      expect(b.summaries).toEqual(a.summaries);
      expect(b.observations).toEqual(a.observations);
      // (the first and the last read by DuckDB; the second, without a 累计完成值 column, by JavaScript alone)
      expect(b.readers).toEqual(["bulk", "js", "bulk"]);
      expect(a.summaries.map((x) => [x.status, x.file_error?.code ?? null, x.rejected_by_code])).toEqual([
        ["partial", null, { E_EXTRA_CELLS: 2 }], ["file_rejected", "E_HEADER", {}], ["file_rejected", "E_HEADER", {}],
      ]);
    } finally {
      js.close();
      bulk.close();
    }
  });

  it("leaves a file DuckDB cannot read as planned (a row longer than it expects) to the JavaScript reader", async () => {
    // (the first data line as wide as the header: a wider one there is left to JavaScript by planCsv itself)
    const text = "报送单位,指标编码,统计期,累计完成值\n" + `${policy.departments[0]!.name},${policy.targets[0]!.code},2017-09,1\n` +
      `${policy.departments[0]!.name},${policy.targets[0]!.code},2017-10,1,,,x,y\n`;
    const bytes = new TextEncoder().encode(text);
    expect(planCsv(bytes)).not.toBeNull();
    const { a, b } = await bothReaders("long", [{ name: "long.csv", bytes }]);
    expect(b.readers).toEqual(["js"]);
    expect(b.summaries).toEqual(a.summaries);
    expect(a.summaries[0]!.rejected_by_code).toEqual({ E_EXTRA_CELLS: 1 });
  });
});

describe("the reference data stored at build", () => {
  it("is what the views give", async () => {
    const wh = await openWarehouse(pristine);
    try {
      const stored = await ingestLookup(wh.connection, AS_OF);
      const live = await ingestLookup(wh.connection, AS_OF, wh.connection, { live: true });
      expect(stored.targets.size).toBe(policy.targets.length);
      expect(stored.targets).toEqual(live.targets);
      expect(stored.departments).toEqual(live.departments);
      expect(stored.ctx.targets).toEqual(live.ctx.targets);
      for (const d of policy.departments) {
        for (const name of [d.name, d.fullName, d.alias, `${d.name}（盖章）`, "某某办"]) expect(stored.ctx.resolveDepartment(name)).toBe(live.ctx.resolveDepartment(name));
      }
    } finally {
      wh.close();
    }
  });
});

describe("planCsv: which files DuckDB may read", () => {
  const header = "报送单位,指标编码,统计期,累计完成值\n";
  const plan = (text: string) => planCsv(new TextEncoder().encode(text));
  it("plans a plain UTF-8 CSV, with or without BOM, LF or CRLF, quoted fields", () => {
    expect(plan(header + "a,b,2017-10,1\n")).toMatchObject({ encoding: "utf-8", delimiter: ",", newline: "\n", skip: 1, quotedNewlines: false });
    expect(plan("\uFEFF" + header.replace(/\n/g, "\r\n") + '"a, b",b,2017-10,1\r\n')).toMatchObject({ encoding: "utf-8-bom", newline: "\r\n" });
    expect(plan("标题\n" + header + 'a,"x\ny",2017-10,1\n')).toMatchObject({ skip: 2, quotedNewlines: true });
  });
  it("plans GBK and UTF-16 text in its UTF-8 form", () => {
    const text = header + "省商务厅,BP-001-01,2017-10,1\n";
    const gbk = planCsv(new Uint8Array(iconv.encode(text, "gbk")));
    expect(gbk).toMatchObject({ encoding: "gb18030", skip: 1 });
    expect(Buffer.from(gbk!.utf8!).toString("utf8")).toBe(text);
    expect(planCsv(new Uint8Array(iconv.encode("\uFEFF" + text, "utf-16le")))).toMatchObject({ encoding: "utf-16le" });
    expect(planCsv(new TextEncoder().encode(text))).toMatchObject({ encoding: "utf-8", utf8: null });
  });
  it("leaves to JavaScript what DuckDB would read differently", () => {
    expect(plan(header + 'a,"上规"企业,2017-10,1\n')).toBeNull(); // a stray quote
    expect(plan(header + 'a,b"c,2017-10,1\n')).toBeNull(); // a quote inside an unquoted field
    expect(plan(header + "a,b,2017-10,1\n\nc,d,2017-10,2\n")).toBeNull(); // a blank line inside the data
    expect(plan(header + "\na,b,2017-10,1\n")).toBeNull(); // a blank line right below the header
    expect(plan("没有表头\n1,2,3\n")).toBeNull();
    expect(planCsv(new Uint8Array([0xb1, 0xa8, 0xcb, 0xcd, 0x2c, 0x31, 0x0a]))).toBeNull(); // GBK, no header
    expect(planCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBeNull(); // a ZIP (an .xlsx)
    // a 累计完成值 heading naming a month: each row's 统计期 is held to it (statedCheck), by the JavaScript reader
    expect(plan(header.replace("累计完成值", "1-10月累计完成值") + "a,b,2017-10,1\n")).toBeNull();
  });
});

describe("the forms SQL reads itself agree with the JavaScript parsers", () => {
  /** Texts of every shape near the canonical forms. */
  function texts(): string[] {
    const out = new Set<string>();
    const digits = ["0", "1", "7", "10", "12", "99", "100", "450", "2017", "123456789", "1234567890", "007", "00"];
    const fractions = ["", ".0", ".5", ".50", ".05", ".123456", ".1234567", ".000001", ".0000001", ".", ".10", ".101"];
    const units = [...new Set([...UNITS.map((u) => u.unit).slice(0, 12), ...VALUE_UNIT_FORMS])];
    for (const d of digits) for (const f of fractions) for (const u of ["", ...units, "万", "万家", "（家）", "e3", ",5", " ", "家 "]) out.add(d + f + u);
    for (const d of ["-1", "+1", "1e3", "0x10", "nan", "inf", "1_000", "１２", "1 000", " 12", "12 "]) out.add(d);
    for (const w of [...STATUS_FORMS.map(([w]) => w), ...UNIT_COLUMN_FORMS]) {
      out.add(w);
      out.add(` ${w}`);
      out.add(`${w}\u3000`);
    }
    for (const s of ["", " ", "\u3000", "\u00a0x", "x\u2028", "\ufeffx", "a b", "=1", "'x"]) out.add(s);
    return [...out];
  }

  it("numbers, statuses, units and whitespace", async () => {
    const all = texts();
    const instance = await DuckDBInstance.create(":memory:");
    const c = await instance.connect();
    try {
      const reader = await c.runAndReadAll(
        `SELECT t, regexp_full_match(t, '${PLAIN_NUMBER}'), TRY_CAST(t AS DOUBLE), list_position($2::VARCHAR[], t), list_contains($3::VARCHAR[], t), trim(t, $4),
          regexp_full_match(t, '${PLAIN_NUMBER_WITH_UNIT}'), regexp_extract(t, '^${PLAIN_NUMBER}')
        FROM (SELECT unnest($1::VARCHAR[]) AS t)`,
        [listValue(all), listValue(STATUS_FORMS.map(([w]) => w)), listValue(UNIT_COLUMN_FORMS), JS_WHITESPACE],
      );
      let checked = 0;
      let withUnit = 0;
      for (const [t, plain, num, statusAt, unitWord, trimmed, suffixed, digits] of reader.getRowsJS() as [string, boolean, number | null, number | null, boolean, string, boolean, string][]) {
        expect(trimmed, JSON.stringify(t)).toBe(t.trim());
        if (plain) {
          expect(parseValue(cleanCell(t)), t).toEqual({ ok: true, value: { value: num, unitInCell: null, scaleOnly: null } });
          expect(String(num), t).toBe(t);
          checked++;
        } else if (suffixed) {
          // the SQL reading: the number's digits, and the rest of the cell as its unit
          expect(parseValue(cleanCell(t)), t).toEqual({ ok: true, value: { value: Number(digits), unitInCell: t.slice(digits.length), scaleOnly: null } });
          expect(String(Number(digits)), t).toBe(digits);
          withUnit++;
        }
        if (statusAt !== null) expect(parseStatus(cleanCell(t)), t).toEqual({ ok: true, value: STATUS_FORMS[Number(statusAt) - 1]![1] });
        if (unitWord) expect(cleanCell(t), t).toBe(t);
      }
      expect(checked).toBeGreaterThan(50);
      expect(withUnit).toBeGreaterThan(500);
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
});
