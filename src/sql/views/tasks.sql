-- One row per annex row (任务分解表的一行): the accountable unit, after OCR corrections.
SELECT
  t.policy_id, t.task_id, t.row_no,
  i.item_id, i.item_no, i.item_label, i.title AS item_title,
  c.chapter_id, c.chapter_no, c.title AS chapter_title,
  t.title, t.content,
  coalesce((SELECT list(d.name ORDER BY x.position) FROM raw.task_departments x JOIN raw.departments d USING (department_id)
            WHERE x.task_id = t.task_id AND x.role = 'lead' AND x.accountable), []) AS lead_departments,
  coalesce((SELECT list(d.name ORDER BY x.position) FROM raw.task_departments x JOIN raw.departments d USING (department_id)
            WHERE x.task_id = t.task_id AND x.role = 'coop' AND x.accountable), []) AS coop_departments,
  coalesce((SELECT list(x.mention ORDER BY x.position) FROM raw.task_persons x
            WHERE x.task_id = t.task_id AND x.role = 'lead'), []) AS lead_persons,
  coalesce((SELECT list(x.mention ORDER BY x.position) FROM raw.task_persons x
            WHERE x.task_id = t.task_id AND x.role = 'coop'), []) AS coop_persons,
  t.deadline_text, t.deadline_date, t.deadline_rule,
  (SELECT count(*) FROM raw.corrections k WHERE k.task_id = t.task_id) AS correction_count,
  coalesce((SELECT list(k.field ORDER BY k.field) FROM raw.corrections k
            WHERE k.task_id = t.task_id AND k.kind = 'gap_open'), []) AS open_gaps,
  t.content_verbatim, t.seq_cell, t.chapter_cell, t.title_cell, t.source_line
FROM raw.tasks t
JOIN raw.items i ON i.item_id = t.item_id
JOIN raw.chapters c ON c.chapter_id = i.chapter_id
