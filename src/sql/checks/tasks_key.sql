-- tasks：task_id 唯一且不为空，行号在政策内唯一
SELECT task_id, count(*) AS n FROM tasks GROUP BY task_id HAVING task_id IS NULL OR count(*) > 1
UNION ALL
SELECT policy_id || ':' || row_no, count(*) FROM tasks GROUP BY policy_id, row_no HAVING count(*) > 1
