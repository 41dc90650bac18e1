-- One row per numbered item (条目, e.g. "(五)") of a policy body, with the departments its body text names.
SELECT
  i.policy_id, i.item_id, i.item_no, i.item_label, i.chapter_id, c.chapter_no, c.title AS chapter_title,
  i.title, i.body_text, i.body_departments_text,
  (SELECT count(*) FROM raw.tasks t WHERE t.item_id = i.item_id) AS task_count,
  coalesce((SELECT list(d.name ORDER BY x.position) FROM raw.item_departments x JOIN raw.departments d USING (department_id)
            WHERE x.item_id = i.item_id AND x.role = 'lead'), []) AS body_lead_departments,
  coalesce((SELECT list(d.name ORDER BY x.position) FROM raw.item_departments x JOIN raw.departments d USING (department_id)
            WHERE x.item_id = i.item_id AND x.role = 'coop'), []) AS body_coop_departments,
  i.body_text_verbatim, i.source_lines
FROM raw.items i
JOIN raw.chapters c ON c.chapter_id = i.chapter_id
