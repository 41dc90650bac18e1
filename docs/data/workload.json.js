// 部门工作量 page data: score weights, an example of the split, per-department workload, persons, deadline calendar.
import { emitJson } from "../../dist/src/site.js";

await emitJson(async (read) => ({
  policies: await read(`SELECT policy_id, title, doc_number FROM policies ORDER BY issued_date DESC, policy_id`),
  weights: (await read(`SELECT lead_weight, coop_weight FROM workload_weights`))[0],
  // In each policy, a row with several co-leads and several cooperators (else the row with most departments) shows how a row's weight is split.
  example: await read(`WITH r AS (
        SELECT task_id, any_value(policy_id) AS policy_id, any_value(row_no) AS row_no, count(*) AS n,
          coalesce(max(role_size) FILTER (WHERE role = 'lead') > 1 AND max(role_size) FILTER (WHERE role = 'coop') > 1, false) AS both_split
        FROM task_assignments GROUP BY task_id
        QUALIFY row_number() OVER (PARTITION BY any_value(policy_id) ORDER BY both_split DESC, count(*) DESC, any_value(row_no)) = 1)
      SELECT a.policy_id, a.row_no, a.department_name, a.role, a.role_size, a.share
      FROM task_assignments a JOIN r USING (task_id) ORDER BY a.role DESC, a.share DESC, a.department_name`),
  departments: await read(`SELECT w.policy_id, w.department_id, w.code, w.name, w.kind_label, w.is_group, w.rows_led, w.rows_sole_lead, w.rows_cooperated,
      w.rows_total, w.items_touched, w.workload_score, w.lead_score, w.coop_score, w.persons, w.first_deadline, w.last_deadline, w.rows_without_deadline,
      i.identity_id, i.name AS identity_name
    FROM department_workload w JOIN department_identities i USING (policy_id, department_id)
    WHERE w.rows_total > 0 ORDER BY w.policy_id, w.workload_score DESC, w.name`),
  // every policy together (only for a warehouse of several): one row per department (department_identities), its per-policy parts listed
  combined: await read(`SELECT * FROM department_workload_combined WHERE (SELECT count(*) FROM policies) > 1
    ORDER BY workload_score DESC, name`),
  deadlines: await read(`SELECT policy_id, department_id, role, deadline_month AS month, deadline_kind AS kind, rows, row_nos
    FROM department_deadlines ORDER BY policy_id, department_id, month, role`),
  persons: await read(`SELECT p.policy_id, p.name, p.status, p.department_name, i.name AS identity_name, i.identity_id, d.code, p.rows_lead, p.rows_coop, p.rows_total, p.row_nos
    FROM person_workload p LEFT JOIN departments d USING (department_id) LEFT JOIN department_identities i USING (department_id)
    WHERE p.rows_total > 0 ORDER BY p.policy_id, p.rows_total DESC, p.rows_lead DESC, p.name`),
}));
