-- The department dictionary: one row per department or department group.
SELECT
  d.policy_id, d.department_id, d.code, d.name, d.full_name, d.kind,
  CASE d.kind
    WHEN 'municipal_bureau' THEN '市级部门' WHEN 'party_office' THEN '党委部门'
    WHEN 'government_office' THEN '政府办事机构' WHEN 'platform_centre' THEN '平台中心'
    WHEN 'park_committee' THEN '园区管委会' WHEN 'town' THEN '镇' WHEN 'township' THEN '乡' WHEN 'subdistrict' THEN '街道'
    WHEN 'group' THEN '部门组' WHEN 'provincial_bureau' THEN '省级部门' WHEN 'district_bureau' THEN '区（县）级部门'
    WHEN 'village' THEN '村（社区）' WHEN 'enterprise' THEN '企业或事业单位' WHEN 'other' THEN '其他' ELSE d.kind END AS kind_label,
  d.is_group, d.in_document,
  coalesce((SELECT list(a.alias ORDER BY a.alias) FROM raw.department_aliases a WHERE a.department_id = d.department_id), []) AS aliases,
  (SELECT count(*) FROM raw.group_members g WHERE g.group_id = d.department_id) AS member_count,
  coalesce((SELECT list(g.group_id) FROM raw.group_members g WHERE g.member_id = d.department_id), []) AS member_of,
  d.note
FROM raw.departments d
