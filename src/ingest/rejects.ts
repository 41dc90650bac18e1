/**
 * The rejects file sent back to a department (`luoshi ingest --rejects-out`, the 报送自查 page's download): a CSV
 * with BOM, so that Excel on Chinese Windows opens it. No Node built-ins: the page bundles it.
 */
import Papa from "papaparse";

/** One line of the rejects file: a rejected row, or a whole file rejected (row and column then empty). */
export type RejectLine = { file: string; row: number | null; column: string | null; code: string; message: string; value: string | null };

/**
 * A cell Excel would run as a formula (=, +, @, a tab or CR first; "-" first unless the cell is a plain number such
 * as -5): it is written with a leading apostrophe, so that a value sent in a report cannot run in the analyst's Excel.
 */
const FORMULA = /^[=+@\t\r]|^-(?!\d[\d,]*(?:\.\d+)?$)/;

const HEADER = ["文件", "行号", "列", "错误代码", "原因", "原值"];

export function rejectsCsv(lines: readonly RejectLine[]): string {
  if (lines.length === 0) return "\uFEFF" + HEADER.join(",") + "\r\n";
  return "\uFEFF" + Papa.unparse({
    fields: HEADER,
    data: lines.map((r) => [r.file, r.row ?? "", r.column ?? "", r.code, r.message, r.value ?? ""]),
  }, { escapeFormulae: FORMULA }) + "\r\n";
}
