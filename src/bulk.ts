/**
 * The bulk reader of monthly reports: a plain CSV (see csvplan.ts; GBK and UTF-16 in their UTF-8 form) read by
 * DuckDB's read_csv into a temporary table, its accepted rows stored by one INSERT … SELECT. It never decides a
 * verdict on its own:
 *
 * - every cell verdict comes from the JavaScript rules (CellVerdicts), evaluated once per distinct text and handed to
 *   DuckDB as small tables, or, for a value, from a canonical form whose verdict the JavaScript parser would give
 *   the same (a plain number, alone or with a unit it reads as it is; test/bulk.test.ts holds them to that);
 * - SQL stores only rows that pass every rule without a message to give: no reject, no review flag, not unchanged.
 *   Every other row — rejected, flagged, unchanged, a duplicate key, a unit to convert, a spelling the SQL forms do
 *   not cover — is read by rowReader and checked by validateRows, exactly as the JavaScript reader does;
 * - duplicate keys are found before the INSERT, over every row (the key parts of rowKey, numbered per distinct text):
 *   every copy of a repeated key goes to the JavaScript rules, which find the same repetitions among them.
 *
 * The result (summary, warehouse contents, rejects, flags) is the JavaScript reader's; test/bulk.test.ts compares the
 * two on varied files.
 */
import { listValue, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { writeFileSync } from "node:fs";
import { verifyBody, type CsvPlan } from "./ingest/csvplan.js";
import { CellVerdicts, DOTTED_THOUSANDS, validateRows } from "./ingest/rules.js";
import { brokenLineReason, cleanCell, joinedLines, MAX_BROKEN_LINES, noDataMessage, rowReader, ZERO_WIDTH, type Field, type SkippedRow, type TableRow } from "./ingest/table.js";
import { STATUS_WORDS, normalizeCell, parseValue } from "./ingest/values.js";
import { UNITS } from "./targets/units.js";
import { fileError } from "./ingest/codes.js";
import { loadedFigures, type FileLoad, type FileRead, type LoadOptions } from "./monthly.js";
import { COUNT_UNITS, NOTE_CUMULATIVE_SQL, REVIEW_MULTIPLE } from "./ingest/review.js";
import { trace } from "./trace.js";
import { withStatementProgress } from "./progress.js";
import { removeOrphans, removeTemp, tempPath } from "./tempfiles.js";

/** Columns read beyond the header's width: a row with more cells than that makes read_csv fail (and JavaScript read the file). */
const EXTRA_COLUMNS = 1;

/** Every character String.prototype.trim removes (cleanCell trims with it). */
export const JS_WHITESPACE = (() => {
  let s = "";
  for (let c = 0; c <= 0xffff; c++) if (String.fromCharCode(c).trim() === "") s += String.fromCharCode(c);
  return s;
})();

/** Characters as an RE2 class. */
const charClass = (chars: string) => `[${[...chars].map((ch) => `\\x{${ch.charCodeAt(0).toString(16)}}`).join("")}]`;

/**
 * A text cleanCell would change (RE2), so that SQL leaves its row to JavaScript: one that starts or ends with one of
 * JS_WHITESPACE (trimmed), or holds a zero-width character anywhere (removed). One pattern, one match per cell.
 */
const NEEDS_CLEANING = `^${charClass(JS_WHITESPACE)}|${charClass(JS_WHITESPACE)}$|${charClass(ZERO_WIDTH)}`;

/** 完成状态 words (cleanCell and parseStatus leave them as they are) and the status each stands for. */
export const STATUS_FORMS = (Object.entries(STATUS_WORDS) as [string, readonly string[]][]).flatMap(([status, words]) => words.map((w) => [w, status] as const));

/** Units a 单位 cell may hold as they are (unitCell gives them back unchanged). */
export const UNIT_COLUMN_FORMS = UNITS.map((u) => u.unit).filter((u) => normalizeCell(u) === u);

/**
 * A plain number as String() writes it: no sign, no leading zero, at most 9 integer and 6 decimal digits, no trailing
 * zero after the point (15 significant digits, so Number() and CAST AS DOUBLE give the same double, and the text is
 * the number's text). Every other value (a scale word in the cell, 1,234, 12.50) is judged per distinct text.
 */
export const PLAIN_NUMBER = "(0|[1-9][0-9]{0,8})(\\.[0-9]{0,5}[1-9])?";

/**
 * Units that parseValue reads after a plain number as they are (「450家」 → 450, 家): the suffixes SQL reads itself.
 * Scale words (1.5万家) and bracketed units are left to parseValue.
 */
export const VALUE_UNIT_FORMS = UNITS.map((u) => u.unit).filter((u) => {
  if (!/^[^0-9,.Ee]/.test(u) || normalizeCell(u) !== u || /\s/.test(u)) return false;
  return ["1", "0.5", "120"].every((n) => {
    const v = parseValue(n + u);
    return v.ok && v.value !== null && v.value.value === Number(n) && v.value.unitInCell === u && v.value.scaleOnly === null;
  });
});

/** A plain number followed by one of VALUE_UNIT_FORMS (RE2, matched whole). */
export const PLAIN_NUMBER_WITH_UNIT = `${PLAIN_NUMBER}(${VALUE_UNIT_FORMS.map((u) => u.replace(/[\\^$.|?*+()[\]{}]/g, "\\$&")).join("|")})`;

/**
 * How the last bulk read divided the rows: stored by the INSERT, or read back and checked by JavaScript. A row whose
 * SQL verdict is unknown (NULL) is read back too: right, but slow, so tests watch this.
 */
export const lastBulkRead = { storedBySql: 0, checkedByJs: 0 };

export type Bulk = {
  /** Waits for DuckDB's read; false when it failed (the JavaScript reader then reads the file). */
  ready(): Promise<boolean>;
  /** Reads the file; null when the JavaScript reader must (nothing was stored then). */
  read(load: FileLoad): Promise<FileRead | null>;
  /** Drops the temporary tables and file. */
  discard(): Promise<void>;
};

const TABLES = ["luoshi_stage", "luoshi_dc", "luoshi_period", "luoshi_date", "luoshi_value", "luoshi_kd", "luoshi_kc", "luoshi_kp", "luoshi_dups", "luoshi_cur", "luoshi_accepted"];

const TEMP_PREFIX = "luoshi-ingest-";

/** Starts DuckDB reading the file into luoshi_stage (the caller hashes the bytes meanwhile). */
export function startBulk(connection: DuckDBConnection, options: LoadOptions, plan: CsvPlan): Bulk {
  let tempFile: string | null = null;
  // a GBK or UTF-16 file is read by DuckDB in its UTF-8 form (a temporary file), never from its source
  const bytes = plan.utf8 ?? options.bytes;
  let path = plan.utf8 ? undefined : options.sourcePath;
  if (path === undefined) {
    removeOrphans(TEMP_PREFIX);
    tempFile = tempPath(TEMP_PREFIX, ".csv");
    const t = performance.now();
    try {
      writeFileSync(tempFile, bytes);
    } catch {
      // no temporary folder to write to: the JavaScript reader reads the file
      removeTemp(tempFile);
      return { ready: async () => false, read: async () => null, discard: async () => {} };
    }
    trace("temporary copy", t);
    path = tempFile;
  }
  const width = plan.header.width + EXTRA_COLUMNS;
  const columns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  const staged: Promise<boolean> = withStatementProgress(connection, options.progress, 0.05, 0.3, "读入数据", () => connection.run(
    `CREATE OR REPLACE TEMP TABLE luoshi_stage AS SELECT * FROM read_csv($1, auto_detect = false, header = false, skip = $2, delim = $3, quote = '"',
      escape = '"', new_line = $4, columns = {${columns}}, null_padding = true, nullstr = $5, parallel = $6, encoding = 'utf-8')`,
    [path, plan.skip, plan.delimiter, plan.newline === "\n" ? "\\n" : "\\r\\n", "\u0001", !plan.quotedNewlines],
  )).then(() => true, () => false);
  const t0 = performance.now();
  void staged.then(() => trace("stage", t0));
  // while DuckDB reads: what only a pass over every byte can tell
  const verified = verifyBody(bytes, plan);
  trace("verifyBody", t0);
  let discarded = false;
  const discard = async () => {
    if (discarded) return;
    discarded = true;
    const since = performance.now();
    await staged;
    await connection.run("RESET disabled_optimizers").catch(() => {});
    for (const table of TABLES) await connection.run(`DROP TABLE IF EXISTS temp.main.${table}`).catch(() => {});
    if (tempFile !== null) removeTemp(tempFile);
    trace("discard", since);
  };
  return {
    ready: async () => (await staged) && verified,
    discard,
    read: async (load) => ((await staged) && verified ? readBulk(connection, load, plan, width) : null),
  };
}

/** Runs a statement and returns its rows as JavaScript values. */
async function rows(connection: DuckDBConnection, sql: string, params: DuckDBValue[] = []): Promise<unknown[][]> {
  const t = performance.now();
  const r = (await connection.runAndReadAll(sql, params)).getRowsJS() as unknown[][];
  trace(sql, t);
  return r;
}

/** Runs a statement. */
async function run(connection: DuckDBConnection, sql: string, params: DuckDBValue[] = []): Promise<void> {
  const t = performance.now();
  await connection.run(sql, params);
  trace(sql, t);
}

/** Appends rows to a new temporary table. */
async function tempTable(connection: DuckDBConnection, name: string, columns: [string, "VARCHAR" | "DOUBLE" | "BOOLEAN" | "INTEGER"][], data: (string | number | boolean | null)[][]): Promise<void> {
  const t = performance.now();
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${name} (${columns.map(([c, t]) => `${c} ${t}`).join(", ")})`);
  const appender = await connection.createAppender(name, "main", "temp");
  for (const row of data) {
    row.forEach((v, k) => {
      if (v === null) appender.appendNull();
      else if (columns[k]![1] === "VARCHAR") appender.appendVarchar(v as string);
      else if (columns[k]![1] === "DOUBLE") appender.appendDouble(v as number);
      else if (columns[k]![1] === "INTEGER") appender.appendInteger(v as number);
      else appender.appendBoolean(v as boolean);
    });
    appender.endRow();
  }
  appender.closeSync();
  trace(`${name}: ${data.length} rows`, t);
}

async function readBulk(connection: DuckDBConnection, load: FileLoad, plan: CsvPlan, width: number): Promise<FileRead> {
  const { header } = plan;
  const { options, lookup } = load;
  const ctx = lookup.ctx;
  const verdicts = new CellVerdicts(ctx, { excelSerial: false, valueHeaderUnit: header.valueHeaderUnit }, header.valueSuffix);
  const column = new Map<Field, number>(header.columns.map((c) => [c.field, c.index]));
  const cell = (f: Field) => (column.has(f) ? `coalesce(c${column.get(f)}, '')` : "''");
  const all = Array.from({ length: width }, (_, i) => `c${i}`);
  const blank = all.map((c) => `coalesce(${c}, '') = ''`).join(" AND ");
  // a row with cells beyond the header, or text under a column without header, is left to the JavaScript rules
  const split = header.splitNumberAfter;
  const cellsOk = [
    ...header.unnamed.map((i) => `coalesce(c${i}, '') = ''`),
    ...all.slice(header.width).map((c) => `${c} IS NULL`),
    // a number maybe split at its thousands comma (TableRow.splitNumber): left to the JavaScript rules (a superset)
    // a figure maybe typed in a column not read beside an empty 累计完成值 (TableRow.figureElsewhere): left to the JavaScript rules (a superset)
    ...header.figureColumns.map((i) => `NOT (${cell("value")} = '' AND regexp_matches(coalesce(c${i}, ''), '[0-9０-９]'))`),
    // the template's last figure without its last period (TableHeader.lastFigure): likewise
    ...(header.lastFigure ? [`NOT (${cell("value")} = '' AND regexp_matches(coalesce(c${header.lastFigure.value}, ''), '[0-9０-９]') AND coalesce(c${header.lastFigure.period}, '') = '')`] : []),
    ...(split ? [`NOT (regexp_full_match(coalesce(c${split[0]}, ''), '\\D*\\d{1,3}\\D*') AND regexp_full_match(coalesce(c${split[1]}, ''), '\\D*\\d{3}(\\.\\d+)?\\D*'))`] : []),
  ].join(" AND ") || "true";
  const usePlain = header.valueSuffix === null;

  options.progress?.(0.3, "核对部门、指标、数值与日期");
  // 1. the distinct texts the JavaScript rules judge
  const pairs = (await rows(connection, `SELECT DISTINCT ${cell("department")}, ${cell("targetCode")} FROM temp.luoshi_stage`)) as [string, string][];
  const periods = (await rows(connection, `SELECT DISTINCT ${cell("period")} FROM temp.luoshi_stage`)) as [string][];
  const dates = (await rows(connection, `SELECT DISTINCT ${cell("reportedAt")} AS d FROM temp.luoshi_stage WHERE d <> ''`)) as [string][];
  // a plain number is read by SQL itself, tested on each distinct text after DISTINCT (LATERAL keeps the optimizer
  // from moving the test below it, onto every row)
  const values = (await rows(connection, `SELECT v FROM (SELECT DISTINCT ${cell("value")} AS v FROM temp.luoshi_stage),
    LATERAL (SELECT regexp_full_match(v, '${PLAIN_NUMBER}') OR regexp_full_match(v, '${PLAIN_NUMBER_WITH_UNIT}') AS plain) WHERE v <> '' AND NOT ($1 AND plain)`,
    [usePlain])) as [string][];
  const dc: (string | number | boolean | null)[][] = [];
  for (const [d, c] of pairs) {
    const v = verdicts.departmentAndCode(d, c);
    if (v === null) continue;
    const t = lookup.targets.get(v.code)!;
    const departmentId = load.departmentIds.get(t.policy_id)?.get(v.department);
    if (departmentId === undefined) continue;
    const unit = v.target.unit;
    // what reviewReasons asks of the row's value, known here when the target has a unit (the row's unit is then the target's)
    dc.push([d, c, t.target_id, v.code, departmentId, unit, v.target.kind, v.target.countingStart?.slice(0, 7) ?? null,
      t.goal !== null && t.goal > 0 ? REVIEW_MULTIPLE * t.goal : null, t.doneFloor, t.doneCeiling, unit !== null && verdicts.isMoney(unit),
      // (a figure per head or per area, 每万人…12件: decimals expected, whatever the row's unit)
      t.averaged ? false : unit === null ? null : COUNT_UNITS.includes(unit), unit === null ? null : unit === "%",
      // reviewReasons' fraction (0 < value ≤ 1) and over-100 checks of a percentage, for this target
      !t.rate && !(t.goal !== null && t.goal <= 1), t.goal !== null && t.goal > 100 ? null : 100,
      // reviewReasons' figure below zero of a rate to come down (下降3%), and 未启动 beside an increase above 0
      t.fallingRate, t.increment]);
  }
  await tempTable(connection, "luoshi_dc", [["d", "VARCHAR"], ["c", "VARCHAR"], ["target_id", "VARCHAR"], ["code", "VARCHAR"],
    ["department_id", "VARCHAR"], ["t_unit", "VARCHAR"], ["kind", "VARCHAR"], ["start_month", "VARCHAR"], ["huge", "DOUBLE"], ["done_floor", "DOUBLE"], ["done_ceiling", "DOUBLE"], ["money", "BOOLEAN"],
    ["counted", "BOOLEAN"], ["percent", "BOOLEAN"], ["pct_low", "BOOLEAN"], ["pct_high", "DOUBLE"], ["falling_rate", "BOOLEAN"], ["increment", "BOOLEAN"]], dc);
  await tempTable(connection, "luoshi_period", [["raw", "VARCHAR"], ["period", "VARCHAR"]],
    periods.flatMap(([p]) => {
      const v = verdicts.period(p);
      return v === null ? [] : [[p, v]];
    }));
  await tempTable(connection, "luoshi_date", [["raw", "VARCHAR"], ["date", "VARCHAR"]],
    dates.flatMap(([d]) => {
      const v = verdicts.reportDate(d);
      return v === null ? [] : [[d, v.date]];
    }));
  // (dotted: 1.000家, a count the review asks about (DOTTED_THOUSANDS); a plain number never is one, its decimals
  // having no trailing zero)
  await tempTable(connection, "luoshi_value", [["raw", "VARCHAR"], ["value", "DOUBLE"], ["text", "VARCHAR"], ["in_cell", "VARCHAR"], ["scale_only", "VARCHAR"], ["dotted", "BOOLEAN"]],
    values.flatMap(([raw]) => {
      const v = verdicts.value(raw);
      return v === null ? [] : [[raw, v.value, v.text, v.unitInCell, v.scaleOnly, DOTTED_THOUSANDS.test(cleanCell(raw))]];
    }));

  // 2. duplicate keys (rowKey, its parts numbered per distinct text): every copy is left to the JavaScript rules
  const keyTable = async (name: string, field: "department" | "targetCode" | "period", texts: (readonly [string, string])[]) => {
    const ids = new Map<string, number>();
    const data: (string | number)[][] = [];
    const seen = new Set<string>();
    for (const [raw, code] of texts) {
      if (seen.has(`${raw}\u0000${code}`)) continue;
      seen.add(`${raw}\u0000${code}`);
      const part = verdicts.keyPart(field, raw, code);
      if (part === null) continue;
      let id = ids.get(part);
      if (id === undefined) ids.set(part, (id = ids.size));
      data.push(field === "department" ? [raw, code, id] : [raw, id]);
    }
    await tempTable(connection, name, field === "department" ? [["raw", "VARCHAR"], ["code", "VARCHAR"], ["id", "INTEGER"]] : [["raw", "VARCHAR"], ["id", "INTEGER"]], data);
  };
  // (the department part by department and code: the target decides a name several policies use for different departments)
  await keyTable("luoshi_kd", "department", pairs.map(([d, c]) => [d, c] as const));
  await keyTable("luoshi_kc", "targetCode", pairs.map(([, c]) => [c, ""] as const));
  await keyTable("luoshi_kp", "period", periods.map(([p]) => [p, ""] as const));
  await run(connection, `CREATE OR REPLACE TEMP TABLE luoshi_dups AS SELECT i FROM (
      SELECT s.rowid AS i, count(*) OVER (PARTITION BY kd.id, kc.id, kp.id) AS n FROM temp.luoshi_stage s
      JOIN temp.luoshi_kd kd ON kd.raw = ${cell("department")} AND kd.code = ${cell("targetCode")}
      JOIN temp.luoshi_kc kc ON kc.raw = ${cell("targetCode")} JOIN temp.luoshi_kp kp ON kp.raw = ${cell("period")})
    WHERE n > 1`);
  // lines that may be one line broken by line breaks typed in a cell without quotes (joinedLines): the first and last
  // shorter than the header, their cells together one more than its, every line between one cell; left to JavaScript,
  // which joins them as the other reader does
  const w = header.width;
  const present = all.slice(0, w).map((c) => `(${c} IS NOT NULL)::INTEGER`).join(" + ");
  await run(connection, `INSERT INTO temp.luoshi_dups SELECT DISTINCT i FROM (
      WITH short AS (SELECT rowid AS i, ${present} AS n FROM temp.luoshi_stage WHERE c${w - 1} IS NULL)
      SELECT unnest(range(a.i, b.i + 1)) AS i FROM short a JOIN short b ON b.i > a.i AND b.i < a.i + ${MAX_BROKEN_LINES}
      WHERE a.n + b.n - 1 = ${w} AND b.i - a.i - 1 = (SELECT count(*) FROM short m WHERE m.i > a.i AND m.i < b.i AND m.n = 1)) x
    WHERE i NOT IN (SELECT i FROM temp.luoshi_dups)`);

  // 3. the current figures of the targets the file names
  await run(connection, `CREATE OR REPLACE TEMP TABLE luoshi_cur AS ${loadedFigures("t.code IN (SELECT DISTINCT code FROM temp.luoshi_dc)")}`);
  const [[curRows]] = (await rows(connection, "SELECT count(*) FROM temp.luoshi_cur")) as [[bigint]];
  const withCurrent = Number(curRows) > 0;
  // the same figures for the rows the JavaScript rules accept (their department and code are a pair of luoshi_dc)
  if (withCurrent) await load.readCurrentFrom("temp.luoshi_cur");

  // 4. the rows SQL can store: every rule passed, nothing to flag, not unchanged, no duplicate
  const params: DuckDBValue[] = [
    listValue(STATUS_FORMS.map(([w]) => w)), // $1
    listValue(STATUS_FORMS.map(([, s]) => s)), // $2
    listValue(UNIT_COLUMN_FORMS), // $3
    listValue([...COUNT_UNITS]), // $4
    header.valueHeaderUnit, // $5
    usePlain, // $6
    ctx.asOf.slice(0, 7), // $7
    ctx.asOf, // $8
  ];
  // per row: joins to the verdicts of its texts, the regular expressions of a plain number, and comparisons
  const model = `
    WITH s AS (
      SELECT g.rowid AS i, ${cell("department")} AS d, ${cell("targetCode")} AS c, ${cell("period")} AS p, ${cell("value")} AS v, ${cell("unit")} AS u,
        ${cell("status")} AS st, ${cell("note")} AS n, ${cell("reporter")} AS rp, ${cell("reportedAt")} AS ra, (${cellsOk}) AS cells_ok
      FROM temp.luoshi_stage g
      ANTI JOIN temp.luoshi_dups x ON x.i = g.rowid
    ), q AS (
      -- what depends on the row's own texts, computed here, below the joins: the optimizer would otherwise copy these
      -- expressions into every condition that uses them, and evaluate them once per use
      SELECT s.*, $6 AND regexp_full_match(s.v, '${PLAIN_NUMBER}') AS bare, list_position($1, s.st) AS st_pos, s.v <> '' AS v_has, nullif(s.u, '') AS in_column FROM s
    ), q1 AS (
      -- (CASE: the second expression only on the rows the first did not match)
      SELECT q.*, CASE WHEN bare OR NOT $6 THEN false ELSE regexp_full_match(v, '${PLAIN_NUMBER_WITH_UNIT}') END AS suffixed, $2[st_pos] AS status FROM q
    ), q2 AS (
      SELECT q1.*, bare OR suffixed AS plain, CASE WHEN bare THEN v WHEN suffixed THEN regexp_extract(v, '^${PLAIN_NUMBER}') END AS plain_text FROM q1
    ), w AS (
      SELECT q2.*, CAST(plain_text AS DOUBLE) AS plain_value, CASE WHEN suffixed THEN substr(v, length(plain_text) + 1) END AS plain_unit FROM q2
    ), t AS (
      -- a value is read by SQL (plain) or found among the verdicts (mv), never both; '' is never among them
      SELECT q.i, q.cells_ok, q.st, q.u, q.n, q.rp, q.ra, q.v, q.st_pos, q.status, q.v_has, q.in_column, dc.target_id, dc.code, dc.department_id, dc.t_unit, dc.kind,
        dc.start_month, dc.huge, dc.done_floor, dc.done_ceiling, dc.money, dc.counted, dc.percent, dc.pct_low, dc.pct_high, dc.falling_rate, dc.increment, mp.period, md.date AS reported_at, md.raw IS NOT NULL AS ra_found,
        q.plain OR mv.raw IS NOT NULL AS v_found, coalesce(q.plain_value, mv.value) AS value, coalesce(q.plain_text, mv.text) AS v_text, mv.scale_only AS v_scale, coalesce(mv.dotted, false) AS v_dotted,
        coalesce(q.plain_unit, mv.in_cell, q.in_column, $5) AS ru0
      FROM w q
      JOIN temp.luoshi_dc dc ON dc.d = q.d AND dc.c = q.c
      JOIN temp.luoshi_period mp ON mp.raw = q.p
      LEFT JOIN temp.luoshi_date md ON md.raw = q.ra
      LEFT JOIN temp.luoshi_value mv ON mv.raw = CASE WHEN q.plain THEN NULL ELSE q.v END
    ), r AS (
      SELECT t.*, CASE WHEN v_has THEN coalesce(t_unit, ru0) ELSE t_unit END AS row_unit,
        CASE WHEN v_has THEN v_text || coalesce(ru0, t_unit, '') END AS reported_value,
        nullif(n, '') AS note, nullif(rp, '') AS reporter,
        cells_ok
          AND (start_month IS NULL OR period >= start_month) AND period <= $7
          AND (st = '' OR st_pos IS NOT NULL)
          AND (u = '' OR list_contains($3, u))
          -- (a figure in 进展情况 beside no figure: E_VALUE_MISPLACED, judged by the JavaScript rules)
          AND NOT (value IS NULL AND regexp_matches(n, '^[0-9０-９]'))
          AND (ra = '' OR ra_found)
          AND (v = '' OR v_found)
          AND CASE WHEN kind = 'milestone' THEN st_pos IS NOT NULL ELSE (st_pos IS NOT NULL OR v_has) END
          AND NOT (v_has AND ((in_column IS NOT NULL AND in_column <> ru0) OR ($5 IS NOT NULL AND $5 <> ru0)))
          AND NOT (v_has AND v_scale IS NOT NULL AND ((ru0 IS NULL AND money) OR in_column IS NOT NULL OR $5 IS NOT NULL OR NOT $6))
          AND NOT (v_has AND t_unit IS NOT NULL AND ru0 IS NOT NULL AND ru0 <> t_unit)
          AND NOT (starts_with(n, '=') OR starts_with(n, '''') OR starts_with(rp, '=') OR starts_with(rp, '''')
            OR regexp_matches(n, '${NEEDS_CLEANING}') OR regexp_matches(rp, '${NEEDS_CLEANING}')) AS ok
      FROM t
    ), f AS (
      SELECT r.*, ${withCurrent ? "cur.code IS NOT NULL" : "false"} AS in_cur,
        ${withCurrent ? "cur.code IS NOT NULL AND cur.value IS NOT DISTINCT FROM r.value AND cur.status IS NOT DISTINCT FROM r.status AND cur.note IS NOT DISTINCT FROM r.note" : "false"} AS unchanged,
        (coalesce(r.value >= r.huge, false)
          OR (r.value IS NOT NULL AND (r.value <> floor(r.value) OR (r.v_dotted AND NOT coalesce(r.value * 1000 >= r.huge, false))) AND coalesce(r.counted, list_contains($4, r.row_unit), false))
          OR (r.status IS NOT DISTINCT FROM 'done' AND r.done_floor IS NOT NULL AND (r.value IS NULL OR r.value < r.done_floor))
          OR (r.status IS NOT DISTINCT FROM 'done' AND r.done_ceiling IS NOT NULL AND (r.value IS NULL OR r.value > r.done_ceiling))
          OR (r.value IS NOT NULL AND coalesce(r.percent, r.row_unit IS NOT DISTINCT FROM '%')
            AND (coalesce(r.pct_low, true) AND r.value > 0 AND r.value <= 1 OR coalesce(r.value > r.pct_high, false)))
          OR (r.falling_rate AND r.value < 0)
          OR (r.status IS NOT DISTINCT FROM 'not_started' AND r.increment AND coalesce(r.value > 0, false))
          OR (r.reported_at IS NOT NULL AND r.reported_at > $8)
          OR (r.reported_at IS NOT NULL AND substr(r.reported_at, 1, 7) <= r.period)
          OR (r.period >= $7 AND $8 < strftime(last_day(CAST($8 AS DATE)), '%Y-%m-%d'))
          OR (r.kind = 'milestone' AND r.value IS NOT NULL)
          -- (累计636家 in 进展情况: compared with the figure by reviewReasons, noteCumulativeMismatch)
          OR (r.value IS NOT NULL AND regexp_matches(r.n, '${NOTE_CUMULATIVE_SQL}'))
          ${withCurrent ? "OR (r.value IS NULL AND cur.value IS NOT NULL)" : ""}) AS flagged
      FROM r
      ${withCurrent ? "LEFT JOIN temp.luoshi_cur cur ON cur.department_id = r.department_id AND cur.code = r.code AND cur.period = r.period" : ""}
    )`;
  const offset = header.index + 2; // grid index + 1 = row number; stage rowid 0 is grid index header.index + 1
  // DuckDB may choose a temporary table of a million rows as the build side of a join with a small table: keep the
  // small ones there.
  await run(connection, "SET disabled_optimizers = 'build_side_probe_side'");
  let accepted: string;
  try {
    if (options.dryRun) {
      await withStatementProgress(connection, options.progress, 0.45, 0.8, "检查各行", () => run(connection,
        `CREATE OR REPLACE TEMP TABLE luoshi_accepted AS ${model} SELECT i, in_cur, CAST(i + $9 AS INTEGER) AS source_row, department_id, target_id,
          period, value, status, note, reported_at FROM f WHERE ok AND NOT unchanged AND NOT flagged`, [...params, offset]));
      accepted = "temp.luoshi_accepted";
      load.sqlRows = accepted;
    } else {
      const receipt = await load.begin();
      await withStatementProgress(connection, options.progress, 0.45, 0.8, "写入通过检查的行", () => run(connection,
        `INSERT INTO raw.observations ${model} SELECT $9, target_id, department_id, period, value, status, note, reporter, reported_at,
          CAST(i + $10 AS INTEGER), reported_value, false, NULL FROM f WHERE ok AND NOT unchanged AND NOT flagged`,
        [...params, receipt, offset],
      ));
      load.sqlRows = `(SELECT * FROM raw.observations WHERE receipt_no = ${receipt})`;
      accepted = withCurrent
        ? `(SELECT o.source_row - ${offset} AS i, o.department_id, t.code, o.period FROM raw.observations o JOIN raw.targets t USING (target_id) WHERE o.receipt_no = ${receipt})`
        : `(SELECT source_row - ${offset} AS i FROM raw.observations WHERE receipt_no = ${receipt})`;
    }
  } finally {
    await connection.run("RESET disabled_optimizers").catch(() => {}); // after a failed statement: reset once rolled back (discard)
  }

  // 5. every other row, read and checked by the JavaScript rules
  options.progress?.(0.8, "逐行检查其余的行");
  const read = rowReader(header);
  const tableRows: TableRow[] = [];
  const skipped: SkippedRow[] = [];
  let notRows = 0;
  let readBack = 0;
  const back = (await rows(connection,
    `SELECT s.rowid, ${all.map((c) => `s.${c}`).join(", ")} FROM temp.luoshi_stage s ANTI JOIN ${accepted} a ON a.i = s.rowid WHERE NOT (${blank}) ORDER BY s.rowid`,
  )) as [number | bigint, ...(string | null)[]][];
  /** Row k of those read back: its rowid, and its cells up to the last one the line has. */
  const line = (k: number): [number, string[]] => {
    const [i, ...cells] = back[k]!;
    let n = cells.length;
    while (n > 0 && cells[n - 1] === null) n--;
    return [Number(i), cells.slice(0, n) as string[]];
  };
  for (let k = 0; k < back.length; k++) {
    readBack++;
    const [i, cells] = line(k);
    // (the j-th line read back after this one, when it is the j-th next line of the file)
    const following = (j: number) => (k + j < back.length && Number(back[k + j]![0]) === i + j ? line(k + j)[1] : undefined);
    const joined = joinedLines(header, cells, following);
    const r = read(joined?.cells ?? cells, header.index + 1 + i);
    // (a second header with its own column order: the rows under it were read in the first's; the file is rejected,
    // as the JavaScript reader rejects it, and the caller rolls back what SQL stored)
    // (what the JavaScript reader says of a file its table reader refused: nothing but the error)
    if (r.kind === "error") {
      return { fileError: r.error, encoding: plan.encoding, format: "csv", sheet: null, otherSheets: [], ignoredColumns: [], formFields: [], skippedRows: [], rowsRead: 0, rejects: [] };
    }
    if (r.kind === "row") tableRows.push(r.row);
    else {
      notRows++;
      if (r.kind === "skipped") skipped.push(r.skipped);
    }
    if (joined !== null) {
      for (let j = 1; j < joined.lines; j++) {
        readBack++;
        notRows++;
        skipped.push({ row: header.index + 2 + i + j, reason: brokenLineReason(header, cells, header.index + 2 + i, joined.lines) });
      }
      k += joined.lines - 1;
    }
  }

  // 6. the SQL rows counted; the others checked and accepted as the JavaScript reader does
  const [[stored, updated]] = (await rows(connection, options.dryRun
    ? `SELECT count(*), count(*) FILTER (WHERE in_cur) FROM temp.luoshi_accepted`
    : `SELECT count(*), ${withCurrent ? "count(cur.code)" : "0"} FROM ${accepted} a ${withCurrent ? "LEFT JOIN temp.luoshi_cur cur USING (department_id, code, period)" : ""}`)) as [[bigint, bigint]];
  load.summary.imported += Number(stored) - Number(updated);
  load.summary.updated += Number(updated);
  // the non-blank rows: those read back, and those SQL stored (none of them blank)
  const rowsRead = readBack + Number(stored) - notRows;
  if (rowsRead === 0) {
    return {
      fileError: fileError("E_NO_DATA", noDataMessage(header.headerRow, skipped)), encoding: plan.encoding, format: "csv", sheet: null, otherSheets: [],
      ignoredColumns: header.ignoredColumns, formFields: header.formFields, skippedRows: skipped, rowsRead: 0, rejects: [],
    };
  }
  lastBulkRead.storedBySql = Number(stored);
  lastBulkRead.checkedByJs = tableRows.length;
  const tv = performance.now();
  const checked = validateRows(tableRows, ctx, {
    excelSerial: false, valueHeaderUnit: header.valueHeaderUnit, valueSuffix: header.valueSuffix, rejectUnheadedCells: true, wholeTable: Number(stored) === 0,
  });
  await load.accept(checked.rows);
  trace(`validateRows ${tableRows.length}`, tv);
  return {
    fileError: null, encoding: plan.encoding, format: "csv", sheet: null, otherSheets: [], ignoredColumns: header.ignoredColumns, formFields: header.formFields, skippedRows: skipped,
    rowsRead, rejects: checked.rejects,
  };
}
