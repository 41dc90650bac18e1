-- Workload per department: rows led and cooperated, items touched, the weighted score, persons and deadlines.
-- Groups such as 各镇(街道、园区) count as one department (their members are not expanded here).
SELECT
  dep.policy_id, dep.department_id, dep.code, dep.name, dep.kind, dep.kind_label, dep.is_group,
  count(DISTINCT a.task_id) FILTER (WHERE a.role = 'lead') AS rows_led,
  count(DISTINCT a.task_id) FILTER (WHERE a.role = 'lead' AND a.role_size = 1) AS rows_sole_lead,
  count(DISTINCT a.task_id) FILTER (WHERE a.role = 'coop') AS rows_cooperated,
  count(DISTINCT a.task_id) AS rows_total,
  count(DISTINCT a.item_id) AS items_touched,
  coalesce(round(sum(a.share), 3), 0) AS workload_score,
  coalesce(round(sum(a.share) FILTER (WHERE a.role = 'lead'), 3), 0) AS lead_score,
  coalesce(round(sum(a.share) FILTER (WHERE a.role = 'coop'), 3), 0) AS coop_score,
  (SELECT count(*) FROM persons p WHERE p.department_id = dep.department_id) AS persons,
  min(t.deadline_date) AS first_deadline,
  max(t.deadline_date) AS last_deadline,
  count(DISTINCT a.task_id) FILTER (WHERE t.deadline_date IS NULL AND t.deadline_rule NOT IN ('ongoing', 'recurring')) AS rows_without_deadline
FROM departments dep
LEFT JOIN task_assignments a ON a.department_id = dep.department_id
LEFT JOIN tasks t ON t.task_id = a.task_id
GROUP BY ALL
