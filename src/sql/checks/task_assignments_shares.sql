-- task_assignments：每行任务的份额之和 = 有牵头时的牵头权重 + 有配合时的配合权重（份额在同角色部门间平分）
SELECT a.task_id, sum(a.share) AS total,
  max(CASE WHEN a.role = 'lead' THEN w.lead_weight ELSE 0 END) + max(CASE WHEN a.role = 'coop' THEN w.coop_weight ELSE 0 END) AS expected
FROM task_assignments a, workload_weights w
GROUP BY a.task_id
HAVING abs(total - expected) > 1e-9
