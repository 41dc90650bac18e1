/**
 * Statuses that go back: a stored row of a file whose 完成状态 comes before the one reported for an earlier period of
 * the same department and target (已完成 in September, 推进中 in October; or 推进中, then 未启动). One of the two
 * months is wrong, and the progress pages count a target done from the first month it was reported 已完成, so the
 * row is loaded but flagged for review. Not when the status may go back (statusMayGoBack: a recurring duty, whose
 * 已完成 is the month's only; a ceiling, a rate or a standard to keep, met one month and missed the next).
 *
 * "The period before it" is the latest earlier period with a 完成状态: the file's own rows (in any order) and, for the
 * periods the file does not set, the statuses loaded before (the latest file of each period). A note does not clear the
 * flag (the earlier month still says 已完成); a corrected month does. The observations view applies the same rule to
 * the current figures at the as-of date, with the same reason text (statusBackReason), so the flag is not stored: the
 * load lists it in its summary. The 报送自查 page and a load with nothing loaded before compare a file's rows by
 * fileStatusBacks (src/ingest/review.ts); test/statusbacks.test.ts holds the three to each other.
 */
import { type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { trace } from "./trace.js";
import { STATUS_ORDER, type FileStatusBack } from "./ingest/review.js";
import { type Status } from "./ingest/values.js";

export { statusBackReason } from "./ingest/review.js";

/** A stored row of the file whose status goes back from the one of an earlier period. */
export type StatusBack = FileStatusBack & { code: string; department: string; period: string };

/** The statuses as a SQL list in their order (list_position gives each its rank). */
/** statusMayGoBack (src/ingest/review.ts) of raw.targets `t` (its rises stored by the build), negated: a status to check. */
export const STATUS_MUST_NOT_GO_BACK_SQL = "(t.kind = 'milestone' OR (t.kind = 'quantity' AND t.rises))";

export const STATUS_ORDER_SQL = `[${STATUS_ORDER.map((s) => `'${s}'`).join(", ")}]`;

/**
 * The statuses that go back among a file's stored rows. `fileRows`: a relation of (source_row, department_id,
 * target_id, period, status), one row per key, with `params`; `receiptNo`: the file's receipt when its rows are in
 * raw.observations already (they are then left out of the statuses loaded before); `history: false` when nothing was
 * loaded before for the targets of the file.
 */
export async function findStatusBacks(
  connection: DuckDBConnection,
  fileRows: string,
  receiptNo: number | null,
  options: { params?: DuckDBValue[]; history?: boolean } = {},
): Promise<StatusBack[]> {
  const t = performance.now();
  const params = options.params ?? [];
  // the latest status of each earlier period loaded before, of the pairs the file may set back; a period the file sets
  // (even without a status) takes the file's row instead
  const before = `
      UNION ALL
      SELECT b.department_id, b.target_id, b.period, b.status, NULL, false FROM (
        SELECT o.department_id, o.target_id, o.period, o.status FROM raw.observations o SEMI JOIN pairs USING (department_id, target_id)
        WHERE o.receipt_no IS DISTINCT FROM $${params.length + 1}::INTEGER
        QUALIFY row_number() OVER (PARTITION BY o.department_id, o.target_id, o.period ORDER BY o.receipt_no DESC) = 1
      ) b ANTI JOIN f USING (department_id, target_id, period)
      WHERE b.status IS NOT NULL`;
  // pairs: those with a row of the file whose status something could be ahead of (not a recurring duty); keys: those
  // among them where a status comes before a later, lower one (已完成 before a later 推进中 or 未启动, 推进中 before a
  // later 未启动), found by one grouping, so that the window orders the rows of those few pairs only
  const sql = `
    WITH f AS NOT MATERIALIZED (SELECT source_row, department_id, target_id, period, status FROM ${fileRows}),
    pairs AS (
      SELECT DISTINCT f.department_id, f.target_id FROM f JOIN raw.targets t USING (target_id)
      WHERE f.status IN ('not_started', 'in_progress') AND ${STATUS_MUST_NOT_GO_BACK_SQL}
    ),
    s AS (
      SELECT f.department_id, f.target_id, f.period, f.status, f.source_row, true AS in_file
      FROM f SEMI JOIN pairs USING (department_id, target_id) WHERE f.status IS NOT NULL
      ${options.history === false ? "" : before}
    ),
    keys AS (
      SELECT department_id, target_id FROM s GROUP BY department_id, target_id
      HAVING min(period) FILTER (WHERE status = 'done') < max(period) FILTER (WHERE status <> 'done')
        OR min(period) FILTER (WHERE status = 'in_progress') < max(period) FILTER (WHERE status = 'not_started')
    ),
    w AS (
      SELECT s.*, lag(period) OVER by_period AS previous_period, lag(status) OVER by_period AS previous_status
      FROM s SEMI JOIN keys USING (department_id, target_id)
      WINDOW by_period AS (PARTITION BY department_id, target_id ORDER BY period)
    )
    SELECT w.source_row, t.code, d.name, w.period, w.status, w.previous_period, w.previous_status
    FROM w JOIN raw.targets t USING (target_id) JOIN raw.departments d USING (department_id)
    WHERE w.in_file AND list_position(${STATUS_ORDER_SQL}, w.status) < list_position(${STATUS_ORDER_SQL}, w.previous_status)
    ORDER BY w.source_row`;
  const rows = (await connection.runAndReadAll(sql, options.history === false ? params : [...params, receiptNo])).getRowsJS() as
    [number, string, string, string, Status, string, Status][];
  trace(`status backs: ${rows.length}`, t);
  return rows.map(([row, code, department, period, status, previousPeriod, previousStatus]) => ({
    row: Number(row), code, department, period, status, previousPeriod, previousStatus,
  }));
}
