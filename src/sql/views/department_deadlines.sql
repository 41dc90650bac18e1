-- Rows per department, deadline month and role: the calendar of deadlines (deadline_month NULL = no date: missing,
-- or an ongoing or recurring duty, as deadline_kind says).
SELECT
  a.policy_id, a.department_id, a.department_name, a.role,
  strftime(t.deadline_date, '%Y-%m') AS deadline_month,
  CASE WHEN t.deadline_date IS NOT NULL THEN 'dated' WHEN t.deadline_rule IN ('ongoing', 'recurring') THEN t.deadline_rule ELSE 'missing' END AS deadline_kind,
  count(DISTINCT a.task_id) AS rows,
  list(DISTINCT t.row_no ORDER BY t.row_no) AS row_nos
FROM task_assignments a
JOIN tasks t ON t.task_id = a.task_id
GROUP BY ALL
