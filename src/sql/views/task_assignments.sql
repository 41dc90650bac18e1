-- The accountable assignments of each row with the share of the row each department carries (see workload_weights).
SELECT
  d.policy_id, d.task_id, d.row_no, d.item_id, d.department_id, d.department_name, d.department_kind, d.role,
  count(*) OVER (PARTITION BY d.task_id, d.role) AS role_size,
  (CASE d.role WHEN 'lead' THEN w.lead_weight ELSE w.coop_weight END) / count(*) OVER (PARTITION BY d.task_id, d.role) AS share
FROM task_departments d, workload_weights w
WHERE d.accountable
