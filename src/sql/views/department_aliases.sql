-- Every name a department may be written as (canonical name, full name, aliases) → the department; and, when its full
-- name begins with its city, county or district (慈溪市科学技术局, 中共慈溪市委宣传部, 慈溪市周巷镇人民政府), each of
-- its other names with that place written before it (慈溪市科技局, 慈溪市委宣传部, 慈溪市周巷镇), or the place without
-- its 市/县/区 (慈溪科技局, 慈溪周巷镇), and the full name without the place (市科学技术局, 周巷镇人民政府: how the
-- city's own papers write it); and the short forms the city's own staff write: a name or alias without the 市/县/区
-- its full name's place has (经信局, 发改局; not 委组织部), a town or subdistrict without 镇/乡/街道 (周巷, 浒山);
-- each unless some other department is written so.
WITH all_written AS (
  SELECT policy_id, department_id, name AS alias, 'name' AS alias_kind, 1 AS rank FROM raw.departments
  UNION ALL
  SELECT policy_id, department_id, full_name, 'full_name', 2 FROM raw.departments WHERE full_name <> ''
  UNION ALL
  SELECT policy_id, department_id, alias, 'alias', 3 FROM raw.department_aliases
),
-- (a name listed twice, its full name among its aliases too: once, as the first of name, full name, alias)
written AS (
  SELECT policy_id, department_id, alias, alias_kind FROM all_written
  QUALIFY row_number() OVER (PARTITION BY policy_id, department_id, alias ORDER BY rank) = 1
),
places AS (
  SELECT policy_id, department_id,
    regexp_extract(full_name, '^(?:中共)?(\p{Han}{2,3}?)[市县区]', 1) AS place,
    regexp_extract(full_name, '^(?:中共)?\p{Han}{2,3}?([市县区])', 1) AS level,
    -- (what follows the place: 科学技术局, 周巷镇人民政府, 委宣传部)
    regexp_extract(full_name, '^(?:中共)?\p{Han}{2,3}?[市县区](.+)$', 1) AS rest,
    name
  FROM raw.departments
),
placed AS (
  SELECT DISTINCT w.policy_id, w.department_id,
    CASE WHEN starts_with(w.alias, p.level) THEN p.place || w.alias ELSE p.place || p.level || w.alias END AS alias,
    'with_place' AS alias_kind
  FROM written w JOIN places p USING (policy_id, department_id)
  WHERE p.place <> '' AND w.alias_kind <> 'full_name' AND NOT starts_with(w.alias, p.place)
  UNION
  SELECT w.policy_id, w.department_id,
    CASE WHEN starts_with(w.alias, p.level) THEN p.place || substr(w.alias, length(p.level) + 1) ELSE p.place || w.alias END, 'with_place'
  FROM written w JOIN places p USING (policy_id, department_id)
  WHERE p.place <> '' AND w.alias_kind <> 'full_name' AND NOT starts_with(w.alias, p.place)
    -- (市委宣传部 is the party committee's: no 慈溪委宣传部)
    AND NOT starts_with(w.alias, p.level || '委')
  UNION
  -- (市科学技术局 when the name is written with its level, 市科技局; else 周巷镇人民政府)
  SELECT policy_id, department_id, CASE WHEN starts_with(name, level) THEN level || rest ELSE rest END, 'with_place'
  FROM places WHERE place <> '' AND rest <> ''
),
short AS (
  -- (市经信局 → 经信局, 市网信办 → 网信办: a name of three characters or more left, and not the party committee's 委…)
  SELECT DISTINCT w.policy_id, w.department_id, substr(w.alias, 2) AS alias, 'short' AS alias_kind
  FROM written w JOIN places p USING (policy_id, department_id)
  WHERE p.level <> '' AND w.alias_kind <> 'full_name' AND starts_with(w.alias, p.level)
    AND substr(w.alias, 2, 1) <> '委' AND length(w.alias) >= 4
  UNION
  -- (周巷镇 → 周巷, 浒山街道 → 浒山: the place's own name, two characters or more)
  SELECT policy_id, department_id, regexp_extract(name, '^(\p{Han}{2,})(?:镇|乡|街道)$', 1), 'short'
  FROM raw.departments WHERE regexp_matches(name, '^\p{Han}{2,}(?:镇|乡|街道)$')
)
SELECT policy_id, department_id, alias, alias_kind FROM written
UNION ALL
-- (a form both derived ways for one department: once, as with_place)
SELECT policy_id, department_id, alias, max(alias_kind) AS alias_kind
FROM (SELECT * FROM placed UNION ALL SELECT * FROM short) q
WHERE NOT EXISTS (SELECT 1 FROM written w WHERE w.policy_id = q.policy_id AND w.alias = q.alias)
GROUP BY policy_id, department_id, alias
QUALIFY count(*) OVER (PARTITION BY policy_id, alias) = 1
