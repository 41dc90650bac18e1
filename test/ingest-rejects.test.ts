/**
 * The rejects file sent back to a department (src/ingest/rejects.ts): as CSV with BOM, and as an .xlsx workbook whose
 * cells Excel shows as they were sent. Read back with the same library that reads departments' workbooks.
 */
import readXlsxFile from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { rejectsCsv, rejectsXlsx, REJECTS_SHEET, type RejectLine } from "../src/ingest/rejects.js";
import { CELL_MAX } from "../src/xlsxwrite.js";
import { rejectsCsv as monthlyRejectsCsv } from "../src/monthly.js";

const line = (value: string | null, extra: Partial<RejectLine> = {}): RejectLine => ({
  file: "市经信局-2017-10.csv", row: 5, column: "累计完成值", code: "E_NOT_A_NUMBER", message: "不是有效的数字", value, ...extra,
});

const readBack = async (bytes: Uint8Array) => {
  const sheets = await readXlsxFile(Buffer.from(bytes));
  expect(sheets.map((s) => s.sheet)).toEqual([REJECTS_SHEET]);
  return sheets[0]!.data;
};

describe("rejectsXlsx", () => {
  it("has the CSV's header and columns; the row number is a number, every other cell text as sent", async () => {
    const lines = [
      // the row's 报送单位, 指标编码, 统计期 as written, from its cells by header (an alias heading too)
      line("2016-12", { column: "统计期", code: "E_PERIOD_BEFORE_START", rawRow: { 填报单位: "市经信局", 指标编码: "CX75-06-01", 统计期: "2016-12", 累计完成值: "300", 备注: "x" } }), // Excel would read 2016-12 in a CSV as a date
      line("=HYPERLINK(\"http://x\")"), // in a CSV it needs an apostrophe; in a text cell it is only text
      line("00123"),
      line("1,234"),
      line(null, { file: "坏文件.pdf", row: null, column: null, code: "E_FILE_TYPE", message: "不是 CSV 或 XLSX 文件" }),
    ];
    const data = await readBack(rejectsXlsx(lines));
    expect(data).toEqual([
      ["文件", "行号", "报送单位", "指标编码", "统计期", "列", "错误代码", "原因", "原值"],
      ["市经信局-2017-10.csv", 5, "市经信局", "CX75-06-01", "2016-12", "统计期", "E_PERIOD_BEFORE_START", "不是有效的数字", "2016-12"],
      ["市经信局-2017-10.csv", 5, null, null, null, "累计完成值", "E_NOT_A_NUMBER", "不是有效的数字", "=HYPERLINK(\"http://x\")"],
      ["市经信局-2017-10.csv", 5, null, null, null, "累计完成值", "E_NOT_A_NUMBER", "不是有效的数字", "00123"],
      ["市经信局-2017-10.csv", 5, null, null, null, "累计完成值", "E_NOT_A_NUMBER", "不是有效的数字", "1,234"],
      ["坏文件.pdf", null, null, null, null, null, "E_FILE_TYPE", "不是 CSV 或 XLSX 文件", null],
    ]);
    // the CSV of the same lines: same header, the formula defused with an apostrophe
    const csv = rejectsCsv(lines);
    expect(csv.startsWith("\uFEFF文件,行号,报送单位,指标编码,统计期,列,错误代码,原因,原值\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("市经信局-2017-10.csv,5,市经信局,CX75-06-01,2016-12,统计期,E_PERIOD_BEFORE_START");
    // a 报送单位 and 统计期 stated above the header (no such cells in the row): from the key the row was meant for
    const stated = rejectsCsv([line("三百", { rawRow: { 指标编码: "CX75-06-01", 累计完成值: "三百" }, reported: { department: "市经信局", targetCode: "CX75-06-01", period: "2017-10" } })]);
    expect(stated).toContain("市经信局-2017-10.csv,5,市经信局,CX75-06-01,2017-10,累计完成值,E_NOT_A_NUMBER");
    // …or, with no key read (a value not a number), as the file states them above its table: each row shows them
    const above = [{ column: "报送单位", value: "市委组织部" }, { column: "统计期", value: "2017年9月" }, { column: "填报人", value: "李明" }];
    const form = rejectsCsv([line("已完成", { rawRow: { 指标编码: "CX75-13-02", 累计完成值: "已完成" }, above })]);
    expect(form).toContain("市经信局-2017-10.csv,5,市委组织部,CX75-13-02,2017年9月,累计完成值,E_NOT_A_NUMBER");
    // (a row's own cell comes first)
    expect(rejectsCsv([line("x", { rawRow: { 报送单位: "市科技局", 指标编码: "CX75-13-02" }, above })])).toContain(",5,市科技局,CX75-13-02,2017年9月,");
    // the loads' rejects file (luoshi ingest --rejects-out) passes each summary's form fields
    const fromSummary = monthlyRejectsCsv([{ file: "组织部9月.xlsx", file_error: null, rejects: [{ ...line("已完成"), file: "组织部9月.xlsx", rawRow: { 指标编码: "CX75-13-02" } }],
      form_fields: [{ column: "报送单位", value: "市委组织部", row: 2 }, { column: "统计期", value: "2017年9月", row: 2 }] }] as Parameters<typeof monthlyRejectsCsv>[0]);
    expect(fromSummary).toContain("组织部9月.xlsx,5,市委组织部,CX75-13-02,2017年9月,累计完成值,E_NOT_A_NUMBER");
  });

  it("still opens with characters XML cannot hold (a control character, a lone surrogate): shown as �", async () => {
    const data = await readBack(rejectsXlsx([line("12\u0001家"), line("a\uD800b"), line("<b>&\"</b>")]));
    expect(data.slice(1).map((r) => r[8])).toEqual(["12\uFFFD家", "a\uFFFDb", "<b>&\"</b>"]);
  });

  it("cuts a value longer than an Excel cell holds, saying so", async () => {
    const data = await readBack(rejectsXlsx([line("很".repeat(CELL_MAX + 10))]));
    const value = String(data[1]![8]);
    expect(value.length).toBe(CELL_MAX);
    expect(value.endsWith("…（已截断）")).toBe(true);
  });

  it("keeps texts Excel would otherwise change: _x0041_ (read as A), a carriage return", async () => {
    const data = await readBack(rejectsXlsx([line("a_x0041_b"), line("_x0041_x0042_"), line("c\rd"), line("e\r\nf")]));
    expect(data.slice(1).map((r) => r[8])).toEqual(["a_x0041_b", "_x0041_x0042_", "c\rd", "e\r\nf"]);
  });

  it("writes a list of 200,000 lines; beyond a sheet's rows or size, as many as fit and a line counting the rest", async () => {
    const many = Array.from({ length: 200_000 }, (_, i) => line(String(i), { row: i + 2 }));
    expect(rejectsXlsx(many).length).toBeGreaterThan(100_000);
    const data = await readBack(rejectsXlsx(many.slice(0, 10), 5));
    expect(data.map((r) => r[1])).toEqual(["行号", 2, 3, 4, null]);
    expect(data[4]![0]).toBe("……另有 7 行未列出（超出一个 Excel 工作表能容纳的行数或大小），全部被拒绝的行请导出为 CSV");
    expect((await readBack(rejectsXlsx(many.slice(0, 4), 5))).length).toBe(5); // exactly full: no note
    // and beyond the XML a string can hold (here 1,000 characters, each line about 400)
    const sized = await readBack(rejectsXlsx(many.slice(0, 10), 100, 1_000));
    expect(sized.map((r) => r[1])).toEqual(["行号", 2, 3, null]);
    expect(sized[3]![0]).toContain("另有 8 行未列出");
  });

  it("an empty list is the header alone; the same lines give the same bytes", async () => {
    expect(await readBack(rejectsXlsx([]))).toEqual([["文件", "行号", "报送单位", "指标编码", "统计期", "列", "错误代码", "原因", "原值"]]);
    expect(rejectsXlsx([line("x")])).toEqual(rejectsXlsx([line("x")]));
  });
});
