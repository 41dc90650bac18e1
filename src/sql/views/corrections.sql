-- Every correction of the annex's OCR text and every gap, beside the verbatim text.
SELECT
  k.policy_id, k.task_id, k.row_no, t.item_id, k.field,
  CASE k.field
    WHEN 'seq_cell' THEN '序号' WHEN 'chapter_cell' THEN '章节栏' WHEN 'title_cell' THEN '项目'
    WHEN 'content' THEN '内容' WHEN 'lead_departments' THEN '牵头部门' WHEN 'coop_departments' THEN '配合部门'
    WHEN 'lead_persons' THEN '牵头部门责任人' WHEN 'coop_persons' THEN '配合部门责任人' WHEN 'deadline_text' THEN '完成时限'
    ELSE k.field END AS field_label,
  k.kind,
  CASE k.kind WHEN 'ocr_error' THEN 'OCR 错误更正' WHEN 'layout' THEN '版式拆分还原'
    WHEN 'gap_filled' THEN '缺口据正文补齐' WHEN 'gap_open' THEN '缺口待补' ELSE k.kind END AS kind_label,
  k.verbatim, k.corrected, k.source, k.note
FROM raw.corrections k
JOIN raw.tasks t ON t.task_id = k.task_id
