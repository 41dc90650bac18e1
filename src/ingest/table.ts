/**
 * Grid → table: finds the header row under any title rows, maps header names through their aliases and keeps each
 * data row with its 1-based row number as the spreadsheet shows it.
 */
import Papa from "papaparse";
import { UNITS } from "../targets/units.js";
import { fileError, type FileError } from "./codes.js";
import { isBareFigure, parsePeriod, parseReportDate, parseStatus, parseValue, unitDef, YEAR_RANGE } from "./values.js";
import type { Grid, Merge } from "./xlsx.js";

export type Field = "department" | "targetCode" | "period" | "value" | "unit" | "status" | "note" | "reporter" | "reportedAt";

/**
 * `weakAliases`: names read as the column only when no other column of the header names it (报送单位名称 beside
 * 报送单位, 情况说明 beside 进展情况: the other one is that column, this one ignored as before); never a group heading
 * of a two-row header, and never counted when the header row is chosen.
 */
export type ColumnDef = { field: Field; name: string; aliases: readonly string[]; weakAliases?: readonly string[] };

/**
 * The columns of a monthly report. `name` is the Chinese header of the 报送指南 (and the column named in every
 * error); aliases are matched after normalisation (full-width → half-width, case, spaces, `_`, `-`, a leading or
 * trailing `*`, and a trailing bracket such as 「累计完成值（万元）」 are ignored).
 * English `unit` means 报送单位 as documented, except in a file that also has a department/dept column, where it
 * is the 单位 (unit of measure) column.
 */
export const COLUMNS: readonly ColumnDef[] = [
  { field: "department", name: "报送单位", aliases: ["填报单位", "单位名称", "报送部门", "填报部门", "department", "dept", "unit", "reporting_unit", "reporting_department", "reporting_dept"], weakAliases: ["报送单位名称", "填报单位名称", "报送部门名称", "部门名称"] },
  { field: "targetCode", name: "指标编码", aliases: ["指标代码", "指标编号", "target_code", "code", "indicator", "indicator_code"] },
  // (报送月份, 填报月份 may be the month the report was sent, a month after its figures: asked about, not read)
  { field: "period", name: "统计期", aliases: ["统计期间", "统计月份", "报告期", "period", "reporting_period", "report_period", "reporting_month"],
    weakAliases: ["统计时段", "统计周期", "报告期间", "所属期", "所属期间", "月份", "统计时间", "统计年月", "数据月份", "所属月份", "month"] },
  { field: "value", name: "累计完成值", aliases: ["累计完成", "累计完成数", "累计完成量", "累计完成额", "累计完成数值", "累计值", "累计数", "value", "cumulative_value", "cumulative", "actual"] },
  { field: "unit", name: "单位", aliases: ["计量单位", "金额单位", "measure_unit", "measurement_unit", "uom"] },
  { field: "status", name: "完成状态", aliases: ["进度状态", "推进状态", "进展状态", "项目状态", "实施状态", "状态", "status", "completion_status"] },
  { field: "note", name: "进展情况", aliases: ["工作进展", "推进情况", "progress", "note", "notes"],
    weakAliases: ["工作进展情况", "进展情况说明", "推进情况说明", "工作推进情况", "主要工作进展", "目前进展", "完成情况说明", "情况说明"] },
  { field: "reporter", name: "填报人", aliases: ["填表人", "经办人", "reporter"] },
  { field: "reportedAt", name: "填报日期", aliases: ["填表日期", "报送日期", "reported_at", "report_date"] },
];

export const COLUMN_NAME: Record<Field, string> = Object.fromEntries(COLUMNS.map((c) => [c.field, c.name])) as Record<Field, string>;

/** Always required; at least one of 累计完成值 / 完成状态 is required too. */
export const REQUIRED_FIELDS: readonly Field[] = ["department", "targetCode", "period"];

/** Rows scanned for the header. */
export const HEADER_SCAN_ROWS = 20;

/** Invisible characters that text pasted from web pages and chat apps carries: zero-width space, (non-)joiner, word joiner, BOM. */
export const ZERO_WIDTH = "\u200B\u200C\u200D\u2060\uFEFF";
const HAS_ZERO_WIDTH = new RegExp(`[${ZERO_WIDTH}]`);
const ALL_ZERO_WIDTH = new RegExp(`[${ZERO_WIDTH}]`, "g");

/**
 * Trims normal and full-width (U+3000) whitespace (String.prototype.trim covers both, plus NBSP and BOM) and removes
 * zero-width characters anywhere (ZERO_WIDTH: nobody sees them, so 「市经信局\u200B」 is 市经信局), and undoes the two
 * ways systems and people keep Excel from changing a code or a month: 「="CX75-05-01"」 (a formula giving the text)
 * and a leading apostrophe 「'2017-10」.
 */
export const cleanCell = (s: string): string => {
  let t = s.trim();
  if (HAS_ZERO_WIDTH.test(t)) t = t.replace(ALL_ZERO_WIDTH, "").trim();
  const c = t.charCodeAt(0);
  if (c === 0x3d && t.length >= 3 && t.charCodeAt(1) === 0x22 && t.charCodeAt(t.length - 1) === 0x22) return t.slice(2, -1).replace(/""/g, '"').trim();
  if (c === 0x27 && /^'[0-9A-Za-z\-./年月日]+$/.test(t)) return t.slice(1);
  return t;
};

const normalizeKey = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[\s_\-*]+/g, "");

const KNOWN_UNITS = new Set(UNITS.map((u) => u.unit));

/**
 * Splits 「累计完成值（万元）」 into its name and bracketed part. Whitespace anywhere is dropped first (a header typed
 * with Alt+Enter, 「累计完成值\n（万元）」); 「累计完成值/万元」 and 「（单位：万元）」 are read the same way.
 */
function splitHeader(header: string): { key: string; bracket: string | null } {
  const h = header.normalize("NFKC").replace(/\s+/g, "");
  const m = h.match(/^(.*?)[([【]([^()[\]【】]*)[)\]】]$/);
  if (m && m[1]! !== "") return { key: cumulativeKey(normalizeKey(m[1]!)), bracket: headerUnit(m[2]!) };
  // 「累计完成值/万元」「累计完成值：万元」; only for the value column (「完成状态/进展情况」 is one column holding both, not a status)
  const slash = h.match(/^([^/:,]+)[/:,]([^/:,]+)$/);
  if (slash && ALIAS_TO_FIELD.get(cumulativeKey(normalizeKey(slash[1]!))) === "value") return { key: cumulativeKey(normalizeKey(slash[1]!)), bracket: headerUnit(slash[2]!) };
  const key = cumulativeKey(normalizeKey(h));
  // 「累计完成值 万元」 (the space is gone by now): the value's name and a unit the reader knows
  if (!ALIAS_TO_FIELD.has(key)) {
    for (const alias of VALUE_ALIASES) {
      const rest = key.startsWith(alias) ? unitText(key.slice(alias.length)) : "";
      if (rest !== "" && (KNOWN_UNITS.has(rest) || scaledUnit(rest) !== null)) return { key: alias, bracket: rest };
    }
  }
  return { key, bracket: null };
}

/**
 * The years to date a cumulative figure's header may name before it: 「本年累计完成值」「1-10月累计完成值」
 * 「截至10月底累计完成值」「本月累计完成值」 are the 累计完成值. (Not 「本月完成值」 or 「10月完成值」: one month's figure is no
 * cumulative one; nor 「上月累计完成值」, last month's figure, kept beside this month's for reference: not read.)
 */
// (a year may stand first, 「2017年累计完成值」「17年1-10月累计完成值」; a date may end it, 「截至10月31日累计完成值」)
const CUMULATIVE_PREFIX = /^(?:(?:\d{2,4}年度?)?(?:本年度?|今年|当年|全年|本月|当月|本期|年初至今|年初以来|今年以来|本年以来|年初至本月|自年初|(?:1|一)月?(?:份)?[~至到—-]?\d{1,2}月份?)?|(?:\d{2,4}年)?\d{1,2}月份?(?:底|末)|截[至止](?:本月|本期|当月|目前|今|\d{2,4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:份)?(?:底|末)?)(?=累计)/;

/** A key with a cumulative prefix (CUMULATIVE_PREFIX) read without it, when what remains names the value. */
function cumulativeKey(key: string): string {
  if (ALIAS_TO_FIELD.has(key)) return key;
  const rest = key.replace(CUMULATIVE_PREFIX, "");
  return rest !== key && ALIAS_TO_FIELD.get(rest) === "value" ? rest : key;
}

/** 「单位：万元」 → 万元; 百分比 → %. */
const unitText = (text: string) => {
  const unit = text.replace(/^单位[:：]?/, "");
  return unit === "百分比" ? "%" : unit;
};

/**
 * The unit a value header's bracket gives: 「单位：万元」 → 万元; a note beside it, 「截至本月，万元」 → 万元 (the one
 * part that is a unit, when no other part looks like one). Anything else is returned as written, for readHeader to
 * judge.
 */
const headerUnit = (text: string) => {
  const whole = unitText(text);
  const parts = bracketParts(text, /[,，、;；]/);
  if (parts.length < 2) return whole;
  const units = parts.filter((p) => KNOWN_UNITS.has(p) || scaledUnit(p) !== null);
  return units.length === 1 && parts.every((p) => p === units[0] || !UNITISH.test(p)) ? units[0]! : whole;
};

/** The parts of a value header's bracket, split where a list (截至本月，万元) or a choice (万元或亿元) is written. */
const bracketParts = (text: string, at = /[,，、;；或]/) => text.split(at).map(unitText).filter((p) => p !== "");

/** Scale characters, money and common Latin unit symbols: a value header bracket holding one must be a unit read. */
const UNITISH = /[万亿千百元%‰]|^(k?w|kwh|mw|mwh|m²|m2|m³|m3|km|km²|km2|t|kg|g|m|cm|mm|l|ml|h)$/i;

const ALIAS_TO_FIELD = new Map<string, Field>();
for (const c of COLUMNS) for (const a of [c.name, ...c.aliases]) ALIAS_TO_FIELD.set(normalizeKey(a), c.field);
/** COLUMNS' weakAliases: a column's name only when no other column of the header is that column. */
const WEAK_ALIAS_TO_FIELD = new Map<string, Field>();
for (const c of COLUMNS) for (const a of c.weakAliases ?? []) WEAK_ALIAS_TO_FIELD.set(normalizeKey(a), c.field);
/** The value column's names, longest first (「累计完成值万元」 is 累计完成值 and 万元, not 累计完成 and 值万元). */
const VALUE_ALIASES = [...ALIAS_TO_FIELD].filter(([, f]) => f === "value").map(([a]) => a).sort((a, b) => b.length - a.length);

/** The field a header names, or null. `unit` is resolved by the caller (see COLUMNS). */
export function headerField(header: string): Field | null {
  return ALIAS_TO_FIELD.get(splitHeader(header).key) ?? null;
}

/** A, B, …, Z, AA, … as a spreadsheet names column `index` (0-based). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export type MappedColumn = { field: Field; header: string; index: number; letter: string };

export type TableRow = {
  /** 1-based row number in the file, as the spreadsheet shows it. */
  row: number;
  /** (.xlsx) 累计完成值 or 完成状态 struck through in a row otherwise not: read, and asked about (reviewReasons). */
  struck?: Field[];
  /** Trimmed cell text per recognised field ("" when empty). */
  cells: Record<Field, string>;
  /** Every non-empty-header cell as written (trimmed), keyed by the header text; unnamed columns by their letter. */
  raw: Record<string, string>;
  /** Non-empty cells in columns that have no header, as "C: text". */
  unheaded: string[];
  /** Cells beyond the header row's width (CSV: a row with more separators than the header). */
  extraFields: number;
  /**
   * The value cell as written, when `cells` reads it with a unit from the header or the 单位 column (0.045 under
   * 「累计完成值（万家）」 is read as 0.045万家): what a reject shows as the value sent.
   */
  sentValue?: string;
  /**
   * 「2,150」 typed without quotes in a CSV whose 累计完成值 is followed by 进展情况 (or another text column): the value
   * and the next cell, 「2,150」, when they look like one number split at its thousands comma (see splitNumberAfter).
   */
  splitNumber?: string;
  /**
   * With 累计完成值 empty: the first column the reader does not read whose heading may hold the month's figure
   * (TableHeader.figureColumns: 备注, 本月新增 …) and that holds one, 「388」 (rejected: E_VALUE_MISPLACED).
   */
  figureElsewhere?: { column: string; text: string };
  /**
   * A number in a column with no heading between two columns the reader reads (.xlsx: 累计完成值 | (no heading) |
   * 完成状态, 「320」 beside 「300」), as "F: 320": another figure of the row that nothing names (rejected: E_EXTRA_CELLS,
   * as a CSV row with it is).
   */
  figureBeside?: string;
  /**
   * (.xlsx) Fields that must be written on each row (指标编码, 累计完成值, 完成状态) whose empty cell lies under a cell
   * merged down from a row above, with the text that cell shows: 「ZN-01」 over two rows is read on its first row only,
   * and the message of the second row's empty cell says why.
   */
  mergedAbove?: Partial<Record<Field, string>>;
};

export type Table = {
  headerRow: number;
  columns: MappedColumn[];
  /** Headers present but not recognised (ignored). */
  ignoredColumns: string[];
  /** Unit written in the value header, 「累计完成值（万元）」 → 万元. */
  valueHeaderUnit: string | null;
  /** A scale and a unit in the value header, 「累计完成值（万家）」 → 万家 (bare numbers below are read with it). */
  valueSuffix: string | null;
  /** 「金额单位：万元」 above the header: the unit of a money target's figure written without one (also in formFields). */
  moneyUnit: string | null;
  /** Fields written once above the header, true of every row (see FormField). */
  formFields: FormField[];
  /**
   * 报送单位 or 统计期 written once above a header that has a column for it too (「填报单位：周巷镇」, a title
   * 「……（2017年10月）」): each row's own cell counts; a row that differs is flagged for review (statedCheck).
   */
  statedAbove: FormField[];
  /** The month the 累计完成值 column's heading names (see ValueMonth), or null. */
  valueMonth: ValueMonth | null;
  rows: TableRow[];
  /** Rows below the header that hold no report (totals, notes, signatures, section titles, a repeated header). */
  skipped: SkippedRow[];
};

export type SkippedRow = { row: number; reason: string };

/**
 * A field the form states once above its table instead of in a column — 「填报单位（盖章）：周巷镇」,
 * 「统计期：2017年10月」, 「单位：万元」, or a title 「……完成情况表（2017年1-10月）」 for the period — and so the
 * field of every row. Only read when the table has no column for it. `text` is what each row's cell reads as;
 * `column` the field's column name; `row` the 1-based row it stands on.
 */
export type FormField = { field: Field; column: string; text: string; row: number };

/**
 * The month the 累计完成值 column's heading names (「1-10月累计完成值」, 「累计完成值（截至10月底）」: month 10, year
 * null; 「2017年1-10月累计」: 2017): each row's 统计期 is held to it (statedCheck). A heading last month's copy kept, or the
 * column chosen beside 「1-9月累计完成值」 on rows of 2017-09, is asked about rather than stored unseen.
 */
export type ValueMonth = { header: string; letter: string; row: number; year: number | null; month: number };

/**
 * Why a row with a 指标编码 but no 累计完成值, 完成状态 or 进展情况 is skipped: a template's row the department did not
 * fill in this month. It is no report, so no reject either: the reporting rates count the target as not reported.
 */
export const UNFILLED_ROW = "未填写（累计完成值、完成状态、进展情况均为空），视为本月未报送该指标";

/**
 * The E_NO_DATA message of a table with no row to read: why, when its rows were all hidden or all left unfilled
 * (a template sent back as it came).
 */
export function noDataMessage(headerRow: number, skipped: readonly SkippedRow[]): string {
  const hidden = skipped.filter((k) => k.reason === HIDDEN_ROW).length;
  const unfilled = skipped.filter((k) => k.reason === UNFILLED_ROW).length;
  const why = [
    hidden > 0 ? `其下 ${hidden} 行被隐藏，未读取；请在 Excel 中取消隐藏后再报送` : "",
    unfilled > 0 ? `其下 ${unfilled} 行只有预先填好的指标编码等，累计完成值、完成状态、进展情况都没有填写；请填写本月进展后再报送` : "",
  ].filter((x) => x !== "");
  return `第 ${headerRow} 行是表头，其下没有数据${why.length > 0 ? `（${why.join("；")}）` : ""}`;
}

/** Why a header repeated below the first, its columns where the first has them, is skipped. */
const REPEATED_HEADER = "重复的表头行";

/** Why a row holding one cell beside the table, and nothing in it, is skipped. */
export const SIDE_NOTE = "只在表格以外的一个单元格中有内容（旁注或说明）";

/** Why a hidden row of a workbook is skipped. */
export const HIDDEN_ROW = "隐藏的行，未读取；如需报送，请在 Excel 中取消隐藏";

/** Why a row of a workbook crossed out (every cell struck through) is skipped. */
export const STRUCK_ROW = "整行带删除线，视为已删去，未读取；如需报送，请去掉删除线";

/** Why a section heading in the table (一、智能化改造) is skipped. */
const SECTION_REASON = "分类标题（一、…，（三）…），不是报送数据";

/** The end of the reason a total or note line below the table is skipped for. */
const FOOTER_REASON = "行（合计、备注等，不是报送数据）";

/** A total written as a cell of its own (合计, 小计：) in a row without a 指标编码; not a note that starts with the word. */
const TOTAL = /^(?:全市|全县|全区|全镇|全省|本市|本县|本区)?(合计|总计|小计|汇总)[:：]?$/;
/** First words of the lines a form carries below its table: totals, notes, signatures. */
const FOOTER = /^(?:全市|全县|全区|全镇|全省|本市|本县|本区)?(合计|总计|小计|汇总[:：]?$|备注|附注|注[:：\d１-９]|说明|填表说明|填报说明|填报单位|报送单位[:：(（]|单位负责人|统计负责人|负责人|分管领导|主要领导|单位领导|领导签字|签发|审核|制表|填表人|填报人[:：]|经办人|联系人|联系电话|电话[:：]|手机[:：]|填报日期[:：]|报出日期|报送日期[:：]|报送时间[:：]|[(（]?(?:单位)?盖章[)）]?)/;
/**
 * A signature's label in the first cell of a line (填表人：, 审核人, 联系电话：), its name or number in the next: a line
 * below the table whatever column that next cell is (the 指标编码 column too).
 */
const SIGNATURE = /^(填表人|填报人|审核人|审核|制表人?|经办人|统计负责人|单位负责人|负责人|分管领导|联系人|联系电话|电话|手机|填报日期|报出日期|报送日期|报送时间|签发人?)(?:[:：]|$)/;
/** A section heading (一、智能化改造, （三）人才培训, 第二部分) alone in the 指标编码 column: no code. */
const SECTION = /^(?:[一二三四五六七八九十]+[、．.]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+(?:部分|类|章|节|项))/;
/** A total as its 报送单位 (合计, 全市汇总, 各镇（街道、园区）合计, 工业小计): no department's report. */
const GROUP_TOTAL = /(合计|总计|小计|汇总)[:：]?$/;

/**
 * Why a row below the header is not a report, or null when it is one: the header repeated (three or more header
 * names), or — with no 指标编码 and nothing outside the named columns — a total or note line (合计…, 备注：…,
 * 填报单位（盖章）：…) or a section title written only in a column the reader ignores (序号 「一、工业经济」). Such rows are skipped and listed, not
 * rejected: they never held a figure.
 */
function nonDataRow(line: string[], cells: Record<Field, string>, layout: RowLayout): string | null {
  if (new Set(line.map((c) => headerField(cleanCell(c))).filter((f) => f !== null)).size >= 3) return REPEATED_HEADER;
  const filled = line.map(cleanCell).filter((c) => c !== "");
  const first = filled[0] ?? "";
  const m = first.replace(/\s+/g, "").match(FOOTER);
  // 「合计」 may stand in the 指标编码 column too (with 报送单位 merged down beside it); any other code makes the row a report
  // (and 合计 as the 报送单位 of a row that repeats a code: the towns' total of one target, no department's report)
  if (cells.targetCode !== "") {
    const department = cells.department.replace(/\s+/g, "");
    const total = cells.targetCode.replace(/\s+/g, "").match(FOOTER) ?? department.match(GROUP_TOTAL) ?? first.replace(/\s+/g, "").match(SIGNATURE);
    if (total) return `“${total[1]}”${FOOTER_REASON}`;
    if (SECTION.test(cells.targetCode.trim()) && cells.value === "" && cells.status === "" && cells.note === "") return SECTION_REASON;
    return null;
  }
  if (m) return `“${m[1]}”${FOOTER_REASON}`;
  // a total row beside a 报送单位 (merged down over it, or typed): 合计 in a cell of its own
  const department = layout.indexes[layout.fields.indexOf("department")];
  for (let i = 0; i < line.length; i++) {
    const total = i === department ? null : cleanCell(line[i] ?? "").replace(/\s+/g, "").match(TOTAL);
    if (total) return `“${total[1]}”${FOOTER_REASON}`;
  }
  if (layout.fields.every((f) => cells[f] === "")) return "分类标题等，只在未识别的列中有内容";
  if (SECTION.test(cells.department.trim()) && cells.value === "" && cells.status === "" && cells.note === "") return SECTION_REASON;
  // a title or note written in one (merged) cell: no code, no value, no status, nothing else on the row
  if (filled.length === 1 && cells.value === "" && cells.status === "") return "只有一个单元格有内容（标题或说明）";
  return null;
}

type Candidate = {
  index: number;
  /** `weak`: read by a weak alias or as a look-alike of 进展情况 (see ColumnDef). */
  matches: { field: Field; header: string; index: number; bracket: string | null; weak?: boolean }[];
  /** The header cells as read: a two-row header's cells joined (累计完成情况·数值); else the row itself. */
  line?: string[];
};

/** Words under a group heading that name the figure itself: 累计完成情况 over 数值 | 单位. */
const FIGURE_WORDS = new Set(["数值", "数量", "数据", "数", "值", "金额", "完成数", "完成值", "完成量", "累计", "累计数", "累计值", "累计完成", "value", "amount"].map(normalizeKey));
/** A group heading over the figure: it speaks of what is completed or accumulated (完成情况, 累计完成情况, 累计进度). */
const FIGURE_GROUP = /累计|完成/;
/** A group heading over one month's (or period's) own figure: 本月, 本月完成情况, 当月, 本期, 10月 — not the cumulative one. */
const MONTH_GROUP = /^(?:本月|当月|本期|当期|\d{1,2}月份?)/;

/**
 * Two header rows read as one, as reports are often drawn: a group heading over its sub-headings (累计完成情况 over
 * 数值 | 单位), the single headings standing in the upper row alone (merged down in a workbook, repeated by the
 * merge; blank below in a CSV). A group heading carries over the blank cells to its right (a CSV's horizontal merge).
 * Null when the lower row is not a header row: a cell that differs from a recognised heading above it (a data row).
 */
function twoRowCandidate(upper: string[], lower: string[], index: number): Candidate | null {
  const matches: Candidate["matches"] = [];
  /** The group heading (key) each match stands under; null for a heading of its own. */
  const groups: (string | null)[] = [];
  const line: string[] = [];
  let group = "";
  const width = Math.max(upper.length, lower.length);
  // 累计完成值 over 上月 | 本月: the column of the period now (本月) is the figure, last period's (上月) is not read
  let current: { from: number; to: number; at: number } | null = null;
  /** Each column's heading of its own (standing alone in the upper row), for noteLikeColumn. */
  const own: string[] = [];
  for (let c = 0; c < width; c++) {
    const top = cleanCell(upper[c] ?? "");
    const sub = cleanCell(lower[c] ?? "");
    own.push(top !== "" && (sub === "" || sub === top) ? top : "");
    if (top !== "" && top !== group) {
      const split = splitHeader(top);
      current = ALIAS_TO_FIELD.get(split.key) === "value" ? currentOverEarlier(upper, lower, c) : null;
    }
    if (current !== null && c >= current.from && c <= current.to) {
      if (top !== "") group = top;
      const header = sub === "" ? top || group : `${group}·${sub}`;
      line.push(header);
      if (c === current.at) {
        matches.push({ field: "value", header, index: c, bracket: splitHeader(group).bracket });
        groups.push(null);
      }
      continue;
    }
    if (top !== "") group = top;
    const topSplit = top === "" ? null : splitHeader(top);
    const subSplit = splitHeader(sub);
    let topField = topSplit === null ? null : ALIAS_TO_FIELD.get(topSplit.key) ?? null;
    // 「累计完成」 over 数值 | 单位: a name of the value may head a group of its own
    // (or over 本月 | 累计: the month's own figure beside the cumulative one)
    if (topField === "value" && sub !== "" && sub !== top && (FIGURE_WORDS.has(subSplit.key) || ALIAS_TO_FIELD.get(subSplit.key) === "unit" || MONTH_GROUP.test(subSplit.key))) topField = null;
    if (topField !== null && sub !== "" && sub !== top) return null;
    const header = sub === "" || sub === top ? top : group === "" ? sub : `${group}·${sub}`;
    line.push(header);
    if (header === "") continue;
    const groupSplit = splitHeader(group);
    // the columns under 「本月完成」 (one month's figure and its unit) are not the report's: it is the cumulative figure
    // (but 「10月完成情况」 over 本月 | 累计: the one headed 累计 is)
    // (nor the one headed 本月 under 累计完成值: its neighbour headed 累计 is)
    const monthOnly = topField === null && sub !== "" && !/累计/.test(subSplit.key) &&
      ((MONTH_GROUP.test(groupSplit.key) && !/累计/.test(groupSplit.key)) || MONTH_GROUP.test(subSplit.key));
    let field: Field | null = monthOnly ? null : topField ?? (sub === "" ? null : ALIAS_TO_FIELD.get(subSplit.key) ?? null);
    if (!monthOnly && field === null && sub !== "" && FIGURE_WORDS.has(subSplit.key) && (ALIAS_TO_FIELD.get(groupSplit.key) === "value" || FIGURE_GROUP.test(groupSplit.key))) field = "value";
    if (field !== null) {
      matches.push({ field, header, index: c, bracket: topField !== null ? topSplit!.bracket : subSplit.bracket ?? groupSplit.bracket });
      groups.push(topField === null && sub !== "" && sub !== top ? groupSplit.key : null);
    } else if (topSplit !== null && (sub === "" || sub === top) && WEAK_ALIAS_TO_FIELD.has(topSplit.key)) {
      // (a weak name heading a column of its own, over no sub-heading: never a group heading)
      matches.push({ field: WEAK_ALIAS_TO_FIELD.get(topSplit.key)!, header, index: c, bracket: topSplit.bracket, weak: true });
      groups.push(null);
    }
  }
  // 目标任务 | 完成情况 (年度计划 | 累计完成, 本年累计 | 上年同期), each over 数值 | 单位: the figure and its unit are the
  // ones under the group of what is done; the others' (a goal's, last year's) are not read
  const figureGroup = (g: string | null) => g === null || ((ALIAS_TO_FIELD.get(g) === "value" || FIGURE_GROUP.test(g)) && !OTHER_GROUP.test(g));
  const dropped = new Set<number>();
  for (const f of ["value", "unit"] as const) {
    const at = matches.flatMap((m, k) => (m.field === f ? [k] : []));
    const kept = at.filter((k) => figureGroup(groups[k]!));
    if (at.length > 1 && kept.length >= 1 && kept.length < at.length) for (const k of at) if (!kept.includes(k)) dropped.add(k);
  }
  const kept = matches.filter((_, k) => !dropped.has(k));
  noteLikeColumn(kept, own);
  return { index, matches: kept, line };
}

/** Under a group heading of the figure, the period now's sub-heading (本月, 本期累计) and an earlier period's (上月, 上年同期). */
const CURRENT_SUB = /^(?:本月|本期|当月|当期|本季度?|本年)(?:累计|数|值|末)?$/;
const EARLIER_SUB = /^(?:上月|上期|上季度?|上年同期|去年同期|同期)(?:累计|数|值|末)?$/;

/**
 * The span of the figure's group heading starting at column `from` (its cells to the right blank, or repeated by a
 * merge) and the one column under it headed by the period now, when every sub-heading in it names the period now or an
 * earlier one (累计完成值 over 上月 | 本月): null otherwise.
 */
function currentOverEarlier(upper: string[], lower: string[], from: number): { from: number; to: number; at: number } | null {
  const top = cleanCell(upper[from] ?? "");
  let to = from;
  while (to + 1 < Math.max(upper.length, lower.length) && [top, ""].includes(cleanCell(upper[to + 1] ?? "")) && cleanCell(lower[to + 1] ?? "") !== "") to++;
  const subs = Array.from({ length: to - from + 1 }, (_, k) => normalizeKey(cleanCell(lower[from + k] ?? "")));
  const now = subs.flatMap((s, k) => (CURRENT_SUB.test(s) ? [from + k] : []));
  if (now.length !== 1 || !subs.every((s) => CURRENT_SUB.test(s) || EARLIER_SUB.test(s)) || subs.length < 2) return null;
  return { from, to, at: now[0]! };
}

/** Group headings over figures other than the report's: a plan, a goal, a forecast, an earlier period's. */
const OTHER_GROUP = /计划|目标|预计|预期|上年|去年|同期|上月|上期/;

/**
 * A heading of the 进展情况 column in other words (进展情况及存在问题, 本月工作进展, 推进情况及下步打算): narrative, read as
 * the note when the header has no note column. Not one over a status, a share, a plan or a date.
 */
const NOTE_LIKE = /^[^()（）]{0,6}(?:进展|推进情况|进度情况|工作进度|情况说明|存在问题|下步打算|下一步)[^()（）]{0,10}$/;
const NOT_NOTE = /状态|率|%|计划|目标|时间|日期|时限|月份|编码|单位/;
const NARRATIVE = /情况|说明|问题|打算/;

/**
 * No 进展情况 among the header's matches: a heading that reads as one (进展情况及存在问题, 本月工作进展) is the note column,
 * not a column dropped with what it explains (added to `matches`, weak). `headings`: each column's own heading ("" for
 * none, or for one under a group heading).
 */
function noteLikeColumn(matches: Candidate["matches"], headings: readonly string[]): void {
  if (matches.filter((m) => !m.weak).length < 2 || matches.some((m) => m.field === "note")) return;
  // (进展, 工作进度 beside no 完成状态 column may hold the status: only a heading that names a narrative, 工作进展情况,
  // is taken then; the others are left to the questions about the columns' contents)
  const hasStatus = matches.some((m) => m.field === "status");
  const noteLike = (h: string) => NOTE_LIKE.test(h) && !NOT_NOTE.test(h) && (hasStatus || NARRATIVE.test(h));
  const i = headings.findIndex((cell, k) => !matches.some((m) => m.index === k) && noteLike(cleanCell(cell ?? "").normalize("NFKC").replace(/\s+/g, "")));
  if (i !== -1) matches.push({ field: "note", header: cleanCell(headings[i]!), index: i, bracket: null, weak: true });
}

function scanRow(row: string[], index: number): Candidate {
  const matches: Candidate["matches"] = [];
  row.forEach((cell, i) => {
    const header = cleanCell(cell);
    if (header === "") return;
    const { key, bracket } = splitHeader(header);
    const field = ALIAS_TO_FIELD.get(key);
    if (field) matches.push({ field, header, index: i, bracket });
    else if (WEAK_ALIAS_TO_FIELD.has(key)) matches.push({ field: WEAK_ALIAS_TO_FIELD.get(key)!, header, index: i, bracket, weak: true });
  });
  noteLikeColumn(matches, row);
  // English `unit` is the unit of measure when another column already names the department.
  const unitAlias = normalizeKey("unit");
  const hasOtherDepartment = matches.some((m) => m.field === "department" && splitHeader(m.header).key !== unitAlias);
  if (hasOtherDepartment) {
    for (const m of matches) if (m.field === "department" && splitHeader(m.header).key === unitAlias) m.field = "unit";
  }
  return { index, matches };
}

/** The field a heading names (a column name or one of its aliases), or null. */
export function headingField(text: string): Field | null {
  return ALIAS_TO_FIELD.get(splitHeader(cleanCell(text)).key) ?? null;
}

export type RowLayout = { rawKeys: string[]; headerCells: string[]; fields: Field[]; indexes: number[] };

/** No unheaded cells: shared by the rows that have none (most), never written to. */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/** Every non-empty-header cell as written (trimmed), keyed by the header text; unnamed columns by their letter. */
function rawCells(line: string[], { rawKeys, headerCells }: RowLayout): Record<string, string> {
  const raw: Record<string, string> = {};
  line.forEach((cell, i) => {
    const text = cleanCell(cell);
    const key = rawKeys[i] ?? columnLetter(i);
    if (text !== "" || (headerCells[i] ?? "") !== "") raw[key] = text;
  });
  return raw;
}

/** A data row; `raw` (wanted for rejected rows only) is built when first read. */
class GridRow implements TableRow {
  readonly #line: string[];
  readonly #layout: RowLayout;
  #raw: Record<string, string> | null = null;

  constructor(
    public row: number,
    public cells: Record<Field, string>,
    public unheaded: string[],
    public extraFields: number,
    line: string[],
    layout: RowLayout,
    public sentValue?: string,
    public splitNumber?: string,
    public figureElsewhere?: { column: string; text: string },
    public figureBeside?: string,
  ) {
    this.#line = line;
    this.#layout = layout;
  }

  get raw(): Record<string, string> {
    return (this.#raw ??= rawCells(this.#line, this.#layout));
  }
}

/** The fields a header row names, weak names left out (they never decide which row is the header). */
const distinctFields = (c: Candidate) => new Set(c.matches.filter((m) => !m.weak).map((m) => m.field)).size;

const isEmptyRow = (row: string[]) => {
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c !== undefined && c !== "" && cleanCell(c) !== "") return false;
  }
  return true;
};

/** Fields whose cell a department may merge down over its rows (one department, one month, one reporter). */
const FILL_DOWN: ReadonlySet<Field> = new Set<Field>(["department", "period", "unit", "reporter", "reportedAt"]);

/**
 * The grid as Excel displays it where that is data: each range merged down several rows shows its top-left value
 * on the rows below, in the columns `allow` accepts, and only on rows that have content outside the range (a blank
 * row under a merged 报送单位, or the second line of a merged note, stays empty). Rows are copied when changed.
 */
export function fillMerges(grid: Grid, merges: readonly Merge[], allow: (column: number) => boolean): Grid {
  if (merges.length === 0) return grid;
  const out = grid.slice();
  for (const [top, left, bottom, right] of merges) {
    const value = grid[top]?.[left] ?? "";
    if (value === "") continue;
    for (let r = top + 1; r <= bottom && r < grid.length; r++) {
      const original = grid[r]!;
      if (!original.some((c, i) => (i < left || i > right) && c !== "" && cleanCell(c) !== "")) continue;
      for (let c = left; c <= right; c++) {
        if (!allow(c) || (out[r]![c] ?? "") !== "") continue;
        if (out[r] === original) out[r] = original.slice();
        while (out[r]!.length <= c) out[r]!.push("");
        out[r]![c] = value;
      }
    }
  }
  return out;
}

/** Whether one of the first HEADER_SCAN_ROWS rows names at least two known columns (a sheet holding a report table). */
export function hasHeader(grid: Grid, merges: readonly Merge[] = []): boolean {
  return fillMerges(grid.slice(0, HEADER_SCAN_ROWS), merges, () => true).some((row) => distinctFields(scanRow(row, 0)) >= 2);
}

/**
 * A header with a 累计完成值 or 完成状态 column, or one that looks like it (完成情况, 本年实际完成数: asked about when
 * read): a report's, not a list of codes and goals (指标编码, 单位, 目标值).
 */
export function hasReportHeader(grid: Grid, merges: readonly Merge[] = []): boolean {
  const likeFigure = (cell: string) => LOOKALIKE.some(([f, yes, no]) => (f === "value" || f === "status") && yes.test(cell) && !no.test(cell));
  return fillMerges(grid.slice(0, HEADER_SCAN_ROWS), merges, () => true).some((row) => {
    const c = scanRow(row, 0);
    return distinctFields(c) >= 2 && (c.matches.some((m) => m.field === "value" || m.field === "status") || row.some((cell) => likeFigure(cleanCell(cell))));
  });
}

/**
 * What the header row of a table says: where it is, which column holds which field, and what a data row below it
 * needs to be read (see rowReader). Found by readHeader.
 */
export type TableHeader = {
  /** 0-based index of the header row in the grid. */
  index: number;
  headerRow: number;
  columns: MappedColumn[];
  ignoredColumns: string[];
  valueHeaderUnit: string | null;
  /** 「累计完成值（万家）」: the scale and unit appended to a bare number below (1.5 → 1.5万家). */
  valueSuffix: string | null;
  /** 「金额单位：万元」 above the header: the unit of a money target's figure written without one. */
  moneyUnit: FormField | null;
  /** Number of cells of the header row: a CSV row with more is misaligned. */
  width: number;
  /** The header row's cells, cleaned. */
  headerCells: string[];
  /** Columns within the header's width without a header text. */
  unnamed: number[];
  layout: RowLayout;
  /** The header row itself (after merged header names are filled in). */
  line: string[];
  /** Fields stated above the header (see FormField). */
  formFields: FormField[];
  /** Fields stated above the header that have a column too (see Table.statedAbove). */
  statedAbove: FormField[];
  /** The one year a title above the header names (「2017年智能经济指标完成情况」), for 统计期 cells of a month alone (12月). */
  yearAbove: FormField | null;
  valueMonth: ValueMonth | null;
  /**
   * The 累计完成值 column and the one right after it, when that one holds text a number may spill into unseen (进展情况,
   * 填报人, or an unread 备注/说明 column): a row with 1–3 digits, then exactly 3 digits (and decimals), there is a number
   * whose thousands comma split it (see TableRow.splitNumber). Null otherwise.
   */
  splitNumberAfter: [value: number, next: number] | null;
  /**
   * Columns not read whose heading may hold a figure of the month (FIGURE_HEADING: 备注, 说明, 本月新增, 完成数 …; not a
   * reference, a target, a rate or a date): a figure there beside an empty 累计完成值 was typed in the wrong column.
   */
  figureColumns: number[];
  /**
   * The template's 上次累计完成值（参考） column and its 上次报送统计期（参考） column (null when absent): the template fills
   * the figure only with its period, so a figure there without a period, beside an empty 累计完成值, was typed in the
   * wrong column (this month's figure). Null unless the header has both columns.
   */
  lastFigure: { value: number; period: number } | null;
};

/** The template's reference columns of the last figure loaded (src/template.ts writes them; the reader looks at them, see TableHeader.lastFigure). */
export const LAST_PERIOD_HEADING = "上次报送统计期（参考）";
export const LAST_VALUE_HEADING = "上次累计完成值（参考）";
const bracketsFolded = (h: string) => h.replace(/\(/g, "（").replace(/\)/g, "）");

/** Headings of unread columns a month's figure may be typed under by mistake, and those it never is (NOT_FIGURE_HEADING). */
// (also the names a cumulative figure goes by: 截至目前, 累计, 本年度, 1-10月, 合计 …)
const FIGURE_HEADING = /备注|说明|完成|本月|本期|当月|新增|实绩|实际|数值|情况|数量|金额|累计|截至|截止|目前|至今|本年|今年|年度|年初|合计|总计|总数|数据|\d\s*月/;
const NOT_FIGURE_HEADING = /进度|参考|上次|上月|上期|去年|上年|同期|目标|计划|任务|序号|编号|代码|率|比例|比重|同比|环比|增幅|增速|电话|手机|年份|月份|日期|时间|期限|时限|名称|内容|单位|部门|责任|联系|来源|口径/;

/**
 * Finds the header among the first HEADER_SCAN_ROWS rows (the row naming the most known columns; the first such
 * row on a tie) and maps its columns. `merges` (.xlsx): header names merged down (a two-row header) count on each
 * header row.
 */
export function readHeader(sheet: Grid, merges: readonly Merge[] = []): { header: TableHeader } | { error: FileError } {
  const headerZone = fillMerges(sheet.slice(0, HEADER_SCAN_ROWS), merges, () => true);
  const candidates = headerZone.map(scanRow);
  let best: Candidate | null = null;
  for (const c of candidates) if (best === null || distinctFields(c) > distinctFields(best)) best = c;
  // a header drawn on two rows, when that names more columns than any one row (one row when as many)
  for (let k = 0; best !== null && k + 1 < headerZone.length; k++) {
    const pair = twoRowCandidate(headerZone[k]!, headerZone[k + 1]!, k + 1);
    // (as many, from the upper row, when the lower one heads the figure: 累计完成值 over 本月 | 累计 is read at 累计,
    // over 本月 | 上月 at 本月)
    const valueAt = (c: Candidate) => c.matches.find((m) => m.field === "value")?.header;
    if (pair !== null && (distinctFields(pair) > distinctFields(best) ||
      (distinctFields(pair) === distinctFields(best) && best.index === k && valueAt(pair) !== undefined && valueAt(best) !== undefined && valueAt(pair) !== valueAt(best)))) best = pair;
  }
  const required = COLUMNS.filter((c) => REQUIRED_FIELDS.includes(c.field)).map((c) => c.name);
  if (best === null || distinctFields(best) < 2) {
    // (a header further down, under a long block of instructions: said where, so that the rows above it can go)
    const later = sheet.slice(HEADER_SCAN_ROWS, 10 * HEADER_SCAN_ROWS).map((row, i) => scanRow(row, HEADER_SCAN_ROWS + i)).find((c) => distinctFields(c) >= 3);
    return {
      error: fileError(
        "E_HEADER",
        later !== undefined
          ? `前 ${HEADER_SCAN_ROWS} 行中没有找到表头；第 ${later.index + 1} 行像表头：表头须在前 ${HEADER_SCAN_ROWS} 行之内，请删去表头上方的说明等行后再报送`
          : `前 ${HEADER_SCAN_ROWS} 行中没有找到表头；表头应包含 ${required.join("、")}，以及 累计完成值 或 完成状态${separatorHint(headerZone)}`,
      ),
    };
  }
  const headerRow = best.index + 1;
  // a column named by a weak name beside another of the same column: the other one is it, this one ignored (the
  // first of several weak ones when none other)
  const weakLeft = new Set(best.matches.filter((m) => m.weak && best!.matches.some((o) => o !== m && o.field === m.field && (!o.weak || o.index < m.index))));
  if (weakLeft.size > 0) best = { ...best, matches: best.matches.filter((m) => !weakLeft.has(m)) };
  const byField = new Map<Field, Candidate["matches"]>();
  for (const m of best.matches) byField.set(m.field, [...(byField.get(m.field) ?? []), m]);

  // 「累计完成值（截至上月）」 beside 「累计完成值（截至本月）」: last month's column is there for reference
  const values = byField.get("value");
  let matches = best.matches;
  if (values && values.length > 1) {
    let current = values.filter((m) => !EARLIER_FIGURE.test(m.header));
    // 「1-9月累计完成值」 beside 「1-10月累计完成值」, 「截至9月底」 beside 「截至10月底」: the latest month's column
    // (the others, last months' figures kept for reference, are not read)
    // (only between headings of one year, or none naming a year: 2016年1-12月 beside 2017年1-10月 stays an error)
    const months = current.map((m) => headingMonth(m.header));
    if (current.length > 1 && months.every((n) => n !== null) && new Set(months.map((n) => n!.year)).size === 1) {
      const latest = Math.max(...months.map((n) => n!.month));
      if (months.filter((n) => n!.month === latest).length === 1) current = [current[months.findIndex((n) => n!.month === latest)]!];
    }
    if (current.length === 1) {
      byField.set("value", current);
      matches = matches.filter((m) => m.field !== "value" || m === current[0]);
    }
  }
  const duplicated = [...byField.entries()].filter(([, ms]) => ms.length > 1);
  if (duplicated.length > 0) {
    const detail = duplicated
      .map(([field, ms]) => `「${COLUMN_NAME[field]}」出现 ${ms.length} 次（${ms.map((m) => `${columnLetter(m.index)} 列「${m.header}」`).join("、")}）` +
        // a bare 「单位」 beside a 计量单位 and no 报送单位 column: most likely the reporting unit
        (field === "unit" && !byField.has("department") && ms.some((m) => normalizeKey(m.header) === "单位") ? `；「单位」列如填的是报送单位，请把列名改为「${COLUMN_NAME.department}」` : ""))
      .join("；");
    return { error: fileError("E_HEADER", `第 ${headerRow} 行表头重复：${detail}`) };
  }
  // 累计完成值 split on the row below into months (9月 | 10月 | 11月), under it and the unheaded columns after it: one
  // row holds several months' figures, which no one column can be read for
  const split = byField.get("value")?.[0];
  const below = split === undefined || best.line !== undefined ? undefined : headerZone[best.index + 1];
  if (split !== undefined && below !== undefined) {
    const line = headerZone[best.index]!;
    const months: string[] = [];
    const subs: string[] = [];
    for (let c = split.index; c < Math.max(line.length, below.length) && (c === split.index || cleanCell(line[c] ?? "") === ""); c++) {
      const sub = cleanCell(below[c] ?? "");
      if (/^(?:\d{4}\s*年\s*)?\d{1,2}\s*月份?$/.test(sub)) months.push(sub);
      if (sub !== "") subs.push(sub);
    }
    if (months.length > 1) {
      return { error: fileError("E_HEADER", `第 ${headerRow} 行的「${split.header}」在第 ${headerRow + 1} 行下分成了 ${months.join("、")} 几列：` +
        `一行只能报一个统计期的累计数，无法确定读哪一列；请每个月各报一行（月份写在「${COLUMN_NAME.period}」列），或只保留本月的「${COLUMN_NAME.value}」一列`) };
    }
    // … or into several quantities (项目数（个） | 投资额（万元）), headings, not figures, on a row with nothing else
    const otherCells = below.some((cell, c) => cleanCell(cell ?? "") !== "" && (c < split.index || c >= split.index + subs.length));
    if (subs.length > 1 && months.length === 0 && !otherCells && !subs.some(holdsFigure)) {
      return { error: fileError("E_HEADER", `第 ${headerRow} 行的「${split.header}」在第 ${headerRow + 1} 行下分成了${subs.map((t) => `「${t}」`).join("")}几列：` +
        `一行只能报一个累计完成值，无法确定读哪一列；请只保留本行指标的累计数一列，列名为「${COLUMN_NAME.value}」（其余的数可写在「${COLUMN_NAME.note}」中），每个指标各报一行`) };
    }
  }
  // 报送单位, 统计期 … stated once above the header (「填报单位：周巷镇」) stand for a column
  // (the rows above the header: a two-row header, which has its own line, starts one row higher)
  const above = formFieldsAbove(headerZone.slice(0, best.line ? best.index - 1 : best.index), (f) => byField.has(f));
  if ("error" in above) return above;
  const formFields = above.fields;
  const moneyUnit = above.moneyUnit;
  const stated = (f: Field) => byField.has(f) || formFields.some((g) => g.field === f);
  const missing = REQUIRED_FIELDS.filter((f) => !stated(f)).map((f) => COLUMN_NAME[f]);
  if (!byField.has("value") && !byField.has("status")) missing.push(`${COLUMN_NAME.value} 或 ${COLUMN_NAME.status}`);
  const headerLine = best.line ?? headerZone[best.index]!;
  // (a 报送单位 or 统计期 stated above the header is there: a 责任部门 or 月份 column beside it is none of the report's)
  const lookalikes = lookalikeColumns(headerLine, new Set(matches.map((m) => m.index)), (f) => (f === "department" || f === "period" ? stated(f) : byField.has(f)));
  if (missing.length > 0) {
    // 「时间：2017年10月」 above the header: a month under a label the reader does not take for 统计期 (时间 may be anything)
    const periodLabel = missing.includes(COLUMN_NAME.period) ? unreadPeriodLabel(headerZone.slice(0, best.line ? best.index - 1 : best.index)) : null;
    const aboveHint = periodLabel !== null
      ? `（表头上方的「${periodLabel.text}」未能识别为统计期：全表只有一个统计期时，请把“${periodLabel.label}”改为“统计期”，如“统计期：2017年10月”）`
      : missing.includes(COLUMN_NAME.department) || missing.includes(COLUMN_NAME.period)
      ? "（全表只有一个报送单位或统计期时，也可写在表头上方，如“填报单位：市经信局”“统计期：2017年10月”）"
      : "";
    const codes = missing.includes(COLUMN_NAME.targetCode) ? codeColumns(headerLine, new Set(matches.map((m) => m.index)), sheet.slice(best.index + 1, best.index + 1 + NUMERIC_SAMPLE_ROWS)) : "";
    // 「单位」 read as the unit of measure, its cells the departments' names (市经信局): the column meant is 报送单位
    const unitColumn = missing.includes(COLUMN_NAME.department) ? matches.find((m) => m.field === "unit" && normalizeKey(m.header) === "单位") : undefined;
    const unitCells = unitColumn === undefined ? [] : sheet.slice(best.index + 1, best.index + 1 + NUMERIC_SAMPLE_ROWS).map((l) => cleanCell(l[unitColumn.index] ?? "")).filter((c) => c !== "");
    const unitHint = unitCells.length > 0 && unitCells.every((c) => DEPARTMENT_LIKE.test(c))
      ? `；${columnLetter(unitColumn!.index)} 列「单位」填的是报送单位（如「${unitCells[0]}」），却被读作计量单位：请把列名改为「${COLUMN_NAME.department}」` : "";
    return { error: fileError("E_HEADER", `第 ${headerRow} 行表头缺少列：${missing.join("、")}${unitHint === "" ? aboveHint : ""}${unitHint}${lookalikes === "" ? "" : `；${lookalikes}`}${codes === "" ? "" : `；${codes}`}`) };
  }
  // a figure or status under a heading the reader does not know would be dropped unseen (the row then looks unfilled)
  if (lookalikes !== "") return { error: fileError("E_HEADER", `第 ${headerRow} 行的 ${lookalikes}`) };
  // a corrected figure beside 累计完成值 (「更正后累计完成值」, 「修正值」, 「核实数」): which one is the report cannot be told,
  // and reading 累计完成值 would load the figure the department corrected
  if (byField.has("value")) {
    const corrected = columnsHolding(headerLine, new Set(matches.map((m) => m.index)), sheet.slice(best.index + 1, best.index + 1 + NUMERIC_SAMPLE_ROWS),
      holdsFigure,
      (letter, heading, example) => `${letter} 列「${heading}」中填的是数值（如「${example}」）`,
      (heading) => !CORRECTED_FIGURE.test(heading.normalize("NFKC").replace(/\s+/g, "")));
    if (corrected !== "") {
      return { error: fileError("E_HEADER", `第 ${headerRow} 行的 ${corrected}，与「${COLUMN_NAME.value}」列并存：无法确定以哪一列为准。` +
        `请把更正后的数填入「${COLUMN_NAME.value}」列并删去另一列（重新报送即为更正，原来的数保留在历史中）`) };
    }
  }
  // no 累计完成值 column, and one the reader does not know holds figures (「完成情况」 320家 beside a 完成状态 column,
  // 「截至目前」, 「实绩」): they too would be dropped unseen, the rows loaded with their status alone
  if (!byField.has("value")) {
    const numeric = numericColumns(headerLine, new Set(matches.map((m) => m.index)), sheet.slice(best.index + 1, best.index + 1 + NUMERIC_SAMPLE_ROWS));
    if (numeric !== "") {
      return {
        error: fileError("E_HEADER", `第 ${headerRow} 行表头中没有「${COLUMN_NAME.value}」列，而 ${numeric}：这些数不会被读取；` +
          `如是截至统计期末的累计数，请把列名改为「${COLUMN_NAME.value}」，不需要报送的列请删除`),
      };
    }
  }

  // no 完成状态 column, and one the reader does not know holds statuses (「进展」「完成标志」 已完成): dropped unseen, a
  // milestone's row would read as unfilled
  if (!byField.has("status")) {
    const statuses = statusColumns(headerLine, new Set(matches.map((m) => m.index)), sheet.slice(best.index + 1, best.index + 1 + NUMERIC_SAMPLE_ROWS));
    if (statuses !== "") {
      return {
        error: fileError("E_HEADER", `第 ${headerRow} 行表头中没有「${COLUMN_NAME.status}」列，而 ${statuses}：这些状态不会被读取；` +
          `请把列名改为「${COLUMN_NAME.status}」`),
      };
    }
  }

  const columns: MappedColumn[] = matches.map((m) => ({ field: m.field, header: m.header, index: m.index, letter: columnLetter(m.index) }));
  const valueMatch = byField.get("value")?.[0];
  // 累计完成值 over two columns (a merged heading, or the second left blank): the figures in the first, 万元 or 家 in
  // the second. With no 单位 column, a blank-headed column right of the figures holding units alone is the 单位 column:
  // else 50 | 万元 would be read as 50 in the target's unit (亿元), the unit beside it unseen
  // (or a blank-headed column further right, past the table's last heading: the one such column, when only one is)
  if (valueMatch && !byField.has("unit")) {
    const sample = sheet.slice(best.index + 1, best.index + 1 + NUMERIC_SAMPLE_ROWS);
    const width = Math.max(headerLine.length, ...sample.map((r) => r.length));
    const unitsOnly = (at: number) => {
      const below = sample.map((r) => cleanCell(r[at] ?? "")).filter((c) => c !== "");
      return below.length > 0 && below.every((c) => KNOWN_UNITS.has(c.normalize("NFKC")) || scaledUnit(c) !== null);
    };
    const blank = Array.from({ length: width }, (_, i) => i).filter((i) => cleanCell(headerLine[i] ?? "") === "" && unitsOnly(i));
    const at = blank.includes(valueMatch.index + 1) ? valueMatch.index + 1 : blank.length === 1 ? blank[0]! : null;
    if (at !== null) columns.push({ field: "unit", header: "", index: at, letter: columnLetter(at) });
  }
  const named = valueMatch ? headingMonth(valueMatch.header) : null;
  const valueMonth: ValueMonth | null = valueMatch && named ? { header: valueMatch.header.replace(/\s+/g, ""), letter: columnLetter(valueMatch.index), row: headerRow, ...named } : null;
  const bracket = valueMatch?.bracket?.normalize("NFKC") ?? null;
  const valueHeaderUnit = bracket !== null && KNOWN_UNITS.has(bracket) ? bracket : null;
  // 「累计完成值（万家）」: a scale and a unit, as a cell may carry them (1.5万家); a bare number below reads with it
  // (the same scaled units as a 单位 cell: not a percentage)
  const valueSuffix = bracket !== null && valueHeaderUnit === null && scaledUnit(bracket) !== null ? bracket : null;
  if (valueMatch && bracket && valueHeaderUnit === null && valueSuffix === null && UNITISH.test(bracket)) {
    // 「累计完成值（万）」: a unit the reader does not know must not be dropped (3000 would be read in the target's unit)
    return {
      error: fileError(
        "E_HEADER",
        `第 ${headerRow} 行 ${columnLetter(valueMatch.index)} 列表头「${valueMatch.header.replace(/\s+/g, "")}」中的单位“${bracket}”无法识别；` +
          `请写成如「${COLUMN_NAME.value}（万元）」，或去掉表头中的单位、在「${COLUMN_NAME.unit}」列逐行填写` +
          `${bracketParts(bracket).filter((p) => UNITISH.test(p)).length > 1 ? "（括号中写了几种单位时无法确定按哪一种读取）" : ""}`,
      ),
    };
  }
  const line = best.line ?? headerZone[best.index]!;
  const headerCells = line.map(cleanCell);
  const mappedIndexes = new Set(columns.map((c) => c.index));
  // (the template's own reference columns, 「指标（参考）」…, are ignored by design: not listed)
  const ignoredColumns = headerCells.filter((h, i) => h !== "" && !mappedIndexes.has(i) && !/[（(]参考[）)]$/.test(h));
  const rawKeys = headerCells.map((h, i) => {
    if (h === "") return columnLetter(i);
    return headerCells.indexOf(h) === i ? h : `${h}（${columnLetter(i)}）`;
  });
  const layout: RowLayout = { rawKeys, headerCells, fields: columns.map((c) => c.field), indexes: columns.map((c) => c.index) };
  // columns within the header's width that have no header: a non-empty cell there is reported (unheaded)
  const unnamed = headerCells.flatMap((h, i) => (h === "" && !mappedIndexes.has(i) ? [i] : []));
  const valueColumn = columns.find((c) => c.field === "value")?.index;
  const nextField = valueColumn === undefined ? undefined : columns.find((c) => c.index === valueColumn + 1)?.field;
  const splitNumberAfter: TableHeader["splitNumberAfter"] = valueColumn !== undefined && valueColumn + 1 < line.length &&
    (nextField === "note" || nextField === "reporter" || (nextField === undefined && /备注|说明|情况/.test(headerCells[valueColumn + 1] ?? "")))
    ? [valueColumn, valueColumn + 1]
    : null;
  const figureColumns = valueColumn === undefined ? [] : headerCells.flatMap((h, i) => (h !== "" && !mappedIndexes.has(i) && FIGURE_HEADING.test(h) && !NOT_FIGURE_HEADING.test(h) ? [i] : []));
  const folded = headerCells.map(bracketsFolded);
  const lastValue = folded.indexOf(LAST_VALUE_HEADING);
  const lastPeriod = folded.indexOf(LAST_PERIOD_HEADING);
  const lastFigure = valueColumn === undefined || lastValue < 0 || lastPeriod < 0 || mappedIndexes.has(lastValue) ? null : { value: lastValue, period: lastPeriod };
  return {
    header: { index: best.index, headerRow, columns, ignoredColumns, valueHeaderUnit, valueSuffix, moneyUnit, width: line.length, headerCells, unnamed, layout, line, formFields, statedAbove: above.stated, yearAbove: above.year, valueMonth, splitNumberAfter, figureColumns, lastFigure },
  };
}

/**
 * Headings that may hold the cumulative figure, a milestone's status, the reporting department or the period without
 * being a name the reader knows (责任单位, 报送月份 …: asked about, never taken for it).
 */
const LOOKALIKE: [Field, RegExp, RegExp][] = [
  ["value", /累计|完成(?:值|数|量|额)|实际完成/, /率|比例|比重|%|目标|计划|任务|进展|说明|情况说明|备注/],
  ["status", /状态|是否完成|^完成情况$|^完成与否$|进度$/, /率|%|说明|备注|计划/],
  ["department", /(?:单位|部门)(?:名称)?$|^(?:责任|牵头|主办|承办|实施)(?:单位|部门)/, /计量|金额|配合|协办|协同|指标|项目/],
  ["period", /^(?:报送|统计|报表|数据|所属|报告)?(?:月份|年月|时间|期间|时期|时段|月度|期)$|^(?:截至|截止)(?:时间|日期|月份|月)$/, /填报|时限/],
];

/**
 * 「E 列「本年度实际完成数」未能识别（是否为「累计完成值」？）…」: for the value and the status, when the header has no column for one, the unknown
 * headings that look like it (LOOKALIKE); "" when none. Such a column is not ignored silently: its rows would read as
 * unfilled, their figures lost.
 */
function lookalikeColumns(line: readonly string[], mapped: ReadonlySet<number>, hasColumn: (f: Field) => boolean): string {
  const found: string[] = [];
  const what = new Set<string>();
  const months: string[] = [];
  line.forEach((cell, i) => {
    const h = cleanCell(cell ?? "").normalize("NFKC").replace(/\s+/g, "");
    if (h === "" || mapped.has(i)) return;
    // 「2018年8月」「2018年9月」「10月」…: a table with one column of figures per month
    if (!hasColumn("value") && MONTH_HEADING.test(h)) {
      months.push(`${columnLetter(i)} 列「${h}」`);
      return;
    }
    for (const [field, like, unlike] of LOOKALIKE) {
      if (hasColumn(field) || !like.test(h) || unlike.test(h)) continue;
      found.push(`${columnLetter(i)} 列「${h}」未能识别（是否为「${COLUMN_NAME[field]}」？）`);
      what.add(({ value: "数值", status: "状态", department: "报送单位", period: "统计期" } as Partial<Record<Field, string>>)[field]!);
      break;
    }
  });
  const monthText = months.length === 0 ? "" : months.length === 1
    ? `${months[0]}是某一个月的数值，不会被读取：请改为一列「${COLUMN_NAME.value}」，填截至统计期月底的累计数`
    : `${months.join("、")}是按月份分列的数值，不会被读取：请改为一列「${COLUMN_NAME.value}」，每个统计期填一行（统计期填在「${COLUMN_NAME.period}」列，或只报一个月时写在表头上方）`;
  if (found.length === 0) return monthText;
  return [monthText, `${found.join("、")}：这样的列不会被读取，其中填写的${[...what].join("或")}会被遗漏；请把表头改为可识别的列名（见报送指南），不需要报送的列请删除`].filter((x) => x !== "").join("；");
}

/** Rows below the header numericColumns looks at. */
const NUMERIC_SAMPLE_ROWS = 50;

/** Headings of columns that hold numbers other than the figure reported: a row number, a goal, last year's, a phone … */
const OTHER_NUMBERS = /序号|编号|行号|^no\.?$|^#$|目标|计划|任务|基数|基期|上年|去年|同期|上月|上期|上次|参考|率|比例|比重|%|名称|内容|说明|备注|排名|权重|分值|得分|电话|手机|联系|邮编|代码|身份证|时限|时间|期限|季度|年份|年度|月份|节点|日期|^(?:年|月)$/i;

/**
 * Words of a heading over what is done (任务完成数, 目标完成情况, 完成率, 进度（%）, 本年度, Progress %): its numbers are
 * the figure, or a share of it, whatever else the heading says (OTHER_NUMBERS), unless it names a plan, an earlier
 * period, a date or a reference (NEVER_FIGURE).
 */
const DONE_WORDS = /完成|实际|实绩|进度|进展|本年度?|累计|progress|actual|done/i;
const NEVER_FIGURE = /序号|编号|行号|^no\.?$|^#$|计划|预计|预期|预测|基数|基期|上年|去年|同期|上月|上期|上次|参考|名称|内容|说明|备注|排名|权重|分值|得分|电话|手机|联系|邮编|代码|身份证|时限|时间|期限|节点|日期|目标值|目标数/i;

/** A cell that reads as a number but is a year or a month (2017, 2017.12, 2017-12, 2017年12月): no figure. */
const YEAR_LIKE = /^(?:19|20)\d{2}(?:\s*[.\-/年]\s*\d{1,2}\s*月?)?$/;

/**
 * 「F 列「完成情况」中填的是数值（如「320家」）」: the unknown columns whose cells below the header are mostly numbers
 * (one at least), when the header has no 累计完成值 column; "" when none. Headings of other numbers (OTHER_NUMBERS) are
 * passed over.
 */
/** A heading of a corrected or verified figure: 更正后累计完成值, 修正值, 核实数, 调整后完成值 (not 调整原因, 更正说明). */
const CORRECTED_FIGURE = /(?:更正|修正|订正|调整|核实|核定|修订|复核|变更)(?:后|后的)?(?:累计)?(?:完成)?(?:值|数|数值|额|量)|^(?:累计)?(?:完成)?(?:值|数|数值)?[（(]?(?:更正|修正|核实|调整)后?[）)]?$/;

/** A cell that reads as a figure (450, 1,234, 450家), not a year (2017, 2017年10月). */
function holdsFigure(cell: string): boolean {
  if (YEAR_LIKE.test(cell)) return false;
  const p = parseValue(cell);
  return p.ok && p.value !== null;
}

function numericColumns(line: readonly string[], mapped: ReadonlySet<number>, rows: Grid): string {
  const found: string[] = [];
  line.forEach((cell, i) => {
    const h = cleanCell(cell ?? "").normalize("NFKC").replace(/\s+/g, "");
    // (a goal, a task's size or the schedule: 本年度目标, 年度任务, 序时进度, unless it says what is done: 目标完成情况)
    if (h === "" || mapped.has(i) || NEVER_FIGURE.test(h) || (OTHER_NUMBERS.test(h) && !DONE_WORDS.test(h)) || (/目标|任务|序时/.test(h) && !/完成|实际|实绩/.test(h))) return;
    const cells = rows.map((r) => cleanCell(r[i] ?? "")).filter((c) => c !== "");
    const numbers = cells.filter(holdsFigure);
    if (numbers.length > 0 && numbers.length * 2 >= cells.length) found.push(`${columnLetter(i)} 列「${h}」中填的是数值（如「${numbers[0]}」）`);
  });
  return found.join("、");
}

/**
 * Columns under a heading the reader does not know (not `mapped`, not `skip`) whose non-empty cells below are at least
 * half of them `holds`: each said by `say(letter, heading, first such cell)`, joined with 、.
 */
function columnsHolding(line: readonly string[], mapped: ReadonlySet<number>, rows: Grid, holds: (cell: string) => boolean,
  say: (letter: string, heading: string, example: string) => string, skip: (heading: string) => boolean = () => false): string {
  const found: string[] = [];
  line.forEach((cell, i) => {
    const h = cleanCell(cell ?? "");
    if (h === "" || mapped.has(i) || skip(h)) return;
    const cells = rows.map((r) => cleanCell(r[i] ?? "")).filter((c) => c !== "");
    const held = cells.filter(holds);
    if (held.length > 0 && held.length * 2 >= cells.length) found.push(say(columnLetter(i), h, held[0]!));
  });
  return found.join("、");
}

/** Columns under another heading whose cells are mostly statuses (已完成, 推进中): 「F 列「进展」中填的是完成状态（如「已完成」）」. */
const statusColumns = (line: readonly string[], mapped: ReadonlySet<number>, rows: Grid): string =>
  columnsHolding(line, mapped, rows, (c) => {
    const p = parseStatus(c);
    return p.ok && p.value !== null;
  }, (letter, h, example) => `${letter} 列「${h}」中填的是完成状态（如「${example}」）`,
  // (the template's 上次完成状态（参考）: the last status loaded, by design not read)
  (h) => /[（(]参考[）)]$/.test(h));

/** A target code as policies number them: CX75-06-01, ZN-01, A-3-2. */
const CODE_LIKE = /^[A-Za-z]{1,8}\d{0,4}[-_－—.]\d{1,3}(?:[-_－—.]\d{1,3})*$/;

/** Columns under another heading (编号, 序号) whose cells are mostly target codes: 「B 列「编号」中填的像是指标编码（如「CX75-06-01」）…」. */
const codeColumns = (line: readonly string[], mapped: ReadonlySet<number>, rows: Grid): string =>
  columnsHolding(line, mapped, rows, (c) => CODE_LIKE.test(c),
    (letter, h, example) => `${letter} 列「${h}」中填的像是指标编码（如「${example}」），请把列名改为「${COLUMN_NAME.targetCode}」`);

/** A heading that names one month (2018年10月, 10月份, 10月完成值, 2018-10): a column of that month's figures (「1-10月累计」 is the cumulative figure: LOOKALIKE asks). */
const MONTH_HEADING = /^(?:\d{2,4}年)?(?:1[0-2]|0?[1-9])月份?(?:完成|完成值|完成数)?$|^\d{4}[-./](?:1[0-2]|0?[1-9])$/;

/**
 * The month a value heading runs to (「1-10月累计完成值」, 「截至10月底累计」, 「累计完成值（1至10月）」 → 10) and the year
 * it names (「2017年1-10月」; null when none), or null: no month, or a forecast, a goal or a plan (全年预计1-12月).
 */
function headingMonth(header: string): { year: number | null; month: number } | null {
  const h = header.normalize("NFKC");
  if (/预计|预测|预估|目标|计划|全年/.test(h)) return null;
  const months = [...h.matchAll(/(\d{1,2})\s*月/g)].map((m) => Number(m[1]));
  const years = [...h.matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1]));
  const month = months[months.length - 1];
  return month !== undefined && month >= 1 && month <= 12 ? { year: years[years.length - 1] ?? null, month } : null;
}

/** A value heading that names an earlier period's figure (上月, 上年同期): beside the current one, it is not read. */
const EARLIER_FIGURE = /上月|上期|上年|去年|同期|上季/;

/** Fields a form may state once above its table; a code, a figure, a status or a note is never one for every row. */
const FORM_FIELDS: ReadonlySet<Field> = new Set<Field>(["department", "period", "unit", "reporter", "reportedAt"]);

/** 「（单位：万元）」 inside a title: a label and its value in brackets. */
const BRACKETED_LABEL = /[（(]\s*([^（）()：:]{1,8}?)\s*[:：]\s*([^（）()]*?)\s*[）)]/g;

/**
 * The 「标签：内容」 parts of a cell above the header: 「填报单位（盖章）：周巷镇　填报日期：2017年11月5日」 gives two.
 * A label is the shortest run of words before a colon that names a field (「填 报 单 位」 spaced out is joined), else
 * the word before it; its value runs to the next label. `rest`: the text outside any part (a title).
 */
function labelledParts(text: string): { parts: { label: string; value: string }[]; rest: string } {
  const parts: { label: string; value: string }[] = [];
  const rest = text.replace(BRACKETED_LABEL, (_, label: string, value: string) => {
    parts.push({ label, value });
    return " ";
  });
  const pieces = rest.split(/[:：]/);
  if (pieces.length < 2) return { parts, rest };
  const labelAtEnd = (piece: string, last: boolean): [before: string, label: string] => {
    const words = piece.trim().split(/\s+/);
    if (last) return [words.join(" "), ""];
    for (let j = words.length - 1; j >= 0; j--) {
      if (headerField(words.slice(j).join("")) !== null) return [words.slice(0, j).join(" "), words.slice(j).join("")];
    }
    return words.length > 1 ? [words.slice(0, -1).join(" "), words[words.length - 1]!] : ["", words[0]!];
  };
  let [title, label] = labelAtEnd(pieces[0]!, false);
  for (let i = 1; i < pieces.length; i++) {
    const [value, next] = labelAtEnd(pieces[i]!, i === pieces.length - 1);
    parts.push({ label, value });
    label = next;
  }
  return { parts, rest: title };
}

/** A department's name by its ending: 市经信局, 周巷镇, 浒山街道, 市委组织部, 市供电公司, 慈溪高新区管委会. */
export const DEPARTMENT_LIKE = /(?:局|办|委|镇|乡|街道|中心|部|院|所|公司|政府|单位|协会|集团|园区|开发区|管委会)$/;

/** 「2017年10月」「2017年十月」「2017年1-10月」「2017年第四季度」 in a title: a period, not a date (2017年11月5日). */
const TITLE_PERIOD = /\d{4}\s*年\s*(?:\d{1,2}\s*月?\s*[-~～至到—－]\s*)?(?:\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?(?!\s*\d{0,2}\s*[日号])|\d{4}\s*年\s*第?\s*[一二三四1-4]\s*季度?/g;

/** 「2017年」「2017年度」 in a title, not a span of years (2021—2023年, 2017年至2019年). */
const TITLE_YEAR = /(?<!\d\s*[年月]?\s*[-—–~～至到－]\s*)(?<!\d)(\d{4})\s*年(?!\s*[-—–~～至到－]\s*\d{4})/g;

/** 「12月」「12月份」「截至12月底」 in a title, not a span (1-12月, 1至12月) nor a day (12月5日). */
const TITLE_MONTH = /(?<!\d\s*[年月]?\s*[-—–~～至到－]\s*)(?<![\d年])(\d{1,2})\s*月份?(?!\s*\d{0,2}\s*[日号])/g;

/** A label above the header that states the year: 「年度：2017」. */
const YEAR_LABEL = /^(?:统计|报送|填报)?年[度份]?$/;

/** A 统计期 cell of a month alone: 12月, 12月份, 十二月. */
const MONTH_ALONE = /^(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?$/;

/** 「12月」 under a title naming 2017 (TableHeader.yearAbove): 2017年12月 (parsePeriod reads 十月 too); any other text as it is. */
function withYearAbove(period: string, year: FormField | null): string {
  const m = year === null ? null : MONTH_ALONE.exec(period.normalize("NFKC"));
  if (!m) return period;
  // (13月 stays as written: rejected for its missing year, as before)
  return /^\d/.test(m[1]!) && (Number(m[1]) < 1 || Number(m[1]) > 12) ? period : `${year!.text}${period.normalize("NFKC").trim()}`;
}

/**
 * The fields the rows above the header state for every row (FormField), for fields the header has no column for:
 * a labelled cell 「填报单位：周巷镇」 (the value in the cell, or in the next cell of the row when the label's is
 * empty), or for the period a title naming one month 「……（2017年1-10月）」. The same field stated twice differently
 * is an error: the file says two things.
 */
function formFieldsAbove(zone: Grid, hasColumn: (f: Field) => boolean): { fields: FormField[]; moneyUnit: FormField | null; stated: FormField[]; year: FormField | null } | { error: FileError } {
  const found = new Map<Field, FormField[]>();
  // 报送单位 or 统计期 stated above a table that has the column too: each row's own is read; a row differing is flagged
  const alsoStated = new Map<Field, FormField[]>();
  // 「金额单位：万元」 (or 「单位：万元」): the unit of the amounts of money only
  const moneyUnits: FormField[] = [];
  const titlePeriods = new Map<string, FormField>();
  let monthWithoutYear = false;
  // the years and the months alone a title names (「2017年智能经济指标完成情况（截至12月底）」), and a 「年度：2017」
  const titleYears = new Map<number, FormField>();
  const noteYear = (y: number, row: number) => {
    if (y >= YEAR_RANGE.min && y <= YEAR_RANGE.max && !titleYears.has(y)) titleYears.set(y, { field: "period", column: COLUMN_NAME.period, text: `${y}年`, row });
  };
  const titleMonths = new Map<number, number>();
  zone.forEach((line, r) => {
    const cells = line.map((c) => cleanCell(c ?? ""));
    cells.forEach((cell, c) => {
      if (cell === "") return;
      const text = cell.normalize("NFKC");
      const { parts, rest } = labelledParts(text);
      for (const { label, value } of parts) {
        let field = headerField(label);
        let v = cleanCell(value);
        if (v === "") {
          // 「填报单位：」 in a cell, 「周巷镇」 in the next one
          const next = cells.slice(c + 1).find((x) => x !== "");
          if (next === undefined || /[:：]/.test(next)) continue;
          v = next;
        }
        const year = YEAR_LABEL.test(normalizeKey(label)) ? /^(\d{4})\s*年?度?$/.exec(v.normalize("NFKC")) : null;
        if (year) {
          noteYear(Number(year[1]), r + 1);
          continue;
        }
        const money = MONEY_LABEL.test(normalizeKey(label));
        // 「单位：万元、%」: a list of units, one of them for money
        // (万元/亩 is one unit, not a list: a text that is a unit as a whole is never split, and never at "/")
        const whole = v.normalize("NFKC");
        const listed = (field === "unit" || money) && unitDef(whole) === null && scaledUnit(whole) === null
          ? whole.split(/[、,，;；]/).map((u) => u.trim()).filter((u) => u !== "") : [];
        const listedMoney = listed.length > 1 && listed.every((u) => unitDef(u) !== null) ? listed.filter((u) => unitDef(u)?.category === "money") : [];
        if (listed.length > 1 && listedMoney.length <= 1 && listed.every((u) => unitDef(u) !== null)) {
          if (listedMoney.length === 1 && !moneyUnits.some((f) => f.text === listedMoney[0])) moneyUnits.push({ field: "unit", column: "金额单位", text: listedMoney[0]!, row: r + 1 });
          continue;
        }
        // (「单位：万元」 over a table with no 单位 column too: a table of 家 and 万元 targets states the amounts' unit,
        // the counts being counted in theirs)
        if (money || field === "unit") {
          // an amount's unit: for the rows of money targets whose figure has no unit written beside it
          const unit = v.normalize("NFKC");
          if (unitDef(unit)?.category === "money") {
            if (!moneyUnits.some((f) => f.text === unit)) moneyUnits.push({ field: "unit", column: normalizeKey(label), text: unit, row: r + 1 });
            continue;
          }
          if (money) continue;
        }
        // 「单位：万元」 is the unit of measure; 「单位：周巷镇」 the reporting unit
        if (field === "unit" && !KNOWN_UNITS.has(v.normalize("NFKC")) && scaledUnit(v) === null) field = normalizeKey(label) === "单位" ? "department" : null;
        if (field === null || !FORM_FIELDS.has(field)) continue;
        const into = hasColumn(field) ? (STATED_CHECKED.has(field) ? alsoStated : null) : found;
        if (into === null) continue;
        const list = into.get(field) ?? [];
        if (!list.some((f) => f.text === v)) list.push({ field, column: COLUMN_NAME[field], text: v, row: r + 1 });
        into.set(field, list);
      }
      for (const m of rest.matchAll(TITLE_PERIOD)) {
        const p = parsePeriod(m[0]);
        if (p.ok && p.value !== null && !titlePeriods.has(p.value)) titlePeriods.set(p.value, { field: "period", column: COLUMN_NAME.period, text: m[0].replace(/\s+/g, ""), row: r + 1 });
      }
      for (const m of rest.matchAll(TITLE_YEAR)) noteYear(Number(m[1]), r + 1);
      // another month named without its year (「2017年9月、10月」): no one month
      const unyeared = rest.replace(TITLE_PERIOD, "");
      if (/\d\s*月/.test(unyeared)) monthWithoutYear = true;
      for (const m of unyeared.matchAll(TITLE_MONTH)) titleMonths.set(Number(m[1]), r + 1);
    });
  });
  if (!found.has("period") && !alsoStated.has("period") && titlePeriods.size === 1 && !monthWithoutYear) {
    (hasColumn("period") ? alsoStated : found).set("period", [...titlePeriods.values()]);
  }
  // one year and, apart from it, one month (「2017年……完成情况（12月）」): that month of that year
  const year = titleYears.size === 1 ? [...titleYears.values()][0]! : null;
  if (year !== null && !found.has("period") && !alsoStated.has("period") && titlePeriods.size === 0 && titleMonths.size === 1) {
    const [month, row] = [...titleMonths][0]!;
    if (month >= 1 && month <= 12) (hasColumn("period") ? alsoStated : found).set("period", [{ field: "period", column: COLUMN_NAME.period, text: `${year.text}${month}月`, row }]);
  }
  if (moneyUnits.length > 1) {
    return { error: fileError("E_HEADER", `表头上方的金额单位前后不一致：${moneyUnits.map((f) => `第 ${f.row} 行「${f.text}」`).join("、")}；请只写一种，或在「${COLUMN_NAME.unit}」列逐行填写`) };
  }
  const fields: FormField[] = [];
  for (const [field, list] of found) {
    if (list.length > 1) {
      return {
        error: fileError("E_HEADER", `表头上方的「${COLUMN_NAME[field]}」前后不一致：${list.map((f) => `第 ${f.row} 行「${f.text}」`).join("、")}；整个文件应只有一个${COLUMN_NAME[field]}，不同的请分列填写`),
      };
    }
    fields.push(list[0]!);
  }
  // (stated twice differently: nothing to hold the rows to)
  const stated = [...alsoStated.values()].filter((list) => list.length === 1).map((list) => list[0]!);
  return { fields, moneyUnit: moneyUnits[0] ?? null, stated, year };
}

/** A 「标签：内容」 cell above the header whose content is a month and whose label is none the reader knows (时间, 报送月份). */
function unreadPeriodLabel(zone: Grid): { label: string; text: string } | null {
  for (const row of zone) {
    for (const cell of row) {
      const m = cleanCell(cell).match(/^([^:：\d]{1,8})[:：]\s*(\S.*)$/);
      // (a label the reader knows, 填报日期, or a day's date: no month meant)
      if (m === null || headerField(m[1]!.trim()) !== null || /制表|填表|打印|导出|生成/.test(m[1]!) || /[日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(m[2]!)) continue;
      const p = parsePeriod(m[2]!);
      if (p.ok && p.value !== null) return { label: m[1]!.trim(), text: `${m[1]!.trim()}：${m[2]!.trim()}` };
    }
  }
  return null;
}

/** The fields that, stated above a table with a column for them, each row is held to (statedCheck in review.ts). */
const STATED_CHECKED: ReadonlySet<Field> = new Set<Field>(["department", "period"]);

/** 「金额单位」「货币单位」: a label stating the unit of the amounts of money in the table. */
const MONEY_LABEL = /^(金额|货币|资金|投资)单位$/;

/** Separators inside one cell of the header zone: a CSV's own (a line quoted whole, a CSV pasted into one column), or typed by hand. */
const HAND_SEPARATORS: [RegExp, string][] = [[/,/, "英文逗号“,”"], [/\t/, "制表符"], [/，/, "全角逗号“，”"], [/[|｜]/, "竖线“|”"], [/、/, "顿号“、”"], [/[ \u3000]+/, "空格"]];

/** 「（各列之间用的是全角逗号“，”……）」 when a row of the header zone names the columns in one cell, split by hand. */
function separatorHint(zone: Grid): string {
  for (let r = 0; r < zone.length; r++) {
    for (const cell of zone[r]!) {
      for (const [at, name] of HAND_SEPARATORS) {
        const parts = cell.split(at);
        if (parts.length > 2 && distinctFields(scanRow(parts, 0)) >= 2) {
          // (a CSV's own separators inside one cell: a line quoted whole, or a CSV pasted into column A of a workbook)
          if (name === "英文逗号“,”" || name === "制表符") {
            return `（第 ${r + 1} 行的列名都在同一个单元格中、以${name}分隔，整行被读成了一个单元格：每列应各占一个单元格。` +
              "CSV 文件中不要给整行加引号；在 Excel 中粘贴进来的，可用“数据 → 分列”按逗号拆开后再保存）";
          }
          return `（第 ${r + 1} 行的列名之间用的是${name}，整行被读成了一个单元格：每列应各占一个单元格，CSV 文件中用英文逗号“,”分隔；` +
            "可在 Excel 或 WPS 中填写后另存为“CSV（逗号分隔）”，或改用 .xlsx 报送）";
        }
      }
    }
  }
  return "";
}

/** What one grid row below the header is: nothing (empty), a non-data row (skipped, with the reason), or a data row. */
export type ReadRow = { kind: "empty" } | { kind: "skipped"; skipped: SkippedRow } | { kind: "row"; row: TableRow } | { kind: "error"; error: FileError };

/**
 * A header repeated below the first whose columns stand elsewhere (a second table with its own column order, stacked
 * under the first): what differs, as 「累计完成值」第 4 列 → 第 5 列; null when each field it names is where the
 * first header has it (a header repeated as it was: skipped).
 */
function movedColumns(line: string[], layout: RowLayout): string | null {
  // the repeated row read as a header is read (aliases, 单位 as the reporting unit, …), each of the first header's
  // columns looked for in it: where the first has it, elsewhere, or not named (nothing to hold it to)
  const found = new Map<Field, number[]>();
  for (const m of scanRow(line, 0).matches) found.set(m.field, [...(found.get(m.field) ?? []), m.index]);
  const moved: string[] = [];
  const shifts = new Set<number>();
  layout.fields.forEach((f, k) => {
    const at = layout.indexes[k]!;
    const here = found.get(f);
    if (here === undefined) return;
    if (here.includes(at)) {
      shifts.add(0);
      return;
    }
    shifts.add(here[0]! - at);
    moved.push(`「${COLUMN_NAME[f]}」原在 ${columnLetter(at)} 列，此处在 ${columnLetter(here[0]!)} 列`);
  });
  // every column one place off alike (a repeated header typed without the 序号 cell its rows have): the same table
  return shifts.size > 1 ? moved.join("；") : null;
}

/** Fields whose cell may hold a line break typed without quotes: text (进展情况, 填报人), not a key, figure or date. */
const TEXT_FIELDS: ReadonlySet<Field> = new Set<Field>(["note", "reporter"]);

/** At most so many lines are read as one line broken by unquoted line breaks (joinedLines). */
export const MAX_BROKEN_LINES = 8;

/**
 * A CSV line broken by line breaks typed in a text cell without quotes (进展情况 「已申报两家⏎其中一家已认定」, in a
 * file not saved by Excel, which quotes such a cell): the lines as the one line meant, and how many lines it took, or
 * null. `following(j)` is the j-th line after `line` (undefined past the end). The first and last lines are shorter
 * than the header and their cells together (the broken cell counted once) exactly as many as its; every line between
 * them is one non-empty cell (a whole line of the broken cell, 「另有在谈项目5个」); the cell broken is 进展情况, 填报人
 * or a column not read; and the last line's 报送单位 is not the first's (two short rows of one department, say the
 * first without figure cells, are two rows). Both readers join the same lines.
 */
export function joinedLines(
  header: TableHeader,
  line: readonly string[],
  following: (j: number) => readonly string[] | undefined,
): { cells: string[]; lines: number } | null {
  const width = header.width;
  if (line.length >= width || line.length < 2 || isEmptyRow(line as string[])) return null;
  const { fields, indexes } = header.layout;
  const broken = line.length - 1;
  const field = fields[indexes.indexOf(broken)];
  if (field !== undefined && !TEXT_FIELDS.has(field)) return null;
  const middle: string[] = [];
  for (let j = 1; j < MAX_BROKEN_LINES; j++) {
    const next = following(j);
    if (next === undefined || next.length >= width || isEmptyRow(next as string[])) return null;
    if (line.length + next.length - 1 === width) {
      const department = indexes[fields.indexOf("department")];
      if (department !== undefined && cleanCell(next[department] ?? "") !== "" && cleanCell(next[department]!) === cleanCell(line[department] ?? "")) return null;
      return { cells: [...line.slice(0, broken), [line[broken], ...middle, next[0]].join("\n"), ...next.slice(1)], lines: j + 1 };
    }
    // a line between: one cell, all of it text of the broken cell
    if (next.length !== 1) return null;
    middle.push(next[0]!);
  }
  return null;
}

/** Why a later part of a broken line (joinedLines) is not read as a row of its own. */
export function brokenLineReason(header: TableHeader, line: readonly string[], row: number, lines = 2): string {
  const broken = line.length - 1;
  const name = header.headerCells[broken] || columnLetter(broken);
  return `是第 ${row} 行的${lines === 2 ? "后半" : "后续"}部分，已与之合并读取：第 ${row} 行「${name}」单元格中的换行没有加引号，` +
    `把一行断成了${lines === 2 ? "两" : ` ${lines} `}行（用 Excel 另存的 CSV 不会这样）`;
}

const EMPTY: ReadRow = { kind: "empty" };

/**
 * Reads grid rows below a header, one at a time (`index`: 0-based grid index). Remembers per 指标编码 text whether it
 * names a column or a footer, so a reader is made once per table. `showsFigure` (.xlsx): rows whose empty
 * 累计完成值, 完成状态 or 进展情况 cell shows a merged cell's text, which are no unfilled rows.
 */
export function rowReader(header: TableHeader, showsFigure: (index: number) => boolean = () => false): (line: string[], index: number) => ReadRow {
  const { layout, unnamed, headerCells, valueSuffix, width, formFields, statedAbove, yearAbove, splitNumberAfter, figureColumns, lastFigure } = header;
  const valueIndex = layout.fields.includes("value") ? layout.indexes[layout.fields.indexOf("value")] : undefined;
  const codeHeaders = new Map<string, boolean>(); // 指标编码 cell text → names a column (a repeated header) or is 合计…
  // the columns with no heading inside the table (between the first and the last column read)
  const inside = unnamed.filter((i) => i > Math.min(...layout.indexes) && i < Math.max(...layout.indexes));
  return (line, index) => {
    if (isEmptyRow(line)) return EMPTY;
    let unheaded: string[] = NONE;
    for (const i of unnamed) {
      if (i >= line.length) break;
      const cell = line[i];
      if (cell !== undefined && cleanCell(cell) !== "") (unheaded === NONE ? (unheaded = []) : unheaded).push(`${columnLetter(i)}: ${cleanCell(cell)}`);
    }
    for (let i = headerCells.length; i < line.length; i++) {
      const cell = line[i];
      if (cell !== undefined && cleanCell(cell) !== "") (unheaded === NONE ? (unheaded = []) : unheaded).push(`${columnLetter(i)}: ${cleanCell(cell)}`);
    }
    const extraFields = Math.max(0, line.length - width);
    const cells: Record<Field, string> = { department: "", targetCode: "", period: "", value: "", unit: "", status: "", note: "", reporter: "", reportedAt: "" };
    for (const f of formFields) cells[f.field] = f.text;
    for (let c = 0; c < layout.fields.length; c++) cells[layout.fields[c]!] = cleanCell(line[layout.indexes[c]!] ?? "");
    // 报送单位 or 统计期 stated above a table with its column too (「统计期：2017年11月」): a cell left empty takes it
    for (const f of statedAbove) if (cells[f.field] === "") cells[f.field] = f.text;
    // 「12月」 under a title naming the year: that month of that year (said with the fields stated above: yearUsed)
    if (yearAbove !== null) cells.period = withYearAbove(cells.period, yearAbove);
    let sentValue: string | undefined;
    if (valueSuffix !== null && cells.value !== "") {
      const value = withValueSuffix(cells.value, valueSuffix);
      if (value !== cells.value) [sentValue, cells.value] = [cells.value, value];
    }
    // 「单位」列 written 万家: a bare number reads with it, as 1.5万家 in the cell would (the column then says 家)
    if (cells.unit !== "" && cells.value !== "") {
      const unit = scaledUnit(cells.unit);
      if (unit !== null) {
        const value = withValueSuffix(cells.value, cells.unit);
        // (a cell that repeats it, 0.04万家, already reads as so many 家)
        if (value !== cells.value || cells.value.normalize("NFKC").endsWith(cells.unit.normalize("NFKC"))) {
          sentValue ??= cells.value;
          [cells.value, cells.unit] = [value, unit];
        }
      }
    }
    let codeIsHeader = codeHeaders.get(cells.targetCode);
    if (codeIsHeader === undefined) {
      codeIsHeader = isHeaderOrFooterCode(cells.targetCode);
      codeHeaders.set(cells.targetCode, codeIsHeader);
    }
    // (a total or a signature in the 报送单位 column, 各镇合计 or 填表人：, a section heading in the 指标编码 column: maybe no report)
    const department = cells.department === "" ? "" : cells.department.replace(/\s+/g, "");
    if ((cells.targetCode === "" && unheaded === NONE) || codeIsHeader || (department !== "" && (GROUP_TOTAL.test(department) || SIGNATURE.test(department))) || SECTION.test(cells.targetCode)) {
      const reason = nonDataRow(line, cells, layout);
      const moved = reason === REPEATED_HEADER ? movedColumns(line, layout) : null;
      if (moved !== null) {
        return {
          kind: "error",
          error: fileError("E_HEADER", `第 ${index + 1} 行又有一行表头，但列的位置与第 ${header.headerRow} 行的表头不同（${moved}）：` +
            `其下各行无法按第 ${header.headerRow} 行的表头读取；请把几张表分开报送，或把各表的列排成同样的顺序`),
        };
      }
      if (reason !== null) return { kind: "skipped", skipped: { row: index + 1, reason } };
    }
    // one cell beside the table and nothing in its columns: a note written to the right of it (「注：…」 in column K)
    // (more than one such cell may be a row shifted past the header: left to the rules, which reject it)
    if (unheaded !== NONE && unheaded.length === 1 && cells.targetCode === "" && layout.fields.every((f) => cells[f] === "")) {
      return { kind: "skipped", skipped: { row: index + 1, reason: SIDE_NOTE } };
    }
    let figureElsewhere: TableRow["figureElsewhere"];
    if (cells.value === "") {
      for (const i of figureColumns) {
        const text = cleanCell(line[i] ?? "");
        // (0, 0%: what a formula column shows beside an empty 累计完成值, no figure typed there)
        const figure = text !== "" && isBareFigure(text) ? parseValue(text) : null;
        if (figure !== null && figure.ok && figure.value !== null && figure.value.value !== 0) {
          figureElsewhere = { column: headerCells[i]!, text };
          break;
        }
      }
      // a figure in a column with no heading (.xlsx: a CSV row with one is rejected for it, E_EXTRA_CELLS), 「320」 in
      // column H right of the table: typed beside the empty 累计完成值, not to be lost
      if (figureElsewhere === undefined && unheaded !== NONE) {
        for (const i of [...unnamed, ...Array.from({ length: Math.max(0, line.length - headerCells.length) }, (_, k) => headerCells.length + k)]) {
          const text = cleanCell(line[i] ?? "");
          const figure = text !== "" && isBareFigure(text) ? parseValue(text) : null;
          if (figure !== null && figure.ok && figure.value !== null && figure.value.value !== 0) {
            figureElsewhere = { column: `${columnLetter(i)}（无列名）`, text };
            break;
          }
        }
      }
      // the template's last figure with no last period: the template wrote no figure there (any figure, 0 too, was typed)
      if (figureElsewhere === undefined && lastFigure !== null && cleanCell(line[lastFigure.period] ?? "") === "") {
        const text = cleanCell(line[lastFigure.value] ?? "");
        const figure = text !== "" && isBareFigure(text) ? parseValue(text) : null;
        if (figure !== null && figure.ok && figure.value !== null) figureElsewhere = { column: headerCells[lastFigure.value]!, text };
      }
    }
    // a row of the template left as it came (报送单位, 指标编码, 统计期, 单位 filled in beforehand): nothing reported
    // (a 指标编码 of Chinese words alone, 王芳, is no code the template wrote: the rest of a line broken inside a cell
    // without quotes, say; the rules reject it)
    // (a figure typed in 单位 over the template's unit, 「388」「700家」, is a report: the rules reject it, E_VALUE_MISPLACED)
    if (cells.value === "" && cells.status === "" && cells.note === "" && cells.targetCode !== "" && unheaded === NONE && !codeIsHeader && !showsFigure(index) && figureElsewhere === undefined &&
      !isBareFigure(cells.unit) &&
      /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/.test(cells.targetCode)) {
      return { kind: "skipped", skipped: { row: index + 1, reason: UNFILLED_ROW } };
    }
    let splitNumber: string | undefined;
    // (also with one cell more than the header, whatever column follows: 「1,234,家」 in 累计完成值, 单位)
    const splitAt = splitNumberAfter ?? (extraFields === 1 && valueIndex !== undefined ? [valueIndex, valueIndex + 1] : null);
    if (splitAt !== null) {
      const [v, n] = [cleanCell(line[splitAt[0]] ?? ""), cleanCell(line[splitAt[1]] ?? "")];
      if (/^\d{1,3}$/.test(v) && /^\d{3}(?:\.\d+)?$/.test(n)) splitNumber = `${v},${n}`;
    }
    let figureBeside: string | undefined;
    for (const i of inside) {
      const cell = cleanCell(line[i] ?? "");
      if (cell !== "" && isBareFigure(cell)) {
        figureBeside = `${columnLetter(i)}: ${cell}`;
        break;
      }
    }
    return { kind: "row", row: new GridRow(index + 1, cells, unheaded, extraFields, line, layout, sentValue, splitNumber, figureElsewhere, figureBeside) };
  };
}

/** A 指标编码 text that names a column (a repeated header) or starts a total or note line (合计…): such a row may be no report. */
export const isHeaderOrFooterCode = (code: string): boolean => headerField(code) !== null || FOOTER.test(code.replace(/\s+/g, ""));

const scaledUnits = new Map<string, string | null>();

/**
 * A 单位 cell that is a scale word and a unit the reader knows, such as 万家 or 千人次 (not a unit of its own, as 万元
 * is): the unit (家, 人次). Null for anything else.
 */
export function scaledUnit(text: string): string | null {
  let unit = scaledUnits.get(text);
  if (unit === undefined) {
    const t = text.normalize("NFKC");
    const v = KNOWN_UNITS.has(t) ? null : parseValue(`1${t}`);
    const u = v?.ok && v.value !== null && v.value.scaleOnly === null && v.value.value !== 1 ? v.value.unitInCell : null;
    // (not a percentage: 万% is no unit anyone means)
    unit = u !== null && unitDef(u)?.category !== "percent" ? u : null;
    if (scaledUnits.size < 10_000) scaledUnits.set(text, unit);
  }
  return unit;
}

/** A value cell under a header 「累计完成值（万家）」: a bare number gets the header's scale and unit. */
export function withValueSuffix(value: string, suffix: string): string {
  const bare = parseValue(value);
  return bare.ok && bare.value !== null && bare.value.unitInCell === null && bare.value.scaleOnly === null ? value + suffix : value;
}

/**
 * Finds the header (readHeader), maps the columns and collects the data rows below it, skipping fully empty rows.
 * `merges` (.xlsx): below the header, 报送单位, 统计期, 单位, 填报人 and 填报日期 merged down over several rows count
 * on each of them — never a 指标编码, a value or a status. `hidden` (.xlsx): rows the sheet hides, listed as skipped
 * below the header, not read above it.
 */
export function readTable(
  sheet: Grid,
  merges: readonly Merge[] = [],
  hidden: ReadonlySet<number> = new Set(),
  struck: ReadonlySet<number> = new Set(),
  /** The grid is a CSV file's lines: a line broken by unquoted line breaks is read with the next ones (joinedLines). */
  csv = false,
  /** (.xlsx) Of rows not wholly struck through, the columns whose cell is: a 累计完成值 or 完成状态 crossed out is asked about. */
  struckCells: ReadonlyMap<number, ReadonlySet<number>> = new Map(),
): { table: Table } | { error: FileError } {
  // a hidden row among the first rows is not read either: a title or a 「统计期：」 line the department does not see
  const shown = [...hidden].some((i) => i < HEADER_SCAN_ROWS) ? sheet.map((line, i) => (hidden.has(i) && i < HEADER_SCAN_ROWS ? [] : line)) : sheet;
  const h = readHeader(shown, merges);
  if ("error" in h) return h;
  const header = h.header;
  const mappedByIndex = new Map(header.columns.map((c) => [c.index, c.field]));
  let grid = fillMerges(sheet, merges.filter((m) => m[0] > header.index), (c) => FILL_DOWN.has(mappedByIndex.get(c)!));
  if (header.line !== grid[header.index]) {
    if (grid === sheet) grid = sheet.slice();
    grid[header.index] = header.line; // header names merged down from the row above
  }
  // a row that shows a figure, status or note merged down from the row above is not left unfilled: it is read, and
  // its own empty cell rejected (a merged value counts on its first row only)
  const reportColumns = header.columns.filter((c) => c.field === "value" || c.field === "status" || c.field === "note").map((c) => c.index);
  const showsFigure = (index: number) => merges.some(([top, left, bottom, right]) =>
    top < index && index <= bottom && (sheet[top]?.[left] ?? "") !== "" && reportColumns.some((c) => c >= left && c <= right));
  const read = rowReader(header, showsFigure);
  // (cells merged down over several rows in the columns every row must fill itself: their text counts on the first)
  const mergedAbove = merges.flatMap(([top, left, bottom, right]) => {
    if (top <= header.index || (sheet[top]?.[left] ?? "") === "") return [];
    const fields = header.columns.filter((c) => c.index >= left && c.index <= right && !FILL_DOWN.has(c.field) && c.field !== "note");
    return fields.length === 0 ? [] : [{ top, left, bottom, fields: fields.map((c) => ({ index: c.index, field: c.field })) }];
  });
  const rows: TableRow[] = [];
  const skipped: SkippedRow[] = [];
  for (let index = header.index + 1; index < grid.length; index++) {
    // a hidden row (.xlsx) is not read: the department does not see it, so it is not part of the report it sends
    if (hidden.has(index) && !isEmptyRow(grid[index]!)) {
      skipped.push({ row: index + 1, reason: HIDDEN_ROW });
      continue;
    }
    // a row crossed out (.xlsx: every cell with a value struck through) is a line the department deleted
    if (struck.has(index)) {
      skipped.push({ row: index + 1, reason: STRUCK_ROW });
      continue;
    }
    // (a CSV line broken by a line break typed in a text cell without quotes: read with the next line, as one)
    const joined = csv ? joinedLines(header, grid[index]!, (j) => grid[index + j]) : null;
    const r = read(joined?.cells ?? grid[index]!, index);
    const crossed = struckCells.get(index);
    if (r.kind === "row" && crossed !== undefined) {
      const fields = header.columns.filter((c) => crossed.has(c.index) && (c.field === "value" || c.field === "status") && r.row.cells[c.field] !== "").map((c) => c.field);
      if (fields.length > 0) r.row.struck = fields;
    }
    if (r.kind === "row") rows.push(mergedAbove.length === 0 ? r.row : withMergedAbove(r.row, index, mergedAbove, sheet));
    else if (r.kind === "skipped") skipped.push(r.skipped);
    else if (r.kind === "error") return { error: r.error };
    if (joined !== null) {
      for (let j = 1; j < joined.lines; j++) skipped.push({ row: index + 1 + j, reason: brokenLineReason(header, grid[index]!, index + 1, joined.lines) });
      index += joined.lines - 1;
    }
  }
  const restated = restatedBelow(grid, header, skipped);
  if (restated !== null) return { error: restated };
  const { headerRow, columns, ignoredColumns, valueHeaderUnit, valueSuffix } = header;
  // (the money unit is listed with the fields stated above the header: it is one, for the money targets' rows)
  const formFields = [...header.formFields, ...(header.moneyUnit ? [header.moneyUnit] : []), ...footerFields(grid, skipped, header, rows), ...filledFromAbove(header, rows), ...yearUsed(header, rows)];
  return { table: { headerRow, columns, ignoredColumns, valueHeaderUnit, valueSuffix, moneyUnit: header.moneyUnit?.text ?? null, formFields, statedAbove: header.statedAbove, valueMonth: header.valueMonth, rows, skipped } };
}

/** The row, with the fields whose empty cell lies under a cell merged down from above (TableRow.mergedAbove). */
function withMergedAbove(row: TableRow, index: number, merges: readonly { top: number; left: number; bottom: number; fields: readonly { index: number; field: Field }[] }[], sheet: Grid): TableRow {
  const found: Partial<Record<Field, string>> = {};
  for (const m of merges) {
    if (index <= m.top || index > m.bottom) continue;
    for (const f of m.fields) if ((sheet[index]?.[f.index] ?? "") === "") found[f.field] = sheet[m.top]![m.left]!;
  }
  // (set on the row itself: a copy by spread would lose GridRow's raw, a getter, and the rejects file its cells)
  if (Object.keys(found).length > 0) row.mergedAbove = found;
  return row;
}

/**
 * A 报送单位 or 统计期 stated above a table with its column too, when some rows left that column empty and so took it
 * (rowReader): said with the fields stated for every row, 「统计期（该列空白的 2 行）「2017年11月」（第 1 行）」.
 */
function filledFromAbove(header: TableHeader, rows: readonly TableRow[]): FormField[] {
  return header.statedAbove.flatMap((f) => {
    const at = header.layout.indexes[header.layout.fields.indexOf(f.field)];
    const key = at === undefined ? undefined : header.layout.rawKeys[at];
    const empty = key === undefined ? 0 : rows.filter((r) => (r.raw[key] ?? "") === "").length;
    return empty > 0 ? [{ ...f, column: `${f.column}（该列空白的 ${empty} 行）` }] : [];
  });
}

/** The year above the table (TableHeader.yearAbove), when some rows' 统计期 named a month alone and so took it. */
function yearUsed(header: TableHeader, rows: readonly TableRow[]): FormField[] {
  const year = header.yearAbove;
  const at = header.layout.indexes[header.layout.fields.indexOf("period")];
  const key = at === undefined ? undefined : header.layout.rawKeys[at];
  if (year === null || key === undefined) return [];
  const alone = rows.filter((r) => withYearAbove(r.raw[key] ?? "", year) !== (r.raw[key] ?? "")).length;
  return alone > 0 ? [{ ...year, column: `${year.column}（只写了月份的 ${alone} 行）的年份` }] : [];
}

/**
 * A 统计期 or 报送单位 stated above the table (for every row) and stated again, otherwise, on a line below the header
 * that was not read as a row: 「统计期：2017年11月」 or a line 「2017年11月」 alone over a second block of rows, 「填报单位：
 * 市科技局」 over another unit's. The rows under it would be read as the first block's month or unit: the file is refused.
 */
/**
 * A value on a form's signature line without its seal remark or blank line: 「市经信局（盖章）」 → 市经信局, 「（盖章）」
 * and 「＿＿＿」 → "". (Broader than the department resolver's seal remark: a signature line is often left blank.)
 */
const unsealed = (t: string) => t.replace(/[(（\[【]?\s*(?:盖章|签章|签字|公章|印章)\s*[)）\]】]?/g, "").replace(/^[\s_＿—-]+|[\s_＿—-]+$/g, "");

function restatedBelow(grid: Grid, header: TableHeader, skipped: readonly SkippedRow[]): FileError | null {
  const stated = header.formFields.filter((f) => f.field === "period" || f.field === "department");
  if (stated.length === 0) return null;
  const periodOf = (text: string) => {
    const p = parsePeriod(text);
    return p.ok ? p.value : null;
  };
  for (const k of skipped) {
    const line = grid[k.row - 1];
    if (k.row - 1 <= header.index || line === undefined) continue;
    const cells = line.map((c) => cleanCell(c ?? "")).filter((c) => c !== "");
    const said: [Field, string][] = [];
    // a month alone on its line: the heading of the rows under it
    if (cells.length === 1 && !/[:：]/.test(cells[0]!) && /年/.test(cells[0]!) && periodOf(cells[0]!) !== null) said.push(["period", cells[0]!]);
    cells.forEach((cell, c) => {
      const m = cell.normalize("NFKC").match(/^([^:：]{1,8})[:：]\s*(.*)$/);
      if (m === null) return;
      const field = headerField(m[1]!.trim());
      // (「填报单位：（盖章）」 signing a form: no unit stated)
      const text = unsealed(cleanCell(m[2]!)) || (cells[c + 1] !== undefined && !/[:：]/.test(cells[c + 1]!) ? unsealed(cells[c + 1]!) : "");
      if ((field === "period" || field === "department") && text !== "") said.push([field, text]);
    });
    for (const [field, text] of said) {
      const above = stated.find((f) => f.field === field);
      if (above === undefined) continue;
      const same = field === "period" ? periodOf(text) !== null && periodOf(text) === periodOf(above.text) : text.normalize("NFKC") === above.text.normalize("NFKC");
      if (same) continue;
      const kind = field === "period" ? "月份" : "单位";
      return fileError("E_HEADER", `第 ${k.row} 行又写明了${COLUMN_NAME[field]}「${text}」，与表格上方第 ${above.row} 行的「${above.text}」不同：` +
        `表格上方写明的${COLUMN_NAME[field]}用于文件中的每一行，其下的行会被当作「${above.text}」的数读取；请把不同${kind}的表分开报送，或在表中加「${COLUMN_NAME[field]}」列逐行填写`);
    }
  }
  return null;
}

/** Fields a form signs below its table (「填表人：张三　填报日期：2017年11月3日」): who reported, and when. */
const FOOTER_FIELDS: ReadonlySet<Field> = new Set<Field>(["reporter", "reportedAt"]);

/**
 * 填报人 and 填报日期 written below the table, in the footer lines readTable skipped, for a table with no column for
 * them and nothing above its header: given to every row (whose cell is empty) and returned as form fields. Two
 * different texts for one field state nothing (the footer is no report; the rows stay without it).
 */
export function footerFields(grid: Grid, skipped: readonly SkippedRow[], header: TableHeader, rows: readonly TableRow[]): FormField[] {
  const stated = (f: Field) => !FOOTER_FIELDS.has(f) || header.layout.fields.includes(f) || header.formFields.some((g) => g.field === f);
  if ([...FOOTER_FIELDS].every(stated) || rows.length === 0) return [];
  const footer = skipped.filter((k) => k.reason.endsWith(FOOTER_REASON) && k.row - 1 > header.index);
  if (footer.length === 0) return [];
  // the footer lines alone, at their own row numbers
  const zone: Grid = [];
  for (const k of footer) zone[k.row - 1] = grid[k.row - 1] ?? [];
  const found = formFieldsAbove(Array.from(zone, (line) => line ?? []), stated);
  if ("error" in found) return [];
  // a signature line left blank (「填报日期：　年　月　日」) states no date
  const fields = found.fields.filter((f) => f.field !== "reportedAt" || (parseReportDate(f.text).ok && /\d/.test(f.text)));
  for (const f of fields) for (const r of rows) if (r.cells[f.field] === "") r.cells[f.field] = f.text;
  return fields;
}

export type CsvGrid = {
  grid: Grid;
  delimiter: string;
  /**
   * Rows (1-based) where a quoted field is malformed; the whole file when a quote is never closed. `columns`: the
   * cells (0-based) with text after their closing quote, read as Excel reads them (「"上规"企业」 → 上规企业), when that
   * is all that is wrong with the row.
   */
  quoteErrors: { row: number; message: string; fatal: boolean; columns?: number[] }[];
};

const CSV_DIALECT: Papa.ParseConfig<string[]> = { header: false, skipEmptyLines: false, delimitersToGuess: [",", "\t", ";"] };

/**
 * Parses the whole decoded text (never a byte stream, so a character can't be split across chunks). Empty lines
 * are kept so that row numbers stay those of the spreadsheet; a quoted cell spanning lines is one row, as in Excel.
 * Papa guesses the delimiter and the line break; a well-formed file is then split by `splitWellFormed`, which gives
 * Papa's records without Papa's work per field, and anything else (a stray quote) by Papa itself, with its errors.
 */
export function parseCsvGrid(text: string): CsvGrid {
  const probe = Papa.parse<string[]>(text, { ...CSV_DIALECT, preview: 1 });
  const delimiter = headerDelimiter(text) ?? probe.meta.delimiter;
  text = withAddedLines(text, delimiter);
  const linebreak = lineBreak(text, probe.meta.linebreak);
  const fast = splitWellFormed(text, delimiter, linebreak);
  if (fast !== null) return finishGrid(fast, text, delimiter, []);
  const parsed = Papa.parse<string[]>(text, { ...CSV_DIALECT, delimiter, newline: linebreak as Papa.ParseConfig["newline"] });
  const quoteErrors = parsed.errors
    .filter((e) => e.type === "Quotes")
    .map((e) => ({ row: (e.row ?? 0) + 1, message: e.message, fatal: e.code === "MissingQuotes" }));
  if (quoteErrors.length > 0) {
    // Papa pairs a stray quote with the next quote anywhere below, swallowing the rows between into one cell
    const lenient = splitExcelLike(text, delimiter, parsed.meta.linebreak);
    if (lenient !== null && "grid" in lenient) return finishGrid(lenient.grid, text, delimiter, lenient.quoteErrors);
    // (the row whose quote is never closed, read as Excel reads the rows above it: Papa names the row of the last
    // quote it could pair, which may be an earlier, readable one)
    if (lenient !== null) {
      return finishGrid(parsed.data, text, parsed.meta.delimiter, quoteErrors.map((e) => (e.fatal ? { ...e, row: lenient.unclosedRow } : e)));
    }
  }
  return finishGrid(parsed.data, text, parsed.meta.delimiter, quoteErrors);
}

/**
 * The line break of the file: Papa's guess, except when Papa guesses CR for a file whose lines end otherwise but
 * carry a stray carriage return each (「…（参考）\r,,,,\r\n」: a line given more cells after its CR, saved as CRLF
 * or as LF). Papa counts a CR line break when fewer than half the CRs come before an LF, so it would split every
 * line at its stray CR and shift the cells after it into another row. The most frequent of CRLF, a bare LF and a
 * bare CR ends the lines then (a tie to CRLF, then LF); a stray CR stays in its cell, trimmed with its spaces.
 */
function lineBreak(text: string, guess: string): string {
  if (guess !== "\r") return guess;
  let crlf = 0;
  let bareLf = 0;
  let bareCr = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) if (text.charCodeAt(i - 1) === 13) crlf++; else bareLf++;
  for (let i = text.indexOf("\r"); i !== -1; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) bareCr++;
  return crlf > 0 && crlf >= bareLf && crlf >= bareCr ? "\r\n" : bareLf > 0 && bareLf >= bareCr ? "\n" : guess;
}

/**
 * A CRLF file (an Excel export) with whole rows added after a bare line feed (appended in another editor, or two
 * exports joined): those line feeds written as CRLF, so that each such row is a row of its own, numbered as Excel
 * shows it. A bare line feed followed by less than a row (「第一行\n第二行,张三,」: a note typed on two lines, never
 * quoted) stays in its cell, as do line feeds on a line holding a quote (Papa reads quoted fields).
 */
function withAddedLines(text: string, delimiter: string): string {
  if (!text.includes("\r\n") || !/(?<!\r)\n/.test(text)) return text;
  const lines = text.split("\r\n");
  const count = (line: string) => line.split(delimiter).length - 1;
  // a row's width: the most delimiters of a line with neither a bare line feed nor a quote (a quoted 3,000 holds one more)
  let width = 0;
  for (const line of lines) if (!line.includes("\n") && !line.includes('"')) width = Math.max(width, count(line));
  if (width === 0) return text;
  const quotes = (part: string) => part.split('"').length - 1;
  let changed = false;
  const out = lines.map((line) => {
    if (!line.includes("\n")) return line;
    const parts = line.split("\n");
    // each part a whole row (a blank line among them is one too): never a quoted field's line break (its quotes do not pair)
    const rows = parts.filter((part) => part.trim() !== "");
    if (rows.length < 2 || !rows.every((part) => count(part) >= width && quotes(part) % 2 === 0)) return line;
    changed = true;
    return parts.join("\r\n");
  });
  return changed ? out.join("\r\n") : text;
}

/**
 * Splits text the way Excel opens a CSV when a quoted field goes on after its closing quote (「"上规"企业86家」, typed
 * by hand): the quoted part, then the rest up to the delimiter, as one cell. Papa instead looks for a quote followed
 * by a delimiter further down and takes every row in between into that cell (or, finding none, the rest of the file). Each such row is listed as a (non-fatal)
 * quote error, so it is rejected with E_CSV_QUOTES and the other rows stay. A quote never closed is read as a
 * character of its cell, and its row rejected the same way (the rows below it are rows), unless its line mixes line
 * breaks: then the row it opens in (the file is rejected). Null — the file is rejected — when a field with text after
 * its closing quote also spans lines (its closing quote may belong to a later row).
 */
function splitExcelLike(text: string, delimiter: string, newline: string): { grid: string[][]; quoteErrors: CsvGrid["quoteErrors"] } | { unclosedRow: number } | null {
  const grid: string[][] = [];
  const quoteErrors: CsvGrid["quoteErrors"] = [];
  let row: string[] = [];
  let anomalous: number[] = [];
  let unclosed = false;
  const endRow = () => {
    grid.push(row);
    // (a quote never closed: the row is rejected whatever its column, its cells read as written)
    if (unclosed) quoteErrors.push({ row: grid.length, message: "引号未闭合", fatal: false });
    else if (anomalous.length > 0) quoteErrors.push({ row: grid.length, message: "引号后还有文字", fatal: false, columns: anomalous });
    row = [];
    anomalous = [];
    unclosed = false;
  };
  /** Index of the quote that closes a quoted field whose text starts at `from` ("" inside it is a quote), or -1. */
  const closingQuote = (from: number) => {
    for (let j = from; ; ) {
      const q = text.indexOf('"', j);
      if (q === -1 || text[q + 1] !== '"') return q;
      j = q + 2;
    }
  };
  /** Index of the next delimiter or line break at or after `from` (text.length when none). */
  const cellEnd = (from: number) => {
    const d = text.indexOf(delimiter, from);
    const n = text.indexOf(newline, from);
    return Math.min(d === -1 ? text.length : d, n === -1 ? text.length : n);
  };
  let i = 0;
  for (;;) {
    let cell = "";
    if (text[i] === '"' && closingQuote(i + 1) === -1) {
      // a quote never closed (「"进展,张三」, the closing quote forgotten): read as a character of the cell, so that
      // the rows below are read as rows; this one is rejected (Papa would take the rest of the file into the cell).
      // Not when the rest of its line holds another kind of line break (rows added by another editor to a CRLF file,
      // which withAddedLines leaves joined around an odd quote): where its row ends is unknown, the file is rejected
      const lineEnd = text.indexOf(newline, i);
      if (/[\r\n]/.test(text.slice(i, lineEnd === -1 ? text.length : lineEnd))) return { unclosedRow: grid.length + 1 };
      const end = cellEnd(i);
      cell = text.slice(i, end);
      unclosed = true;
      i = end;
    } else if (text[i] === '"') {
      let j = i + 1;
      let spansLines = false;
      for (;;) {
        const q = text.indexOf('"', j);
        const part = text.slice(j, q);
        if (part.includes("\n") || part.includes("\r")) spansLines = true;
        cell += part;
        if (text[q + 1] === '"') {
          cell += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const end = cellEnd(i);
      const after = text.slice(i, end);
      if (after.trim() !== "") {
        // 「"上规"企业86家」: Excel keeps the text after the closing quote in the same cell
        if (spansLines) return null;
        anomalous.push(row.length);
        cell += after;
      }
      i = end;
    } else {
      const end = cellEnd(i);
      cell = text.slice(i, end);
      i = end;
    }
    row.push(cell);
    if (i >= text.length) {
      endRow();
      break;
    }
    if (text.startsWith(delimiter, i)) {
      i += delimiter.length;
      continue;
    }
    i += newline.length;
    endRow();
    if (i === text.length) {
      grid.push([""]); // as Papa: a trailing line break leaves a last empty record (finishGrid drops it)
      break;
    }
  }
  return { grid, quoteErrors };
}

/**
 * The delimiter under which one of the first HEADER_SCAN_ROWS lines reads as the best header (most known columns,
 * at least two), or null to let Papa guess. Papa's guess counts separators, so a tab-separated file whose values hold
 * commas (「1,234」, a note 「已完成,待验收」) can be taken for comma-separated; the header cannot.
 */
export function headerDelimiter(text: string): string | null {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/, HEADER_SCAN_ROWS);
  let best: string | null = null;
  let bestScore = 1;
  for (const delimiter of CSV_DIALECT.delimitersToGuess as string[]) {
    let score = 0;
    for (const line of lines) {
      if (!line.includes(delimiter)) continue;
      const fields = new Set(line.split(delimiter).map((c) => headerField(c.replace(/^\s*"|"\s*$/g, ""))).filter((f) => f !== null));
      score = Math.max(score, fields.size);
    }
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

/**
 * A quoted cell spanning lines, one of whose later lines reads like a row of the table (at least `width` − 2
 * delimiters, and 2): rows swallowed by a stray pair of quotes more likely than a note written over several lines.
 */
export function swallowsRows(cell: string, delimiter: string, width: number): boolean {
  const lines = cell.split(/\r\n|\r|\n/);
  const least = Math.max(2, width - 2);
  return lines.length > 1 && lines.slice(1).some((line) => line.split(delimiter).length - 1 >= least);
}

function finishGrid(grid: string[][], text: string, delimiter: string, quoteErrors: CsvGrid["quoteErrors"]): CsvGrid {
  // every record as an array of strings (Papa gives exactly that without dynamic typing; checked in place, not copied)
  for (let r = 0; r < grid.length; r++) {
    const record = grid[r];
    if (!Array.isArray(record)) grid[r] = [];
    else for (let c = 0; c < record.length; c++) if (typeof record[c] !== "string") record[c] = ((record[c] as unknown) ?? "").toString();
  }
  // rows swallowed into a quoted cell whose quotes pair up (「"已选树6家」 … 「另有3家在公示"」 two rows below): the row
  // is rejected (E_CSV_QUOTES, saying how many lines it took in), not loaded with the others lost
  for (let r = 0; r < grid.length; r++) {
    const record = grid[r]!;
    const columns = record.flatMap((cell, c) => (cell.includes("\n") || cell.includes("\r")) && swallowsRows(cell, delimiter, record.length) ? [c] : []);
    if (columns.length > 0 && !quoteErrors.some((e) => e.row === r + 1)) {
      quoteErrors = [...quoteErrors, { row: r + 1, message: "引号内有像数据行的多行文字", fatal: false }];
    }
  }
  // Papa reports a final empty record for a trailing line break; it is not a row of the file.
  if (grid.length > 0 && isEmptyRow(grid[grid.length - 1]!) && /\r?\n$/.test(text)) grid.pop();
  return { grid, delimiter, quoteErrors };
}

/**
 * The distinct texts of one column, so that a text repeated on many rows is one string: found by hashing the
 * characters in place, made only when new. A column whose texts mostly differ (values, notes) stops pooling.
 */
class TextPool {
  private slots: (string | undefined)[] = new Array(1024);
  private hashes = new Int32Array(1024);
  private size = 0;
  private taken = 0;
  private pooling = true;

  take(text: string, start: number, end: number): string {
    if (!this.pooling || end - start > 64) return text.substring(start, end);
    let h = 0x811c9dc5 ^ (end - start);
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const found = this.slots[slot];
      if (found === undefined) break;
      if (this.hashes[slot] === h && found.length === end - start && text.startsWith(found, start)) {
        this.taken++;
        return found;
      }
    }
    const made = text.substring(start, end);
    if (++this.taken >= 4096 && this.size * 2 > this.taken) {
      // mostly distinct: pooling costs more than it saves
      this.pooling = false;
      this.slots = [];
      return made;
    }
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    this.put(made, h);
    return made;
  }

  private put(s: string, h: number): void {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    while (this.slots[slot] !== undefined) slot = (slot + 1) & mask;
    this.slots[slot] = s;
    this.hashes[slot] = h;
    this.size++;
  }

  private grow(): void {
    const [slots, hashes] = [this.slots, this.hashes];
    this.slots = new Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    this.size = 0;
    for (let i = 0; i < slots.length; i++) if (slots[i] !== undefined) this.put(slots[i]!, hashes[i]!);
  }
}

/**
 * The records Papa's parser makes of a text in which every quoted field is well formed — a quote opens a field, `""`
 * inside stands for a quote, and the closing quote is followed by the delimiter, the line break or the end — or null
 * for any other text (Papa then parses it, reporting its quote errors). Unquoted fields run to the next delimiter or
 * line break, quotes inside them kept as written, as in Papa.
 */
/** Columns whose texts splitWellFormed pools (a report has a dozen or two; Excel at most 16,384). */
const POOLED_COLUMNS = 256;

function splitWellFormed(text: string, delimiter: string, newline: string): string[][] | null {
  const grid: string[][] = [];
  const n = text.length;
  if (n === 0) return grid;
  const quote = 0x22;
  // most columns repeat a few texts (departments, codes, periods, units): each column's texts are kept once (in the
  // first POOLED_COLUMNS columns: a line of a million commas, which no spreadsheet writes, would make a million pools)
  const columns: TextPool[] = [];
  const field = (column: number, start: number, end: number) =>
    column < POOLED_COLUMNS ? (columns[column] ??= new TextPool()).take(text, start, end) : text.substring(start, end);
  let row: string[] = [];
  let i = 0;
  let nextDelimiter = text.indexOf(delimiter);
  let nextNewline = text.indexOf(newline);
  for (;;) {
    if (text.charCodeAt(i) === quote) {
      let from = i + 1;
      let escaped = false;
      let close: number;
      for (;;) {
        close = text.indexOf('"', from);
        if (close === -1) return null;
        if (close + 1 < n && text.charCodeAt(close + 1) === quote) {
          escaped = true;
          from = close + 2;
          continue;
        }
        break;
      }
      const inside = text.substring(i + 1, close);
      row.push(escaped ? inside.replace(/""/g, '"') : inside);
      const after = close + 1;
      if (after === n) {
        grid.push(row);
        return grid;
      }
      if (text.startsWith(delimiter, after)) i = after + delimiter.length;
      else if (text.startsWith(newline, after)) {
        grid.push(row);
        row = [];
        i = after + newline.length;
      } else return null;
      if (nextDelimiter !== -1 && nextDelimiter < i) nextDelimiter = text.indexOf(delimiter, i);
      if (nextNewline !== -1 && nextNewline < i) nextNewline = text.indexOf(newline, i);
      continue;
    }
    if (nextDelimiter !== -1 && (nextDelimiter < nextNewline || nextNewline === -1)) {
      row.push(field(row.length, i, nextDelimiter));
      i = nextDelimiter + delimiter.length;
      nextDelimiter = text.indexOf(delimiter, i);
      continue;
    }
    if (nextNewline !== -1) {
      row.push(field(row.length, i, nextNewline));
      grid.push(row);
      row = [];
      i = nextNewline + newline.length;
      nextNewline = text.indexOf(newline, i);
      continue;
    }
    row.push(text.substring(i));
    grid.push(row);
    return grid;
  }
}
