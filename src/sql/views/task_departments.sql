-- Who answers for each annex row: one row per (task, department, role, source).
-- source 'annex' = the row's own cells; 'body' = the item's body text (single-row items, or a gap filled from the body).
-- accountable = the assignment the row is tracked by (the annex cell, or the body where the annex cell was empty).
SELECT
  x.policy_id, x.task_id, t.row_no, t.item_id, x.department_id, d.name AS department_name, d.kind AS department_kind,
  x.role, x.source, x.accountable, x.mention, x.position
FROM raw.task_departments x
JOIN raw.tasks t ON t.task_id = x.task_id
JOIN raw.departments d ON d.department_id = x.department_id
