-- Every name a department may be written as (canonical name, full name, aliases) → the department.
SELECT policy_id, department_id, name AS alias, 'name' AS alias_kind FROM raw.departments
UNION
SELECT policy_id, department_id, full_name, 'full_name' FROM raw.departments WHERE full_name <> ''
UNION
SELECT policy_id, department_id, alias, 'alias' FROM raw.department_aliases
