-- department_workload：每个部门一行；工作量分数之和 = 各行份额之和；牵头行数 ≥ 独立牵头行数
SELECT department_id, 'duplicate' AS problem FROM department_workload GROUP BY department_id HAVING count(*) > 1
UNION ALL
SELECT department_id, 'sole lead > led' FROM department_workload WHERE rows_sole_lead > rows_led
UNION ALL
SELECT 'all', 'score total' FROM (SELECT sum(workload_score) s FROM department_workload), (SELECT sum(share) t FROM task_assignments)
WHERE abs(s - t) > 0.01 * (SELECT count(*) FROM department_workload)
