-- Reporting rates per department (DHIS2's definitions, per department): months owed (due by the as-of date),
-- received, on time, late, returned (sent, every row rejected), missing; reporting rate = received / owed; timeliness = on time / owed;
-- completeness = reported targets / owed targets. A month sent before its report is due is not owed yet: counted
-- neither in months owed nor in months received (until its due day, when it is on time).
WITH months AS (
  SELECT *, due_at < (SELECT as_of FROM reporting_rules) + INTERVAL 1 DAY AS due FROM reporting_calendar
)
SELECT
  policy_id, department_id, department_name,
  count(*) FILTER (WHERE due) AS months_owed,
  count(*) FILTER (WHERE due AND status IN ('on_time', 'late')) AS months_received,
  count(*) FILTER (WHERE due AND status = 'on_time') AS months_on_time,
  count(*) FILTER (WHERE due AND status = 'late') AS months_late,
  count(*) FILTER (WHERE due AND status = 'returned') AS months_returned,
  count(*) FILTER (WHERE due AND status = 'missing') AS months_missing,
  round(count(*) FILTER (WHERE due AND status IN ('on_time', 'late')) / nullif(count(*) FILTER (WHERE due), 0), 4) AS reporting_rate,
  round(count(*) FILTER (WHERE due AND status = 'on_time') / nullif(count(*) FILTER (WHERE due), 0), 4) AS on_time_rate,
  round(sum(reported_targets) FILTER (WHERE due) / nullif(sum(owed_targets) FILTER (WHERE due), 0), 4) AS completeness
FROM months
GROUP BY ALL
