/**
 * Figures put back: a stored row of a file that sets a key (department, target, period) back to what an older file
 * said, after a later file had corrected it. File A says 10, file B corrects it to 12, then a copy of A saved again
 * (other bytes: another name, CRLF, re-exported) says 10 with A's own 进展情况 and 填报日期: the correction is undone
 * without anyone saying so. Such a row is loaded (the latest file wins, as always) but flagged for review.
 *
 * "What an older file said" is the whole report of the key: figure, 完成状态, 进展情况 and 填报日期. A row that
 * restores the figure with a note of its own (「经核实恢复为10」) is a correction like any other and is not flagged. Nor
 * is one putting back a file received after the one that replaced it: that one, back-filled late (--received-at),
 * corrected nothing.
 *
 * The same rule is applied by the observations view (src/sql/views/observations.sql) to the figures current at the
 * as-of date, with the same reason text (test/reverts.test.ts holds the two to each other).
 */
import { type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { trace } from "./trace.js";
import { STATUS_WORD } from "./ingest/review.js";
import { type Status } from "./ingest/values.js";

/** A stored row of the file that puts back a figure a later file had corrected. */
export type Revert = {
  row: number;
  code: string;
  department: string;
  period: string;
  /** The file whose report the row repeats, and the file that had corrected it (original names). */
  earlierFile: string;
  correctedBy: string;
  correctedValue: number | null;
  correctedStatus: string | null;
};


/** A figure as reasons print it: 12, 12.5 (as src/ingest/review.ts and the views print them). */
const figure = (v: number) => String(v);

/** A key's report as reasons print it: 「310」「已完成」「310、已完成」, or 「空」 with neither. */
export function reportText(value: number | null, status: string | null): string {
  return [value === null ? null : figure(value), status === null ? null : STATUS_WORD[status as Status] ?? status].filter((s) => s !== null).join("、") || "空";
}

/** The review reason of a revert (the observations view writes the same text). */
export function revertReason(r: Pick<Revert, "earlierFile" | "correctedBy" | "correctedValue" | "correctedStatus">): string {
  return `与 ${r.earlierFile} 所报相同，而该数已被 ${r.correctedBy} 更正为 ${reportText(r.correctedValue, r.correctedStatus)}：可能重发了旧文件；如确需恢复，请在进展情况中说明`;
}

/**
 * The reverts among a file's stored rows. `fileRows`: a relation of (source_row, department_id, target_id, period,
 * value, status, note, reported_at) with `params`; `receiptNo`: the file's receipt when its rows are in
 * raw.observations already (they are then not their own history).
 */
export async function findReverts(connection: DuckDBConnection, fileRows: string, receiptNo: number | null, params: DuckDBValue[] = []): Promise<Revert[]> {
  const t = performance.now();
  // (a key the file is the first or second to report has nothing to put back: asked first, in one small query; most
  // files report a new month)
  const [[twice]] = (await connection.runAndReadAll(`SELECT count(*) FROM (SELECT 1 FROM raw.observations o
      SEMI JOIN (SELECT department_id, target_id, period FROM ${fileRows}) f USING (department_id, target_id, period)
      WHERE o.receipt_no IS DISTINCT FROM $${params.length + 1}::INTEGER GROUP BY o.department_id, o.target_id, o.period HAVING count(*) >= 2 LIMIT 1)`,
  [...params, receiptNo])).getRowsJS() as [[bigint]];
  if (Number(twice) === 0) {
    trace("reverts: 0 (no key reported twice before)", t);
    return [];
  }
  const sql = `
    WITH f AS NOT MATERIALIZED (SELECT source_row, department_id, target_id, period, value, status, note, reported_at FROM ${fileRows}),
    history AS (
      SELECT o.department_id, o.target_id, o.period, o.receipt_no, o.value, o.status, o.note, o.reported_at,
        row_number() OVER (PARTITION BY o.department_id, o.target_id, o.period ORDER BY o.receipt_no DESC) AS back
      FROM raw.observations o SEMI JOIN f USING (department_id, target_id, period)
      WHERE o.receipt_no IS DISTINCT FROM $${params.length + 1}::INTEGER
    )
    SELECT f.source_row, t.code, d.name, f.period, re.original_name, rp.original_name, p.value, p.status
    FROM f
    JOIN history p ON p.department_id = f.department_id AND p.target_id = f.target_id AND p.period = f.period AND p.back = 1
    JOIN history e ON e.department_id = f.department_id AND e.target_id = f.target_id AND e.period = f.period AND e.back > 1
    JOIN raw.receipts re ON re.receipt_no = e.receipt_no
    JOIN raw.receipts rp ON rp.receipt_no = p.receipt_no
    JOIN raw.targets t ON t.target_id = f.target_id
    JOIN raw.departments d ON d.department_id = f.department_id
    WHERE (p.value IS DISTINCT FROM f.value OR p.status IS DISTINCT FROM f.status)
      -- (a file received before the one it replaced, loaded late, corrected nothing: putting the later one back is
      -- what the load told the analyst to do)
      AND rp.received_at >= re.received_at
      AND e.value IS NOT DISTINCT FROM f.value AND e.status IS NOT DISTINCT FROM f.status
      AND e.note IS NOT DISTINCT FROM f.note AND e.reported_at IS NOT DISTINCT FROM f.reported_at
    QUALIFY row_number() OVER (PARTITION BY f.source_row ORDER BY e.back) = 1
    ORDER BY f.source_row`;
  const rows = (await connection.runAndReadAll(sql, [...params, receiptNo])).getRowsJS() as [number, string, string, string, string, string, number | null, string | null][];
  trace(`reverts: ${rows.length}`, t);
  return rows.map(([row, code, department, period, earlierFile, correctedBy, correctedValue, correctedStatus]) => ({
    row: Number(row), code, department, period, earlierFile, correctedBy, correctedValue, correctedStatus,
  }));
}
