-- persons：已识别的责任人必须有所属部门；无法还原的责任人不得指派部门
SELECT person_id, status FROM persons
WHERE (status IN ('resolved', 'role') AND department_id IS NULL) OR (status = 'unresolved' AND department_id IS NOT NULL)
