-- targets：每个已发布的指标至少有一个报送单位，否则它不会出现在进度、模板和报送率中（报送单位为部门组时，须在 group_members.csv 中列出其成员；所在行的牵头部门缺失时，请在 targets.csv 的 reporting_departments 中写明报送单位）
SELECT t.code, t.row_no, array_to_string(t.reporting_departments, '、') AS reporting_departments
FROM targets t
WHERE t.status = 'published' AND NOT EXISTS (SELECT 1 FROM target_reporters r WHERE r.target_id = t.target_id)
