// 报送情况 page data: rates per department and the monthly calendar, judged at LUOSHI_AS_OF (default today); the
// current figures flagged for review; the rows rejected; the files loaded.
import { columnar, emitJson, HAS_DEPARTMENT_PAGE, SYNTHETIC_POLICIES } from "../../dist/src/site.js";
import { keyCells } from "../../dist/src/ingest/rejects.js";

/** A rejected row's 报送单位, 指标编码 and 统计期 as the file wrote them (keyCells, as the rejects file gives them), shown where the reader could not make them out. */
function written(rawRow) {
  const [department, targetCode, period] = keyCells({ rawRow: JSON.parse(rawRow ?? "{}") }).map((t) => t.trim().slice(0, 40) || null);
  return { department, targetCode, period };
}

/** Flagged figures, rejected rows and files listed at most (the counts are whole). */
const LISTED = 300;

await emitJson(async (read) => ({
  rules: (await read(`SELECT strftime(as_of, '%Y-%m-%d') AS as_of, due_day FROM reporting_rules`))[0],
  // years whose due dates were judged without the State Council's holidays (data/calendar.csv lists none of their days)
  uncoveredYears: (await read(`SELECT DISTINCT year(d.due_date) AS y FROM reporting_due_dates d, reporting_rules r, (SELECT min(issued_date) AS first FROM policies) p
      WHERE d.period >= strftime(p.first, '%Y-%m') AND d.due_date <= r.as_of AND year(d.due_date) NOT IN (SELECT DISTINCT year(date) FROM raw.calendar) ORDER BY y`)).map((r) => Number(r.y)),
  receipts: (await read(`SELECT count(*) AS files, coalesce(sum(imported + updated), 0) AS values, coalesce(sum(rejected), 0) AS rejected,
      coalesce(sum(flagged), 0) AS flagged, min(received_at) AS first, max(received_at) AS last,
      (SELECT count(*) FROM raw.receipts) - count(*) AS later FROM receipts`))[0],
  // the policies shown on sample data (SYNTHETIC_POLICIES)
  synthetic: (await read(SYNTHETIC_POLICIES)).map((r) => r.policy_id),
  // per policy (several share the warehouse): the figures each had flagged by its load (the history keeps the load's
  // flag), the files received after the as-of date that hold its rows
  flaggedAtLoad: await read(`SELECT policy_id, count(*) AS n FROM observation_history WHERE flagged GROUP BY ALL ORDER BY 1`),
  laterByPolicy: await read(`SELECT t.policy_id, count(DISTINCT r.receipt_no) AS n FROM raw.receipts r
      JOIN (SELECT receipt_no, target_id FROM raw.observations UNION SELECT receipt_no, target_id FROM raw.rejects WHERE target_id IS NOT NULL) k USING (receipt_no)
      JOIN raw.targets t USING (target_id)
      WHERE r.received_at >= (SELECT as_of FROM reporting_rules) + INTERVAL 1 DAY GROUP BY ALL ORDER BY 1`),
  rates: await read(`SELECT r.*, d.code, ${HAS_DEPARTMENT_PAGE} AS has_page FROM reporting_rates r JOIN departments d USING (department_id) ORDER BY reporting_rate, department_name`),
  policies: await read(`SELECT policy_id, title, doc_number, strftime(issued_date, '%Y-%m-%d') AS issued_date FROM policies ORDER BY issued_date DESC, policy_id`),
  // one row per department and month since the policy's date: columns, texts coded (docs/components/columns.js)
  calendar: columnar(await read(`SELECT policy_id, department_name, period, status, owed_targets, reported_targets, completeness
    FROM reporting_calendar ORDER BY policy_id, department_name, period`), ["policy_id", "department_name", "period", "status"]),
  // the current figures loaded but flagged for review, with why, newest file first
  flags: await read(`SELECT o.policy_id, o.department_name, o.code, t.subject, o.period, o.value, t.unit, o.note, o.flag_reason, o.file,
      strftime(o.received_at, '%Y-%m-%d %H:%M') AS received_at
    FROM observations o JOIN targets t USING (target_id) WHERE o.flagged ORDER BY o.received_at DESC, o.department_name, o.code, o.period LIMIT ${LISTED}`),
  flagged: (await read(`SELECT policy_id, count(*) AS n FROM observations WHERE flagged GROUP BY ALL`)),
  // the rows rejected (what each department sent wrong), newest file first
  // (those still waiting for the department first: a row sent again since, corrected_by, no longer does)
  // (written: the row's 报送单位, 指标编码, 统计期 as written, for those the reader did not make out)
  rejects: (await read(`SELECT x.file, strftime(x.received_at, '%Y-%m-%d %H:%M') AS received_at, x.source_row, x.column_name, x.code, x.message, left(x.value, 80) AS value,
      x.department_name, x.target_code, x.period, x.corrected_by, strftime(x.corrected_at, '%Y-%m-%d %H:%M') AS corrected_at, x.superseded_by_period, x.target_done_period, x.policy_id, x.raw_row
    FROM rejects x
    ORDER BY x.corrected_by IS NOT NULL OR x.superseded_by_period IS NOT NULL OR x.target_done_period IS NOT NULL, x.received_at DESC, x.receipt_no DESC, x.source_row LIMIT ${LISTED}`))
    .map(({ raw_row, ...r }) => ({ ...r, written: r.department_name && r.target_code && r.period ? null : written(raw_row) })),
  rejectsTotal: (await read(`SELECT count(*) AS n FROM rejects`))[0].n,
  // per policy (a file may hold rows of several: counted under each; a file of unchanged rows alone, and a rejected
  // row whose target was not made out, under none: policy_id null): files, figures stored, rejected rows, their problems and those sent again since
  byPolicy: await read(`WITH fp AS (
        SELECT o.receipt_no, t.policy_id, count(*) AS n FROM raw.observations o JOIN raw.targets t USING (target_id) GROUP BY ALL
        UNION ALL SELECT DISTINCT x.receipt_no, x.policy_id, 0 FROM rejects x WHERE x.policy_id IS NOT NULL
      ), files AS (
        SELECT coalesce(f.policy_id, '') AS policy_id, count(DISTINCT r.receipt_no) AS files, coalesce(sum(f.n), 0) AS values FROM receipts r LEFT JOIN fp f USING (receipt_no) GROUP BY ALL
      ), rj AS (
        SELECT coalesce(x.policy_id, '') AS policy_id, count(DISTINCT (x.receipt_no, x.source_row)) AS rejected, count(*) AS problems,
          count(DISTINCT (x.receipt_no, x.source_row)) FILTER (WHERE x.corrected_by IS NOT NULL) AS corrected,
          count(DISTINCT (x.receipt_no, x.source_row)) FILTER (WHERE x.superseded_by_period IS NOT NULL OR x.target_done_period IS NOT NULL) AS superseded
        FROM rejects x GROUP BY ALL
      )
      SELECT nullif(policy_id, '') AS policy_id, coalesce(f.files, 0) AS files, coalesce(f.values, 0) AS values,
        coalesce(j.rejected, 0) AS rejected, coalesce(j.problems, 0) AS problems, coalesce(j.corrected, 0) AS corrected, coalesce(j.superseded, 0) AS superseded
      FROM files f FULL JOIN rj j USING (policy_id)`),
  // rejected rows (not problems) sent again since
  rejectsCorrected: (await read(`SELECT count(DISTINCT (receipt_no, source_row)) AS n FROM rejects WHERE corrected_by IS NOT NULL`))[0].n,
  // rejected rows a later month of the same target, sent since, stands in for, or of a month owed no more (the target done)
  rejectsSuperseded: (await read(`SELECT count(DISTINCT (receipt_no, source_row)) AS n FROM rejects WHERE superseded_by_period IS NOT NULL OR target_done_period IS NOT NULL`))[0].n,
  // every file loaded, newest first
  // (policy_ids: the policies of its rows stored or rejected (rejects.policy_id); none for a file of unchanged rows)
  files: await read(`SELECT r.receipt_no, r.original_name, strftime(r.received_at, '%Y-%m-%d %H:%M') AS received_at, r.rows_read, r.imported, r.updated, r.unchanged,
      r.rejected, r.flagged, coalesce((SELECT list(DISTINCT k.policy_id ORDER BY k.policy_id) FROM (
          SELECT t.policy_id FROM raw.observations o JOIN raw.targets t USING (target_id) WHERE o.receipt_no = r.receipt_no
          UNION SELECT x.policy_id FROM rejects x WHERE x.receipt_no = r.receipt_no AND x.policy_id IS NOT NULL) k), []) AS policy_ids
    FROM receipts r ORDER BY r.receipt_no DESC LIMIT ${LISTED}`),
}));
