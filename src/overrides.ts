/**
 * Another department's figure changed by a file that is not its own: a row of department X, in a file where X's rows
 * are a minority (fewer than half of the rows: 市经信局's report carrying a row of 市科技局), that changes a figure X
 * had sent in a file of its own (SENDER_SHARE of that file's rows or more were X's). After 市科技局 reported 3, 「3 → 1」
 * in 市经信局's file: the row is loaded (the latest file wins, as always) but flagged for review, since one of the two
 * departments is mistaken and the owning department did not say so.
 *
 * Not flagged: a row that adds a figure no one had sent, that changes a figure an earlier compiled file had sent, or
 * that stands among half of the rows or more (a department's corrected file with a few rows of others; two rows of two
 * departments, which cannot tell who sent them).
 * Found once the file's rows are stored, by one query for both readers (src/monthly.ts, FileLoad.review); the flags go
 * to raw.review_flags, as falling figures do (src/drops.ts).
 */
import { type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { trace } from "./trace.js";
import { reportText } from "./reverts.js";

/** The share of an earlier file's rows one department must have for that file to be the department's own. */
export const SENDER_SHARE = 0.8;

/** A stored row of the file that changes another department's own figure. */
export type Override = {
  row: number;
  code: string;
  department: string;
  period: string;
  /** The department most of the file's other rows are from. */
  sender: string;
  previousValue: number | null;
  previousStatus: string | null;
  value: number | null;
  status: string | null;
  /** The file the department's own figure came in (original name). */
  previousFile: string;
};

/** The review reason of an override. */
export function overrideReason(o: Override): string {
  return `本行是「${o.department}」的数，所在文件却不是「${o.department}」自己的报送（文件中多为「${o.sender}」的行），并改动了「${o.department}」自己在 ${o.previousFile} 中所报的数` +
    `（${reportText(o.previousValue, o.previousStatus)} → ${reportText(o.value, o.status)}）：请向两个单位核实由谁报送、哪个数对`;
}

/**
 * The overrides among a file's stored rows. `fileRows`: a relation of (source_row, department_id, target_id, period,
 * value, status) with `params`; `receiptNo`: the file's receipt when its rows are in raw.observations already.
 */
export async function findOverrides(connection: DuckDBConnection, fileRows: string, receiptNo: number | null, params: DuckDBValue[] = []): Promise<Override[]> {
  const t = performance.now();
  // (a file of one department's rows, the usual one, overrides no one: asked first, in one small query)
  const [[departments]] = (await connection.runAndReadAll(`SELECT count(DISTINCT department_id) FROM ${fileRows}`, params)).getRowsJS() as [[bigint]];
  if (Number(departments) < 2) {
    trace("overrides: 0 (one department)", t);
    return [];
  }
  const receipt = `$${params.length + 1}::INTEGER`;
  const sql = `
    WITH f AS (SELECT source_row, department_id, target_id, period, value, status FROM ${fileRows}),
    share AS (SELECT department_id, count(*) AS n, sum(count(*)) OVER () AS total FROM f GROUP BY department_id),
    top AS (SELECT list(department_id ORDER BY n DESC, department_id) AS ids FROM share),
    previous AS (
      SELECT o.department_id, o.target_id, o.period, o.receipt_no, o.value, o.status FROM raw.observations o
      SEMI JOIN f USING (department_id, target_id, period)
      WHERE o.receipt_no IS DISTINCT FROM ${receipt}
      QUALIFY row_number() OVER (PARTITION BY o.department_id, o.target_id, o.period ORDER BY o.receipt_no DESC) = 1
    ),
    -- (the department each earlier file was nearly all of)
    owner AS (
      SELECT receipt_no, department_id FROM (
        SELECT o.receipt_no, o.department_id, count(*) AS n, sum(count(*)) OVER (PARTITION BY o.receipt_no) AS total
        FROM raw.observations o SEMI JOIN (SELECT DISTINCT receipt_no FROM previous) r USING (receipt_no) GROUP BY o.receipt_no, o.department_id
      ) WHERE n >= ${SENDER_SHARE} * total
    )
    SELECT f.source_row, t.code, d.name, f.period, sd.name, p.value, p.status, f.value, f.status, r.original_name
    FROM f
    JOIN share s ON s.department_id = f.department_id AND s.n < 0.5 * s.total
    CROSS JOIN top
    JOIN previous p ON p.department_id = f.department_id AND p.target_id = f.target_id AND p.period = f.period
    JOIN owner w ON w.receipt_no = p.receipt_no AND w.department_id = f.department_id
    JOIN raw.receipts r ON r.receipt_no = p.receipt_no
    JOIN raw.targets t ON t.target_id = f.target_id
    JOIN raw.departments d ON d.department_id = f.department_id
    JOIN raw.departments sd ON sd.department_id = CASE WHEN top.ids[1] = f.department_id THEN top.ids[2] ELSE top.ids[1] END
    WHERE p.value IS DISTINCT FROM f.value OR p.status IS DISTINCT FROM f.status
    ORDER BY f.source_row`;
  const rows = (await connection.runAndReadAll(sql, [...params, receiptNo])).getRowsJS() as
    [number, string, string, string, string, number | null, string | null, number | null, string | null, string][];
  trace(`overrides: ${rows.length}`, t);
  return rows.map(([row, code, department, period, sender, previousValue, previousStatus, value, status, previousFile]) => ({
    row: Number(row), code, department, period, sender, previousValue, previousStatus, value, status, previousFile,
  }));
}
