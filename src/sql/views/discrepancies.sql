-- Where a body item and its annex row(s) say different things: title, sentence (number, frequency, wording) or departments.
SELECT
  d.policy_id, d.policy_id || '.d' || lpad(d.seq::VARCHAR, greatest(3, length(d.seq::VARCHAR))::INTEGER, '0') AS discrepancy_id, d.item_id, i.item_no, i.item_label, i.title AS item_title,
  d.task_id, t.row_no, d.field,
  CASE d.field WHEN 'title' THEN '项目名称' WHEN 'text' THEN '内容' WHEN 'departments' THEN '责任部门' END AS field_label,
  d.kind,
  CASE d.kind WHEN 'number' THEN '数量或限定词不同' WHEN 'frequency' THEN '频次不同' WHEN 'wording' THEN '表述不同' WHEN 'verb' THEN '用词不同'
    WHEN 'missing_in_annex' THEN '附件未写' WHEN 'missing_in_body' THEN '正文未写'
    WHEN 'department_missing_in_annex' THEN '部门：附件未列' WHEN 'department_missing_in_body' THEN '部门：正文未列'
    WHEN 'department_role' THEN '部门角色不同' END AS kind_label,
  d.body_text, d.annex_text, d.segments
FROM raw.discrepancies d
JOIN raw.items i ON i.item_id = d.item_id
LEFT JOIN raw.tasks t ON t.task_id = d.task_id
