/**
 * Row validation of a monthly report against a reference context (targets, department resolver, as-of date):
 * every problem of a row is collected as data, nothing is thrown; a row is valid only without any problem.
 */
import { normalizeName } from "../text.js";
import { rowMessage, type Parsed, type RowErrorCode } from "./codes.js";
import { DITTO, isBareFigure } from "./values.js";
import { cleanCell, COLUMN_NAME, DEPARTMENT_LIKE, isHeaderOrFooterCode, scaledUnit, withValueSuffix, type Field, type TableRow } from "./table.js";
import {
  checkPeriod,
  convertUnit,
  sameCount,
  isNoFigure,
  normalizeCell,
  parsePeriod,
  parseReportDate,
  parseStatus,
  parseValue,
  unitDef,
  type ReportedValue,
  type Status,
} from "./values.js";

export type TargetKind = "quantity" | "milestone" | "recurring";

/** What the reader needs to know about one target code. */
export type IngestTarget = {
  /** The target's unit (万元, 家, %, …); values are converted to it. Null when the target has none. */
  unit: string | null;
  /** Milestones report a 完成状态; quantities and recurring duties a 累计完成值 (or a status). */
  kind: TargetKind;
  /** First reportable month, YYYY-MM or YYYY-MM-DD; null when unbounded. */
  countingStart: string | null;
  /** Canonical names of the departments that report this target (as `resolveDepartment` returns them). */
  reportingDepartments: readonly string[];
  /** The figure may be below zero: a rate of change (增长8%, 下降3%), which the year may turn the other way. */
  signed?: boolean;
};

const SIGNED = { signed: true } as const;

/** The reference data a file is checked against. No database: the caller builds it. */
export type IngestContext = {
  /** Target code → target. Codes are matched exactly, then case-insensitively when that is unambiguous. */
  targets: ReadonlyMap<string, IngestTarget>;
  /**
   * A department name as written → its canonical name, or null when unknown. `reporters`: the canonical names of the
   * row's target's reporters, which decide when the name stands for departments of several policies.
   */
  resolveDepartment(name: string, reporters?: readonly string[]): string | null;
  /**
   * When several policies use one name for different departments (keys.ts foreignDepartmentCheck): why the name as
   * written does not stand for the department `name` of the target `code`'s policy, else null. Absent otherwise.
   */
  foreignDepartment?(written: string, code: string, name: string): string | null;
  /** Codes of the registry no longer published (retired), upper case: a row naming one is told so, not "unknown". */
  retiredCodes?: ReadonlySet<string>;
  /** YYYY-MM-DD: periods after this date's month are rejected. Always explicit. */
  asOf: string;
};

export type RowOptions = {
  /** The file is an .xlsx: bare 5-digit numbers in date columns are Excel serial dates. */
  excelSerial?: boolean;
  /** That workbook uses the 1904 date system. */
  date1904?: boolean;
  /** Unit written in the value header, 「累计完成值（万元）」. */
  valueHeaderUnit?: string | null;
  /** 「金额单位：万元」 above the header: the unit of a money target's figure when the cell, the column and the header name none. */
  moneyUnit?: string | null;
  /** A scale and a unit in the value header, 「累计完成值（万家）」, which bare numbers below are read with. */
  valueSuffix?: string | null;
};

/** One accepted row, in the target's unit. */
export type ValidRow = {
  /** Canonical department name. */
  department: string;
  departmentAsWritten: string;
  targetCode: string;
  /** YYYY-MM. */
  period: string;
  /** Cumulative value converted to `unit` (the target's unit); null when only a status was reported. */
  value: number | null;
  unit: string | null;
  /** The value and unit as the department wrote them, for the audit trail. */
  reportedValue: number | null;
  reportedUnit: string | null;
  status: Status | null;
  note: string | null;
  reporter: string | null;
  /** YYYY-MM-DD; null when left empty or unreadable. */
  reportedAt: string | null;
  /**
   * Why a 填报日期 that was filled in could not be read (the E_BAD_DATE message): the row is loaded all the same,
   * without a report date, and flagged for review (reviewReasons). A report date is the department's note of when it
   * filled the form in; a figure is not sent back for it.
   */
  reportedAtProblem?: string;
  /** (.xlsx) The 累计完成值 or 完成状态 cells struck through (the row read as written, and asked about). */
  struck?: Field[];
  /**
   * (.xlsx) The 累计完成值 or 完成状态 cells left empty under a cell merged down from above, and what the merged cell
   * shows: the row is read with them blank (a merged cell holds its text on its first row only), and asked about.
   */
  mergedEmpty?: { field: "value" | "status"; shown: string }[];
  /** The 累计完成值 cell as written, when its number may hide a thousands separator typed as a point (DOTTED_THOUSANDS). */
  valueAsWritten?: string;
  /** 1-based row number in the file. */
  sourceRow: number;
};

/** One problem of one row. `column` is the Chinese column name of the 报送指南; null for whole-row problems. */
export type RowIssue = { code: RowErrorCode; column: string | null; message: string; value: string | null };

/**
 * A rejected row's problem: the issue plus the row number and the whole row as written; `reported`, when the row's
 * department, target and period are all readable and the department reports that target: the key the row was
 * meant for (so that a month whose rows were all sent back counts as sent and returned, not as never sent).
 */
export type Reject = RowIssue & {
  row: number;
  rawRow: Record<string, string>;
  reported?: { department: string; targetCode: string; period: string } | null;
  /** Without a key (reported null): the target and period the row names, when both are readable (no department's). */
  meant?: { targetCode: string; period: string } | null;
};

export type RowCells = Record<Field, string>;

const emptyToNull = (s: string) => (s === "" ? null : s);

/** A target code cell, normalised: NFKC, minus signs, and the other dashes typed for a hyphen (‐ ‑ — ― ー). */
const codeCell = (written: string) => normalizeCell(written).replace(/[\u2010\u2011\u2014\u2015\u30fc\uff70]/g, "-");

/** Looks a code up exactly, then case-insensitively when exactly one code matches. */
export function findTargetCode(targets: ReadonlyMap<string, IngestTarget>, written: string): string | null {
  const code = codeCell(written);
  if (targets.has(code)) return code;
  const lower = code.toLowerCase();
  const matches = [...targets.keys()].filter((k) => k.toLowerCase() === lower);
  return matches.length === 1 ? matches[0]! : null;
}

/** A 单位 cell: 百分比 stands for %, as in a header (累计完成值（百分比）); 「万 元」「（万元）」 are 万元. */
const unitCellText = (text: string) => {
  const unit = normalizeCell(text).replace(/\s+/g, "").replace(/^[(（]([^()（）]+)[)）]$/, "$1");
  // (「/」「—」「无」: no unit written, as an empty cell)
  return unit === "百分比" ? "%" : isNoFigure(unit) ? null : emptyToNull(unit);
};
const isMoney = (unit: string) => unitDef(unit)?.category === "money";

/**
 * Whether a unit written in the 单位 column or the header holds an order of magnitude of its own (万元, 亿元, 千元,
 * 万美元; 万家): beside it, 1.2万 in the cell could mean 1.2万元 as well as 1.2 亿元.
 */
export function unitCarriesScale(unit: string): boolean {
  const def = unitDef(unit);
  if (def) return def.category === "money" && def.unit !== "元" && def.unit !== "美元";
  return scaledUnit(unit) !== null;
}

/** `map`'s value for `key`, computed once (`compute`: a module-level function, so the hot path allocates nothing). */
function cached<K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, compute: (key: K) => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = compute(key)));
  return v;
}

/** A code's parts, upper case, numbers without leading zeros: CX75-6-2, cx75_06_02 and CX75-06-02 share one. */
function codeKey(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]+/g, "-").replace(/^-|-$/g, "")
    // a letter typed for a digit in a part of digits (CX75-O6-02, CX75-06-O2, 1l): O for 0, I or L for 1
    .replace(/[0-9OIL]+/g, (part, at: number, all: string) => {
      const whole = (at === 0 || all[at - 1] === "-") && (at + part.length === all.length || all[at + part.length] === "-");
      return whole && /[0-9]/.test(part) ? part.replace(/O/g, "0").replace(/[IL]/g, "1") : part;
    })
    .replace(/(^|-)0+(?=[0-9]+(?:-|$))/g, "$1");
}

/** The department names and code keys hints look among, each built once per set of targets (rows are checked in chunks). */
const reporterIndexes = new WeakMap<ReadonlyMap<string, IngestTarget>, string[]>();
const codeIndexes = new WeakMap<ReadonlyMap<string, IngestTarget>, Map<string, string[]>>();

function reporterIndex(targets: ReadonlyMap<string, IngestTarget>): string[] {
  return cached(reporterIndexes, targets, (all) => [...new Set([...all.values()].flatMap((t) => t.reportingDepartments))]);
}

function codeIndex(targets: ReadonlyMap<string, IngestTarget>): Map<string, string[]> {
  return cached(codeIndexes, targets, (all) => {
    const codes = new Map<string, string[]>();
    for (const k of all.keys()) {
      const key = codeKey(k);
      const list = codes.get(key);
      if (list) list.push(k);
      else codes.set(key, [k]);
    }
    return codes;
  });
}

const squashedCodeIndexes = new WeakMap<ReadonlyMap<string, IngestTarget>, Map<string, string[]>>();

/** The codes by codeKey without its separators: 「CX 75-20-01」 for CX75-20-01 (a list: two codes may squash alike). */
function squashedCodeIndex(targets: ReadonlyMap<string, IngestTarget>): Map<string, string[]> {
  return cached(squashedCodeIndexes, targets, (all) => {
    const codes = new Map<string, string[]>();
    for (const k of all.keys()) {
      const key = codeKey(k).replace(/-/g, "");
      const list = codes.get(key);
      if (list) list.push(k);
      else codes.set(key, [k]);
    }
    return codes;
  });
}

/**
 * The names a department written as `text` may stand for: a name it starts (周巷 → 周巷镇) or ends (经信局 → 市经信局,
 * the 市 left out), or one that starts it (two characters at least). `key`: how a name is compared with `text`.
 */
export function nearNames(text: string, names: readonly string[], key: (name: string) => string = (n) => n): string[] {
  if (text.length < 2) return [];
  return names.filter((n) => {
    const k = key(n);
    // (「宁波市慈溪市经信局」: a name written after the higher levels' names ends with the one meant)
    return k.startsWith(text) || k.endsWith(text) || ((text.startsWith(k) || text.endsWith(k)) && k.length >= 2);
  });
}

/** The hint for a ditto mark in a column that must be written on every row; empty for any other text. */
export const dittoHint = (text: string, column: string) => (DITTO.test(text.trim()) ? `（不能用“同上”“〃”代替，请逐行填写完整的${column}）` : "");

/** 「（是否为“X”？）」 for up to three candidates; empty for none or more. */

/**
 * Whether a unit of the 单位 column or the header agrees with the row's reported unit: the same, or a count word
 * that counts the same things (35人 beside a template's 名: sameCount). Two money units do not agree, though they
 * convert: 20亿元 beside 万元 may be a slip in either, and which is meant cannot be told.
 */
function unitAgrees(unit: string, reportedUnit: string | null): boolean {
  return unit === reportedUnit || (reportedUnit !== null && sameCount(unit, reportedUnit));
}

export function hint(candidates: readonly string[]): string {
  if (candidates.length === 0 || candidates.length > 3) return "";
  return `（是否为${candidates.map((c) => `“${c}”`).join("或")}？）`;
}

/**
 * The lookups and cell parsers of one file's rows, each remembered per distinct cell text: a report repeats the same
 * departments, codes, periods, units, statuses and dates on thousands of rows. Only the work is shared; every verdict
 * still comes from the same parsers and the one rule definition in `checkCells`. (`resolveDepartment` is taken to be
 * a function of its argument, as the context describes it.)
 */
class RowMemo {
  /** 报送单位 as written → the row's target (null: none known) → canonical name. */
  private readonly departments = new Map<string, Map<IngestTarget | null, string | null>>();
  private readonly codes = new Map<string, string | null>();
  private readonly periods = new Map<string, Parsed<string | null>>();
  private readonly bounds = new Map<string | null, Map<string, Parsed<string>>>();
  private readonly statuses = new Map<string, Parsed<Status | null>>();
  private readonly dates = new Map<string, Parsed<string | null>>();
  private readonly unitCells = new Map<string, string | null>();
  private readonly moneyUnits = new Map<string, boolean>();
  private readonly names = new Map<string, string>();
  private readonly normalized = new Map<string, string>();
  private lowerCodes: Map<string, string[]> | null = null;

  constructor(
    readonly ctx: IngestContext,
    readonly options: RowOptions,
  ) {}

  /** The canonical name of a written 报送单位; `target`, the row's, decides a name several policies use differently. */
  department(written: string, target?: IngestTarget): string | null {
    let byTarget = this.departments.get(written);
    if (byTarget === undefined) this.departments.set(written, (byTarget = new Map()));
    let plain = byTarget.get(null);
    if (plain === undefined) byTarget.set(null, (plain = this.ctx.resolveDepartment(written)));
    // (the name's first department reports the target, as nearly always: that is the answer with the target too)
    if (target === undefined || plain === null || target.reportingDepartments.includes(plain)) return plain;
    let d = byTarget.get(target);
    if (d === undefined) byTarget.set(target, (d = this.ctx.resolveDepartment(written, target.reportingDepartments)));
    return d;
  }

  private readonly foreign = new Map<string, string | null>();

  /** ctx.foreignDepartment, remembered per written name and code. */
  foreignDepartment(written: string, code: string, name: string): string | null {
    const key = `${written}\u0000${code}`;
    let found = this.foreign.get(key);
    if (found === undefined) this.foreign.set(key, (found = this.ctx.foreignDepartment?.(written, code, name) ?? null));
    return found;
  }

  /** The target a cleaned 指标编码 cell names, if any. */
  targetOf(code: string): IngestTarget | undefined {
    const known = code === "" ? null : this.targetCode(code);
    return known === null ? undefined : this.ctx.targets.get(known);
  }

  /** findTargetCode, with the case-insensitive index built once. */
  targetCode(written: string): string | null {
    let c = this.codes.get(written);
    if (c === undefined) {
      const code = codeCell(written);
      if (this.ctx.targets.has(code)) c = code;
      else {
        if (this.lowerCodes === null) {
          this.lowerCodes = new Map();
          for (const k of this.ctx.targets.keys()) {
            const lower = k.toLowerCase();
            const list = this.lowerCodes.get(lower);
            if (list) list.push(k);
            else this.lowerCodes.set(lower, [k]);
          }
        }
        const matches = this.lowerCodes.get(code.toLowerCase());
        c = matches !== undefined && matches.length === 1 ? matches[0]! : null;
      }
      this.codes.set(written, c);
    }
    return c;
  }

  /** For the message of an unknown 报送单位: the department names it may stand for (a name it starts, or that starts it). */
  departmentHint(written: string): string {
    return hint(nearNames(normalizeName(written), reporterIndex(this.ctx.targets)));
  }

  /** For the message of an unknown 指标编码: the codes it may stand for (the same parts, leading zeros and separators aside). */
  codeHint(written: string): string {
    if (this.ctx.retiredCodes?.has(codeCell(written).toUpperCase())) return "：该指标编码已停用（不再作为指标跟踪），无需报送，请删去这一行";
    const key = codeKey(codeCell(written));
    if (key === "") return "";
    const index = codeIndex(this.ctx.targets);
    // (a task's number typed before the code, 「6. CX75-06-02」「（29）CX75-29-01」; a space inside it, 「CX 75-20-01」)
    const unnumbered = codeKey(codeCell(written).replace(/^\s*[（(]?\s*\d{1,3}\s*[)）.．、，,]?\s*(?=[A-Za-zＡ-Ｚａ-ｚ])/, ""));
    return hint(index.get(key) ?? index.get(unnumbered) ?? squashedCodeIndex(this.ctx.targets).get(unnumbered.replace(/-/g, "")) ?? []);
  }

  period(text: string): Parsed<string | null> {
    let p = this.periods.get(text);
    if (p === undefined) {
      p = parsePeriod(text, { excelSerial: this.options.excelSerial, date1904: this.options.date1904 });
      this.periods.set(text, p);
    }
    return p;
  }

  periodInBounds(period: string, countingStart: string | null): Parsed<string> {
    let byPeriod = this.bounds.get(countingStart);
    if (byPeriod === undefined) {
      byPeriod = new Map();
      this.bounds.set(countingStart, byPeriod);
    }
    let p = byPeriod.get(period);
    if (p === undefined) {
      p = checkPeriod(period, { countingStart, asOf: this.ctx.asOf });
      byPeriod.set(period, p);
    }
    return p;
  }

  status(text: string): Parsed<Status | null> {
    return cached(this.statuses, text, parseStatus);
  }

  reportDate(text: string): Parsed<string | null> {
    let d = this.dates.get(text);
    if (d === undefined) {
      d = parseReportDate(text, { excelSerial: this.options.excelSerial, date1904: this.options.date1904 });
      this.dates.set(text, d);
    }
    return d;
  }

  /** The 单位 cell, normalised; null when empty. */
  unitCell(text: string): string | null {
    return cached(this.unitCells, text, unitCellText);
  }

  isMoneyUnit(unit: string): boolean {
    return cached(this.moneyUnits, unit, isMoney);
  }

  /** normalizeName, for the duplicate key of an unknown department. */
  name(written: string): string {
    return cached(this.names, written, normalizeName);
  }

  /** normalizeCell, for the duplicate key of an unknown code or an unreadable period. */
  cell(text: string): string {
    return cached(this.normalized, text, normalizeCell);
  }
}

/**
 * The verdicts of checkCells on single cells, for a reader that applies the row rules itself to many rows at once
 * (src/bulk.ts evaluates each distinct text once). Each method takes the cell as written — before cleanCell — and
 * gives what checkCells would take from it when the cell is acceptable, or null when it is not: then the reader must
 * leave the row to checkCells.
 */
export class CellVerdicts {
  private readonly memo: RowMemo;

  constructor(
    ctx: IngestContext,
    options: RowOptions,
    /** 「累计完成值（万家）」: appended to a bare number (see rowReader). */
    private readonly valueSuffix: string | null = null,
  ) {
    this.memo = new RowMemo(ctx, options);
  }

  /** 报送单位 and 指标编码 both known, the code not one a non-data row may carry; the department a reporter of it. */
  departmentAndCode(department: string, code: string): { department: string; code: string; target: IngestTarget } | null {
    const d = cleanCell(department);
    const c = cleanCell(code);
    if (d === "" || c === "" || isHeaderOrFooterCode(c)) return null;
    const known = this.memo.targetCode(c);
    if (known === null) return null;
    const target = this.memo.ctx.targets.get(known)!;
    const canonical = this.memo.department(d, target);
    if (canonical === null) return null;
    // (a name several policies use for different departments: the target's policy's, or left to the rules, E_NOT_REPORTER)
    return reportsTarget(target, canonical) && this.memo.foreignDepartment(d, known, canonical) === null ? { department: canonical, code: known, target } : null;
  }

  /** 统计期 read, not empty (its bounds depend on the target). */
  period(text: string): string | null {
    const p = this.memo.period(cleanCell(text));
    return p.ok ? p.value : null;
  }

  /** 填报日期 read (null inside: left empty); null when unreadable. */
  reportDate(text: string): { date: string | null } | null {
    const d = this.memo.reportDate(cleanCell(text));
    return d.ok ? { date: d.value } : null;
  }

  /** 累计完成值 read and not empty, with the number as String() writes it; null when empty or unreadable. */
  value(text: string): (ReportedValue & { text: string }) | null {
    let cell = cleanCell(text);
    if (this.valueSuffix !== null && cell !== "") cell = withValueSuffix(cell, this.valueSuffix);
    const v = parseValue(cell);
    return v.ok && v.value !== null ? { ...v.value, text: String(v.value.value) } : null;
  }

  /** Whether a unit is money (元, 万元, 亿元, …): a bare scale word (1.5万) is then ambiguous. */
  isMoney(unit: string): boolean {
    return this.memo.isMoneyUnit(unit);
  }

  /**
   * One part of the duplicate key of a row (rowKey), from the cell as written; null when it leaves the row without a
   * key. `code`: the row's 指标编码 as written, which decides the department part (see RowMemo.department).
   */
  keyPart(field: "department" | "targetCode" | "period", text: string, code = ""): string | null {
    if (field === "department") return keyPart.department(cleanCell(text), this.memo, this.memo.targetOf(cleanCell(code)));
    return keyPart[field](cleanCell(text), this.memo);
  }
}

/** The rule E_NOT_REPORTER checks: a department may report a target only when it is one of the target's reporters. */
function reportsTarget(target: IngestTarget, department: string): boolean {
  return target.reportingDepartments.includes(department);
}

/** Adds one problem of a row to its list (created on the first problem: most rows have none). */
function addIssue(issues: RowIssue[] | null, cells: RowCells, code: RowErrorCode, field: Field | null, message: string): RowIssue[] {
  const issue: RowIssue = { code, column: field === null ? null : COLUMN_NAME[field], message, value: field === null ? null : cells[field] };
  if (issues === null) return [issue];
  issues.push(issue);
  return issues;
}

const requiredMessage = (field: Field, detail = COLUMN_NAME[field]) => rowMessage("E_REQUIRED", detail);

/** The one problem of a row with neither 报送单位, 指标编码 nor 统计期: what it holds, and what to do with it. */
function keylessIssue(cells: RowCells): RowIssue {
  const keys = `${COLUMN_NAME.department}、${COLUMN_NAME.targetCode}、${COLUMN_NAME.period}`;
  const held = (["value", "unit", "status", "note", "reporter", "reportedAt"] as const).filter((f) => cells[f] !== "");
  const holds = held.length === 0 ? "" : `本行只有${held.map((f) => `「${COLUMN_NAME[f]}」“${cells[f].length > 20 ? `${cells[f].slice(0, 20)}…` : cells[f]}”`).join("、")}；`;
  const total = cells.value !== "" && isBareFigure(cells.value) ? `如是合计行，请删去，或在该行写上“合计”；` : "";
  return {
    code: "E_REQUIRED",
    column: COLUMN_NAME.targetCode,
    message: rowMessage("E_REQUIRED", `${keys}都没有填写（${holds}${total}如是报送数据，请补填这三列）`),
    value: cells.targetCode,
  };
}

/** The rules of one row: every verdict and message of the reader comes from here. The accepted row, or its problems. */
/**
 * (.xlsx) A unit or % in a number cell may be the cell's number format showing it (0%, 0"家"), not typed: said, so
 * that the department clears the format rather than looks for a unit it never wrote.
 */
function formattedUnitHint(options: RowOptions): string {
  return options.excelSerial ? "（工作簿中单元格的数字格式也会显示单位或百分号：若该格只输入了数，如设成了百分比格式，请把它的格式改为“常规”）" : "";
}

function checkCells(cells: RowCells, sourceRow: number, memo: RowMemo): ValidRow | RowIssue[] {
  const { ctx, options } = memo;
  let issues: RowIssue[] | null = null;

  // no key at all (a total row left without its label, a stray line of figures): one problem, saying what the row
  // holds, rather than three bare 必填值为空
  if (cells.department === "" && cells.targetCode === "" && cells.period === "") return [keylessIssue(cells)];

  // (the target first: it decides a department name that several policies use for different departments)
  const targetCode = cells.targetCode === "" ? null : memo.targetCode(cells.targetCode);
  const target = targetCode === null ? undefined : ctx.targets.get(targetCode);

  // 报送单位
  let department: string | null = null;
  if (cells.department === "") issues = addIssue(issues, cells, "E_REQUIRED", "department", requiredMessage("department"));
  else {
    department = memo.department(cells.department, target);
    if (department === null) issues = addIssue(issues, cells, "E_UNKNOWN_DEPARTMENT", "department", rowMessage("E_UNKNOWN_DEPARTMENT", `“${cells.department}”${dittoHint(cells.department, COLUMN_NAME.department) || memo.departmentHint(cells.department)}`));
  }

  // 指标编码
  if (cells.targetCode === "") issues = addIssue(issues, cells, "E_REQUIRED", "targetCode", requiredMessage("targetCode"));
  else if (targetCode === null) issues = addIssue(issues, cells, "E_UNKNOWN_CODE", "targetCode", rowMessage("E_UNKNOWN_CODE", `“${cells.targetCode}”${dittoHint(cells.targetCode, COLUMN_NAME.targetCode) || memo.codeHint(cells.targetCode)}`));

  // 统计期
  let period: string | null | undefined;
  const parsedPeriod = memo.period(cells.period);
  if (parsedPeriod.ok) period = parsedPeriod.value;
  else issues = addIssue(issues, cells, parsedPeriod.code, "period", parsedPeriod.message);
  if (period === null) issues = addIssue(issues, cells, "E_REQUIRED", "period", requiredMessage("period"));
  if (period && target) {
    const bounded = memo.periodInBounds(period, target.countingStart);
    if (bounded.ok) period = bounded.value;
    else {
      period = undefined;
      issues = addIssue(issues, cells, bounded.code, "period", bounded.message);
    }
  }

  // 完成状态, 累计完成值
  let status: Status | null | undefined;
  const parsedStatus = memo.status(cells.status);
  if (parsedStatus.ok) status = parsedStatus.value;
  else issues = addIssue(issues, cells, parsedStatus.code, "status", parsedStatus.message);
  let reported: ReportedValue | null | undefined;
  // (a rate of change, 增长8%, may be below zero: its figure fell)
  const parsedValue = parseValue(cells.value, target?.signed === true ? SIGNED : undefined);
  if (parsedValue.ok) reported = parsedValue.value;
  // 「—」「/」「无」 beside a status: the row says "no figure", as an empty cell would (without a status it is rejected,
  // saying to leave the cell empty or give the status; 待统计, a figure not known yet, is rejected either way)
  else if (status !== null && status !== undefined && isNoFigure(cells.value)) reported = null;
  else issues = addIssue(issues, cells, parsedValue.code, "value", parsedValue.message);
  if (target?.kind === "milestone") {
    if (status === null) issues = addIssue(issues, cells, "E_REQUIRED", "status", requiredMessage("status", `${COLUMN_NAME.status}（里程碑类指标须填写 未启动、推进中 或 已完成）`));
  }
  // a figure typed beside an empty 累计完成值: in the 单位 cell (「388」「700家」 over the template's 家), or as the whole
  // of 进展情况 (「388」「388家」): loaded as a status alone it would be lost without a word
  const figureInUnit = reported === null && target?.kind !== "milestone" && isBareFigure(cells.unit) && unitDef(memo.unitCell(cells.unit) ?? "") === null;
  if (target?.kind !== "milestone" && status === null && reported === null) {
    // a recurring activity is reported by its status first (the template says so), a count of times optional
    // (a figure in 单位 alone: that it belongs in 累计完成值 is said below, not that 累计完成值 is empty)
    if (target?.kind === "recurring") {
      issues = addIssue(issues, cells, "E_REQUIRED", "status", requiredMessage("status", `${COLUMN_NAME.status}（常态化任务请填写 推进中 或 已完成；可在「${COLUMN_NAME.value}」中填写累计开展次数）`));
    } else if (!figureInUnit) issues = addIssue(issues, cells, "E_REQUIRED", "value", requiredMessage("value", `${COLUMN_NAME.value}（未填写${COLUMN_NAME.status}时必填）`));
  }

  if (reported === null && target?.kind !== "milestone") {
    if (figureInUnit) {
      issues = addIssue(issues, cells, "E_VALUE_MISPLACED", "unit", rowMessage("E_VALUE_MISPLACED",
        `「${COLUMN_NAME.unit}」列填了“${cells.unit}”：数请填在「${COLUMN_NAME.value}」列，「${COLUMN_NAME.unit}」列只填计量单位${target?.unit ? `（如 ${target.unit}）` : ""}`));
    } else if (isBareFigure(cells.note)) {
      issues = addIssue(issues, cells, "E_VALUE_MISPLACED", "note", rowMessage("E_VALUE_MISPLACED",
        `「${COLUMN_NAME.note}」列只填了一个数“${cells.note}”：累计数请填在「${COLUMN_NAME.value}」列，「${COLUMN_NAME.note}」写文字说明`));
    }
  }

  // Units: the cell, the 单位 column and the header must agree (人 and 名 do: unitAgrees); then convert to the target's unit.
  let value: number | null = null;
  let reportedUnit: string | null = null;
  let unitOk = true;
  if (reported) {
    const inCell = reported.unitInCell;
    const inColumn = memo.unitCell(cells.unit);
    // (a money unit in the header, 「累计完成值（万元）」 over a table of money and counts, is the form's 金额单位: it says
    // nothing of a row whose target counts 家, as 「单位：万元」 above the table says nothing of it)
    const headerUnit = options.valueHeaderUnit ?? null;
    const inHeader = headerUnit !== null && target?.unit != null && memo.isMoneyUnit(headerUnit) && !memo.isMoneyUnit(target.unit) ? null : headerUnit;
    // the first unit written (cell, then column, then header) is the reported one; any other one differing is a mismatch;
    // none written: a money target's figure is in the form's 金额单位
    const formMoney = options.moneyUnit && target?.unit != null && memo.isMoneyUnit(target.unit) ? options.moneyUnit : null;
    reportedUnit = inCell ?? inColumn ?? inHeader ?? formMoney;
    // 1.2万 beside 万元: 1.2万元, or 1.2 × 万 × 万元? Neither is read.
    const scaledBeside = reported.scaleOnly === null ? undefined : [
      { where: `「${COLUMN_NAME.unit}」列`, unit: inColumn },
      { where: "表头", unit: inHeader ?? options.valueSuffix ?? null },
      { where: "表头上方的金额单位", unit: inColumn ?? inHeader ? null : formMoney },
    ].find((e) => e.unit !== null && unitCarriesScale(e.unit));
    if (scaledBeside) {
      unitOk = false;
      const written = cells.value.trim();
      const bare = written.endsWith(reported.scaleOnly!) ? written.slice(0, -reported.scaleOnly!.length).trim() : null;
      issues = addIssue(issues, cells, "E_UNIT_MISMATCH", "value", rowMessage("E_UNIT_MISMATCH",
        `“${written}”中的“${reported.scaleOnly}”与${scaledBeside.where}的 ${scaledBeside.unit} 重复，无法确定数量级；请只在一处写明` +
          (bare ? `（如填 ${bare}，单位按${scaledBeside.where}的 ${scaledBeside.unit}）` : "")));
    } else if ((inColumn !== null && !unitAgrees(inColumn, reportedUnit)) || (inHeader !== null && !unitAgrees(inHeader, reportedUnit))) {
      unitOk = false;
      const explicit = [
        { where: "单元格", unit: inCell },
        { where: `「${COLUMN_NAME.unit}」列`, unit: inColumn },
        { where: "表头", unit: inHeader },
      ].filter((e): e is { where: string; unit: string } => e.unit !== null);
      issues = addIssue(issues, cells, "E_UNIT_MISMATCH", "value", rowMessage("E_UNIT_MISMATCH",
        `${explicit.map((e) => `${e.where}为 ${e.unit}`).join("，")}：同一个数写了不同的单位，请只写一处，或使各处一致${inCell !== null ? formattedUnitHint(options) : ""}` +
          // (1.5天 for a target in 个工作日: calendar days are no working days)
          (explicit.some((e) => /工作日/.test(e.unit)) && explicit.some((e) => /^(?:天|日|自然日)$/.test(e.unit)) ? "（天（自然日）与工作日不能换算：请按工作日计，只填数字）" : "")));
    }
    if (unitOk && target) {
      const targetUnit = target.unit;
      const moneyTarget = targetUnit !== null && memo.isMoneyUnit(targetUnit);
      if (reported.scaleOnly !== null && reportedUnit === null && moneyTarget) {
        unitOk = false;
        issues = addIssue(issues, cells, "E_UNIT_MISMATCH", "value", rowMessage("E_UNIT_MISMATCH", `“${cells.value}”未写明金额单位，请写成如 ${cells.value.trim()}${targetUnit.replace(/^[千万亿]+/, "") || "元"} 或换算为 ${targetUnit}`));
      } else if (targetUnit === null || reportedUnit === null) {
        value = reported.value;
        reportedUnit ??= targetUnit;
      } else {
        // a unit converts to itself (convertUnit's first rule), without normalising the same text twice per row
        value = reportedUnit === targetUnit ? reported.value : convertUnit(reported.value, reportedUnit, targetUnit);
        if (value === null) {
          unitOk = false;
          // the unit from the 单位 column is that column's fault; a scale word alone (亿, 万) is no unit at all
          const where = inCell === null && inColumn !== null ? "unit" : "value";
          const bareScale = /^[十百千万亿]+$/.test(reportedUnit);
          issues = addIssue(issues, cells, "E_UNIT_MISMATCH", where, rowMessage("E_UNIT_MISMATCH", bareScale
            ? `“${reportedUnit}”不是计量单位（指标单位为 ${targetUnit}）：${`${reportedUnit}${targetUnit.replace(/^[十百千万亿]+/, "")}` === targetUnit
              ? `请写成 ${targetUnit}`
              : `请写成如 ${reportedUnit}${targetUnit.replace(/^[十百千万亿]+/, "")}，或换算为 ${targetUnit}`}`
            : `${inCell === null && inColumn === null ? (inHeader !== null ? "表头（列名）所写" : "表头上方所写的金额") : "填写"}的单位为 ${reportedUnit}，指标单位为 ${targetUnit}，两者无法换算` +
              (inCell !== null ? formattedUnitHint(options) : "") +
              // (「单位」 holding 市经信局: the column meant the reporting unit)
              (where === "unit" && unitDef(reportedUnit) === null && /^[0-9.,，]+$/.test(reportedUnit)
                // (「单位」 holding 62: the figure typed one column too far, or its column shifted)
                ? `（「${COLUMN_NAME.unit}」列填的是数字：数值请填在「${COLUMN_NAME.value}」列，「${COLUMN_NAME.unit}」列只填计量单位，如 ${targetUnit}）`
                : where === "unit" && unitDef(reportedUnit) === null && !/\d/.test(reportedUnit)
                ? DEPARTMENT_LIKE.test(reportedUnit)
                  ? `（「${COLUMN_NAME.unit}」列应填计量单位；如这一列填的是报送单位，请把列名改为「${COLUMN_NAME.department}」）`
                  : `（「${COLUMN_NAME.unit}」列只填一个计量单位，如 ${targetUnit}）`
                : "")));
        }
      }
    }
  }

  // 填报日期
  // (unreadable: the row is not rejected for it, but loaded without a report date and flagged: reportedAtProblem)
  const parsedDate = memo.reportDate(cells.reportedAt);
  const reportedAt = parsedDate.ok ? parsedDate.value : null;

  // The department must be one of the target's reporters.
  if (department !== null && target && !reportsTarget(target, department)) {
    const reporters = target.reportingDepartments.length === 0 ? "（该指标未登记报送单位）" : `（应由 ${target.reportingDepartments.join("、")} 报送）`;
    // (各镇（街道）: a group's name, whose members each report in their own name)
    const collective = /^各/.test(department) && target.reportingDepartments.length > 1 ? `：「${department}」是统称，请由各单位用自己的名称分别报送` : "";
    issues = addIssue(issues, cells, "E_NOT_REPORTER", "department", rowMessage("E_NOT_REPORTER", `${department} 不报送指标 ${targetCode}${collective}${reporters}`));
  } else if (department !== null && target && targetCode !== null && memo.ctx.foreignDepartment) {
    // (and be that policy's department: not the same-named one of another city)
    const foreign = memo.foreignDepartment(cells.department, targetCode, department);
    if (foreign !== null) issues = addIssue(issues, cells, "E_NOT_REPORTER", "department", rowMessage("E_NOT_REPORTER", foreign));
  }

  if (issues !== null || department === null || targetCode === null || !period || !target || status === undefined || !unitOk) {
    return issues ?? [];
  }
  return {
    department,
    departmentAsWritten: cells.department,
    targetCode,
    period,
    value,
    unit: reported ? (target.unit ?? reportedUnit) : target.unit,
    reportedValue: reported ? reported.value : null,
    reportedUnit: reported ? reportedUnit : null,
    status,
    note: emptyToNull(cells.note),
    reporter: emptyToNull(cells.reporter),
    reportedAt,
    ...(parsedDate.ok ? {} : { reportedAtProblem: parsedDate.message }),
    // 1.000家: a thousands separator typed as a decimal point? (read as 1; reviewReasons asks for a counted thing)
    ...(reported && DOTTED_THOUSANDS.test(cells.value) ? { valueAsWritten: cells.value } : {}),
    sourceRow,
  };
}

/** A number whose decimals are groups of three (1.000, 12.500.000): maybe a thousands separator typed as a point. */
// (no look-ahead: DuckDB's regular expressions, which src/bulk.ts runs it in, have none)
export const DOTTED_THOUSANDS = /^\d{1,3}(?:[.．]\d{3})+(?:[^\d.．]|$)/;

/**
 * Checks one row (trimmed cells per field). Returns the accepted row (without its row number) or every issue.
 */
export function checkRow(
  cells: RowCells,
  ctx: IngestContext,
  options: RowOptions = {},
): { ok: true; row: Omit<ValidRow, "sourceRow"> } | { ok: false; issues: RowIssue[] } {
  const result = checkCells(cells, 0, new RowMemo(ctx, options));
  if (Array.isArray(result)) return { ok: false, issues: result };
  const { sourceRow: _sourceRow, ...row } = result;
  return { ok: true, row };
}

/** The parts of the key a file may hold once, from one cleaned cell each (null when the cell is empty). */
const keyPart = {
  department: (cell: string, memo: RowMemo, target?: IngestTarget) => (cell === "" ? null : memo.department(cell, target) ?? memo.name(cell)),
  targetCode: (cell: string, memo: RowMemo) => (cell === "" ? null : memo.targetCode(cell) ?? memo.cell(cell)),
  period: (cell: string, memo: RowMemo) => {
    if (cell === "") return null;
    const p = memo.period(cell);
    return p.ok && p.value !== null ? p.value : memo.cell(cell);
  },
};

/** A rejected row's key when all three parts are readable and the department reports the target (Reject.reported). */
function reportedKey(cells: RowCells, memo: RowMemo): Reject["reported"] {
  const code = cells.targetCode === "" ? null : memo.targetCode(cells.targetCode);
  const target = code === null ? undefined : memo.ctx.targets.get(code);
  if (target === undefined || cells.department === "" || cells.period === "") return null;
  let department = memo.department(cells.department, target);
  // (a name not known that is near one reporter of the target alone, 周巷 for 周巷镇, as its message asks: the row was
  // meant for it, and that department's month counts as sent back, not as never sent)
  if (department === null) {
    const near = nearNames(normalizeName(cells.department), target.reportingDepartments);
    if (near.length === 1) department = near[0]!;
  }
  const period = memo.period(cells.period);
  if (department === null || !reportsTarget(target, department) || !period.ok || period.value === null) return null;
  // (the same-named department of another policy, 宁波市经信局 sending a code of Cixi's: not the row of Cixi's 市经信局,
  // whose month it must not mark as sent back)
  if (memo.ctx.foreignDepartment && memo.foreignDepartment(cells.department, code!, department) !== null) return null;
  return { department, targetCode: code!, period: period.value };
}

/** A rejected row's target and period when both are readable, whatever its department (Reject.meant). */
function meantKey(cells: RowCells, memo: RowMemo): Reject["meant"] {
  const code = cells.targetCode === "" ? null : memo.targetCode(cells.targetCode);
  if (code === null || cells.period === "") return null;
  const period = memo.period(cells.period);
  return period.ok && period.value !== null ? { targetCode: code, period: period.value } : null;
}

/** The key a file may hold once: department (canonical when known) + target code + period. */
function rowKey(cells: RowCells, memo: RowMemo): string | null {
  const code = keyPart.targetCode(cells.targetCode, memo);
  const department = keyPart.department(cells.department, memo, memo.targetOf(cells.targetCode));
  const period = keyPart.period(cells.period, memo);
  if (department === null || code === null || period === null) return null;
  return `${department}\u0000${code}\u0000${period}`;
}

/**
 * Rows sharing a key: every copy is rejected (which one is right is unknown), each naming the others.
 * Rows with other problems still count, so a broken copy does not let its twin through.
 */
export function duplicateKeyIssues(rows: readonly { row: number; cells: RowCells }[], ctx: IngestContext, options: RowOptions = {}): Map<number, RowIssue> {
  return keyIssues(rows, new RowMemo(ctx, options));
}

function keyIssues(rows: readonly { row: number; cells: RowCells }[], memo: RowMemo): Map<number, RowIssue> {
  const issues = numberedKeyIssues(rows, memo) ?? stringKeyIssues(rows, memo);
  return issues.size === 0 ? issues : identicalCopies(rows, memo, issues);
}

/**
 * A row pasted twice (every cell the same): no doubt which is right, so the first copy is read and each other copy
 * rejected as E_DUPLICATE_ROW, naming it. Copies that differ in any cell are E_DUPLICATE_KEY, every one of them.
 */
function identicalCopies(rows: readonly { row: number; cells: RowCells }[], memo: RowMemo, issues: Map<number, RowIssue>): Map<number, RowIssue> {
  const groups = new Map<string, { row: number; cells: RowCells }[]>();
  for (const r of rows) {
    if (!issues.has(r.row)) continue;
    const key = rowKey(r.cells, memo);
    if (key !== null) (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
  }
  const same = (a: RowCells, b: RowCells) => (Object.keys(a) as (keyof RowCells)[]).every((f) => a[f] === b[f]) && Object.keys(a).length === Object.keys(b).length;
  for (const [first, ...copies] of groups.values()) {
    if (copies.length === 0 || !copies.every((c) => same(c.cells, first!.cells))) continue;
    issues.delete(first!.row);
    for (const c of copies) {
      issues.set(c.row, { code: "E_DUPLICATE_ROW", column: null, value: null, message: rowMessage("E_DUPLICATE_ROW", `第 ${first!.row} 行（重复粘贴？）；只按第 ${first!.row} 行处理，本行不再读取`) });
    }
  }
  return issues;
}

/** How many other copies a duplicate-key message names before it only counts the rest. */
export const DUPLICATES_NAMED = 5;

/**
 * The other rows of a duplicate key, as the message names them: all of them when few, else the first
 * DUPLICATES_NAMED and a count (「第 2 行、第 3 行、…第 9 行等 1,200 行」), so that a key repeated on thousands of rows
 * costs linear time and text, not quadratic.
 */
function otherRows(rowNumbers: readonly number[], self: number): string {
  const named: string[] = [];
  for (const o of rowNumbers) {
    if (o === self) continue;
    if (named.length === DUPLICATES_NAMED) return `${named.join("、")}等 ${(rowNumbers.length - 1).toLocaleString("en-US")} 行`;
    named.push(`第 ${o} 行`);
  }
  return named.join("、");
}

/** The issues of the rows sharing a key, `key → its rows` in first-seen order. */
function issuesOf(byKey: Map<unknown, number | number[]>, parts: (key: unknown) => string[]): Map<number, RowIssue> {
  const issues = new Map<number, RowIssue>();
  for (const [key, rowNumbers] of byKey) {
    if (typeof rowNumbers === "number") continue;
    const [department, code, period] = parts(key);
    for (const n of rowNumbers) {
      const others = otherRows(rowNumbers, n);
      issues.set(n, {
        code: "E_DUPLICATE_KEY",
        column: null,
        message: rowMessage("E_DUPLICATE_KEY", `与${others}重复（${department}，${code}，${period}）`),
        value: null,
      });
    }
  }
  return issues;
}

/** Records a row under its key: the first row, then (from a second row on) the list of all of them. */
function addRow<K>(byKey: Map<K, number | number[]>, key: K, row: number): boolean {
  const seen = byKey.get(key);
  if (seen === undefined) {
    byKey.set(key, row);
    return false;
  }
  if (typeof seen === "number") byKey.set(key, [seen, row]);
  else seen.push(row);
  return true;
}

/** The reference form: rowKey as one string. */
function stringKeyIssues(rows: readonly { row: number; cells: RowCells }[], memo: RowMemo): Map<number, RowIssue> {
  const byKey = new Map<string, number | number[]>();
  let repeated = false;
  for (const r of rows) {
    const key = rowKey(r.cells, memo);
    if (key !== null && addRow(byKey, key, r.row)) repeated = true;
  }
  return repeated ? issuesOf(byKey, (key) => (key as string).split("\u0000")) : new Map();
}

/**
 * The same keys as numbers: each part of rowKey (department, code, period) numbered by its distinct text, a row's key
 * packed with its index into one number, and the numbers sorted, so that rows sharing a key sit side by side — no new
 * string and no map entry per row. Null (use the strings) when a part holds the separator, which the string key could
 * not tell apart, or when the numbers would not stay exact.
 */
function numberedKeyIssues(rows: readonly { row: number; cells: RowCells }[], memo: RowMemo): Map<number, RowIssue> | null {
  const texts: string[][] = [[], [], []];
  const ids = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const byCell = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  // the department part by its cell and the row's code (the target decides a name several policies use): cell → code → id
  const departmentIds = new Map<string, Map<string, number>>();
  const part = (which: 0 | 1 | 2, cell: string, code = ""): number => {
    const cache = which === 0 ? (departmentIds.get(cell) ?? departmentIds.set(cell, new Map()).get(cell)!) : byCell[which]!;
    const at = which === 0 ? code : cell;
    let id = cache.get(at);
    if (id !== undefined) return id;
    // a non-empty cell (the caller skips rows with an empty one): always a part
    const text = (which === 0 ? keyPart.department(cell, memo, memo.targetOf(code)) : (which === 1 ? keyPart.targetCode : keyPart.period)(cell, memo))!;
    id = ids[which]!.get(text);
    if (id === undefined) {
      id = text.includes("\u0000") ? -1 : texts[which]!.push(text) - 1;
      if (id >= 0) ids[which]!.set(text, id);
    }
    cache.set(at, id);
    return id;
  };
  const n = rows.length;
  const parts = new Int32Array(3 * n).fill(-1);
  for (let i = 0; i < n; i++) {
    const { department, targetCode, period } = rows[i]!.cells;
    if (department === "" || targetCode === "" || period === "") continue;
    const d = part(0, department, targetCode);
    const c = part(1, targetCode);
    const p = part(2, period);
    if (d < 0 || c < 0 || p < 0) return null;
    parts[3 * i] = d;
    parts[3 * i + 1] = c;
    parts[3 * i + 2] = p;
  }
  const [codes, periods] = [texts[1]!.length, texts[2]!.length];
  const slots = 2 ** Math.ceil(Math.log2(n + 1));
  if (texts[0]!.length * codes * periods * slots > Number.MAX_SAFE_INTEGER) return null;
  // key · slots + index, sorted: equal keys are adjacent, each run in row order
  const keyed = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (parts[3 * i]! < 0) continue;
    keyed[m++] = ((parts[3 * i]! * codes + parts[3 * i + 1]!) * periods + parts[3 * i + 2]!) * slots + i;
  }
  const sorted = keyed.subarray(0, m).sort();
  const groups: number[][] = [];
  for (let a = 0; a < m; ) {
    const key = Math.floor(sorted[a]! / slots);
    let b = a + 1;
    while (b < m && Math.floor(sorted[b]! / slots) === key) b++;
    if (b - a > 1) groups.push(Array.from(sorted.subarray(a, b), (x) => x % slots));
    a = b;
  }
  if (groups.length === 0) return new Map();
  // in the order the keys first occur, as the string form lists them
  groups.sort((x, y) => x[0]! - y[0]!);
  const byKey = new Map<number[], number[]>(groups.map((g) => [g, g.map((i) => rows[i]!.row)]));
  return issuesOf(byKey, (g) => {
    const i = (g as number[])[0]!;
    return [texts[0]![parts[3 * i]!]!, texts[1]![parts[3 * i + 1]!]!, texts[2]![parts[3 * i + 2]!]!];
  });
}

export type ValidateOptions = RowOptions & {
  /**
   * CSV only: a row with more cells than the header, or a non-empty cell in a column without header, is rejected
   * (misaligned, e.g. by an unquoted 1,234).
   */
  rejectUnheadedCells?: boolean;
  /**
   * False when the rows are some of the table's only (the bulk reader's leftovers, the others stored by SQL, none of
   * them wider than the header): blank cells beyond the header are then never the file's shape (trailingBlanks).
   */
  wholeTable?: boolean;
  /** Rows (1-based) whose quoting is malformed (CSV). */
  quoteErrorRows?: ReadonlySet<number>;
};

/** Validates every data row of a table: accepted rows, and one reject per problem of each rejected row. */
export function validateRows(rows: readonly TableRow[], ctx: IngestContext, options: ValidateOptions = {}): { rows: ValidRow[]; rejects: Reject[] } {
  const run = new Validation(rows, ctx, options);
  run.check(0, rows.length);
  return { rows: run.valid, rejects: run.rejects };
}

/** For a caller that stores the accepted rows of a large file while the rest are being checked (luoshi ingest). */
export type ValidateHooks = {
  /**
   * Before the row checks: every known target code the rows name (the accepted rows' codes are among them).
   * Awaited.
   */
  codes?: (codes: string[]) => Promise<void> | void;
  /** The accepted rows of each chunk of rows checked, in file order. Awaited before the next chunk is checked. */
  accepted: (rows: ValidRow[]) => Promise<void> | void;
  /** After each chunk: how many rows have been checked, of how many. */
  checked?: (done: number, total: number) => void;
  /** Rows checked per chunk. Default 50,000. */
  chunkRows?: number;
};

/** validateRows, handing the accepted rows over chunk by chunk as it goes: the same verdicts, in the same order. */
export async function validateRowsInChunks(
  rows: readonly TableRow[],
  ctx: IngestContext,
  options: ValidateOptions,
  hooks: ValidateHooks,
): Promise<{ rows: ValidRow[]; rejects: Reject[] }> {
  const run = new Validation(rows, ctx, options);
  if (hooks.codes) {
    const codes = new Set<string>();
    for (const r of rows) {
      const written = r.cells.targetCode;
      const code = written === "" ? null : run.memo.targetCode(written);
      if (code !== null) codes.add(code);
    }
    await hooks.codes([...codes]);
  }
  const chunk = Math.max(1, hooks.chunkRows ?? 50_000);
  for (let start = 0; start < rows.length; start += chunk) {
    const before = run.valid.length;
    run.check(start, Math.min(rows.length, start + chunk));
    await hooks.accepted(run.valid.slice(before));
    hooks.checked?.(Math.min(rows.length, start + chunk), rows.length);
  }
  return { rows: run.valid, rejects: run.rejects };
}

/** One validation of a table's rows: the duplicate keys first (they span the file), then each row in order. */
class Validation {
  readonly memo: RowMemo;
  readonly valid: ValidRow[] = [];
  readonly rejects: Reject[] = [];
  private readonly duplicates: Map<number, RowIssue>;
  private readonly quoteErrorRows: ReadonlySet<number> | null;

  constructor(
    private readonly rows: readonly TableRow[],
    ctx: IngestContext,
    private readonly options: ValidateOptions,
  ) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(ctx.asOf)) throw new TypeError(`IngestContext.asOf must be YYYY-MM-DD, got ${JSON.stringify(ctx.asOf)}`);
    this.memo = new RowMemo(ctx, options);
    this.duplicates = keyIssues(rows, this.memo);
    this.quoteErrorRows = options.quoteErrorRows !== undefined && options.quoteErrorRows.size > 0 ? options.quoteErrorRows : null;
    // every row ends in blank cells beyond the header (a comma at the end of each data line, not of the header's): the
    // file's shape, not a row shifted by a comma inside a cell, which would leave some rows as wide as the header
    // (two rows at least: one row shows no shape)
    this.trailingBlanks = options.rejectUnheadedCells === true && options.wholeTable !== false && rows.length > 1 &&
      rows.every((r) => r.extraFields > 0 && r.unheaded.length === 0 && r.splitNumber === undefined);
  }

  private readonly trailingBlanks: boolean;

  /** Checks rows start…end (indexes into the table's rows). */
  check(start: number, end: number): void {
    const { memo, options, duplicates, quoteErrorRows, valid, rejects } = this;
    for (let index = start; index < end; index++) {
      const r = this.rows[index]!;
      const result = r.figureElsewhere === undefined ? checkCells(r.cells, r.row, memo) : withFigureElsewhere(checkCells(r.cells, r.row, memo), r, memo);
      const quoteError = quoteErrorRows !== null && quoteErrorRows.has(r.row);
      const extraCells = options.rejectUnheadedCells === true && !this.trailingBlanks && (r.unheaded.length > 0 || r.extraFields > 0 || r.splitNumber !== undefined);
      // (.xlsx: a number in a column with no heading inside the table, another figure that nothing names)
      const figureBeside = options.rejectUnheadedCells !== true && r.figureBeside !== undefined;
      const duplicate = duplicates.size > 0 ? duplicates.get(r.row) : undefined;
      const ok = !Array.isArray(result);
      if (ok && !quoteError && !extraCells && !figureBeside && !duplicate) {
        const merged = r.mergedAbove === undefined ? [] : (["value", "status"] as const).flatMap((field) => {
          const shown = r.mergedAbove![field];
          return shown === undefined ? [] : [{ field, shown }];
        });
        valid.push(r.struck === undefined && merged.length === 0 ? result : { ...result, ...(r.struck && { struck: r.struck }), ...(merged.length > 0 && { mergedEmpty: merged }) });
        continue;
      }
      // (a number split at its thousands comma shifted the cells after it: what they say about their columns is noise)
      const shifted = extraCells && r.splitNumber !== undefined && r.extraFields === 1;
      const issues = ok || shifted ? [] : r.mergedAbove === undefined ? result : withMergeHint(result, r.mergedAbove);
      if (quoteError) issues.push({ code: "E_CSV_QUOTES", column: null, message: rowMessage("E_CSV_QUOTES", swallowedLines(r) ?? unclosedQuote(r)), value: null });
      if (extraCells) {
        // extra cells that are all blank: a trailing comma or space more often than a shifted row
        const blank = r.unheaded.length === 0 ? "，多出的单元格是空白的（本行其他各列无误时，多半是行尾多打了逗号或空格，删去即可）" : "";
        const split = r.splitNumber === undefined || (r.extraFields > 0 ? !shifted : r.unheaded.length > 0) ? null
          : `累计完成值后一格紧接着 3 位数字（「${r.splitNumber}」），多半是未加引号的千分位数被逗号拆成了两格${shifted ? "，其后各格因此错位" : ""}；请写成 ${r.splitNumber.replace(",", "")}，或给该数加上引号`;
        // (cells that are not blank beyond the header: most often an English comma inside a text, 进展情况 or a name)
        const comma = r.extraFields > 0 && blank === "" && split === null ? "（进展情况等文字中的英文逗号“,”会把一格拆成两格，其后各格随之错位：请改用中文逗号“，”，或给该格加上引号）" : "";
        const detail = shifted ? split! : [r.extraFields > 0 ? `比表头多 ${r.extraFields} 个单元格${blank}${comma}` : null, ...r.unheaded, split].filter((d) => d !== null).join("；");
        issues.push({ code: "E_EXTRA_CELLS", column: null, message: rowMessage("E_EXTRA_CELLS", detail), value: shifted ? r.splitNumber! : r.unheaded.join("；") || null });
      }
      if (figureBeside) {
        // (a workbook has no commas to blame: the code's own words, without its CSV hint)
        issues.push({ code: "E_EXTRA_CELLS", column: null, value: r.figureBeside!,
          message: `该行在无表头的列中有内容：${r.figureBeside}（表格中间这一列没有列名，却填有数，不知它是哪一项的数：请给该列写上列名（如「备注」）或删去；本月的累计数填在「累计完成值」列）` });
      }
      if (duplicate) issues.push(duplicate);
      const rawRow = r.raw;
      const reported = reportedKey(r.cells, memo);
      const meant = reported === null ? meantKey(r.cells, memo) : null;
      for (const i of issues) {
        // the value as the department wrote it, not as read with the header's or the 单位 column's unit
        const value = r.sentValue !== undefined && i.column === COLUMN_NAME.value ? r.sentValue : i.value;
        rejects.push({ ...i, value, row: r.row, rawRow, reported, meant });
      }
    }
  }
}

/**
 * The 必填值为空 of a cell under a cell merged down from above (.xlsx) says so: 「ZN-01」 merged over two rows is read on
 * the first only, and the department sees it on both.
 */
function withMergeHint(issues: RowIssue[], merged: Partial<Record<Field, string>>): RowIssue[] {
  return issues.map((i) => {
    const field = (Object.keys(merged) as Field[]).find((f) => i.code === "E_REQUIRED" && i.column === COLUMN_NAME[f]);
    if (field === undefined) return i;
    const shown = merged[field]!.length > 20 ? `${merged[field]!.slice(0, 20)}…` : merged[field]!;
    return { ...i, message: `${i.message}（该格与上方单元格合并，显示的“${shown}”只算在合并区域的第一行：合并单元格只有第一行有值，请取消合并，在每一行分别填写「${COLUMN_NAME[field]}」）` };
  });
}

/**
 * A row with an empty 累计完成值 whose figure stands in another column the reader does not read (备注 「388」, 本月新增
 * 「25」): rejected with E_VALUE_MISPLACED, naming that column, rather than loaded as a status alone (or skipped as a
 * row left unfilled) and the figure lost. Not for a milestone, which takes no figure.
 */
function withFigureElsewhere(result: ValidRow | RowIssue[], r: TableRow, memo: RowMemo): ValidRow | RowIssue[] {
  const code = Array.isArray(result) ? (r.cells.targetCode === "" ? null : memo.targetCode(r.cells.targetCode)) : result.targetCode;
  if (code !== null && memo.ctx.targets.get(code)?.kind === "milestone") return result;
  const { column, text } = r.figureElsewhere!;
  const issue: RowIssue = {
    code: "E_VALUE_MISPLACED", column, value: text,
    message: rowMessage("E_VALUE_MISPLACED", `「${COLUMN_NAME.value}」列为空，而「${column}」列填了“${text}”：累计数请填在「${COLUMN_NAME.value}」列（「${column}」列不会被读取）`),
  };
  if (!Array.isArray(result)) return [issue];
  // (its own 未填写 complaint says less than where the figure went)
  return [...result.filter((i) => !(i.code === "E_REQUIRED" && i.column === COLUMN_NAME.value)), issue];
}

/** 「「进展情况」列的 "进展良好 以引号开头……」 for a cell whose opening quote is never closed (read as written), else undefined. */
function unclosedQuote(r: TableRow): string | undefined {
  for (const [column, cell] of Object.entries(r.raw)) {
    if (cell.startsWith('"') && (cell.split('"').length - 1) % 2 === 1) {
      return `「${column}」列的 ${cell} 以引号开头，却没有与之成对的引号：请删去这个引号，或在该格内容末尾补上引号`;
    }
  }
  return undefined;
}

/**
 * For a row with a quote error: 「本行有一个单元格跨越 5 行文本…」 when a quote that is never closed where it should be
 * took the lines below into one cell (those rows are then no rows of their own: the department must know); else
 * undefined.
 */
function swallowedLines(r: TableRow): string | undefined {
  let lines = 0;
  for (const cell of Object.values(r.raw)) lines = Math.max(lines, cell.split(/\r\n|\r|\n/).length);
  return lines > 1
    ? `本行有一个单元格跨越 ${lines} 行文本：多半是某个引号没有闭合，把其下 ${lines - 1} 行并入了本行，这些行未被读取；请检查本行及其下各行的引号，修正后重新报送`
    : undefined;
}
