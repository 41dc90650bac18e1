-- Every rejected row of every file loaded and received by the end of the as-of date (reporting_rules), with its error
-- code, Chinese message and raw value; the department, target and period of the row when the reader knew them; and,
-- for such a row, the first later file received by then that loaded a figure or status for that key: the row has been
-- sent again (corrected_by), and no longer waits for the department; else the latest later month of that target the
-- department has sent a figure or status for since (superseded_by_period), which stands in for it, or the month the
-- department finished the target in, when that is the row's month or before (target_done_period: the month is owed no
-- more); the policy the row is of (policy_id).
WITH x AS (
  SELECT x.*, r.original_name AS file, r.received_at
  FROM raw.rejects x
  JOIN raw.receipts r USING (receipt_no)
  WHERE r.received_at < (SELECT as_of FROM reporting_rules) + INTERVAL 1 DAY
),
corrected AS (
  SELECT x.receipt_no, x.source_row, min_by(r.original_name, r.received_at) AS corrected_by, min(r.received_at) AS corrected_at
  FROM (SELECT DISTINCT receipt_no, source_row, department_id, target_id, period FROM x WHERE department_id IS NOT NULL) x
  JOIN raw.observations o ON o.department_id = x.department_id AND o.target_id = x.target_id AND o.period = x.period AND o.receipt_no > x.receipt_no
  JOIN raw.receipts r ON r.receipt_no = o.receipt_no
  WHERE r.received_at < (SELECT as_of FROM reporting_rules) + INTERVAL 1 DAY
  GROUP BY ALL
),
-- (no figure of that key since, but one of a later month of the same target, loaded after the row: a cumulative
-- figure or status of then stands in for the month's; nothing waits on the correction any more)
-- (a copy of a row of its own file, E_DUPLICATE_ROW, whose row was not rejected for another reason: the key's figure
-- stands, stored by that file or, when the row repeated it unchanged, by one before)
-- (for a recurring duty or a standard to keep, each month is a report of its own: no later month stands in for it; nor
-- does a month after the deadline stand in for the deadline's own month, which says whether it was done in time)
later AS (
  SELECT k.receipt_no, k.source_row, max(o.period) AS later_period
  FROM (SELECT DISTINCT x.receipt_no, x.source_row, x.department_id, x.target_id, x.period, x.code = 'E_DUPLICATE_ROW' AS copy,
      tt.kind = 'recurring' OR tt.standing AS monthly, strftime(tt.deadline, '%Y-%m') AS due_month
    FROM x JOIN targets tt ON tt.target_id = x.target_id WHERE x.department_id IS NOT NULL) k
  JOIN raw.observations o ON o.department_id = k.department_id AND o.target_id = k.target_id
    -- (not a month after the deadline for the deadline's month: that month's figure says whether it was done on time)
    AND ((o.period > k.period AND o.receipt_no > k.receipt_no AND NOT k.monthly AND NOT (k.period = k.due_month AND o.period > k.due_month))
      OR (k.copy AND o.period = k.period AND o.receipt_no <= k.receipt_no AND NOT EXISTS (SELECT 1 FROM x x2
        WHERE x2.receipt_no = k.receipt_no AND x2.department_id = k.department_id AND x2.target_id = k.target_id AND x2.period = k.period
          AND x2.code <> 'E_DUPLICATE_ROW')))
  JOIN raw.receipts r ON r.receipt_no = o.receipt_no
  WHERE r.received_at < (SELECT as_of FROM reporting_rules) + INTERVAL 1 DAY
  GROUP BY ALL
),
-- (the department had finished the target by the row's month, reached_periods: the month is owed no more)
done AS (
  SELECT department_id, target_id, min(period) AS done_period FROM reached_periods GROUP BY ALL
)
SELECT x.receipt_no, x.file, x.received_at, x.source_row, x.column_name, x.code, x.message, x.value, x.raw_row,
  d.name AS department_name, t.code AS target_code, x.period, c.corrected_by, c.corrected_at,
  CASE WHEN c.corrected_by IS NULL THEN l.later_period END AS superseded_by_period,
  CASE WHEN c.corrected_by IS NULL AND dn.done_period <= x.period THEN dn.done_period END AS target_done_period,
  -- the policy of the row's target; else the policy whose code prefix a cell of the row starts with (CX75-08-1, a code
  -- mistyped: still one of CX75's); null when neither
  coalesce(t.policy_id, (SELECT min(p.policy_id) FROM raw.policies p
    WHERE contains(replace(upper(x.raw_row), ' ', ''), ':"' || upper(p.target_prefix) || '-'))) AS policy_id
FROM x
LEFT JOIN raw.departments d ON d.department_id = x.department_id
LEFT JOIN raw.targets t ON t.target_id = x.target_id
LEFT JOIN corrected c ON c.receipt_no = x.receipt_no AND c.source_row IS NOT DISTINCT FROM x.source_row
LEFT JOIN later l ON l.receipt_no = x.receipt_no AND l.source_row IS NOT DISTINCT FROM x.source_row
LEFT JOIN done dn ON dn.department_id = x.department_id AND dn.target_id = x.target_id
