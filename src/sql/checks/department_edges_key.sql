-- department_edges：(a, b) 唯一、a < b、权重为正且不超过两者共同出现的行数
SELECT department_a, department_b, 'bad pair' AS problem FROM department_edges
WHERE department_a IS NULL OR department_b IS NULL OR department_a >= department_b OR weight <= 0
UNION ALL
SELECT department_a, department_b, 'duplicate' FROM department_edges GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT e.department_a, e.department_b, 'weight exceeds shared rows' FROM department_edges e
WHERE e.weight > (SELECT count(DISTINCT x.task_id) FROM task_assignments x JOIN task_assignments y ON x.task_id = y.task_id
                  WHERE x.department_id = e.department_a AND y.department_id = e.department_b)
