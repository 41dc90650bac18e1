-- targets：编号唯一且不为空；编码在整个仓库内唯一（月度报送只写编码）；数量指标有目标值；每个指标都有报送部门，或所在行的牵头部门登记为待补缺口
-- (the view computed once, not once per check below: DuckDB inlines a view at each use)
WITH targets AS MATERIALIZED (SELECT * FROM main.targets)
SELECT target_id, 'duplicate or null' AS problem FROM targets GROUP BY target_id HAVING target_id IS NULL OR count(*) > 1
UNION ALL
SELECT target_id, 'quantity without value' FROM targets WHERE kind = 'quantity' AND value IS NULL
UNION ALL
SELECT g.target_id, 'no reporter' FROM targets g JOIN tasks t USING (task_id)
WHERE len(g.reporting_departments) = 0 AND NOT list_contains(t.open_gaps, 'lead_departments')
UNION ALL
SELECT target_id, 'range inverted' FROM targets WHERE value_max IS NOT NULL AND value_max < value
UNION ALL
SELECT min(target_id), 'code shared by two targets' FROM targets GROUP BY code HAVING count(*) > 1
