import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { readCalendar } from "./calendar.js";
import { storeTargetTrends } from "./drops.js";
import { InputRejected, loadError, type LoadError } from "./errors.js";
import { acquireWriterLock } from "./lock.js";
import { replayArchive, storeIngestReference, type IngestSummary } from "./monthly.js";
import { storeNetworkMetrics } from "./network.js";
import { PACKAGE_ROOT, SQL_DIR } from "./paths.js";
import { storeDiscrepancies } from "./reconcile.js";
import { readCsv } from "./csv.js";
import { policySchema } from "./schemas.js";
import { parseDeadline } from "./deadline.js";
import { readTaskTable, type TaskTable } from "./tasktable.js";
import { UNITS } from "./targets/units.js";
import { createViews, openWarehouse, runChecks, schemaFingerprint, type CheckResult } from "./warehouse.js";

/**
 * Building the warehouse from the curated inputs and the archive. Kept apart from warehouse.ts so that readers
 * (luoshi query, ingest, the site's data loaders) do not load the task-table resolver, the target parser or zod.
 */

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

/** A path as the user can find it: relative to the working directory when below it, else in full. */
function shownPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere !== "" && !fromHere.startsWith("..") && !isAbsolute(fromHere) ? fromHere.split(sep).join("/") : path;
}

/** Reads every policy directory under `<data>/policies`; all errors of all policies are collected. */
export function readAllPolicies(data: string): { tables: TaskTable[]; errors: LoadError[] } {
  const root = join(data, "policies");
  const shownRoot = shownPath(root);
  const dirs = existsSync(root)
    ? readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const tables: TaskTable[] = [];
  const errors: LoadError[] = [];
  if (dirs.length === 0) {
    errors.push({ code: "E_FILE_MISSING", file: `${root}`, row: null, column: null, message: "没有任何政策目录（data/policies/<policy_id>/）", value: null });
  }
  // Monthly files name a target by its code alone: a code, so its prefix, must mean one target in the whole warehouse.
  // (read from each policy.csv, also of a policy whose other files are rejected: the clash is said first, before the
  // codes its registry then fails on)
  const prefixOwner = new Map<string, string>();
  for (const dir of dirs) {
    const policy = readCsv(join(root, dir, "policy.csv"), `${shownRoot}/${dir}/policy.csv`, policySchema).rows[0]?.data;
    if (policy === undefined) continue;
    const { policy_id, target_prefix } = policy;
    const owner = prefixOwner.get(target_prefix);
    if (owner === undefined) prefixOwner.set(target_prefix, policy_id);
    else {
      errors.push(loadError("E_DUPLICATE_ID", `${shownRoot}/${dir}/policy.csv`, 2, "target_prefix",
        `指标编码前缀「${target_prefix}」已由政策 ${owner} 使用；月度报送文件只写指标编码，前缀在仓库内必须唯一`, target_prefix));
    }
  }
  for (const dir of dirs) {
    const result = readTaskTable(join(root, dir), shownRoot);
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
  /** Departments of the same name whose full names differ between policies (sameNameDepartments). */
  sameNames: SameName[];
  /** Departments of the same name taken for one, a full name given in one policy and not in another (mergedByName). */
  mergedByName: SameName[];
  /** Names of a department in one policy that are another department's alias in another (aliasClashes). */
  aliasClashes: AliasClash[];
  /** Departments of other names taken for one through a shared name or alias, a full name missing (mergedByAlias). */
  mergedByAlias: MergedByAlias[];
  /** Rows whose deadline_date differs from the date their deadline_text reads as (deadlineDisagreements). */
  deadlineDisagreements: DeadlineDisagreement[];
  /** Departments written among the cooperators of a row they lead (counted as leading it only). */
  leadAlsoCooperating: { policy_id: string; row_no: number; mention: string }[];
};

export type MergedByAlias = { name: string; departments: { policy_id: string; name: string; full_name: string }[] };

/**
 * Departments of several policies that department_identities takes for one although their names differ, through a
 * name or alias they share (经信局 with the alias 市经济和信息化局, which 市经信局 of another policy has too), while one
 * of them has no full name: right for one city (a renamed bureau), wrong for two. Said at build, as mergedByName says
 * it of one name (left out here).
 */
export async function mergedByAlias(connection: DuckDBConnection): Promise<MergedByAlias[]> {
  const rows = (await connection.runAndReadAll(`SELECT any_value(i.name) AS name,
      list({'policy_id': d.policy_id, 'name': d.name, 'full_name': coalesce(d.full_name, '')} ORDER BY d.policy_id, d.name) AS departments
    FROM department_identities i JOIN raw.departments d USING (department_id)
    GROUP BY i.identity_id
    HAVING count(DISTINCT d.policy_id) > 1 AND count(DISTINCT d.name) > 1 AND bool_or(coalesce(d.full_name, '') = '')
    ORDER BY 1`)).getRowObjectsJS();
  return rows.map((r) => ({ name: String(r.name), departments: r.departments as MergedByAlias["departments"] }));
}

export type AliasClash = { name: string; policy_id: string; other_policy_id: string; other_name: string };

/**
 * A department's name in one policy (市发改局) that another policy lists as an alias of a department of another name
 * (市发展改革局): a report row is read as its target's policy has it, but a template is made for the name itself, and
 * the other policy's department is asked for under its own name only. Said at build, as sameNameDepartments.
 */
export function aliasClashes(tables: readonly TaskTable[]): AliasClash[] {
  const out: AliasClash[] = [];
  for (const t of tables) {
    const names = new Map(t.departments.map((d) => [d.department_id, d.name]));
    for (const a of t.departmentAliases) {
      const own = names.get(a.department_id);
      if (own === undefined || own === a.alias) continue;
      for (const other of tables) {
        if (other === t) continue;
        const d = other.departments.find((x) => x.name === a.alias);
        if (d) out.push({ name: a.alias, policy_id: d.policy_id, other_policy_id: a.policy_id, other_name: own });
      }
    }
  }
  return out;
}

export type SameName = { name: string; policies: { policy_id: string; full_name: string }[] };

/**
 * Departments named alike in several policies, one of them with a full name and another without (慈溪市财政局 | 「」):
 * department_identities takes them for one department (nothing tells them apart), which is right for two policies of
 * one city and wrong for two cities. Said at build, so that a missing full name is filled in where they are not one.
 */
export function mergedByName(tables: readonly TaskTable[]): SameName[] {
  return [...departmentsByName(tables)]
    .filter(([, list]) => new Set(list.map((p) => p.policy_id)).size > 1 && list.some((p) => p.full_name === "") && list.some((p) => p.full_name !== ""))
    .map(([name, policies]) => ({ name, policies }));
}

/**
 * Departments named alike (市经信局) in several policies whose full names differ (慈溪市经济和信息化局, 余姚市经济和
 * 信息化局): two departments (department_identities), each reporting its own policy's targets; a report row's name is
 * read as its target's policy has it, and a template must be asked for by the full name. Said at build.
 */
export function sameNameDepartments(tables: readonly TaskTable[]): SameName[] {
  return [...departmentsByName(tables)]
    .map(([name, list]) => [name, list.filter((p) => p.full_name !== "")] as const)
    .filter(([, list]) => new Set(list.map((p) => p.full_name)).size > 1).map(([name, policies]) => ({ name, policies }));
}

export type DeadlineDisagreement = { policy_id: string; row_no: number; deadline_text: string; deadline_date: string; read_as: string };

/**
 * Rows whose deadline_date (which wins) differs from the date their deadline_text reads as (10月底前 with 2017-12-31):
 * a typo there moves the row's deadline, lateness and schedule, so it is said at build. A text read as no one date
 * (长期坚持, a text the reader does not know) is not compared.
 */
export function deadlineDisagreements(tables: readonly TaskTable[]): DeadlineDisagreement[] {
  return tables.flatMap((t) => t.tasks.flatMap((task) => {
    if (task.deadline_date === null || task.deadline_text.trim() === "") return [];
    const read = parseDeadline(task.deadline_text, t.policy.issued_date, t.policy.end_date);
    return read !== null && read.date !== null && read.date !== task.deadline_date
      ? [{ policy_id: task.policy_id, row_no: task.row_no, deadline_text: task.deadline_text, deadline_date: task.deadline_date, read_as: read.date }] : [];
  }));
}

/** Every policy's departments by name: each one's policy and full name (trimmed; "" when not given). */
function departmentsByName(tables: readonly TaskTable[]): Map<string, SameName["policies"]> {
  const byName = new Map<string, SameName["policies"]>();
  for (const t of tables) {
    for (const d of t.departments) {
      const list = byName.get(d.name) ?? [];
      list.push({ policy_id: d.policy_id, full_name: d.full_name.trim() });
      byName.set(d.name, list);
    }
  }
  return byName;
}

/**
 * Rebuilds the warehouse from the curated inputs. Nothing touches the existing warehouse until the new one is
 * complete and its checks pass: it is written to a temporary file, checkpointed, closed and renamed into place
 * (under the writer lock). A rejected input leaves the previous warehouse as it was.
 */
export async function buildWarehouse(options: { data: string; db: string; waitMs?: number }): Promise<BuildSummary> {
  const { tables, errors } = readAllPolicies(options.data);
  const calendar = readCalendar(options.data, shownPath(options.data));
  errors.push(...calendar.errors);
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
    let merged: MergedByAlias[] = [];
    try {
      await wh.connection.run(readFileSync(join(SQL_DIR, "raw", "tables.sql"), "utf8"));
      await wh.connection.run("BEGIN TRANSACTION");
      for (const table of tables) {
        await insertRows(wh.connection, "raw.policies", [table.policy]);
        for (const [key, name] of TABLES) await insertRows(wh.connection, name, table[key] as Record<string, unknown>[]);
      }
      await insertRows(wh.connection, "raw.calendar", calendar.days);
      await insertRows(wh.connection, "raw.units", UNITS.map((u) => ({ unit: u.unit, category: u.category, base_unit: u.baseUnit, factor: u.factor })));
      const version = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")).version as string;
      await wh.connection.run("INSERT INTO raw.build_info VALUES (now()::TIMESTAMP, $1, $2, $3)", [version, tables.length, schemaFingerprint()]);
      await wh.connection.run("COMMIT");
      views = await createViews(wh.connection);
      await storeNetworkMetrics(wh.connection);
      await storeDiscrepancies(wh.connection);
      await storeTargetTrends(wh.connection);
      await storeIngestReference(wh.connection);
      replayed = await replayArchive(wh.connection, options.data);
      checks = await runChecks(wh.connection);
      merged = await mergedByAlias(wh.connection);
      await wh.connection.run("CHECKPOINT");
    } finally {
      wh.close();
    }
    const failed = checks.filter((c) => c.failures.length > 0);
    if (failed.length > 0) {
      throw new Error(`数据检查未通过，仓库未更新：\n${failed.map(checkFailureText).join("\n")}`);
    }
    rmSync(`${options.db}.wal`, { force: true });
    renameSync(tmp, options.db);
    return {
      path: options.db,
      policies: tables.map((t) => ({ policy_id: t.policy.policy_id, chapters: t.chapters.length, items: t.items.length, tasks: t.tasks.length })),
      views,
      checks,
      replayed,
      sameNames: sameNameDepartments(tables),
      mergedByName: mergedByName(tables),
      aliasClashes: aliasClashes(tables),
      mergedByAlias: merged,
      deadlineDisagreements: deadlineDisagreements(tables),
      leadAlsoCooperating: tables.flatMap((t) => t.leadAlsoCooperating.map((x) => ({ policy_id: t.policy.policy_id, ...x }))),
    };
  } finally {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    release();
  }
}


/** Where a scoped id of a failed check's row is written in the task table: the file, and the column that holds the rest of it. */
const ID_FILES: Record<string, { file: string; column: string; part: (rest: string) => string }> = {
  person_id: { file: "persons.csv", column: "code", part: (r) => r },
  department_id: { file: "departments.csv", column: "code", part: (r) => r },
  task_id: { file: "tasks.csv", column: "row_no", part: (r) => String(Number(r.replace(/^r/, ""))) },
  target_id: { file: "targets.csv", column: "code", part: (r) => r },
};

/** 「（data/policies/cixi-2017-75/persons.csv 中 code 为 p22 的行）」 for the first scoped id of a row, or "". */
function idPlace(row: Record<string, unknown>): string {
  for (const [column, value] of Object.entries(row)) {
    const at = ID_FILES[column];
    const dot = typeof value === "string" ? value.indexOf(".") : -1;
    if (at === undefined || dot <= 0) continue;
    const text = value as string;
    return `（data/policies/${text.slice(0, dot)}/${at.file} 中 ${at.column} 为 ${at.part(text.slice(dot + 1))} 的行）`;
  }
  return "";
}

/** A failed check for people: its name and rule, then one line per offending row (the first ten), column = value, and where the row is written. */
export function checkFailureText(c: { name: string; description: string; failures: Record<string, unknown>[] }): string {
  const rows = c.failures.slice(0, 10).map((r) => `    ${Object.entries(r).map(([k, v]) => `${k} = ${v === null ? "（空）" : String(v)}`).join("，")}${idPlace(r)}`);
  const more = c.failures.length > 10 ? [`    ……另有 ${c.failures.length - 10} 行`] : [];
  return [`- ${c.name}：${c.description}；不符合的有 ${c.failures.length} 行：`, ...rows, ...more].join("\n");
}
