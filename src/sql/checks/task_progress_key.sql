-- task_progress：任务唯一且编号不为空；各状态计数之和等于（指标、报送单位）对数；无指标的任务状态为 no_target
-- (the view computed once, not once per check below: DuckDB inlines a view at each use)
WITH task_progress AS MATERIALIZED (SELECT * FROM main.task_progress)
SELECT task_id, 'duplicate' AS problem FROM task_progress GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT task_id, 'null key' FROM task_progress WHERE task_id IS NULL OR policy_id IS NULL
UNION ALL
SELECT task_id, 'status counts do not add up' FROM task_progress WHERE done + done_late + on_track + lagging + overdue + not_reported + no_deadline + ongoing + not_due <> pairs
UNION ALL
SELECT task_id, 'status disagrees with counts' FROM task_progress WHERE (pairs = 0) <> (task_status = 'no_target')
