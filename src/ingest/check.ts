/**
 * checkMonthlyBytes: one monthly report's bytes (CSV or .xlsx) → accepted rows and rejects. Runs unchanged in Node
 * (readMonthlyFile adds the file path and sha256) and in the browser (the 报送自查 page): no Node built-ins here or
 * below. Pure: touches no file and no database.
 */
import { fileError, type FileError } from "./codes.js";
import { sniffBytes, type ConvertedFormat, type TextEncoding } from "./decode.js";
import { validateRows, validateRowsInChunks, type IngestContext, type Reject, type ValidateHooks, type ValidateOptions, type ValidRow } from "./rules.js";
import { hasHeader, hasReportHeader, headingField, noDataMessage, parseCsvGrid, readTable, type CsvGrid, type Field, type FormField, type MappedColumn, type SkippedRow, type TableRow, type ValueMonth } from "./table.js";
import { xlsToXlsx } from "./xls.js";
import { damagedWorkbook, FILL, readXlsxGrid, sheetMonth, type Fill, type Grid, type Merge, type SheetMonth } from "./xlsx.js";

export type ReadOptions = {
  /** Sheet name of an .xlsx (default: the first sheet). */
  sheet?: string;
  /** Larger files are rejected (E_FILE_TOO_LARGE). Default 20 MiB. */
  maxBytes?: number;
};

export type FileInfo = {
  name: string;
  /** Hex SHA-256 of the bytes; null when the file could not be read, and from checkMonthlyBytes (the caller adds it). */
  sha256: string | null;
  /** Text encoding of a CSV; null for .xlsx and for files that are not text. */
  encoding: TextEncoding | null;
  /** Null when the bytes are neither (binary, undecodable). */
  format: "csv" | "xlsx" | ConvertedFormat | null;
  /** Data rows read below the header (fully empty rows not counted). */
  rowsRead: number;
  /** .xlsx: the sheet read. */
  sheet: string | null;
  /** .xlsx read without a sheet named: the other visible sheets that hold a table too (not read). */
  otherSheets: string[];
  /** .xlsx read without a sheet named: the sheet read is the latest of several named by month (1月…10月), not the first. */
  sheetByMonth: boolean;
  /** 1-based row of the header; null when not found. */
  headerRow: number | null;
  /** Headers present but not recognised, ignored. */
  ignoredColumns: string[];
  /** Fields stated once above the header (填报单位：…) or signed below the table (填表人：…), read as every row's. */
  formFields: FormField[];
  /** 报送单位 or 统计期 stated above a header with its column too: each row's own counts, one that differs is flagged (statedCheck). */
  statedAbove: FormField[];
  /** The month the 累计完成值 heading names (「1-10月累计完成值」): each row's 统计期 is held to it (statedCheck). */
  valueMonth: ValueMonth | null;
  /** .xlsx: the month the name of the sheet read names (「10月」, 「2017年10月报表」): each row's 统计期 is held to it. */
  sheetMonth: SheetMonth | null;
  /** Rows below the header that hold no report (totals, notes, signatures, …), skipped; not counted in rowsRead. */
  skippedRows: SkippedRow[];
};

export type MonthlyFileResult = {
  file: FileInfo;
  /** Set when the whole file is rejected: then `rows` and `rejects` are empty and nothing is accepted. */
  fileError: FileError | null;
  rows: ValidRow[];
  rejects: Reject[];
};

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Throws a TypeError unless `ctx.asOf` is YYYY-MM-DD (a malformed context is a programming error). */
export function assertAsOf(ctx: IngestContext): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ctx.asOf)) throw new TypeError(`IngestContext.asOf must be YYYY-MM-DD, got ${JSON.stringify(ctx.asOf)}`);
}

/**
 * Validates one monthly report given as bytes. `file.sha256` is null. Never throws for bad input; throws only for a
 * malformed `ctx` (or what `hooks` throw). With `hooks`, the accepted rows are also handed over chunk by chunk while
 * the rest are checked (see validateRowsInChunks); the result is the same.
 */
export async function checkMonthlyBytes(
  input: { name: string; bytes: Uint8Array },
  ctx: IngestContext,
  options: ReadOptions = {},
  hooks?: ValidateHooks,
): Promise<MonthlyFileResult> {
  assertAsOf(ctx);
  return checkMonthlyTable(await readMonthlyTable(input, options), ctx, hooks);
}

/** A report read into its table, before any row is checked (no reference data needed): see readMonthlyTable. */
export type MonthlyTable = { file: FileInfo; fileError: FileError | null; rows: TableRow[]; validateOptions: ValidateOptions };

/**
 * The first half of checkMonthlyBytes: sniffing, CSV or .xlsx reading, the header and the data rows. A caller can do
 * this while it fetches the reference data the rows are checked against (checkMonthlyTable).
 */
export async function readMonthlyTable(input: { name: string; bytes: Uint8Array }, options: ReadOptions = {}): Promise<MonthlyTable> {
  const { name } = input;
  let { bytes } = input;
  const info: FileInfo = { name, sha256: null, encoding: null, format: null, rowsRead: 0, sheet: null, otherSheets: [], sheetByMonth: false, headerRow: null, ignoredColumns: [], formFields: [], statedAbove: [], valueMonth: null, sheetMonth: null, skippedRows: [] };
  const rejectFile = (error: FileError): MonthlyTable => ({ file: info, fileError: error, rows: [], validateOptions: {} });

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) return rejectFile(fileError("E_FILE_TOO_LARGE", `${bytes.length} 字节，上限 ${maxBytes} 字节`));

  // ~$市经信局-2017-10.xlsx: the owner file Excel and WPS keep beside a workbook while it is open (a few hundred bytes)
  if (/^~\$/.test(name) && bytes.length < 4096 && bytes.includes(0)) {
    return rejectFile(fileError("E_FILE_TYPE", `这是 Excel/WPS 打开工作簿时生成的临时锁定文件（文件名以 ~$ 开头），不是报表；请关闭工作簿后载入原文件 ${name.slice(2)}`));
  }
  let sniffed = sniffBytes(bytes);
  if (sniffed.kind === "error") return rejectFile(sniffed.error);
  // an .xls, .xlsb or .ods workbook: converted to .xlsx and read as one (its receipt says which it was)
  let workbookFormat: "xlsx" | ConvertedFormat = "xlsx";
  if (sniffed.kind === "convert") {
    const converted = await xlsToXlsx(sniffed.text ?? bytes, sniffed.format);
    if (sniffed.encoding) info.encoding = sniffed.encoding;
    if ("error" in converted) return rejectFile(converted.error);
    bytes = converted;
    workbookFormat = sniffed.format;
    sniffed = { kind: "xlsx" };
  }

  let grid: Grid;
  let merges: Merge[] = [];
  let hidden: ReadonlySet<number> = new Set();
  let struck: ReadonlySet<number> = new Set();
  let struckCells: ReadonlyMap<number, ReadonlySet<number>> = new Map();
  /** .xlsx with several sheets: which one was read, and how to choose another (added to file errors). */
  let sheetChoice = "";
  let quoteErrors: CsvGrid["quoteErrors"] = [];
  let date1904 = false;
  /** .xlsx: the hidden columns holding something (not read), named in the file's summary and in a header error. */
  let hiddenColumnNames: string[] = [];
  let hiddenColumns: { column: string; text: string; filled: number }[] = [];
  if (sniffed.kind === "xlsx") {
    info.format = workbookFormat;
    // without --sheet: the first visible sheet with a header (its header errors are then reported, never skipped)
    // (a workbook part this reader did not foresee must reject that file, never stop a run of several)
    // (a sheet whose header has no 累计完成值 or 完成状态 column, a list of the targets, is passed over for one that has)
    // (a month's sheet is filled in when a row reports something: next month's, made ready with its codes, is not; a
    // sheet whose header is wrong counts as filled in, so that its error is reported rather than another month read)
    // (with the statuses and notes of its rows, each with its department and code: a sheet whose statuses and notes
    // are all another's is a copy)
    const filledIn = (g: Grid, m: Merge[]): Fill => {
      const t = readTable(g, m);
      if ("error" in t) return { level: t.error.code !== "E_NO_DATA" ? FILL.figures : FILL.none };
      const rows = t.table.rows;
      const marks = rows.filter((r) => r.cells.note !== "" || r.cells.status !== "")
        .map((r) => ({ row: `${r.cells.department}\u0000${r.cells.targetCode}`, status: r.cells.status, note: r.cells.note }));
      return { level: rows.some((r) => r.cells.value !== "") ? FILL.figures : marks.some((x) => x.note !== "") ? FILL.notes : rows.length > 0 ? FILL.statuses : FILL.none, marks };
    };
    const x = await readXlsxGrid(bytes, options.sheet, (g, m) => hasHeader(g, m), (g, m) => hasReportHeader(g, m), filledIn).catch((e: unknown) => ({
      error: damagedWorkbook(e),
    }));
    if ("error" in x) return rejectFile(x.error);
    info.sheet = x.sheet;
    info.otherSheets = x.otherTables;
    info.sheetByMonth = x.byMonth;
    const named = sheetMonth(x.sheet);
    info.sheetMonth = named && { sheet: x.sheet, year: named.year, month: named.month };
    grid = x.grid;
    merges = x.merges;
    hidden = x.hiddenRows;
    struck = x.struckRows;
    struckCells = x.struckCells;
    date1904 = x.date1904;
    hiddenColumns = x.hiddenColumnTexts;
    hiddenColumnNames = x.hiddenColumnTexts.map((h) => `${h.text}（隐藏的 ${h.column} 列）`);
    if (x.sheets.length > 1) sheetChoice = `（读取的是工作表「${x.sheet}」；工作簿中的工作表：${x.sheets.map((n) => `「${n}」`).join("、")}；可用 --sheet 指定）`;
  } else {
    info.format = "csv";
    info.encoding = sniffed.encoding;
    const csv = parseCsvGrid(sniffed.text);
    const fatal = csv.quoteErrors.find((e) => e.fatal);
    if (fatal) return rejectFile(fileError("E_CSV_STRUCTURE", `第 ${fatal.row} 行起引号未闭合，其后的内容无法可靠读取`));
    quoteErrors = csv.quoteErrors;
    grid = csv.grid;
  }
  if (grid.every((row) => row.every((c) => c.trim() === ""))) return rejectFile(fileError("E_FILE_EMPTY", info.sheet ? `工作表「${info.sheet}」为空${sheetChoice}` : undefined));

  const t = readTable(grid, merges, hidden, struck, info.format === "csv", struckCells);
  if ("error" in t) {
    const where = sheetChoice || (info.sheet !== null ? `（工作表「${info.sheet}」）` : "");
    const hiddenNote = hiddenColumnNames.length > 0 ? `（被隐藏、未读取的列：${hiddenColumnNames.map((n) => `「${n}」`).join("、")}；如需报送，请取消隐藏）` : "";
    // (named as a workbook, read as text: a text export some systems name .xls, or no workbook at all)
    const misnamed = info.format === "csv" && /\.xlsx?$/i.test(name) && t.error.code === "E_HEADER" && !t.error.message.includes("缺少列")
      ? `（文件名以 ${name.slice(name.lastIndexOf("."))} 结尾，内容却是文本而不是 Excel 工作簿：请在 Excel 或 WPS 中打开后另存为 .xlsx 再报送）` : "";
    return rejectFile({ ...t.error, message: t.error.message + misnamed + hiddenNote + where });
  }
  // the 累计完成值 (or 完成状态) column hidden, and no other one shown: its figures would be lost unseen, the rows read as
  // unfilled or as a status alone (a hidden column with its heading alone loses nothing: a milestone file that hid the
  // empty 累计完成值 column is read)
  const shown = new Set(t.table.columns.map((c) => c.field));
  const lost = hiddenColumns.filter((h) => {
    const f = headingField(h.text);
    // (so too the 单位 column: 50 beside a hidden 万元 would be read as 50 in the target's unit, 亿元)
    return (f === "value" || f === "status" || f === "unit") && !shown.has(f) && h.filled > 1;
  });
  if (lost.length > 0) {
    const what = lost.every((h) => headingField(h.text) === "unit") ? "其中的单位会被遗漏（数值会按指标的单位读取）" : "其中的数值或状态会被遗漏";
    return rejectFile(fileError("E_HEADER", `${lost.map((h) => `「${h.text}」列（${h.column} 列）`).join("、")}被隐藏，未读取：${what}；` +
      `请在 Excel 中取消隐藏该列后再报送${sheetChoice || (info.sheet !== null ? `（工作表「${info.sheet}」）` : "")}`));
  }
  info.headerRow = t.table.headerRow;
  info.ignoredColumns = [...t.table.ignoredColumns, ...hiddenColumnNames];
  info.formFields = t.table.formFields;
  info.statedAbove = t.table.statedAbove;
  info.valueMonth = t.table.valueMonth;
  info.skippedRows = t.table.skipped;
  info.rowsRead = t.table.rows.length;
  if (t.table.rows.length === 0) {
    // every data row hidden (an autofilter left on) or left unfilled (the template sent back): say so, rather than "no data"
    return rejectFile(fileError("E_NO_DATA", noDataMessage(t.table.headerRow, t.table.skipped) + sheetChoice));
  }

  const validateOptions: ValidateOptions = {
    excelSerial: info.format !== "csv",
    date1904,
    valueHeaderUnit: t.table.valueHeaderUnit,
    valueSuffix: t.table.valueSuffix,
    moneyUnit: t.table.moneyUnit,
    rejectUnheadedCells: info.format === "csv",
    quoteErrorRows: quoteErrorRows(quoteErrors, t.table.columns),
  };
  return { file: info, fileError: null, rows: t.table.rows, validateOptions };
}

/** Fields of free text, where a quoted word followed by more text (「"两化"融合项目」) is read as Excel reads it. */
const TEXT_FIELDS: ReadonlySet<Field> = new Set(["note", "reporter"]);

/**
 * The rows a quote problem rejects: any but a row whose only trouble is text after a closing quote in 进展情况 or
 * 填报人 (or a column not read), which Excel reads as one text (「"最多跑一次"改革」), the figure beside it unaffected.
 */
function quoteErrorRows(errors: CsvGrid["quoteErrors"], columns: readonly MappedColumn[]): Set<number> {
  const field = new Map(columns.map((c) => [c.index, c.field]));
  return new Set(errors.filter((e) => e.columns === undefined || e.columns.some((c) => field.has(c) && !TEXT_FIELDS.has(field.get(c)!))).map((e) => e.row));
}

/** The second half of checkMonthlyBytes: every row of a table read by readMonthlyTable checked against `ctx`. */
export async function checkMonthlyTable(table: MonthlyTable, ctx: IngestContext, hooks?: ValidateHooks): Promise<MonthlyFileResult> {
  assertAsOf(ctx);
  if (table.fileError) return { file: table.file, fileError: table.fileError, rows: [], rejects: [] };
  const { rows, rejects } = hooks
    ? await validateRowsInChunks(table.rows, ctx, table.validateOptions, hooks)
    : validateRows(table.rows, ctx, table.validateOptions);
  return { file: table.file, fileError: null, rows, rejects };
}
