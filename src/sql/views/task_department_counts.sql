-- Rows by how many departments they need (accountable leads + cooperating departments).
SELECT
  t.policy_id, t.task_id, t.row_no, t.item_label, t.title,
  count(DISTINCT a.department_id) AS departments,
  count(DISTINCT a.department_id) FILTER (WHERE a.role = 'lead') AS leads,
  count(DISTINCT a.department_id) FILTER (WHERE a.role = 'coop') AS coops,
  list(DISTINCT a.department_name ORDER BY a.department_name) AS department_names
FROM tasks t
LEFT JOIN task_assignments a ON a.task_id = t.task_id
GROUP BY ALL
