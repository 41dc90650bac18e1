-- Members of department groups such as 各镇(街道、园区); the list is data (status to_confirm when not in the document).
SELECT g.policy_id, g.group_id, gd.name AS group_name, g.member_id, md.name AS member_name, md.kind AS member_kind, g.status, g.note
FROM raw.group_members g
JOIN raw.departments gd ON gd.department_id = g.group_id
JOIN raw.departments md ON md.department_id = g.member_id
