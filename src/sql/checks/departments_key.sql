-- departments：department_id 唯一；任何名称或别名在政策内只指向一个部门
SELECT department_id AS key, count(*) AS n FROM departments GROUP BY department_id HAVING count(*) > 1
UNION ALL
SELECT policy_id || ':' || alias, count(DISTINCT department_id) FROM department_aliases GROUP BY policy_id, alias HAVING count(DISTINCT department_id) > 1
