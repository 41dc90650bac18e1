/**
 * One file crediting rows to two different departments of one name: two cities' 市经信局 (their full names differ, so
 * department_identities keeps them apart), each row read as its target's policy has the name. A department's file
 * holds its own targets: rows of the other city's targets under the same name were most likely copied from the other
 * city's template or sent by the wrong office. The rows are loaded (each where its target's policy puts it) but
 * flagged for review, every row of that name in the file.
 *
 * Found once the file's rows are in, for both readers: by one query on the stored rows (fileTwinsSql), or in
 * JavaScript on the rows the JavaScript reader holds (fileTwins), by the same rule and text; stored in
 * raw.review_flags (kind 'twin'), as overrides are. Only when some name stands for several departments
 * (Lookup.identities): otherwise nothing to look for.
 */
import { type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { trace } from "./trace.js";

/** A row of the file credited to one of several same-named departments the file's rows go to. */
export type Twin = { row: number; code: string; department: string; period: string; policies: string[] };

/** The review reason of a twin row. */
export function twinReason(t: Twin): string {
  return `本文件中「${t.department}」的行分属 ${t.policies.join("、")} 几份政策中全称不同的同名单位（按各行指标所属的政策认定）：` +
    `一个单位的报送文件不应含另一单位的指标，请核实这些行由谁报送`;
}

/**
 * The twin rows among `rows` (the file's accepted rows: source row, department's name, the target's policy, code,
 * period), given each department's identity (`identity(policy, name)`), in row order.
 */
export function fileTwins(
  rows: readonly { row: number; department: string; policy: string; code: string; period: string }[],
  identity: (policy: string, name: string) => string | undefined,
): Twin[] {
  const byName = new Map<string, Map<string, string>>(); // name → identity → a policy of it (the first by policy id)
  for (const r of rows) {
    const id = identity(r.policy, r.department) ?? `${r.policy}|${r.department}`;
    let ids = byName.get(r.department);
    if (ids === undefined) byName.set(r.department, (ids = new Map()));
    const known = ids.get(id);
    if (known === undefined || r.policy < known) ids.set(id, r.policy);
  }
  const policies = new Map<string, string[]>();
  for (const [name, ids] of byName) if (ids.size > 1) policies.set(name, [...new Set(ids.values())].sort());
  if (policies.size === 0) return [];
  return rows.filter((r) => policies.has(r.department)).map((r) => ({ row: r.row, code: r.code, department: r.department, period: r.period, policies: policies.get(r.department)! }))
    .sort((a, b) => a.row - b.row);
}

/**
 * The twin rows of a file's stored rows by one query: `fileRows` a relation of (source_row, department_id, target_id,
 * period) with `params`. The same rule as fileTwins: each identity named by the smallest policy id among the file's
 * rows of it.
 */
export async function findTwins(connection: DuckDBConnection, fileRows: string, params: DuckDBValue[] = []): Promise<Twin[]> {
  const t = performance.now();
  const sql = `
    WITH f AS (
      SELECT f.source_row, d.name, d.policy_id, i.identity_id, t.code, f.period
      FROM ${fileRows} f JOIN raw.departments d USING (department_id) JOIN department_identities i USING (department_id) JOIN raw.targets t ON t.target_id = f.target_id
    ),
    twin AS (
      SELECT name, list_sort(list(DISTINCT policy)) AS policies FROM (SELECT name, identity_id, min(policy_id) AS policy FROM f GROUP BY ALL)
      GROUP BY name HAVING count(*) > 1
    )
    SELECT f.source_row, f.code, f.name, f.period, w.policies FROM f JOIN twin w USING (name) ORDER BY f.source_row`;
  const rows = (await connection.runAndReadAll(sql, params)).getRowsJS() as [number, string, string, string, string[]][];
  trace(`twins: ${rows.length}`, t);
  return rows.map(([row, code, department, period, policies]) => ({ row: Number(row), code, department, period, policies: [...policies] }));
}
