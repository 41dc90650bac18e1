-- The department network: an undirected edge between a row's lead and each of its cooperating departments, and
-- between co-leads of a row; weight = number of rows the pair shares. department_a < department_b.
WITH pairs AS (
  SELECT l.policy_id, l.task_id, l.department_id AS lead_id, c.department_id AS other_id, 'lead_coop' AS tie
  FROM task_assignments l JOIN task_assignments c ON c.task_id = l.task_id AND l.role = 'lead' AND c.role = 'coop'
  UNION ALL
  SELECT l.policy_id, l.task_id, l.department_id, o.department_id, 'co_lead'
  FROM task_assignments l JOIN task_assignments o ON o.task_id = l.task_id AND l.role = 'lead' AND o.role = 'lead'
   AND l.department_id < o.department_id
)
SELECT
  p.policy_id,
  least(p.lead_id, p.other_id) AS department_a,
  greatest(p.lead_id, p.other_id) AS department_b,
  any_value(da.name) AS name_a,
  any_value(db.name) AS name_b,
  count(DISTINCT p.task_id) AS weight,
  count(DISTINCT p.task_id) FILTER (WHERE p.tie = 'co_lead') AS co_lead_rows,
  count(DISTINCT p.task_id) FILTER (WHERE p.tie = 'lead_coop' AND p.lead_id = least(p.lead_id, p.other_id)) AS a_leads_b_rows,
  count(DISTINCT p.task_id) FILTER (WHERE p.tie = 'lead_coop' AND p.lead_id = greatest(p.lead_id, p.other_id)) AS b_leads_a_rows,
  list(DISTINCT t.row_no ORDER BY t.row_no) AS row_nos
FROM pairs p
JOIN tasks t ON t.task_id = p.task_id
JOIN departments da ON da.department_id = least(p.lead_id, p.other_id)
JOIN departments db ON db.department_id = greatest(p.lead_id, p.other_id)
WHERE p.lead_id <> p.other_id
GROUP BY p.policy_id, least(p.lead_id, p.other_id), greatest(p.lead_id, p.other_id)
