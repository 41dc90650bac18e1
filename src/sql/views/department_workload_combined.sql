-- Workload of each department across all the warehouse's policies: departments of several policies are one when
-- department_identities says so (the same name, full name or alias). Its rows, shares and scores are the sums of its
-- department_workload rows; per_policy lists them, newest policy first, each under its name in that policy.
SELECT
  i.identity_id,
  any_value(i.name) AS name,
  any_value(i.names) AS names,
  arg_max(w.kind_label, p.issued_date) AS kind_label,
  bool_or(w.is_group) AS is_group,
  count(DISTINCT w.policy_id) AS policies,
  sum(w.rows_led) AS rows_led,
  sum(w.rows_sole_lead) AS rows_sole_lead,
  sum(w.rows_cooperated) AS rows_cooperated,
  sum(w.rows_total) AS rows_total,
  round(sum(w.workload_score), 3) AS workload_score,
  round(sum(w.lead_score), 3) AS lead_score,
  round(sum(w.coop_score), 3) AS coop_score,
  sum(w.persons) AS persons,
  min(w.first_deadline) AS first_deadline,
  max(w.last_deadline) AS last_deadline,
  sum(w.rows_without_deadline) AS rows_without_deadline,
  list({policy_id: w.policy_id, doc_number: p.doc_number, title: p.title, department_id: w.department_id, code: w.code, name: w.name,
        rows_led: w.rows_led, rows_cooperated: w.rows_cooperated, rows_total: w.rows_total, workload_score: w.workload_score}
       ORDER BY p.issued_date DESC, w.policy_id) AS per_policy
FROM department_workload w
JOIN policies p USING (policy_id)
JOIN department_identities i USING (policy_id, department_id)
WHERE w.rows_total > 0
GROUP BY i.identity_id
