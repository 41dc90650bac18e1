import { listValue, type DuckDBConnection } from "@duckdb/node-api";
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import Papa from "papaparse";
import { readMonthlyFile, type IngestContext, type MonthlyFileResult, type Reject } from "./ingest/index.js";
import { query } from "./warehouse.js";

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
  receipt_no: number | null;
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
 * Brings the manifest up to the warehouse's receipts (after a commit): every receipt not yet listed is appended,
 * in receipt order. A process killed between its commit and this step is repaired by the next ingest.
 */
export async function syncManifest(connection: DuckDBConnection, data: string): Promise<void> {
  const listed = new Set(readManifest(data).map((m) => m.sha256));
  const receipts = (await query(connection, `SELECT sha256, original_name, strftime(received_at, '%Y-%m-%d %H:%M:%S.%g') AS received_at,
      strftime(as_of, '%Y-%m-%d') AS as_of, archive_name, coalesce(sheet, '') AS sheet FROM raw.receipts WHERE archive_name IS NOT NULL ORDER BY receipt_no`)).rows;
  const missing = receipts.filter((r) => !listed.has(String(r.sha256)));
  if (missing.length === 0) return;
  const path = join(archiveDir(data), "manifest.csv");
  mkdirSync(archiveDir(data), { recursive: true });
  if (!existsSync(path)) writeFileSync(path, MANIFEST_COLUMNS.join(",") + "\n");
  let order = listed.size;
  const lines = missing.map((r) => MANIFEST_COLUMNS.map((c) => (c === "order" ? String(++order) : String(r[c] ?? ""))));
  appendFileSync(path, Papa.unparse(lines, { newline: "\n" }) + "\n");
}

type Lookup = {
  ctx: IngestContext;
  /** target code → {policy_id, target_id} */
  targets: Map<string, { policy_id: string; target_id: string }>;
  /** `${policy_id}|${canonical name}` → department_id */
  departments: Map<string, string>;
};

/** The reference data a monthly file is checked against, read from the warehouse. */
export async function ingestLookup(connection: DuckDBConnection, asOf: string): Promise<Lookup> {
  const targets = (await query(connection, `SELECT t.policy_id, t.target_id, t.code, t.kind, t.unit, strftime(t.counting_start, '%Y-%m-%d') AS counting_start,
      coalesce((SELECT list(r.department_name ORDER BY r.position, r.department_name) FROM target_reporters r WHERE r.target_id = t.target_id), []) AS reporters
    FROM targets t WHERE t.status = 'published'`)).rows;
  const aliases = (await query(connection, `SELECT a.policy_id, a.alias, d.name, d.department_id FROM department_aliases a JOIN departments d USING (department_id)`)).rows;
  const byAlias = new Map<string, string>();
  const departments = new Map<string, string>();
  for (const a of aliases) {
    byAlias.set(String(a.alias).replace(/\s+/g, ""), String(a.name));
    departments.set(`${a.policy_id}|${a.name}`, String(a.department_id));
  }
  return {
    ctx: {
      asOf,
      resolveDepartment: (name) => byAlias.get(name.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")")) ?? null,
      targets: new Map(
        targets.map((t) => [String(t.code), {
          unit: (t.unit as string) || null,
          kind: t.kind as "quantity",
          countingStart: (t.counting_start as string) ?? null,
          reportingDepartments: t.reporters as string[],
        }]),
      ),
    },
    targets: new Map(targets.map((t) => [String(t.code), { policy_id: String(t.policy_id), target_id: String(t.target_id) }])),
    departments,
  };
}

export type LoadOptions = {
  name: string; bytes: Uint8Array; asOf: string; receivedAt: string; archiveName: string | null; sheet?: string; dryRun?: boolean; maxBytes?: number;
  /** Called inside the file's transaction, before COMMIT (archives the file); an error rolls the file back. */
  beforeCommit?: (sha256: string) => string | null;
};

/** Validates one file against the warehouse and (unless dry-run) loads its accepted rows in one transaction. */
export async function loadMonthlyFile(connection: DuckDBConnection, options: LoadOptions): Promise<IngestSummary> {
  const sha256 = createHash("sha256").update(options.bytes).digest("hex");
  const summary: IngestSummary = {
    file: options.name, sha256, encoding: null, format: null, sheet: null, receipt_no: null, status: "loaded", rows_read: 0,
    imported: 0, updated: 0, unchanged: 0, rejected: 0, rejected_by_code: {}, flagged: 0, file_error: null, rejects: [], flags: [],
  };
  const [seen] = (await query(connection, "SELECT receipt_no, rows_read, imported, updated, unchanged, rejected, flagged FROM raw.receipts WHERE sha256 = $1", [sha256])).rows;
  if (seen) {
    return { ...summary, status: "already_loaded", receipt_no: Number(seen.receipt_no), rows_read: Number(seen.rows_read), unchanged: Number(seen.imported) + Number(seen.updated) + Number(seen.unchanged) };
  }
  const lookup = await ingestLookup(connection, options.asOf);
  const result: MonthlyFileResult = await readMonthlyFile({ name: options.name, bytes: options.bytes }, lookup.ctx, { sheet: options.sheet, maxBytes: options.maxBytes });
  Object.assign(summary, { encoding: result.file.encoding, format: result.file.format, sheet: result.file.sheet, rows_read: result.file.rowsRead });
  if (result.fileError) return { ...summary, status: "file_rejected", file_error: result.fileError };

  const rejects = result.rejects.map((r) => ({ ...r, file: options.name }));
  const rejectedRows = new Set(rejects.map((r) => r.row));
  summary.rejects = rejects;
  summary.rejected = rejectedRows.size;
  for (const r of rejects) summary.rejected_by_code[r.code] = (summary.rejected_by_code[r.code] ?? 0) + 1;

  // current figures of the targets this file touches
  const codes = [...new Set(result.rows.map((r) => r.targetCode))];
  const current = new Map<string, { value: number | null; status: string | null }>();
  const history = new Map<string, { period: string; value: number }[]>();
  if (codes.length > 0) {
    const rows = (await query(connection, "SELECT department_id, code, period, value, status FROM observations WHERE list_contains($1::VARCHAR[], code)", [listValue(codes)])).rows;
    for (const r of rows) {
      current.set(`${r.department_id}|${r.code}|${r.period}`, { value: r.value as number | null, status: r.status as string | null });
      if (r.value !== null) {
        const key = `${r.department_id}|${r.code}`;
        history.set(key, [...(history.get(key) ?? []), { period: String(r.period), value: Number(r.value) }]);
      }
    }
  }
  type Out = { row: (typeof result.rows)[number]; policy_id: string; target_id: string; department_id: string; flag: string | null };
  const out: Out[] = [];
  for (const row of result.rows) {
    const target = lookup.targets.get(row.targetCode)!;
    const department_id = lookup.departments.get(`${target.policy_id}|${row.department}`)!;
    const key = `${department_id}|${row.targetCode}|${row.period}`;
    const before = current.get(key);
    if (before && before.value === row.value && before.status === row.status) {
      summary.unchanged++;
      continue;
    }
    if (before) summary.updated++;
    else summary.imported++;
    // a cumulative figure below an earlier period's is loaded but flagged, unless the row's note explains it
    let flag: string | null = null;
    const earlier = (history.get(`${department_id}|${row.targetCode}`) ?? []).filter((h) => h.period < row.period).sort((a, b) => (a.period < b.period ? 1 : -1))[0];
    if (row.value !== null && earlier && row.value < earlier.value && !row.note) {
      flag = `累计值 ${row.value} 低于 ${earlier.period} 的 ${earlier.value}，且进展情况未作说明`;
      summary.flags.push({ row: row.sourceRow, code: row.targetCode, department: row.department, period: row.period, reason: flag });
    }
    out.push({ row, policy_id: target.policy_id, target_id: target.target_id, department_id, flag });
  }
  summary.flagged = summary.flags.length;
  summary.status = summary.rejected > 0 ? "partial" : "loaded";
  if (options.dryRun) return { ...summary, status: "dry_run" };

  await connection.run("BEGIN TRANSACTION");
  try {
    const archiveName = options.beforeCommit ? options.beforeCommit(sha256) : options.archiveName;
    const [next] = (await query(connection, "SELECT coalesce(max(receipt_no), 0) + 1 AS n FROM raw.receipts")).rows;
    const receiptNo = Number(next!.n);
    summary.receipt_no = receiptNo;
    await connection.run(
      `INSERT INTO raw.receipts VALUES ($1, $2, $3, $4::TIMESTAMP, $5::DATE, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [receiptNo, sha256, options.name, options.receivedAt, options.asOf, archiveName, summary.encoding, summary.format, summary.sheet,
        summary.rows_read, summary.imported, summary.updated, summary.unchanged, summary.rejected, summary.flagged],
    );
    const observations = await connection.createAppender("observations", "raw");
    const str = (s: string | null | undefined) => (s === null || s === undefined ? observations.appendNull() : observations.appendVarchar(s));
    for (const o of out) {
      observations.appendInteger(receiptNo);
      observations.appendVarchar(o.policy_id);
      observations.appendVarchar(o.target_id);
      observations.appendVarchar(o.row.targetCode);
      observations.appendVarchar(o.department_id);
      observations.appendVarchar(o.row.period);
      if (o.row.value === null) observations.appendNull();
      else observations.appendDouble(o.row.value);
      str(o.row.status);
      str(o.row.note);
      str(o.row.reporter);
      str(o.row.reportedAt);
      observations.appendInteger(o.row.sourceRow);
      str(o.row.reportedValue === null ? null : `${o.row.reportedValue}${o.row.reportedUnit ?? ""}`);
      observations.appendBoolean(o.flag !== null);
      str(o.flag);
      observations.endRow();
    }
    observations.closeSync();
    const rejected = await connection.createAppender("rejects", "raw");
    for (const r of rejects) {
      rejected.appendInteger(receiptNo);
      rejected.appendInteger(r.row);
      if (r.column === null) rejected.appendNull();
      else rejected.appendVarchar(r.column);
      rejected.appendVarchar(r.code);
      rejected.appendVarchar(r.message);
      if (r.value === null) rejected.appendNull();
      else rejected.appendVarchar(r.value);
      rejected.appendVarchar(JSON.stringify(r.rawRow));
      rejected.endRow();
    }
    rejected.closeSync();
    await connection.run("COMMIT");
  } catch (e) {
    await connection.run("ROLLBACK");
    throw e;
  }
  return summary;
}

/** The rejected rows as a CSV with BOM (opens in Chinese Excel), to send back to the department. */
export function rejectsCsv(rejects: IngestSummary["rejects"]): string {
  return "\uFEFF" + Papa.unparse({
    fields: ["文件", "行号", "列", "错误代码", "原因", "原值"],
    data: rejects.map((r) => [r.file, r.row, r.column ?? "", r.code, r.message, r.value ?? ""]),
  }) + "\r\n";
}

/** Replays the archive into an open warehouse, in manifest order, with the recorded receipt times and as-of dates. */
export async function replayArchive(connection: DuckDBConnection, data: string): Promise<IngestSummary[]> {
  const out: IngestSummary[] = [];
  for (const entry of readManifest(data).sort((a, b) => a.order - b.order)) {
    const path = join(archiveDir(data), entry.archive_name);
    const bytes = readFileSync(path);
    out.push(await loadMonthlyFile(connection, {
      name: entry.original_name, bytes, asOf: entry.as_of, receivedAt: entry.received_at, archiveName: entry.archive_name,
      sheet: entry.sheet || undefined, maxBytes: Number.MAX_SAFE_INTEGER,
    }));
  }
  return out;
}

