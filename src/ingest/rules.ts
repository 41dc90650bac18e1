/**
 * Row validation of a monthly report against a reference context (targets, department resolver, as-of date):
 * every problem of a row is collected as data, nothing is thrown; a row is valid only without any problem.
 */
import { z } from "zod";
import { normalizeName } from "../text.js";
import { rowMessage, type Parsed, type RowErrorCode } from "./codes.js";
import { COLUMN_NAME, type Field, type TableRow } from "./table.js";
import {
  checkPeriod,
  convertUnit,
  normalizeCell,
  parsePeriod,
  parseReportDate,
  parseStatus,
  parseValue,
  unitDef,
  type IssueParams,
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
};

/** The reference data a file is checked against. No database: the caller builds it. */
export type IngestContext = {
  /** Target code → target. Codes are matched exactly, then case-insensitively when that is unambiguous. */
  targets: ReadonlyMap<string, IngestTarget>;
  /** A department name as written → its canonical name, or null when unknown. */
  resolveDepartment(name: string): string | null;
  /** YYYY-MM-DD: periods after this date's month are rejected. Always explicit. */
  asOf: string;
};

export type RowOptions = {
  /** The file is an .xlsx: bare 5-digit numbers in date columns are Excel serial dates. */
  excelSerial?: boolean;
  /** Unit written in the value header, 「累计完成值（万元）」. */
  valueHeaderUnit?: string | null;
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
  /** YYYY-MM-DD. */
  reportedAt: string | null;
  /** 1-based row number in the file. */
  sourceRow: number;
};

/** One problem of one row. `column` is the Chinese column name of the 报送指南; null for whole-row problems. */
export type RowIssue = { code: RowErrorCode; column: string | null; message: string; value: string | null };

/** A rejected row's problem: the issue plus the row number and the whole row as written. */
export type Reject = RowIssue & { row: number; rawRow: Record<string, string> };

export type RowCells = Record<Field, string>;

const emptyToNull = (s: string) => (s === "" ? null : s);

/** Looks a code up exactly, then case-insensitively when exactly one code matches. */
export function findTargetCode(targets: ReadonlyMap<string, IngestTarget>, written: string): string | null {
  const code = normalizeCell(written);
  if (targets.has(code)) return code;
  const lower = code.toLowerCase();
  const matches = [...targets.keys()].filter((k) => k.toLowerCase() === lower);
  return matches.length === 1 ? matches[0]! : null;
}

/**
 * Checks one row (trimmed cells per field). Returns the accepted row (without its row number) or every issue.
 */
export function checkRow(
  cells: RowCells,
  ctx: IngestContext,
  options: RowOptions = {},
): { ok: true; row: Omit<ValidRow, "sourceRow"> } | { ok: false; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const issue = (code: RowErrorCode, field: Field | null, message: string) =>
    issues.push({ code, column: field === null ? null : COLUMN_NAME[field], message, value: field === null ? null : cells[field] });
  const take = <T>(field: Field, r: Parsed<T>): T | undefined => {
    if (r.ok) return r.value;
    issue(r.code, field, r.message);
    return undefined;
  };
  const required = (field: Field, detail = COLUMN_NAME[field]) => issue("E_REQUIRED", field, rowMessage("E_REQUIRED", detail));

  // 报送单位
  let department: string | null = null;
  if (cells.department === "") required("department");
  else {
    department = ctx.resolveDepartment(cells.department);
    if (department === null) issue("E_UNKNOWN_DEPARTMENT", "department", rowMessage("E_UNKNOWN_DEPARTMENT", `“${cells.department}”`));
  }

  // 指标编码
  let targetCode: string | null = null;
  if (cells.targetCode === "") required("targetCode");
  else {
    targetCode = findTargetCode(ctx.targets, cells.targetCode);
    if (targetCode === null) issue("E_UNKNOWN_CODE", "targetCode", rowMessage("E_UNKNOWN_CODE", `“${cells.targetCode}”`));
  }
  const target = targetCode === null ? undefined : ctx.targets.get(targetCode);

  // 统计期
  let period = take("period", parsePeriod(cells.period, { excelSerial: options.excelSerial }));
  if (period === null) required("period");
  if (period && target) period = take("period", checkPeriod(period, { countingStart: target.countingStart, asOf: ctx.asOf }));

  // 完成状态, 累计完成值
  const status = take("status", parseStatus(cells.status));
  const reported = take("value", parseValue(cells.value));
  if (target?.kind === "milestone") {
    if (status === null) required("status", `${COLUMN_NAME.status}（里程碑类指标须填写 未启动、推进中 或 已完成）`);
  } else if (status === null && reported === null) {
    required("value", `${COLUMN_NAME.value}（未填写${COLUMN_NAME.status}时必填）`);
  }

  // Units: the cell, the 单位 column and the header must agree; then convert to the target's unit.
  let value: number | null = null;
  let reportedUnit: string | null = null;
  let unitOk = true;
  if (reported) {
    const explicit = [
      { where: "单元格", unit: reported.unitInCell },
      { where: `「${COLUMN_NAME.unit}」列`, unit: emptyToNull(normalizeCell(cells.unit)) },
      { where: "表头", unit: options.valueHeaderUnit ?? null },
    ].filter((e): e is { where: string; unit: string } => e.unit !== null);
    const distinct = [...new Set(explicit.map((e) => e.unit))];
    if (distinct.length > 1) {
      unitOk = false;
      issue("E_UNIT_MISMATCH", "value", rowMessage("E_UNIT_MISMATCH", explicit.map((e) => `${e.where}为 ${e.unit}`).join("，")));
    }
    reportedUnit = distinct[0] ?? null;
    if (unitOk && target) {
      const targetUnit = target.unit;
      const moneyTarget = targetUnit !== null && unitDef(targetUnit)?.category === "money";
      if (reported.scaleOnly !== null && reportedUnit === null && moneyTarget) {
        unitOk = false;
        issue("E_UNIT_MISMATCH", "value", rowMessage("E_UNIT_MISMATCH", `“${cells.value}”未写明金额单位，请写成如 ${cells.value.trim()}元 或换算为 ${targetUnit}`));
      } else if (targetUnit === null || reportedUnit === null) {
        value = reported.value;
        reportedUnit ??= targetUnit;
      } else {
        value = convertUnit(reported.value, reportedUnit, targetUnit);
        if (value === null) {
          unitOk = false;
          issue("E_UNIT_MISMATCH", "value", rowMessage("E_UNIT_MISMATCH", `填写的单位为 ${reportedUnit}，指标单位为 ${targetUnit}`));
        }
      }
    }
  }

  // 填报日期
  const reportedAt = take("reportedAt", parseReportDate(cells.reportedAt, { excelSerial: options.excelSerial }));

  // The department must be one of the target's reporters.
  if (department !== null && target && !target.reportingDepartments.includes(department)) {
    const reporters = target.reportingDepartments.length === 0 ? "（该指标未登记报送单位）" : `（应由 ${target.reportingDepartments.join("、")} 报送）`;
    issue("E_NOT_REPORTER", "department", rowMessage("E_NOT_REPORTER", `${department} 不报送指标 ${targetCode}${reporters}`));
  }

  if (issues.length > 0 || department === null || targetCode === null || !period || !target || reportedAt === undefined || status === undefined || !unitOk) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    row: {
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
    },
  };
}

/** The key a file may hold once: department (canonical when known) + target code + period. */
function rowKey(cells: RowCells, ctx: IngestContext, options: RowOptions): string | null {
  if (cells.department === "" || cells.targetCode === "" || cells.period === "") return null;
  const department = ctx.resolveDepartment(cells.department) ?? normalizeName(cells.department);
  const code = findTargetCode(ctx.targets, cells.targetCode) ?? normalizeCell(cells.targetCode);
  const p = parsePeriod(cells.period, { excelSerial: options.excelSerial });
  const period = p.ok && p.value !== null ? p.value : normalizeCell(cells.period);
  return `${department}\u0000${code}\u0000${period}`;
}

/**
 * Rows sharing a key: every copy is rejected (which one is right is unknown), each naming the others.
 * Rows with other problems still count, so a broken copy does not let its twin through.
 */
export function duplicateKeyIssues(rows: readonly { row: number; cells: RowCells }[], ctx: IngestContext, options: RowOptions = {}): Map<number, RowIssue> {
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    const key = rowKey(r.cells, ctx, options);
    if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), r.row]);
  }
  const issues = new Map<number, RowIssue>();
  for (const [key, rowNumbers] of byKey) {
    if (rowNumbers.length < 2) continue;
    const [department, code, period] = key.split("\u0000");
    for (const n of rowNumbers) {
      const others = rowNumbers.filter((o) => o !== n).map((o) => `第 ${o} 行`).join("、");
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

export type ValidateOptions = RowOptions & {
  /**
   * CSV only: a row with more cells than the header, or a non-empty cell in a column without header, is rejected
   * (misaligned, e.g. by an unquoted 1,234).
   */
  rejectUnheadedCells?: boolean;
  /** Rows (1-based) whose quoting is malformed (CSV). */
  quoteErrorRows?: ReadonlySet<number>;
};

/** Validates every data row of a table: accepted rows, and one reject per problem of each rejected row. */
export function validateRows(rows: readonly TableRow[], ctx: IngestContext, options: ValidateOptions = {}): { rows: ValidRow[]; rejects: Reject[] } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ctx.asOf)) throw new TypeError(`IngestContext.asOf must be YYYY-MM-DD, got ${JSON.stringify(ctx.asOf)}`);
  const duplicates = duplicateKeyIssues(rows, ctx, options);
  const valid: ValidRow[] = [];
  const rejects: Reject[] = [];
  for (const r of rows) {
    const result = checkRow(r.cells, ctx, options);
    const issues = result.ok ? [] : [...result.issues];
    if (options.quoteErrorRows?.has(r.row)) issues.push({ code: "E_CSV_QUOTES", column: null, message: rowMessage("E_CSV_QUOTES"), value: null });
    if (options.rejectUnheadedCells && (r.unheaded.length > 0 || r.extraFields > 0)) {
      const detail = [r.extraFields > 0 ? `比表头多 ${r.extraFields} 个单元格` : null, ...r.unheaded].filter((d) => d !== null).join("；");
      issues.push({ code: "E_EXTRA_CELLS", column: null, message: rowMessage("E_EXTRA_CELLS", detail), value: r.unheaded.join("；") || null });
    }
    const duplicate = duplicates.get(r.row);
    if (duplicate) issues.push(duplicate);
    if (result.ok && issues.length === 0) valid.push({ ...result.row, sourceRow: r.row });
    else for (const i of issues) rejects.push({ ...i, row: r.row, rawRow: r.raw });
  }
  return { rows: valid, rejects };
}

/**
 * One row as a zod schema, for callers that validate rows themselves: input is the trimmed cell text per field,
 * output the accepted row; issues are custom issues with `path: [field]` and `params: { code, value }`.
 * (Duplicate keys span rows and are checked by `validateRows`.)
 */
export function monthlyRowSchema(ctx: IngestContext, options: RowOptions = {}) {
  const cell = z.string().default("");
  const shape = {
    department: cell,
    targetCode: cell,
    period: cell,
    value: cell,
    unit: cell,
    status: cell,
    note: cell,
    reporter: cell,
    reportedAt: cell,
  } satisfies Record<Field, typeof cell>;
  const fieldOfColumn = new Map(Object.entries(COLUMN_NAME).map(([f, name]) => [name, f]));
  return z.object(shape).transform((cells, zctx): Omit<ValidRow, "sourceRow"> => {
    const trimmed = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, v.trim()])) as RowCells;
    const result = checkRow(trimmed, ctx, options);
    if (result.ok) return result.row;
    for (const i of result.issues) {
      const field = i.column === null ? null : fieldOfColumn.get(i.column);
      zctx.addIssue({
        code: "custom",
        message: i.message,
        path: field ? [field] : [],
        params: { code: i.code, value: i.value } satisfies IssueParams & { value: string | null },
        input: i.value,
      });
    }
    return z.NEVER;
  });
}
