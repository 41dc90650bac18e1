-- Responsible persons of each annex row, by role and position in the cell.
SELECT x.policy_id, x.task_id, t.row_no, x.person_id, p.name AS person_name, p.status AS person_status,
       p.department_id, x.role, x.position, x.mention
FROM raw.task_persons x
JOIN raw.tasks t ON t.task_id = x.task_id
JOIN raw.persons p ON p.person_id = x.person_id
