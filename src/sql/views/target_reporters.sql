-- Who reports each target: its reporting departments (by default the row's lead departments, one consolidated
-- figure); a group such as 各镇(街道、园区) is expanded to its members, each reporting its own figure.
SELECT r.policy_id, r.target_id, g.code, d.department_id, d.name AS department_name, NULL::VARCHAR AS via_group, r.position
FROM raw.target_reporters r JOIN raw.targets g USING (target_id) JOIN raw.departments d ON d.department_id = r.department_id
WHERE NOT d.is_group
UNION ALL
SELECT r.policy_id, r.target_id, g.code, m.department_id, m.name, gd.name, r.position
FROM raw.target_reporters r JOIN raw.targets g USING (target_id)
JOIN raw.departments gd ON gd.department_id = r.department_id AND gd.is_group
JOIN raw.group_members gm ON gm.group_id = gd.department_id
JOIN raw.departments m ON m.department_id = gm.member_id
