-- reporting_calendar：（单位、统计期）唯一；已报不超过应报；未到期或未报的月份没有收到时间
-- (the view computed once, not once per check below: DuckDB inlines a view at each use)
WITH reporting_calendar AS MATERIALIZED (SELECT * FROM main.reporting_calendar)
SELECT department_id, period, 'duplicate' AS problem FROM reporting_calendar GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT department_id, period, 'reported > owed' FROM reporting_calendar WHERE reported_targets > owed_targets
UNION ALL
SELECT department_id, period, 'missing with receipt' FROM reporting_calendar WHERE status IN ('missing') AND first_received_at IS NOT NULL
