-- target_progress：（指标、报送单位）唯一；序时进度在 0 到 1 之间；已完成的行进度不低于 1 或状态为已完成
SELECT target_id, department_id, 'duplicate' AS problem FROM target_progress GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT target_id, department_id, 'elapsed out of range' FROM target_progress WHERE elapsed < 0 OR elapsed > 1
UNION ALL
SELECT target_id, department_id, 'done without completion' FROM target_progress
WHERE progress_status = 'done' AND coalesce(progress, 0) < 1 AND coalesce(latest_status, '') <> 'done'
