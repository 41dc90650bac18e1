-- Departments named in each body item's responsibility bracket, e.g. "(市经信局牵头，市科技局配合)".
SELECT x.policy_id, x.item_id, i.item_no, i.item_label, x.department_id, d.name AS department_name, x.role, x.mention, x.position
FROM raw.item_departments x
JOIN raw.items i ON i.item_id = x.item_id
JOIN raw.departments d ON d.department_id = x.department_id
