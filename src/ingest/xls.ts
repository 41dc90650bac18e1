/**
 * Workbooks in other formats → .xlsx bytes, which readXlsxGrid then reads like any workbook (one reader of sheets,
 * headers, dates, percent and unit formats): old binary Excel (.xls, Excel 97–2003, BIFF8; what many offices' Excel
 * and WPS still save), Excel binary (.xlsb), OpenDocument spreadsheets (.ods: LibreOffice, WPS on Kylin/UOS desktops),
 * and what office systems export as “.xls”: a web page holding a table (HTML; its cells kept as written) or an Excel
 * 2003 XML spreadsheet.
 *
 * Library choice: `@e965/xlsx` 0.20.3, the SheetJS Community Edition 0.20.3 (Apache-2.0, no dependencies, works
 * offline), republished on npm because SheetJS publishes its fixed versions only on its own CDN. The `xlsx` package
 * on npm is frozen at 0.18.5 with the prototype-pollution (CVE-2023-30533, fixed in 0.19.3) and ReDoS
 * (CVE-2024-22363, fixed in 0.20.2) advisories; 0.20.3 has both fixes. Loaded only when such a workbook arrives.
 *
 * What the conversion keeps: the values Excel stored (formulas as their cached results), number formats (dates,
 * percent, units shown by the format), merged cells, hidden rows (.xls) and sheets, sheet names and order. What it
 * does not: fonts, so a row struck through is read like any other (a figure crossed out and written again beside it
 * then makes two rows of one key, both rejected as E_DUPLICATE_KEY).
 * Excel 95 and older (BIFF5, stream "Book") store Chinese text in the system code page, which this reader does not
 * decode: such a file is refused rather than read as mojibake.
 */
import { fileError, type FileError } from "./codes.js";
import type { ConvertedFormat } from "./decode.js";

type SheetLibrary = typeof import("@e965/xlsx");
let loadSheetLibrary: () => Promise<SheetLibrary> = () => import("@e965/xlsx");

/**
 * Where the library comes from. Node imports the package; the page 报送自查 loads it from a file of the site
 * (docs/data/sheetjs.js, about 0.5 MB) only when such a workbook is dropped, so that the checks of CSV and .xlsx stay small.
 */
export function useSheetLibrary(load: () => Promise<SheetLibrary>): void {
  loadSheetLibrary = load;
}

const FORMAT_NAME: Record<ConvertedFormat, string> = {
  xls: "旧版 .xls 工作簿", xlsb: "Excel 二进制工作簿（.xlsb）", ods: "OpenDocument 电子表格（.ods）", html: "网页（HTML）表格", xml: "Excel 2003 XML 表格",
};

/**
 * The workbook (.xls, .xlsb or .ods bytes; the text of a web page's table or of an Excel 2003 XML spreadsheet, decoded
 * as sniffBytes decodes text) as .xlsx bytes, or why it cannot be read.
 */
export async function xlsToXlsx(input: Uint8Array | string, format: ConvertedFormat = "xls"): Promise<Uint8Array | { error: FileError }> {
  try {
    const XLSX = await loadSheetLibrary();
    // (the library writes a line to the console for each record it does not know, in a damaged file: not ours to
    // print, and stdout may be JSON; the reading is synchronous, so nothing else runs while the console is quiet)
    const { log, error, warn } = console;
    let book: ReturnType<typeof XLSX.read>;
    console.log = console.error = console.warn = () => {};
    try {
      // (a web page's cells are kept as written, 2017-10 or 00123, not guessed into dates and numbers)
      book = typeof input === "string"
        ? XLSX.read(input, { type: "string", raw: format === "html", cellNF: true, cellStyles: true, cellDates: false, cellFormula: false, cellHTML: false })
        : XLSX.read(input, { type: "array", cellNF: true, cellStyles: true, cellDates: false, cellFormula: false, cellHTML: false });
    } finally {
      Object.assign(console, { log, error, warn });
    }
    if (book.SheetNames.length === 0) return { error: fileError("E_XLSX_INVALID", "工作簿中没有工作表") };
    // (the date system travels with the workbook: 1904 dates stay 1904)
    const out = XLSX.write(book, { type: "array", bookType: "xlsx", cellStyles: true, compression: false }) as ArrayBuffer;
    return new Uint8Array(out);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { error: fileError("E_XLSX_INVALID", `${FORMAT_NAME[format]}无法读取（文件不完整，或不是由 Excel、WPS、LibreOffice 保存的）；请打开后另存为 .xlsx 再提交（技术信息：${reason}）`) };
  }
}
