/**
 * .xlsx → string grid.
 *
 * Library choice: `read-excel-file` (MIT, maintained: 9.x released through 2026, 4 small dependencies — fflate,
 * saxen, unzipper-esm, worker-f — about 8 MB installed; works offline, no native code). It keeps cells at their
 * sheet position (row 1 is row 1 even when the sheet starts lower or to the right), returns formula cells as
 * the value Excel cached, recognises date cells by their number format (including the zh-CN built-in formats
 * and the 1904 date system) and returns them as UTC dates.
 * It does not expose number formats, so percent-formatted cells (Excel stores 85% as 0.85) and cells whose format
 * shows a unit (0"万元": 3000 shows as 3000万元) are found here by reading styles.xml and the sheet's cell styles
 * with fflate (the zip library read-excel-file already uses).
 * Rejected: `xlsx` (SheetJS on npm) is frozen at 0.18.5 with prototype-pollution and ReDoS advisories;
 * `exceljs` 4.4.0 (last release December 2024) pulls in 194 packages / 53 MB including deprecated ones
 * (fstream, rimraf 2, glob 7, inflight) for features a reader does not need.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { UNITS } from "../targets/units.js";
import { fileError, type FileError } from "./codes.js";
import { WORD_BREAKS } from "./decode.js";
import { normalizeCell, parseValue } from "./values.js";

export type Grid = string[][];

/** A range merged down several rows: 0-based [top, left, bottom, right]. */
export type Merge = [number, number, number, number];

export type XlsxGrid = {
  grid: Grid;
  merges: Merge[];
  sheet: string;
  sheets: string[];
  /** Without a sheet named: the other visible sheets `usable` accepts (they hold a table too and are not read). */
  otherTables: string[];
  /** Without a sheet named: the sheet read is the latest of several named by month (latestMonthSheet), not the first. */
  byMonth: boolean;
  /** Rows (0-based) the sheet hides (read-excel-file reads them like any other). */
  hiddenRows: Set<number>;
  /** Rows (0-based) whose every cell with a value is struck through: crossed out, as a department deletes a line. */
  struckRows: Set<number>;
  /** Of the other rows (0-based), the columns (0-based) whose cell is struck through: a figure crossed out, the new one written beside. */
  struckCells: Map<number, Set<number>>;
  /** The hidden columns that hold something (not read: blank in `grid`), with their first text (a header, most often). */
  /** hidden columns with their first text and how many of their cells are not blank (the heading counts as one) */
  hiddenColumnTexts: { column: string; text: string; filled: number }[];
  /** The workbook counts days from 1904 (date1904Flag): a bare number in a date column is read that way. */
  date1904: boolean;
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The first day after Excel's phantom 1900-02-29 (serial 60): before it, Excel shows each serial one day later. */
const AFTER_PHANTOM_LEAP_DAY = Date.UTC(1900, 2, 1);

/**
 * A date cell as text, as Excel shows it: YYYY-MM-DD, with HH:MM:SS only when the time is not midnight.
 * read-excel-file gives UTC, counting 1900 as a common year; Excel shows serial 3 as 1900-01-03 and 60 as 1900-02-29.
 */
export function dateCellText(input: Date): string {
  const t = input.getTime();
  const phantom = t >= Date.UTC(1900, 1, 28) && t < AFTER_PHANTOM_LEAP_DAY; // serial 60
  const d = t >= Date.UTC(1899, 11, 31) && t < Date.UTC(1900, 1, 28) ? new Date(t + 86_400_000) : input;
  const date = phantom ? "1900-02-29" : `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
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

/** First and last serial accepted as a date in a period/date column: 2000-01-01 … 2099-12-31 (1900 date system). */
const SERIAL_MIN = 36526;
const SERIAL_MAX = 73050;
/** Days between the two date systems' day 0: serial n of a 1904 workbook is serial n + 1462 of a 1900 one. */
const DATE_1904_OFFSET = 1462;

/**
 * An Excel serial day number as YYYY-MM-DD, or null outside 2000–2099. Used for a period or report-date cell holding
 * a bare number because its cell was not formatted as a date. `date1904`: the workbook counts days from 1904-01-01
 * (Excel for Mac before 2011, 「使用 1904 日期系统」), where 2017-10-31 is 41577, not 43039.
 */
export function excelSerialToIsoDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  if (date1904) serial += DATE_1904_OFFSET;
  if (serial < SERIAL_MIN || serial >= SERIAL_MAX + 1) return null;
  const day = Math.floor(serial);
  // Day 0 is 1899-12-30 for every serial after Excel's phantom 1900-02-29 (serial 60).
  const d = new Date(Date.UTC(1899, 11, 30) + day * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The <workbookPr> element of xl/workbook.xml ("" when there is none). */
const workbookPr = (text: PackageText) => text("xl/workbook.xml").match(/<(?:\w+:)?workbookPr\b[^>]*>/)?.[0] ?? "";

/** The workbook's 1904 date-system flag as written: "1" (Excel), "true" (LibreOffice may write it), or null. */
function date1904Flag(text: PackageText): "1" | "true" | null {
  return (workbookPr(text).match(/\bdate1904\s*=\s*["'](1|true)["']/)?.[1] as "1" | "true" | undefined) ?? null;
}

/**
 * The package with a date1904="true" flag written "1": read-excel-file reads only "1", and would otherwise read the
 * date cells in the 1900 system while bare numbers here are read in the 1904 one.
 */
function withDate1904One(bytes: Uint8Array, text: PackageText): Uint8Array {
  try {
    const files = unzipSync(bytes);
    const pr = workbookPr(text);
    files["xl/workbook.xml"] = strToU8(text("xl/workbook.xml").replace(pr, pr.replace(/\b(date1904\s*=\s*["'])true(["'])/, "$11$2")));
    return zipSync(files);
  } catch {
    return bytes;
  }
}

const xmlUnescape = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
    if (e.toLowerCase() in named) return named[e.toLowerCase()]!;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out.set(m[1]!, xmlUnescape(m[3] ?? m[4] ?? ""));
  return out;
}

/** Whether a number format displays a percentage: built-in 9 (0%) and 10 (0.00%), or a % outside quotes. */
function isPercentFormat(id: number, code: string | undefined): boolean {
  if (id === 9 || id === 10) return true;
  if (code === undefined) return false;
  return code.replace(/"[^"]*"/g, "").replace(/\\./g, "").includes("%");
}

/** "D12" → [11, 3] (0-based row, column). */
function cellIndex(ref: string): [number, number] | null {
  const m = ref.match(/^\$?([A-Z]+)\$?(\d+)$/i);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

/** The package path of sheet `sheetName`'s XML (via workbook.xml and its relationships), or undefined. */
function sheetPath(text: (name: string) => string, sheetName: string): string | undefined {
  let relId: string | undefined;
  for (const m of text("xl/workbook.xml").matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.get("name") === sheetName) relId = [...a.entries()].find(([k]) => /(^|:)id$/.test(k))?.[1];
  }
  let target: string | undefined;
  for (const m of text("xl/_rels/workbook.xml.rels").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.get("Id") === relId) target = a.get("Target");
  }
  if (target === undefined) return undefined;
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

/** "A".."XFD" for a 0-based column. */
function columnName(col: number): string {
  let out = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** A row or cell start tag of a sheet's XML without its optional `r` attribute (ECMA-376 makes it optional). */
const UNREFERENCED = /<(?:\w+:)?(?:row|c)\b(?![^>]*\br\s*=)[^>]*>/;

/**
 * A sheet's XML with an `r` on every row and cell. The standard lets a writer leave them out (each row then follows
 * the one before, each cell the one before it); Excel and WPS open such files, and some report generators write them.
 * read-excel-file needs the references, so the positions are written in: the sheet reads as Excel shows it.
 */
export function withCellReferences(xml: string): string {
  if (!UNREFERENCED.test(xml)) return xml;
  let row = 0;
  let col = -1;
  return xml.replace(/<((?:\w+:)?)(row|c)\b([^>]*?)(\/?)>/g, (tag, prefix: string, name: string, rest: string, close: string) => {
    const ref = attributes(`<x ${rest}>`).get("r");
    if (name === "row") {
      const given = Number(ref);
      row = ref !== undefined && Number.isInteger(given) && given > 0 ? given : row + 1;
      col = -1;
      return ref !== undefined ? tag : `<${prefix}row r="${row}"${rest}${close}>`;
    }
    const at = ref === undefined ? null : cellIndex(ref);
    col = at !== null ? at[1] : col + 1;
    return ref !== undefined ? tag : `<${prefix}c r="${columnName(col)}${row}"${rest}${close}>`;
  });
}

/** A date cell (t="d") whose ISO value has a time and no zone: `<v>2018-03-01T00:00:00</v>`. */
const ZONELESS_DATE = /(<(?:\w+:)?c\b[^>]*\bt\s*=\s*["']d["'][^>]*>\s*(?:<(?:\w+:)?f\b[^>]*?(?:\/>|>[^<]*<\/(?:\w+:)?f>)\s*)?<((?:\w+:)?)v>\s*)(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(\s*<\/\2v>)/g;

/**
 * Date cells (t="d", the ISO form Strict workbooks and some exporters write) as the wall-clock time they show:
 * read-excel-file parses `2018-03-01T00:00:00` in the machine's time zone (a day early in China once taken as UTC),
 * so the value is marked UTC, as every other date cell is read.
 */
export function withUtcDateCells(xml: string): string {
  if (!/\bt\s*=\s*["']d["']/.test(xml)) return xml;
  return xml.replace(ZONELESS_DATE, (_m, open: string, _prefix: string, value: string, close: string) => `${open}${value}Z${close}`);
}

/**
 * The workbook with references written into every sheet that leaves some out (withCellReferences) and its ISO date
 * cells read as the time they show (withUtcDateCells); the same bytes when no sheet needs either, or when the package
 * cannot be read (read-excel-file then says why).
 */
export function referencedWorkbook(bytes: Uint8Array): Uint8Array {
  const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(name);
  const fix = (xml: string) => withUtcDateCells(withCellReferences(xml));
  let files: Record<string, Uint8Array>;
  try {
    const sheets = unzipSync(bytes, { filter: (f) => isSheet(f.name) });
    if (!Object.values(sheets).some((data) => { const xml = strFromU8(data); return fix(xml) !== xml; })) return bytes;
    files = unzipSync(bytes);
  } catch {
    return bytes;
  }
  let changed = false;
  for (const [name, data] of Object.entries(files)) {
    if (!isSheet(name)) continue;
    const xml = strFromU8(data);
    const fixed = fix(xml);
    if (fixed !== xml) {
      files[name] = strToU8(fixed);
      changed = true;
    }
  }
  return changed ? zipSync(files) : bytes;
}

/** The text of a package part by name ("" when absent). */
export type PackageText = (name: string) => string;

/**
 * The parts of an .xlsx this module reads besides read-excel-file (workbook, its relationships, styles, sheets),
 * unzipped once and decoded on demand. Best effort: an unreadable package reads as empty parts.
 */
export function packageText(bytes: Uint8Array): PackageText {
  let files: Record<string, Uint8Array> = {};
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === "xl/workbook.xml" || f.name === "xl/_rels/workbook.xml.rels" || f.name === "xl/styles.xml" || f.name.startsWith("xl/worksheets/") });
  } catch {
    // every part reads as ""
  }
  const decoded = new Map<string, string>();
  return (name) => {
    let t = decoded.get(name);
    if (t === undefined) decoded.set(name, (t = files[name] ? strFromU8(files[name]!) : ""));
    return t;
  };
}

/** The XML of sheet `sheetName`, or "" when the package cannot be read that way. */
export function sheetXml(text: PackageText, sheetName: string): string {
  const path = sheetPath(text, sheetName);
  return path === undefined ? "" : text(path);
}

/**
 * Merged ranges of a sheet's XML that span more than one row, as 0-based [top, left, bottom, right]. Excel keeps a
 * merged cell's value in its top-left cell only; a department that merges 报送单位 or 统计期 down several rows sees
 * the value on each of them, and a two-row header merges its single-row names down.
 */
export function verticalMerges(xml: string): Merge[] {
  const out: Merge[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*["']([A-Z]+\d+):([A-Z]+\d+)["']/gi)) {
    const a = cellIndex(m[1]!);
    const b = cellIndex(m[2]!);
    if (a === null || b === null || b[0] <= a[0]) continue;
    out.push([a[0], a[1], b[0], b[1]]);
  }
  return out;
}

/**
 * Rows (0-based) a sheet's XML marks hidden: a department hides last month's or a draft line rather than delete it.
 * Not the rows an AutoFilter left on hides (筛选: `<autoFilter ref="A1:I20">` with a `<filterColumn>`, below its first
 * row): a filter is a way of looking at the table, not a deletion, and a clerk who saved with one on (showing only the
 * rows 推进中) did not mean to withdraw the others. They are read.
 */
export function hiddenRows(xml: string): Set<number> {
  const out = new Set<number>();
  if (!/\bhidden\s*=\s*["'](?:1|true)["']/.test(xml)) return out;
  const filtered = filteredRows(xml);
  for (const m of xml.matchAll(/<(?:\w+:)?row\b([^>]*)>/g)) {
    const a = attributes(`<row ${m[1]}>`);
    const hidden = a.get("hidden");
    const r = Number(a.get("r"));
    if ((hidden === "1" || hidden === "true") && Number.isInteger(r) && r > 0 && !(filtered !== null && r > filtered[0] && r <= filtered[1])) out.add(r - 1);
  }
  return out;
}

/** The rows (1-based, first and last) of a sheet's AutoFilter range when a filter is set on one of its columns, else null. */
function filteredRows(xml: string): [number, number] | null {
  const filter = /<(?:\w+:)?autoFilter\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?autoFilter>)/.exec(xml);
  if (filter === null || !/<(?:\w+:)?filterColumn\b/.test(filter[3] ?? "")) return null;
  const ref = /^[A-Z]+(\d+)(?::[A-Z]+(\d+))?$/.exec(attributes(`<autoFilter ${filter[1]}>`).get("ref") ?? "");
  if (ref === null) return null;
  return [Number(ref[1]), Number(ref[2] ?? ref[1])];
}

/**
 * Rows (0-based) of sheet `sheetName` whose every cell holding a value is struck through (a font with <strike/>): a line
 * crossed out rather than deleted (初报 300 struck, 更正 320 below it). Best effort: an unusual package layout, or a
 * strike in part of a cell's text only, yields no row.
 */
export function struckRows(text: PackageText, sheetName: string, cells: Map<number, Set<number>> = new Map()): Set<number> {
  const out = new Set<number>();
  const styles = text("xl/styles.xml");
  if (!/<(?:\w+:)?strike\b/.test(styles)) return out;
  const fontsXml = styles.match(/<(?:\w+:)?fonts\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fonts>/)?.[1] ?? "";
  const struckFonts = new Set<number>();
  [...fontsXml.matchAll(/<(?:\w+:)?font\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?font>)/g)].forEach((m, index) => {
    const strike = (m[1] ?? "").match(/<(?:\w+:)?strike\b[^>]*>/)?.[0];
    if (strike !== undefined && !/\bval\s*=\s*["'](?:0|false)["']/.test(strike)) struckFonts.add(index);
  });
  if (struckFonts.size === 0) return out;
  const cellXfs = styles.match(/<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/)?.[1] ?? "";
  const struckStyles = new Set<number>();
  [...cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)].forEach((m, index) => {
    if (struckFonts.has(Number(attributes(m[0]).get("fontId") ?? "0"))) struckStyles.add(index);
  });
  if (struckStyles.size === 0) return out;
  for (const row of sheetXml(text, sheetName).matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = Number(attributes(`<row ${row[1]}>`).get("r"));
    if (!Number.isInteger(r) || r < 1) continue;
    let valued = 0;
    const struck: number[] = [];
    for (const c of (row[2] ?? "").matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      if (!/<(?:\w+:)?(?:v|is)\b/.test(c[2] ?? "")) continue;
      valued++;
      const a = attributes(`<c ${c[1]}>`);
      if (struckStyles.has(Number(a.get("s") ?? "0"))) struck.push(cellIndex(a.get("r") ?? "")?.[1] ?? -1);
    }
    if (valued > 0 && struck.length === valued) out.add(r - 1);
    else if (struck.some((k) => k >= 0)) cells.set(r - 1, new Set(struck.filter((k) => k >= 0)));
  }
  return out;
}

/**
 * Columns (0-based) a sheet's XML marks hidden (`<col min="4" max="5" hidden="1"/>`): last month's figures kept beside
 * this month's, out of sight. Excel shows the department the sheet without them, so they are not part of its report.
 */
export function hiddenColumns(xml: string): Set<number> {
  const out = new Set<number>();
  if (!/<(?:\w+:)?col\b[^>]*\bhidden\s*=/.test(xml)) return out;
  for (const m of xml.matchAll(/<(?:\w+:)?col\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const hidden = a.get("hidden");
    if (hidden !== "1" && hidden !== "true") continue;
    const [min, max] = [Number(a.get("min")), Number(a.get("max"))];
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1) continue;
    // (Excel's last column is XFD, 16384)
    for (let c = min; c <= Math.min(max, 16384); c++) out.add(c - 1);
  }
  return out;
}

/** Cells (rows × columns) a sheet may span before it is refused unread: read-excel-file builds every row to the last column. */
export const MAX_CELLS = 20_000_000;

/**
 * The first cell with content (a value or a string, not a formatted empty cell) that puts a sheet's table beyond
 * MAX_CELLS cells, as 「XFD1048576」 with the extent it implies; null when the sheet is in bounds.
 * A stray entry far off the table (an x typed in the last column) would make the reader build a grid of millions of
 * empty cells and run out of memory.
 */
export function farCell(xml: string): { ref: string; columns: number; rows: number } | null {
  // the common case: no reference of three letters or of six digits
  if (!/\br\s*=\s*["'](?:[A-Z]{3}\d|[A-Z]{2}\d{5}|[A-Z]{1,3}\d{6})/.test(xml)) return null;
  let columns = 0;
  let rows = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(\/?)>/g)) {
    if (m[2] === "/") continue;
    // an empty cell written with an end tag (<c r="XFD1048576" s="1"></c>) holds nothing either
    const after = m.index + m[0].length;
    const end = xml.indexOf("</", after);
    if (end >= 0 && xml.slice(after, end).trim() === "" && /^<\/(?:\w+:)?c>/.test(xml.slice(end, end + 12))) continue;
    const ref = attributes(`<c ${m[1]}>`).get("r");
    const at = ref === undefined ? null : cellIndex(ref);
    if (at === null) continue;
    rows = Math.max(rows, at[0] + 1);
    columns = Math.max(columns, at[1] + 1);
    if (rows * columns > MAX_CELLS) return { ref: ref!.toUpperCase(), columns, rows };
  }
  return null;
}

/**
 * Cells ("row,col", 0-based) of a sheet's XML that show an Excel error (#DIV/0!, #N/A, #REF!, …) or hold a
 * formula Excel never calculated (no cached value), with the text to read instead: read-excel-file gives both as
 * empty, which would say 「必填值为空」 about a cell the department did fill in.
 */
export function errorCells(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!/\bt\s*=\s*["']e["']|<(?:\w+:)?f\b/.test(xml)) return out;
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const a = attributes(`<c ${m[1]}>`);
    const ref = a.get("r");
    const body = m[2] ?? "";
    const at = ref === undefined ? null : cellIndex(ref);
    if (at === null) continue;
    const cached = body.match(/<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/)?.[1];
    if (a.get("t") === "e") out.set(`${at[0]},${at[1]}`, xmlUnescape(cached ?? "#ERROR"));
    else if (/<(?:\w+:)?f\b/.test(body) && cached === undefined) out.set(`${at[0]},${at[1]}`, "#公式未计算（请在 Excel 中打开并保存后再提交）");
  }
  return out;
}

/**
 * The unit a number format shows after the number, when it is a unit the reader knows, and the power of 1000 the
 * format divides by (one per comma right after the last digit placeholder): 「0"万元"」, 「#,##0.00"亿元"」,
 * 「General"万元"」 (G/通用格式"万元" in Chinese Excel), 「0"万元"_);(0"万元")」, 「0.00_ "万元"」, 「#,##0,"千元"」
 * (shows 3000000 as 3,000千元); with no unit, 「#,##0,」 (shows 800000 as 800: unit ""). First section only. Null otherwise.
 */
export function formatUnit(code: string | undefined): { unit: string; divisor: number } | null {
  if (code === undefined) return null;
  const first = code.split(";")[0]!.replace(/\[[^\]]*\]/g, ""); // [Red], [$-804] …
  // 「0!.0000」「0!.0,」: a point written as a literal character before the last digits, a trick to show 元 as 万元
  // (150000000 shows as 15000.0000): the number shown is the stored one over 10 per digit after that point
  const point = first.match(/(?:!|\\)\.([0#?]+)/);
  const shift = point ? 10 ** point[1]!.length : 1;
  const m = first.match(/([0#?]|General|G\/通用格式)(,*)((?:\s|_.|\\.)*)"([^"]+)"(?:\s|_.)*$/i) ?? first.match(/([0#?]|General|G\/通用格式)(,*)()\\(.)$/i);
  // (a literal point without a unit shown is left alone: 0000!.00 shows 201710 as 2017.10, a period, not an amount)
  if (!m) {
    // 「#,##0,」「0.00,,」: shown in thousands (millions) with no unit written; the 单位 column says which (千元)
    const scaled = point ? null : first.match(/[0#?](,+)(?:\s|_.)*$/);
    return scaled ? { unit: "", divisor: 1000 ** scaled[1]!.length } : null;
  }
  const unit = m[4]!.trim();
  return KNOWN_UNITS.has(unit) || shownScale(unit) ? { unit, divisor: shift * 1000 ** m[2]!.length } : null;
}

/**
 * 「0.0"万"」「0"万家"」: a scale word, alone or before a known unit, that a format shows after the number. The cell
 * reads as Excel shows it (0.5万), and so as a cell typed that way is read: never as the bare 0.5.
 */
function shownScale(suffix: string): boolean {
  const v = parseValue(`1${suffix}`);
  return v.ok && v.value !== null && v.value.value !== 1 && (v.value.scaleOnly !== null || v.value.unitInCell !== null);
}

const KNOWN_UNITS = new Set(UNITS.map((u) => u.unit));

/** How a cell's number format shows its number, when the reader must follow it: as a percentage, or with a unit. */
export type CellFormat = "percent" | { unit: string; divisor: number } | { decimals: number };

/**
 * The decimals a plain fixed-point format shows (built-in 2, 0.00; 0.0): a number typed 2017.10 is stored 2017.1 and
 * shown with its 0 again under such a format, as the department sees it (统计期 2017.10 is October). One or two
 * decimals only (0.000 would make 1.000 look like a thousands separator typed as a point).
 */
function fixedDecimals(id: number, code: string | undefined): number | null {
  if (id === 2) return 2;
  const m = code === undefined ? null : /^0\.(0{1,2})$/.exec(code);
  return m ? m[1]!.length : null;
}

/**
 * The cells ("row,col", 0-based) of sheet `sheetName` whose number format is a percent format, shows a known unit
 * after the number, or shows one or two decimals. Best effort: an unusual package layout yields an empty map (cells then read as stored).
 */
export function formattedCells(text: PackageText, sheetName: string): Map<string, CellFormat> {
  const out = new Map<string, CellFormat>();
  const styles = text("xl/styles.xml");
  const formats = new Map<number, string>();
  for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const a = attributes(m[0]);
    formats.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
  }
  const cellXfs = styles.match(/<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/)?.[1] ?? "";
  const styled = new Map<number, CellFormat>();
  [...cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)].forEach((m, index) => {
    const id = Number(attributes(m[0]).get("numFmtId") ?? "0");
    if (isPercentFormat(id, formats.get(id))) styled.set(index, "percent");
    else {
      const unit = formatUnit(formats.get(id));
      const decimals = unit === null ? fixedDecimals(id, formats.get(id)) : null;
      if (unit !== null) styled.set(index, unit);
      else if (decimals !== null) styled.set(index, { decimals });
    }
  });
  if (styled.size === 0) return out;

  for (const m of sheetXml(text, sheetName).matchAll(/<(?:\w+:)?c\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const style = a.get("s");
    const ref = a.get("r");
    const format = style === undefined ? undefined : styled.get(Number(style));
    if (format === undefined || ref === undefined) continue;
    const at = cellIndex(ref);
    if (at) out.set(`${at[0]},${at[1]}`, format);
  }
  return out;
}

/** Control characters a workbook's text may carry (_x0007_): none shows in Excel. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function cellText(v: unknown, format?: CellFormat): string {
  if (v === null || v === undefined) return "";
  // (Word's line break pasted into a cell, _x000B_, is a space, as in a CSV file (decode.ts); the others are dropped)
  if (typeof v === "string") return CONTROLS.test(v) ? v.replace(WORD_BREAKS, " ").replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, "") : v;
  if (typeof v === "number") {
    if (format === "percent") return `${numberCellText(v * 100)}%`;
    if (format !== undefined && "decimals" in format) {
      // (the zeros the format shows, never fewer digits than stored: 2017.1 → 2017.10, 450 → 450.00, 2.345 → 2.345)
      const text = numberCellText(v);
      if (/e/i.test(text)) return text;
      const shown = text.includes(".") ? text.length - text.indexOf(".") - 1 : 0;
      return shown >= format.decimals ? text : `${text}${shown === 0 ? "." : ""}${"0".repeat(format.decimals - shown)}`;
    }
    return format ? `${numberCellText(v / format.divisor)}${format.unit}` : numberCellText(v);
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : dateCellText(v);
  return String(v);
}

/** Names of the sheets marked hidden or very hidden in xl/workbook.xml. */
export function hiddenSheets(text: PackageText): Set<string> {
  const out = new Set<string>();
  for (const m of text("xl/workbook.xml").matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (/hidden/i.test(a.get("state") ?? "")) out.add(a.get("name") ?? "");
  }
  return out;
}

/** Names of sheets that explain the form or show an example (填报说明, 填表说明, 示例, 样表): read only when no other sheet holds a table. */
const GUIDE_SHEET = /说明|示例|样表|样例|范例|须知|填报要求|填表要求|填写要求|instruction|example|sample|readme/i;

/**
 * A cell that marks an example, whatever the sheet is called (模板, Sheet1): 「填写示例如下：」「示例：」 above the header,
 * 「（示例）」 in a sample row, a cell 「示例」 or 「样表」 alone.
 */
const EXAMPLE_MARK = /(?:示例|样例|范例)(?:如下)?\s*[：:]|[（(【\[]\s*(?:示例|样例|范例|样表)\s*[）)】\]]|^\s*(?:示例|样例|范例|样表)\s*$/;

/** How many rows from the top are searched for EXAMPLE_MARK: the title, notes and header rows and the sample rows under them. */
const EXAMPLE_ROWS = 30;

/** A sheet that explains the form or shows an example: by its name (GUIDE_SHEET) or by a cell near the top (EXAMPLE_MARK). */
function isGuideSheet(s: { sheet: string; data: unknown[][] }): boolean {
  if (GUIDE_SHEET.test(s.sheet)) return true;
  const rows = s.data ?? [];
  for (let r = 0; r < Math.min(rows.length, EXAMPLE_ROWS); r++) {
    for (const v of rows[r] ?? []) if (typeof v === "string" && EXAMPLE_MARK.test(v)) return true;
  }
  return false;
}

/** How far a sheet of a workbook kept by month is filled in: nothing reported; statuses alone; notes (no figure); figures. */
export const FILL = { none: 0, statuses: 1, notes: 2, figures: 3 } as const;
export type FillLevel = (typeof FILL)[keyof typeof FILL];
/**
 * A sheet's FillLevel, and its rows with a status or a note: what names the row (department and code), its 完成状态
 * and its 进展情况 as written. A sheet without figures whose every such row repeats a row of a sheet with figures is a
 * copy made ready for next month (see readXlsxGrid).
 */
export type Fill = { level: FillLevel; marks?: readonly FillMark[] };
export type FillMark = { row: string; status: string; note: string };

/**
 * A workbook the library could not read, said in words (a zip cut short, a part missing, XML cut short), with the
 * library's own text after it as technical information for whoever looks into it.
 */
export function damagedWorkbook(e: unknown): FileError {
  const reason = e instanceof Error ? e.message : String(e);
  const part = /"([^"]+)" file not found/i.exec(reason)?.[1];
  const what = part !== undefined ? `文件中缺少「${part}」部分（文件不完整，或不是由 Excel、WPS 保存的）`
    : /unzip|zip|central directory|compress|inflate/i.test(reason) ? "文件的压缩结构已损坏（多半是没有复制或上传完整）"
    : /tag|xml|attribute|entity|unexpected|closing|malformed/i.test(reason) ? "文件中的表格内容不完整或格式有误"
    : /FORMAT_INVALID|style/i.test(reason) ? "文件中单元格的格式（样式）信息缺失或有误"
    : "文件内容无法读取";
  return fileError("E_XLSX_INVALID", `${what}；请在 Excel 中打开后另存为 .xlsx 再提交（技术信息：${reason}）`);
}

/**
 * Reads the sheet named `sheet` as strings; without a name, the first visible sheet that `usable` accepts (the
 * caller's test: a header can be found), else the first visible sheet; sheets named as instructions or examples
 * (GUIDE_SHEET), or marked as examples near the top (EXAMPLE_MARK), come last. So a workbook whose first sheet is hidden, an instructions page (填报说明, even one showing
 * the header and a sample row), a chart sheet or an empty Sheet1 is read from the sheet that holds the table. Merged cells keep their
 * value in the top-left cell; `merges` lists the ranges merged down several rows (readTable decides where Excel's
 * display of them is data). A percent-formatted number reads as Excel shows it: 0.85 → "85%".
 */
export async function readXlsxGrid(
  bytes: Uint8Array,
  sheet?: string,
  usable: (grid: Grid, merges: Merge[]) => boolean = () => true,
  preferred?: (grid: Grid, merges: Merge[]) => boolean,
  /**
   * In a workbook kept by month: how far a sheet is filled in (the caller's test, FillLevel), so that next month's
   * sheet made ready with its codes alone stands aside. Default: two rows with two cells or more count as figures.
   */
  filledIn: (grid: Grid, merges: Merge[]) => Fill = (grid) => ({ level: filledRows(grid) >= 2 ? FILL.figures : FILL.none }),
): Promise<XlsxGrid | { error: FileError }> {
  let sheets: { sheet: string; data: unknown[][] }[];
  bytes = referencedWorkbook(bytes);
  const text = packageText(bytes);
  // (the date system: a bare number in a date column is read in it; a flag written "true" is rewritten "1" for
  // read-excel-file, which then reads the date cells in it too; `text` stays right, only that attribute changes)
  const flag = date1904Flag(text);
  const date1904 = flag !== null;
  if (flag === "true") bytes = withDate1904One(bytes, text);
  // (every sheet, the one asked for or not: read-excel-file reads them all)
  for (const m of text("xl/workbook.xml").matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attributes(m[0]).get("name") ?? "";
    const far = farCell(sheetXml(text, name));
    if (far !== null) {
      return {
        error: fileError("E_XLSX_INVALID", `工作表「${name}」的 ${far.ref} 单元格有内容，使表格范围达到 ${far.columns} 列 × ${far.rows} 行，无法读取：` +
          "请删除表格以外的内容（或把报送的表格复制到一个新的工作簿中）后重新保存再提交"),
      };
    }
  }
  try {
    // The universal entry (an ArrayBuffer in, fflate to unzip) runs the same in Node and in the browser; a copy,
    // because the unzip may hand the buffer to a worker.
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // loaded here, not at start-up: a CSV never needs it (esbuild still bundles it for the browser)
    const { default: readXlsxFile } = await import("read-excel-file/universal");
    sheets = (await readXlsxFile(copy, { trim: false })) as unknown as {
      sheet: string;
      data: unknown[][];
    }[];
  } catch (e) {
    return { error: damagedWorkbook(e) };
  }
  // (a hidden sheet is named as one wherever the sheets are listed: the department does not see it in its tabs)
  const hiddenNames = hiddenSheets(text);
  const names = sheets.map((s) => (hiddenNames.has(s.sheet) ? `${s.sheet}（隐藏）` : s.sheet));
  const read = (chosen: { sheet: string; data: unknown[][] }): XlsxGrid => {
    const formats = formattedCells(text, chosen.sheet);
    // (a chart sheet has no cells: read-excel-file gives it no data)
    const grid = (chosen.data ?? []).map((row, r) => row.map((v, c) => cellText(v, formats.size === 0 ? undefined : formats.get(`${r},${c}`))));
    const xml = sheetXml(text, chosen.sheet);
    const struckCells = new Map<number, Set<number>>();
    for (const [at, shown] of errorCells(xml)) {
      const [r, c] = at.split(",").map(Number) as [number, number];
      while (grid.length <= r) grid.push([]);
      const row = grid[r]!;
      while (row.length <= c) row.push("");
      if (row[c] === "") row[c] = shown;
    }
    // a hidden column is not read: blank, listed with its first text
    // (only the columns the grid has: 「hide the rest」 hides every column to XFD)
    const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
    const hiddenColumnTexts: { column: string; text: string; filled: number }[] = [];
    for (const c of [...hiddenColumns(xml)].filter((c) => c < width).sort((a, b) => a - b)) {
      const first = grid.find((row) => (row[c] ?? "").trim() !== "")?.[c];
      if (first === undefined) continue;
      const filled = grid.filter((row) => (row[c] ?? "").trim() !== "").length;
      hiddenColumnTexts.push({ column: columnName(c), text: first.trim(), filled });
      for (const row of grid) if (c < row.length) row[c] = "";
    }
    return { grid, merges: verticalMerges(xml), sheet: chosen.sheet, sheets: names, otherTables: [], byMonth: false, hiddenRows: hiddenRows(xml), struckRows: struckRows(text, chosen.sheet, struckCells), struckCells, hiddenColumnTexts, date1904 };
  };
  if (sheet !== undefined) {
    // (a hidden sheet by its name, or as the lists name it, 「10月（隐藏）」)
    const chosen = sheets.find((s) => s.sheet === sheet || s.sheet.trim() === sheet.trim() || (hiddenNames.has(s.sheet) && `${s.sheet}（隐藏）` === sheet.trim()));
    if (chosen === undefined) return { error: fileError("E_SHEET_NOT_FOUND", `「${sheet}」；现有工作表：${names.map((n) => `「${n}」`).join("、")}`) };
    return read(chosen);
  }
  if (sheets.length === 0) return { error: fileError("E_XLSX_INVALID", "工作簿中没有工作表") };
  const visible = sheets.filter((s) => !hiddenNames.has(s.sheet));
  // an instructions or example sheet (填报说明, 示例) may hold a header and a sample row: the report's own sheets first
  // (模板 or Sheet1 holding 「填写示例如下：」 and a sample row, before the month's sheet, too)
  const guides = new Set(sheets.filter(isGuideSheet).map((s) => s.sheet));
  const byPurpose = (list: typeof sheets) => [...list.filter((s) => !guides.has(s.sheet)), ...list.filter((s) => guides.has(s.sheet))];
  const shown = visible.length > 0 ? visible : sheets;
  const order = byPurpose(shown);
  // (a usable sheet before the first preferred one, such as a 指标清单 of codes and goals before the report, is passed
  // over; with no preferred sheet, the first usable one is read and its header errors reported)
  const start = preferred === undefined ? -1 : order.findIndex((c) => {
    const x = read(c);
    return usable(x.grid, x.merges) && preferred(x.grid, x.merges);
  });
  for (const [k, candidate] of order.entries()) {
    if (k < start) continue;
    const x = read(candidate);
    if (!usable(x.grid, x.merges)) continue;
    const tables = [x, ...order.slice(k + 1).filter((other) => !guides.has(other.sheet)).map(read).filter((o) => usable(o.grid, o.merges))];
    // a workbook kept with a sheet per month (1月, 2月, …, 10月) is sent whole each month: its latest month is the report
    // (the latest filled in: next month's sheet may be made ready, its header alone)
    // (a sheet copied in Excel is named 「10月 (2)」: the month of 「10月」, which the names alone cannot tell apart)
    const names = tables.map((t) => baseName(t.sheet));
    // (a lone table is read whatever it holds: its rows are not read twice to tell)
    const fills = tables.length < 2 ? [] : tables.map((t) => filledIn(t.grid, t.merges));
    // (a sheet without figures whose every status and note is that of the same row in a sheet with figures is a copy:
    // next month's made from this one with its 完成状态 and 进展情况 left as they were (or the notes cleared); one that
    // changes a status (推进中 → 已完成) or writes a note anew is a report)
    const repeats = (m: FillMark, i: number) => fills.some((o, j) => j !== i && o.level === FILL.figures &&
      (o.marks ?? []).some((x) => x.row === m.row && x.status === m.status && (m.note === "" || x.note === m.note)));
    const levels = fills.map((f, i) => f.level !== FILL.notes && f.level !== FILL.statuses ? f.level
      : (f.marks ?? []).length === 0 ? f.level
      : f.marks!.every((m) => repeats(m, i)) ? FILL.statuses : FILL.notes);
    // (a sheet of statuses alone, beside sheets with figures, is next month's copied with its 完成状态 left in place:
    // cumulative figures reported once are not left out a month later)
    const least = levels.includes(FILL.figures) ? FILL.notes : FILL.statuses;
    const filled = tables.map((t, i) => ({ t, i })).filter(({ i }) => (levels[i] ?? FILL.none) >= least);
    const twins = sameMonthSheets(filled.map(({ t }) => t.sheet), tables.map((t) => t.sheet));
    if (twins !== null) {
      return { error: fileError("E_SHEET_AMBIGUOUS", `工作表${twins.map((n) => `「${n}」`).join("与")}是同一个月份的表（或其复制），无法确定读取哪一张；` +
        `请删去或改名多余的一张，或用 --sheet 指定（工作簿中的工作表：${names.map((n) => `「${n}」`).join("、")}）`) };
    }
    // (a copy made ready for next month with its header alone stands aside: the months of the sheets filled in decide)
    const byName = latestMonthSheet(names) ??
      (new Set(names).size < names.length && filled.length > 1 && latestMonthSheet(filled.map(({ i }) => names[i]!)) !== null ? 0 : null);
    let latest = byName ?? 0;
    if (byName !== null && filled.length > 0 && filled.length < tables.length) {
      // (months rising or falling in tab order stay so without the empty ones)
      latest = filled.length === 1 ? filled[0]!.i : filled[latestMonthSheet(filled.map(({ i }) => names[i]!)) ?? 0]!.i;
    }
    const chosen = tables[latest]!;
    chosen.otherTables = tables.filter((_, i) => i !== latest).map((t) => t.sheet);
    chosen.byMonth = latest !== 0;
    return chosen;
  }
  return read(shown[0]!);
}

/**
 * The name Excel gives a copied sheet, 「10月 (2)」, and the words people add to a copy or a second version:
 * 「10月 - 副本」「10月新」「10月修订版」「2017年10月(更正)」「10月初稿」「10月终稿」.
 */
const COPY_SUFFIX = /(?:\s*[-－_—]?\s*(?:[(（]\s*(?:\d+|副本|copy|新|新版|修订|修订版|修改|修改版|更正|更正版|改|定稿|终稿|初稿|草稿|最终版?|正式版?|备份|旧版?)\s*[)）]|副本|copy|新版?|修订版?|修改版?|更正版?|定稿|终稿|初稿|草稿|最终版?|正式版?|备份|旧版?))+\s*$/i;

/** A sheet's name without COPY_SUFFIX: 「10月修订版」 → 「10月」. */
const baseName = (name: string) => name.replace(COPY_SUFFIX, "");

/**
 * Two sheets filled in whose names, but for a copy's suffix (COPY_SUFFIX), name the same month in a workbook kept by
 * month (「10月」「10月 (2)」, 「10月」「10月修订版」, 「10月初稿」「10月终稿」, 「9月」「9月 (2)」 the copy holding October): which is the report cannot be told. Null otherwise.
 * `all`: the names of every sheet holding a table (kept by month when each names a month with the same text around it).
 */
export function sameMonthSheets(filled: readonly string[], all: readonly string[]): [string, string] | null {
  const months = all.map((n) => sheetMonth(baseName(n)));
  if (all.length < 2 || months.some((m) => m === null) || new Set(months.map((m) => m!.rest)).size !== 1) return null;
  const seen = new Map<string, string>();
  for (const name of filled) {
    const m = sheetMonth(baseName(name))!;
    const key = `${m.year ?? ""}-${m.month}`;
    const other = seen.get(key);
    if (other !== undefined) return [other, name];
    seen.set(key, name);
  }
  return null;
}

/** Rows with two cells or more filled in: a header, a data row (a title holds one). */
const filledRows = (grid: Grid) => grid.filter((row) => row.filter((c) => c.trim() !== "").length >= 2).length;

const MONTH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

/** A month written in a sheet's name (2017年10月, 17年10月, 10月份, 十月, 2017.10, 2017-10, 201710), with the text around it. */
const SHEET_MONTH = /(?:(?<year>\d{4})\s*年\s*|(?<short>\d{2})\s*年\s*)?(?<!\d)(?<month>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?|(?<!\d)(?<year2>\d{4})\s*[-./_]\s*(?<month2>\d{1,2})(?!\d)|(?<!\d)(?<year3>20\d{2})(?<month3>0[1-9]|1[0-2])(?!\d)/;

/** The sheet read and the month its name names (see sheetMonth): each row's 统计期 is held to it (sheetMonthCheck). */
export type SheetMonth = { sheet: string; year: number | null; month: number };

/** The month a sheet's name holds (year null when the name has none) and the name without it; null when it holds none. */
export function sheetMonth(name: string): { year: number | null; month: number; rest: string } | null {
  const text = normalizeCell(name);
  const m = SHEET_MONTH.exec(text);
  if (m === null) return null;
  const g = m.groups!;
  const monthText = g.month ?? g.month2 ?? g.month3!;
  const month = MONTH_DIGITS[monthText] ?? Number(monthText);
  if (!(month >= 1 && month <= 12)) return null;
  const yearText = g.year ?? (g.short !== undefined ? `20${g.short}` : undefined) ?? g.year2 ?? g.year3;
  return { year: yearText === undefined ? null : Number(yearText), month, rest: text.slice(0, m.index) + "\u0000" + text.slice(m.index + m[0].length) };
}

/**
 * Of sheets that each hold a report table, the index of the latest month when every name is one month with the same
 * text around it (「1月」…「10月」, 「2017年9月报表」「2017年10月报表」); null otherwise (read the first). With a year in
 * every name: the latest (year, month). Without: months rising in tab order (one turn of the year allowed, 11月 12月 1月)
 * → the last tab; falling (the newest tab first) → the first; else null. With a year in some names only, each other
 * name takes the year nearest its neighbour's, and the months must rise or fall.
 */
export function latestMonthSheet(names: readonly string[]): number | null {
  if (names.length < 2) return null;
  const months = names.map(sheetMonth);
  if (months.some((m) => m === null)) return null;
  const all = months as { year: number | null; month: number; rest: string }[];
  if (new Set(all.map((m) => m.rest)).size !== 1) return null;
  if (all.every((m) => m.year !== null)) {
    const key = all.map((m) => m.year! * 12 + m.month);
    const max = Math.max(...key);
    return key.filter((k) => k === max).length === 1 ? key.indexOf(max) : null;
  }
  if (all.some((m) => m.year !== null)) {
    // a year in some names only (「2017年12月」「1月」「2月」): a name without one is in the year that puts it nearest its
    // neighbour (2018-01 after 2017-12; 2018-02 after 2018年3月 in a falling list); the months must then rise or fall
    const keys: (number | null)[] = all.map((m) => (m.year === null ? null : m.year * 12 + m.month - 1));
    const nearest = (month: number, to: number): number | null => {
      const [a, b] = [-1, 0, 1].map((d) => (Math.floor(to / 12) + d) * 12 + month - 1).sort((x, y) => Math.abs(x - to) - Math.abs(y - to));
      return Math.abs(a! - to) === Math.abs(b! - to) ? null : a!;
    };
    for (let i = 1; i < keys.length; i++) if (keys[i] === null && keys[i - 1] !== null) keys[i] = nearest(all[i]!.month, keys[i - 1]!);
    for (let i = keys.length - 2; i >= 0; i--) if (keys[i] === null && keys[i + 1] !== null) keys[i] = nearest(all[i]!.month, keys[i + 1]!);
    if (keys.some((k) => k === null)) return null;
    const k = keys as number[];
    const rising = k.every((x, i) => i === 0 || x > k[i - 1]!);
    const falling = k.every((x, i) => i === 0 || x < k[i - 1]!);
    return rising ? k.length - 1 : falling ? 0 : null;
  }
  // each next month later (earlier), save one turn of the year a few months wide (12月 → 1月, 11月 → 2月) that does not
  // come back past the first month
  const steady = (gap: (a: number, b: number) => number) => {
    const gaps = all.slice(1).map((m, i) => gap(all[i]!.month, m.month));
    const turns = gaps.filter((g) => g <= 0);
    return turns.length === 0 || (turns.length === 1 && turns[0]! + 12 <= 3 && gap(all[0]!.month, all[all.length - 1]!.month) < 0);
  };
  if (steady((a, b) => b - a)) return names.length - 1;
  if (steady((a, b) => a - b)) return 0;
  return null;
}
