-- Every version of every reported figure (key: department, target, period), oldest first, with the value it replaced:
-- the files received by the end of the as-of date (reporting_rules). flagged and flag_reason are the load's own verdict
-- on the row (raw.review_flags and the row's reason), kept as it was: the observations view judges the current figures.
SELECT
  t.policy_id, o.target_id, t.code, o.department_id, d.name AS department_name, o.period,
  o.receipt_no, r.original_name AS file, r.received_at,
  lag(o.value) OVER w AS old_value, o.value AS new_value,
  lag(o.status) OVER w AS old_status, o.status AS new_status,
  row_number() OVER w AS version,
  o.note, o.reporter, o.reported_at, o.source_row, o.reported_value,
  o.flagged OR rf.before_own IS NOT NULL OR rf.after_own IS NOT NULL AS flagged,
  nullif(concat_ws('；', rf.before_own, o.flag_reason, rf.after_own), '') AS flag_reason
FROM raw.observations o
JOIN raw.receipts r USING (receipt_no)
-- (the flags of the load, in the order of its summary: put back, falling, another department's figure changed, one
-- name for two cities' departments, the row's own, the jump, the status gone back)
LEFT JOIN (
  SELECT receipt_no, source_row,
    string_agg(reason, '；' ORDER BY list_position(['revert', 'fall', 'override', 'twin'], kind)) FILTER (WHERE kind IN ('revert', 'fall', 'override', 'twin')) AS before_own,
    string_agg(reason, '；' ORDER BY list_position(['jump', 'status_back'], kind)) FILTER (WHERE kind IN ('jump', 'status_back')) AS after_own
  FROM raw.review_flags GROUP BY receipt_no, source_row
) rf ON rf.receipt_no = o.receipt_no AND rf.source_row = o.source_row
JOIN raw.targets t ON t.target_id = o.target_id
JOIN raw.departments d ON d.department_id = o.department_id
WHERE r.received_at < (SELECT as_of FROM reporting_rules) + INTERVAL 1 DAY
WINDOW w AS (PARTITION BY o.department_id, o.target_id, o.period ORDER BY o.receipt_no)
