-- tasks：每一行都有负责的牵头部门，或把牵头部门登记为待补缺口
SELECT task_id, row_no FROM tasks WHERE len(lead_departments) = 0 AND NOT list_contains(open_gaps, 'lead_departments')
