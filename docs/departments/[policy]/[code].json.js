// Department page data (--policy, --code): its rows as lead and as cooperator, partners, persons, workload; the
// targets it reports and its reporting record, judged at LUOSHI_AS_OF (default today).
import { parseArgs } from "node:util";
import { DUE_THROUGH, emitJson, HAS_DEPARTMENT_PAGE } from "../../../dist/src/site.js";

const { values } = parseArgs({ options: { policy: { type: "string" }, code: { type: "string" } } });

await emitJson(async (read) => {
  const [department] = await read(`SELECT * FROM departments WHERE policy_id = $1 AND code = $2`, [values.policy, values.code]);
  if (!department) throw new Error(`部门不存在：${values.policy} ${values.code}`);
  const id = department.department_id;
  return {
    department,
    policy: (await read(`SELECT policy_id, title, doc_number FROM policies WHERE policy_id = $1`, [values.policy]))[0],
    // the same department (department_identities: by name, full name or alias) in the warehouse's other policies: each has its own page
    elsewhere: await read(`SELECT d.policy_id, d.code, d.name, p.title, p.doc_number
      FROM department_identities me JOIN department_identities i USING (identity_id) JOIN departments d ON d.department_id = i.department_id
      JOIN policies p ON p.policy_id = d.policy_id
      WHERE me.department_id = $1 AND d.policy_id <> me.policy_id AND d.${HAS_DEPARTMENT_PAGE} ORDER BY p.issued_date DESC, d.policy_id`, [id]),
    workload: (await read(`SELECT * FROM department_workload WHERE department_id = $1`, [id]))[0],
    // its workload in every policy together, when it has rows in more than one (departments matched by department_identities)
    combined: (await read(`SELECT c.policies, c.rows_led, c.rows_cooperated, c.workload_score FROM department_workload_combined c
      JOIN department_identities i USING (identity_id) WHERE i.department_id = $1 AND c.policies > 1`, [id]))[0] ?? null,
    centrality: (await read(`SELECT degree, weighted_degree, betweenness, betweenness_normalized,
        (SELECT count(*) + 1 FROM department_centrality o WHERE o.policy_id = c.policy_id AND o.weighted_degree > c.weighted_degree) AS hub_rank,
        -- (departments with the same weighted degree share its rank: 并列)
        (SELECT count(*) FROM department_centrality o WHERE o.policy_id = c.policy_id AND o.weighted_degree = c.weighted_degree) AS hub_ties,
        (SELECT count(*) FROM department_centrality o WHERE o.policy_id = c.policy_id) AS departments
      FROM department_centrality c WHERE department_id = $1`, [id]))[0] ?? null,
    rows: await read(`SELECT a.role, a.share, t.policy_id, t.row_no, t.item_label, t.title, t.content, t.lead_departments, t.coop_departments,
        t.deadline_text, t.deadline_date, t.deadline_rule, p.task_status, p.awaiting_deadline_only, p.awaiting_report_only, p.deadline_passed
      FROM task_assignments a JOIN tasks t USING (task_id) LEFT JOIN task_progress p USING (task_id)
      WHERE a.department_id = $1 ORDER BY a.role DESC, t.row_no`, [id]),
    partners: await read(`SELECT CASE WHEN department_a = $1 THEN department_b ELSE department_a END AS partner_id,
        CASE WHEN department_a = $1 THEN name_b ELSE name_a END AS partner,
        (SELECT code FROM departments d WHERE d.department_id = CASE WHEN e.department_a = $1 THEN e.department_b ELSE e.department_a END) AS code,
        weight, co_lead_rows,
        CASE WHEN department_a = $1 THEN a_leads_b_rows ELSE b_leads_a_rows END AS we_lead_rows,
        CASE WHEN department_a = $1 THEN b_leads_a_rows ELSE a_leads_b_rows END AS they_lead_rows,
        row_nos
      FROM department_edges e WHERE $1 IN (department_a, department_b) ORDER BY weight DESC, partner`, [id]),
    persons: await read(`SELECT name, status, rows_lead, rows_coop, row_nos FROM person_workload WHERE department_id = $1 ORDER BY rows_total DESC, name`, [id]),
    // (with each member's own monthly reporting, as 报送情况 counts it: a group reports through its members)
    // (own_targets: the targets a member reports in its own right, not through this group: its months count them too)
    members: await read(`SELECT m.member_name, m.status, d.code AS member_code, d.${HAS_DEPARTMENT_PAGE} AS has_page, r.months_owed, r.months_received, r.months_missing, r.months_returned, r.reporting_rate,
        (SELECT count(DISTINCT tr.target_id) FROM target_reporters tr WHERE tr.department_id = m.member_id AND tr.via_group IS DISTINCT FROM m.group_name)::INTEGER AS own_targets
      FROM group_members m LEFT JOIN departments d ON d.department_id = m.member_id LEFT JOIN reporting_rates r ON r.department_id = m.member_id
      WHERE m.group_id = $1 ORDER BY m.member_name`, [id]),
    // the rows of the groups it belongs to (各镇(街道、园区)): counted for the group, done by each member
    groupRows: await read(`SELECT m.group_name, m.status AS membership, d.role, t.policy_id, t.row_no, t.title, t.deadline_text, t.deadline_date, t.deadline_rule
      FROM group_members m JOIN task_departments d ON d.department_id = m.group_id AND d.accountable JOIN tasks t USING (task_id)
      WHERE m.member_id = $1 GROUP BY ALL ORDER BY t.row_no, d.role DESC`, [id]),
    as_of: (await read(`SELECT strftime(as_of, '%Y-%m-%d') AS as_of FROM reporting_rules`))[0].as_of,
    reporting: (await read(`SELECT months_owed, months_received, months_on_time, months_late, months_returned, months_missing, reporting_rate, on_time_rate
      FROM reporting_rates WHERE department_id = $1`, [id]))[0] ?? null,
    progress: await read(`SELECT policy_id, row_no, code, subject, kind, comparator, target_value, value_max, frequency, goal, unit, department_name, latest_period, done_period, latest_value, figure_period, figure_flagged, falls, rate, prorated, ceiling, standing, measure, baseline, indivisible, awaiting_deadline, awaiting_report, latest_status,
        round(progress, 4) AS progress, round(elapsed, 4) AS elapsed, progress_status
      FROM target_progress WHERE department_id = $1 ORDER BY row_no, code`, [id]),
    // every month's current figure it reported (the files received by the as-of date), with its versions
    history: await read(`SELECT code, department_name, period, value, status, note, flagged, flag_reason, versions, file
      FROM observations WHERE department_id = $1 ORDER BY code, period`, [id]),
    // the months it sent whose rows were all rejected and not yet sent again (a column of their own, 退回)
    returned: await read(`SELECT DISTINCT x.target_code AS code, x.department_name, x.period, min(x.file) AS file
      FROM rejects x JOIN departments d ON d.name = x.department_name AND d.department_id = $1
      JOIN targets t ON t.code = x.target_code AND t.policy_id = d.policy_id
      WHERE x.period IS NOT NULL AND x.corrected_by IS NULL GROUP BY ALL ORDER BY code, period`, [id]),
    // the last month whose report is due by the as-of date: a month nothing came for still has its column
    through: (await read(DUE_THROUGH))[0].period,
    // the first month it owes a report for (reporting_calendar): its column even when nothing came for it
    first_owed: (await read(`SELECT min(period) AS period FROM reporting_calendar WHERE department_id = $1 AND owed_targets > 0`, [id]))[0]?.period ?? null,
  };
});
