// Task detail data: one annex row with its item, departments, persons and corrections, and its targets' progress
// judged at LUOSHI_AS_OF (default today) (--policy, --row r06).
import { parseArgs } from "node:util";
import { DUE_THROUGH, emitJson } from "../../../dist/src/site.js";

const { values } = parseArgs({ options: { policy: { type: "string" }, row: { type: "string" } } });
const rowNo = Number(String(values.row).replace(/^r/, ""));

await emitJson(async (read) => {
  const [task] = await read(`SELECT * EXCLUDE (content_verbatim) FROM tasks WHERE policy_id = $1 AND row_no = $2`, [values.policy, rowNo]);
  if (!task) throw new Error(`任务不存在：${values.policy} 第 ${rowNo} 行`);
  const [state] = await read(`SELECT task_status, awaiting_deadline_only, awaiting_report_only, deadline_passed FROM task_progress WHERE task_id = $1`, [task.task_id]);
  return {
    task,
    policy: (await read(`SELECT policy_id, title, doc_number FROM policies WHERE policy_id = $1`, [values.policy]))[0],
    verbatim: (await read(`SELECT content_verbatim FROM tasks WHERE task_id = $1`, [task.task_id]))[0]?.content_verbatim,
    item: (await read(`SELECT item_label, title, body_text, body_departments_text, body_lead_departments, body_coop_departments, task_count FROM items WHERE item_id = $1`, [task.item_id]))[0],
    siblings: await read(`SELECT policy_id, row_no, title, content FROM tasks WHERE item_id = $1 AND task_id <> $2 ORDER BY row_no`, [task.item_id, task.task_id]),
    departments: await read(`SELECT d.department_name, d.role, d.source, d.accountable, d.mention, dep.code
      FROM task_departments d JOIN departments dep USING (department_id) WHERE d.task_id = $1 ORDER BY d.accountable DESC, d.role DESC, d.source, d.position`, [task.task_id]),
    persons: await read(`SELECT p.person_name, p.person_status, p.role, dep.name AS department_name FROM task_persons p
      LEFT JOIN departments dep USING (department_id) WHERE p.task_id = $1 ORDER BY p.role DESC, p.position`, [task.task_id]),
    corrections: await read(`SELECT field_label, kind, kind_label, verbatim, corrected, source, note FROM corrections WHERE task_id = $1 ORDER BY field`, [task.task_id]),
    as_of: (await read(`SELECT strftime(as_of, '%Y-%m-%d') AS as_of FROM reporting_rules`))[0].as_of,
    status: state?.task_status ?? null,
    deadline_passed: state?.deadline_passed ?? false,
    awaiting_deadline_only: state?.awaiting_deadline_only ?? false,
    awaiting_report_only: state?.awaiting_report_only ?? false,
    progress: await read(`SELECT code, subject, kind, comparator, target_value, value_max, frequency, goal, unit, department_name, latest_period, done_period, latest_value, figure_period, figure_flagged, falls, rate, prorated, ceiling, standing, measure, baseline, indivisible, awaiting_deadline, awaiting_report, latest_status,
        round(progress, 4) AS progress, round(elapsed, 4) AS elapsed, progress_status, strftime(deadline, '%Y-%m-%d') AS deadline
      FROM target_progress WHERE policy_id = $1 AND row_no = $2 ORDER BY code, department_name`, [values.policy, rowNo]),
    // every month's current figure of the row's targets (the files received by the as-of date), with its versions
    history: await read(`SELECT o.code, o.department_name, o.period, o.value, o.status, o.note, o.flagged, o.flag_reason, o.versions, o.file
      FROM observations o JOIN targets t USING (target_id) WHERE t.policy_id = $1 AND t.row_no = $2
      ORDER BY o.code, o.department_name, o.period`, [values.policy, rowNo]),
    // the months sent whose rows were all rejected and not yet sent again (退回, not —), and the last month due
    returned: await read(`SELECT x.target_code AS code, x.department_name, x.period, min(x.file) AS file
      FROM rejects x JOIN targets t ON t.code = x.target_code AND t.policy_id = $1 AND t.row_no = $2
      WHERE x.department_name IS NOT NULL AND x.period IS NOT NULL AND x.corrected_by IS NULL GROUP BY ALL ORDER BY code, period`, [values.policy, rowNo]),
    through: (await read(DUE_THROUGH))[0].period,
    // the first month a report is owed for one of its targets (from the policy's month, or a later counting start)
    first_owed: (await read(`SELECT min(greatest(strftime(p.issued_date, '%Y-%m'), strftime(t.counting_start, '%Y-%m'))) AS period
      FROM targets t JOIN policies p USING (policy_id) WHERE t.policy_id = $1 AND t.row_no = $2 AND t.status = 'published'`, [values.policy, rowNo]))[0]?.period ?? null,
  };
});
