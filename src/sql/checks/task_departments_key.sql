-- task_departments：(task, department, role, source) 唯一；组内成员不直接出现在任务上时不被重复计数
SELECT task_id, department_id, role, source, count(*) AS n FROM task_departments
GROUP BY ALL HAVING count(*) > 1
