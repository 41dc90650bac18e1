/**
 * Figures that break the run of a cumulative series, found in one pass over a file's stored rows:
 *
 * - falling: a row whose 累计完成值 is below the figure of the period before it, for the same department and target,
 *   is loaded but flagged for review, unless its 进展情况 gives a reason (更正, 核减, 注销, 因…: explainsFall;
 *   stored in raw.review_flags); not for a
 *   figure meant to go down: a ceiling (控制在…以内, at_most) or a goal below its baseline (降低到), nor a rate to date
 *   (增长8%: targets.rate), which goes up and down;
 * - jumping: a row whose figure is at least JUMP_MULTIPLE times the one of the period before it (above 0) and whose
 *   increase alone reaches the target's value (287 → 3270 for 450家: a digit typed once too often?) is loaded but
 *   flagged too; a note does not clear it, a corrected figure does. The observations view applies the same rule to
 *   the current figures, with the same reason text, so it is not stored.
 *
 * "The period before it" is taken from what the warehouse holds once the file is loaded: the file's own stored rows
 * (in any order: a file may list 2018-07 above 2018-06) and, for the periods the file does not set, the figures loaded
 * before. A row the file rejected or left unchanged does not change that picture. The query runs once the rows are
 * stored (not at all when nothing was loaded before and no key of the file has two figures). The 报送自查 page, which
 * has no warehouse, compares a file's rows by fileDrops and fileJumps (src/ingest/review.ts); test/check-page.test.ts
 * holds them to this query.
 */
import { type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { trace } from "./trace.js";
import { explainsFallSql, JUMP_MULTIPLE, type FileDrop, type FileJump } from "./ingest/review.js";

export { dropReason, jumpReason } from "./ingest/review.js";

/**
 * Per target of raw.targets (alias-free SQL over its columns; read from TARGETS_IN_FORCE): the value a jump's increase
 * must reach (a quantity's value in force at the load's as-of date, else NULL; not a rate's: 增长8%), and whether its figure is meant to rise (a fall is flagged: the targets
 * view's rises). The observations view reads the same columns.
 */
export const JUMP_VALUE_SQL = "CASE WHEN kind = 'quantity' AND value > 0 AND NOT rate THEN value END";
/** raw.targets with the value in force at the connection's as-of date (target_values) in place of the published one. */
export const TARGETS_IN_FORCE = "(SELECT g.* REPLACE (v.value AS value, v.value_max AS value_max) FROM raw.targets g JOIN target_values v USING (target_id))";
export const RISES_SQL = "rises";

/** Copies the targets view's falls, rate and rises into raw.targets (at build, once the views exist): a load reads them there. */
export async function storeTargetTrends(connection: DuckDBConnection): Promise<void> {
  await connection.run("UPDATE raw.targets g SET falls = v.falls, rate = v.rate, rises = v.rises FROM targets v WHERE v.target_id = g.target_id");
}

/** A stored row of the file whose figure falls below the one of the period before it. */
export type Drop = FileDrop & { code: string; department: string; period: string };

/** A stored row of the file whose figure jumps from the one of the period before it. */
export type Jump = FileJump & { code: string; department: string; period: string };

/**
 * A figure loaded before, of a period the file does not set, now below the file's figure of the period before it
 * (the file raised November above December's 452): one of the two is wrong. The observations view flags it, unless
 * the file's month was sent for the first time and the later month's own note gives a reason.
 */
export type LaterFall = { code: string; department: string; period: string; value: number; previousPeriod: string; previousValue: number; unit: string | null };

/**
 * The drops and jumps among a file's stored rows. `fileRows`: a relation of (source_row, department_id, target_id,
 * period, value, note), one row per key, with `params`; `receiptNo`: the file's receipt when its rows are already in
 * raw.observations (they are then left out of the figures loaded before); `history: false` when nothing was loaded
 * before for the targets of the file (the comparison is then within the file).
 */
export async function findDrops(
  connection: DuckDBConnection,
  fileRows: string,
  receiptNo: number | null,
  options: { params?: DuckDBValue[]; history?: boolean } = {},
): Promise<{ drops: Drop[]; jumps: Jump[]; later: LaterFall[] }> {
  const t = performance.now();
  const params = options.params ?? [];
  // the figures loaded before, of the (department, target) pairs with a row that may be flagged; a period the file
  // sets (even without a figure) takes the file's row instead
  const before = `
      UNION ALL
      SELECT k.key_no, k.jump_value, k.rises, CAST(replace(b.period, '-', '') AS INTEGER), b.value, NULL, NULL, false FROM (
        SELECT o.department_id, o.target_id, o.period, o.value FROM raw.observations o SEMI JOIN keys USING (department_id, target_id)
        WHERE o.receipt_no IS DISTINCT FROM $${params.length + 1}::INTEGER
        QUALIFY row_number() OVER (PARTITION BY o.department_id, o.target_id, o.period ORDER BY o.receipt_no DESC) = 1
      ) b
      JOIN keys k USING (department_id, target_id) ANTI JOIN f USING (department_id, target_id, period)
      WHERE b.value IS NOT NULL`;
  // (the note's test, two regular expressions, runs on the few rows that fall)
  // (department, target) numbered and periods as YYYYMM: a window over integers is several times faster than over
  // texts. A pair is looked at when a row of the file may fall (its target's figure is meant to rise) or jump (a figure reaching the value of its
  // target, a quantity: jump_value).
  const sql = `
    WITH f AS NOT MATERIALIZED (SELECT source_row, department_id, target_id, period, value, note FROM ${fileRows}),
    tt AS (SELECT target_id, ${JUMP_VALUE_SQL} AS jump_value, ${RISES_SQL} AS rises FROM ${TARGETS_IN_FORCE}),
    keys AS (
      SELECT department_id, target_id, jump_value, rises, row_number() OVER () AS key_no FROM (
        SELECT DISTINCT f.department_id, f.target_id, tt.jump_value, tt.rises FROM f JOIN tt USING (target_id)
        WHERE f.value IS NOT NULL AND (tt.rises OR f.value >= tt.jump_value)
      )
    ),
    s AS (
      SELECT k.key_no, k.jump_value, k.rises, CAST(replace(f.period, '-', '') AS INTEGER) AS p, f.value, f.source_row, f.note, true AS in_file
      FROM f JOIN keys k USING (department_id, target_id) WHERE f.value IS NOT NULL
      ${options.history === false ? "" : before}
    ),
    w AS (
      SELECT s.*, lag(p) OVER by_period AS previous_p, lag(value) OVER by_period AS previous_value, lag(in_file) OVER by_period AS previous_in_file
      FROM s WINDOW by_period AS (PARTITION BY key_no ORDER BY p)
    )
    SELECT w.source_row, t.code, d.name, printf('%04d-%02d', w.p // 100, w.p % 100), w.value, printf('%04d-%02d', w.previous_p // 100, w.previous_p % 100),
      w.previous_value, w.previous_in_file, w.value < w.previous_value AS falls, w.jump_value, w.in_file, t.unit
    FROM w JOIN keys USING (key_no) JOIN raw.targets t USING (target_id) JOIN raw.departments d USING (department_id)
    WHERE (w.in_file AND ((w.rises AND w.value < w.previous_value AND NOT ${explainsFallSql("w.note")})
      OR (w.previous_value > 0 AND w.value >= ${JUMP_MULTIPLE} * w.previous_value AND w.value - w.previous_value >= w.jump_value)))
      -- (a month loaded before, now below the file's month before it)
      OR (NOT w.in_file AND w.previous_in_file AND w.rises AND w.value < w.previous_value)
    ORDER BY w.source_row, d.name, t.code, w.p`;
  const rows = (await connection.runAndReadAll(sql, options.history === false ? params : [...params, receiptNo])).getRowsJS() as
    [number, string, string, string, number, string, number, boolean, boolean, number, boolean, string | null][];
  const drops: Drop[] = [];
  const jumps: Jump[] = [];
  const later: LaterFall[] = [];
  for (const [row, code, department, period, value, previousPeriod, previousValue, previousInFile, falls, targetValue, inFile, unit] of rows) {
    if (!inFile) later.push({ code, department, period, value, previousPeriod, previousValue, unit });
    else if (falls) drops.push({ row: Number(row), code, department, period, value, previousPeriod, previousValue, previousInFile, unit });
    else jumps.push({ row: Number(row), code, department, period, value, previousPeriod, previousValue, targetValue, unit });
  }
  trace(`drops: ${drops.length}, jumps: ${jumps.length}, later falls: ${later.length}`, t);
  return { drops, jumps, later };
}
