-- Reporting rates per department (DHIS2's definitions, per department): months owed (due by the as-of date),
-- received, on time, late, returned (sent, every row rejected), missing; reporting rate = received / owed; timeliness = on time / owed;
-- completeness = reported targets / owed targets.
SELECT
  policy_id, department_id, department_name,
  count(*) FILTER (WHERE status <> 'not_due') AS months_owed,
  count(*) FILTER (WHERE status IN ('on_time', 'late')) AS months_received,
  count(*) FILTER (WHERE status = 'on_time') AS months_on_time,
  count(*) FILTER (WHERE status = 'late') AS months_late,
  count(*) FILTER (WHERE status = 'returned') AS months_returned,
  count(*) FILTER (WHERE status = 'missing') AS months_missing,
  round(count(*) FILTER (WHERE status IN ('on_time', 'late')) / nullif(count(*) FILTER (WHERE status <> 'not_due'), 0), 4) AS reporting_rate,
  round(count(*) FILTER (WHERE status = 'on_time') / nullif(count(*) FILTER (WHERE status <> 'not_due'), 0), 4) AS on_time_rate,
  round(sum(reported_targets) FILTER (WHERE status <> 'not_due') / nullif(sum(owed_targets) FILTER (WHERE status <> 'not_due'), 0), 4) AS completeness
FROM reporting_calendar
GROUP BY ALL
