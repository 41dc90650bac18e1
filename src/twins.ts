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

export { fileTwins, twinReason, type Twin } from "./ingest/twinrule.js";
import type { Twin } from "./ingest/twinrule.js";

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
