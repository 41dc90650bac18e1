/**
 * The rejects file sent back to a department (`luoshi ingest --rejects-out`, the 报送自查 page's download): an .xlsx
 * workbook, or a CSV with BOM, so that Excel on Chinese Windows opens it. No Node built-ins: the page bundles it.
 */
import Papa from "papaparse";
import { CELL_MAX, SHEET_MAX_ROWS, STYLE, xlsxWorkbook, type Cell } from "../xlsxwrite.js";
import { headerField } from "./table.js";

/** Characters of sheet XML the rejects workbook is kept under (well below the longest JavaScript string). */
const SHEET_MAX_CHARS = 200_000_000;

/**
 * One line of the rejects file: a rejected row, or a whole file rejected (row and column then empty). `rawRow`: the
 * row's cells by header, from which its 报送单位, 指标编码 and 统计期 are shown as written, so that the department
 * sees which report it is without opening its file.
 */
export type RejectLine = {
  file: string; row: number | null; column: string | null; code: string; message: string; value: string | null; rawRow?: Record<string, string>;
  /** The key the row was meant for, when readable (Reject.reported): a 报送单位 or 统计期 stated above the header. */
  reported?: { department: string; targetCode: string; period: string } | null;
  /** Fields the file states once above or below its table (报送单位：市委组织部, 统计期：2017年9月), by column name. */
  above?: readonly { column: string; value: string }[];
};

/**
 * The row's 报送单位, 指标编码 and 统计期 as written; those stated above the header from the key it was meant for, or
 * else as the file states them there.
 */
export function keyCells(r: Pick<RejectLine, "rawRow" | "reported" | "above">): [string, string, string] {
  const out: [string, string, string] = ["", "", ""];
  const keyAt = (header: string) => ["department", "targetCode", "period"].indexOf(headerField(header) ?? "");
  for (const [header, text] of Object.entries(r.rawRow ?? {})) {
    const at = keyAt(header);
    if (at >= 0 && out[at] === "") out[at] = text;
  }
  const reported = r.reported;
  if (reported) [reported.department, reported.targetCode, reported.period].forEach((text, at) => (out[at] ||= text));
  // (a 报送单位 or 统计期 written once above the table is every row's: the department sees it beside each row)
  for (const f of r.above ?? []) {
    const at = keyAt(f.column);
    if (at >= 0) out[at] ||= f.value;
  }
  return out;
}

/**
 * A cell Excel would run as a formula (=, +, @, a tab or CR first; "-" first unless the cell is a plain number such
 * as -5): it is written with a leading apostrophe, so that a value sent in a report cannot run in the analyst's Excel.
 */
const FORMULA = /^[=+@\t\r]|^-(?!\d[\d,]*(?:\.\d+)?$)/;

const HEADER = ["文件", "行号", "报送单位", "指标编码", "统计期", "列", "错误代码", "原因", "原值"];

export function rejectsCsv(lines: readonly RejectLine[]): string {
  if (lines.length === 0) return "\uFEFF" + HEADER.join(",") + "\r\n";
  return "\uFEFF" + Papa.unparse({
    fields: HEADER,
    data: lines.map((r) => [r.file, r.row ?? "", ...keyCells(r), r.column ?? "", r.code, r.message, r.value ?? ""]),
  }, { escapeFormulae: FORMULA }) + "\r\n";
}

/** The sheet of the .xlsx rejects file. */
export const REJECTS_SHEET = "退回清单";

/**
 * The rejects as an .xlsx workbook: every cell but the row number is text, so Excel shows a value as it was sent
 * (2016-12 stays 2016-12, =A1 is not run); a value over Excel's 32,767 characters is cut, saying so, and lines beyond
 * a sheet's rows (`maxRows`, Excel's limit) or its size (`maxChars` of XML) are counted in a last line.
 */
export function rejectsXlsx(lines: readonly RejectLine[], maxRows = SHEET_MAX_ROWS, maxChars = SHEET_MAX_CHARS): Uint8Array {
  const text = (s: string | null): Cell => {
    if (s === null || s === "") return null;
    const cut = "…（已截断）";
    return { value: s.length > CELL_MAX ? s.slice(0, CELL_MAX - cut.length) + cut : s, style: STYLE.text };
  };
  // more lines than a sheet holds, or than one text of XML can (a JavaScript string holds about 5 × 10⁸ characters):
  // as many as fit, then a line saying how many are left out
  let shown = lines.length <= maxRows - 1 ? lines.length : maxRows - 2;
  const rows: Cell[][] = [HEADER.map((h) => ({ value: h, style: STYLE.header }))];
  let chars = 0;
  for (let i = 0; i < shown; i++) {
    const r = lines[i]!;
    // the XML of a row: about 300 characters of markup, and its texts (twice: escaping may lengthen them)
    chars += 300 + 2 * (r.file.length + (r.column?.length ?? 0) + r.code.length + r.message.length + (r.value?.length ?? 0));
    if (chars > maxChars) {
      shown = i;
      break;
    }
    const key = keyCells(r);
    chars += 2 * (key[0].length + key[1].length + key[2].length);
    rows.push([text(r.file), r.row === null ? null : { value: r.row, style: STYLE.text }, ...key.map(text), text(r.column), text(r.code), text(r.message), text(r.value)]);
  }
  if (shown < lines.length) {
    rows.push([text(`……另有 ${lines.length - shown} 行未列出（超出一个 Excel 工作表能容纳的行数或大小），全部被拒绝的行请导出为 CSV`)]);
  }
  return xlsxWorkbook({
    sheet: REJECTS_SHEET, title: "退回清单", rows, widths: [28, 7, 16, 14, 10, 12, 22, 60, 30],
    sheetViews: `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`,
  });
}
