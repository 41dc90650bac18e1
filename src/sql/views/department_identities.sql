-- Which departments of the warehouse's policies are one department: two departments of different policies are the
-- same when one of them is written, in its policy, by a name the other is written by in its own (its name, full name
-- or an alias, not a form derived from them: 市发改局 in one policy, 市发展改革局 with the alias 市发改局 in another), unless both have full names
-- and these differ (慈溪市经济和信息化局, 余姚市经济和信息化局: two cities). Sameness is followed through
-- (A is B, B is C: A is C). identity_id is the smallest department_id of its departments; name is the
-- department's name in the newest policy that has it (of two issued the same day, the first by policy_id: the order
-- of department_workload_combined.per_policy), names every name it has in any of them.
WITH RECURSIVE written AS (
  SELECT DISTINCT policy_id, department_id, alias FROM department_aliases WHERE alias_kind NOT IN ('with_place', 'short')
),
nodes AS (
  SELECT d.policy_id, d.department_id, d.name, d.full_name, p.issued_date, d.department_id AS node
  FROM raw.departments d JOIN raw.policies p USING (policy_id)
),
edges AS (
  SELECT DISTINCT na.node AS source, nb.node AS target
  FROM written a
  JOIN written b ON a.alias = b.alias AND a.policy_id <> b.policy_id
  JOIN nodes na ON na.policy_id = a.policy_id AND na.department_id = a.department_id
  JOIN nodes nb ON nb.policy_id = b.policy_id AND nb.department_id = b.department_id
  WHERE na.full_name = '' OR nb.full_name = '' OR na.full_name = nb.full_name
),
reach(node, root) AS (
  SELECT node, node FROM nodes
  UNION
  SELECT e.target, r.root FROM reach r JOIN edges e ON e.source = r.node
),
components AS (
  SELECT node, min(root) AS identity_id FROM reach GROUP BY node
)
SELECT n.policy_id, n.department_id, c.identity_id,
  first_value(n.name) OVER (PARTITION BY c.identity_id ORDER BY n.issued_date DESC, n.policy_id) AS name,
  list_sort(list(DISTINCT n.name) OVER (PARTITION BY c.identity_id)) AS names
FROM nodes n JOIN components c USING (node)
