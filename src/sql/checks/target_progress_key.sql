-- target_progress：（指标、报送单位）唯一；序时进度在 0 到 1 之间；已完成（含逾期完成）的行有首次达到目标（进度不低于 1 或报“已完成”）的月份（期满的常态化任务、“以内”类上限指标与无基数的“降至”类指标除外）；逾期完成的行首次达到目标的月份晚于完成时限所在月份
-- (the view computed once, not once per check below: DuckDB inlines a view at each use)
WITH target_progress AS MATERIALIZED (SELECT * FROM main.target_progress)
SELECT target_id, department_id, 'duplicate' AS problem FROM target_progress GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT target_id, department_id, 'elapsed out of range' FROM target_progress WHERE elapsed < 0 OR elapsed > 1
UNION ALL
SELECT target_id, department_id, 'done without completion' FROM target_progress
WHERE progress_status IN ('done', 'done_late') AND done_period IS NULL
  AND NOT (kind = 'recurring' AND as_of > deadline) AND NOT ceiling
UNION ALL
SELECT target_id, department_id, 'done late within the deadline month' FROM target_progress
WHERE progress_status = 'done_late' AND NOT coalesce(done_period > strftime(deadline, '%Y-%m'), false)
