-- What each reporting department owes each month, and what it sent: one row per (department, month) from the
-- policy's month to the as-of date. A target is owed every month from the policy date (or its counting start, if later)
-- until the month it is done
-- (reached_periods: 已完成, or a quantity's goal reached from its baseline), that month included; an overdue, unfinished
-- target is still owed. Recurring duties are owed until their deadline month (a round reported 已完成 does not end them).
-- A month with no figure accepted but rows sent for it and rejected (raw.rejects: the key each was meant for) is
-- 'returned' (报送被退回), not 'missing': the department sent it; the rejected rows are to be corrected and sent again.
WITH rules AS (SELECT * FROM reporting_rules),
months AS (
  -- due by the end of the due day (reporting_due_dates: moved off weekends and holidays)
  SELECT p.policy_id, strftime(m, '%Y-%m') AS period,
         (dd.due_date + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND)::TIMESTAMP AS due_at
  FROM policies p, rules,
       generate_series(date_trunc('month', p.issued_date), date_trunc('month', rules.as_of), INTERVAL 1 MONTH) AS s(m)
  JOIN reporting_due_dates dd ON dd.period = strftime(s.m, '%Y-%m')
),
done AS (
  SELECT department_id, target_id, min(period) AS done_period FROM reached_periods GROUP BY ALL
),
owed AS (
  SELECT m.policy_id, r.department_id, r.department_name, m.period, m.due_at, r.target_id
  FROM months m
  JOIN target_reporters r ON r.policy_id = m.policy_id
  JOIN targets t ON t.target_id = r.target_id
  LEFT JOIN done d ON d.department_id = r.department_id AND d.target_id = r.target_id
  WHERE t.status = 'published'
    -- a month before the target's counting start cannot be reported (ingest rejects it): not owed
    AND (t.counting_start IS NULL OR m.period >= strftime(t.counting_start, '%Y-%m'))
    AND (d.done_period IS NULL OR m.period <= d.done_period)
    AND (t.kind <> 'recurring' OR t.deadline IS NULL OR m.period <= strftime(t.deadline, '%Y-%m'))
    -- a duty of each quarter, half-year or year (每季度开展一次督查: period_months) is reported for the month its
    -- period ends (2019-06 for the second quarter), not every month
    AND (t.kind <> 'recurring' OR coalesce(t.period_months, 1) = 1 OR month(CAST(m.period || '-01' AS DATE)) % least(t.period_months, 12) = 0)
),
received AS (
  SELECT h.department_id, h.target_id, h.period, min(h.received_at) AS first_received_at
  FROM observation_history h GROUP BY ALL
),
returned AS (
  SELECT j.department_id, j.target_id, j.period, min(r.received_at) AS first_returned_at
  FROM raw.rejects j JOIN raw.receipts r USING (receipt_no)
  WHERE j.department_id IS NOT NULL AND r.received_at < (SELECT as_of FROM rules) + INTERVAL 1 DAY
  GROUP BY ALL
)
SELECT
  o.policy_id, o.department_id, any_value(o.department_name) AS department_name, o.period, any_value(o.due_at) AS due_at,
  count(*) AS owed_targets,
  count(rc.target_id) AS reported_targets,
  count(rc.target_id) FILTER (WHERE rc.first_received_at <= o.due_at) AS reported_on_time_targets,
  min(rc.first_received_at) AS first_received_at,
  count(rt.target_id) FILTER (WHERE rc.target_id IS NULL) AS returned_targets,
  CASE
    WHEN any_value(o.due_at) > (SELECT as_of FROM rules) + INTERVAL 1 DAY AND count(rc.target_id) = 0 THEN 'not_due'
    WHEN count(rc.target_id) = 0 AND count(rt.target_id) > 0 THEN 'returned'
    WHEN count(rc.target_id) = 0 THEN 'missing'
    WHEN min(rc.first_received_at) <= any_value(o.due_at) THEN 'on_time'
    ELSE 'late'
  END AS status,
  round(count(rc.target_id) / count(*), 4) AS completeness
FROM owed o
LEFT JOIN received rc ON rc.department_id = o.department_id AND rc.target_id = o.target_id AND rc.period = o.period
LEFT JOIN returned rt ON rt.department_id = o.department_id AND rt.target_id = o.target_id AND rt.period = o.period
GROUP BY o.policy_id, o.department_id, o.period
