-- department_identities：每个部门一行，均有其认定的同一部门；该部门的编号取自其中一个部门，名称是其名称之一
SELECT department_id AS department, 'duplicate' AS problem FROM department_identities
GROUP BY policy_id, department_id HAVING count(*) > 1
UNION ALL
SELECT department_id, 'identity_id or name is null' FROM department_identities WHERE identity_id IS NULL OR name IS NULL
UNION ALL
SELECT d.department_id, 'department missing' FROM raw.departments d
WHERE NOT EXISTS (SELECT 1 FROM department_identities i WHERE i.policy_id = d.policy_id AND i.department_id = d.department_id)
UNION ALL
SELECT identity_id, 'identity_id is not one of its departments' FROM department_identities i
WHERE NOT EXISTS (SELECT 1 FROM department_identities o WHERE o.identity_id = i.identity_id AND o.department_id = i.identity_id)
UNION ALL
SELECT identity_id, 'name not among names' FROM department_identities WHERE NOT list_contains(names, name)
