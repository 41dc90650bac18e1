-- Responsible persons (责任人) named in the annex, with their department when it can be established.
SELECT
  p.policy_id, p.person_id, p.code, p.name, p.department_id, d.name AS department_name, p.status, p.basis,
  (SELECT count(DISTINCT x.task_id) FROM raw.task_persons x WHERE x.person_id = p.person_id AND x.role = 'lead') AS lead_task_count,
  (SELECT count(DISTINCT x.task_id) FROM raw.task_persons x WHERE x.person_id = p.person_id AND x.role = 'coop') AS coop_task_count,
  p.note
FROM raw.persons p
LEFT JOIN raw.departments d ON d.department_id = p.department_id
