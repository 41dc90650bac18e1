/**
 * Falling cumulative figures: a row whose 累计完成值 is below the figure of the period before it, for the same
 * department and target, is loaded but flagged for review, unless its 进展情况 says something.
 *
 * "The period before it" is taken from what the warehouse holds once the file is loaded: the file's own stored rows
 * (in any order: a file may list 2018-07 above 2018-06) and, for the periods the file does not set, the figures loaded
 * before. A row the file rejected or left unchanged does not change that picture. The query runs once the rows are
 * stored; a file read wholly by JavaScript with nothing loaded before is compared by fileDrops (src/ingest/review.ts)
 * instead, and test/bulk.test.ts holds the two to each other.
 */
import { type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { trace } from "./trace.js";
import type { FileDrop } from "./ingest/review.js";

export { dropReason } from "./ingest/review.js";

/** A stored row of the file whose figure falls below the one of the period before it. */
export type Drop = FileDrop & { code: string; department: string; period: string };

/**
 * The drops among a file's stored rows. `fileRows`: a relation of (source_row, department_id, target_id, period,
 * value, note), one row per key, with `params`; `receiptNo`: the file's receipt when its rows are already in
 * raw.observations (they are then left out of the figures loaded before); `history: false` when nothing was loaded
 * before for the targets of the file (the comparison is then within the file).
 */
export async function findDrops(
  connection: DuckDBConnection,
  fileRows: string,
  receiptNo: number | null,
  options: { params?: DuckDBValue[]; history?: boolean } = {},
): Promise<Drop[]> {
  const t = performance.now();
  const params = options.params ?? [];
  // the figures loaded before, of the (department, target) pairs with a row that may be flagged; a period the file
  // sets (even without a figure) takes the file's row instead
  const before = `
      UNION ALL
      SELECT k.key_no, CAST(replace(b.period, '-', '') AS INTEGER), b.value, NULL, false, false FROM (
        SELECT o.department_id, o.target_id, o.period, o.value FROM raw.observations o SEMI JOIN keys USING (department_id, target_id)
        WHERE o.receipt_no IS DISTINCT FROM $${params.length + 1}::INTEGER
        QUALIFY row_number() OVER (PARTITION BY o.department_id, o.target_id, o.period ORDER BY o.receipt_no DESC) = 1
      ) b
      JOIN keys k USING (department_id, target_id) ANTI JOIN f USING (department_id, target_id, period)
      WHERE b.value IS NOT NULL`;
  // (department, target) numbered and periods as YYYYMM: a window over integers is several times faster than over texts
  const sql = `
    WITH f AS NOT MATERIALIZED (SELECT source_row, department_id, target_id, period, value, coalesce(note, '') = '' AS bare FROM ${fileRows}),
    keys AS (
      SELECT department_id, target_id, row_number() OVER () AS key_no FROM (SELECT DISTINCT department_id, target_id FROM f WHERE value IS NOT NULL AND bare)
    ),
    s AS (
      SELECT k.key_no, CAST(replace(f.period, '-', '') AS INTEGER) AS p, f.value, f.source_row, f.bare, true AS in_file
      FROM f JOIN keys k USING (department_id, target_id) WHERE f.value IS NOT NULL
      ${options.history === false ? "" : before}
    ),
    w AS (
      SELECT s.*, lag(p) OVER by_period AS previous_p, lag(value) OVER by_period AS previous_value, lag(in_file) OVER by_period AS previous_in_file
      FROM s WINDOW by_period AS (PARTITION BY key_no ORDER BY p)
    )
    SELECT w.source_row, t.code, d.name, printf('%04d-%02d', w.p // 100, w.p % 100), w.value, printf('%04d-%02d', w.previous_p // 100, w.previous_p % 100),
      w.previous_value, w.previous_in_file
    FROM w JOIN keys USING (key_no) JOIN raw.targets t USING (target_id) JOIN raw.departments d USING (department_id)
    WHERE w.in_file AND w.bare AND w.value < w.previous_value
    ORDER BY w.source_row`;
  const rows = (await connection.runAndReadAll(sql, options.history === false ? params : [...params, receiptNo])).getRowsJS() as [number, string, string, string, number, string, number, boolean][];
  trace(`drops: ${rows.length}`, t);
  return rows.map(([row, code, department, period, value, previousPeriod, previousValue, previousInFile]) => ({
    row: Number(row), code, department, period, value, previousPeriod, previousValue, previousInFile,
  }));
}
