-- department_briefing：部门唯一且编号不为空；牵头、配合任务数与 department_workload 一致；落后任务不多于所负责的任务
-- (the view computed once, not once per check below: DuckDB inlines a view at each use)
WITH department_briefing AS MATERIALIZED (SELECT * FROM main.department_briefing)
SELECT b.department_id, 'duplicate' AS problem FROM department_briefing b GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT b.department_id, 'null key' FROM department_briefing b WHERE b.department_id IS NULL OR b.policy_id IS NULL
UNION ALL
SELECT b.department_id, 'task counts differ from department_workload' FROM department_briefing b JOIN department_workload w USING (department_id)
WHERE b.tasks_led <> w.rows_led OR b.tasks_cooperated <> w.rows_cooperated
UNION ALL
SELECT b.department_id, 'more tasks behind than tasks' FROM department_briefing b WHERE b.led_behind > b.tasks_led OR b.cooperated_behind > b.tasks_cooperated
