-- tasks：完成时限要么有日期，要么是长期或定期任务（无日期），要么登记为待补缺口；日期不早于政策发文日期
SELECT t.task_id, t.deadline_date FROM tasks t JOIN policies p USING (policy_id)
WHERE (t.deadline_date IS NULL AND t.deadline_rule NOT IN ('ongoing', 'recurring') AND NOT list_contains(t.open_gaps, 'deadline_text'))
   OR t.deadline_date < p.issued_date
