-- Rows per department, deadline month and role: the calendar of deadlines (deadline_month NULL = deadline missing).
SELECT
  a.policy_id, a.department_id, a.department_name, a.role,
  strftime(t.deadline_date, '%Y-%m') AS deadline_month,
  count(DISTINCT a.task_id) AS rows,
  list(DISTINCT t.row_no ORDER BY t.row_no) AS row_nos
FROM task_assignments a
JOIN tasks t ON t.task_id = a.task_id
GROUP BY ALL
