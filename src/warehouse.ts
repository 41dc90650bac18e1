import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { basename, join } from "node:path";
import { lockWaitMs, processCommand, WarehouseBusy } from "./lock.js";
import { SQL_DIR } from "./paths.js";
import { removeOrphans, removeTemp, tempPath } from "./tempfiles.js";

export class WarehouseMissing extends Error {
  constructor(readonly path: string) {
    super(`仓库文件不存在：${path}。请先在项目文件夹中运行 luoshi build（由 data/ 建立仓库），或用 --db 指定已有的仓库。`);
    this.name = "WarehouseMissing";
  }
}

/** The warehouse was built by an earlier luoshi whose monthly tables this one cannot write: `luoshi build` rebuilds it. */
export class WarehouseOutdated extends Error {
  constructor(readonly path: string) {
    super(`仓库 ${path} 由旧版本的 luoshi 建立，表结构已变化。请先运行 luoshi build 重建（已归档的月度文件会按原顺序重放），再载入。`);
    this.name = "WarehouseOutdated";
  }
}

/**
 * The fingerprint of the warehouse's structure: the SHA-256 of the raw tables' DDL and of every view's SQL. A build
 * stores it (raw.build_info.schema_sha256); a warehouse built from other SQL is outdated: its views or tables are not
 * those this version reads and writes, and `luoshi build` rebuilds it (replaying the archive).
 */
export function schemaFingerprint(): string {
  const hash = createHash("sha256").update(readFileSync(join(SQL_DIR, "raw", "tables.sql"), "utf8"));
  for (const [name, sql] of sqlFiles("views")) hash.update(`\u0000${name}\u0000${sql}`);
  return hash.digest("hex");
}

/**
 * Throws WarehouseOutdated unless the warehouse was built from this version's SQL (schemaFingerprint) and its monthly
 * tables are those this version writes (raw.observations, raw.ingest_reference, raw.review_flags, raw.receipts).
 */
export async function assertCurrentSchema(connection: DuckDBConnection, path: string): Promise<void> {
  try {
    const [[stored]] = (await connection.runAndReadAll("SELECT any_value(schema_sha256) FROM raw.build_info")).getRowsJS() as [[string | null]];
    if (stored !== schemaFingerprint()) throw new WarehouseOutdated(path);
  } catch (e) {
    throw e instanceof WarehouseOutdated ? e : new WarehouseOutdated(path);
  }
  // (the catalog functions, not information_schema: this runs at the start of every luoshi ingest)
  let columns: string[];
  try {
    columns = (await connection.runAndReadAll("SELECT * FROM raw.observations LIMIT 0")).columnNames();
  } catch {
    throw new WarehouseOutdated(path);
  }
  const expected = ["receipt_no", "target_id", "department_id", "period", "value", "status", "note", "reporter", "reported_at", "source_row", "reported_value", "flagged", "flag_reason"];
  if (columns.join() !== expected.join()) throw new WarehouseOutdated(path);
  // the packed reference data, the review flags found once a file is stored, and receipts unique by file and sheet
  // (before: by file alone, so a workbook's second sheet could not be loaded)
  const [[tables, unique]] = (await connection.runAndReadAll(`SELECT
      (SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'raw' AND table_name IN ('ingest_reference', 'review_flags')) = 2,
      (SELECT count(*) FROM duckdb_constraints() WHERE schema_name = 'raw' AND table_name = 'receipts' AND constraint_type = 'UNIQUE'
        AND constraint_column_names = ['sha256', 'sheet'])`)).getRowsJS() as [[boolean, bigint]];
  if (!tables || Number(unique) === 0) throw new WarehouseOutdated(path);
}

export type Warehouse = { instance: DuckDBInstance; connection: DuckDBConnection; close: () => void };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isLockError = (e: unknown) => e instanceof Error && /Could not set lock on file/.test(e.message);

/**
 * Opens a warehouse. Readers open READ_ONLY: many readers share a file, but DuckDB refuses a reader
 * while a writer holds it, so a clash is retried until `waitMs` and then ends in WarehouseBusy.
 */
export async function openWarehouse(path: string, options: { readOnly?: boolean; waitMs?: number } = {}): Promise<Warehouse> {
  const readOnly = options.readOnly ?? true;
  if (readOnly && !existsSync(path)) throw new WarehouseMissing(path);
  const waitMs = lockWaitMs(options.waitMs);
  const started = Date.now();
  for (;;) {
    try {
      const instance = await DuckDBInstance.create(path, readOnly ? { access_mode: "READ_ONLY" } : {});
      const connection = await instance.connect();
      return {
        instance,
        connection,
        close: () => {
          connection.closeSync();
          instance.closeSync();
        },
      };
    } catch (e) {
      if (!isLockError(e)) throw e;
      const holder = (e as Error).message.match(/PID (\d+)/)?.[1] ?? null;
      if (Date.now() - started >= waitMs) throw new WarehouseBusy(path, holder, Date.now() - started, holder === null ? null : processCommand(Number(holder)));
      await sleep(150);
    }
  }
}

/**
 * Opens a warehouse read-only for a reader of its views (luoshi query, luoshi template, the site's data loaders):
 * WarehouseOutdated when it was built by a luoshi with other SQL (its views would answer as that version does).
 */
export async function openCurrentWarehouse(path: string, options: { waitMs?: number } = {}): Promise<Warehouse> {
  const wh = await openWarehouse(path, { readOnly: true, waitMs: options.waitMs });
  try {
    await assertCurrentSchema(wh.connection, path);
  } catch (e) {
    wh.close();
    throw e;
  }
  return wh;
}

const SCRATCH_PREFIX = "luoshi-scratch-";

/** The temporary folder full, or not one to write in: where, and what to do. */
function scratchCopyFailed(path: string, folder: string, e: unknown): Error {
  const size = (statSync(path).size / 1e6).toFixed(1);
  const error = new Error(`试运行多个文件时需要在临时文件夹中复制一份仓库（${size} MB），复制到 ${folder} 失败：${(e as Error).message}。` +
    "可设置环境变量 TMPDIR 指向空间足够的文件夹后重试，或逐个文件试运行（单个文件试运行不复制仓库）。");
  error.name = "ScratchCopyFailed";
  return error;
}

/**
 * A private copy of the warehouse in a new temporary folder, open for writing, and that folder (for the files a load
 * archives); close() removes both. A dry run of several files loads them into it one after another, so that each is
 * checked as a real run would check it (after the files before it), while the warehouse itself is left as it is.
 * The copy is taken while the warehouse is open read-only, so no load is writing it meanwhile.
 */
export async function openScratchCopy(path: string, options: { waitMs?: number } = {}): Promise<Warehouse & { folder: string }> {
  removeOrphans(SCRATCH_PREFIX);
  const folder = tempPath(SCRATCH_PREFIX);
  try {
    const source = await openWarehouse(path, { readOnly: true, waitMs: options.waitMs });
    const copy = join(folder, "warehouse.duckdb");
    try {
      mkdirSync(folder);
      copyFileSync(path, copy);
      if (existsSync(`${path}.wal`)) copyFileSync(`${path}.wal`, `${copy}.wal`);
    } catch (e) {
      throw scratchCopyFailed(path, folder, e);
    } finally {
      source.close();
    }
    const scratch = await openWarehouse(copy, { readOnly: false });
    return {
      ...scratch,
      folder,
      close: () => {
        try {
          scratch.close();
        } finally {
          removeTemp(folder);
        }
      },
    };
  } catch (e) {
    removeTemp(folder);
    throw e;
  }
}

export type QueryResult = { columns: string[]; rows: Record<string, unknown>[] };

/** Runs one statement with bound parameters and returns plain JS rows (BIGINT as number when safe). */
export async function query(connection: DuckDBConnection, sql: string, params: DuckDBValue[] = []): Promise<QueryResult> {
  const reader = await connection.runAndReadAll(sql, params);
  const rows = reader.getRowObjectsJS().map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toPlain(v)])),
  );
  return { columns: reader.columnNames(), rows };
}

function toPlain(value: unknown): unknown {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace("T", " ").replace("Z", "");
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}

/**
 * Sets the date every time-dependent view (reporting_calendar, …) is judged at, for this connection.
 * Without it the views use today's date.
 */
export async function setAsOf(connection: DuckDBConnection, asOf: string | undefined): Promise<void> {
  if (asOf === undefined || asOf === "") return;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`as-of 日期应为 YYYY-MM-DD，收到：${asOf}`);
  await connection.run("SET VARIABLE as_of = $1::DATE", [asOf]);
}

/**
 * Runs `use` with the connection's as-of date set to `asOf` (what a load judges a file at: the targets' values in force,
 * target_values), then puts back the date the connection had, or none.
 */
export async function withAsOf<T>(connection: DuckDBConnection, asOf: string, use: () => Promise<T>): Promise<T> {
  const before = (await connection.runAndReadAll("SELECT CAST(getvariable('as_of') AS VARCHAR)")).getRowsJS()[0]![0] as string | null;
  await setAsOf(connection, asOf);
  try {
    return await use();
  } finally {
    // (best effort: after a failed statement in an open transaction DuckDB refuses even this until the ROLLBACK, and
    // the error that got there is the one to report)
    await (before === null ? connection.run("RESET VARIABLE as_of") : connection.run("SET VARIABLE as_of = $1::DATE", [before])).catch(() => {});
  }
}

/** The SQL files of a folder, name → text. */
export function sqlFiles(folder: string): Map<string, string> {
  const dir = join(SQL_DIR, folder);
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith(".sql"))
      .sort()
      .map((f) => [basename(f, ".sql"), readFileSync(join(dir, f), "utf8")]),
  );
}

/** Creates every view of src/sql/views (one SELECT per file, named after the view), in dependency order. */
export async function createViews(connection: DuckDBConnection): Promise<string[]> {
  const pending = sqlFiles("views");
  const created: string[] = [];
  while (pending.size > 0) {
    const before = created.length;
    const failures: string[] = [];
    for (const [name, sql] of [...pending]) {
      try {
        await connection.run(`CREATE OR REPLACE VIEW ${name} AS\n${sql}`);
        created.push(name);
        pending.delete(name);
      } catch (e) {
        failures.push(`${name}: ${(e as Error).message}`);
      }
    }
    // no view could be created in a whole pass: the rest have errors of their own, not missing dependencies
    if (created.length === before) {
      throw new Error(`cannot create views:\n${failures.join("\n")}`);
    }
  }
  return created;
}

export type CheckResult = { name: string; description: string; failures: Record<string, unknown>[] };

/** Runs the data checks of src/sql/checks: each SELECT returns the rows that break its rule. */
export async function runChecks(connection: DuckDBConnection): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const [name, sql] of sqlFiles("checks")) {
    const description = sql.match(/^--\s*(.*)$/m)?.[1] ?? name;
    const { rows } = await query(connection, sql);
    results.push({ name, description, failures: rows });
  }
  return results;
}

export { WarehouseBusy };
