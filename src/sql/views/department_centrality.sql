-- Per department: degree (distinct partners), weighted degree (shared rows summed over partners), betweenness
-- (unweighted, computed at build time by src/network.ts) and the community used to order the adjacency matrix.
WITH ends AS (
  SELECT policy_id, department_a AS department_id, department_b AS partner_id, weight FROM department_edges
  UNION ALL
  SELECT policy_id, department_b, department_a, weight FROM department_edges
)
SELECT
  d.policy_id, d.department_id, d.name, d.kind, d.is_group,
  count(e.partner_id) AS degree,
  coalesce(sum(e.weight), 0) AS weighted_degree,
  coalesce(m.betweenness, 0) AS betweenness,
  coalesce(m.betweenness_normalized, 0) AS betweenness_normalized,
  m.community
FROM departments d
JOIN (SELECT DISTINCT department_id FROM task_assignments) active USING (department_id)
LEFT JOIN ends e ON e.department_id = d.department_id
LEFT JOIN raw.department_network_metrics m ON m.department_id = d.department_id
GROUP BY ALL
