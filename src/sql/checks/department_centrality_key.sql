-- department_centrality：每个部门一行；度数等于其边数，加权度数等于其边权之和
SELECT c.department_id, c.degree, c.weighted_degree FROM department_centrality c
WHERE c.degree <> (SELECT count(*) FROM department_edges e WHERE c.department_id IN (e.department_a, e.department_b))
   OR c.weighted_degree <> (SELECT coalesce(sum(weight), 0) FROM department_edges e WHERE c.department_id IN (e.department_a, e.department_b))
UNION ALL
SELECT department_id, count(*), NULL FROM department_centrality GROUP BY department_id HAVING count(*) > 1
