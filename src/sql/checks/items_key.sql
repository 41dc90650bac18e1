-- items：item_id 唯一；每个条目至少对应附件中的一行
SELECT item_id, 'duplicate' AS problem FROM items GROUP BY item_id HAVING count(*) > 1
UNION ALL
SELECT item_id, 'no annex row' FROM items WHERE task_count = 0
