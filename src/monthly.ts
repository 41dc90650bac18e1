import { listValue, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBValue } from "@duckdb/node-api";
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import Papa from "papaparse";
import { type IngestContext, type IngestTarget, type Reject, type ValidRow } from "./ingest/index.js";
import { type RowErrorCode } from "./ingest/codes.js";
import { checkMonthlyTable, DEFAULT_MAX_BYTES, readMonthlyTable, type MonthlyTable } from "./ingest/check.js";
import { planCsv } from "./ingest/csvplan.js";
import { type FormField } from "./ingest/table.js";
import { rejectsCsv as rejectLinesCsv, rejectsXlsx as rejectLinesXlsx, type RejectLine } from "./ingest/rejects.js";
import { startBulk } from "./bulk.js";
import { findDrops, JUMP_VALUE_SQL, RISES_SQL, TARGETS_IN_FORCE, type Drop, type Jump, type LaterFall } from "./drops.js";
import { findReverts, revertReason, type Revert } from "./reverts.js";
import { findOverrides, overrideReason, type Override } from "./overrides.js";
import { fileTwins, findTwins, twinReason, type Twin } from "./twins.js";
import { findStatusBacks, statusBackReason, type StatusBack } from "./statusbacks.js";
import { dropReason, fileDrops, fileJumps, fileSeries, fileStatusBacks, jumpReason, reviewReasons, fileStatedCheck, statusMayGoBack } from "./ingest/review.js";
import { trace } from "./trace.js";
import { type ProgressReport } from "./progress.js";
import { aliasCandidates, departmentIdentities, departmentResolver, foreignDepartmentCheck, type DepartmentIdentities } from "./ingest/keys.js";
import { query, withAsOf } from "./warehouse.js";

/**
 * Loading monthly report files into the warehouse: per file one transaction, per key (department, target, period)
 * a new version only when the figure changed, every rejected row kept with its reason. Files are archived by content
 * hash with a manifest (arrival order, receipt time, as-of date), so `luoshi build` replays them exactly.
 */

export type IngestSummary = {
  file: string;
  sha256: string | null;
  encoding: string | null;
  format: string | null;
  sheet: string | null;
  /** An .xlsx read without --sheet: its other sheets that hold a table too, not read (load them with --sheet). */
  other_sheets: string[];
  /** An .xlsx read without --sheet whose sheets are named by month (1月…10月): the sheet read is the latest, not the first. */
  sheet_by_month: boolean;
  /** Headers present but not recognised: their cells were not read. */
  ignored_columns: string[];
  /** Fields stated once above the header (「填报单位：周巷镇」, a title's month) or signed below the table (「填表人：张三」), read as every row's: column name, text, row. */
  form_fields: { column: string; value: string; row: number }[];
  /** Rows below the header that hold no report (totals, notes, signatures, section titles), skipped. */
  skipped_rows: { row: number; reason: string }[];
  receipt_no: number | null;
  /** Which reader checked the rows: DuckDB's CSV reader with the JavaScript rules (src/bulk.ts), or JavaScript alone. */
  reader: "bulk" | "js" | null;
  status: "loaded" | "partial" | "already_loaded" | "file_rejected" | "dry_run";
  rows_read: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejected_by_code: Record<string, number>;
  flagged: number;
  file_error: { code: string; message: string } | null;
  rejects: (Reject & { file: string })[];
  flags: { row: number; code: string; department: string; period: string; reason: string }[];
  /**
   * A file loaded before (already_loaded): how many of the figures it stored a later file has changed since (and are
   * not, by a later file again, as this one has them). Sending the same bytes again changes nothing, so it does not bring them back.
   */
  superseded: number;
  /**
   * Loaded after a file received later (--received-at earlier than that file's) that reported some of the same keys:
   * how many keys, and the latest such file. The figures of the file loaded last are current (files count in the
   * order they are loaded, which `luoshi build` replays), so these keys now hold this file's older figures.
   */
  /** Keys this file shares with files loaded before it but received after it: all of them, the latest such file, and each one's. */
  received_before?: { keys: number; file: string; received_at: string; files: { file: string; received_at: string; keys: number }[] };
  /**
   * Figures loaded before, of periods this file does not set, that are now below this file's figure of the period
   * before them (a month raised by a correction): one of the two is wrong; the observations view flags the later one
   * (unless this file's month is a first report and the later month's note gives a reason).
   * Present when there are any.
   */
  later_falls?: { code: string; department: string; period: string; reason: string }[];
};

export type ManifestEntry = { order: number; sha256: string; original_name: string; received_at: string; as_of: string; archive_name: string; sheet: string };

export const MANIFEST_COLUMNS = ["order", "sha256", "original_name", "received_at", "as_of", "archive_name", "sheet"] as const;

export function archiveDir(data: string): string {
  return join(data, "archive");
}

export function readManifest(data: string): ManifestEntry[] {
  const path = join(archiveDir(data), "manifest.csv");
  if (!existsSync(path)) return [];
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, "utf8"), { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => ({
    order: Number(r.order), sha256: r.sha256 ?? "", original_name: r.original_name ?? "", received_at: r.received_at ?? "",
    as_of: r.as_of ?? "", archive_name: r.archive_name ?? "", sheet: r.sheet ?? "",
  }));
}

/** Stores a file's bytes under its content hash (before its transaction commits; idempotent). */
export function storeArchiveFile(data: string, bytes: Uint8Array, sha256: string, originalName: string): string {
  const dir = archiveDir(data);
  mkdirSync(dir, { recursive: true });
  const archiveName = `${sha256}${extname(originalName).toLowerCase()}`;
  if (!existsSync(join(dir, archiveName))) writeFileSync(join(dir, archiveName), bytes);
  return archiveName;
}

/**
 * The files a warehouse has loaded (their original names) whose archive copy the data folder does not hold: the
 * warehouse is another folder's (or that folder's archive was emptied). Empty for the folder's own warehouse.
 */
export async function archivedElsewhere(connection: DuckDBConnection, data: string): Promise<string[]> {
  const receipts = (await query(connection, "SELECT DISTINCT archive_name, original_name FROM raw.receipts WHERE archive_name IS NOT NULL ORDER BY ALL")).rows;
  return receipts.filter((r) => !existsSync(join(archiveDir(data), String(r.archive_name)))).map((r) => String(r.original_name));
}

/**
 * Brings the manifest up to the warehouse's receipts (after a commit): every receipt not yet listed is appended,
 * in receipt order. A process killed between its commit and this step is repaired by the next ingest.
 */
export async function syncManifest(connection: DuckDBConnection, data: string): Promise<void> {
  // a receipt is one file's bytes, and for a workbook the sheet read (one workbook may be loaded sheet by sheet)
  const key = (sha256: unknown, sheet: unknown) => `${String(sha256)}|${String(sheet ?? "")}`;
  const listed = new Set(readManifest(data).map((m) => key(m.sha256, m.sheet)));
  const receipts = (await query(connection, `SELECT sha256, original_name, strftime(received_at, '%Y-%m-%d %H:%M:%S.%g') AS received_at,
      strftime(as_of, '%Y-%m-%d') AS as_of, archive_name, coalesce(sheet, '') AS sheet FROM raw.receipts WHERE archive_name IS NOT NULL ORDER BY receipt_no`)).rows;
  const missing = receipts.filter((r) => !listed.has(key(r.sha256, r.sheet)));
  if (missing.length === 0) return;
  const path = join(archiveDir(data), "manifest.csv");
  mkdirSync(archiveDir(data), { recursive: true });
  if (!existsSync(path)) writeFileSync(path, MANIFEST_COLUMNS.join(",") + "\n");
  let order = listed.size;
  const lines = missing.map((r) => MANIFEST_COLUMNS.map((c) => (c === "order" ? String(++order) : String(r[c] ?? ""))));
  appendFileSync(path, Papa.unparse(lines, { newline: "\n" }) + "\n");
}

export type Lookup = {
  ctx: IngestContext;
  /**
   * target code → {policy_id, target_id, goal: the target's value; doneFloor: the value a quantity target reports
   * 已完成 at, the goal unless the target is a ceiling (at_most) or meant to come down; doneCeiling: the figure a ceiling
   * (控制在50天以内) or a level to come down to (降至0.5吨标煤) reports 已完成 at or below; rate: a rate of change, 增长8% (targets.rate); fallingRate: one to come down, 下降3%}
   */
  targets: Map<string, { policy_id: string; target_id: string; goal: number | null; doneFloor: number | null; doneCeiling: number | null; rate: boolean; fallingRate: boolean; increment: boolean; averaged: boolean; rises: boolean }>;
  /** `${policy_id}|${canonical name}` → department_id */
  departments: Map<string, string>;
  /** Department alias (aliasKey) → the canonical names it stands for (aliasCandidates): what ctx.resolveDepartment reads. */
  aliases: Map<string, string[]>;
  /** Which department a name stands for when policies use one name for different departments (ctx.foreignDepartment reads it); null when none does. */
  identities: DepartmentIdentities | null;
};

/** A query's rows packed into one text by DuckDB (values joined by U+001F, rows by U+001E), with its row count. */
type Packed = { text: string | null; unsafe: boolean; count: number };

/**
 * Packs the rows of a query into one text: thousands of rows cost one value to convert instead of one per cell, which
 * a CLI run notices. `unsafe` when a value is NULL or holds a separator (then the rows are read one by one).
 */
async function packQuery(
  connection: DuckDBConnection, from: string, columns: readonly string[], options: { orderBy?: string; params?: DuckDBValue[]; unsafe?: string } = {},
): Promise<Packed> {
  const { orderBy, params = [], unsafe: alsoUnsafe = "false" } = options;
  const [row] = (await connection.runAndReadAll(`SELECT string_agg(concat_ws(chr(31), ${columns.join(", ")}), chr(30)${orderBy ? ` ORDER BY ${orderBy}` : ""}),
      coalesce(bool_or(${columns.map((c) => `${c} IS NULL OR contains(${c}, chr(30)) OR contains(${c}, chr(31))`).join(" OR ")} OR ${alsoUnsafe}), false), count(*)
    FROM ${from}`, params)).getRowsJS() as [string | null, boolean, bigint][];
  const [text, unsafe, count] = row!;
  return { text, unsafe, count: Number(count) };
}

/** The rows of a packed text; null when they cannot be told apart (read them one by one). */
function unpack(p: Packed, columns: number): string[][] | null {
  if (p.unsafe) return null;
  if (p.count === 0 || p.text === null) return [];
  const rows = p.text.split("\u001e").map((r) => r.split("\u001f"));
  return rows.length === p.count && rows.every((r) => r.length === columns) ? rows : null;
}

/** Rows of a query through one packed text (see packQuery); null when they must be read one by one. */
async function packedRows(
  connection: DuckDBConnection, from: string, columns: readonly string[], options: { orderBy?: string; params?: DuckDBValue[]; unsafe?: string } = {},
): Promise<string[][] | null> {
  return unpack(await packQuery(connection, from, columns, options), columns.length);
}

/** The three parts of the reference data of a monthly file: published targets, who reports each, department names. */
const REFERENCE = {
  targets: {
    // (a count per period: its goal over all the periods to the deadline, see the targets view; 已完成 below the goal is
    // asked about, not for a figure meant to go down: a ceiling, a level to come down to, a goal below its baseline)
    from: `(SELECT policy_id, target_id, code, kind, unit, strftime(counting_start, '%Y-%m-%d') AS counting_start, coalesce(goal, value)::VARCHAR AS goal,
        CASE WHEN kind = 'quantity' AND coalesce(comparator, '') <> 'at_most' AND NOT coalesce(falls AND measure = 'level', false)
          AND NOT coalesce(value < baseline, false) AND goal > 0 THEN goal::VARCHAR END AS done_floor,
        -- (a ceiling, 控制在50天以内, or a level to come down to, 降至0.5吨标煤: 已完成 above it is asked about)
        CASE WHEN kind = 'quantity' AND (comparator IS NOT DISTINCT FROM 'at_most' OR coalesce(falls AND measure = 'level', false))
          AND goal >= 0 THEN goal::VARCHAR END AS done_ceiling,
        -- (a rate to date, 增长8%: small figures are no fractions typed for percentages)
        CASE WHEN rate THEN '1' ELSE '' END AS rate,
        -- (a rate to come down, 下降3%: its figure the size of the fall, below zero asked about)
        CASE WHEN rate AND falls THEN '1' ELSE '' END AS falling_rate,
        -- (an increase from the counting start, 新增20家: a figure above 0 says the work has begun, 未启动 is asked about)
        CASE WHEN kind = 'quantity' AND measure = 'increment' AND NOT rate THEN '1' ELSE '' END AS increment,
        -- (a change in % or percentage points: its figure may be below zero)
        CASE WHEN signed THEN '1' ELSE '' END AS signed,
        -- (a figure per head or per area, or a goal with decimals: decimals in a count unit are not asked about)
        CASE WHEN averaged THEN '1' ELSE '' END AS averaged,
        -- (a figure meant to rise: else, a ceiling, a rate or a standard to keep, its 已完成 may be lost again)
        CASE WHEN rises THEN '1' ELSE '' END AS rises
      FROM targets WHERE status = 'published')`,
    columns: ["policy_id", "target_id", "code", "kind", "coalesce(unit, '')", "coalesce(counting_start, '')", "coalesce(goal, '')", "coalesce(done_floor, '')", "coalesce(done_ceiling, '')", "rate", "falling_rate", "increment", "signed", "averaged", "rises"],
    orderBy: undefined,
  },
  reporters: { from: "target_reporters", columns: ["target_id", "department_name"], orderBy: "target_id, position, department_name" },
  aliases: {
    from: "(SELECT a.policy_id, a.alias, d.name, d.department_id, i.identity_id FROM department_aliases a JOIN departments d USING (department_id) JOIN department_identities i USING (department_id))",
    columns: ["policy_id", "alias", "name", "department_id", "identity_id"], orderBy: undefined,
  },
} as const;

type ReferencePart = keyof typeof REFERENCE;

/**
 * Stores the reference data, packed, in raw.ingest_reference (at build, once the views exist): only a build changes
 * targets, reporters and departments, and reading the views takes a CLI run a third of a second.
 */
export async function storeIngestReference(connection: DuckDBConnection): Promise<void> {
  // (a policy with target adjustments: a target's goal depends on the load's as-of date, so the targets are read at
  // each load, at its date, not stored at the build's)
  const adjusted = Number((await connection.runAndReadAll("SELECT count(*) FROM raw.target_adjustments")).getRowsJS()[0]![0]) > 0;
  for (const [part, q] of Object.entries(REFERENCE) as [ReferencePart, (typeof REFERENCE)[ReferencePart]][]) {
    if (part === "targets" && adjusted) continue;
    const p = await packQuery(connection, q.from, q.columns, { orderBy: q.orderBy });
    await connection.run("INSERT INTO raw.ingest_reference VALUES ($1, $2, $3, $4)", [part, p.text, p.unsafe, p.count]);
  }
}

/**
 * The reference data a monthly file is checked against: stored at build (raw.ingest_reference), else read from the
 * views (`live`, or a part not stored or not packable). `side`: a second connection, which reads some parts at once.
 */
export async function ingestLookup(connection: DuckDBConnection, asOf: string, side: DuckDBConnection = connection, options: { live?: boolean } = {}): Promise<Lookup> {
  const stored = new Map<string, Packed>();
  if (!options.live) {
    for (const [part, text, unsafe, count] of (await connection.runAndReadAll("SELECT part, packed, unsafe, row_count FROM raw.ingest_reference")).getRowsJS() as [string, string | null, boolean, number][]) {
      stored.set(part, { text, unsafe, count: Number(count) });
    }
  }
  const read = async (c: DuckDBConnection, part: ReferencePart): Promise<(string | null)[][]> => {
    const q = REFERENCE[part];
    const s = stored.get(part);
    // (read from the views at the load's as-of date: the targets' values in force then, target_values)
    const rows = s ? unpack(s, q.columns.length) : await withAsOf(c, asOf, () => packedRows(c, q.from, q.columns, { orderBy: q.orderBy }));
    return rows ?? await withAsOf(c, asOf, async () =>
      (await c.runAndReadAll(`SELECT ${q.columns.join(", ")} FROM ${q.from}${q.orderBy ? ` ORDER BY ${q.orderBy}` : ""}`)).getRowsJS() as (string | null)[][]);
  };
  // (the retired codes, a few: read as they are)
  const readOthers = async () => [await read(side, "reporters"), await read(side, "aliases"),
    (await side.runAndReadAll("SELECT code FROM raw.targets WHERE status <> 'published'")).getRowsJS().map(([code]) => String(code).toUpperCase())] as const;
  // with a second connection the targets and the rest are read at once; on one connection one statement at a time
  const [targets, [reporterRows, aliases, retired]] = side === connection || stored.size === 3
    ? [await read(connection, "targets"), await readOthers()]
    : await Promise.all([read(connection, "targets"), readOthers()]);
  const reporters = new Map<string, string[]>();
  for (let i = 0; i < reporterRows.length; i++) {
    const targetId = reporterRows[i]![0]!;
    const name = reporterRows[i]![1]!;
    const list = reporters.get(targetId);
    if (list) list.push(name);
    else reporters.set(targetId, [name]);
  }
  const byAlias = aliasCandidates(aliases.map(([, alias, name]) => [String(alias), String(name)] as const));
  const departments = new Map<string, string>();
  for (const [policyId, , name, departmentId] of aliases) departments.set(`${policyId}|${name}`, String(departmentId));
  const identities = departmentIdentities(aliases.map(([policyId, alias, name, , identity]) => [String(policyId), String(alias), String(name), String(identity)] as const),
    targets.map((r) => [String(r[2]), String(r[0])] as const));
  // (one pass over the targets for both maps: a CLI run of a province-scale policy notices each)
  const checked = new Map<string, IngestTarget>();
  const reviewed: Lookup["targets"] = new Map();
  // (indexed, not destructured: this code runs once, uncompiled, where each destructuring walks an iterator)
  for (let i = 0; i < targets.length; i++) {
    const r = targets[i]!;
    const code = String(r[2]);
    const target: IngestTarget = { unit: r[4] || null, kind: r[3] as "quantity", countingStart: r[5] || null, reportingDepartments: reporters.get(r[1]!) ?? [] };
    if (r[12] === "1") target.signed = true;
    checked.set(code, target);
    reviewed.set(code, {
      policy_id: String(r[0]), target_id: String(r[1]), goal: r[6] ? Number(r[6]) : null, doneFloor: r[7] ? Number(r[7]) : null,
      doneCeiling: r[8] ? Number(r[8]) : null, rate: r[9] === "1", fallingRate: r[10] === "1", increment: r[11] === "1", averaged: r[13] === "1", rises: r[14] === "1",
    });
  }
  return {
    ctx: {
      asOf,
      resolveDepartment: departmentResolver(byAlias),
      ...(identities ? { foreignDepartment: foreignDepartmentCheck(identities) } : {}),
      ...(retired.length > 0 ? { retiredCodes: new Set(retired) } : {}),
      targets: checked,
    },
    targets: reviewed,
    departments,
    aliases: byAlias,
    identities,
  };
}

export { REVIEW_MULTIPLE, reviewReasons } from "./ingest/review.js";

/**
 * The latest figure of each key (department_id, code, period, value, status, note) among every file loaded, whatever its
 * receipt time: what a load compares its rows with. (The observations view is what is known at the as-of date.)
 * `where`: a condition on the targets `t`, written here, never user data.
 */
export const loadedFigures = (where: string): string => `SELECT o.department_id, t.code, o.period, o.value, o.status, o.note
  FROM raw.observations o JOIN raw.targets t USING (target_id) WHERE ${where}
  QUALIFY row_number() OVER (PARTITION BY o.department_id, o.target_id, o.period ORDER BY o.receipt_no DESC) = 1`;

/** The review reason of a row without a figure that takes the place of one loaded before (a status alone replaces it). */
export const clearedReason = (value: number): string => `未填累计完成值：此前已载入的 ${value} 被本行取代（只报完成状态）`;

export type LoadOptions = {
  name: string; bytes: Uint8Array; asOf: string; receivedAt: string; archiveName: string | null; sheet?: string; dryRun?: boolean; maxBytes?: number;
  /** Called inside the file's transaction, before COMMIT (archives the file); an error rolls the file back. */
  beforeCommit?: (sha256: string) => string | null;
  /** A file holding exactly `bytes` (an archived file), which DuckDB may read itself; otherwise a temporary copy is written. */
  sourcePath?: string;
  /**
   * Stores `bytes` where they are archived and returns that file's path (luoshi ingest: the archive copy, which
   * beforeCommit would write anyway): the bulk reader then reads it instead of writing a temporary copy. Called before
   * the file is read, outside a dry run; a copy left by a load that fails is harmless (the manifest does not list it).
   */
  sourceFor?: (sha256: string) => string;
  /** Another connection to the same warehouse: the bulk reader reads the reference data there while DuckDB reads the file. */
  sideConnection?: DuckDBConnection;
  /**
   * Which reader checks the rows. "auto" (default): DuckDB reads a plain CSV of BULK_MIN_BYTES or more (src/bulk.ts),
   * JavaScript everything else; "bulk": DuckDB reads every plain CSV; "js": JavaScript always.
   * All give the same verdicts, messages and warehouse contents (test/bulk.test.ts).
   */
  engine?: "auto" | "bulk" | "js";
  /** Told how far the load has come (luoshi ingest draws it as a progress bar for a large file). */
  progress?: ProgressReport;
};

/** A summary with nothing read yet: the starting point of every file's summary. */
export function emptySummary(file: string, sha256: string | null): IngestSummary {
  return {
    file, sha256, encoding: null, format: null, sheet: null, other_sheets: [], sheet_by_month: false, ignored_columns: [], form_fields: [], skipped_rows: [], receipt_no: null, reader: null, status: "loaded", rows_read: 0,
    imported: 0, updated: 0, unchanged: 0, rejected: 0, rejected_by_code: {}, flagged: 0, file_error: null, rejects: [], flags: [], superseded: 0,
  };
}

/**
 * One file being loaded: its transaction (begun when the first rows are stored), the current figures of the targets
 * it touches, and what happens to each accepted row (unchanged, new version, flagged). Both readers hand their
 * accepted rows to `accept`.
 */
export class FileLoad {
  readonly summary: IngestSummary;
  readonly out: Observations = { rows: [], targets: [], departmentIds: [], flags: [] };
  /** department_id by policy and canonical name */
  readonly departmentIds = new Map<string, Map<string, string>>();
  private readonly current = new Map<string, { value: number | null; status: string | null; note: string | null }>();
  /**
   * The rows the bulk reader stored itself (not in `out`); in a dry run, a relation of them (source_row, department_id,
   * target_id, period, value, note). Null when every accepted row went through `accept`.
   */
  sqlRows: string | null = null;
  private readonly store: BatchStore;
  private stored = 0;
  receiptNo: number | null = null;
  archiveName: string | null = null;
  /** The review reason of a row differing from the 报送单位 or 统计期 stated above its table (statedCheck); null: none stated. */
  stated: ((row: ValidRow) => string | null) | null = null;

  constructor(
    readonly connection: DuckDBConnection,
    readonly options: LoadOptions,
    readonly sha256: string,
    readonly lookup: Lookup,
  ) {
    this.summary = emptySummary(options.name, sha256);
    for (const [key, id] of lookup.departments) {
      const bar = key.indexOf("|");
      let names = this.departmentIds.get(key.slice(0, bar));
      if (!names) this.departmentIds.set(key.slice(0, bar), (names = new Map()));
      names.set(key.slice(bar + 1), id);
    }
    this.store = new BatchStore(connection, lookup);
  }

  /** Begins the file's transaction (once) and returns its receipt number. */
  async begin(): Promise<number> {
    if (this.receiptNo !== null) return this.receiptNo;
    await this.connection.run("BEGIN TRANSACTION");
    this.store.began = true;
    const [next] = (await query(this.connection, "SELECT coalesce(max(receipt_no), 0) + 1 AS n FROM raw.receipts")).rows;
    return (this.receiptNo = Number(next!.n));
  }

  /** Reads the current figures of these target codes (before their rows are accepted). */
  async readCurrent(codes: string[]): Promise<void> {
    if (codes.length === 0) return;
    await this.readCurrentFrom(`(${loadedFigures("list_contains($1::VARCHAR[], t.code)")})`, [listValue(codes)]);
  }

  /** Reads current figures (department_id, code, period, value, status, note) from a relation: rows of loadedFigures. */
  async readCurrentFrom(from: string, params: DuckDBValue[] = []): Promise<void> {
    // packed into one text (a DOUBLE's text reads back as the same number; NULL value, status and note as '', which
    // none of them can be)
    const packed = await packedRows(this.connection, from, ["department_id", "code", "period", "coalesce(CAST(value AS VARCHAR), '')", "coalesce(status, '')", "coalesce(note, '')"],
      { params, unsafe: "status = '' OR note = ''" });
    const rows = packed
      ? packed.map(([department_id, code, period, value, status, note]) => ({ department_id, code, period, value: value === "" ? null : Number(value), status: status === "" ? null : status, note: note === "" ? null : note }))
      : (await query(this.connection, `SELECT * FROM ${from}`, params)).rows;
    for (const r of rows) {
      this.current.set(`${r.department_id}|${r.code}|${r.period}`, { value: r.value as number | null, status: r.status as string | null, note: r.note as string | null });
    }
  }

  /**
   * Accepted rows, in file order: unchanged ones are counted, the others get their flags and are stored batch by
   * batch (outside a dry run), DuckDB storing one batch while the caller checks the next rows.
   */
  async accept(rows: ValidRow[]): Promise<void> {
    const { summary, out, lookup, current } = this;
    for (const row of rows) {
      const target = lookup.targets.get(row.targetCode)!;
      const department_id = this.departmentIds.get(target.policy_id)!.get(row.department)!;
      const before = current.size > 0 ? current.get(`${department_id}|${row.targetCode}|${row.period}`) : undefined;
      // the same figure and status with another 进展情况 (an explanation sent after a review flag) is a new version
      if (before && before.value === row.value && before.status === row.status && before.note === row.note) {
        summary.unchanged++;
        continue;
      }
      if (before) summary.updated++;
      else summary.imported++;
      // loaded but flagged for review: a figure loaded before that this row leaves blank, a percentage written as a
      // fraction, a report date after the as-of date or before the period, … (a falling cumulative figure is found
      // once every row is in: review)
      const reasons = reviewReasons(row, this.options.asOf, lookup.ctx.targets.get(row.targetCode)?.kind === "milestone" ? { ...target, milestone: true } : target);
      const cleared = before && before.value !== null && row.value === null ? clearedReason(before.value) : null;
      const stated = this.stated?.(row) ?? null;
      const flag = cleared === null && stated === null ? reasons : [cleared, stated, reasons].filter((r) => r !== null).join("；");
      if (flag !== null) summary.flags.push({ row: row.sourceRow, code: row.targetCode, department: row.department, period: row.period, reason: flag });
      out.rows.push(row);
      out.targets.push(target);
      out.departmentIds.push(department_id);
      out.flags.push(flag);
    }
    if (!this.options.dryRun) {
      while (out.rows.length - this.stored >= BATCH_ROWS) {
        await this.store.add(await this.begin(), out, this.stored, this.stored + BATCH_ROWS);
        this.stored += BATCH_ROWS;
      }
    }
  }

  /** Stores the accepted rows not yet stored and waits until every batch is. */
  async flush(): Promise<void> {
    const receipt = await this.begin();
    if (this.stored < this.out.rows.length) await this.store.add(receipt, this.out, this.stored, this.out.rows.length);
    this.stored = this.out.rows.length;
    await this.store.close();
  }

  /**
   * Once every accepted row is in (stored, or in a dry run held here): flags the rows whose cumulative figure falls
   * below the period before it (src/drops.ts), in the summary and in raw.review_flags; the figures that jump tenfold
   * (the same query) and the rows that put back a figure a later file had corrected (src/reverts.ts), in the summary
   * (the observations view finds those itself).
   */
  async review(): Promise<void> {
    const { connection, out } = this;
    // no current figure of any target the file names (read before its rows were accepted): nothing loaded before to compare with
    const history = this.current.size > 0;
    // a figure falls or jumps from the one before it: loaded before, or the file's own for an earlier period of the
    // same key. Every row read by JavaScript is here: when nothing was loaded before and no key has two figures, nothing
    // to compare; with two, the file's rows compared with each other by the same rules in JavaScript (review.ts;
    // test/bulk.test.ts and test/jumps.test.ts hold them to the query of src/drops.ts), without a temporary table
    // (rows of one name credited to two cities' departments of that name: only when some name stands for several)
    const identities = this.lookup.identities;
    if (!history && this.sqlRows === null) {
      const located = <T extends { index: number }>(list: T[]) => list.map((d) => {
        const { targetCode: code, department, period } = out.rows[d.index]!;
        return { ...d, code, department, period };
      });
      const twins = identities === null ? [] : fileTwins(out.rows.map((r, k) => ({ row: r.sourceRow, department: r.department, policy: out.targets[k]!.policy_id, code: r.targetCode, period: r.period })),
        (policy, name) => identities.names[`${policy}|${name}`]);
      let drops: (Drop & { code: string; department: string; period: string })[] = [];
      // (statuses need no query: whether a target's status may go back is in the reference data)
      const backs = located(fileStatusBacks(out.rows, (code) => statusMayGoBack(this.lookup.ctx.targets.get(code)?.kind, this.lookup.targets.get(code)?.rises)));
      const series = fileSeries(out.rows);
      if (series.some((list) => list.length > 1)) {
        const t = performance.now();
        // (the targets whose figure may jump or is meant to go down: a few, read whole rather than filtered by a long list)
        const trend = new Map((await connection.runAndReadAll(`SELECT code, ${JUMP_VALUE_SQL} AS jump, ${RISES_SQL} AS rises FROM ${TARGETS_IN_FORCE}
            WHERE ${JUMP_VALUE_SQL} IS NOT NULL OR NOT (${RISES_SQL})`))
          .getRowsJS().map(([code, jump, rises]) => [String(code), { jump: jump === null ? null : Number(jump), rises: rises === true }]));
        trace("targets of the file", t);
        // (a target not listed neither jumps nor goes down: its figure is meant to rise)
        const unitOf = (code: string) => this.lookup.ctx.targets.get(code)?.unit ?? null;
        drops = located(fileDrops(out.rows, (code) => trend.get(code)?.rises ?? true, series, unitOf));
        await this.flagJumps(located(fileJumps(out.rows, (code) => trend.get(code)?.jump ?? null, series, unitOf)));
        trace("drops and jumps within the file (JavaScript)", t);
      }
      await this.flagStored(drops, [], twins);
      await this.flagStatusBacks(backs);
      return;
    }
    if (this.options.dryRun) {
      await tempTableOfRows(connection, "luoshi_file_rows", out);
      const columns = "source_row, department_id, target_id, period, value, status, note, reported_at";
      const from = `(SELECT ${columns} FROM temp.luoshi_file_rows${this.sqlRows ? ` UNION ALL SELECT ${columns} FROM ${this.sqlRows}` : ""})`;
      try {
        const { drops, jumps, later } = await findDrops(connection, from, null, { history });
        this.noteLaterFalls(later);
        await this.flagStored(drops, history ? await findOverrides(connection, from, null) : [], identities !== null ? await findTwins(connection, from) : []);
        if (history) await this.flagReverts(await findReverts(connection, from, null));
        await this.flagJumps(jumps);
        await this.flagStatusBacks(await findStatusBacks(connection, from, null, { history }));
      } finally {
        await connection.run("DROP TABLE IF EXISTS temp.luoshi_file_rows");
      }
    } else {
      await this.flush();
      const receipt = this.receiptNo!;
      const from = "(SELECT * FROM raw.observations WHERE receipt_no = $1)";
      const { drops, jumps, later } = await findDrops(connection, from, receipt, { params: [receipt], history });
      this.noteLaterFalls(later);
      await this.flagStored(drops, history ? await findOverrides(connection, from, receipt, [receipt]) : [], identities !== null ? await findTwins(connection, from, [receipt]) : []);
      if (history) await this.flagReverts(await findReverts(connection, from, receipt, [receipt]));
      await this.flagJumps(jumps);
      await this.flagStatusBacks(await findStatusBacks(connection, from, receipt, { params: [receipt], history }));
    }
  }

  /** Figures loaded before now below this file's month before them: said in the summary (see IngestSummary.later_falls). */
  private noteLaterFalls(later: LaterFall[]): void {
    if (later.length === 0) return;
    this.summary.later_falls = later.map((l) => ({
      code: l.code, department: l.department, period: l.period,
      reason: `此前已载入的 ${l.period} 的 ${l.value}${l.unit ?? ""} 低于本文件所报 ${l.previousPeriod} 的 ${l.previousValue}${l.unit ?? ""}：请核对哪一期有误`,
    }));
  }

  /**
   * The jumps: after the row's other reasons in the summary (the observations view flags them by the same rule, on the
   * figures current then; raw.review_flags keeps the flag of the load for the history).
   */
  private async flagJumps(jumps: Jump[]): Promise<void> {
    const reasons = jumps.map(jumpReason);
    await this.storeFlags(jumps.map((j, k) => ({ row: j.row, reason: reasons[k]!, kind: "jump" })));
    this.flagRows(jumps, reasons, "after");
  }

  /** The statuses that go back: after every other reason in the summary (as the jumps: judged by the view, kept for the history). */
  private async flagStatusBacks(backs: StatusBack[]): Promise<void> {
    const reasons = backs.map(statusBackReason);
    await this.storeFlags(backs.map((b, k) => ({ row: b.row, reason: reasons[k]!, kind: "status_back" })));
    this.flagRows(backs, reasons, "after");
  }

  /** Appends flags of the file's rows to raw.review_flags (not in a dry run), each with its kind. */
  private async storeFlags(flags: readonly { row: number; reason: string; kind: string }[]): Promise<void> {
    if (this.options.dryRun || flags.length === 0) return;
    const t = performance.now();
    const receipt = await this.begin();
    const appender = await this.connection.createAppender("review_flags", "raw");
    for (const { row, reason, kind } of flags) {
      appender.appendInteger(receipt);
      appender.appendInteger(row);
      appender.appendVarchar(reason);
      appender.appendVarchar(kind);
      appender.endRow();
    }
    appender.closeSync();
    trace("review flags stored", t);
  }

  /**
   * The drops, and the rows that change another department's own figure (src/overrides.ts): stored in
   * raw.review_flags (unless a dry run; each with its kind) and put before the row's other reasons in
   * the summary.
   */
  private async flagStored(drops: Drop[], overrides: Override[] = [], twins: Twin[] = []): Promise<void> {
    if (drops.length === 0 && overrides.length === 0 && twins.length === 0) return;
    const stored = [...drops.map((d) => ({ at: d as Drop | Override | Twin, reason: dropReason(d), kind: "fall" })), ...overrides.map((o) => ({ at: o as Drop | Override | Twin, reason: overrideReason(o), kind: "override" })),
      ...twins.map((w) => ({ at: w as Drop | Override | Twin, reason: twinReason(w), kind: "twin" }))];
    await this.storeFlags(stored.map(({ at, reason, kind }) => ({ row: at.row, reason, kind })));
    // (in the summary, one reason per row: a fall's first)
    const byRow = new Map<number, { at: Drop | Override | Twin; reasons: string[] }>();
    for (const { at, reason } of stored) {
      const entry = byRow.get(at.row);
      if (entry) entry.reasons.push(reason);
      else byRow.set(at.row, { at, reasons: [reason] });
    }
    const flagged = [...byRow.values()].sort((a, b) => a.at.row - b.at.row);
    this.flagRows(flagged.map((f) => f.at), flagged.map((f) => f.reasons.join("；")));
  }

  /** The reverts: put before the row's other reasons in the summary (as the jumps: judged by the view, kept for the history). */
  private async flagReverts(reverts: Revert[]): Promise<void> {
    const reasons = reverts.map(revertReason);
    await this.storeFlags(reverts.map((r, k) => ({ row: r.row, reason: reasons[k]!, kind: "revert" })));
    this.flagRows(reverts, reasons);
  }

  /** Puts each reason before the reasons its row has in the summary (a row without one gets a flag). */
  private flagRows(rows: readonly { row: number; code: string; department: string; period: string }[], reasons: readonly string[], where: "before" | "after" = "before"): void {
    if (rows.length === 0) return;
    const { summary } = this;
    const byRow = new Map(summary.flags.map((f) => [f.row, f]));
    rows.forEach((d, k) => {
      const reason = reasons[k]!;
      const f = byRow.get(d.row);
      if (f) f.reason = where === "before" ? `${reason}；${f.reason}` : `${f.reason}；${reason}`;
      else summary.flags.push({ row: d.row, code: d.code, department: d.department, period: d.period, reason });
    });
    summary.flags.sort((a, b) => a.row - b.row);
  }

  /** Rolls the file's transaction back, if it was begun. */
  async rollback(): Promise<void> {
    await this.store.rollback();
    this.receiptNo = null;
  }

  /** Records the receipt and the rejected rows, and commits the file's transaction. */
  /** Sets summary.received_before when a file loaded earlier but received later reported keys of this one (the common case: one query on receipts). */
  private async receivedBefore(receipt: number): Promise<void> {
    const [later] = (await query(this.connection, "SELECT count(*) AS n FROM raw.receipts WHERE receipt_no < $1 AND received_at > $2::TIMESTAMP", [receipt, this.options.receivedAt])).rows;
    if (Number(later?.n ?? 0) === 0) return;
    // (per file received later, its own count: A.csv may share two keys, B.csv one, and both overwritten by this one)
    const shared = `SELECT o.department_id, o.target_id, o.period, r.receipt_no, r.original_name, r.received_at
      FROM raw.observations o
      JOIN raw.observations e ON e.department_id = o.department_id AND e.target_id = o.target_id AND e.period = o.period AND e.receipt_no < o.receipt_no
      JOIN raw.receipts r ON r.receipt_no = e.receipt_no
      WHERE o.receipt_no = $1 AND r.received_at > $2::TIMESTAMP`;
    // (one query: a row per file, and the total over all of them, a key two files share counted once)
    const rows = (await query(this.connection, `SELECT receipt_no IS NULL AS total, any_value(original_name) AS file,
        strftime(any_value(received_at), '%Y-%m-%d %H:%M') AS received_at, count(DISTINCT (department_id, target_id, period)) AS keys
      FROM (${shared}) GROUP BY GROUPING SETS ((receipt_no), ())
      ORDER BY total DESC, any_value(received_at) DESC, receipt_no DESC`, [receipt, this.options.receivedAt])).rows;
    const [all, ...perFile] = rows;
    if (Number(all?.keys ?? 0) === 0 || perFile.length === 0) return;
    const files = perFile.map((f) => ({ file: String(f.file), received_at: String(f.received_at), keys: Number(f.keys) }));
    this.summary.received_before = { keys: Number(all!.keys), file: files[0]!.file, received_at: files[0]!.received_at, files };
  }

  async commit(rejects: (Reject & { file: string })[]): Promise<void> {
    const { summary, connection } = this;
    const receipt = await this.begin();
    summary.receipt_no = receipt;
    let t = performance.now();
    await this.flush();
    trace("flush", t);
    t = performance.now();
    // every row stored: archive the file (an error, or the process dying here, rolls the file back)
    this.archiveName = this.options.beforeCommit ? this.options.beforeCommit(this.sha256) : this.options.archiveName;
    await connection.run(
      `INSERT INTO raw.receipts VALUES ($1, $2, $3, $4::TIMESTAMP, $5::DATE, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [receipt, this.sha256, this.options.name, this.options.receivedAt, this.options.asOf, this.archiveName, summary.encoding, summary.format, summary.sheet,
        summary.rows_read, summary.imported, summary.updated, summary.unchanged, summary.rejected, summary.flagged],
    );
    const rejected = await connection.createAppender("rejects", "raw");
    for (const r of rejects) {
      rejected.appendInteger(receipt);
      rejected.appendInteger(r.row);
      if (r.column === null) rejected.appendNull();
      else rejected.appendVarchar(r.column);
      rejected.appendVarchar(r.code);
      rejected.appendVarchar(r.message);
      if (r.value === null) rejected.appendNull();
      else rejected.appendVarchar(r.value);
      if (r.rawRow === undefined) rejected.appendNull();
      else rejected.appendVarchar(JSON.stringify(r.rawRow));
      const target = r.reported ? this.lookup.targets.get(r.reported.targetCode) : undefined;
      const departmentId = target ? this.departmentIds.get(target.policy_id)?.get(r.reported!.department) : undefined;
      // (no department's key: the target and period it names, if readable, without a department)
      const meant = target === undefined && r.meant ? this.lookup.targets.get(r.meant.targetCode) : undefined;
      if (meant !== undefined) {
        rejected.appendNull();
        rejected.appendVarchar(meant.target_id);
        rejected.appendVarchar(r.meant!.period);
      } else if (target === undefined || departmentId === undefined) {
        rejected.appendNull();
        rejected.appendNull();
        rejected.appendNull();
      } else {
        rejected.appendVarchar(departmentId);
        rejected.appendVarchar(target.target_id);
        rejected.appendVarchar(r.reported!.period);
      }
      rejected.endRow();
    }
    rejected.closeSync();
    await this.receivedBefore(receipt);
    trace("archive, receipt, rejects", t);
    t = performance.now();
    await connection.run("COMMIT");
    trace("COMMIT", t);
    this.store.began = false;
  }
}

/** What a reader found in a file, besides the accepted rows it handed to FileLoad.accept. */
export type FileRead = {
  fileError: { code: string; message: string } | null;
  encoding: string | null;
  format: string | null;
  sheet: string | null;
  /** .xlsx read without a sheet named: the other sheets holding a table (not read). */
  otherSheets: string[];
  /** .xlsx: the sheet read is the latest of several named by month (FileInfo.sheetByMonth). */
  sheetByMonth?: boolean;
  ignoredColumns: string[];
  formFields: FormField[];
  skippedRows: { row: number; reason: string }[];
  rowsRead: number;
  rejects: Reject[];
};

/** The file read by the JavaScript reader (check.ts), not yet checked. */
const readTable = (options: LoadOptions): Promise<MonthlyTable> =>
  readMonthlyTable({ name: options.name, bytes: options.bytes }, { sheet: options.sheet, maxBytes: options.maxBytes });

/**
 * The JavaScript reader (check.ts), its accepted rows handed over chunk by chunk while the rest are checked. `table`:
 * the file already read by readMonthlyTable (while the reference data was being fetched).
 */
async function readWithJs(load: FileLoad, table?: MonthlyTable): Promise<FileRead> {
  const { options } = load;
  // readMonthlyTable and checkMonthlyTable are readMonthlyFile without a second SHA-256 of the bytes (the hash above is the file's)
  const read = table ?? (await readTable(options));
  load.stated = fileStatedCheck(read.file, (name) => load.lookup.ctx.resolveDepartment(name));
  const progress = options.progress;
  progress?.(0.3, "检查各行");
  const checked = await checkMonthlyTable(read, load.lookup.ctx, {
    codes: (codes) => load.readCurrent(codes),
    accepted: (rows) => load.accept(rows),
    checked: progress && ((done, total) => progress(0.3 + (0.6 * done) / total, "检查各行")),
    chunkRows: BATCH_ROWS,
  });
  const f = checked.file;
  return {
    fileError: checked.fileError, encoding: f.encoding, format: f.format, sheet: f.sheet, otherSheets: f.otherSheets, sheetByMonth: f.sheetByMonth, ignoredColumns: f.ignoredColumns, formFields: f.formFields, skippedRows: f.skippedRows,
    rowsRead: f.rowsRead, rejects: checked.rejects,
  };
}

/**
 * Below this size a file is read by JavaScript alone under engine "auto": a small file is read faster without the
 * temporary tables and the dozen statements of the bulk reader (the two take about as long at 100,000 rows, 8 MB;
 * figures in bench/README.md).
 */
export const BULK_MIN_BYTES = 8 * 1024 * 1024;

/** Validates one file against the warehouse and (unless dry-run) loads its accepted rows in one transaction. */
export async function loadMonthlyFile(connection: DuckDBConnection, options: LoadOptions): Promise<IngestSummary> {
  // (judged at the file's as-of date: the targets' values in force then)
  return withAsOf(connection, options.asOf, () => loadFile(connection, options));
}

async function loadFile(connection: DuckDBConnection, options: LoadOptions): Promise<IngestSummary> {
  // a plain CSV is read by DuckDB, which starts on the file while the bytes are hashed here
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let t = performance.now();
  const progress = options.progress;
  progress?.(0, "读取文件");
  // DuckDB's own progress of the long statements (read, store), kept to itself (never printed)
  if (progress) for (const set of ["enable_progress_bar_print = false", "progress_bar_time = 0", "enable_progress_bar = true"]) await connection.run(`SET ${set}`);
  const engine = options.engine ?? "auto";
  const bulkWanted = engine === "bulk" || (engine === "auto" && options.bytes.length >= BULK_MIN_BYTES);
  const plan = !bulkWanted || options.bytes.length > maxBytes ? null : planCsv(options.bytes);
  trace("planCsv", t);
  // with a second connection the reference data is read while DuckDB reads the file (discarded if already loaded)
  const early = plan && options.sideConnection ? ingestLookup(options.sideConnection, options.asOf) : null;
  early?.catch(() => {}); // awaited below
  const hash = () => {
    const since = performance.now();
    const digest = createHash("sha256").update(options.bytes).digest("hex");
    trace("sha256", since);
    return digest;
  };
  // DuckDB reads the archived copy when there is one to write anyway; else the bytes are hashed while it reads
  let sha256: string | undefined;
  let sourcePath = options.sourcePath;
  if (plan && plan.utf8 === null && sourcePath === undefined && options.sourceFor && !options.dryRun) {
    sha256 = hash();
    try {
      t = performance.now();
      sourcePath = options.sourceFor(sha256);
      trace("archive copy", t);
    } catch {
      // no archive to write to: a temporary copy (beforeCommit then fails and rolls the load back)
    }
  }
  const bulk = plan ? startBulk(connection, { ...options, sourcePath }, plan) : null;
  sha256 ??= hash();
  try {
    const bulkReady = bulk ? await bulk.ready() : false;
    const receipts = (await query(connection,
      "SELECT receipt_no, format, encoding, sheet, rows_read, imported, updated, unchanged, rejected, flagged FROM raw.receipts WHERE sha256 = $1 ORDER BY receipt_no",
      [sha256])).rows;
    let seen = receipts[0];
    /** A workbook loaded before: read here, to tell which of its sheets this load reads. */
    let readFirst: MonthlyTable | undefined;
    if (seen && seen.format !== "csv") {
      // the same bytes are another report when another sheet is read (--sheet): the sheet is part of what was loaded
      readFirst = await readTable(options);
      seen = readFirst.fileError ? undefined : receipts.find((r) => r.sheet === readFirst!.file.sheet);
    }
    if (seen) {
      await bulk?.discard();
      // the rows rejected when it was loaded are still rejected: listed again, as stored (so that they can be sent back)
      const rejects = (await query(connection,
        "SELECT source_row, column_name, code, message, value, raw_row FROM raw.rejects WHERE receipt_no = $1 ORDER BY rowid", [Number(seen.receipt_no)])).rows
        .map((r) => ({
          file: options.name, row: Number(r.source_row), column: r.column_name as string | null, code: r.code as RowErrorCode, message: r.message as string,
          value: r.value as string | null, rawRow: JSON.parse(r.raw_row as string) as Record<string, string>,
        }));
      const rejectedByCode: Record<string, number> = {};
      for (const r of rejects) rejectedByCode[r.code] = (rejectedByCode[r.code] ?? 0) + 1;
      // (a figure corrected and then sent as it was again is current as this file has it: not superseded)
      const [later] = (await query(connection, `WITH mine AS (SELECT * FROM raw.observations WHERE receipt_no = $1),
        latest AS (
          SELECT l.* FROM raw.observations l SEMI JOIN mine m ON l.department_id = m.department_id AND l.target_id = m.target_id AND l.period = m.period
          QUALIFY row_number() OVER (PARTITION BY l.department_id, l.target_id, l.period ORDER BY l.receipt_no DESC) = 1
        )
        SELECT count(*) AS n FROM mine o JOIN latest c ON c.department_id = o.department_id AND c.target_id = o.target_id AND c.period = o.period
        WHERE c.receipt_no > o.receipt_no AND (c.value IS DISTINCT FROM o.value OR c.status IS DISTINCT FROM o.status)`, [Number(seen.receipt_no)])).rows;
      return {
        ...emptySummary(options.name, sha256), status: "already_loaded", receipt_no: Number(seen.receipt_no), rows_read: Number(seen.rows_read),
        format: (seen.format as string | null) ?? null, encoding: (seen.encoding as string | null) ?? null, sheet: (seen.sheet as string | null) ?? null,
        other_sheets: readFirst?.file.otherSheets ?? [], sheet_by_month: readFirst?.file.sheetByMonth ?? false,
        unchanged: Number(seen.imported) + Number(seen.updated) + Number(seen.unchanged),
        rejected: Number(seen.rejected), rejected_by_code: rejectedByCode, rejects, superseded: Number(later!.n),
      };
    }
    t = performance.now();
    const lookupStarted = early ?? ingestLookup(connection, options.asOf, options.sideConnection);
    lookupStarted.catch(() => {}); // awaited below
    // without the bulk reader: the file is read (not yet checked) while DuckDB fetches the reference data
    const table = bulk && bulkReady ? undefined : readFirst ?? (await readTable(options));
    trace("read the file (JavaScript reader), while the reference data is fetched", t);
    const lookup = await lookupStarted;
    trace("reference data", t);
    let load = new FileLoad(connection, options, sha256, lookup);
    let bulkRead: FileRead | null = null;
    if (bulk && bulkReady) {
      try {
        bulkRead = await bulk.read(load);
      } catch (e) {
        // not a verdict on the file: the JavaScript reader reads it from the start (the transaction rolled back)
        await load.rollback();
        await bulk.discard();
        process.stderr.write(`（${options.name}：DuckDB 批量读取出错，改由逐行检查读取：${(e as Error).message.split("\n")[0]}）\n`);
        load = new FileLoad(connection, options, sha256, lookup);
      }
    }
    const summary = load.summary;
    try {
      summary.reader = bulkRead ? "bulk" : "js";
      const read = bulkRead ?? (await readWithJs(load, table));
      Object.assign(summary, {
        encoding: read.encoding, format: read.format, sheet: read.sheet, other_sheets: read.otherSheets, sheet_by_month: read.sheetByMonth ?? false, ignored_columns: read.ignoredColumns,
        form_fields: read.formFields.map((f) => ({ column: f.column, value: f.text, row: f.row })), skipped_rows: read.skippedRows,
        rows_read: read.rowsRead,
      });
      if (read.fileError) {
        await load.rollback();
        return { ...summary, status: "file_rejected", file_error: read.fileError };
      }
      const rejects = read.rejects.map((r) => ({ ...r, file: options.name }));
      const rejectedRows = new Set(rejects.map((r) => r.row));
      // (the key a rejected row was meant for is stored with it, not part of the summary)
      summary.rejects = rejects.map(({ reported: _, meant: _m, ...r }) => r);
      summary.rejected = rejectedRows.size;
      for (const r of rejects) summary.rejected_by_code[r.code] = (summary.rejected_by_code[r.code] ?? 0) + 1;
      progress?.(0.9, "检查累计值是否下降");
      await load.review();
      summary.flagged = summary.flags.length;
      summary.status = summary.rejected > 0 ? "partial" : "loaded";
      if (options.dryRun) {
        await load.rollback();
        return { ...summary, status: "dry_run" };
      }
      t = performance.now();
      progress?.(0.95, "提交");
      await load.commit(rejects);
      trace("commit", t);
      progress?.(1, "完成");
    } catch (e) {
      await load.rollback();
      throw e;
    }
    return summary;
  } finally {
    await bulk?.discard();
  }
}

/** The accepted rows of a file, with what each is loaded under. */
export type Observations = {
  rows: ValidRow[];
  targets: { policy_id: string; target_id: string }[];
  departmentIds: string[];
  flags: (string | null)[];
};

/** Separates the values of a column sent as one text (a control character; a batch holding one goes value by value). */
const SEPARATOR = "\u0001";

/** Rows per INSERT, and rows checked between two: DuckDB stores one batch while the next rows are checked. */
const BATCH_ROWS = 50_000;

/** Whether a text can be sent within a column text: not empty (the empty string stands for NULL) and free of the separator. */
const sendable = (s: string) => s !== "" && !s.includes(SEPARATOR);

/**
 * The texts of a batch's columns, the values of each column joined by SEPARATOR, NULL written as the empty string;
 * null when a value cannot be told apart that way. Periods, statuses, dates and numbers are written by the reader in
 * fixed forms; the note, the reporter and a unit from the file are checked here, the warehouse's ids by the caller.
 */
function columnTexts(o: Observations, start: number, end: number): string[] | null {
  const n = end - start;
  const target = new Array<string>(n), department = new Array<string>(n);
  const period = new Array<string>(n), value = new Array<string>(n), status = new Array<string>(n), note = new Array<string>(n);
  const reporter = new Array<string>(n), reportedAt = new Array<string>(n), reportedValue = new Array<string>(n), flag = new Array<string>(n);
  const sourceRow = new Array<string>(n);
  for (let i = start, k = 0; i < end; i++, k++) {
    const row = o.rows[i]!;
    const t = o.targets[i]!;
    target[k] = t.target_id;
    department[k] = o.departmentIds[i]!;
    period[k] = row.period;
    value[k] = row.value === null ? "" : String(row.value);
    status[k] = row.status ?? "";
    if (row.note !== null && !sendable(row.note)) return null;
    note[k] = row.note ?? "";
    if (row.reporter !== null && !sendable(row.reporter)) return null;
    reporter[k] = row.reporter ?? "";
    reportedAt[k] = row.reportedAt ?? "";
    if (row.reportedValue === null) reportedValue[k] = "";
    else {
      if (row.reportedUnit !== null && row.reportedUnit.includes(SEPARATOR)) return null;
      reportedValue[k] = `${row.reportedValue}${row.reportedUnit ?? ""}`;
    }
    const f = o.flags[i]!;
    flag[k] = f ?? "";
    sourceRow[k] = String(row.sourceRow);
  }
  return [target, department, period, value, status, note, reporter, reportedAt, reportedValue, flag, sourceRow].map((c) => c.join(SEPARATOR));
}

const split = (n: number) => `unnest(string_split($${n}, chr(1)))`;

/** One batch from its column texts: DuckDB splits each text and zips the columns back into rows, in order. */
const INSERT_TEXTS = `INSERT INTO raw.observations
  SELECT $1::INTEGER, target_id, department_id, period, CAST(nullif(value, '') AS DOUBLE), nullif(status, ''), nullif(note, ''),
    nullif(reporter, ''), nullif(reported_at, ''), CAST(source_row AS INTEGER), nullif(reported_value, ''), flag_reason <> '', nullif(flag_reason, '')
  FROM (SELECT ${["target_id", "department_id", "period", "value", "status", "note", "reporter", "reported_at", "reported_value", "flag_reason", "source_row"]
    .map((c, i) => `${split(i + 2)} AS ${c}`).join(", ")})`;

/**
 * Appends accepted rows to raw.observations, batch by batch, inside the file's transaction. Calling into DuckDB once
 * per value (an Appender) costs more than reading and checking the whole file, so each column of a batch goes in as
 * one text that DuckDB splits. A batch is stored while the caller goes on (checking the next rows); the next batch
 * waits for it. A batch whose texts cannot be separated goes value by value.
 */
class BatchStore {
  /** Whether the file's transaction is open (rolled back on failure). */
  began = false;
  private pending: Promise<unknown> | null = null;
  private readonly idsSendable: boolean;
  /** INSERT_TEXTS, prepared once: a prepared statement starts running when called, without waiting for the event loop. */
  private insert: DuckDBPreparedStatement | null = null;

  constructor(
    private readonly connection: DuckDBConnection,
    lookup: Lookup,
  ) {
    this.idsSendable = [...lookup.targets].every(([, t]) => sendable(t.target_id)) && [...lookup.departments.values()].every(sendable);
  }

  /** Starts storing rows start…end of `o` once the previous batch is stored. */
  async add(receiptNo: number, o: Observations, start: number, end: number): Promise<void> {
    const texts = this.idsSendable ? columnTexts(o, start, end) : null;
    if (texts && this.insert === null) this.insert = await this.connection.prepare(INSERT_TEXTS);
    await this.finish();
    let pending: Promise<unknown>;
    if (texts) {
      this.insert!.bind([receiptNo, ...texts]);
      pending = this.insert!.run();
    } else pending = appendObservations(this.connection, receiptNo, o, start, end);
    pending.catch(() => {}); // awaited by the next add or by finish; a failure surfaces there
    this.pending = pending;
  }

  /** Waits until every batch started is stored. */
  async finish(): Promise<void> {
    const pending = this.pending;
    this.pending = null;
    if (pending) await pending;
  }

  /** Waits for the last batch and releases the prepared statement. */
  async close(): Promise<void> {
    try {
      await this.finish();
    } finally {
      this.insert?.destroySync();
      this.insert = null;
    }
  }

  /** Rolls the file's transaction back, if it was begun, once no batch is running. */
  async rollback(): Promise<void> {
    await this.close().catch(() => {});
    if (this.began) {
      this.began = false;
      await this.connection.run("ROLLBACK");
    }
  }
}

/** The accepted rows held by a dry run, as a temporary table of the columns findDrops and findReverts read. */
async function tempTableOfRows(connection: DuckDBConnection, name: string, o: Observations): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${name} (source_row INTEGER, department_id VARCHAR, target_id VARCHAR, period VARCHAR, value DOUBLE,
    status VARCHAR, note VARCHAR, reported_at VARCHAR)`);
  const appender = await connection.createAppender(name, "main", "temp");
  for (let i = 0; i < o.rows.length; i++) {
    const row = o.rows[i]!;
    appender.appendInteger(row.sourceRow);
    appender.appendVarchar(o.departmentIds[i]!);
    appender.appendVarchar(o.targets[i]!.target_id);
    appender.appendVarchar(row.period);
    if (row.value === null) appender.appendNull();
    else appender.appendDouble(row.value);
    for (const text of [row.status, row.note, row.reportedAt]) {
      if (text === null) appender.appendNull();
      else appender.appendVarchar(text);
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** Rows start…end value by value. */
async function appendObservations(connection: DuckDBConnection, receiptNo: number, o: Observations, start: number, end: number): Promise<void> {
  const observations = await connection.createAppender("observations", "raw");
  const str = (s: string | null | undefined) => (s === null || s === undefined ? observations.appendNull() : observations.appendVarchar(s));
  for (let i = start; i < end; i++) {
    const row = o.rows[i]!;
    const flag = o.flags[i]!;
    observations.appendInteger(receiptNo);
    observations.appendVarchar(o.targets[i]!.target_id);
    observations.appendVarchar(o.departmentIds[i]!);
    observations.appendVarchar(row.period);
    if (row.value === null) observations.appendNull();
    else observations.appendDouble(row.value);
    str(row.status);
    str(row.note);
    str(row.reporter);
    str(row.reportedAt);
    observations.appendInteger(row.sourceRow);
    str(row.reportedValue === null ? null : `${row.reportedValue}${row.reportedUnit ?? ""}`);
    observations.appendBoolean(flag !== null);
    str(flag);
    observations.endRow();
  }
  observations.closeSync();
}

/** Every rejected row of some loads, and every file rejected as a whole (row and column empty). */
function rejectLines(summaries: RejectSummary[]): RejectLine[] {
  return summaries.flatMap((s): RejectLine[] => s.file_error
    ? [{ file: s.file, row: null, column: null, code: s.file_error.code, message: s.file_error.message, value: null }]
    : s.rejects.map((r) => (s.form_fields?.length ? { ...r, above: s.form_fields } : r)));
}

/** What the rejects file reads of a load's summary (form_fields: a 报送单位 or 统计期 stated above the table, shown on each row). */
type RejectSummary = Pick<IngestSummary, "file" | "rejects" | "file_error"> & Partial<Pick<IngestSummary, "form_fields">>;

/** The rejects file of some loads as CSV with BOM (opens in Chinese Excel), to send back to the departments. */
export function rejectsCsv(summaries: RejectSummary[]): string {
  return rejectLinesCsv(rejectLines(summaries));
}

/** The rejects file of some loads as an .xlsx workbook (every value kept as text). */
export function rejectsXlsx(summaries: RejectSummary[]): Uint8Array {
  return rejectLinesXlsx(rejectLines(summaries));
}

/** Replays the archive into an open warehouse, in manifest order, with the recorded receipt times and as-of dates. */
export async function replayArchive(connection: DuckDBConnection, data: string): Promise<IngestSummary[]> {
  const out: IngestSummary[] = [];
  for (const entry of readManifest(data).sort((a, b) => a.order - b.order)) {
    const path = join(archiveDir(data), entry.archive_name);
    const bytes = readFileSync(path);
    out.push(await loadMonthlyFile(connection, {
      name: entry.original_name, bytes, asOf: entry.as_of, receivedAt: entry.received_at, archiveName: entry.archive_name,
      sheet: entry.sheet || undefined, maxBytes: Number.MAX_SAFE_INTEGER, sourcePath: path,
    }));
  }
  return out;
}

