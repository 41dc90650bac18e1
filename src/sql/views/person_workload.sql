-- Rows each responsible person carries, as lead-department or cooperating-department person.
SELECT
  p.policy_id, p.person_id, p.name, p.status, p.department_id, p.department_name,
  count(DISTINCT x.task_id) FILTER (WHERE x.role = 'lead') AS rows_lead,
  count(DISTINCT x.task_id) FILTER (WHERE x.role = 'coop') AS rows_coop,
  count(DISTINCT x.task_id) AS rows_total,
  list(DISTINCT x.row_no ORDER BY x.row_no) FILTER (WHERE x.row_no IS NOT NULL) AS row_nos
FROM persons p
LEFT JOIN task_persons x ON x.person_id = p.person_id
GROUP BY ALL
