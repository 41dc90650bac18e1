-- department_aliases：每份政策中一个写法只指一个部门（一行）；每个部门的名称本身都在其中
SELECT policy_id || ' ' || alias AS alias, 'duplicate' AS problem FROM department_aliases
GROUP BY policy_id, alias HAVING count(*) > 1
UNION ALL
SELECT coalesce(policy_id, '') || ' ' || coalesce(alias, ''), 'policy_id, department_id or alias is null' FROM department_aliases
WHERE policy_id IS NULL OR department_id IS NULL OR alias IS NULL
UNION ALL
SELECT d.policy_id || ' ' || d.name, 'name missing' FROM raw.departments d
WHERE NOT EXISTS (SELECT 1 FROM department_aliases a WHERE a.policy_id = d.policy_id AND a.department_id = d.department_id AND a.alias = d.name AND a.alias_kind = 'name')
