-- department_workload_combined：每个部门（department_identities 认定的同一部门）一行；各部门的分数与行数之和等于各政策 department_workload 之和
-- (the view computed once, not once per check below: DuckDB inlines a view at each use)
WITH department_workload_combined AS MATERIALIZED (SELECT * FROM main.department_workload_combined)
SELECT identity_id, 'duplicate' AS problem FROM department_workload_combined GROUP BY identity_id HAVING count(*) > 1
UNION ALL
SELECT 'null', 'identity_id or name is null' FROM department_workload_combined WHERE identity_id IS NULL OR name IS NULL
UNION ALL
SELECT identity_id, 'per_policy does not add up' FROM department_workload_combined
WHERE rows_total <> list_sum([p.rows_total FOR p IN per_policy]) OR policies <> len(list_distinct([p.policy_id FOR p IN per_policy]))
UNION ALL
SELECT 'all', 'score total' FROM (SELECT coalesce(sum(workload_score), 0) s FROM department_workload_combined),
  (SELECT coalesce(sum(workload_score), 0) t FROM department_workload WHERE rows_total > 0)
WHERE abs(s - t) > 0.01 * greatest(1, (SELECT count(*) FROM department_workload_combined))
