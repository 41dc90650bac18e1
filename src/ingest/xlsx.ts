/**
 * .xlsx → string grid.
 *
 * Library choice: `read-excel-file` (MIT, maintained: 9.x released through 2026, 4 small dependencies — fflate,
 * saxen, unzipper-esm, worker-f — about 8 MB installed; works offline, no native code). It keeps cells at their
 * sheet position (row 1 is row 1 even when the sheet starts lower or to the right), returns formula cells as
 * the value Excel cached, recognises date cells by their number format (including the zh-CN built-in formats
 * and the 1904 date system) and returns them as UTC dates.
 * Rejected: `xlsx` (SheetJS on npm) is frozen at 0.18.5 with prototype-pollution and ReDoS advisories;
 * `exceljs` 4.4.0 (last release December 2024) pulls in 194 packages / 53 MB including deprecated ones
 * (fstream, rimraf 2, glob 7, inflight) for features a reader does not need.
 */
import readXlsxFile from "read-excel-file/node";
import { fileError, type FileError } from "./codes.js";

export type Grid = string[][];

export type XlsxGrid = { grid: Grid; sheet: string; sheets: string[] };

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A date cell as text: YYYY-MM-DD, with HH:MM:SS only when the time is not midnight. read-excel-file gives UTC. */
export function dateCellText(d: Date): string {
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  if (time === 0) return date;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * A numeric cell as text. Excel shows at most 15 significant digits, so binary noise such as 0.30000000000000004
 * (a cached formula result) becomes 0.3; exponent notation is avoided.
 */
export function numberCellText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toPrecision(15));
  const text = String(rounded);
  if (!/e/i.test(text)) return text;
  return rounded.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

/** First and last serial accepted as a date in a period/date column: 2000-01-01 … 2099-12-31. */
const SERIAL_MIN = 36526;
const SERIAL_MAX = 73050;

/**
 * An Excel serial day number (1900 date system) as YYYY-MM-DD, or null outside 2000–2099. Used for a period or
 * report-date cell holding a bare number because its cell was not formatted as a date.
 */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial >= SERIAL_MAX + 1) return null;
  const day = Math.floor(serial);
  // Day 0 is 1899-12-30 for every serial after Excel's phantom 1900-02-29 (serial 60).
  const d = new Date(Date.UTC(1899, 11, 30) + day * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberCellText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : dateCellText(v);
  return String(v);
}

/**
 * Reads the first sheet, or the sheet named `sheet`, as strings. Merged cells hold their value in the top-left
 * cell only (the others are empty), which is what title rows need.
 */
export async function readXlsxGrid(bytes: Uint8Array, sheet?: string): Promise<XlsxGrid | { error: FileError }> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { trim: false })) as unknown as {
      sheet: string;
      data: unknown[][];
    }[];
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { error: fileError("E_XLSX_INVALID", reason) };
  }
  const names = sheets.map((s) => s.sheet);
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === sheet || s.sheet.trim() === sheet.trim());
  if (chosen === undefined) {
    if (sheet === undefined) return { error: fileError("E_XLSX_INVALID", "工作簿中没有工作表") };
    return { error: fileError("E_SHEET_NOT_FOUND", `「${sheet}」；现有工作表：${names.map((n) => `「${n}」`).join("、")}`) };
  }
  return { grid: chosen.data.map((row) => row.map(cellText)), sheet: chosen.sheet, sheets: names };
}
