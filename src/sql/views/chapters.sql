-- One row per chapter (章) of a policy body.
SELECT
  c.policy_id, c.chapter_id, c.chapter_no, c.title,
  count(DISTINCT i.item_id) AS item_count,
  count(DISTINCT t.task_id) AS task_count,
  c.source_line
FROM raw.chapters c
LEFT JOIN raw.items i ON i.chapter_id = c.chapter_id
LEFT JOIN raw.tasks t ON t.item_id = i.item_id
GROUP BY ALL
