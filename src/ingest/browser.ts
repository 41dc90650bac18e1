/**
 * The browser entry of the monthly report checks (page 报送自查): the very checks of `luoshi ingest`
 * (checkMonthlyBytes: sniffing, CSV/XLSX reading, header location, row rules), plus the reference data as JSON
 * (written by docs/data/ingest-context.json.js from the warehouse), the rejects as CSV or .xlsx, and the review flags
 * a load would give in a warehouse without earlier figures (review.ts). No Node built-ins:
 * docs/data/ingest-check.js.js bundles this file with esbuild for the browser.
 */
import Papa from "papaparse";
import { checkMonthlyBytes, DEFAULT_MAX_BYTES, type MonthlyFileResult, type ReadOptions } from "./check.js";
import { INGEST_ERROR_CODES } from "./codes.js";
import type { IngestContext, IngestTarget, Reject } from "./rules.js";
import { departmentResolver, foreignDepartmentCheck, type DepartmentIdentities } from "./keys.js";
import { keyCells, rejectsCsv as rejectLinesCsv, rejectsXlsx as rejectLinesXlsx } from "./rejects.js";
import { dropReason, fileDrops, fileJumps, fileStatusBacks, jumpReason, reviewReasons, fileStatedCheck, statusBackReason, statusMayGoBack } from "./review.js";
import { COLUMN_NAME, type FormField } from "./table.js";
import { formFieldsText, missingKeyHint, skippedRowsText } from "./summarytext.js";
import { fileTwins, twinReason } from "./twinrule.js";
import { useSheetLibrary } from "./xls.js";

export { useSheetLibrary, checkMonthlyBytes, DEFAULT_MAX_BYTES, INGEST_ERROR_CODES, COLUMN_NAME, formFieldsText, missingKeyHint, skippedRowsText, type MonthlyFileResult, type ReadOptions };

/** The reference data of a check, as JSON: what ingestLookup (src/monthly.ts) reads from the warehouse. */
export type IngestContextData = {
  /** Target code → unit, kind, counting start, reporting departments (published targets). */
  targets: Record<string, IngestTarget>;
  /** Department alias as keyed by ingestLookup (aliasKey: NFKC, whitespace removed) → the canonical names it stands for. */
  aliases: Record<string, string[]>;
  /**
   * Target code → [goal, figure 已完成 must reach, a quantity's value (a jump's increase reaches it), whether its
   * figure is meant to rise (a fall is flagged), level 已完成 must have come down to, whether it is a rate to come down
   * (下降3%: a figure below zero is asked about), whether it is an increase, whether decimals are expected in a count
   * (targets.averaged)] (null when none): what the review flags compare with (and `targets`'
   * signed: a rate of change, 增长8%, whose small percentages are not asked about).
   */
  review: Record<string, [number | null, number | null, number | null, boolean, number | null, boolean?, boolean?, boolean?]>;
  /** Present when policies use one name for different departments (keys.ts departmentIdentities). */
  identities?: DepartmentIdentities;
  /** Retired codes, upper case (IngestContext.retiredCodes), when there are any. */
  retired?: string[];
};

export { aliasKey } from "./keys.js";

/** The IngestContext of `luoshi ingest --as-of asOf`, from its JSON form. */
export function ingestContext(data: IngestContextData, asOf: string): IngestContext {
  const aliases = new Map(Object.entries(data.aliases));
  return {
    asOf,
    resolveDepartment: departmentResolver(aliases),
    ...(data.identities ? { foreignDepartment: foreignDepartmentCheck(data.identities) } : {}),
    ...(data.retired ? { retiredCodes: new Set(data.retired) } : {}),
    targets: new Map(Object.entries(data.targets)),
  };
}

/** What `luoshi ingest --dry-run` counts without the warehouse's history. */
export type CheckSummary = {
  rowsRead: number;
  /** Rows that pass every check (the CLI splits them into imported, updated and unchanged). */
  accepted: number;
  /** Rejected rows (a row with several problems counts once). */
  rejected: number;
  /** Problems per code (a row with two problems counts under both). */
  rejectedByCode: Record<string, number>;
};

export function summarize(result: MonthlyFileResult): CheckSummary {
  const rejectedByCode: Record<string, number> = {};
  for (const r of result.rejects) rejectedByCode[r.code] = (rejectedByCode[r.code] ?? 0) + 1;
  return {
    rowsRead: result.file.rowsRead,
    accepted: result.rows.length,
    rejected: new Set(result.rejects.map((r) => r.row)).size,
    rejectedByCode,
  };
}

/** A row loaded but flagged for review (待复核), as in the summary of `luoshi ingest`. */
export type ReviewFlag = { row: number; code: string; department: string; period: string; reason: string };

/**
 * The flags `luoshi ingest --dry-run` gives the accepted rows when the warehouse holds no earlier figure of their
 * targets: a figure below the file's own figure of the period before, the reasons of reviewReasons, and a figure ten
 * times the file's own of the period before. (A drop or jump against figures loaded before can only be found by the load.)
 */
export function reviewFlags(result: MonthlyFileResult, data: IngestContextData, asOf: string): ReviewFlag[] {
  const rows = result.fileError ? [] : result.rows;
  const unitOf = (code: string) => data.targets[code]?.unit ?? null;
  const drops = new Map(fileDrops(rows, (code) => data.review[code]?.[3] ?? true, undefined, unitOf).map((d) => [d.index, dropReason(d)]));
  const jumps = new Map(fileJumps(rows, (code) => data.review[code]?.[2] ?? null, undefined, unitOf).map((j) => [j.index, jumpReason(j)]));
  const backs = new Map(fileStatusBacks(rows, (code) => statusMayGoBack(data.targets[code]?.kind, data.review[code]?.[3])).map((b) => [b.index, statusBackReason(b)]));
  // rows of one name credited to two cities' departments of that name (only when some name stands for several)
  const identities = data.identities;
  const twins = new Map(identities === undefined ? [] : fileTwins(
    rows.flatMap((r) => (identities.policies[r.targetCode] === undefined ? [] : [{ row: r.sourceRow, department: r.department, policy: identities.policies[r.targetCode]!, code: r.targetCode, period: r.period }])),
    (policy, name) => identities.names[`${policy}|${name}`],
  ).map((t) => [t.row, twinReason(t)]));
  // (the resolver built only for a file that states a department above its table: checkFile built its own already)
  let ctx: ReturnType<typeof ingestContext> | undefined;
  const stated = fileStatedCheck(result.file, (name) => (ctx ??= ingestContext(data, asOf)).resolveDepartment(name));
  const flags: ReviewFlag[] = [];
  rows.forEach((r, i) => {
    const [goal, doneFloor, , , doneCeiling, fallingRate, increment, averaged] = data.review[r.targetCode] ?? [null, null, null, true, null, false, false, false];
    // (a rate of change, 增长8%, is a target whose figure may be below zero; the other, a change in percentage points,
    // is in 个百分点, which the fraction check of a percentage never asks about)
    const rate = data.targets[r.targetCode]?.signed === true;
    const reasons = [drops.get(i), twins.get(r.sourceRow), stated?.(r), reviewReasons(r, asOf, { goal, doneFloor, doneCeiling, rate, fallingRate: fallingRate === true, increment: increment === true, averaged: averaged === true, milestone: data.targets[r.targetCode]?.kind === "milestone" }), jumps.get(i), backs.get(i)].filter((x): x is string => typeof x === "string");
    if (reasons.length > 0) flags.push({ row: r.sourceRow, code: r.targetCode, department: r.department, period: r.period, reason: reasons.join("；") });
  });
  return flags.sort((a, b) => a.row - b.row);
}

/** A rejected row's 报送单位, 指标编码 and 统计期 as written (the rejects file's first columns: the same function). */
export function rejectKey(r: Reject, above: readonly Above[] = []): [string, string, string] {
  return keyCells({ ...r, above: aboveCells(above) });
}

/** A file's fields stated above or below its table (MonthlyFileResult.file.formFields): a 报送单位 or 统计期 there is each row's. */
type Above = Pick<FormField, "column" | "text">;
const aboveCells = (above: readonly Above[]) => above.map((f) => ({ column: f.column, value: f.text }));

/** The rejected rows as a CSV with BOM, as `luoshi ingest --rejects-out` writes them (the same function). */
export function rejectsCsv(file: string, rejects: readonly Reject[], above: readonly Above[] = []): string {
  return rejectLinesCsv(rejects.map((r) => ({ ...r, file, above: aboveCells(above) })));
}

/** The rejected rows as an .xlsx workbook, as `luoshi ingest --rejects-out FILE.xlsx` writes them (the same function). */
export function rejectsXlsx(file: string, rejects: readonly Reject[], above: readonly Above[] = []): Uint8Array {
  return rejectLinesXlsx(rejects.map((r) => ({ ...r, file, above: aboveCells(above) })));
}

/** Checks a file's bytes against the reference data at `asOf`: the result and its summary. */
export async function checkFile(
  file: { name: string; bytes: Uint8Array },
  data: IngestContextData,
  asOf: string,
  options: ReadOptions = {},
): Promise<{ result: MonthlyFileResult; summary: CheckSummary }> {
  // The CLI reads files of any size (maxBytes: MAX_SAFE_INTEGER); so does the page.
  const checked = await checkMonthlyBytes(file, ingestContext(data, asOf), { maxBytes: Number.MAX_SAFE_INTEGER, ...options });
  // (the key a rejected row was meant for is the warehouse's, as in luoshi ingest's summary: not shown)
  const result = { ...checked, rejects: checked.rejects.map(({ reported: _, meant: _m, ...r }) => r) };
  return { result, summary: summarize(result) };
}
