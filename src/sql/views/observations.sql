-- The current figure of each key (department, target, period) at the as-of date (reporting_rules): the latest file
-- received by the end of that day that reported it wins; a file received later is not known yet.
-- A falling cumulative figure (below the figure of the period before it, with no 进展情况) is judged on these current
-- figures: the flag found at load time (raw.review_flags) holds while the figure it compared with stands; a figure
-- loaded later for the period before (a correction, or a late report) clears it when no longer above, and flags a
-- figure it leaves below.
WITH current AS (
  SELECT
    t.policy_id, o.target_id, t.code, o.department_id, d.name AS department_name, o.period, o.value, o.status,
    o.note, o.reporter, o.reported_at, o.receipt_no, r.original_name AS file, r.received_at, o.flagged AS row_flagged,
    o.flag_reason AS row_reason, rf.reason AS drop_reason,
    count(*) OVER (PARTITION BY o.department_id, o.target_id, o.period) AS versions
  FROM raw.observations o
  JOIN raw.receipts r USING (receipt_no)
  LEFT JOIN raw.review_flags rf ON rf.receipt_no = o.receipt_no AND rf.source_row = o.source_row
  JOIN raw.targets t ON t.target_id = o.target_id
  JOIN raw.departments d ON d.department_id = o.department_id
  WHERE r.received_at < (SELECT as_of FROM reporting_rules) + INTERVAL 1 DAY
  QUALIFY row_number() OVER (PARTITION BY o.department_id, o.target_id, o.period ORDER BY o.receipt_no DESC) = 1
), judged AS (
  SELECT c.*,
    last_value(CASE WHEN value IS NOT NULL THEN period END IGNORE NULLS) OVER before AS previous_period,
    last_value(value IGNORE NULLS) OVER before AS previous_value,
    last_value(CASE WHEN value IS NOT NULL THEN receipt_no END IGNORE NULLS) OVER before AS previous_receipt
  FROM current c
  WINDOW before AS (PARTITION BY department_id, target_id ORDER BY period ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), falls AS (
  SELECT j.*,
    CASE
      WHEN value IS NULL OR previous_value IS NULL OR value >= previous_value OR coalesce(note, '') <> '' THEN NULL
      WHEN drop_reason IS NOT NULL AND previous_receipt <= receipt_no THEN drop_reason
      ELSE '累计值 ' || regexp_replace(CAST(value AS VARCHAR), '\.0$', '') || ' 低于此后载入的 ' || previous_period || ' 的 '
        || regexp_replace(CAST(previous_value AS VARCHAR), '\.0$', '') || '，且进展情况未作说明'
    END AS fall_reason
  FROM judged j
)
SELECT
  policy_id, target_id, code, department_id, department_name, period, value, status,
  note, reporter, reported_at, receipt_no, file, received_at, row_flagged OR fall_reason IS NOT NULL AS flagged,
  CASE WHEN fall_reason IS NULL THEN row_reason WHEN row_reason IS NULL THEN fall_reason ELSE fall_reason || '；' || row_reason END AS flag_reason,
  versions
FROM falls
