import * as XLSX from "@e965/xlsx";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readMonthlyFile } from "../src/ingest/index.js";
import { xlsToXlsx } from "../src/ingest/xls.js";
import { CTX } from "./fixtures/monthly/context.js";

// Excel 97–2003 workbooks (.xls, BIFF8) as Excel and WPS save them, written here by the same library's writer.
const HEADER = ["报送单位", "指标编码", "统计期", "累计完成值", "单位", "完成状态", "进展情况", "填报人", "填报日期"];

function xls(sheets: { name: string; rows: unknown[][]; formats?: Record<string, string>; merges?: string[]; hidden?: boolean }[], bookType: "biff8" | "biff5" | "xlsb" | "ods" = "biff8"): Buffer {
  const book = XLSX.utils.book_new();
  for (const s of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet(s.rows, { cellDates: true });
    for (const [ref, z] of Object.entries(s.formats ?? {})) sheet[ref]!.z = z;
    if (s.merges) sheet["!merges"] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(book, sheet, s.name);
  }
  book.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) };
  return XLSX.write(book, { type: "buffer", bookType }) as Buffer;
}

const OCTOBER = {
  name: "10月",
  rows: [
    ["慈溪市智能经济指标报送表（2017年10月）"],
    HEADER,
    ["市经信局", "ZN-01", "2017-10", 450, "家", "", "推进中", "张三", new Date(Date.UTC(2017, 10, 3))],
    // (统计期 as a date cell shown as a month, 累计完成值 as a number shown in 万元 by its format)
    ["市经信局", "ZN-02", 43009, 3000, "", "", "", "张三", ""],
    ["市科技局", "ZN-04", "2017-10", 0.85, "", "", "", "李四", ""],
  ],
  formats: { C4: "yyyy-mm", D4: '0"万元"', D5: "0%" },
  merges: ["A1:I1"],
};

describe("xlsToXlsx and readMonthlyFile: an Excel 97–2003 workbook (.xls) is read like an .xlsx", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reads its title, header, dates, and the figures as the cells' formats show them; says it was an .xls", async () => {
    const r = await readMonthlyFile({ name: "市经信局-10月.xls", bytes: xls([OCTOBER]) }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.file).toMatchObject({ format: "xls", encoding: null, sheet: "10月", headerRow: 2, rowsRead: 3 });
    expect(r.rejects).toEqual([]);
    expect(r.rows.map((x) => [x.department, x.targetCode, x.period, x.value, x.reportedAt])).toEqual([
      ["市经信局", "ZN-01", "2017-10", 450, "2017-11-03"],
      ["市经信局", "ZN-02", "2017-10", 3000, null],
      ["市科技局", "ZN-04", "2017-10", 85, null],
    ]);
  });

  it("rejects its bad rows with the same codes as any file, and keeps the good ones", async () => {
    const rows = [HEADER, ["市经信局", "ZN-01", "2017-10", -5, "家"], ["市经信局", "ZN-99", "2017-10", 1, "家"], ["市经信局", "ZN-01", "2017-09", 400, "家"]];
    const r = await readMonthlyFile({ name: "a.xls", bytes: xls([{ name: "Sheet1", rows }]) }, CTX);
    expect(r.rejects.map((x) => [x.row, x.code])).toEqual([[2, "E_NEGATIVE"], [3, "E_UNKNOWN_CODE"]]);
    expect(r.rows.map((x) => x.value)).toEqual([400]);
  });

  it("reads the latest month of a workbook kept by month, passes over a hidden sheet, and reads another with a sheet named", async () => {
    const september = { name: "9月", rows: [HEADER, ["市经信局", "ZN-01", "2017-09", 400, "家"]] };
    const hidden = { name: "11月", rows: [HEADER, ["市经信局", "ZN-01", "2017-11", 999, "家"]], hidden: true };
    const bytes = xls([september, OCTOBER, hidden]);
    const latest = await readMonthlyFile({ name: "book.xls", bytes }, CTX);
    expect(latest.file).toMatchObject({ sheet: "10月", sheetByMonth: true, otherSheets: ["9月"] });
    const named = await readMonthlyFile({ name: "book.xls", bytes }, CTX, { sheet: "9月" });
    expect(named.rows.map((x) => [x.period, x.value])).toEqual([["2017-09", 400]]);
  });

  it("a damaged .xls → E_XLSX_INVALID (in words, nothing printed on the console); an Excel 95 workbook → E_FILE_TYPE", async () => {
    const spies = [vi.spyOn(process.stdout, "write"), vi.spyOn(process.stderr, "write")];
    const damaged = Buffer.from(xls([OCTOBER]));
    damaged.fill(0xff, 1024, 1088);
    const r = await readMonthlyFile({ name: "a.xls", bytes: damaged }, CTX);
    expect(r.fileError?.code).toBe("E_XLSX_INVALID");
    expect(r.fileError?.message).toContain("旧版 .xls 工作簿无法读取（文件不完整，或不是由 Excel、WPS、LibreOffice 保存的）；请打开后另存为 .xlsx 再提交");
    expect(r.rows).toEqual([]);
    for (const s of spies) expect(s).not.toHaveBeenCalled();
    const old = await readMonthlyFile({ name: "old.xls", bytes: xls([OCTOBER], "biff5") }, CTX);
    expect(old.fileError?.code).toBe("E_FILE_TYPE");
    expect(old.fileError?.message).toContain("Excel 95 或更早版本");
  });

  it.each(["xlsb", "ods"] as const)("reads an .%s workbook the same way (Excel binary, OpenDocument as LibreOffice and WPS save it)", async (bookType) => {
    const r = await readMonthlyFile({ name: `市经信局-10月.${bookType}`, bytes: xls([OCTOBER], bookType) }, CTX);
    expect(r.fileError).toBeNull();
    expect(r.file).toMatchObject({ format: bookType, sheet: "10月", headerRow: 2, rowsRead: 3 });
    expect(r.rows.map((x) => [x.targetCode, x.period, x.value])).toEqual([["ZN-01", "2017-10", 450], ["ZN-02", "2017-10", 3000], ["ZN-04", "2017-10", 85]]);
  });

  it("reads a web page's table saved as “.xls” (as office systems export one, in UTF-8 or GBK) and an Excel 2003 XML spreadsheet", async () => {
    const cells = (row: string[]) => `<tr>${row.map((c) => `<td>${c}</td>`).join("")}</tr>`;
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><table border="1">
      <tr><td colspan="9">慈溪市智能经济指标报送表（2017年10月）</td></tr>${cells(HEADER)}
      ${cells(["市经信局", "ZN-01", "2017-10", "450", "家", "", "推进中", "张三", "2017-11-03"])}
      ${cells(["市经信局", "ZN-02", "2017-10", "1,200", "万元", "", "", "张三", "2017/11/3"])}</table></body></html>`;
    for (const [bytes, encoding] of [[Buffer.from(page), "utf-8"], [iconv.encode(page, "gbk"), "gb18030"]] as const) {
      const r = await readMonthlyFile({ name: "系统导出.xls", bytes }, CTX);
      expect(r.fileError).toBeNull();
      expect(r.file).toMatchObject({ format: "html", encoding, headerRow: 2, rowsRead: 2 });
      // (cells as written: 2017-10 stays a month, 1,200 reads as 1200)
      expect(r.rows.map((x) => [x.targetCode, x.period, x.value, x.reportedAt])).toEqual([["ZN-01", "2017-10", 450, "2017-11-03"], ["ZN-02", "2017-10", 1200, "2017-11-03"]]);
    }
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([HEADER, ["市经信局", "ZN-01", "2017-10", 450, "家"]]), "10月");
    const xml = await readMonthlyFile({ name: "x.xml", bytes: Buffer.from(XLSX.write(book, { type: "string", bookType: "xlml" }) as string) }, CTX);
    expect(xml.file).toMatchObject({ format: "xml", sheet: "10月", rowsRead: 1 });
    expect(xml.rows.map((x) => x.value)).toEqual([450]);
  });

  it("converts to a workbook that the .xlsx reader opens (a ZIP), the same bytes each time", async () => {
    const a = await xlsToXlsx(xls([OCTOBER]));
    const b = await xlsToXlsx(xls([OCTOBER]));
    expect(a instanceof Uint8Array && [...a.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(Buffer.from(a as Uint8Array).equals(Buffer.from(b as Uint8Array))).toBe(true);
  });
});
