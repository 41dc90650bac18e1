-- targets：每个已发布的指标至少有一个报送单位（报送单位为部门组时，须在 group_members.csv 中列出其成员，否则该指标无人报送，不会出现在进度、模板和报送率中）
SELECT t.code, t.row_no, array_to_string(t.reporting_departments, '、') AS reporting_departments
FROM targets t
WHERE t.status = 'published' AND NOT EXISTS (SELECT 1 FROM target_reporters r WHERE r.target_id = t.target_id)
