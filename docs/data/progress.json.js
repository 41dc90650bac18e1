// 目标进度 page data: each target's progress per reporting department at LUOSHI_AS_OF (default today).
import { emitJson, SYNTHETIC_POLICIES } from "../../dist/src/site.js";

await emitJson(async (read) => ({
  as_of: (await read(`SELECT strftime(as_of, '%Y-%m-%d') AS as_of FROM reporting_rules`))[0].as_of,
  // the policies shown on sample data (SYNTHETIC_POLICIES)
  synthetic: (await read(SYNTHETIC_POLICIES)).map((r) => r.policy_id),
  policies: await read(`SELECT policy_id, title, doc_number, strftime(issued_date, '%Y-%m-%d') AS issued_date FROM policies ORDER BY issued_date DESC, policy_id`),
  progress: await read(`SELECT p.policy_id, p.code, p.row_no, p.item_label, p.kind, p.comparator, p.target_value, p.value_max, p.frequency, p.goal, p.unit, p.subject,
      strftime(p.deadline, '%Y-%m-%d') AS deadline, p.department_name, d.code AS department_code, p.latest_period, p.done_period, p.latest_value, p.figure_period, p.figure_flagged, p.falls, p.rate, p.prorated, p.ceiling, p.standing, p.measure, p.baseline, p.indivisible, p.awaiting_deadline, p.awaiting_report, p.latest_status,
      round(p.progress, 4) AS progress, round(p.elapsed, 4) AS elapsed, p.progress_status
    FROM target_progress p JOIN departments d USING (department_id) ORDER BY p.policy_id, p.row_no, p.code, p.department_name`),
}));
