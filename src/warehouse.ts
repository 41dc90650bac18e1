import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { InputRejected, type LoadError } from "./errors.js";
import { acquireWriterLock, lockWaitMs, WarehouseBusy } from "./lock.js";
import { PACKAGE_ROOT, SQL_DIR } from "./paths.js";
import { readTaskTable, type TaskTable } from "./tasktable.js";
import { storeNetworkMetrics } from "./network.js";
import { storeDiscrepancies } from "./reconcile.js";
import { replayArchive, type IngestSummary } from "./monthly.js";

export class WarehouseMissing extends Error {
  constructor(readonly path: string) {
    super(`仓库文件不存在：${path}。请先运行 luoshi build（或 npm start）。`);
    this.name = "WarehouseMissing";
  }
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
      if (Date.now() - started >= waitMs) throw new WarehouseBusy(path, holder, Date.now() - started);
      await sleep(150);
    }
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

const TABLES: [keyof Omit<TaskTable, "policy">, string][] = [
  ["chapters", "raw.chapters"],
  ["items", "raw.items"],
  ["tasks", "raw.tasks"],
  ["corrections", "raw.corrections"],
  ["departments", "raw.departments"],
  ["departmentAliases", "raw.department_aliases"],
  ["groupMembers", "raw.group_members"],
  ["persons", "raw.persons"],
  ["taskDepartments", "raw.task_departments"],
  ["itemDepartments", "raw.item_departments"],
  ["taskPersons", "raw.task_persons"],
  ["targets", "raw.targets"],
  ["targetReporters", "raw.target_reporters"],
  ["targetAdjustments", "raw.target_adjustments"],
];

async function insertRows(connection: DuckDBConnection, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const statement = await connection.prepare(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
  );
  for (const row of rows) {
    statement.bind(columns.map((c) => (row[c] ?? null) as DuckDBValue));
    await statement.run();
  }
}

/** Reads every policy directory under `<data>/policies`; all errors of all policies are collected. */
export function readAllPolicies(data: string): { tables: TaskTable[]; errors: LoadError[] } {
  const root = join(data, "policies");
  const dirs = existsSync(root)
    ? readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const tables: TaskTable[] = [];
  const errors: LoadError[] = [];
  if (dirs.length === 0) {
    errors.push({ code: "E_FILE_MISSING", file: `${root}`, row: null, column: null, message: "没有任何政策目录（data/policies/<policy_id>/）", value: null });
  }
  for (const dir of dirs) {
    const result = readTaskTable(join(root, dir));
    errors.push(...result.errors);
    if (result.table) tables.push(result.table);
  }
  return { tables, errors };
}

export type BuildSummary = {
  path: string;
  policies: { policy_id: string; chapters: number; items: number; tasks: number }[];
  views: string[];
  checks: CheckResult[];
  /** Monthly files replayed from the archive, in arrival order. */
  replayed: IngestSummary[];
};

/**
 * Rebuilds the warehouse from the curated inputs. Nothing touches the existing warehouse until the new one is
 * complete and its checks pass: it is written to a temporary file, checkpointed, closed and renamed into place
 * (under the writer lock). A rejected input leaves the previous warehouse as it was.
 */
export async function buildWarehouse(options: { data: string; db: string; waitMs?: number }): Promise<BuildSummary> {
  const { tables, errors } = readAllPolicies(options.data);
  if (errors.length > 0) throw new InputRejected(errors);
  const release = await acquireWriterLock(options.db, options.waitMs);
  const tmp = `${options.db}.tmp-${process.pid}`;
  try {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    const wh = await openWarehouse(tmp, { readOnly: false });
    let checks: CheckResult[] = [];
    let replayed: IngestSummary[] = [];
    let views: string[] = [];
    try {
      await wh.connection.run(readFileSync(join(SQL_DIR, "raw", "tables.sql"), "utf8"));
      await wh.connection.run("BEGIN TRANSACTION");
      for (const table of tables) {
        await insertRows(wh.connection, "raw.policies", [table.policy]);
        for (const [key, name] of TABLES) await insertRows(wh.connection, name, table[key] as Record<string, unknown>[]);
      }
      const version = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")).version as string;
      await wh.connection.run("INSERT INTO raw.build_info VALUES (now()::TIMESTAMP, $1, $2)", [version, tables.length]);
      await wh.connection.run("COMMIT");
      views = await createViews(wh.connection);
      await storeNetworkMetrics(wh.connection);
      await storeDiscrepancies(wh.connection);
      replayed = await replayArchive(wh.connection, options.data);
      checks = await runChecks(wh.connection);
      await wh.connection.run("CHECKPOINT");
    } finally {
      wh.close();
    }
    const failed = checks.filter((c) => c.failures.length > 0);
    if (failed.length > 0) {
      throw new Error(`数据检查未通过，仓库未更新：\n${failed.map((c) => `- ${c.name}（${c.description}）：${JSON.stringify(c.failures.slice(0, 5))}`).join("\n")}`);
    }
    rmSync(`${options.db}.wal`, { force: true });
    renameSync(tmp, options.db);
    return {
      path: options.db,
      policies: tables.map((t) => ({ policy_id: t.policy.policy_id, chapters: t.chapters.length, items: t.items.length, tasks: t.tasks.length })),
      views,
      checks,
      replayed,
    };
  } finally {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    release();
  }
}

export { WarehouseBusy };
