import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import writeExcelFile from "write-excel-file/node";
import { readMonthlyFile, type MonthlyFileResult } from "../src/ingest/index.js";
import { scaledUnit, UNFILLED_ROW } from "../src/ingest/table.js";
import { planCsv } from "../src/ingest/csvplan.js";
import { excelSerialToIsoDate, latestMonthSheet, withCellReferences } from "../src/ingest/xlsx.js";
import { skippedRowsText } from "../src/ingest/summarytext.js";
import { fileStatedCheck, reviewReasons } from "../src/ingest/review.js";
import { CTX, TARGETS } from "./fixtures/monthly/context.js";
import { monthCell, title } from "./support/xlsx-cells.js";

const dir = mkdtempSync(join(tmpdir(), "luoshi-ingest-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function temp(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Row number → sorted codes of its rejects. */
function rejectCodes(r: MonthlyFileResult): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const x of r.rejects) (out[x.row] ??= []).push(x.code);
  for (const k of Object.keys(out)) out[Number(k)]!.sort();
  return out;
}

const HEADER = "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期";

/** One file with every row-level problem; rows 2–6 are valid. Keys are unique except rows 12 and 13. */
const MIXED_ROWS = [
  "市经信局,ZN-01,2017-10,450,家,,培育智能制造企业450家,张三,2017-11-03", // 2 valid
  '市经信局,ZN-02,2017年10月,20亿元,,,"智能化改造投入 20 亿元，含技改贴息",张三,2017/11/3', // 3 valid: 200000 万元
  "市财政局,ZN-02,2017-10,\"3,000万元\",,,,李四,", // 4 valid: 3000 万元
  "市科技局,ZN-03,2017-10,,,推进中,研究院筹建中,王五,2017年11月3日", // 5 valid milestone
  "市科技局,ZN-04,2017-10,８５％,,,,王五,", // 6 valid: 85 %
  "市经信局,ZN-99,2017-10,1,,,,,", // 7 E_UNKNOWN_CODE
  "市教育局,ZN-01,2017-10,1,,,,,", // 8 E_UNKNOWN_DEPARTMENT
  "市经信局,ZN-01,2017-09,-5,,,,,", // 9 E_NEGATIVE
  "市经信局,ZN-01,2017-11,四百五十,,,,,", // 10 E_NOT_A_NUMBER
  "市经信局,ZN-02,2017-09,20亿元,万元,,,,", // 11 E_UNIT_MISMATCH
  "市经信局,ZN-02,2017-11,5,,,,,", // 12 E_DUPLICATE_KEY with 13
  "市经信局,ZN-02,2017年11月,6,,,,,", // 13 E_DUPLICATE_KEY with 12
  "市经信局,ZN-01,2017-12,460,,,,,", // 14 E_PERIOD_IN_FUTURE (as of 2017-11-15)
  "市科技局,ZN-01,2017-10,1,,,,,", // 15 E_NOT_REPORTER
  "市科技局,ZN-03,2017-09,,,差不多,,,", // 16 E_BAD_STATUS
  "市财政局,ZN-02,2017-09,100,,,,,2017-13-01", // 17 valid: an unreadable 填报日期 is left out (and flagged)
];
const MIXED = [HEADER, ...MIXED_ROWS].join("\r\n") + "\r\n";

const MIXED_REJECTS = {
  7: ["E_UNKNOWN_CODE"],
  8: ["E_UNKNOWN_DEPARTMENT"],
  9: ["E_NEGATIVE"],
  10: ["E_NOT_A_NUMBER"],
  11: ["E_UNIT_MISMATCH"],
  12: ["E_DUPLICATE_KEY"],
  13: ["E_DUPLICATE_KEY"],
  14: ["E_PERIOD_IN_FUTURE"],
  15: ["E_NOT_REPORTER"],
  16: ["E_BAD_STATUS"],
};

const MIXED_VALID = [
  { sourceRow: 2, department: "市经信局", targetCode: "ZN-01", period: "2017-10", value: 450, unit: "家", status: null, reporter: "张三", reportedAt: "2017-11-03" },
  { sourceRow: 3, department: "市经信局", targetCode: "ZN-02", period: "2017-10", value: 200000, unit: "万元", reportedValue: 20, reportedUnit: "亿元", reportedAt: "2017-11-03" },
  { sourceRow: 4, department: "市财政局", targetCode: "ZN-02", period: "2017-10", value: 3000, unit: "万元", reportedAt: null },
  { sourceRow: 5, department: "市科技局", targetCode: "ZN-03", period: "2017-10", value: null, status: "in_progress", note: "研究院筹建中", reportedAt: "2017-11-03" },
  { sourceRow: 6, department: "市科技局", targetCode: "ZN-04", period: "2017-10", value: 85, unit: "%" },
  { sourceRow: 17, department: "市财政局", targetCode: "ZN-02", period: "2017-09", value: 100, reportedAt: null, reportedAtProblem: "无法识别的填报日期（应为 YYYY-MM-DD，如 2017-11-03）：“2017-13-01”，没有 13 月" },
];

describe("readMonthlyFile: one CSV with every row-level problem, in every accepted encoding", () => {
  const tsv = MIXED.replace(/"3,000万元"/, "3,000万元").replace(/,/g, "\t").replace("\t000万元", ",000万元");
  it.each([
    ["UTF-8", "mixed-utf8.csv", Buffer.from(MIXED, "utf8"), "utf-8"],
    ["UTF-8 with BOM (Excel “CSV UTF-8”)", "mixed-bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MIXED, "utf8")]), "utf-8-bom"],
    ["GBK (Excel “CSV” on Chinese Windows)", "mixed-gbk.csv", iconv.encode(MIXED, "gbk"), "gb18030"],
    ["UTF-16 LE tab-separated (Excel “Unicode text”)", "mixed-utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]), "utf-16le"],
  ])("%s", async (_, name, bytes, encoding) => {
    const r = await readMonthlyFile(temp(name, bytes), CTX);
    expect(r.fileError).toBeNull();
    expect(r.file).toMatchObject({ name, encoding, format: "csv", rowsRead: 16, headerRow: 1 });
    expect(r.file.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(rejectCodes(r)).toEqual(MIXED_REJECTS);
    expect(r.rows).toHaveLength(MIXED_VALID.length);
    r.rows.forEach((row, i) => expect(row).toMatchObject(MIXED_VALID[i]!));
  });

  it("each reject names its row, Chinese column, the raw value and the raw row", async () => {
    const r = await readMonthlyFile({ name: "mixed.csv", bytes: Buffer.from(MIXED) }, CTX);
    const negative = r.rejects.find((x) => x.row === 9)!;
    expect(negative).toMatchObject({ code: "E_NEGATIVE", column: "累计完成值", value: "-5" });
    expect(negative.message).toContain("累计完成值不能为负数");
    expect(negative.rawRow).toMatchObject({ 报送单位: "市经信局", 指标编码: "ZN-01", 统计期: "2017-09", 累计完成值: "-5" });
    const unknown = r.rejects.find((x) => x.row === 7)!;
    expect(unknown).toMatchObject({ column: "指标编码", value: "ZN-99" });
    expect(unknown.message).toContain("指标编码不存在");
  });

  it("duplicate keys reject every copy, each naming the others", async () => {
    const r = await readMonthlyFile({ name: "mixed.csv", bytes: Buffer.from(MIXED) }, CTX);
    const dup = r.rejects.filter((x) => x.code === "E_DUPLICATE_KEY");
    expect(dup.map((x) => x.row)).toEqual([12, 13]);
    expect(dup[0]!.message).toContain("第 13 行");
    expect(dup[1]!.message).toContain("第 12 行");
    expect(dup[0]!.message).toContain("2017-11");
  });

  it("a row pasted twice (every cell the same) is read once: the other copy E_DUPLICATE_ROW, naming the first; copies that differ reject every copy", async () => {
    const lines = ["市经信局,ZN-01,2017-10,450,家,,培育450家,张三,2017-11-03", "市经信局,ZN-02,2017-10,3,亿元,,,,", "市经信局,ZN-01,2017-10,450,家,,培育450家,张三,2017-11-03",
      "市经信局,ZN-02,2017-11,3,亿元,,,,", "市经信局,ZN-02,2017-11,3,亿元,,,,", "市经信局,ZN-02,2017-11,4,亿元,,,,"];
    const r = await readMonthlyFile({ name: "pasted.csv", bytes: Buffer.from([HEADER, ...lines].join("\n")) }, CTX);
    expect(r.rows.map((x) => [x.sourceRow, x.period, x.value])).toEqual([[2, "2017-10", 450], [3, "2017-10", 30000]]);
    expect(r.rejects.map((x) => [x.row, x.code])).toEqual([[4, "E_DUPLICATE_ROW"], [5, "E_DUPLICATE_KEY"], [6, "E_DUPLICATE_KEY"], [7, "E_DUPLICATE_KEY"]]);
    expect(r.rejects[0]!.message).toBe("与同一文件中的另一行完全相同：第 2 行（重复粘贴？）；只按第 2 行处理，本行不再读取");
  });

  it("a key repeated on many rows names the first others and counts the rest (message size stays linear)", async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `市经信局,ZN-01,2017-10,${i},,,,,`);
    const r = await readMonthlyFile({ name: "many.csv", bytes: Buffer.from([HEADER, ...lines].join("\n")) }, CTX);
    const dup = r.rejects.filter((x) => x.code === "E_DUPLICATE_KEY");
    expect(dup).toHaveLength(2000);
    expect(dup[0]!.row).toBe(2);
    expect(dup[0]!.message).toContain("与第 3 行、第 4 行、第 5 行、第 6 行、第 7 行等 1,999 行重复");
    expect(dup[1]!.message).toContain("与第 2 行、第 4 行、第 5 行、第 6 行、第 7 行等 1,999 行重复");
    expect(Math.max(...dup.map((x) => x.message.length))).toBeLessThan(120);
  });

  it("a duplicate key is caught even when one copy has another problem too", async () => {
    const csv = [HEADER, "市经信局,ZN-01,2017-10,450,,,,,", "市经信局,ZN-01,2017.10,abc,,,,,", "市经信局,ZN-01,2017-11,460,,,,,"].join("\n");
    const r = await readMonthlyFile({ name: "dup.csv", bytes: Buffer.from(csv) }, CTX);
    expect(rejectCodes(r)).toEqual({ 2: ["E_DUPLICATE_KEY"], 3: ["E_DUPLICATE_KEY", "E_NOT_A_NUMBER"] });
    expect(r.rows.map((x) => x.sourceRow)).toEqual([4]);
  });
});

describe("readMonthlyFile: CSV layouts", () => {
  it("GBK with title rows above the header, as Excel saves them (CRLF, padded commas)", async () => {
    const csv = ["慈溪市智能经济十条 指标进展月报,,,,", "报送单位：市经信局   统计期：2017年10月,,,,", ",,,,", "报送单位,指标编码,统计期,累计完成值,进展情况", "市经信局,ZN-01,2017年10月,450,已培育450家", "市经信局,ZN-02,2017年10月,3000,", ",,,,"].join("\r\n");
    const r = await readMonthlyFile(temp("titles-gbk.csv", iconv.encode(csv, "gbk")), CTX);
    expect(r.fileError).toBeNull();
    expect(r.file).toMatchObject({ encoding: "gb18030", headerRow: 4, rowsRead: 2 });
    expect(r.rows.map((x) => [x.sourceRow, x.targetCode, x.value, x.note])).toEqual([
      [5, "ZN-01", 450, "已培育450家"],
      [6, "ZN-02", 3000, null],
    ]);
  });

  it("English headers, any case and spacing", async () => {
    const csv = ["Dept,Target Code,PERIOD,Actual,Unit,Status,Progress,Reporter,Reported At", "市经信局,ZN-02,2017-10,2,亿元,,on track,Zhang San,2017-11-03", "市科技局,ZN-03,2017-10,,,已完成,,,"].join("\n");
    const r = await readMonthlyFile({ name: "english.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.targetCode, x.value, x.unit, x.status, x.note, x.reporter])).toEqual([
      ["ZN-02", 20000, "万元", null, "on track", "Zhang San"],
      ["ZN-03", null, null, "done", null, null],
    ]);
  });

  it("the headings of common Chinese report forms: 单位名称, 指标编号, 统计月份, 累计完成数, 进度状态, 工作进展, 填表人, 填表日期", async () => {
    const csv = ["序号,单位名称,指标编号,统计月份,累计完成数,计量单位,进度状态,工作进展,填表人,填表日期", "1,市经信局,ZN-02,2017-10,2,亿元,,按计划推进,张三,2017-11-03", "2,市科技局,ZN-03,2017-10,,,已完成,,,"].join("\n");
    const r = await readMonthlyFile({ name: "form.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.rejects).toEqual([]);
    expect(r.file.ignoredColumns).toEqual(["序号"]);
    expect(r.rows.map((x) => [x.department, x.targetCode, x.period, x.value, x.status, x.note, x.reporter, x.reportedAt])).toEqual([
      ["市经信局", "ZN-02", "2017-10", 20000, null, "按计划推进", "张三", "2017-11-03"],
      ["市科技局", "ZN-03", "2017-10", null, "done", null, null, null],
    ]);
  });

  it("the 进展情况 column under the other names forms give it (工作进展情况, 进展情况及存在问题, 情况说明 …): read as the note, never dropped", async () => {
    for (const heading of ["工作进展情况", "进展情况说明", "推进情况说明", "工作推进情况", "主要工作进展", "目前进展", "完成情况说明", "情况说明",
      "进展情况及存在问题", "本月工作进展", "推进情况及下步打算", "进度情况", "工作进度"]) {
      const r = await readMonthlyFile({ name: "note.csv", bytes: Buffer.from(`报送单位,指标编码,统计期,累计完成值,完成状态,${heading}\n市经信局,ZN-01,2017-10,440,推进中,口径调整：剔除注销企业10家\n`) }, CTX);
      expect([heading, r.fileError, r.file.ignoredColumns, r.rows.map((x) => x.note)]).toEqual([heading, null, [], ["口径调整：剔除注销企业10家"]]);
    }
    // beside the note column itself, such a heading is another column, ignored and listed
    const both = await readMonthlyFile({ name: "both.csv", bytes: Buffer.from("报送单位,指标编码,统计期,累计完成值,进展情况,存在问题\n市经信局,ZN-01,2017-10,440,口径调整,无\n") }, CTX);
    expect([both.file.ignoredColumns, both.rows.map((x) => x.note)]).toEqual([["存在问题"], ["口径调整"]]);
    // 工作进度 with no 完成状态 column may be the status: not taken for the note (its statuses reject the file, as before)
    const progress = await readMonthlyFile({ name: "progress.csv", bytes: Buffer.from("报送单位,指标编码,统计期,累计完成值,工作进度\n市经信局,ZN-01,2017-10,440,推进中\n") }, CTX);
    expect(progress.fileError?.message).toContain("E 列「工作进度」未能识别（是否为「完成状态」？）");
    // one that names a narrative is the note even then
    const narrative = await readMonthlyFile({ name: "narrative.csv", bytes: Buffer.from("报送单位,指标编码,统计期,累计完成值,工作进展情况\n市经信局,ZN-01,2017-10,440,已认定\n") }, CTX);
    expect(narrative.rows.map((x) => x.note)).toEqual(["已认定"]);
  });

  it("a longer name beside the column's own (情况说明 beside 进展情况, 部门名称 beside 报送单位) is another column, ignored as before", async () => {
    for (const [header, ignored, note] of [
      ["报送单位,指标编码,统计期,累计完成值,完成状态,进展情况,情况说明", ["情况说明"], "口径调整"],
      ["报送单位,指标编码,统计期,累计完成值,完成状态,工作进展,目前进展", ["目前进展"], "口径调整"],
      ["报送单位,指标编码,统计期,累计完成值,完成状态,进展情况,完成情况说明", ["完成情况说明"], "口径调整"],
      ["部门名称,报送单位,指标编码,统计期,累计完成值,完成状态,进展情况,情况说明", ["部门名称", "情况说明"], "口径调整"],
      // two longer names and no other: the first is the column
      ["报送单位,指标编码,统计期,累计完成值,完成状态,目前进展,情况说明", ["情况说明"], "口径调整"],
    ] as const) {
      const row = header.startsWith("部门名称") ? "财政,市经信局,ZN-01,2017-10,440,推进中,口径调整,另附" : "市经信局,ZN-01,2017-10,440,推进中,口径调整,另附";
      const r = await readMonthlyFile({ name: "both.csv", bytes: Buffer.from(`${header}\n${row}\n`) }, CTX);
      expect([header, r.fileError, r.file.ignoredColumns, r.rows.map((x) => [x.department, x.note])]).toEqual([header, null, ignored, [["市经信局", note]]]);
    }
  });

  it("a longer name never heads a group of a two-row header, nor makes its row the header", async () => {
    // 工作进展情况 over 累计完成值 | 完成状态: the sub-headings are the columns
    const grouped = ["报送单位,指标编码,统计期,工作进展情况,", ",,,累计完成值,完成状态", "市经信局,ZN-01,2017-10,440,推进中"].join("\n");
    const g = await readMonthlyFile({ name: "grouped.csv", bytes: Buffer.from(grouped) }, CTX);
    expect([g.fileError, g.rows.map((x) => [x.value, x.status])]).toEqual([null, [[440, "in_progress"]]]);
    // a look-alike of 进展情况 over 累计完成值 | 具体说明 on the row above: the figure is read, not taken for a note
    const upper = ["报送单位,指标编码,统计期,完成状态,进展情况及存在问题,", ",,,,累计完成值,具体说明", "市经信局,ZN-01,2017-10,推进中,440,口径调整"].join("\n");
    const u = await readMonthlyFile({ name: "upper.csv", bytes: Buffer.from(upper) }, CTX);
    expect([u.fileError, u.rows.map((x) => x.value)]).toEqual([null, [440]]);
  });

  it("a look-alike of 进展情况 heading a column of its own in a two-row header (merged down) is the note, as in a one-row header", async () => {
    for (const heading of ["进展情况及存在问题", "本月工作进展", "推进情况及下步打算"]) {
      const csv = [`报送单位,指标编码,统计期,累计完成情况,,完成状态,${heading}`, ",,,数值,单位,,", "市经信局,ZN-01,2017-10,440,家,推进中,口径调整：剔除注销企业10家"].join("\n");
      const r = await readMonthlyFile({ name: "two-rows.csv", bytes: Buffer.from(csv) }, CTX);
      expect([heading, r.fileError, r.file.ignoredColumns, r.rows.map((x) => [x.value, x.status, x.note])]).toEqual([heading, null, [], [[440, "in_progress", "口径调整：剔除注销企业10家"]]]);
    }
  });

  it("the department and the period under longer names: 报送单位名称, 部门名称, 统计时段, 报告期间, 所属期", async () => {
    for (const [department, period] of [["报送单位名称", "统计时段"], ["填报单位名称", "报告期间"], ["部门名称", "所属期"]]) {
      const r = await readMonthlyFile({ name: "names.csv", bytes: Buffer.from(`${department},指标编码,${period},累计完成值\n市经信局,ZN-01,2017-10,440\n`) }, CTX);
      expect([department, r.fileError, r.rows.map((x) => [x.department, x.period, x.value])]).toEqual([department, null, [["市经信局", "2017-10", 440]]]);
    }
    // 部门 alone, 截至时间: asked about, not taken
    const asked = await readMonthlyFile({ name: "asked.csv", bytes: Buffer.from("部门,指标编码,截至时间,累计完成值\n市经信局,ZN-01,2017-10,440\n") }, CTX);
    expect(asked.fileError?.message).toContain("A 列「部门」未能识别（是否为「报送单位」？）、C 列「截至时间」未能识别（是否为「统计期」？）");
  });

  it("「/」「—」 in 完成状态, 单位 or 填报日期 say nothing, as an empty cell: the figure beside them loads", async () => {
    const csv = [HEADER, "市经信局,ZN-01,2017-10,450,/,/,,张三,—", "市经信局,ZN-02,2017-10,3,亿元,—,,,/", "市科技局,ZN-03,2017-10,,,/,,,"].join("\n");
    const r = await readMonthlyFile({ name: "slashes.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rows.map((x) => [x.targetCode, x.value, x.status, x.reportedAt])).toEqual([["ZN-01", 450, null, null], ["ZN-02", 30000, null, null]]);
    // a milestone still needs its status
    expect(r.rejects.map((x) => [x.row, x.code, x.column])).toEqual([[4, "E_REQUIRED", "完成状态"]]);
  });

  it("a 单位 written with a space or in brackets (「万 元」「（亿元）」) is that unit", async () => {
    const csv = [HEADER, "市经信局,ZN-02,2017-10,3,（亿元）,,,,", "市经信局,ZN-02,2017-11,40000,万 元,,,,"].join("\n");
    const r = await readMonthlyFile({ name: "units.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-10", 30000], ["2017-11", 40000]]);
  });

  it("「—」「/」「无」 in 累计完成值 beside a status mean no figure, as an empty cell; without a status, or as 待统计, the row is rejected, saying what to write", async () => {
    const csv = [
      "报送单位,指标编码,统计期,累计完成值,完成状态",
      "市科技局,ZN-03,2017-10,—,推进中", // a milestone: its status is the report
      "市经信局,ZN-01,2017-10,/,未启动", // a quantity not started: no figure yet
      "市经信局,ZN-02,2017-10,无,", // no status: nothing reported
      "市科技局,ZN-04,2017-10,N/A,已完成", // done, with no figure to check: flagged by the review, not rejected here
      "市科技局,ZN-04,2017-11,待统计,推进中", // a figure not known yet, whatever the status
    ].join("\n");
    const r = await readMonthlyFile({ name: "placeholders.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rows.map((x) => [x.sourceRow, x.value, x.status])).toEqual([[2, null, "in_progress"], [3, null, "not_started"], [5, null, "done"]]);
    expect(r.rejects.map((j) => [j.row, j.code, j.value])).toEqual([[4, "E_NOT_A_NUMBER", "无"], [6, "E_NOT_A_NUMBER", "待统计"]]);
    expect(r.rejects[0]!.message).toContain("没有数值时请留空");
  });

  it("a value header carrying the unit: 累计完成值（亿元）", async () => {
    const csv = ["报送单位,指标编码,统计期,累计完成值（亿元）", "市经信局,ZN-02,2017-10,2", "市经信局,ZN-02,2017-11,3000万元"].join("\n");
    const r = await readMonthlyFile({ name: "header-unit.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rows.map((x) => x.value)).toEqual([20000]);
    expect(rejectCodes(r)).toEqual({ 3: ["E_UNIT_MISMATCH"] });
  });

  it("an unquoted thousands separator shifts the row: rejected (E_EXTRA_CELLS), the others stay", async () => {
    const csv = [HEADER, "市经信局,ZN-01,2017-10,450,家,,,,", "市经信局,ZN-02,2017-10,1,234,,,,,", "市财政局,ZN-02,2017-10,\"1,234\",万元,,,,"].join("\n");
    const r = await readMonthlyFile({ name: "shifted.csv", bytes: Buffer.from(csv) }, CTX);
    expect(rejectCodes(r)[3]).toContain("E_EXTRA_CELLS");
    expect(r.rows.map((x) => [x.sourceRow, x.value])).toEqual([
      [2, 450],
      [4, 1234],
    ]);
    // a cell of spaces beyond the header: still rejected, and said to be blank
    const blank = await readMonthlyFile({ name: "blank.csv", bytes: Buffer.from([HEADER, "市经信局,ZN-01,2017-10,450,家,,,,, "].join("\n")) }, CTX);
    expect(blank.rejects.map((x) => [x.row, x.code])).toEqual([[2, "E_EXTRA_CELLS"]]);
    expect(blank.rejects[0]!.message).toContain("比表头多 1 个单元格，多出的单元格是空白的");
    expect(blank.rejects[0]!.message).not.toContain("英文逗号");
    // a comma inside 进展情况: the message says what to do with it
    const note = await readMonthlyFile({ name: "note.csv", bytes: Buffer.from([HEADER, "市经信局,ZN-01,2017-10,450,家,推进中,已完成培育,正在验收,张三,2017-11-03"].join("\n")) }, CTX);
    expect(note.rejects.map((x) => [x.row, x.code])).toEqual([[2, "E_EXTRA_CELLS"]]);
    expect(note.rejects[0]!.message).toContain("比表头多 1 个单元格（进展情况等文字中的英文逗号“,”会把一格拆成两格，其后各格随之错位：请改用中文逗号“，”，或给该格加上引号）");
    // a line ending in a million commas (no spreadsheet writes one; a broken exporter may): the same, with the other rows
    // (its cells were once each pooled per column: 6 GB and a crash)
    const wide = await readMonthlyFile({ name: "wide.csv", bytes: Buffer.from([HEADER, "市经信局,ZN-01,2017-10,450,家,,,," + ",".repeat(1_000_000), "市财政局,ZN-02,2017-10,3000,万元,,,,"].join("\n")) }, CTX);
    expect(wide.rejects.map((x) => [x.row, x.code])).toEqual([[2, "E_EXTRA_CELLS"]]);
    expect(wide.rows.map((x) => [x.sourceRow, x.value])).toEqual([[3, 3000]]);
  });

  it("no 累计完成值 column while one the reader does not know holds figures (完成情况 beside 完成状态, 截至目前): the file is rejected, not loaded with the statuses alone", async () => {
    const csv = (heading: string, cell: string) => [`报送单位,指标编码,统计期,完成状态,${heading}`, `市经信局,ZN-01,2017-10,推进中,${cell}`, "市经信局,ZN-02,2017-10,推进中,"].join("\n");
    // (and headings other numbers share, over what is done: 任务完成数, 目标完成情况, a share done, this year's)
    for (const [heading, cell] of [["完成情况", "320家"], ["截至目前", "320"], ["实绩", "1234"], ["任务完成数", "320"], ["目标完成情况", "320"],
      ["本年度", "320"], ["完成率", "71%"], ["完成率（%）", "71"], ["进度（%）", "71"], ["Progress %", "71"]] as const) {
      const r = await readMonthlyFile({ name: "figures.csv", bytes: Buffer.from(csv(heading, cell)) }, CTX);
      expect(r.fileError?.code, heading).toBe("E_HEADER");
      expect(r.fileError?.message, heading).toContain(`E 列「${heading.normalize("NFKC").replace(/\s+/g, "")}」中填的是数值（如「${cell}」）：这些数不会被读取`);
    }
    // a column of other numbers (序号, 目标值, 联系电话, a time limit, a quarter, a year) or of words is no figure: the statuses load
    for (const [heading, cell] of [["序号", "1"], ["年度目标", "450家"], ["联系电话", "13800000000"], ["完成情况", "正在选址"], ["完成时限", "2017.12"],
      ["季度", "4"], ["完成年份", "2017"], ["进度", "2017年12月"], ["本年度目标", "450"], ["序时进度（%）", "83"], ["年度任务", "450"]] as const) {
      const r = await readMonthlyFile({ name: "other.csv", bytes: Buffer.from(csv(heading, cell)) }, CTX);
      expect(r.fileError, heading).toBeNull();
      expect(r.rows.map((x) => x.status), heading).toEqual(["in_progress", "in_progress"]);
    }
  });

  it("a 「单位」 column holding the reporting unit: both messages say to name it 报送单位", async () => {
    const twice = await readMonthlyFile({ name: "twice.csv", bytes: Buffer.from("单位,指标编码,统计期,累计完成值,计量单位\n市经信局,ZN-01,2017-10,450,家\n") }, CTX);
    expect(twice.fileError?.message).toContain("「单位」出现 2 次（A 列「单位」、E 列「计量单位」）；「单位」列如填的是报送单位，请把列名改为「报送单位」");
    const form = await readMonthlyFile({ name: "form.csv", bytes: Buffer.from("填报单位：市经信局\n单位,指标编码,统计期,累计完成值\n市经信局,ZN-01,2017-10,450\n") }, CTX);
    expect(form.rejects.map((x) => [x.code, x.message])).toEqual([["E_UNIT_MISMATCH",
      "单位不一致或无法换算：填写的单位为 市经信局，指标单位为 家，两者无法换算（「单位」列应填计量单位；如这一列填的是报送单位，请把列名改为「报送单位」）"]]);
  });

  it("line ends of two kinds (an Excel export, CRLF, with lines added as LF): each ends a row, and rows are numbered as Excel shows them", async () => {
    const text = [HEADER, "市经信局,ZN-01,2017-09,440,家,,,,"].join("\r\n") + "\r\n" + ["市经信局,ZN-01,2017-10,450,家,,,,", "市经信局,ZN-02,2017-10,abc,万元,,,,"].join("\n") + "\n";
    const r = await readMonthlyFile({ name: "mixed.csv", bytes: Buffer.from(text) }, CTX);
    expect(r.rows.map((x) => [x.sourceRow, x.period, x.value, x.reportedAt])).toEqual([[2, "2017-09", 440, null], [3, "2017-10", 450, null]]);
    expect(r.rejects.map((x) => [x.row, x.code])).toEqual([[4, "E_NOT_A_NUMBER"]]);
    // a quoted 「3,000万元」 in the CRLF part, a blank line among the added ones: still each row its own
    const quotedWide = [HEADER, '市财政局,ZN-02,2017-09,"3,000万元",,,,,'].join("\r\n") + "\r\n" + ["市经信局,ZN-01,2017-10,450,家,,,,", "", "市经信局,ZN-01,2017-11,460,家,,,,"].join("\n") + "\n";
    const wide = await readMonthlyFile({ name: "wide.csv", bytes: Buffer.from(quotedWide) }, CTX);
    expect(wide.rejects).toEqual([]);
    expect(wide.rows.map((x) => [x.sourceRow, x.value])).toEqual([[2, 3000], [3, 450], [5, 460]]);
    // a note with a line break inside its quotes stays one cell
    const quoted = await readMonthlyFile({ name: "quoted.csv", bytes: Buffer.from(`${HEADER}\r\n市经信局,ZN-01,2017-10,450,家,,"第一行\n第二行",,\n`) }, CTX);
    expect(quoted.rows.map((x) => [x.sourceRow, x.note])).toEqual([[2, "第一行\n第二行"]]);
  });

  it("a stray carriage return on each line of an LF file (a CRLF line given more cells after its CR): read by its line feeds, as its CRLF twin is", async () => {
    const lines = [`${HEADER}\r,,`, "市经信局,ZN-01,2017-10,450,家,,,,\r,,", "市经信局,ZN-02,2017-10,abc,万元,,,,\r,,"];
    const lf = await readMonthlyFile({ name: "lf.csv", bytes: Buffer.from(lines.join("\n") + "\n") }, CTX);
    const crlf = await readMonthlyFile({ name: "crlf.csv", bytes: Buffer.from(lines.join("\r\n") + "\r\n") }, CTX);
    expect(lf.rows.map((x) => [x.sourceRow, x.period, x.value])).toEqual([[2, "2017-10", 450]]);
    expect(lf.rejects.map((x) => [x.row, x.code])).toEqual([[3, "E_NOT_A_NUMBER"]]);
    expect(crlf.rows).toEqual(lf.rows);
    expect(crlf.rejects).toEqual(lf.rejects);
    // a file of CR alone (old Mac) is still read by its CRs
    const cr = await readMonthlyFile({ name: "cr.csv", bytes: Buffer.from([HEADER, "市经信局,ZN-01,2017-10,450,家,,,,"].join("\r") + "\r") }, CTX);
    expect(cr.rows.map((x) => [x.sourceRow, x.value])).toEqual([[2, 450]]);
  });

  it("a second header below the first: skipped when its columns stand where the first's do; the file rejected when they stand elsewhere", async () => {
    const first = ["报送单位,指标编码,统计期,本月完成值,累计完成值", "市经信局,ZN-01,2017-10,20,450"];
    const same = await readMonthlyFile({ name: "same.csv", bytes: Buffer.from([...first, "", "报送单位,指标编码,统计期,本月完成值,累计完成值", "市经信局,ZN-02,2017-10,1,30"].join("\n")) }, CTX);
    expect(same.rows.map((x) => [x.sourceRow, x.value])).toEqual([[2, 450], [5, 30]]);
    expect(same.file.skippedRows).toEqual([{ row: 4, reason: "重复的表头行" }]);
    // the second table's 累计完成值 one column to the left: read in the first's order, 本月 would pass for 累计
    const swapped = await readMonthlyFile({ name: "swapped.csv", bytes: Buffer.from([...first, "", "报送单位,指标编码,统计期,累计完成值,本月完成值", "市经信局,ZN-02,2017-10,30,1"].join("\n")) }, CTX);
    expect(swapped.fileError?.code).toBe("E_HEADER");
    expect(swapped.fileError?.message).toContain("第 4 行又有一行表头，但列的位置与第 1 行的表头不同（「累计完成值」原在 E 列，此处在 D 列）");
    expect(swapped.rows).toEqual([]);
    // read as the first header is read: the English header (unit as the reporting unit) and 截至上月 beside 截至本月, repeated
    for (const [head, row] of [["department,target_code,period,value,unit,status", "市经信局,ZN-01,2017-10,450,家,"],
      ["报送单位,指标编码,统计期,累计完成值（截至上月）,累计完成值（截至本月）", "市经信局,ZN-01,2017-10,440,450"]] as const) {
      const again = await readMonthlyFile({ name: "again.csv", bytes: Buffer.from([head, row, head, row.replace("2017-10", "2017-11")].join("\n")) }, CTX);
      expect(again.fileError, head).toBeNull();
      expect(again.file.skippedRows, head).toEqual([{ row: 3, reason: "重复的表头行" }]);
      expect(again.rows.map((x) => [x.period, x.value]), head).toEqual([["2017-10", 450], ["2017-11", 450]]);
    }
  });

  it("a note in one cell to the right of the table, on a row of its own, is skipped; two cells there are left to the rules", async () => {
    const note = ["市经信局,ZN-01,2017-10,450,家,,,,", ",,,,,,,,,,注：本月数据为初步统计"];
    const r = await readMonthlyFile({ name: "side.csv", bytes: Buffer.from([HEADER, ...note].join("\n")) }, CTX);
    expect(r.rejects).toEqual([]);
    expect(r.file.skippedRows).toEqual([{ row: 3, reason: "只在表格以外的一个单元格中有内容（旁注或说明）" }]);
    // (a report shifted past the header's columns holds several cells: never skipped unseen)
    const shifted = await readMonthlyFile({ name: "shifted.csv", bytes: Buffer.from([HEADER, note[0], ",,,,,,,,,市经信局,ZN-01,2017-11,460"].join("\n")) }, CTX);
    expect(shifted.file.skippedRows).toEqual([]);
    expect(shifted.rejects.map((x) => x.row)).toContain(3);
  });

  it("a comma at the end of every data line (not of the header's) is the file's shape: every row read; at the end of some lines only, those are rejected", async () => {
    const lines = ["市经信局,ZN-01,2017-10,450,家,,,,,", "市经信局,ZN-02,2017-10,30,万元,,,,,", "市财政局,ZN-02,2017-10,12,万元,,,,,,"];
    const every = await readMonthlyFile({ name: "trailing.csv", bytes: Buffer.from([HEADER, ...lines].join("\n")) }, CTX);
    expect(every.rejects).toEqual([]);
    expect(every.rows.map((x) => [x.sourceRow, x.value])).toEqual([[2, 450], [3, 30], [4, 12]]);
    expect(planCsv(Buffer.from([HEADER, ...lines].join("\n")))).toBeNull(); // (the JavaScript rules see every row)
    // one line as wide as the header among them: a comma inside a cell may have shifted the others
    const some = await readMonthlyFile({ name: "some.csv", bytes: Buffer.from([HEADER, ...lines, "市经信局,ZN-01,2017-09,3,家,,,,"].join("\n")) }, CTX);
    expect(some.rejects.map((x) => [x.row, x.code])).toEqual([[2, "E_EXTRA_CELLS"], [3, "E_EXTRA_CELLS"], [4, "E_EXTRA_CELLS"]]);
  });

  it.each([
    ["missing 统计期", "报送单位,指标编码,累计完成值\n市经信局,ZN-01,450\n", "统计期"],
    ["neither 累计完成值 nor 完成状态", "报送单位,指标编码,统计期,进展情况\n市经信局,ZN-01,2017-10,顺利\n", "累计完成值 或 完成状态"],
    ["not a report at all", "姓名,电话\n张三,123\n", "没有找到表头"],
    ["columns typed apart by full-width commas", "报送单位，指标编码，统计期，累计完成值\n市经信局，ZN-01，2017-10，450\n", "第 1 行的列名之间用的是全角逗号“，”"],
    ["columns typed apart by bars, under a title", "2017年10月报表\n报送单位|指标编码|统计期|累计完成值\n市经信局|ZN-01|2017-10|450\n", "第 2 行的列名之间用的是竖线“|”"],
    ["every line quoted whole", '"报送单位,指标编码,统计期,累计完成值"\n"市经信局,ZN-01,2017-10,450"\n', "第 1 行的列名都在同一个单元格中、以英文逗号“,”分隔，整行被读成了一个单元格：每列应各占一个单元格。CSV 文件中不要给整行加引号"],
    ["a tab-separated line in one cell", '"报送单位\t指标编码\t统计期\t累计完成值"\n"市经信局\tZN-01\t2017-10\t450"\n', "以制表符分隔"],
    ["a month above the header under a label not known", "时间：2017年10月,,\n报送单位,指标编码,累计完成值\n市经信局,ZN-01,450\n", "表头上方的「时间：2017年10月」未能识别为统计期：全表只有一个统计期时，请把“时间”改为“统计期”"],
    ["codes under 编号", "报送单位,编号,统计期,累计完成值\n市经信局,ZN-01,2017-10,450\n市经信局,ZN-02,2017-10,3\n", "表头缺少列：指标编码；B 列「编号」中填的像是指标编码（如「ZN-01」），请把列名改为「指标编码」"],
    ["a column twice", "报送单位,指标编码,统计期,累计完成值,value\n市经信局,ZN-01,2017-10,450,450\n", "「累计完成值」出现 2 次"],
    ["the header under 25 lines of instructions", `${Array.from({ length: 25 }, (_, i) => `${i + 1}. 填报说明第 ${i + 1} 条`).join("\n")}\n报送单位,指标编码,统计期,累计完成值\n市经信局,ZN-01,2017-10,450\n`,
      "前 20 行中没有找到表头；第 26 行像表头：表头须在前 20 行之内，请删去表头上方的说明等行后再报送"],
  ])("wrong header (%s) → E_HEADER, nothing accepted", async (_, csv, detail) => {
    const r = await readMonthlyFile({ name: "wrong.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError?.code).toBe("E_HEADER");
    expect(r.fileError?.message).toContain(detail);
    expect(r.rows).toEqual([]);
    expect(r.rejects).toEqual([]);
  });

  it("a number split at its unquoted thousands comma into one cell more than the header: one reject that says so, not the noise of the shifted cells", async () => {
    const csv = [HEADER, "市经信局,ZN-01,2017-10,1,234,家,,,张三,2017-11-03", "市经信局,ZN-02,2017-10,1,2345,万元,,,张三,2017-11-03"].join("\n");
    const r = await readMonthlyFile({ name: "split3.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rejects.filter((x) => x.row === 2).map((x) => [x.code, x.value])).toEqual([["E_EXTRA_CELLS", "1,234"]]);
    expect(r.rejects[0]!.message).toContain("多半是未加引号的千分位数被逗号拆成了两格，其后各格因此错位；请写成 1234");
    // (1,2345 is no thousands separator: the row's cells are reported as read)
    expect(r.rejects.filter((x) => x.row === 3).map((x) => x.code)).toContain("E_EXTRA_CELLS");
    expect(r.rejects.filter((x) => x.row === 3).map((x) => x.message).join()).not.toContain("千分位数");
    expect(r.rows).toEqual([]);
  });

  it("a number split at its unquoted thousands comma into the 进展情况 or 备注 column after it is rejected, not stored as 2", async () => {
    const note = ["报送单位,指标编码,统计期,单位,完成状态,累计完成值,进展情况", "市经信局,ZN-01,2017-10,家,推进中,2,150", "市经信局,ZN-01,2017-11,家,推进中,2,说明150"].join("\n");
    const r = await readMonthlyFile({ name: "split.csv", bytes: Buffer.from(note) }, CTX);
    expect(rejectCodes(r)).toEqual({ 2: ["E_EXTRA_CELLS"] });
    expect(r.rejects[0]!.message).toContain("累计完成值后一格紧接着 3 位数字（「2,150」），多半是未加引号的千分位数被逗号拆成了两格；请写成 2150");
    expect(r.rows.map((x) => [x.period, x.value, x.note])).toEqual([["2017-11", 2, "说明150"]]);
    const remark = await readMonthlyFile({ name: "split2.csv", bytes: Buffer.from(["报送单位,指标编码,统计期,累计完成值,备注", "市经信局,ZN-01,2017-10,1,234.5"].join("\n")) }, CTX);
    expect(rejectCodes(remark)).toEqual({ 2: ["E_EXTRA_CELLS"] });
    // a number column after the value is no place a number spills into unseen: 目标值 150 beside 120 is read as written
    const goal = await readMonthlyFile({ name: "goal.csv", bytes: Buffer.from(["报送单位,指标编码,统计期,累计完成值,年度目标值", "市经信局,ZN-01,2017-10,120,150"].join("\n")) }, CTX);
    expect(goal.rejects).toEqual([]);
    expect(goal.rows.map((x) => x.value)).toEqual([120]);
  });

  it("a quoted word followed by more text (typed by hand) is read as Excel reads it: kept in a note, that row rejected elsewhere", async () => {
    const csv = [HEADER, '市经信局,ZN-01,2017-10,86,家,,"上规"企业86家,张三,2017-11-03', "市经信局,ZN-02,2017-10,30,万元,,,,", '市财政局,ZN-02,2017-10,40,万元,,"完成",,',
      '市经信局,ZN-01,2017-09,80,家,,"最多跑一次"改革,"李"四,', '市财政局,ZN-02,2017-09,"3"5,万元,,,,'].join("\n");
    const r = await readMonthlyFile({ name: "stray.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError).toBeNull();
    // (in 累计完成值 the text after the quote may be a figure's part: "3"5 is 35 to Excel, but a figure must be plain)
    expect(rejectCodes(r)).toEqual({ 6: ["E_CSV_QUOTES"] });
    expect(r.rejects[0]!.rawRow["累计完成值"]).toBe("35");
    expect(r.rows.map((x) => [x.sourceRow, x.value, x.note, x.reporter])).toEqual([[2, 86, "上规企业86家", "张三"], [3, 30, null, null], [4, 40, "完成", null], [5, 80, "最多跑一次改革", "李四"]]);
  });

  it("reading such a file keeps the file's line break: a bare line feed inside a CRLF file's note stays in the note", async () => {
    const csv = [HEADER, "市经信局,ZN-01,2017-10,86,家,,第一行\n第二行,张三,", '市经信局,ZN-02,2017-10,30,"万"元,,上规企业,,', '市财政局,ZN-02,2017-10,40,万元,,"完成" ,,'].join("\r\n");
    const r = await readMonthlyFile({ name: "crlf.csv", bytes: Buffer.from(csv) }, CTX);
    expect(rejectCodes(r)).toEqual({ 3: ["E_CSV_QUOTES"] });
    expect(r.rows.map((x) => [x.sourceRow, x.note])).toEqual([[2, "第一行\n第二行"], [4, "完成"]]);
  });

  it("a note whose quote is left open takes the rows below into its cell: the reject says how many lines it swallowed", async () => {
    const csv = [HEADER, '市经信局,ZN-01,2017-10,86,家,,"进展顺利，1.新增20家,张三,2017-11-03', "市经信局,ZN-02,2017-10,30,万元,,,,",
      "市科技局,ZN-03,2017-10,,,已完成,,,", '市财政局,ZN-02,2017-10,40,万元,,"完成",,', "市科技局,ZN-04,2017-10,45%,,,,,"].join("\n");
    const r = await readMonthlyFile({ name: "open-quote.csv", bytes: Buffer.from(csv) }, CTX);
    expect(rejectCodes(r)).toEqual({ 2: ["E_CSV_QUOTES"] });
    expect(r.rejects[0]!.message).toContain("本行有一个单元格跨越 4 行文本：多半是某个引号没有闭合，把其下 3 行并入了本行，这些行未被读取");
    expect(r.rows.map((x) => x.targetCode)).toEqual(["ZN-04"]);
  });

  it("such a quote that also spans lines leaves the file rejected: its closing quote may belong to a later row", async () => {
    const csv = [HEADER, '市经信局,ZN-01,2017-10,86,家,,"上规', '企业"86家,张三,2017-11-03', "市经信局,ZN-02,2017-10,30,万元,,,,"].join("\n");
    const r = await readMonthlyFile({ name: "stray2.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError?.code).toBe("E_CSV_STRUCTURE");
  });

  it("a quote never closed: that row rejected (E_CSV_QUOTES), the rows above and below it kept", async () => {
    const csv = [HEADER, "市财政局,ZN-02,2017-10,2,,,,,", "市经信局,ZN-01,2017-10,450,,,\"进展,,", "市经信局,ZN-02,2017-10,1,,,,,"].join("\n");
    const r = await readMonthlyFile({ name: "quote.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError).toBeNull();
    expect(rejectCodes(r)).toEqual({ 3: ["E_CSV_QUOTES"] });
    expect(r.rejects[0]!.message).toContain("「进展情况」列的 \"进展 以引号开头，却没有与之成对的引号");
    expect(r.rows.map((x) => [x.sourceRow, x.department, x.value])).toEqual([[2, "市财政局", 2], [4, "市经信局", 1]]);
  });

  it("…but in a CRLF file whose rows below were added with LF line ends, where its row ends is unknown: the file is rejected, naming the row", async () => {
    const csv = [HEADER, "市经信局,ZN-02,2017-10,1,,,,,"].join("\r\n") + "\r\n" + ['市经信局,ZN-01,2017-10,450,,,"进展,,', "市财政局,ZN-02,2017-09,1,,,,,"].join("\n") + "\n";
    const r = await readMonthlyFile({ name: "mixed.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError?.code).toBe("E_CSV_STRUCTURE");
    expect(r.fileError?.message).toContain("第 3 行起引号未闭合");
  });

  it("…in whichever column, below a quote Excel reads (\"上规\"企业5家), and after a doubled quote (\"\")", async () => {
    const read = (name: string, lines: string[]) => readMonthlyFile({ name, bytes: Buffer.from([HEADER, ...lines].join("\n")) }, CTX);
    const value = await read("quote3.csv", ['市经信局,ZN-01,2017-10,5,家,,"上规"企业5家,张三,2017-11-03', '市财政局,ZN-02,2017-10,"40,万元,,,,', "市经信局,ZN-02,2017-10,30,万元,,,,"]);
    expect(value.fileError).toBeNull();
    expect(rejectCodes(value)).toEqual({ 3: ["E_CSV_QUOTES", "E_NOT_A_NUMBER"] });
    expect(value.rows.map((x) => [x.sourceRow, x.note])).toEqual([[2, "上规企业5家"], [4, null]]);
    const doubled = await read("quote4.csv", ['市财政局,ZN-02,2017-09,35,万元,,"含""上规企业,,', "市经信局,ZN-02,2017-10,30,万元,,,,"]);
    expect(doubled.fileError).toBeNull();
    expect(rejectCodes(doubled)).toEqual({ 2: ["E_CSV_QUOTES"] });
    expect(doubled.rows.map((x) => x.sourceRow)).toEqual([3]);
  });
});

describe("readMonthlyFile: forms as departments fill them in", () => {
  it.each([
    ["a header typed with Alt+Enter", '"累计完成值\n（亿元）"'],
    ["a slash", "累计完成值/亿元"],
    ["单位： in the bracket", "累计完成值（单位：亿元）"],
    ["a note beside it in the bracket", "累计完成值（截至本月，亿元）"],
  ])("the value header's unit is read from %s", async (_, header) => {
    const csv = [`报送单位,指标编码,统计期,${header}`, "市经信局,ZN-02,2017-10,2"].join("\n");
    const r = await readMonthlyFile({ name: "unit.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.rows.map((x) => [x.value, x.unit, x.reportedUnit])).toEqual([[20000, "万元", "亿元"]]);
  });

  it.each([["累计完成值（万）"], ["累计完成值（千万）"], ["累计完成值（MWh）"], ["累计完成值（元/吨）"], ["累计完成值（万%）"], ["累计完成值（数量或百分比）"], ["累计完成值（万元，亿元）"], ["累计完成值（万元或亿元）"]])(
    "a value header with a unit the reader does not know (%s) rejects the file instead of dropping the unit",
    async (header) => {
      const csv = [`报送单位,指标编码,统计期,${header}`, "市经信局,ZN-02,2017-10,3000"].join("\n");
      const r = await readMonthlyFile({ name: "unit.csv", bytes: Buffer.from(csv) }, CTX);
      expect(r.fileError?.code).toBe("E_HEADER");
      expect(r.fileError?.message).toContain("D 列");
      expect(r.fileError?.message).toContain("无法识别");
      // several units named: said why
      if (/万元(，|或)亿元/.test(header)) expect(r.fileError?.message).toContain("括号中写了几种单位");
      else expect(r.fileError?.message).not.toContain("几种单位");
      expect(r.rows).toEqual([]);
    },
  );

  it.each([
    ["above the header", ["市经信局月报", ",,金额单位：亿元", "报送单位,指标编码,统计期,累计完成值"]],
    ["in the title's brackets", ["市经信局月报（金额单位：亿元）", "报送单位,指标编码,统计期,累计完成值"]],
    ["as a list of units", ["市经信局月报", "单位：亿元、家", "报送单位,指标编码,统计期,累计完成值"]],
    ["as 单位： above a table whose 单位 cell is empty", ["单位：亿元", "报送单位,指标编码,统计期,累计完成值,单位"]],
    // (a table of 家 and 亿元 targets with no 单位 column: the title's 单位 is the amounts')
    ["as 单位： in the title of a table with no 单位 column", ["市经信局月报（单位：亿元）", "报送单位,指标编码,统计期,累计完成值"]],
  ])("金额单位 stated %s is the unit of the money targets' figures only; a count keeps its own unit", async (_, head) => {
    const unitColumn = head.at(-1)!.endsWith(",单位");
    const csv = [...head, `市经信局,ZN-02,2017-10,2${unitColumn ? "," : ""}`, `市经信局,ZN-01,2017-10,450${unitColumn ? ",家" : ""}`, `市经信局,ZN-02,2017-09,3000万元${unitColumn ? "," : ""}`].join("\n");
    const r = await readMonthlyFile({ name: "money.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.targetCode, x.value, x.unit])).toEqual([["ZN-02", 20000, "万元"], ["ZN-01", 450, "家"], ["ZN-02", 3000, "万元"]]);
    expect(r.file.formFields.map((f) => [f.column, f.text])).toEqual([[unitColumn || head[0]!.includes("（单位") ? "单位" : "金额单位", "亿元"]]);
  });

  it("a 金额单位 column is the 单位 column; two different 金额单位 above the header reject the file", async () => {
    const column = await readMonthlyFile({ name: "c.csv", bytes: Buffer.from(["报送单位,指标编码,统计期,累计完成值,金额单位", "市经信局,ZN-02,2017-10,2,亿元", "市经信局,ZN-01,2017-10,450,"].join("\n")) }, CTX);
    expect(column.rows.map((x) => [x.value, x.unit])).toEqual([[20000, "万元"], [450, "家"]]);
    const two = await readMonthlyFile({ name: "t.csv", bytes: Buffer.from(["金额单位：万元", "金额单位：亿元", "报送单位,指标编码,统计期,累计完成值", "市经信局,ZN-02,2017-10,2"].join("\n")) }, CTX);
    expect(two.fileError?.code).toBe("E_HEADER");
    expect(two.fileError?.message).toContain("金额单位前后不一致");
  });

  it("a scale and a unit in the value header apply to bare numbers below: 累计完成值（万家）, and 百分比 means %", async () => {
    const csv = ["报送单位,指标编码,统计期,累计完成值（万家）", "市经信局,ZN-01,2017-10,0.045", "市经信局,ZN-01,2017-11,460家"].join("\n");
    const r = await readMonthlyFile({ name: "scaled.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-10", 450], ["2017-11", 460]]);
    const pct = ["报送单位,指标编码,统计期,累计完成值（百分比）", "市科技局,ZN-04,2017-10,85"].join("\n");
    const p = await readMonthlyFile({ name: "pct.csv", bytes: Buffer.from(pct) }, CTX);
    expect(p.rows.map((x) => [x.value, x.reportedUnit])).toEqual([[85, "%"]]);
  });

  it("a scale and a unit in the 单位 column apply to a bare number beside it (万家), or repeat the cell's (0.046万家); another unit in the cell is a mismatch", async () => {
    const csv = [HEADER, "市经信局,ZN-01,2017-10,0.045,万家,,,,", "市经信局,ZN-01,2017-11,0.046万家,万家,,,,", "市经信局,ZN-01,2017-09,440,家,,,,"].join("\n");
    const r = await readMonthlyFile({ name: "scaled-column.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rows.map((x) => [x.period, x.value, x.reportedValue, x.reportedUnit])).toEqual([
      ["2017-10", 450, 450, "家"], ["2017-11", 460, 460, "家"], ["2017-09", 440, 440, "家"],
    ]);
    expect(r.rejects).toEqual([]);
    const mismatch = [HEADER, "市经信局,ZN-01,2017-10,470家,万家,,,,", "市经信局,ZN-01,2017-11,0.048,万元,,,,"].join("\n");
    const m = await readMonthlyFile({ name: "mismatch.csv", bytes: Buffer.from(mismatch) }, CTX);
    expect(rejectCodes(m)).toEqual({ 2: ["E_UNIT_MISMATCH"], 3: ["E_UNIT_MISMATCH"] });
    expect(m.rejects[0]!.message).toContain("单元格为 家，「单位」列为 万家");
  });

  it("a scale word in the cell beside a unit that has its own (1.2万 with 万元, 2万 with 万家) is rejected, not multiplied: 1.2万元 or 1.2 亿元?", async () => {
    const csv = [
      HEADER,
      "市经信局,ZN-02,2017-09,1.2万,万元,,,,", // 2: 1.2万元, or 1.2 × 万 × 万元 = 1.2 亿元?
      "市经信局,ZN-02,2017-10,0.3亿,亿元,,,,", // 3
      "市经信局,ZN-01,2017-09,2万,万家,,,,", // 4
      "市经信局,ZN-02,2017-11,3000万,元,,,,", // 5: 3000万元, no doubt
      "市经信局,ZN-01,2017-10,1.5万,家,,,,", // 6: 15000 家
    ].join("\n");
    const r = await readMonthlyFile({ name: "scale-twice.csv", bytes: Buffer.from(csv) }, CTX);
    expect(rejectCodes(r)).toEqual({ 2: ["E_UNIT_MISMATCH"], 3: ["E_UNIT_MISMATCH"], 4: ["E_UNIT_MISMATCH"] });
    expect(r.rejects[0]!.message).toContain("“1.2万”中的“万”与「单位」列的 万元 重复，无法确定数量级；请只在一处写明（如填 1.2，单位按「单位」列的 万元）");
    expect(r.rejects[2]!.message).toContain("“2万”中的“万”与「单位」列的 万家 重复");
    expect(r.rows.map((x) => [x.period, x.value, x.unit])).toEqual([["2017-11", 3000, "万元"], ["2017-10", 15000, "家"]]);
    const header = ["报送单位,指标编码,统计期,累计完成值（万元）", "市经信局,ZN-02,2017-10,1.2万", "市经信局,ZN-02,2017-11,1.3"].join("\n");
    const h = await readMonthlyFile({ name: "scale-header.csv", bytes: Buffer.from(header) }, CTX);
    expect(h.rejects.map((x) => [x.row, x.code, x.value])).toEqual([[2, "E_UNIT_MISMATCH", "1.2万"]]);
    expect(h.rejects[0]!.message).toContain("与表头的 万元 重复");
    expect(h.rows.map((x) => [x.period, x.value])).toEqual([["2017-11", 1.3]]);
    // a row of a target in 家 under that header: a money unit in the header is the form's 金额单位, as 「单位：万元」
    // above the table, and says nothing of a count (a table of money and counts); a unit of another kind does
    const other = await readMonthlyFile({ name: "header-unit.csv", bytes: Buffer.from(["报送单位,指标编码,统计期,累计完成值（万元）", "市经信局,ZN-01,2017-10,450", "市经信局,ZN-02,2017-10,3000"].join("\n")) }, CTX);
    expect(other.rejects).toEqual([]);
    expect(other.rows.map((x) => [x.targetCode, x.value, x.unit])).toEqual([["ZN-01", 450, "家"], ["ZN-02", 3000, "万元"]]);
    const counted = await readMonthlyFile({ name: "header-unit.csv", bytes: Buffer.from(["报送单位,指标编码,统计期,累计完成值（台）", "市经信局,ZN-01,2017-10,450"].join("\n")) }, CTX);
    expect(counted.rejects.map((x) => [x.row, x.code, x.message])).toEqual([[2, "E_UNIT_MISMATCH", "单位不一致或无法换算：表头（列名）所写的单位为 台，指标单位为 家，两者无法换算"]]);
    // under 累计完成值（万家）: 2万 is 2万家 or 2万 × 万家; a bare 0.046 is read with the header
    const suffix = ["报送单位,指标编码,统计期,累计完成值（截至本月，万家）", "市经信局,ZN-01,2017-10,2万", "市经信局,ZN-01,2017-11,0.046"].join("\n");
    const x = await readMonthlyFile({ name: "scale-suffix.csv", bytes: Buffer.from(suffix) }, CTX);
    expect(x.fileError).toBeNull();
    expect(x.rejects.map((y) => [y.row, y.code])).toEqual([[2, "E_UNIT_MISMATCH"]]);
    expect(x.rejects[0]!.message).toContain("与表头的 万家 重复");
    expect(x.rows.map((y) => [y.period, y.value])).toEqual([["2017-11", 460]]);
  });

  it("zero-width characters pasted from web pages are removed wherever they are: header, department, code, value, status, note", async () => {
    const csv = [
      "\u200b报送单位,指标编码\u200b,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期",
      "市经信局\u200b,ZN-01\u200b,2017-10,450\u200b,家,,进展\u200b顺利,张\u200d三,2017-11-03",
      "市科技局,ZN-03,2017-10,,,推进\u200b中,\u2060,,",
    ].join("\n");
    const r = await readMonthlyFile({ name: "zero-width.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.department, x.targetCode, x.value, x.status, x.note, x.reporter])).toEqual([
      ["市经信局", "ZN-01", 450, null, "进展顺利", "张三"],
      ["市科技局", "ZN-03", null, "in_progress", null, null],
    ]);
  });

  it("a recurring activity with a note but neither a status nor a figure is asked for its status (as its template says), a figure with no status is read", async () => {
    const ctx = { ...CTX, targets: new Map([...TARGETS, ["ZN-05", { unit: null, kind: "recurring" as const, countingStart: "2017-09", reportingDepartments: ["市经信局"] }]]) };
    const csv = [HEADER, "市经信局,ZN-05,2017-10,,,,按期举办,,", "市经信局,ZN-05,2017-11,26,,,,,"].join("\n");
    const r = await readMonthlyFile({ name: "recurring.csv", bytes: Buffer.from(csv) }, ctx);
    expect(r.rejects.map((x) => [x.row, x.code, x.column])).toEqual([[2, "E_REQUIRED", "完成状态"]]);
    expect(r.rejects[0]!.message).toContain("常态化任务请填写 推进中 或 已完成");
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-11", 26]]);
  });

  it("填报人 and 填报日期 signed below the table, with no column for them, are every row's; a blank signature line states nothing", async () => {
    const head = "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况";
    const body = ["市经信局,ZN-01,2017-10,450,家,,", "市科技局,ZN-03,2017-10,,,已完成,"];
    const signed = [head, ...body, "合计,,,,,,", "填表人：张三,,审核人：李四,,填报日期：2017年11月3日,,"].join("\n");
    const r = await readMonthlyFile({ name: "signed.csv", bytes: Buffer.from(signed) }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.rows.map((x) => [x.reporter, x.reportedAt])).toEqual([["张三", "2017-11-03"], ["张三", "2017-11-03"]]);
    expect(r.file.formFields).toEqual([{ field: "reporter", column: "填报人", text: "张三", row: 5 }, { field: "reportedAt", column: "填报日期", text: "2017年11月3日", row: 5 }]);
    // Excel's 汇总 row and a line that opens with the leader's signature are no reports either
    const led = await readMonthlyFile({ name: "led.csv", bytes: Buffer.from([head, ...body, "汇总,,,450,,,", "分管领导：李四,,填表人：张三,,审核人：王五,,"].join("\n")) }, CTX);
    expect(led.fileError).toBeNull();
    expect(led.rejects).toEqual([]);
    expect(led.file.skippedRows.map((x) => x.row)).toEqual([4, 5]);
    expect(led.rows.map((x) => x.reporter)).toEqual(["张三", "张三"]);
    const blank = await readMonthlyFile({ name: "blank.csv", bytes: Buffer.from([head, ...body, "填表人：,,填报日期：　年　月　日,,,,"].join("\n")) }, CTX);
    expect(blank.rejects).toEqual([]);
    expect(blank.rows.map((x) => [x.reporter, x.reportedAt])).toEqual([[null, null], [null, null]]);
    // a column wins: the footer is then only a footer
    const column = await readMonthlyFile({ name: "column.csv", bytes: Buffer.from([`${head},填报人`, `${body[0]},王五`, "填表人：张三,,,,,,,"].join("\n")) }, CTX);
    expect(column.rows.map((x) => x.reporter)).toEqual(["王五"]);
    expect(column.file.formFields).toEqual([]);
  });

  it("a signature with its name in the next cell, whatever column that is (the 指标编码 column too), is a line below the table: skipped, its name every row's", async () => {
    const head = "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况";
    const body = ["市经信局,ZN-01,2017-10,450,家,,", "市科技局,ZN-03,2017-10,,,已完成,"];
    for (const footer of ["填表人：,张三,,填报日期：,2017-11-03,,", "填报人,张三,,填报日期,2017-11-03,,"]) {
      const r = await readMonthlyFile({ name: "signed.csv", bytes: Buffer.from([head, ...body, footer].join("\n")) }, CTX);
      expect([footer, r.rejects]).toEqual([footer, []]);
      expect(r.file.skippedRows.map((x) => x.row)).toEqual([4]);
    }
    // the words of the statistical forms' footers: 经办人, 统计负责人, 报出日期, 报送时间, 电话, 手机, （盖章）
    for (const footer of ["经办人：王芳,,,,联系电话：63012345,,", "统计负责人：李四,,,填表人：王芳,,报出日期：2017年11月3日,", "报送时间：2017年11月3日,,,,（单位盖章）,,",
      "电话：63012345,,,手机：13805741234,,,", "（盖章）,,,,,,2017年11月3日", "审核人：,李明,,联系电话：,63012345,,"]) {
      const r = await readMonthlyFile({ name: "footer.csv", bytes: Buffer.from([head, ...body, footer].join("\n")) }, CTX);
      expect([footer, r.rejects, r.file.skippedRows.map((x) => x.row)]).toEqual([footer, [], [4]]);
    }
  });

  it("a section heading (一、…, （三）…) in the 指标编码 or 报送单位 column, and a group's total row (各镇（街道、园区）合计), are skipped, not rejected", async () => {
    const csv = ["指标编码,累计完成值,单位,完成状态", "一、智能化改造,,,", "ZN-01,450,家,", "（三）人才培训,,人次,", "第二部分,,,"].join("\n");
    const r = await readMonthlyFile({ name: "sections.csv", bytes: Buffer.from(`填报单位：市经信局\n统计期：2017年10月\n${csv}`) }, CTX);
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.targetCode, x.value])).toEqual([["ZN-01", 450]]);
    expect(r.file.skippedRows.map((x) => x.row)).toEqual([4, 6, 7]);
    const total = await readMonthlyFile({ name: "total.csv", bytes: Buffer.from([HEADER, "市经信局,ZN-01,2017-10,450,家,,,,", "各镇（街道、园区）合计,ZN-01,2017-10,900,家,,,,"].join("\n")) }, CTX);
    expect([total.rejects, total.file.skippedRows.map((x) => x.row)]).toEqual([[], [3]]);
    // (全市汇总 beside a code, as before)
    const summed = await readMonthlyFile({ name: "summed.csv", bytes: Buffer.from([HEADER, "市经信局,ZN-01,2017-10,450,家,,,,", "全市汇总,ZN-01,2017-10,900,家,,,,"].join("\n")) }, CTX);
    expect([summed.rejects, summed.file.skippedRows.map((x) => x.row)]).toEqual([[], [3]]);
    // in the 报送单位 column likewise; but a numbering (序号 （一）) beside a department and a note is a row missing its code
    const inDepartment = await readMonthlyFile({ name: "dept.csv", bytes: Buffer.from([HEADER, "一、智能化改造,,,,,,,,", "市经信局,ZN-01,2017-10,450,家,,,,"].join("\n")) }, CTX);
    expect([inDepartment.rejects, inDepartment.file.skippedRows.map((x) => x.row)]).toEqual([[], [2]]);
    const numbered = await readMonthlyFile({ name: "numbered.csv", bytes: Buffer.from(["序号,报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况", "（一）,市经信局,,2017-10,,,,正在推进第二批项目", "（二）,市经信局,ZN-01,2017-10,450,家,,"].join("\n")) }, CTX);
    expect(numbered.rejects.map((x) => [x.row, x.code, x.column])).toContainEqual([2, "E_REQUIRED", "指标编码"]);
    // a heading with a figure beside it is a row with a wrong code: rejected as before
    const figured = await readMonthlyFile({ name: "figured.csv", bytes: Buffer.from(`填报单位：市经信局\n统计期：2017年10月\n指标编码,累计完成值,单位,完成状态\n一、智能化改造,450,家,`) }, CTX);
    expect(figured.rejects.map((x) => x.code)).toEqual(["E_UNKNOWN_CODE"]);
  });

  it("a template row left as it came (no figure, status or note) is no report: skipped and listed, not rejected; anything typed in it is checked", async () => {
    const csv = [HEADER, "市经信局,ZN-01,2017-10,,家,,,,", "市经信局,ZN-02,2017-10,30,万元,,,张三,", "市科技局,ZN-03,2017-10,,,,,张三,2017-11-03",
      "市科技局,ZN-04,2017-10,,%,,数据待统计局反馈,,"].join("\n");
    const r = await readMonthlyFile({ name: "template.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rows.map((x) => [x.sourceRow, x.targetCode])).toEqual([[3, "ZN-02"]]);
    // (填报人 and 填报日期 alone report nothing)
    expect(r.file.skippedRows).toEqual([{ row: 2, reason: UNFILLED_ROW }, { row: 4, reason: UNFILLED_ROW }]);
    expect(rejectCodes(r)).toEqual({ 5: ["E_REQUIRED"] });
    expect(r.file.rowsRead).toBe(2);
    // the template sent back with nothing filled in: the file is rejected, saying so
    const untouched = [HEADER, "市经信局,ZN-01,2017-10,,家,,,,", "市科技局,ZN-03,2017-10,,,,,张三,"].join("\n");
    const u = await readMonthlyFile({ name: "untouched.csv", bytes: Buffer.from(untouched) }, CTX);
    expect(u.fileError?.code).toBe("E_NO_DATA");
    expect(u.fileError?.message).toContain("其下 2 行只有预先填好的指标编码等，累计完成值、完成状态、进展情况都没有填写");
  });

  it("a figure under a heading a cumulative figure goes by (截至目前, 10月累计, 本年度, 合计, 1-10月), 累计完成值 empty: rejected naming that column, not lost", async () => {
    for (const heading of ["截至目前", "10月累计", "本年度", "合计", "1-10月", "年初至今"]) {
      const csv = [`报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,${heading}`, "市经信局,ZN-01,2017-10,,家,推进中,正在推进,320",
        "市经信局,ZN-01,2017-09,,家,,,300", "市经信局,ZN-01,2017-11,330,家,,,330"].join("\n");
      const r = await readMonthlyFile({ name: "elsewhere.csv", bytes: Buffer.from(csv) }, CTX);
      expect(r.rejects.map((x) => [x.row, x.code, x.column, x.value]), heading).toEqual([[2, "E_VALUE_MISPLACED", heading, "320"], [3, "E_VALUE_MISPLACED", heading, "300"]]);
      expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-11", 330]]);
    }
    // a column of dates, rates, targets or sources beside it is no figure typed in the wrong place
    const other = ["报送单位,指标编码,统计期,累计完成值,单位,完成状态,年度目标,数据来源,截至日期", "市经信局,ZN-01,2017-10,,家,推进中,450,2017,2017"].join("\n");
    const o = await readMonthlyFile({ name: "other.csv", bytes: Buffer.from(other) }, CTX);
    expect(o.rejects).toEqual([]);
    expect(o.rows.map((x) => [x.period, x.value, x.status])).toEqual([["2017-10", null, "in_progress"]]);
  });

  it("scaledUnit: a scale word and a known unit, not a unit of its own, not a percentage", () => {
    expect(["万家", "千人次", "万 家", "亿元", "万元", "万", "家", "百分比", "万头牛", "万%", "千‰"].map(scaledUnit)).toEqual(
      ["家", "人次", "家", null, null, null, null, null, null, null, null],
    );
  });

  it("a count word beside another that counts the same things agrees (35人 beside a template's 名); 家 beside 名 does not", async () => {
    const ctx = { ...CTX, targets: new Map([...CTX.targets, ["ZN-06", { unit: "名", kind: "quantity" as const, countingStart: "2017-09", reportingDepartments: ["市经信局"] }]]) };
    const csv = [HEADER, "市经信局,ZN-06,2017-10,35人,名,,,,", "市经信局,ZN-06,2017-09,30名,人,,,,", "市经信局,ZN-06,2017-11,40家,名,,,,"].join("\n");
    const r = await readMonthlyFile({ name: "people.csv", bytes: Buffer.from(csv) }, ctx);
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-10", 35], ["2017-09", 30]]);
    expect(r.rejects.map((x) => [x.row, x.code])).toEqual([[4, "E_UNIT_MISMATCH"]]);
  });

  it("calendar days for a target in working days (1.5天 beside 个工作日) are rejected, saying the two do not convert", async () => {
    const ctx = { ...CTX, targets: new Map([...CTX.targets, ["ZN-07", { unit: "个工作日", kind: "quantity" as const, countingStart: "2017-09", reportingDepartments: ["市经信局"] }]]) };
    const r = await readMonthlyFile({ name: "days.csv", bytes: Buffer.from([HEADER, "市经信局,ZN-07,2017-10,1.5天,个工作日,,,,"].join("\n")) }, ctx);
    expect(r.rejects.map((x) => [x.row, x.code])).toEqual([[2, "E_UNIT_MISMATCH"]]);
    expect(r.rejects[0]!.message).toContain("（天（自然日）与工作日不能换算：请按工作日计，只填数字）");
  });

  it("a 单位 cell holding a scale word alone (亿, 万) is rejected in that column, saying what to write", async () => {
    const csv = [HEADER, "市经信局,ZN-02,2017-10,6,亿,,,,", "市经信局,ZN-02,2017-09,3500万元,亿元,,,,"].join("\n");
    const r = await readMonthlyFile({ name: "scale.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rejects.map((x) => [x.row, x.code, x.column, x.value])).toEqual([[2, "E_UNIT_MISMATCH", "单位", "亿"], [3, "E_UNIT_MISMATCH", "累计完成值", "3500万元"]]);
    expect(r.rejects[0]!.message).toContain("“亿”不是计量单位（指标单位为 万元）：请写成如 亿元");
    expect(r.rejects[1]!.message).toContain("单元格为 万元，「单位」列为 亿元：同一个数写了不同的单位");
    // against a target in 亿元, 亿 is asked to be written as the target's unit itself, nothing to convert
    const yi = await readMonthlyFile({ name: "yi.csv", bytes: Buffer.from([HEADER, "市经信局,ZN-05,2017-10,6,亿,,,,"].join("\n")) },
      { ...CTX, targets: new Map([...CTX.targets, ["ZN-05", { unit: "亿元", kind: "quantity", countingStart: "2017-09", reportingDepartments: ["市经信局"] }]]) });
    expect(yi.rejects.map((x) => x.message)).toEqual([expect.stringContaining("“亿”不是计量单位（指标单位为 亿元）：请写成 亿元")]);
  });

  it("a 单位 cell that is no unit says what to write: one unit (家（个）), or the column renamed when it names a department; a figure in 完成状态 is sent to 累计完成值", async () => {
    const csv = [HEADER, "市经信局,ZN-01,2017-10,450,家（个）,,,,", "市经信局,ZN-01,2017-09,440,市经信局,,,,", "市经信局,ZN-01,2017-11,460,家,320,,,"].join("\n");
    const r = await readMonthlyFile({ name: "units.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rejects.map((x) => [x.row, x.code])).toEqual([[2, "E_UNIT_MISMATCH"], [3, "E_UNIT_MISMATCH"], [4, "E_BAD_STATUS"]]);
    expect(r.rejects[0]!.message).toContain("（「单位」列只填一个计量单位，如 家）");
    expect(r.rejects[0]!.message).not.toContain("报送单位");
    expect(r.rejects[1]!.message).toContain("如这一列填的是报送单位，请把列名改为「报送单位」");
    expect(r.rejects[2]!.message).toContain("数请填在「累计完成值」列");
    // a group's name (各镇（街道）) for a target its members report: each member in its own name
    const towns = ["匡堰镇", "观海卫镇"];
    const groupCtx = { ...CTX, targets: new Map([...CTX.targets, ["ZN-06", { unit: "个", kind: "quantity" as const, countingStart: "2017-09", reportingDepartments: towns }]]),
      resolveDepartment: (name: string) => (name === "各镇（街道）" || towns.includes(name) ? name : CTX.resolveDepartment(name)) };
    const group = await readMonthlyFile({ name: "group.csv", bytes: Buffer.from([HEADER, "各镇（街道）,ZN-06,2017-10,3,个,,,,"].join("\n")) }, groupCtx);
    expect(group.rejects.map((x) => [x.code, x.message])).toEqual([["E_NOT_REPORTER", expect.stringContaining("各镇（街道） 不报送指标 ZN-06：「各镇（街道）」是统称，请由各单位用自己的名称分别报送（应由 匡堰镇、观海卫镇 报送）")]]);
    // a number in 单位 (the figure typed a column too far): said so
    const typed = await readMonthlyFile({ name: "unit-number.csv", bytes: Buffer.from([HEADER, "市经信局,ZN-01,2017-10,450,62,,,,"].join("\n")) }, CTX);
    expect(typed.rejects.map((x) => [x.row, x.code, x.column])).toEqual([[2, "E_UNIT_MISMATCH", "单位"]]);
    expect(typed.rejects[0]!.message).toContain("（「单位」列填的是数字：数值请填在「累计完成值」列，「单位」列只填计量单位，如 家）");
  });

  it("a reject shows the value as sent, not as read with the unit of the header or the 单位 column", async () => {
    const column = [HEADER, "市科技局,ZN-04,2017-10,0.5,万家,,,,", "市经信局,ZN-01,2017-10,三百,万家,,,,", "市科技局,ZN-04,2017-11,0.5,万%,,,,"].join("\n");
    const c = await readMonthlyFile({ name: "sent.csv", bytes: Buffer.from(column) }, CTX);
    expect(c.rejects.map((r) => [r.row, r.code, r.column, r.value])).toEqual([
      [2, "E_UNIT_MISMATCH", "累计完成值", "0.5"], // read as 5000 家 for a % target
      [3, "E_NOT_A_NUMBER", "累计完成值", "三百"],
      [4, "E_UNIT_MISMATCH", "单位", "万%"], // 万% is no unit: the 单位 column's fault, shown as sent
    ]);
    const header = ["报送单位,指标编码,统计期,累计完成值（万家）", "市科技局,ZN-04,2017-10,0.5"].join("\n");
    const h = await readMonthlyFile({ name: "sent-header.csv", bytes: Buffer.from(header) }, CTX);
    expect(h.rejects.map((r) => [r.row, r.code, r.value])).toEqual([[2, "E_UNIT_MISMATCH", "0.5"]]);
  });

  it("a slash splits only the value header: 完成状态/进展情况 is one column holding both, not read as a status — and not ignored unseen", async () => {
    const csv = ["报送单位,指标编码,统计期,累计完成值,完成状态/进展情况", "市经信局,ZN-01,2017-10,450,进展顺利"].join("\n");
    const r = await readMonthlyFile({ name: "slash.csv", bytes: Buffer.from(csv) }, CTX);
    // with no 完成状态 column, a heading that looks like one rejects the file: the statuses written there would be lost
    expect(r.fileError?.code).toBe("E_HEADER");
    expect(r.fileError?.message).toContain("E 列「完成状态/进展情况」未能识别（是否为「完成状态」？）");
    const both = await readMonthlyFile({ name: "slash2.csv", bytes: Buffer.from(csv.replace("完成状态/进展情况", "完成状态,完成状态/进展情况").replace("450,", "450,推进中,")) }, CTX);
    expect(both.rejects).toEqual([]);
    expect(both.file.ignoredColumns).toEqual(["完成状态/进展情况"]);
  });

  it("headings of the figure and the status as forms write them: years to date before the name, a unit after it, common status names", async () => {
    const read = (header: string, row = "市经信局,ZN-01,2017-10,450,推进中") =>
      readMonthlyFile({ name: "h.csv", bytes: Buffer.from([header, row].join("\n")) }, CTX);
    for (const value of ["本年累计完成值", "1-10月累计完成值", "2017年1-10月累计完成值", "截至10月底累计完成值", "截至本月累计完成数", "累计完成值 家", "累计完成值:家", "累计完成值/家",
      "2017年累计完成值", "2017年度累计完成值", "年初以来累计完成值", "今年以来累计完成值", "17年1-10月累计完成值", "截至10月31日累计完成值", "10月底累计完成值"]) {
      const r = await read(`报送单位,指标编码,统计期,${value},完成状态`);
      expect([value, r.fileError, r.rows.map((x) => [x.value, x.status])]).toEqual([value, null, [[450, "in_progress"]]]);
    }
    for (const status of ["状态", "推进状态", "项目状态"]) {
      const r = await read(`报送单位,指标编码,统计期,累计完成值,${status}`);
      expect([status, r.rows.map((x) => x.status)]).toEqual([status, ["in_progress"]]);
    }
    // one month's figure is no cumulative one: 本月完成值 is not read as the 累计完成值 (and says so)
    const month = await read("报送单位,指标编码,统计期,本月完成值,完成状态");
    expect(month.fileError?.code).toBe("E_HEADER");
    expect(month.fileError?.message).toContain("D 列「本月完成值」未能识别（是否为「累计完成值」？）");
  });

  it("an unknown heading that looks like the figure or the status rejects the file when the header has no such column, instead of reading its rows as unfilled", async () => {
    const read = (header: string, row: string) => readMonthlyFile({ name: "u.csv", bytes: Buffer.from([header, row].join("\n")) }, CTX);
    for (const status of ["完成情况", "是否完成", "完成进度", "进度"]) {
      const r = await read(`报送单位,指标编码,统计期,累计完成值,${status},进展情况`, "市科技局,ZN-03,2017-10,,已完成,");
      expect([status, r.fileError?.code, r.rows.length]).toEqual([status, "E_HEADER", 0]);
      expect(r.fileError?.message).toContain(`E 列「${status}」未能识别（是否为「完成状态」？）`);
    }
    const value = await read("报送单位,指标编码,统计期,完成值,完成状态", "市经信局,ZN-01,2017-10,450,");
    expect(value.fileError?.message).toContain("D 列「完成值」未能识别（是否为「累计完成值」？）");
    // with neither column, the missing columns and the look-alike in one message
    const neither = await read("报送单位,指标编码,统计期,累计完成情况", "市经信局,ZN-01,2017-10,450");
    expect(neither.fileError?.message).toContain("表头缺少列：累计完成值 或 完成状态；D 列「累计完成情况」未能识别（是否为「累计完成值」？）");
    // headings that only look near it are no figure: 完成率, 年度目标值 beside the real columns are ignored as before (情况说明 is the note)
    const beside = await read("报送单位,指标编码,统计期,累计完成值,完成率,年度目标值,完成状态,情况说明", "市经信局,ZN-01,2017-10,450,90%,500,,");
    expect(beside.fileError).toBeNull();
    expect(beside.file.ignoredColumns).toEqual(["完成率", "年度目标值"]);
    // the usual words of government forms for the department and the month: asked about, never taken for them
    const forms = await read("责任单位,指标编码,报送月份,累计完成值", "市经信局,ZN-01,2017-10,450");
    expect(forms.fileError?.message).toContain("表头缺少列：报送单位、统计期");
    expect(forms.fileError?.message).toContain("A 列「责任单位」未能识别（是否为「报送单位」？）、C 列「报送月份」未能识别（是否为「统计期」？）：这样的列不会被读取，其中填写的报送单位或统计期会被遗漏");
    const time = await read("报送单位,指标编码,时间,累计完成值,计划完成时限,配合单位", "市经信局,ZN-01,2017-10,450,2017-12,");
    expect(time.fileError?.message).toContain("C 列「时间」未能识别（是否为「统计期」？）：这样的列不会被读取，其中填写的统计期会被遗漏");
    expect(time.fileError?.message).not.toContain("时限」未能识别");
    expect(time.fileError?.message).not.toContain("配合单位」未能识别");
    // stated above the header, they are there: a 责任部门 or 时间 column beside is none of the report's, as before
    const above = await readMonthlyFile({ name: "above.csv", bytes: Buffer.from(["填报单位：市经信局,,,,", "统计期：2017年10月,,,,", "指标编码,指标名称,责任部门,时间,累计完成值", "ZN-01,企业,市经信局,11月3日,450"].join("\n")) }, CTX);
    expect(above.fileError).toBeNull();
    expect(above.file.ignoredColumns).toEqual(["指标名称", "责任部门", "时间"]);
    expect(above.rows.map((x) => [x.department, x.period, x.value])).toEqual([["市经信局", "2017-10", 450]]);
    // text named as a workbook, with no table: said so (a text export named .xls with a table is read, as any text)
    const misnamed = await readMonthlyFile({ name: "市科技局-12月.xls", bytes: Buffer.from("garbage\n") }, CTX);
    expect(misnamed.fileError?.code).toBe("E_HEADER");
    expect(misnamed.fileError?.message).toContain("（文件名以 .xls 结尾，内容却是文本而不是 Excel 工作簿：请在 Excel 或 WPS 中打开后另存为 .xlsx 再报送）");
    expect((await readMonthlyFile({ name: "tab.xls", bytes: Buffer.from("报送单位\t指标编码\t统计期\t累计完成值\n市经信局\tZN-01\t2017-10\t450\n") }, CTX)).rows.map((x) => x.value)).toEqual([450]);
    // a corrected figure beside 累计完成值: which is the report cannot be told (reading 累计完成值 would load the old one)
    for (const heading of ["更正后累计完成值", "修正值", "核实数"]) {
      const r = await read(`报送单位,指标编码,统计期,累计完成值,${heading}`, "市经信局,ZN-01,2017-10,2200,2250");
      expect([r.fileError?.code, r.rows.length], heading).toEqual(["E_HEADER", 0]);
      expect(r.fileError?.message, heading).toContain(`E 列「${heading}」中填的是数值（如「2250」），与「累计完成值」列并存：无法确定以哪一列为准`);
    }
    // (a column saying why, or empty, is no second figure)
    expect((await read("报送单位,指标编码,统计期,累计完成值,调整原因", "市经信局,ZN-01,2017-10,2200,口径调整")).fileError).toBeNull();
    expect((await read("报送单位,指标编码,统计期,累计完成值,更正后累计完成值", "市经信局,ZN-01,2017-10,2200,")).fileError).toBeNull();
    // a month column under a heading that can only be the figures' month: read as 统计期 (in English too)
    for (const [header, row] of [["报送单位,指标编码,月份,累计完成值", "市经信局,ZN-01,2017-10,450"], ["报送单位,指标编码,统计时间,累计完成值", "市经信局,ZN-01,2017-10,450"],
      ["Reporting unit,Code,Month,Value", "市经信局,ZN-01,2017-10,450"], ["Reporting unit,Code,Reporting period,Value", "市经信局,ZN-01,2017-10,450"],
      ["Dept,Indicator,Month,Cumulative,Measurement unit,Completion status", "市经信局,ZN-01,2017-10,450,家,"]]) {
      const r = await read(header!, row!);
      expect(r.fileError, header).toBeNull();
      expect(r.rows.map((x) => [x.department, x.period, x.value]), header).toEqual([["市经信局", "2017-10", 450]]);
    }
  });

  it("a 统计期 label above the header wins over a month named elsewhere above it (a title may name the policy's date)", async () => {
    const read = (lines: string[]) => readMonthlyFile({ name: "p.csv", bytes: Buffer.from([...lines, "报送单位,指标编码,累计完成值", "市经信局,ZN-01,420"].join("\n")) }, CTX);
    const r = await read(["关于落实《智能经济十条》（2017年3月）进展表", "统计期：2017年10月"]);
    expect(r.fileError).toBeNull();
    expect(r.rows.map((x) => x.period)).toEqual(["2017-10"]);
  });

  it("金额单位 read from 单位：万元/亩 is no list: a compound unit applies to every row as before, a money target's row is rejected, not rescaled", async () => {
    const r = await readMonthlyFile({ name: "u.csv", bytes: Buffer.from(["单位：万元/亩", "报送单位,指标编码,统计期,累计完成值", "市经信局,ZN-02,2017-10,1.5"].join("\n")) }, CTX);
    expect(r.rows).toEqual([]);
    expect(r.rejects.map((x) => x.code)).toEqual(["E_UNIT_MISMATCH"]);
  });

  it("a table with a column of figures per month (2018年8月, 2018年9月, …) or one month's figure (10月完成值) is rejected, not read as status only; 1-10月累计 is asked about as the cumulative figure", async () => {
    const wide = await readMonthlyFile({ name: "w.csv", bytes: Buffer.from(["统计期：2017年10月", "报送单位,指标编码,2017年8月,2017年9月,2017年10月,完成状态", "市经信局,ZN-01,380,400,420,推进中"].join("\n")) }, CTX);
    expect(wide.fileError?.code).toBe("E_HEADER");
    expect(wide.fileError?.message).toContain("C 列「2017年8月」、D 列「2017年9月」、E 列「2017年10月」是按月份分列的数值");
    expect(wide.rows).toEqual([]);
    const one = await readMonthlyFile({ name: "o.csv", bytes: Buffer.from(["报送单位,指标编码,统计期,10月完成值,完成状态", "市经信局,ZN-01,2017-10,420,推进中"].join("\n")) }, CTX);
    expect(one.fileError?.message).toContain("D 列「10月完成值」是某一个月的数值");
    const cumulative = await readMonthlyFile({ name: "c.csv", bytes: Buffer.from(["报送单位,指标编码,统计期,1-10月累计,完成状态", "市经信局,ZN-01,2017-10,420,推进中"].join("\n")) }, CTX);
    expect(cumulative.fileError?.message).toContain("是否为「累计完成值」");
  });

  it("a bracket that names no unit is only a remark: 累计完成值（截至本月）", async () => {
    const csv = ["报送单位,指标编码,统计期,累计完成值（截至本月）", "市经信局,ZN-01,2017-10,450"].join("\n");
    const r = await readMonthlyFile({ name: "remark.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rows.map((x) => x.value)).toEqual([450]);
  });

  it("a space between digits is a typo, not a separator", async () => {
    const csv = [HEADER, "市经信局,ZN-01,2017-10,4 50,,,,,", "市经信局,ZN-01,2017-11,450 家,,,,,"].join("\n");
    const r = await readMonthlyFile({ name: "space.csv", bytes: Buffer.from(csv) }, CTX);
    expect(rejectCodes(r)).toEqual({ 2: ["E_NOT_A_NUMBER"] });
    expect(r.rejects[0]!.message).toContain("数字中间有空格");
    expect(r.rows.map((x) => x.value)).toEqual([450]);
  });

  it("a tab-separated file whose values and notes hold commas is split by tabs (the header decides)", async () => {
    const tsv = [
      ["报送单位", "指标编码", "统计期", "累计完成值", "单位", "进展情况"].join("\t"),
      ["市经信局", "ZN-02", "2017-10", "1,234", "万元", "已拨付,待验收"].join("\t"),
      ["市经信局", "ZN-01", "2017-10", "450", "家", "培育,认定"].join("\t"),
    ].join("\r\n");
    const r = await readMonthlyFile({ name: "tabs.txt", bytes: Buffer.from(tsv) }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.rows.map((x) => [x.targetCode, x.value, x.note])).toEqual([
      ["ZN-02", 1234, "已拨付,待验收"],
      ["ZN-01", 450, "培育,认定"],
    ]);
  });

  it("totals, notes, signatures, section titles and a repeated header below the table are skipped and listed, not rejected", async () => {
    const csv = [
      "序号," + HEADER,
      "一、工业经济,,,,,,,,,",
      "1,市经信局,ZN-01,2017-10,450,家,,,,",
      "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期",
      "2,市经信局,ZN-02,2017-10,30,万元,,,,",
      ",合计,,,480,,,,,",
      "备注：数据为累计数,,,,,,,,,",
      "填报单位（盖章）：,,,,,,,,,",
      "3,市经信局,,2017-10,5,,,,,",
      ",全市合计,,,485,,,,,",
    ].join("\n");
    const r = await readMonthlyFile({ name: "footer.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rows.map((x) => x.sourceRow)).toEqual([3, 5]);
    expect(r.file.skippedRows.map((x) => x.row)).toEqual([2, 4, 6, 7, 8, 10]);
    expect(r.file.skippedRows.find((x) => x.row === 6)!.reason).toContain("合计");
    expect(r.file.rowsRead).toBe(3);
    expect(rejectCodes(r)).toEqual({ 9: ["E_REQUIRED"] }); // a real row with its code missing is still rejected
  });

  it("a total row with its 报送单位 filled (typed, or merged down beside it) is skipped: 合计 in a cell of its own", async () => {
    const csv = [
      "报送单位,指标名称,指标编码,统计期,累计完成值,单位,进展情况",
      "市经信局,智能制造企业,ZN-01,2017-10,450,家,",
      "市经信局,合计,,2017-10,450,家,", // 合计 under 指标名称, an unread column
      "市经信局,,,2017-10,480,家,合计", // 合计 as the note
      "市经信局,,,2017-11,5,家,一季度合计数据", // not a total: the code is missing
      "市经信局,,,2017-12,6,家,合计完成投资3000万元", // a note starting with the word: the code is missing
    ].join("\n");
    const r = await readMonthlyFile({ name: "total.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.file.skippedRows.map((x) => [x.row, x.reason])).toEqual([[3, "“合计”行（合计、备注等，不是报送数据）"], [4, "“合计”行（合计、备注等，不是报送数据）"]]);
    expect(rejectCodes(r)).toEqual({ 5: ["E_REQUIRED"], 6: ["E_REQUIRED"] });
  });

  it("statuses under a heading the reader does not know (进展, 完成标志), with no 完成状态 column, reject the file (E_HEADER) instead of being dropped", async () => {
    for (const heading of ["进展", "完成标志"]) {
      const csv = [`报送单位,指标编码,统计期,累计完成值,单位,${heading}`, "市经信局,ZN-01,2017-10,450,家,已完成", "市科技局,ZN-03,2017-10,,,推进中"].join("\n");
      const r = await readMonthlyFile({ name: "status.csv", bytes: Buffer.from(csv) }, CTX);
      expect(r.fileError?.code, heading).toBe("E_HEADER");
      expect(r.fileError?.message).toContain(`F 列「${heading}」中填的是完成状态（如「已完成」）：这些状态不会被读取；请把列名改为「完成状态」`);
    }
    // beside a 完成状态 column, or holding words rather than statuses, such a column is only ignored
    const beside = ["报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展", "市科技局,ZN-03,2017-10,,,推进中,推进中"].join("\n");
    expect((await readMonthlyFile({ name: "beside.csv", bytes: Buffer.from(beside) }, CTX)).fileError).toBeNull();
    const words = ["报送单位,指标编码,统计期,累计完成值,单位,进展", "市经信局,ZN-01,2017-10,450,家,已完成认定工作，待公示"].join("\n");
    expect((await readMonthlyFile({ name: "words.csv", bytes: Buffer.from(words) }, CTX)).fileError).toBeNull();
  });

  it("a total row that repeats the target's code (合计 as its 报送单位) is skipped and listed, not rejected as an unknown department", async () => {
    const csv = ["报送单位,指标编码,统计期,累计完成值,单位", "市经信局,ZN-02,2017-10,30,万元", "市财政局,ZN-02,2017-10,20,万元", "合计,ZN-02,2017-10,50,万元",
      "全市 合计,ZN-02,2017-10,50,万元", "市经信局,ZN-01,2017-10,450,家"].join("\n");
    const r = await readMonthlyFile({ name: "total.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => x.sourceRow)).toEqual([2, 3, 6]);
    expect(r.file.skippedRows.map((x) => [x.row, x.reason])).toEqual([[4, expect.stringContaining("“合计”行")], [5, expect.stringContaining("“合计”行")]]);
    // a department whose name only begins with the word is a department
    const named = await readMonthlyFile({ name: "named.csv", bytes: Buffer.from(["报送单位,指标编码,统计期,累计完成值,单位", "合计局,ZN-02,2017-10,30,万元"].join("\n")) }, CTX);
    expect(named.rejects.map((x) => x.code)).toEqual(["E_UNKNOWN_DEPARTMENT"]);
  });

  it("a row with neither 报送单位, 指标编码 nor 统计期 (a total left without its label) gets one problem saying what it holds", async () => {
    const csv = [HEADER, "市经信局,ZN-01,2017-10,450,家,,,,", "市经信局,ZN-02,2017-10,30,万元,,,,", ",,,480,,,,,", ",,,,,,进展顺利,张三,"].join("\n");
    const r = await readMonthlyFile({ name: "unlabeled.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rows.map((x) => x.sourceRow)).toEqual([2, 3]);
    expect(rejectCodes(r)).toEqual({ 4: ["E_REQUIRED"], 5: ["E_REQUIRED"] });
    const [total, note] = r.rejects;
    expect(total!.column).toBe("指标编码");
    expect(total!.message).toContain("报送单位、指标编码、统计期都没有填写");
    expect(total!.message).toContain("「累计完成值」“480”");
    expect(total!.message).toContain("如是合计行");
    expect(note!.message).toContain("「进展情况」“进展顺利”、「填报人」“张三”");
    expect(note!.message).not.toContain("合计行");
  });

  it("codes typed with other dashes and statuses ending in a full stop are read", async () => {
    const csv = [HEADER, "市经信局,ZN—01,2017-10,450,家,,,,", "市经信局,ZN‐02,2017-10,30,万元,,,,", "市科技局,ZN-03,2017-10,,,已完成。,,,"].join("\n");
    const r = await readMonthlyFile({ name: "dashes.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.targetCode, x.status])).toEqual([["ZN-01", null], ["ZN-02", null], ["ZN-03", "done"]]);
  });

  it("Word's line break (U+000B) pasted into a note reads as a space, in UTF-8 and GBK; another control character rejects the file naming its line", async () => {
    const csv = [HEADER, "市经信局,ZN-01,2017-10,450,家,推进中,第一批\u000b第二批,,", "市经信局,ZN-02,2017-10,30,万元,,,,"].join("\n");
    for (const [name, bytes, encoding] of [["vt.csv", Buffer.from(csv), "utf-8"], ["vt-gbk.csv", iconv.encode(csv, "gbk"), "gb18030"]] as const) {
      const r = await readMonthlyFile({ name, bytes }, CTX);
      expect([name, r.fileError, r.file.encoding]).toEqual([name, null, encoding]);
      expect(r.rows.map((x) => x.note)).toEqual(["第一批 第二批", null]);
    }
    const bad = csv.replace("\u000b", "\u0001");
    for (const [name, bytes, encoding] of [["ctl.csv", Buffer.from(bad), "utf-8"], ["ctl-gbk.csv", iconv.encode(bad, "gbk"), "gb18030"]] as const) {
      const r = await readMonthlyFile({ name, bytes }, CTX);
      expect([name, r.fileError?.code]).toEqual([name, "E_ENCODING"]);
      expect(r.fileError?.message).toContain(`按 ${encoding} 解码后第 2 行含有控制字符（U+0001）`);
    }
  });

  it("a DOS end-of-file mark (Ctrl-Z) after the last line is no content; one inside the text still rejects the file", async () => {
    const csv = `${HEADER}\r\n市经信局,ZN-01,2017-10,450,家,推进中,,,\r\n`;
    for (const [name, bytes] of [["eof.csv", Buffer.from(`${csv}\x1a`)], ["eof-gbk.csv", iconv.encode(`${csv}\x1a`, "gbk")], ["eof-nonl.csv", Buffer.from(`${csv.trimEnd()}\x1a`)]] as const) {
      const r = await readMonthlyFile({ name, bytes }, CTX);
      expect([name, r.fileError, r.rows.map((x) => x.value)]).toEqual([name, null, [450]]);
    }
    const inside = await readMonthlyFile({ name: "inside.csv", bytes: Buffer.from(`${csv}\x1a市经信局,ZN-02,2017-10,3,亿元,,,,\r\n`) }, CTX);
    expect(inside.fileError?.code).toBe("E_ENCODING");
  });

  it("a UTF-8 file with one note pasted in GBK is rejected naming the line of the first invalid byte", async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n市经信局,ZN-01,2017-10,450,家,,,,\n市经信局,ZN-02,2017-10,30,万元,,`), iconv.encode("进展顺利", "gbk"), Buffer.from(",,\n")]);
    const r = await readMonthlyFile({ name: "mixed.csv", bytes }, CTX);
    expect(r.fileError?.code).toBe("E_ENCODING");
    expect(r.fileError?.message).toContain("第 3 行");
  });

  it('cells kept as text for Excel read as their text: ="CX75-05-01" and \'2017-10', async () => {
    const csv = [HEADER, '市经信局,"=""ZN-01""",\'2017-10,450,家,,,,', "市经信局,=\"ZN-02\",2017-10,30,万元,,,,"].join("\n");
    const r = await readMonthlyFile({ name: "escaped.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.targetCode, x.period])).toEqual([["ZN-01", "2017-10"], ["ZN-02", "2017-10"]]);
  });

  it("Excel's lock file of an open workbook (~$….xlsx) → E_FILE_TYPE that says so and names the workbook", async () => {
    // as Excel writes it: the user name (length byte, padded to 54 bytes), then the same in UTF-16LE
    const user = "zhang";
    const lock = Buffer.concat([Buffer.from([user.length]), Buffer.from(user.padEnd(53, " ")), Buffer.from([user.length, 0]), Buffer.from(user.padEnd(54, " "), "utf16le")]);
    const r = await readMonthlyFile({ name: "~$市经信局-2017-10.xlsx", bytes: lock }, CTX);
    expect(r.fileError?.code).toBe("E_FILE_TYPE");
    expect(r.fileError?.message).toContain("临时锁定文件");
    expect(r.fileError?.message).toContain("市经信局-2017-10.xlsx");
  });

  it("an MHTML web archive saved as .xls → E_FILE_TYPE", async () => {
    const mht = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n------=_NextPart\r\nContent-Type: text/html\r\n\r\n<html></html>';
    const r = await readMonthlyFile({ name: "export.xls", bytes: Buffer.from(mht) }, CTX);
    expect(r.fileError?.code).toBe("E_FILE_TYPE");
    expect(r.fileError?.message).toContain("MHTML");
  });
});

describe("readMonthlyFile: units of a capacity (万吨/年)", () => {
  it("reads 万吨/年 in the cell or the 单位 column, and converts 吨/年 to it", async () => {
    const targets = new Map(CTX.targets).set("ZN-05", { unit: "万吨/年", kind: "quantity", countingStart: "2017-09", reportingDepartments: ["市经信局"] });
    const csv = ["报送单位,指标编码,统计期,累计完成值,单位", "市经信局,ZN-05,2017-09,3,万吨/年", "市经信局,ZN-05,2017-10,35000,吨/年", "市经信局,ZN-05,2017-11,4万吨/年,"].join("\n");
    const r = await readMonthlyFile({ name: "capacity.csv", bytes: Buffer.from(csv) }, { ...CTX, targets });
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.period, x.value, x.unit])).toEqual([["2017-09", 3, "万吨/年"], ["2017-10", 3.5, "万吨/年"], ["2017-11", 4, "万吨/年"]]);
  });
});

describe("readMonthlyFile: .xlsx sheets and cells", () => {
  const data = [
    ["报送单位", "指标编码", "统计期", "累计完成值"],
    ["市经信局", "ZN-01", "2017-10", 450],
    ["市经信局", "ZN-01", "2017-11", 460],
  ];
  /** Rewrites one part of an .xlsx package. */
  function patch(bytes: Uint8Array, part: string, edit: (xml: string) => string): Buffer {
    const files = unzipSync(bytes);
    files[part] = strToU8(edit(strFromU8(files[part]!)));
    return Buffer.from(zipSync(files));
  }

  it("a number in a column with no heading inside the table (累计完成值 | — | 完成状态) rejects its row, not read beside 累计完成值 as if it were not there", async () => {
    const book = (await writeExcelFile([{
      data: [["报送单位", "指标编码", "统计期", "累计完成值", null, "完成状态"], ["市经信局", "ZN-01", "2017-11", 300, 320, "推进中"],
        // (text in it, or nothing: read as before)
        ["市经信局", "ZN-01", "2017-10", 280, "见附件", "推进中"], ["市经信局", "ZN-01", "2017-09", 260, null, "推进中"]],
      sheet: "本月",
    }]).toBuffer()) as Buffer;
    const r = await readMonthlyFile(temp("beside.xlsx", book), CTX);
    expect(rejectCodes(r)).toEqual({ 2: ["E_EXTRA_CELLS"] });
    expect(r.rejects[0]!.message).toBe("该行在无表头的列中有内容：E: 320（表格中间这一列没有列名，却填有数，不知它是哪一项的数：请给该列写上列名（如「备注」）或删去；本月的累计数填在「累计完成值」列）");
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-10", 280], ["2017-09", 260]]);
  });

  it("a damaged workbook is rejected saying in words what is wrong (a part missing, a zip cut short, XML cut short), the library's text after it", async () => {
    const book = (await writeExcelFile([{ data, sheet: "本月" }]).toBuffer()) as Buffer;
    const files = unzipSync(book);
    const sheetPart = Object.keys(files).find((n) => n.startsWith("xl/worksheets/"))!;
    const without = { ...files };
    delete without[sheetPart];
    const cases: [string, Uint8Array, RegExp][] = [
      ["missing.xlsx", zipSync(without), new RegExp(`文件中缺少「${sheetPart}」部分`)],
      ["cut.xlsx", book.subarray(0, Math.floor(book.length / 2)), /：文件的压缩结构已损坏（多半是没有复制或上传完整）；/],
      ["xml.xlsx", patch(book, sheetPart, (xml) => xml.slice(0, Math.floor(xml.length / 2))), /：文件中的表格内容不完整或格式有误；/],
    ];
    for (const [name, bytes, said] of cases) {
      const r = await readMonthlyFile(temp(name, bytes), CTX);
      expect(r.fileError?.code, name).toBe("E_XLSX_INVALID");
      expect(r.fileError?.message, name).toMatch(said);
      expect(r.fileError?.message, name).toMatch(/请在 Excel 中打开后另存为 \.xlsx 再提交（技术信息：.+）$/);
    }
  });

  it("a figure in a column with no heading beside an empty 累计完成值 (320 in column H) is rejected there, not lost; beside a figure it is left alone", async () => {
    const book = (await writeExcelFile([{
      data: [["报送单位", "指标编码", "统计期", "累计完成值", "单位", "完成状态", "进展情况"], ["市经信局", "ZN-01", "2017-10", null, "家", "推进中", null, 320],
        ["市经信局", "ZN-01", "2017-09", null, "家", null, null, 300], ["市经信局", "ZN-01", "2017-11", 330, "家", null, null, 12]],
      sheet: "本月",
    }]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "unheaded.xlsx", bytes: book }, CTX);
    expect(r.rejects.map((x) => [x.row, x.code, x.column, x.value])).toEqual([[2, "E_VALUE_MISPLACED", "H（无列名）", "320"], [3, "E_VALUE_MISPLACED", "H（无列名）", "300"]]);
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-11", 330]]);
  });

  it("skips a hidden first sheet and reads the first visible one", async () => {
    const book = (await writeExcelFile([
      { data: [["报送单位", "指标编码", "统计期", "累计完成值"], ["市经信局", "ZN-01", "2017-09", 70]], sheet: "上月" },
      { data, sheet: "本月" },
    ]).toBuffer()) as Buffer;
    const hidden = patch(book, "xl/workbook.xml", (xml) => xml.replace(/(<sheet\b[^>]*name="上月")/, '$1 state="hidden"'));
    expect(strFromU8(unzipSync(hidden)["xl/workbook.xml"]!)).toContain('state="hidden"');
    const r = await readMonthlyFile({ name: "hidden.xlsx", bytes: hidden }, CTX);
    expect(r.file.sheet).toBe("本月");
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-10", 450], ["2017-11", 460]]);
    // the table only on the hidden sheet: the lists of sheets say which one is hidden, and it is read when asked for
    const only = patch((await writeExcelFile([
      { data: [["报送单位", "指标编码", "统计期", "累计完成值"], ["市经信局", "ZN-01", "2017-09", 70]], sheet: "上月" },
      { data: [["备注"], ["无"]], sheet: "Sheet2" },
    ]).toBuffer()) as Buffer, "xl/workbook.xml", (xml) => xml.replace(/(<sheet\b[^>]*name="上月")/, '$1 state="hidden"'));
    const e = await readMonthlyFile({ name: "only-hidden.xlsx", bytes: only }, CTX);
    expect(e.fileError?.code).toBe("E_HEADER");
    expect(e.fileError?.message).toContain("工作簿中的工作表：「上月（隐藏）」、「Sheet2」");
    const asked = await readMonthlyFile({ name: "only-hidden.xlsx", bytes: only }, CTX, { sheet: "上月（隐藏）" });
    expect(asked.rows.map((x) => [x.period, x.value])).toEqual([["2017-09", 70]]);
  });

  it("passes over a first sheet listing the targets (指标编码, 单位, 目标值: no 累计完成值 or 完成状态) for the report's sheet", async () => {
    const book = (await writeExcelFile([
      { data: [["指标编码", "指标名称", "目标值", "单位"], ["ZN-01", "改造企业", 450, "家"]], sheet: "指标清单" },
      { data, sheet: "本月" },
    ]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "list-first.xlsx", bytes: book }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.file.sheet).toBe("本月");
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-10", 450], ["2017-11", 460]]);
    // with no report's sheet, the first sheet with a header is read, and its header error said
    const only = (await writeExcelFile([{ data: [["指标编码", "指标名称", "目标值", "单位"], ["ZN-01", "改造企业", 450, "家"]], sheet: "指标清单" }]).toBuffer()) as Buffer;
    const none = await readMonthlyFile({ name: "list-only.xlsx", bytes: only }, CTX);
    expect(none.fileError?.code).toBe("E_HEADER");
    expect(none.fileError?.message).toContain("工作表「指标清单」");
    // a first sheet whose figures sit under a heading like 累计完成值 is the report, its header asked about: never
    // passed over for an older sheet behind it
    const renamed = (await writeExcelFile([
      { data: [["报送单位", "指标编码", "统计期", "本年实际完成数"], ["市经信局", "ZN-01", "2017-11", 470]], sheet: "本月" },
      { data, sheet: "上月" },
    ]).toBuffer()) as Buffer;
    const asked = await readMonthlyFile({ name: "renamed.xlsx", bytes: renamed }, CTX);
    expect(asked.fileError?.code).toBe("E_HEADER");
    expect(asked.fileError?.message).toContain("本年实际完成数");
    expect(asked.fileError?.message).toContain("工作表「本月」");
  });

  it("a figure in a cell formatted as a date is rejected as the date Excel shows (serial 3 = 1900-01-03), saying why", async () => {
    const dated = [data[0]!, ["市经信局", "ZN-01", "2017-10", { value: 3, type: Number, format: "yyyy-mm-dd" }], data[2]!];
    const book = (await writeExcelFile([{ data: dated as never, sheet: "本月" }]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "dated.xlsx", bytes: book }, CTX);
    expect(r.rejects.map((x) => [x.row, x.code, x.value])).toEqual([[2, "E_NOT_A_NUMBER", "1900-01-03"]]);
    expect(r.rejects[0]!.message).toContain("单元格可能设成了日期格式");
    expect(r.rows.map((x) => x.value)).toEqual([460]);
  });

  it("a line break pasted from Word (_x000B_, a vertical tab) is a space, as in a CSV file, not two words run together; other control characters are dropped", async () => {
    const book = (await writeExcelFile([{ data: [["报送单位", "指标编码", "统计期", "累计完成值", "进展情况"], ["市经信局", "ZN-01", "2017-10", 450, "NOTE"]], sheet: "本月" }]).toBuffer()) as Buffer;
    const parts = unzipSync(book);
    const where = Object.keys(parts).find((k) => strFromU8(parts[k]!).includes(">NOTE<"))!;
    const pasted = patch(book, where, (xml) => xml.replace(">NOTE<", ">已走访企业_x000B_完成摸底_x0007_<"));
    const r = await readMonthlyFile({ name: "word.xlsx", bytes: pasted }, CTX);
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => x.note)).toEqual(["已走访企业 完成摸底"]);
  });

  it("an ISO date cell (t=\"d\", 2018-03-01T00:00:00) is the day it shows, whatever the machine's time zone", async () => {
    const plain = [["报送单位", "指标编码", "统计期", "累计完成值", "填报日期"], ["市经信局", "ZN-01", 1, 450, 2]];
    const book = (await writeExcelFile([{ data: plain, sheet: "本月" }]).toBuffer()) as Buffer;
    const iso = patch(book, "xl/worksheets/sheet1.xml", (xml) => xml
      .replace(/<c r="C2"[^>]*>.*?<\/c>/, '<c r="C2" t="d"><v>2017-10-01T00:00:00</v></c>')
      .replace(/<c r="E2"[^>]*>.*?<\/c>/, '<c r="E2" t="d"><f>DATE(2017,11,3)</f><v>2017-11-03T00:00:00.000</v></c>'));
    expect(strFromU8(unzipSync(iso)["xl/worksheets/sheet1.xml"]!)).toContain('t="d"><v>2017-10-01T00:00:00</v>');
    const zone = process.env.TZ;
    try {
      for (const tz of ["Asia/Shanghai", "America/New_York", "UTC"]) {
        process.env.TZ = tz; // (Node reads a changed TZ at once)
        const r = await readMonthlyFile({ name: "iso.xlsx", bytes: iso }, CTX);
        expect(r.rejects, tz).toEqual([]);
        expect(r.rows.map((x) => [x.period, x.value, x.reportedAt]), tz).toEqual([["2017-10", 450, "2017-11-03"]]);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("a workbook in the 1904 date system (old Excel for Mac): a bare number in 统计期 and 填报日期 counts from 1904-01-01", async () => {
    const plain = [["报送单位", "指标编码", "统计期", "累计完成值", "填报日期"], ["市经信局", "ZN-01", 41547, 450, 41580]];
    const book = (await writeExcelFile([{ data: plain, sheet: "本月" }]).toBuffer()) as Buffer;
    const mac = patch(book, "xl/workbook.xml", (xml) => xml.replace(/<workbookPr\/>/, '<workbookPr date1904="1"/>'));
    expect(strFromU8(unzipSync(mac)["xl/workbook.xml"]!)).toContain('date1904="1"');
    const r = await readMonthlyFile({ name: "mac.xlsx", bytes: mac }, CTX);
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.period, x.value, x.reportedAt])).toEqual([["2017-10", 450, "2017-11-03"]]);
    // the same numbers in a 1900 workbook are other dates (2013-09-30: before the target's counting start)
    const pc = await readMonthlyFile({ name: "pc.xlsx", bytes: book }, CTX);
    expect(pc.rejects.map((x) => [x.code, x.reported?.period])).toEqual([["E_PERIOD_BEFORE_START", "2013-09"]]);
    expect(excelSerialToIsoDate(41547, true)).toBe("2017-10-01");
    expect(excelSerialToIsoDate(41547)).toBe("2013-09-30");
  });

  it("a 1904 workbook whose flag is written date1904=\"true\" (LibreOffice): date cells and bare numbers both read in the 1904 system", async () => {
    // 2013-09-30 is serial 41547 as written; in a 1904 workbook Excel shows that serial as 2017-10-01
    const cells = [["报送单位", "指标编码", "统计期", "累计完成值", "填报日期"],
      ["市经信局", "ZN-01", { value: new Date(Date.UTC(2013, 8, 30)), type: Date, format: "yyyy-mm-dd" }, 450, 41580]];
    const book = (await writeExcelFile([{ data: cells as never, sheet: "本月" }]).toBuffer()) as Buffer;
    for (const flag of ["1", "true"]) {
      const mac = patch(book, "xl/workbook.xml", (xml) => xml.replace(/<workbookPr\/>/, `<workbookPr date1904="${flag}"/>`));
      const r = await readMonthlyFile({ name: `mac-${flag}.xlsx`, bytes: mac }, CTX);
      expect(r.rejects, flag).toEqual([]);
      expect(r.rows.map((x) => [x.period, x.reportedAt]), flag).toEqual([["2017-10", "2017-11-03"]]);
    }
  });

  it("does not read a hidden row (last month's line kept out of sight): it is listed as skipped", async () => {
    const book = (await writeExcelFile([{ data, sheet: "本月" }]).toBuffer()) as Buffer;
    const hidden = patch(book, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/<row\b([^>]*\br="2"[^>]*)>/, '<row$1 hidden="1">'));
    expect(strFromU8(unzipSync(hidden)["xl/worksheets/sheet1.xml"]!)).toMatch(/<row\b[^>]*r="2"[^>]*hidden="1"/);
    const r = await readMonthlyFile({ name: "hidden-row.xlsx", bytes: hidden }, CTX);
    expect(r.rows.map((x) => [x.sourceRow, x.period, x.value])).toEqual([[3, "2017-11", 460]]);
    expect(r.file.skippedRows).toEqual([{ row: 2, reason: "隐藏的行，未读取；如需报送，请在 Excel 中取消隐藏" }]);
    expect(r.rejects).toEqual([]);
    // every data row hidden: the file is rejected, saying why
    const all = patch(book, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/<row\b([^>]*\br="[23]"[^>]*)>/g, '<row$1 hidden="1">'));
    const none = await readMonthlyFile({ name: "all-hidden.xlsx", bytes: all }, CTX);
    expect(none.fileError?.code).toBe("E_NO_DATA");
    expect(none.fileError?.message).toContain("其下 2 行被隐藏，未读取；请在 Excel 中取消隐藏后再报送");
  });

  it("reads the rows an AutoFilter left on hides (a way of looking at the table, not a deletion); a row hidden by hand stays unread", async () => {
    const book = (await writeExcelFile([{ data, sheet: "本月" }]).toBuffer()) as Buffer;
    // (as Excel writes a filter on 统计期 showing 2017-11 only: the other row hidden, the filter in <autoFilter>)
    const filter = (xml: string) => xml.replace(/<row\b([^>]*\br="2"[^>]*)>/, '<row$1 hidden="1">')
      .replace(/<\/sheetData>/, '</sheetData><autoFilter ref="A1:E3"><filterColumn colId="2"><filters><filter val="2017-11"/></filters></filterColumn></autoFilter>');
    const filtered = await readMonthlyFile({ name: "filtered.xlsx", bytes: patch(book, "xl/worksheets/sheet1.xml", filter) }, CTX);
    expect(filtered.rows.map((x) => [x.sourceRow, x.period, x.value])).toEqual([[2, "2017-10", 450], [3, "2017-11", 460]]);
    expect(filtered.file.skippedRows).toEqual([]);
    // a filter with no condition set (the arrows only) hides nothing: a hidden row is hidden by hand
    const arrows = (xml: string) => xml.replace(/<row\b([^>]*\br="2"[^>]*)>/, '<row$1 hidden="1">').replace(/<\/sheetData>/, '</sheetData><autoFilter ref="A1:E3"/>');
    const byHand = await readMonthlyFile({ name: "arrows.xlsx", bytes: patch(book, "xl/worksheets/sheet1.xml", arrows) }, CTX);
    expect(byHand.rows.map((x) => x.sourceRow)).toEqual([3]);
    expect(byHand.file.skippedRows).toEqual([{ row: 2, reason: "隐藏的行，未读取；如需报送，请在 Excel 中取消隐藏" }]);
  });

  it("does not read a row crossed out (every cell struck through): it is listed as skipped; a row with one struck cell is read", async () => {
    const book = (await writeExcelFile([{ data, sheet: "本月" }]).toBuffer()) as Buffer;
    // a font with <strike/> and a cell style using it, as Excel writes them
    const styled = patch(book, "xl/styles.xml", (xml) => {
      const fonts = xml.match(/<fonts\b[^>]*>([\s\S]*?)<\/fonts>/)!;
      const fontCount = (fonts[1]!.match(/<font\b/g) ?? []).length;
      const withFont = xml.replace(/<\/fonts>/, "<font><strike/><sz val=\"11\"/></font></fonts>").replace(/<fonts\b[^>]*>/, `<fonts count="${fontCount + 1}">`);
      const xfs = withFont.match(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/)!;
      const xfCount = (xfs[1]!.match(/<xf\b/g) ?? []).length;
      return withFont.replace(/<\/cellXfs>/, `<xf numFmtId="0" fontId="${fontCount}" fillId="0" borderId="0" applyFont="1"/></cellXfs>`)
        .replace(/<cellXfs\b[^>]*>/, `<cellXfs count="${xfCount + 1}">`);
    });
    const xfIndex = (strFromU8(unzipSync(styled)["xl/styles.xml"]!).match(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/)![1]!.match(/<xf\b/g) ?? []).length - 1;
    const strike = (row: number, only?: string) => patch(styled, "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace(new RegExp(`<row\\b[^>]*\\br="${row}"[^>]*>[\\s\\S]*?</row>`), (line) =>
        line.replace(/<c\b([^>]*?)(\s+s="\d+")?(\s*\/?>)/g, (cell, attrs: string, _s, end: string) =>
          only === undefined || attrs.includes(`r="${only}${row}"`) ? `<c${attrs} s="${xfIndex}"${end}` : cell)));
    const crossed = await readMonthlyFile({ name: "struck.xlsx", bytes: strike(2) }, CTX);
    expect(crossed.rows.map((x) => [x.sourceRow, x.period, x.value])).toEqual([[3, "2017-11", 460]]);
    expect(crossed.file.skippedRows).toEqual([{ row: 2, reason: "整行带删除线，视为已删去，未读取；如需报送，请去掉删除线" }]);
    // one cell struck (a figure corrected beside it, say): the row is read as it stands
    const one = await readMonthlyFile({ name: "struck-cell.xlsx", bytes: strike(2, "A") }, CTX);
    expect(one.rows.map((x) => x.sourceRow)).toEqual([2, 3]);
    expect(one.rows[0]!.struck).toBeUndefined();
    // its 累计完成值 struck (the new figure written in 备注, say): read as written, and asked about
    const figure = await readMonthlyFile({ name: "struck-figure.xlsx", bytes: strike(2, "D") }, CTX);
    expect(figure.rows.map((x) => [x.sourceRow, x.value, x.struck])).toEqual([[2, 450, ["value"]], [3, 460, undefined]]);
    expect(reviewReasons(figure.rows[0]!, "2017-12-10")).toBe("累计完成值带删除线（划掉了），仍按所填读入：请核对；更正的数请直接填在该列、不要划线保留旧数");
    expect(reviewReasons(figure.rows[1]!, "2017-12-10")).toBeNull();
  });

  it("does not read a hidden column (last month's figures kept beside this month's): named in the summary, and in a header error", async () => {
    // 累计完成值 twice: last month's hidden in D, this month's in E
    const cells = [["报送单位", "指标编码", "统计期", "累计完成值", "累计完成值"], ["市经信局", "ZN-01", "2017-10", 300, 320]];
    const book = (await writeExcelFile([{ data: cells, sheet: "本月" }]).toBuffer()) as Buffer;
    const both = await readMonthlyFile({ name: "both.xlsx", bytes: book }, CTX);
    expect(both.fileError?.code).toBe("E_HEADER");
    const hide = (xml: string, col: number) => xml.replace(/<sheetData\b/, `<cols><col min="${col}" max="${col}" width="9" hidden="1" customWidth="1"/></cols><sheetData`);
    const r = await readMonthlyFile({ name: "hidden-col.xlsx", bytes: patch(book, "xl/worksheets/sheet1.xml", (xml) => hide(xml, 4)) }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.rows.map((x) => [x.sourceRow, x.value])).toEqual([[2, 320]]);
    expect(r.file.ignoredColumns).toEqual(["累计完成值（隐藏的 D 列）"]);
    // the only value column hidden: the file is rejected, saying where the column went
    const only = await writeExcelFile([{ data: cells.map((row) => row.slice(0, 4)), sheet: "本月" }]).toBuffer() as Buffer;
    const gone = await readMonthlyFile({ name: "hidden-value.xlsx", bytes: patch(only, "xl/worksheets/sheet1.xml", (xml) => hide(xml, 4)) }, CTX);
    expect(gone.fileError?.code).toBe("E_HEADER");
    expect(gone.fileError?.message).toContain("被隐藏、未读取的列：「累计完成值（隐藏的 D 列）」；如需报送，请取消隐藏");
    // beside a 完成状态 column too: its figures would be lost, the rows read as a status alone
    const withStatus = await writeExcelFile([{ data: [[...cells[0]!.slice(0, 4), "单位", "完成状态"], ["市经信局", "ZN-01", "2017-10", 300, "家", "推进中"]], sheet: "本月" }]).toBuffer() as Buffer;
    const lost = await readMonthlyFile({ name: "hidden-value-status.xlsx", bytes: patch(withStatus, "xl/worksheets/sheet1.xml", (xml) => hide(xml, 4)) }, CTX);
    expect(lost.fileError).toEqual({ code: "E_HEADER", message: expect.stringContaining("「累计完成值」列（D 列）被隐藏，未读取：其中的数值或状态会被遗漏；请在 Excel 中取消隐藏该列后再报送") });
    expect(lost.rows).toEqual([]);
    // a 累计完成值 column with its heading alone (a file of milestones hid the empty column) loses nothing: read
    const empty = await writeExcelFile([{ data: [[...cells[0]!.slice(0, 4), "单位", "完成状态"], ["市经信局", "ZN-01", "2017-10", null, null, "推进中"]], sheet: "本月" }]).toBuffer() as Buffer;
    const statusOnly = await readMonthlyFile({ name: "hidden-empty-value.xlsx", bytes: patch(empty, "xl/worksheets/sheet1.xml", (xml) => hide(xml, 4)) }, CTX);
    expect(statusOnly.fileError).toBeNull();
    expect(statusOnly.rows.map((x) => [x.sourceRow, x.value, x.status])).toEqual([[2, null, "in_progress"]]);
    expect(statusOnly.file.ignoredColumns).toEqual(["累计完成值（隐藏的 D 列）"]);
  });

  it("refuses a file whose 单位 column is hidden (a figure beside it would be read in the target's unit)", async () => {
    const hide = (xml: string, col: number) => xml.replace(/<sheetData\b/, `<cols><col min="${col}" max="${col}" width="9" hidden="1" customWidth="1"/></cols><sheetData`);
    const book = (await writeExcelFile([{ data: [["报送单位", "指标编码", "统计期", "累计完成值", "单位"], ["市经信局", "ZN-02", "2017-10", 5, "亿元"]], sheet: "本月" }]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "hidden-unit.xlsx", bytes: patch(book, "xl/worksheets/sheet1.xml", (xml) => hide(xml, 5)) }, CTX);
    expect(r.fileError).toEqual({ code: "E_HEADER", message: expect.stringContaining("「单位」列（E 列）被隐藏，未读取：其中的单位会被遗漏（数值会按指标的单位读取）；请在 Excel 中取消隐藏该列后再报送") });
    expect(r.rows).toEqual([]);
  });

  it("reads units from the blank-headed column beside 累计完成值 (a heading merged over two cells), or from the one such column right of the table", async () => {
    // ZN-02 is counted in 万元: 5 | 亿元 is 50000
    const beside = [["报送单位", "指标编码", "统计期", "累计完成值", null, "完成状态"], ["市经信局", "ZN-02", "2017-10", 5, "亿元", "推进中"], ["市财政局", "ZN-02", "2017-10", 300, "万元", "推进中"]];
    const book = (await writeExcelFile([{ data: beside, sheet: "本月" }]).toBuffer()) as Buffer;
    const merged = patch(book, "xl/worksheets/sheet1.xml", (xml) => xml.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells>'));
    for (const [name, bytes] of [["beside.xlsx", book], ["merged.xlsx", merged], ["beside.csv", beside.map((r) => r.map((c) => c ?? "").join(",")).join("\n")]] as const) {
      const r = await readMonthlyFile({ name, bytes: typeof bytes === "string" ? Buffer.from(bytes) : bytes }, CTX);
      expect([name, r.fileError, r.rejects]).toEqual([name, null, []]);
      expect([name, r.rows.map((x) => [x.sourceRow, x.value])]).toEqual([name, [[2, 50000], [3, 300]]]);
    }
    const right = [["报送单位", "指标编码", "统计期", "累计完成值", "完成状态"], ["市经信局", "ZN-02", "2017-10", 5, "推进中", "亿元"]];
    const far = await readMonthlyFile({ name: "right.xlsx", bytes: (await writeExcelFile([{ data: right, sheet: "本月" }]).toBuffer()) as Buffer }, CTX);
    expect(far.rows.map((x) => [x.sourceRow, x.value])).toEqual([[2, 50000]]);
    // a blank-headed column of anything else stays unread (a note beside the figure is no unit)
    const notes = [["报送单位", "指标编码", "统计期", "累计完成值", null], ["市经信局", "ZN-02", "2017-10", 5, "已拨付"]];
    const other = await readMonthlyFile({ name: "notes.xlsx", bytes: (await writeExcelFile([{ data: notes, sheet: "本月" }]).toBuffer()) as Buffer }, CTX);
    expect(other.rows.map((x) => [x.sourceRow, x.value])).toEqual([[2, 5]]);
  });

  it("refuses, unread and with the cell named, a sheet whose one stray entry far off the table would span millions of cells", async () => {
    const book = (await writeExcelFile([{ data, sheet: "本月" }]).toBuffer()) as Buffer;
    const far = patch(book, "xl/worksheets/sheet1.xml", (xml) => xml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    const r = await readMonthlyFile({ name: "far.xlsx", bytes: far }, CTX);
    expect(r.fileError?.code).toBe("E_XLSX_INVALID");
    expect(r.fileError?.message).toContain("工作表「本月」的 XFD1048576 单元格有内容，使表格范围达到 16384 列 × 1048576 行");
    // in a sheet other than the one asked for too (the reader parses every sheet)
    const two = (await writeExcelFile([{ data, sheet: "本月" }, { data: [["x"]], sheet: "草稿" }]).toBuffer()) as Buffer;
    const farOther = patch(two, "xl/worksheets/sheet2.xml", (xml) => xml.replace("</sheetData>", '<row r="100000"><c r="ZZ100000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    const other = await readMonthlyFile({ name: "far-other.xlsx", bytes: farOther }, CTX, { sheet: "本月" });
    expect(other.fileError?.message).toContain("工作表「草稿」的 ZZ100000 单元格有内容");
    // a formatted empty cell there is no content; a stray entry a few rows down the last column is read
    const styled = patch(book, "xl/worksheets/sheet1.xml", (xml) => xml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>'));
    expect((await readMonthlyFile({ name: "styled.xlsx", bytes: styled }, CTX)).fileError).toBeNull();
    // so is one written with an end tag, even with a cell after it
    const closed = patch(book, "xl/worksheets/sheet1.xml", (xml) => xml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" s="0"></c></row></sheetData>'));
    expect((await readMonthlyFile({ name: "closed.xlsx", bytes: closed }, CTX)).fileError).toBeNull();
    const closedThenValue = patch(book, "xl/worksheets/sheet1.xml", (xml) => xml.replace("</sheetData>", '<row r="1048576"><c r="XFC1048576" s="0"></c><c r="XFD1048576"><v>1</v></c></row></sheetData>'));
    const refused = (await readMonthlyFile({ name: "closed2.xlsx", bytes: closedThenValue }, CTX)).fileError;
    expect(refused?.code).toBe("E_XLSX_INVALID");
    expect(refused?.message).toContain("XFD1048576");
  });

  it("a hidden row above the header is not read either: a 「统计期：」 line out of sight states nothing", async () => {
    const form = [["统计期：2017年9月"], ["统计期：2017年10月"], ["报送单位", "指标编码", "累计完成值"], ["市经信局", "ZN-01", 450]];
    const book = (await writeExcelFile([{ data: form, sheet: "本月" }]).toBuffer()) as Buffer;
    const seen = await readMonthlyFile({ name: "both.xlsx", bytes: book }, CTX);
    expect(seen.fileError?.message).toContain("表头上方的「统计期」前后不一致");
    const hidden = patch(book, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/<row\b([^>]*\br="1"[^>]*)>/, '<row$1 hidden="1">'));
    const r = await readMonthlyFile({ name: "hidden-above.xlsx", bytes: hidden }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.file.formFields).toEqual([{ field: "period", column: "统计期", text: "2017年10月", row: 2 }]);
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-10", 450]]);
  });

  it("passes over a chart sheet, wherever it stands, and never reads an instructions or example sheet before the report's own", async () => {
    const book = (await writeExcelFile([
      { data: [["填报说明及示例"], ["报送单位", "指标编码", "统计期", "累计完成值"], ["示例单位", "ZN-01", "2017-10", 999]], sheet: "填报说明及示例" },
      { data, sheet: "10月" },
      { data: [["x"]], sheet: "图表1" },
    ]).toBuffer()) as Buffer;
    // the third sheet made a chart sheet, as Excel saves a chart moved to a sheet of its own
    const files = unzipSync(book);
    const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]!);
    const target = rels.match(/Target="(worksheets\/sheet3\.xml)"/)?.[1];
    expect(target).toBeDefined();
    files["xl/_rels/workbook.xml.rels"] = strToU8(rels.replace(/relationships\/worksheet" Target="worksheets\/sheet3\.xml"/, 'relationships/chartsheet" Target="chartsheets/sheet1.xml"'));
    delete files["xl/worksheets/sheet3.xml"];
    files["xl/chartsheets/sheet1.xml"] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>');
    files["[Content_Types].xml"] = strToU8(strFromU8(files["[Content_Types].xml"]!).replace('PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"', 'PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"'));
    const chart = Buffer.from(zipSync(files));
    const r = await readMonthlyFile({ name: "chart.xlsx", bytes: chart }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.file.sheet).toBe("10月");
    expect(r.file.otherSheets).toEqual([]);
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-10", 450], ["2017-11", 460]]);
    // named, the example sheet is read as asked
    const asked = await readMonthlyFile({ name: "chart.xlsx", bytes: chart }, CTX, { sheet: "填报说明及示例" });
    expect(asked.file.sheet).toBe("填报说明及示例");
    expect(asked.rejects.map((x) => x.code)).toEqual(["E_UNKNOWN_DEPARTMENT"]);
  });

  it("reads the report's own sheet before one marked as an example near its top, whatever that sheet is called (模板, Sheet1, 填表须知)", async () => {
    const guide = [["填报要求：1.累计完成值只填数字"], ["填写示例如下："], ["报送单位", "指标编码", "统计期", "累计完成值"], ["经信局", "ZN-01", "2017-10", 100]];
    const sampleRow = [["报送单位", "指标编码", "统计期", "累计完成值", "进展情况"], ["经信局", "ZN-01", "2017-10", 100, "（示例）本月新增10家"]];
    for (const [name, first] of [["模板", guide], ["Sheet1", guide], ["填表须知", guide], ["Sheet1", sampleRow]] as const) {
      const book = (await writeExcelFile([{ data: first as unknown as typeof data, sheet: name }, { data, sheet: "10月报表" }]).toBuffer()) as Buffer;
      const r = await readMonthlyFile({ name: "guide-first.xlsx", bytes: book }, CTX);
      expect(r.fileError, name).toBeNull();
      expect(r.file.sheet, name).toBe("10月报表");
      expect(r.rows.map((x) => [x.period, x.value]), name).toEqual([["2017-10", 450], ["2017-11", 460]]);
    }
    // a report whose notes only mention a 示范 or 样板 is no example: read first as before
    const report = [["报送单位", "指标编码", "统计期", "累计完成值", "进展情况"], ["经信局", "ZN-01", "2017-10", 300, "培育示范样板企业"]];
    const book = (await writeExcelFile([{ data: report as unknown as typeof data, sheet: "Sheet1" }, { data, sheet: "Sheet2" }]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "report-first.xlsx", bytes: book }, CTX);
    expect(r.file.sheet).toBe("Sheet1");
  });

  it("reads the first sheet that holds the table when the first one is instructions or empty; says which sheet when none does", async () => {
    const book = (await writeExcelFile([
      { data: [["填报说明"], ["1. 每月 5 日前报送"]], sheet: "填报说明" },
      { data: [[null]], sheet: "Sheet1" },
      { data, sheet: "报表" },
    ]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "instructions.xlsx", bytes: book }, CTX);
    expect(r.file.sheet).toBe("报表");
    expect(r.rows).toHaveLength(2);
    const none = (await writeExcelFile([
      { data: [["填报说明"]], sheet: "填报说明" },
      { data: [["姓名", "电话"]], sheet: "通讯录" },
    ]).toBuffer()) as Buffer;
    const n = await readMonthlyFile({ name: "none.xlsx", bytes: none }, CTX);
    expect(n.fileError?.code).toBe("E_HEADER");
    expect(n.fileError?.message).toContain("读取的是工作表「填报说明」");
    expect(n.fileError?.message).toContain("「通讯录」");
  });

  it("a two-row header with merged cells, and 报送单位 / 统计期 merged down over their rows, read as Excel shows them", async () => {
    const down = (value: string, rows: number) => ({ value, rowSpan: rows });
    const book = (await writeExcelFile([{
      sheet: "报表",
      data: [
        [down("报送单位", 2), down("指标编码", 2), down("统计期", 2), { value: "完成情况", columnSpan: 2 }, null, down("进展情况", 2)],
        [null, null, null, "累计完成值", "单位", null],
        [down("市经信局", 3), "ZN-01", down("2017-10", 3), 450, "家", "培育"],
        [null, "ZN-02", null, 30, "万元", null],
        [null, "ZN-02", null, 40, "万元", null],
      ],
    }]).toBuffer()) as Buffer;
    expect(strFromU8(unzipSync(book)["xl/worksheets/sheet1.xml"]!)).toContain("mergeCell");
    const r = await readMonthlyFile({ name: "merged.xlsx", bytes: book }, CTX);
    expect(r.file.headerRow).toBe(2);
    expect(r.rows.map((x) => [x.sourceRow, x.department, x.targetCode, x.period, x.value])).toEqual([
      [3, "市经信局", "ZN-01", "2017-10", 450],
    ]);
    // rows 4 and 5 share a key once the merged cells are read on every row: both copies rejected, nothing else
    expect(rejectCodes(r)).toEqual({ 4: ["E_DUPLICATE_KEY"], 5: ["E_DUPLICATE_KEY"] });
  });

  it("a 指标编码 or 累计完成值 merged down over rows counts on its first row; the empty cells below are rejected saying they are merged", async () => {
    const down = (value: string | number, rows: number) => ({ value, rowSpan: rows });
    const book = (await writeExcelFile([{
      sheet: "报表",
      data: [
        ["报送单位", "指标编码", "统计期", "累计完成值", "进展情况"],
        ["市经信局", down("ZN-01", 2), "2017-10", 450, "a"],
        ["市经信局", null, "2017-11", 460, "b"],
        ["市经信局", "ZN-02", "2017-10", down(30, 2), "c"],
        ["市经信局", "ZN-02", "2017-11", null, "d"],
      ],
    }]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "merged-code.xlsx", bytes: book }, CTX);
    expect(r.rows.map((x) => [x.sourceRow, x.targetCode, x.period, x.value])).toEqual([[2, "ZN-01", "2017-10", 450], [4, "ZN-02", "2017-10", 30]]);
    expect(r.rejects.map((x) => [x.row, x.code, x.column, x.message])).toEqual([
      [3, "E_REQUIRED", "指标编码", "必填值为空：指标编码（该格与上方单元格合并，显示的“ZN-01”只算在合并区域的第一行：合并单元格只有第一行有值，请取消合并，在每一行分别填写「指标编码」）"],
      [5, "E_REQUIRED", "累计完成值", expect.stringMatching(/^必填值为空：累计完成值（未填写完成状态时必填）（该格与上方单元格合并，显示的“30”只算在合并区域的第一行/)],
    ]);
    // each keeps its row's cells for the rejects file and the warehouse (a load once failed on a merged row without them)
    expect(r.rejects.map((x) => x.rawRow)).toEqual([
      { 报送单位: "市经信局", 指标编码: "", 统计期: "2017-11", 累计完成值: "460", 进展情况: "b" },
      { 报送单位: "市经信局", 指标编码: "ZN-02", 统计期: "2017-11", 累计完成值: "", 进展情况: "d" },
    ]);
  });

  it("a 完成状态 merged down over rows that each have a figure: the rows below read without it, and asked about", async () => {
    const book = (await writeExcelFile([{
      sheet: "报表",
      data: [
        ["报送单位", "指标编码", "统计期", "累计完成值", "完成状态"],
        ["市经信局", "ZN-01", "2017-10", 450, { value: "已完成", rowSpan: 2 }],
        ["市经信局", "ZN-02", "2017-10", 30, null],
      ],
    }]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "merged-status.xlsx", bytes: book }, CTX);
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.sourceRow, x.targetCode, x.value, x.status, x.mergedEmpty])).toEqual([
      [2, "ZN-01", 450, "done", undefined], [3, "ZN-02", 30, null, [{ field: "status", shown: "已完成" }]],
    ]);
    expect(reviewReasons(r.rows[1]!, "2017-12-10")).toBe("「完成状态」一格与上方单元格合并，显示的“已完成”只算在合并区域的第一行，本行的完成状态按空白读入：如本行也是“已完成”，请取消合并，在每一行分别填写");
    expect(reviewReasons(r.rows[0]!, "2017-12-10")).toBeNull();
  });

  it("a header drawn on two rows, a group heading over 数值 | 单位, read as one: in a CSV (blank below the single headings) and a workbook (merged)", async () => {
    const csv = [
      "报送单位,指标编码,统计期,累计完成情况（截至本月）,,完成状态,进展情况",
      ",,,数值,单位,,",
      "市经信局,ZN-01,2017-10,450,家,,培育",
      "市经信局,ZN-02,2017-10,30,万元,,",
    ].join("\n");
    const r = await readMonthlyFile({ name: "two-rows.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.file.headerRow).toBe(2);
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.sourceRow, x.targetCode, x.value, x.reportedUnit])).toEqual([[3, "ZN-01", 450, "家"], [4, "ZN-02", 30, "万元"]]);
    const down = (value: string, rows: number) => ({ value, rowSpan: rows });
    const book = (await writeExcelFile([{
      sheet: "报表",
      data: [
        [down("报送单位", 2), down("指标编码", 2), down("统计期", 2), { value: "完成情况", columnSpan: 2 }, null, down("进展情况", 2)],
        [null, null, null, "累计", "单位", null],
        ["市经信局", "ZN-01", "2017-10", 450, "家", "培育"],
      ],
    }]).toBuffer()) as Buffer;
    const x = await readMonthlyFile({ name: "two-rows.xlsx", bytes: book }, CTX);
    expect(x.rejects).toEqual([]);
    expect(x.rows.map((y) => [y.sourceRow, y.targetCode, y.value, y.reportedUnit])).toEqual([[3, "ZN-01", 450, "家"]]);
    // a reject names the columns by both rows
    const bad = await readMonthlyFile({ name: "bad.csv", bytes: Buffer.from(csv.replace(",450,", ",-450,")) }, CTX);
    expect(bad.rejects.map((j) => [j.row, j.code, j.column])).toEqual([[3, "E_NEGATIVE", "累计完成值"]]);
    expect(Object.keys(bad.rejects[0]!.rawRow)).toContain("累计完成情况（截至本月）·数值");
  });

  it("beside the cumulative figure, this month's own (本月完成 | 累计完成 over 数值 | 单位) and last month's (截至上月) are not read", async () => {
    // (and a goal's, a plan's or last year's: 目标任务 | 完成情况, 年度计划 | 累计完成, 上年同期 beside 本年累计)
    for (const [upper, lower] of [["本月完成情况,,累计完成情况,", "数值,单位,数值,单位"], ["本月,,累计完成,", "数值,单位,数值,单位"], ["当月完成,,累计完成值,", "数值,单位,数值,单位"],
      ["目标任务,,完成情况,", "数值,单位,数值,单位"], ["年度计划,,累计完成,", "数量,单位,数量,单位"], ["上年同期,,本年累计,", "数值,单位,数值,单位"]]) {
      const csv = [`报送单位,指标编码,统计期,${upper},完成状态`, `,,,${lower},`, "市经信局,ZN-01,2017-10,30,家,450,家,推进中"].join("\n");
      const r = await readMonthlyFile({ name: "groups.csv", bytes: Buffer.from(csv) }, CTX);
      expect([upper, r.fileError, r.file.headerRow]).toEqual([upper, null, 2]);
      expect(r.rows.map((x) => [x.value, x.reportedUnit, x.status])).toEqual([[450, "家", "in_progress"]]);
      expect(r.file.ignoredColumns).toHaveLength(2);
    }
    // one month's group over that month's own figure and the cumulative one: the one headed 累计 is read
    for (const group of ["10月完成情况", "本月完成情况", "10月份完成"]) {
      const csv = [`报送单位,指标编码,统计期,单位,${group},,完成状态`, ",,,,本月,累计,", "市经信局,ZN-01,2017-10,家,30,450,推进中"].join("\n");
      const r = await readMonthlyFile({ name: "month-group.csv", bytes: Buffer.from(csv) }, CTX);
      expect([group, r.fileError, r.rows.map((x) => x.value)]).toEqual([group, null, [450]]);
    }
    // 累计完成值 (累计完成) itself over 本月 | 累计 (当月 | 累计): the one headed 累计, in a CSV and a workbook
    for (const top of ["累计完成值", "累计完成"]) {
      for (const month of ["本月", "当月"]) {
        const text = [`报送单位,指标编码,统计期,${top},,单位,完成状态`, `,,,${month},累计,,`, "市经信局,ZN-01,2017-10,25,320,家,推进中"].join("\n");
        const c = await readMonthlyFile({ name: "over.csv", bytes: Buffer.from(text) }, CTX);
        expect([top, month, c.fileError, c.rejects, c.rows.map((x) => x.value)]).toEqual([top, month, null, [], [320]]);
        const down = (value: string, rows: number) => ({ value, rowSpan: rows });
        const book = (await writeExcelFile([{
          sheet: "报表",
          data: [
            [down("报送单位", 2), down("指标编码", 2), down("统计期", 2), { value: top, columnSpan: 2 }, null, down("单位", 2), down("完成状态", 2)],
            [null, null, null, month, "累计", null, null],
            ["市经信局", "ZN-01", "2017-10", 25, 320, "家", "推进中"],
          ],
        }]).toBuffer()) as Buffer;
        const x = await readMonthlyFile({ name: "over.xlsx", bytes: book }, CTX);
        expect([top, month, x.fileError, x.rejects, x.rows.map((y) => y.value)]).toEqual([top, month, null, [], [320]]);
      }
    }
    // 累计完成值 over 上月 | 本月 (上期 | 本期, 本月累计 | 上月累计): the period now's column, last period's not read
    for (const [earlier, now] of [["上月", "本月"], ["上期", "本期"], ["上月累计", "本月累计"], ["上年同期", "本年"]]) {
      for (const order of [[earlier, now], [now, earlier]]) {
        const at = order.indexOf(now);
        const figures = at === 0 ? [320, 300] : [300, 320];
        const text = ["报送单位,指标编码,统计期,累计完成值,,单位,完成状态", `,,,${order.join(",")},,`, `市经信局,ZN-01,2017-10,${figures.join(",")},家,推进中`].join("\n");
        const c = await readMonthlyFile({ name: "now.csv", bytes: Buffer.from(text) }, CTX);
        expect([order, c.fileError, c.rejects, c.rows.map((x) => x.value), c.file.ignoredColumns]).toEqual([order, null, [], [320], [`累计完成值·${earlier}`]]);
        const down = (value: string, rows: number) => ({ value, rowSpan: rows });
        const book = (await writeExcelFile([{
          sheet: "报表",
          data: [
            [down("报送单位", 2), down("指标编码", 2), down("统计期", 2), { value: "累计完成值", columnSpan: 2 }, null, down("单位", 2), down("完成状态", 2)],
            [null, null, null, ...order, null, null],
            ["市经信局", "ZN-01", "2017-10", ...figures, "家", "推进中"],
          ],
        }]).toBuffer()) as Buffer;
        const x = await readMonthlyFile({ name: "now.xlsx", bytes: book }, CTX);
        expect([order, x.fileError, x.rejects, x.rows.map((y) => y.value)]).toEqual([order, null, [], [320]]);
      }
    }
    // (two of the period now, or words other than periods under it: no such reading)
    const both = await readMonthlyFile({ name: "both.csv", bytes: Buffer.from(["报送单位,指标编码,统计期,累计完成值,,完成状态", ",,,本月,本期,", "市经信局,ZN-01,2017-10,300,320,推进中"].join("\n")) }, CTX);
    expect(both.rows.map((x) => x.value)).not.toEqual([320]);
    const csv = ["报送单位,指标编码,统计期,累计完成值（截至上月）,累计完成值（截至本月）", "市经信局,ZN-01,2017-10,400,450"].join("\n");
    const r = await readMonthlyFile({ name: "last-month.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rows.map((x) => x.value)).toEqual([450]);
    expect(r.file.ignoredColumns).toEqual(["累计完成值（截至上月）"]);
    // 「上月累计完成值」 beside 「本月累计完成值」: the same, the month before the word
    const words = await readMonthlyFile({ name: "words.csv", bytes: Buffer.from(["报送单位,指标编码,统计期,上月累计完成值,本月累计完成值", "市经信局,ZN-01,2017-10,400,450"].join("\n")) }, CTX);
    expect([words.rows.map((x) => x.value), words.file.ignoredColumns]).toEqual([[450], ["上月累计完成值"]]);
    // two current figures stay an error: which one is meant cannot be told
    const two = await readMonthlyFile({ name: "two.csv", bytes: Buffer.from(csv.replace("截至上月", "万元")) }, CTX);
    expect(two.fileError?.message).toContain("「累计完成值」出现 2 次");
    // months named in each: the latest month's column (1-10月 beside 1-9月, 截至10月底 beside 截至9月底)
    for (const [earlier, later] of [["1-9月累计完成值", "1-10月累计完成值"], ["累计完成值（截至9月底）", "累计完成值（截至10月底）"]]) {
      const months = await readMonthlyFile({ name: "months.csv", bytes: Buffer.from([`报送单位,指标编码,统计期,${later},${earlier}`, "市经信局,ZN-01,2017-10,450,400"].join("\n")) }, CTX);
      expect([later, months.rows.map((x) => x.value), months.file.ignoredColumns]).toEqual([later, [450], [earlier]]);
    }
    // the same month, two years, or a forecast: which one is meant cannot be told
    for (const headings of ["1-10月累计完成值,1-10月累计完成值", "2017年1-10月累计完成值,2016年1-12月累计完成值", "累计完成值（1-10月）,累计完成值（全年预计，1-12月）"]) {
      const same = await readMonthlyFile({ name: "same.csv", bytes: Buffer.from([`报送单位,指标编码,统计期,${headings}`, "市经信局,ZN-01,2017-10,450,400"].join("\n")) }, CTX);
      expect([headings, same.fileError?.message]).toEqual([headings, expect.stringContaining("「累计完成值」出现 2 次")]);
    }
  });

  it("a data row below a one-row header is never read as a second header row, even when its first cells are blank", async () => {
    const csv = [
      "报送单位,指标编码,统计期,累计完成值,单位,完成情况说明",
      ",,,,,单位",
      "市经信局,ZN-01,2017-10,450,家,",
    ].join("\n");
    const r = await readMonthlyFile({ name: "one-row.csv", bytes: Buffer.from(csv) }, CTX);
    // (the second row adds no column the first does not name, 单位 being named already: it is a row of the table,
    // skipped as one with text only in a column the reader does not read)
    expect(r.file.headerRow).toBe(1);
    expect(r.rows.map((x) => [x.sourceRow, x.value, x.reportedUnit])).toEqual([[3, 450, "家"]]);
    expect(r.file.skippedRows.map((k) => k.row)).toEqual([2]);
    // a first data row with its first cells blank is no header row either: a cell under a recognised heading differs from it
    const blankFirst = await readMonthlyFile({ name: "blank-first.csv", bytes: Buffer.from(["报送单位,指标编码,统计期,累计完成值,备注", ",ZN-01,2017-10,450,单位"].join("\n")) }, CTX);
    expect(blankFirst.file.headerRow).toBe(1);
    expect(rejectCodes(blankFirst)).toEqual({ 2: ["E_REQUIRED"] });
  });

  it('a number formatted to show a unit (0"亿元") reads as Excel shows it, so it is converted', async () => {
    const book = (await writeExcelFile([{
      sheet: "报表",
      data: [
        ["报送单位", "指标编码", "统计期", "累计完成值", "单位"],
        ["市经信局", "ZN-02", "2017-10", { value: 2, type: Number, format: '0"亿元"' }],
        ["市财政局", "ZN-02", "2017-10", { value: 3000, type: Number, format: '#,##0"万元";-#,##0"万元"' }],
        ["市经信局", "ZN-01", "2017-10", { value: 450, type: Number, format: '0"号"' }], // not a unit: read as stored
        ["市经信局", "ZN-02", "2017-11", { value: 3, type: Number, format: 'General"亿元"' }],
        ["市财政局", "ZN-02", "2017-11", { value: 3000000, type: Number, format: '#,##0,"千元"' }], // shows 3,000千元
        // shown in thousands with no unit in the format (800000 shows 800), the unit in its column: 800 千元, not 800000
        ["市财政局", "ZN-02", "2017-12", { value: 800000, type: Number, format: "#,##0," }, "千元"],
        ["市财政局", "ZN-02", "2018-01", { value: 1500000000, type: Number, format: "0.00,, " }, "千元"], // shows 1500.00
        ["市财政局", "ZN-02", "2018-02", { value: 1234567, type: Number, format: "#,##0" }, "元"], // a separator, not a scale
      ],
    }]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "formats.xlsx", bytes: book }, { ...CTX, asOf: "2018-03-31" });
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.value, x.reportedUnit])).toEqual([[20000, "亿元"], [3000, "万元"], [450, "家"], [30000, "亿元"], [300, "千元"], [80, "千元"], [150, "千元"], [123.4567, "元"]]);
  });

  it('a point written as a literal character (0!.0000"万元", 0!.0,"万元") to show 元 as 万元 reads as Excel shows it', async () => {
    const book = (await writeExcelFile([{
      sheet: "报表",
      data: [
        ["报送单位", "指标编码", "统计期", "累计完成值"],
        ["市财政局", "ZN-02", "2017-10", { value: 150000000, type: Number, format: '0!.0000"万元"' }], // shows 15000.0000万元
        ["市财政局", "ZN-02", "2017-11", { value: 160000000, type: Number, format: '0!.0,"万元"' }], // shows 16000.0万元
        ["市经信局", "ZN-02", "2017-10", { value: 1700000000, type: Number, format: '[>=100000000]0!.00,,"亿元";0"元"' }], // shows 17.00亿元
        // a literal point with no unit shown is left alone (0000!.00 shows 201709 as 2017.09: a period, not an amount)
        ["市财政局", "ZN-02", { value: 201709, type: Number, format: "0000!.00" }, 140],
      ],
    }]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "points.xlsx", bytes: book }, CTX);
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.department, x.period, x.value])).toEqual([["市财政局", "2017-10", 15000], ["市财政局", "2017-11", 16000], ["市经信局", "2017-10", 170000], ["市财政局", "2017-09", 140]]);
  });

  it("a number under a format of one or two decimals (0.00) reads with the zeros Excel shows: 统计期 2017.1 shown 2017.10 is October", async () => {
    const book = (await writeExcelFile([{
      sheet: "报表",
      data: [
        ["报送单位", "指标编码", "统计期", "累计完成值"],
        ["市经信局", "ZN-01", { value: 2017.1, type: Number, format: "0.00" }, { value: 450, type: Number, format: "0.00" }],
        ["市经信局", "ZN-01", { value: 2017.11, type: Number, format: "0.0" }, { value: 460.25, type: Number, format: "0.0" }],
      ],
    }]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "decimals.xlsx", bytes: book }, CTX);
    expect(r.rejects).toEqual([]);
    // (never fewer digits than stored: 460.25 under 0.0 is 460.25)
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-10", 450], ["2017-11", 460.25]]);
  });

  it('a number formatted to show a scale word (0.0"万") reads as Excel shows it, 0.5万, never as the bare 0.5', async () => {
    const book = (await writeExcelFile([{
      sheet: "报表",
      data: [
        ["报送单位", "指标编码", "统计期", "累计完成值"],
        ["市经信局", "ZN-02", "2017-10", { value: 0.5, type: Number, format: '0.0"万"' }], // money: which 万 is not said
        ["市经信局", "ZN-01", "2017-10", { value: 4.2, type: Number, format: '0.0"万"' }], // a count: 42000 家
        ["市经信局", "ZN-01", "2017-11", { value: 4.3, type: Number, format: '0.0"万家"' }],
      ],
    }]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "scale.xlsx", bytes: book }, CTX);
    expect(r.rejects.map((x) => [x.row, x.code, x.value])).toEqual([[2, "E_UNIT_MISMATCH", "0.5万"]]);
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-10", 42000], ["2017-11", 43000]]);
  });

  it("merged cells fill only where they are data: blank rows stay blank, a merged note stays one row, a merged value is not copied", async () => {
    const down = (value: string | number, rows: number) => ({ value, rowSpan: rows });
    const book = (await writeExcelFile([{
      sheet: "报表",
      data: [
        ["报送单位", "指标编码", "统计期", "累计完成值", "单位"],
        [down("市经信局", 5), "ZN-01", down("2017-10", 5), down(450, 2), "家"],
        [null, "ZN-02", null, null, "万元"],
        [null, null, null, null, null], // blank template rows under the merged 报送单位 and 统计期
        [null, null, null, null, null],
        [null, null, null, null, null],
        [{ value: "备注：数据为累计数", columnSpan: 5, rowSpan: 2 }, null, null, null, null],
        [null, null, null, null, null],
      ],
    }]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "merged2.xlsx", bytes: book }, CTX);
    expect(r.rows.map((x) => [x.sourceRow, x.targetCode, x.value])).toEqual([[2, "ZN-01", 450]]);
    expect(rejectCodes(r)).toEqual({ 3: ["E_REQUIRED"] }); // ZN-02's own value cell is empty: not 450
    expect(r.file.skippedRows.map((x) => x.row)).toEqual([7]);
    expect(r.file.rowsRead).toBe(2);
  });

  it("the first sheet with a header is read even when its header is wrong: its error is reported, not another sheet's data", async () => {
    const book = (await writeExcelFile([
      { data: [["报送单位", "指标编码", "统计期", "累计完成值（万）"], ["市经信局", "ZN-02", "2017-10", 3000]], sheet: "10月" },
      { data, sheet: "9月" },
    ]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "two-months.xlsx", bytes: book }, CTX);
    expect(r.file.sheet).toBe("10月");
    expect(r.fileError?.code).toBe("E_HEADER");
    expect(r.rows).toEqual([]);
  });

  it("an Excel error value or a formula never calculated reads as such, not as an empty cell", async () => {
    const book = (await writeExcelFile([{ data, sheet: "报表" }]).toBuffer()) as Buffer;
    const sheetPart = Object.keys(unzipSync(book)).find((f) => f.startsWith("xl/worksheets/") && f.endsWith(".xml"))!;
    const broken = patch(book, sheetPart, (xml) =>
      xml
        .replace(/<c r="D2"[^>]*?(\/>|>[\s\S]*?<\/c>)/, '<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
        .replace(/<c r="D3"[^>]*?(\/>|>[\s\S]*?<\/c>)/, '<c r="D3"><f>SUM(A1:A2)</f></c>'));
    const r = await readMonthlyFile({ name: "errors.xlsx", bytes: broken }, CTX);
    expect(rejectCodes(r)).toEqual({ 2: ["E_NOT_A_NUMBER"], 3: ["E_NOT_A_NUMBER"] });
    expect(r.rejects.map((x) => x.value)).toEqual(["#DIV/0!", expect.stringContaining("公式未计算")]);
  });
});

describe("readMonthlyFile: files that are not reports", () => {
  it.each([
    ["empty file", "empty.csv", Buffer.alloc(0), "E_FILE_EMPTY"],
    ["only blank lines", "blank.csv", Buffer.from("\r\n\r\n"), "E_FILE_EMPTY"],
    ["header only", "header-only.csv", Buffer.from(HEADER + "\r\n,,,,,,,,\r\n"), "E_NO_DATA"],
    ["PNG image", "scan.csv", Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"), "E_FILE_TYPE"],
    ["Office file with no workbook", "report.xls", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]), "E_FILE_TYPE"],
    ["undecodable text", "latin1.csv", Buffer.from("Département,Code\nÉté,1\n", "latin1"), "E_ENCODING"],
    ["a corrupt workbook", "broken.xlsx", Buffer.concat([Buffer.from("504b0304", "hex"), Buffer.from("xl/workbook.xml garbage")]), "E_XLSX_INVALID"],
    // (its first parts only, the workbook part cut off: a damaged file, not an archive to unpack)
    ["a workbook cut short", "short.xlsx", Buffer.concat([Buffer.from("504b0304", "hex"), Buffer.alloc(26), Buffer.from("[Content_Types].xml"), Buffer.alloc(40)]), "E_XLSX_INVALID"],
    ["a zip archive", "reports.zip", Buffer.from(zipSync({ "oct/report.csv": strToU8(MIXED) })), "E_FILE_TYPE"],
    // (cut before any part's name: no directory at its end, so no whole archive either)
    ["a file cut short after its first bytes", "short2.xlsx", Buffer.from(zipSync({ "oct/report.csv": strToU8(MIXED) })).subarray(0, 20), "E_XLSX_INVALID"],
  ])("%s → %s, nothing accepted", async (_, name, bytes, code) => {
    const r = await readMonthlyFile(temp(name, bytes), CTX);
    expect(r.fileError?.code).toBe(code);
    expect(r.rows).toEqual([]);
    expect(r.rejects).toEqual([]);
    expect(r.file.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("a missing path → E_FILE_MISSING", async () => {
    const r = await readMonthlyFile(join(dir, "nope.csv"), CTX);
    expect(r.fileError?.code).toBe("E_FILE_MISSING");
    expect(r.file.sha256).toBeNull();
  });

  it("the as-of date is required: a malformed context is a programming error, not a file error", async () => {
    await expect(readMonthlyFile({ name: "x.csv", bytes: Buffer.from(MIXED) }, { ...CTX, asOf: "" })).rejects.toThrow(TypeError);
  });

  it("a file over the size limit → E_FILE_TOO_LARGE", async () => {
    const r = await readMonthlyFile({ name: "big.csv", bytes: Buffer.from(MIXED) }, CTX, { maxBytes: 100 });
    expect(r.fileError?.code).toBe("E_FILE_TOO_LARGE");
  });

  it("an Office file holding no Excel 97–2003 workbook: the message tells the department what to do", async () => {
    const r = await readMonthlyFile({ name: "report.xls", bytes: Buffer.from("d0cf11e0a1b11ae1", "hex") }, CTX);
    expect(r.fileError?.message).toContain("这是旧版 Office 的二进制文件，但其中没有 Excel 97–2003 工作簿（可能是 .doc、.ppt、WPS 自有格式的 .et，或文件不完整）：表格请另存为 .xlsx 或 CSV");
  });
});

describe("readMonthlyFile: .xlsx", () => {

  async function workbook(): Promise<Buffer> {
    const october = [
      title("慈溪市智能经济十条 指标进展月报"),
      title("报送单位：市经信局"),
      ["报送单位", "指标编码", "统计期", "累计完成值", "单位", "进展情况", "填报日期"],
      ["市经信局", "ZN-01", monthCell(2017, 10), 450, "家", "培育450家", monthCell(2017, 11, 3, "yyyy/m/d")],
      ["市经信局", "ZN-02", monthCell(2017, 10, 31, "yyyy-mm-dd"), 3000.5, "万元", null, null],
      ["市经信局", "ZN-02", monthCell(2017, 12), 3100, "万元", null, null],
      ["市经信局", "ZN-01", "2017-11", "四百", null, null, null],
    ];
    const november = [
      ["报送单位", "指标编码", "统计期", "累计完成值"],
      ["市经信局", "ZN-01", monthCell(2017, 11), 460],
    ];
    return (await writeExcelFile([
      { data: october, sheet: "十月" },
      { data: november, sheet: "十一月" },
    ]).toBuffer()) as Buffer;
  }

  it("two title rows above the header, Excel date cells in 统计期 and 填报日期, numeric cells", async () => {
    const bytes = await workbook();
    const r = await readMonthlyFile(temp("october.xlsx", bytes), CTX, { sheet: "十月" });
    expect(r.fileError).toBeNull();
    expect(r.file).toMatchObject({ format: "xlsx", encoding: null, sheet: "十月", headerRow: 3, rowsRead: 4 });
    expect(r.rows.map((x) => [x.sourceRow, x.targetCode, x.period, x.value, x.unit, x.reportedAt])).toEqual([
      [4, "ZN-01", "2017-10", 450, "家", "2017-11-03"],
      [5, "ZN-02", "2017-10", 3000.5, "万元", null],
    ]);
    expect(rejectCodes(r)).toEqual({ 6: ["E_PERIOD_IN_FUTURE"], 7: ["E_NOT_A_NUMBER"] });
  });

  it("without a sheet named, a workbook kept with one sheet per month is read from its latest month, the others named", async () => {
    const r = await readMonthlyFile({ name: "book.xlsx", bytes: await workbook() }, CTX);
    expect(r.file).toMatchObject({ sheet: "十一月", otherSheets: ["十月"], sheetByMonth: true });
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([["2017-11", 460]]);
    const sheet = (period: string) => [["报送单位", "指标编码", "统计期", "累计完成值"], ["市经信局", "ZN-01", period, 450]];
    const newestFirst = (await writeExcelFile([
      { data: sheet("2017-10"), sheet: "10月报表" }, { data: sheet("2017-09"), sheet: "9月报表" }, { data: [["填报说明"], ["报送单位", "指标编码"]], sheet: "填报说明" },
    ]).toBuffer()) as Buffer;
    expect((await readMonthlyFile({ name: "book.xlsx", bytes: newestFirst }, CTX)).file).toMatchObject({ sheet: "10月报表", otherSheets: ["9月报表"], sheetByMonth: false });
    // next month's sheet made ready with its header alone: the latest month filled in
    const ready = (await writeExcelFile([
      { data: sheet("2017-09"), sheet: "9月" }, { data: sheet("2017-10"), sheet: "10月" }, { data: [["报送单位", "指标编码", "统计期", "累计完成值"]], sheet: "11月" },
    ]).toBuffer()) as Buffer;
    expect((await readMonthlyFile({ name: "book.xlsx", bytes: ready }, CTX)).file).toMatchObject({ sheet: "10月", otherSheets: ["9月", "11月"], sheetByMonth: true });
    // or with its department, codes and period filled in and nothing reported yet: the same
    const prefilled = (await writeExcelFile([
      { data: sheet("2017-09"), sheet: "9月" }, { data: sheet("2017-10"), sheet: "10月" },
      { data: [["报送单位", "指标编码", "统计期", "累计完成值"], ["市经信局", "ZN-01", "2017-11", null]] as unknown as (string | number)[][], sheet: "11月" },
    ]).toBuffer()) as Buffer;
    const read = await readMonthlyFile({ name: "book.xlsx", bytes: prefilled }, CTX);
    expect(read.file).toMatchObject({ sheet: "10月", sheetByMonth: true });
    expect(read.rows.map((x) => [x.period, x.value])).toEqual([["2017-10", 450]]);
    // or copied from October with its 完成状态 left in place and the figures cleared: statuses alone, beside months
    // with figures, are no report either
    const withStatus = [["报送单位", "指标编码", "统计期", "累计完成值", "完成状态", "进展情况"], ["市经信局", "ZN-01", "2017-10", 450, "推进中", null], ["市科技局", "ZN-03", "2017-10", null, "推进中", "按计划推进"]];
    const copiedStatuses = (await writeExcelFile([
      { data: withStatus, sheet: "10月" },
      { data: [withStatus[0]!, ["市经信局", "ZN-01", "2017-11", null, "推进中", null], ["市科技局", "ZN-03", "2017-11", null, "推进中", null]], sheet: "11月" },
    ] as never).toBuffer()) as Buffer;
    const statuses = await readMonthlyFile({ name: "book.xlsx", bytes: copiedStatuses }, CTX);
    expect(statuses.file).toMatchObject({ sheet: "10月", otherSheets: ["11月"] });
    expect(statuses.rows.map((x) => [x.period, x.value, x.status])).toEqual([["2017-10", 450, "in_progress"], ["2017-10", null, "in_progress"]]);
    // or copied with its 进展情况 left as October's too: no report either (the notes are October's, row by row)
    const copiedNotes = (await writeExcelFile([
      { data: withStatus, sheet: "10月" },
      { data: [withStatus[0]!, ["市经信局", "ZN-01", "2017-11", null, "推进中", null], ["市科技局", "ZN-03", "2017-11", null, "推进中", "按计划推进"]], sheet: "11月" },
    ] as never).toBuffer()) as Buffer;
    expect((await readMonthlyFile({ name: "book.xlsx", bytes: copiedNotes }, CTX)).file).toMatchObject({ sheet: "10月", otherSheets: ["11月"] });
    // but a copy in which a status moved on (推进中 → 已完成), its notes as October's or cleared, is November's report
    for (const note of ["按计划推进", null]) {
      const advanced = (await writeExcelFile([
        { data: withStatus, sheet: "10月" },
        { data: [withStatus[0]!, ["市经信局", "ZN-01", "2017-11", null, "推进中", null], ["市科技局", "ZN-03", "2017-11", null, "已完成", note]], sheet: "11月" },
      ] as never).toBuffer()) as Buffer;
      const r = await readMonthlyFile({ name: "book.xlsx", bytes: advanced }, CTX);
      expect(r.file, String(note)).toMatchObject({ sheet: "11月" });
      expect(r.rows.map((x) => [x.period, x.status]), String(note)).toEqual([["2017-11", "in_progress"], ["2017-11", "done"]]);
    }
    // (the same note on another row is written anew: November is read)
    const movedNote = (await writeExcelFile([
      { data: withStatus, sheet: "10月" },
      { data: [withStatus[0]!, ["市经信局", "ZN-01", "2017-11", null, "推进中", "按计划推进"], ["市科技局", "ZN-03", "2017-11", null, "推进中", null]], sheet: "11月" },
    ] as never).toBuffer()) as Buffer;
    expect((await readMonthlyFile({ name: "book.xlsx", bytes: movedNote }, CTX)).file).toMatchObject({ sheet: "11月" });
    // with a note written, November is read; and a workbook of milestones alone (no figure in any month) reads its
    // latest month of statuses
    const noted = (await writeExcelFile([
      { data: withStatus, sheet: "10月" },
      { data: [withStatus[0]!, ["市科技局", "ZN-03", "2017-11", null, "已完成", "已通过验收"]], sheet: "11月" },
    ] as never).toBuffer()) as Buffer;
    expect((await readMonthlyFile({ name: "book.xlsx", bytes: noted }, CTX)).file).toMatchObject({ sheet: "11月" });
    const milestones = (await writeExcelFile([
      { data: [withStatus[0]!, ["市科技局", "ZN-03", "2017-10", null, "推进中", null]], sheet: "10月" },
      { data: [withStatus[0]!, ["市科技局", "ZN-03", "2017-11", null, "已完成", null]], sheet: "11月" },
    ] as never).toBuffer()) as Buffer;
    const m = await readMonthlyFile({ name: "book.xlsx", bytes: milestones }, CTX);
    expect(m.file).toMatchObject({ sheet: "11月" });
    expect(m.rows.map((x) => [x.period, x.status])).toEqual([["2017-11", "done"]]);
    // names that are not all months keep the first sheet
    const mixed = (await writeExcelFile([{ data: sheet("2017-10"), sheet: "本月" }, { data: sheet("2017-09"), sheet: "9月" }]).toBuffer()) as Buffer;
    expect((await readMonthlyFile({ name: "book.xlsx", bytes: mixed }, CTX)).file).toMatchObject({ sheet: "本月", otherSheets: ["9月"], sheetByMonth: false });
  });

  it("a month-by-month workbook with a month's sheet copied (「10月 (2)」) is refused, naming both: which is the report cannot be told", async () => {
    const sheet = (period: string, value: number) => [["报送单位", "指标编码", "统计期", "累计完成值"], ["市经信局", "ZN-01", period, value]];
    const copied = (await writeExcelFile([
      { data: sheet("2017-09", 250), sheet: "9月" }, { data: sheet("2017-10", 300), sheet: "10月" }, { data: sheet("2017-10", 310), sheet: "10月 (2)" },
    ]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "copied.xlsx", bytes: copied }, CTX);
    expect(r.fileError?.code).toBe("E_SHEET_AMBIGUOUS");
    expect(r.fileError?.message).toContain("工作表「10月」与「10月 (2)」是同一个月份的表（或其复制），无法确定读取哪一张");
    expect(r.rows).toEqual([]);
    // the copy of September holding October (not renamed): the same
    const stale = (await writeExcelFile([{ data: sheet("2017-09", 250), sheet: "9月" }, { data: sheet("2017-10", 300), sheet: "9月 (2)" }]).toBuffer()) as Buffer;
    expect((await readMonthlyFile({ name: "stale.xlsx", bytes: stale }, CTX)).fileError?.code).toBe("E_SHEET_AMBIGUOUS");
    // named with --sheet, it is read
    expect((await readMonthlyFile({ name: "copied.xlsx", bytes: copied }, CTX, { sheet: "10月 (2)" })).rows.map((x) => x.value)).toEqual([310]);
    // a second version named with the words people add: the same (the draft would otherwise be read, the first tab)
    for (const [first, second] of [["10月", "10月 - 副本"], ["10月", "10月新"], ["10月", "10月修订版"], ["2017年10月", "2017年10月(更正)"], ["10月初稿", "10月终稿"], ["10月", "10月（修改）"]]) {
      const book = (await writeExcelFile([{ data: sheet("2017-10", 300), sheet: first! }, { data: sheet("2017-10", 310), sheet: second! }]).toBuffer()) as Buffer;
      const v = await readMonthlyFile({ name: "versions.xlsx", bytes: book }, CTX);
      expect(v.fileError?.message, second).toContain(`工作表「${first}」与「${second}」是同一个月份的表（或其复制）`);
    }
    // other words after the month name different reports: the first is read, the other listed
    const two = (await writeExcelFile([{ data: sheet("2017-10", 300), sheet: "10月经信局" }, { data: sheet("2017-10", 310), sheet: "10月科技局" }]).toBuffer()) as Buffer;
    expect((await readMonthlyFile({ name: "two.xlsx", bytes: two }, CTX)).file).toMatchObject({ sheet: "10月经信局", otherSheets: ["10月科技局"] });
    // a copy made ready for next month with its header alone is no report: the latest month filled in is read
    const ready = (await writeExcelFile([
      { data: sheet("2017-09", 250), sheet: "9月" }, { data: sheet("2017-10", 300), sheet: "10月" }, { data: [sheet("", 0)[0]!], sheet: "10月 (2)" },
    ]).toBuffer()) as Buffer;
    expect((await readMonthlyFile({ name: "ready.xlsx", bytes: ready }, CTX)).file).toMatchObject({ sheet: "10月", sheetByMonth: true });
  });

  it("a sheet named by a month holds its rows to it: a row of another month is flagged for review (last month's sheet renamed)", async () => {
    const sheet = [["报送单位", "指标编码", "统计期", "累计完成值"], ["市经信局", "ZN-01", "2017-09", 300], ["市经信局", "ZN-02", "2017-10", 3000]];
    const r = await readMonthlyFile({ name: "renamed.xlsx", bytes: (await writeExcelFile([{ data: sheet, sheet: "10月" }]).toBuffer()) as Buffer }, CTX);
    expect(r.file.sheetMonth).toEqual({ sheet: "10月", year: null, month: 10 });
    const check = fileStatedCheck(r.file, () => null)!;
    expect(r.rows.map((x) => check(x))).toEqual(["统计期 2017-09 与工作表名「10月」所指的10月不符，请核对", null]);
    // a year in the name holds the year too; a name with no month holds nothing
    const year = await readMonthlyFile({ name: "y.xlsx", bytes: (await writeExcelFile([{ data: sheet, sheet: "2016年10月报表" }]).toBuffer()) as Buffer }, CTX);
    expect(year.rows.map((x) => fileStatedCheck(year.file, () => null)!(x))).toEqual([
      "统计期 2017-09 与工作表名「2016年10月报表」所指的2016年10月不符，请核对", "统计期 2017-10 与工作表名「2016年10月报表」所指的2016年10月不符，请核对"]);
    const plain = await readMonthlyFile({ name: "p.xlsx", bytes: (await writeExcelFile([{ data: sheet, sheet: "Sheet1" }]).toBuffer()) as Buffer }, CTX);
    expect(fileStatedCheck(plain.file, () => null)).toBeNull();
  });

  it("latestMonthSheet: the latest of sheets named by month, or null when the names do not tell", () => {
    expect(latestMonthSheet(["1月", "2月", "10月"])).toBe(2);
    expect(latestMonthSheet(["11月", "12月", "1月", "2月"])).toBe(3); // the year turns once
    expect(latestMonthSheet(["10月份", "9月份", "8月份"])).toBe(0); // newest tab first
    expect(latestMonthSheet(["2月", "1月", "12月"])).toBe(0);
    expect(latestMonthSheet(["2017年11月", "2017年12月", "2018年1月"])).toBe(2);
    expect(latestMonthSheet(["2018.01", "2017.12"])).toBe(0);
    expect(latestMonthSheet(["201712", "201801"])).toBe(1);
    expect(latestMonthSheet(["17年12月", "18年1月"])).toBe(1);
    expect(latestMonthSheet(["九月", "十月", "十一月"])).toBe(2);
    expect(latestMonthSheet(["1-9月", "1-10月"])).toBe(1);
    expect(latestMonthSheet(["市经信局9月报表", "市经信局10月报表"])).toBe(1);
    expect(latestMonthSheet(["10月", "10月(修订)"])).toBeNull(); // not the same text around the month
    expect(latestMonthSheet(["10月", "汇总"])).toBeNull();
    expect(latestMonthSheet(["3月", "1月", "2月"])).toBeNull(); // neither rising nor falling
    expect(latestMonthSheet(["10月", "11月", "12月", "1月", "10月"])).toBeNull(); // more than a year: which 10月?
    // a year in some names only: the others take the year nearest their neighbour's
    expect(latestMonthSheet(["2017年10月", "11月"])).toBe(1);
    expect(latestMonthSheet(["2018年1月", "2018年2月", "3月"])).toBe(2);
    expect(latestMonthSheet(["2017年12月", "1月", "2月", "3月"])).toBe(3); // 2018-03
    expect(latestMonthSheet(["3月", "2018年2月", "2018年1月"])).toBe(0); // falling: 2018-03 first
    expect(latestMonthSheet(["11月", "12月", "2018年1月"])).toBe(2); // 2017-11, 2017-12, 2018-01
    expect(latestMonthSheet(["2018年1月", "3月", "2月"])).toBeNull(); // neither rising nor falling
    expect(latestMonthSheet(["2018年1月", "7月"])).toBeNull(); // 2017-07 or 2018-07: as near
    expect(latestMonthSheet(["2017年10月", "2017年10月"])).toBeNull();
    expect(latestMonthSheet(["10月"])).toBeNull();
    expect(latestMonthSheet(["Sheet1", "Sheet2"])).toBeNull();
  });

  it("reads a named sheet; an unknown sheet → E_SHEET_NOT_FOUND listing the sheets", async () => {
    const bytes = await workbook();
    const r = await readMonthlyFile({ name: "october.xlsx", bytes }, CTX, { sheet: "十一月" });
    expect(r.rows.map((x) => [x.sourceRow, x.period, x.value])).toEqual([[2, "2017-11", 460]]);
    const missing = await readMonthlyFile({ name: "october.xlsx", bytes }, CTX, { sheet: "十二月" });
    expect(missing.fileError?.code).toBe("E_SHEET_NOT_FOUND");
    expect(missing.fileError?.message).toContain("「十月」、「十一月」");
  });

  it("a percent-formatted cell reads as Excel shows it (0.855 → 85.5%), a General one as stored", async () => {
    const bytes = (await writeExcelFile([
      ["报送单位", "指标编码", "统计期", "累计完成值"],
      ["市科技局", "ZN-04", "2017-10", { value: 0.855, format: "0.0%" }],
      ["市科技局", "ZN-04", "2017-11", { value: 0.9, format: "0%" }],
    ]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "percent.xlsx", bytes }, CTX);
    expect(r.rows.map((x) => [x.period, x.value, x.unit, x.reportedUnit])).toEqual([
      ["2017-10", 85.5, "%", "%"],
      ["2017-11", 90, "%", "%"],
    ]);
    // a percent format on a count (450 typed, 4.5 stored, 450% shown): rejected, saying the format may show the %
    const count = (await writeExcelFile([
      ["报送单位", "指标编码", "统计期", "累计完成值"],
      ["市经信局", "ZN-01", "2017-10", { value: 4.5, format: "0%" }],
    ]).toBuffer()) as Buffer;
    const c = await readMonthlyFile({ name: "percent-count.xlsx", bytes: count }, CTX);
    expect(c.rejects.map((x) => [x.code, x.value])).toEqual([["E_UNIT_MISMATCH", "450%"]]);
    expect(c.rejects[0]!.message).toContain("若该格只输入了数，如设成了百分比格式，请把它的格式改为“常规”");
    // (a CSV has no formats: nothing said of them)
    const csv = await readMonthlyFile({ name: "percent-count.csv", bytes: Buffer.from("报送单位,指标编码,统计期,累计完成值\n市经信局,ZN-01,2017-10,450%\n") }, CTX);
    expect(csv.rejects[0]!.message).not.toContain("数字格式");
  });

  it("a sheet that leaves out its row and cell references (optional in the standard) reads as Excel shows it", async () => {
    const book = (await writeExcelFile([
      ["报送单位", "指标编码", "统计期", "累计完成值", "进展情况"],
      ["市科技局", "ZN-04", "2017-10", { value: 0.855, format: "0.0%" }, "甲"],
      ["市经信局", "ZN-01", "2017-10", 450, "乙"],
    ]).toBuffer()) as Buffer;
    const files = unzipSync(book);
    const xml = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    // every reference dropped, except: row 2 moves to row 4 and its 进展情况 cell to column G (where Excel would show it)
    const bare = xml
      .replace(/(<row\b[^>]*?)\s+r="(\d+)"/g, (_m, tag: string, n: string) => (n === "3" ? `${tag} r="4"` : tag))
      .replace(/(<c\b[^>]*?)\s+r="([A-Z]+)(\d+)"/g, (_m, tag: string, col: string, n: string) => (col === "E" && n === "3" ? `${tag} r="G4"` : tag));
    expect(bare).not.toMatch(/<c r="A/);
    files["xl/worksheets/sheet1.xml"] = strToU8(bare);
    const r = await readMonthlyFile({ name: "no-refs.xlsx", bytes: Buffer.from(zipSync(files)) }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.rows.map((x) => [x.sourceRow, x.department, x.period, x.value, x.unit, x.note])).toEqual([
      [2, "市科技局", "2017-10", 85.5, "%", "甲"],
      [4, "市经信局", "2017-10", 450, "家", null],
    ]);
    expect(withCellReferences('<row><c t="s"><v>0</v></c><c/><c r="E1"/><c/></row><row r="7"><c/></row><row/>')).toBe(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/><c r="E1"/><c r="F1"/></row><row r="7"><c r="A7"/></row><row r="8"/>',
    );
  });

  it("the format comes from the content, not the file name", async () => {
    const r = await readMonthlyFile({ name: "october.csv", bytes: await workbook() }, CTX);
    expect(r.file.format).toBe("xlsx");
    expect(r.file.sheet).toBe("十一月"); // its latest month's sheet
    expect(r.rows).toHaveLength(1);
  });

  it("a sheet starting at B3: formula cells give their cached value, a bare serial number in 统计期 is a date", async () => {
    const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const sheet =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<dimension ref="B3:E5"/><sheetData>` +
      `<row r="3">${inline("B3", "报送单位")}${inline("C3", "指标编码")}${inline("D3", "统计期")}${inline("E3", "累计完成值")}</row>` +
      `<row r="5">${inline("B5", "市经信局")}${inline("C5", "ZN-01")}<c r="D5"><v>43009</v></c><c r="E5"><f>400+50</f><v>450</v></c></row>` +
      `</sheetData></worksheet>`;
    const files: Record<string, string> = {
      "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="报送" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      "xl/worksheets/sheet1.xml": sheet,
    };
    const bytes = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
    const r = await readMonthlyFile({ name: "handmade.xlsx", bytes }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.file.headerRow).toBe(3);
    expect(r.rows.map((x) => [x.sourceRow, x.period, x.value])).toEqual([[5, "2017-10", 450]]);
  });
});

describe("readMonthlyFile: fields stated once above the header", () => {
  const rowsOf = (r: MonthlyFileResult) => r.rows.map((x) => [x.sourceRow, x.department, x.targetCode, x.period, x.value, x.reporter, x.reportedAt]);
  const stated = (r: MonthlyFileResult) => r.file.formFields.map((f) => [f.field, f.text, f.row]);

  it("填报单位, 填报人 and 填报日期 written as 「标签：内容」 and the month in the title stand for their columns", async () => {
    const csv = [
      "慈溪市智能经济重点指标完成情况表（2017年1-10月）,,,",
      "填报单位（盖章）：市经信局,,填报人：张三　　填报日期：2017年11月3日,",
      "指标编码,指标名称,累计完成值,进展情况",
      "ZN-01,培育智能制造企业,450,培育",
      "ZN-02,智能化改造投入,30,",
    ].join("\n");
    const r = await readMonthlyFile({ name: "form.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.rejects).toEqual([]);
    expect(rowsOf(r)).toEqual([
      [4, "市经信局", "ZN-01", "2017-10", 450, "张三", "2017-11-03"],
      [5, "市经信局", "ZN-02", "2017-10", 30, "张三", "2017-11-03"],
    ]);
    expect(stated(r)).toEqual([["department", "市经信局", 2], ["reporter", "张三", 2], ["reportedAt", "2017年11月3日", 2], ["period", "2017年1-10月", 1]]);
  });

  it("a 填报单位 and a title month over a table with those columns: each row's own is read, the stated ones kept to hold the rows to", async () => {
    const csv = [
      "慈溪市智能经济重点指标完成情况表（2017年10月）,,,",
      "填报单位：市经信局,,,",
      "报送单位,指标编码,统计期,累计完成值",
      "市经信局,ZN-01,2017-09,450",
    ].join("\n");
    const r = await readMonthlyFile({ name: "form.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError).toBeNull();
    expect(rowsOf(r)).toEqual([[4, "市经信局", "ZN-01", "2017-09", 450, null, null]]);
    expect(stated(r)).toEqual([]);
    expect(r.file.statedAbove.map((f) => [f.field, f.text, f.row])).toEqual([["department", "市经信局", 2], ["period", "2017年10月", 1]]);
    // the month in Chinese numerals too
    const chinese = await readMonthlyFile({ name: "chinese.csv", bytes: Buffer.from(csv.replace("（2017年10月）", "（2017年十月）")) }, CTX);
    expect(chinese.file.statedAbove.map((f) => [f.field, f.text])).toEqual([["department", "市经信局"], ["period", "2017年十月"]]);
    // a title naming two months, or a 填报单位 stated twice differently, holds the rows to nothing
    const two = await readMonthlyFile({ name: "two.csv", bytes: Buffer.from(csv.replace("（2017年10月）", "（2017年9月、10月）").replace("填报单位：市经信局,,,", "填报单位：市经信局,填报单位：市科技局,,")) }, CTX);
    expect(two.fileError).toBeNull();
    expect(two.file.statedAbove).toEqual([]);
  });

  it("a 统计期 or 报送单位 cell left empty under a table that states one above takes it, and the file says so; with none stated it stays empty", async () => {
    const csv = [
      "2017年11月份智能经济指标完成情况报送表,,,",
      "填报单位：市经信局,,,",
      "报送单位,指标编码,统计期,累计完成值",
      ",ZN-01,,450",
      "市经信局,ZN-02,2017-10,30",
    ].join("\n");
    const r = await readMonthlyFile({ name: "blank.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError).toBeNull();
    expect(rowsOf(r)).toEqual([[4, "市经信局", "ZN-01", "2017-11", 450, null, null], [5, "市经信局", "ZN-02", "2017-10", 30, null, null]]);
    expect(stated(r)).toEqual([["department", "市经信局", 2], ["period", "2017年11月份", 1]]);
    expect(r.file.formFields.map((f) => f.column)).toEqual(["报送单位（该列空白的 1 行）", "统计期（该列空白的 1 行）"]);
    // a title naming two months states none: the empty 统计期 is rejected as before
    const two = await readMonthlyFile({ name: "two.csv", bytes: Buffer.from(csv.replace("2017年11月份", "2017年10月、11月")) }, CTX);
    expect(two.rejects.map((x) => [x.row, x.code, x.column])).toEqual([[4, "E_REQUIRED", "统计期"]]);
    expect(two.file.formFields.map((f) => f.column)).toEqual(["报送单位（该列空白的 1 行）"]);
  });

  it("a 统计期 of a month alone (10月, 九月份) takes the one year the title names, and the file says so; a span of years or none: rejected as before", async () => {
    const csv = [
      "慈溪市科技局2017年智能经济指标完成情况表,,,",
      "报送单位,指标编码,统计期,累计完成值",
      "市经信局,ZN-01,10月,450",
      "市经信局,ZN-02,九月份,30",
      "市经信局,ZN-02,2017-10,31",
      "市经信局,ZN-04,13月,2",
    ].join("\n");
    const r = await readMonthlyFile({ name: "year.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError).toBeNull();
    expect(rowsOf(r).map((x) => [x[0], x[3]])).toEqual([[3, "2017-10"], [4, "2017-09"], [5, "2017-10"]]);
    expect(r.rejects.filter((x) => x.column === "统计期").map((x) => [x.row, x.code, x.value])).toEqual([[6, "E_BAD_PERIOD", "13月"]]);
    expect(r.file.formFields.map((f) => [f.column, f.text, f.row])).toEqual([["统计期（只写了月份的 2 行）的年份", "2017年", 1]]);
    // 「年度：2017」 above the header does the same
    const labelled = await readMonthlyFile({ name: "label.csv", bytes: Buffer.from(csv.replace("慈溪市科技局2017年智能经济指标完成情况表", "年度：2017")) }, CTX);
    expect(rowsOf(labelled).map((x) => x[3])).toEqual(["2017-10", "2017-09", "2017-10"]);
    // one year and one month apart in the title (「2017年……（截至10月底）」): that month, for a cell left empty too
    const apart = await readMonthlyFile({ name: "apart.csv", bytes: Buffer.from(csv.replace("完成情况表", "完成情况表（截至10月底）").replace("ZN-03,2017-10", "ZN-03,")) }, CTX);
    expect(apart.file.statedAbove.map((f) => [f.field, f.text])).toEqual([["period", "2017年10月"]]);
    expect(rowsOf(apart).map((x) => x[3])).toEqual(["2017-10", "2017-09", "2017-10"]);
    for (const title of ["2021—2023年行动方案完成情况", "2017年至2019年完成情况", "2017年、2018年完成情况", "智能经济指标完成情况表"]) {
      const none = await readMonthlyFile({ name: "none.csv", bytes: Buffer.from(csv.replace("慈溪市科技局2017年智能经济指标完成情况表", title)) }, CTX);
      expect(none.rejects.filter((x) => x.code === "E_BAD_PERIOD").map((x) => x.row), title).toEqual([3, 4, 6]);
    }
  });

  it("累计完成值 split into months on the row below (9月 | 10月 | 11月): the file is refused naming them, not read row by row as noise", async () => {
    const csv = ["报送单位,指标编码,统计期,累计完成值,,,完成状态", ",,,9月,10月,11月,", "市经信局,ZN-01,2017-11,280,300,320,推进中"].join("\n");
    const r = await readMonthlyFile({ name: "months.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError?.code).toBe("E_HEADER");
    expect(r.fileError?.message).toContain("第 1 行的「累计完成值」在第 2 行下分成了 9月、10月、11月 几列：一行只能报一个统计期的累计数");
    expect(r.rows).toEqual([]);
  });

  it("累计完成值 split into quantities on the row below (项目数（个） | 投资额（万元）): the file is refused naming them; figures below it are a row", async () => {
    const csv = ["报送单位,指标编码,统计期,累计完成值,,完成状态", ",,,项目数（个）,投资额（万元）,", "市经信局,ZN-01,2017-10,12,5000,推进中"].join("\n");
    const r = await readMonthlyFile({ name: "two.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.fileError?.code).toBe("E_HEADER");
    expect(r.fileError?.message).toContain("第 1 行的「累计完成值」在第 2 行下分成了「项目数（个）」「投资额（万元）」几列：一行只能报一个累计完成值");
    // a first row with figures under 累计完成值 and the unheaded column is a row (its extra cell rejected), not a heading
    const figures = await readMonthlyFile({ name: "figures.csv", bytes: Buffer.from(["报送单位,指标编码,统计期,累计完成值,,完成状态", "市经信局,ZN-01,2017-10,12,5000,推进中"].join("\n")) }, CTX);
    expect(figures.fileError).toBeNull();
    expect(figures.rejects.map((x) => [x.row, x.code])).toEqual([[2, "E_EXTRA_CELLS"]]);
  });

  it("a 「单位」 column holding the departments' names with no 报送单位 column: the message says to rename it", async () => {
    const r = await readMonthlyFile({ name: "unit.csv", bytes: Buffer.from("单位,指标编码,统计期,累计完成值\n市经信局,ZN-01,2017-10,450\n市财政局,ZN-02,2017-10,30\n") }, CTX);
    expect(r.fileError?.code).toBe("E_HEADER");
    expect(r.fileError?.message).toBe("表头不符合要求：第 1 行表头缺少列：报送单位；A 列「单位」填的是报送单位（如「市经信局」），却被读作计量单位：请把列名改为「报送单位」");
    // (units of measure in it: no such hint)
    const measure = await readMonthlyFile({ name: "measure.csv", bytes: Buffer.from("单位,指标编码,统计期,累计完成值\n家,ZN-01,2017-10,450\n") }, CTX);
    expect(measure.fileError?.message).not.toContain("请把列名改为「报送单位」");
  });

  it("a 统计期 or 填报单位 stated again below the header, otherwise, over more rows: the file is refused, not read as the first block's", async () => {
    const block = (label: string, rows: string[]) => [label, "指标编码,累计完成值,进展情况", ...rows];
    const cases: [string, string[], string][] = [
      // a month alone on its line over a second block
      ["month.csv", ["填报单位：市经信局,,", "2017年10月,,", ...block("", ["ZN-01,450,"]).slice(1), ...block("2017年11月,,", ["ZN-02,30,"])],
        "第 5 行又写明了统计期「2017年11月」，与表格上方第 2 行的「2017年10月」不同"],
      ["label.csv", ["填报单位：市经信局,,", ...block("统计期：2017年10月,,", ["ZN-01,450,"]), ",,", ...block("统计期：2017年11月,,", ["ZN-01,460,"])],
        "第 6 行又写明了统计期「2017年11月」，与表格上方第 2 行的「2017年10月」不同"],
      ["unit.csv", ["统计期：2017年10月,,", ...block("填报单位：市经信局,,", ["ZN-01,450,"]), ...block("填报单位：市财政局,,", ["ZN-02,30,"])],
        "第 5 行又写明了报送单位「市财政局」，与表格上方第 2 行的「市经信局」不同"],
    ];
    for (const [name, lines, said] of cases) {
      const r = await readMonthlyFile({ name, bytes: Buffer.from(lines.join("\n")) }, CTX);
      expect(r.fileError?.code, name).toBe("E_HEADER");
      expect(r.fileError?.message, name).toContain(said);
      expect(r.rows, name).toEqual([]);
    }
    // the same month and unit again, and a form signed below (填报单位：（盖章）, 市经信局（盖章）): read as before
    const same = ["填报单位：市经信局,,", ...block("统计期：2017年10月,,", ["ZN-01,450,"]), ...block("统计期：2017年10月,,", ["ZN-02,30,"]),
      "填报单位：（盖章）,,填报人：张三", "填报单位：市经信局（盖章）,,"];
    const r = await readMonthlyFile({ name: "same.csv", bytes: Buffer.from(same.join("\n")) }, CTX);
    expect(r.fileError).toBeNull();
    expect(rowsOf(r).map(([row, department, code, period, value]) => [row, department, code, period, value])).toEqual([[4, "市经信局", "ZN-01", "2017-10", 450], [7, "市经信局", "ZN-02", "2017-10", 30]]);
  });

  it("in a workbook: a label in one cell and its value in the next, a label spaced out, 统计期 labelled", async () => {
    const book = (await writeExcelFile([{
      sheet: "报表",
      data: [
        title("智能经济重点指标月报"),
        ["填 报 单 位：", null, "市经信局", null, "统计期：", "2017年10月", null],
        ["指标编码", "累计完成值", "单位", "完成状态", "进展情况", "填报人", "填报日期"],
        ["ZN-01", 450, "家", null, "培育", "李四", "2017-11-05"],
      ],
    }]).toBuffer()) as Buffer;
    const r = await readMonthlyFile({ name: "form.xlsx", bytes: book }, CTX);
    expect(r.fileError).toBeNull();
    expect(rowsOf(r)).toEqual([[4, "市经信局", "ZN-01", "2017-10", 450, "李四", "2017-11-05"]]);
    expect(stated(r)).toEqual([["department", "市经信局", 2], ["period", "2017年10月", 2]]);
  });

  it("「单位：亿元」 above the table is every figure's unit, converted as a 单位 column would be; 「单位：市经信局」 is the reporting unit", async () => {
    const csv = ["单位：亿元,,", "报送单位,指标编码,统计期,累计完成值", "市经信局,ZN-02,2017-10,2"].join("\n");
    const r = await readMonthlyFile({ name: "unit.csv", bytes: Buffer.from(csv) }, CTX);
    expect(r.rows.map((x) => [x.value, x.unit, x.reportedUnit])).toEqual([[20000, "万元", "亿元"]]);
    const inTitle = ["月度完成情况（单位：亿元）,,", "报送单位,指标编码,统计期,累计完成值", "市经信局,ZN-02,2017-10,2"].join("\n");
    expect((await readMonthlyFile({ name: "unit.csv", bytes: Buffer.from(inTitle) }, CTX)).rows.map((x) => x.value)).toEqual([20000]);
    const org = ["单位：市经信局,,", "指标编码,统计期,累计完成值", "ZN-01,2017-10,450"].join("\n");
    expect(rowsOf(await readMonthlyFile({ name: "org.csv", bytes: Buffer.from(org) }, CTX))).toEqual([[3, "市经信局", "ZN-01", "2017-10", 450, null, null]]);
  });

  it("a column wins over the text above it, and a date or two months in the title are no period", async () => {
    const column = ["填报单位：市科技局,,,", "报送单位,指标编码,统计期,累计完成值", "市经信局,ZN-01,2017-10,450"].join("\n");
    const c = await readMonthlyFile({ name: "column.csv", bytes: Buffer.from(column) }, CTX);
    expect(rowsOf(c)).toEqual([[3, "市经信局", "ZN-01", "2017-10", 450, null, null]]);
    expect(stated(c)).toEqual([]);
    for (const heading of ["填报日期：2017年11月3日", "2017年9月、10月完成情况", "2017年9月至2017年10月完成情况"]) {
      const csv = [`${heading},,`, "报送单位,指标编码,累计完成值", "市经信局,ZN-01,450"].join("\n");
      const r = await readMonthlyFile({ name: "no-period.csv", bytes: Buffer.from(csv) }, CTX);
      expect(r.fileError?.code, heading).toBe("E_HEADER");
      expect(r.fileError?.message).toContain("缺少列：统计期");
      expect(r.fileError?.message).toContain("也可写在表头上方");
    }
  });

  it("the same field stated twice differently rejects the file, naming both; an unknown department stated above rejects every row, naming it", async () => {
    const twice = ["填报单位：市经信局,,", "填报单位：市科技局,,", "指标编码,统计期,累计完成值", "ZN-01,2017-10,450"].join("\n");
    const t = await readMonthlyFile({ name: "twice.csv", bytes: Buffer.from(twice) }, CTX);
    expect(t.fileError?.code).toBe("E_HEADER");
    expect(t.fileError?.message).toContain("第 1 行「市经信局」、第 2 行「市科技局」");
    const unknown = ["填报单位：市统计局,,", "指标编码,统计期,累计完成值", "ZN-01,2017-10,450", "ZN-02,2017-10,30"].join("\n");
    const u = await readMonthlyFile({ name: "unknown.csv", bytes: Buffer.from(unknown) }, CTX);
    expect(u.rejects.map((j) => [j.row, j.code, j.column, j.value])).toEqual([
      [3, "E_UNKNOWN_DEPARTMENT", "报送单位", "市统计局"],
      [4, "E_UNKNOWN_DEPARTMENT", "报送单位", "市统计局"],
    ]);
  });
});

describe("skippedRowsText", () => {
  it("groups the skipped rows by reason, in order of first appearance, and counts those beyond the first few", () => {
    const skipped = [{ row: 4, reason: "未填写" }, { row: 6, reason: "未填写" }, { row: 9, reason: "“合计”行" }, { row: 7, reason: "未填写" }, { row: 8, reason: "未填写" }];
    expect(skippedRowsText(skipped, 3)).toBe("第 4、6、7 等 4 行（未填写）；第 9 行（“合计”行）");
    expect(skippedRowsText([])).toBe("");
  });
});
