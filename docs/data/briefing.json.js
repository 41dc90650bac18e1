// 督查通报 page data: tasks behind the time-elapsed schedule, their lagging targets, and each department's record,
// judged at LUOSHI_AS_OF (default today). Only the rows the briefing shows.
import { emitJson, HAS_DEPARTMENT_PAGE, SYNTHETIC_POLICIES } from "../../dist/src/site.js";
import { EMPTY_NOTE_SQL } from "../../dist/src/ingest/review.js";

await emitJson(async (read) => ({
  as_of: (await read(`SELECT strftime(as_of, '%Y-%m-%d') AS as_of FROM reporting_rules`))[0].as_of,
  // the policies shown on sample data (SYNTHETIC_POLICIES)
  synthetic: (await read(SYNTHETIC_POLICIES)).map((r) => r.policy_id),
  // the files received by the as-of date that report on each policy (a figure of it now current, or a row of it
  // rejected): several policies share the warehouse, and one may have had none yet
  receipts: await read(`SELECT p.policy_id, (SELECT count(*) FROM (
        SELECT o.receipt_no FROM observations o WHERE o.policy_id = p.policy_id
        UNION SELECT x.receipt_no FROM rejects x WHERE x.policy_id = p.policy_id)) AS files
      FROM policies p ORDER BY p.policy_id`),
  policies: await read(`SELECT policy_id, title, doc_number, issuer, strftime(issued_date, '%Y-%m-%d') AS issued_date FROM policies ORDER BY issued_date DESC, policy_id`),
  tasks: await read(`SELECT policy_id, task_status, count(*) AS tasks, sum(pairs) AS pairs, sum(done) AS done, sum(done_late) AS done_late, sum(on_track) AS on_track,
      sum(lagging) AS lagging, sum(overdue) AS overdue, sum(not_reported) AS not_reported, sum(no_deadline) AS no_deadline, sum(ongoing) AS ongoing,
      sum(not_due) AS not_due,
      -- (on-track tasks whose on-track pairs all wait for their deadline: milestones, one counted thing; 时限未到)
      count(*) FILTER (WHERE awaiting_deadline_only) AS awaiting_tasks,
      -- (of those: every such deadline passed, the report of its month not due yet; 时限已过、待报送)
      count(*) FILTER (WHERE awaiting_report_only) AS awaiting_report_tasks
    FROM task_progress GROUP BY ALL ORDER BY policy_id, task_status`),
  behind: await read(`SELECT policy_id, task_id, row_no, item_label, title, lead_departments, coop_departments, deadline_text,
      strftime(deadline_date, '%Y-%m-%d') AS deadline, task_status, pairs, lagging, overdue, worst_gap,
      -- the persons the annex names for the leading departments (an OCR-damaged name left out: it names nobody)
      coalesce((SELECT list(p.person_name ORDER BY p.position) FROM task_persons p WHERE p.task_id = task_progress.task_id AND p.role = 'lead'
        AND p.person_status <> 'unresolved'), []) AS lead_persons
    FROM task_progress WHERE task_status IN ('overdue', 'lagging') ORDER BY policy_id, task_status = 'lagging', row_no`),
  // per policy, of the (target, department) pairs: the on-track ones no schedule judges yet (a milestone, one counted
  // thing: 时限未到, judged at the deadline), those of them not started, and the unfinished ones judged on a figure older
  // than the last month due (that month not reported, or sent and returned)
  pair_notes: await read(`SELECT p.policy_id,
      count(*) FILTER (WHERE p.awaiting_deadline) AS awaiting_deadline,
      count(*) FILTER (WHERE p.awaiting_deadline AND p.latest_status = 'not_started') AS awaiting_not_started,
      count(*) FILTER (WHERE p.awaiting_report) AS awaiting_report,
      count(*) FILTER (WHERE s.stale) AS stale,
      -- (of those: the department sent that month and had it returned, not yet sent again: reporting_calendar)
      count(*) FILTER (WHERE s.stale AND c.status = 'returned') AS stale_returned,
      -- (which: the first few, by department, to name)
      list({'code': p.code, 'department_name': p.department_name, 'period': p.due_period} ORDER BY p.department_name, p.code) FILTER (WHERE s.stale) AS stale_pairs
    FROM target_progress p
    CROSS JOIN LATERAL (SELECT p.progress_status IN ('on_track', 'lagging', 'overdue', 'no_deadline') AND p.latest_period < p.due_period AS stale) s
    LEFT JOIN reporting_calendar c ON c.department_id = p.department_id AND c.period = p.due_period
    GROUP BY p.policy_id ORDER BY p.policy_id`),
  // tasks with no target a report can judge (no quantity, milestone or duty) whose deadline has passed: said, not silently left out
  unjudged: await read(`SELECT policy_id, row_no FROM task_progress WHERE task_status = 'no_target' AND deadline_passed ORDER BY policy_id, row_no`),
  // targets whose latest figure is flagged for review (a likely typo, a fall): judged as reported until corrected, said so
  reviewing: await read(`SELECT policy_id, code, department_name, progress_status, figure_flag_reason AS flag_reason FROM target_progress
      WHERE figure_flagged ORDER BY policy_id, code, department_name`),
  // quantities no schedule judges (no deadline) whose figure is still 0: said, since no count above says they lag
  idle: await read(`SELECT policy_id, code, subject, department_name, latest_period FROM target_progress
      WHERE progress_status = 'no_deadline' AND kind = 'quantity' AND latest_value = 0 ORDER BY policy_id, code, department_name`),
  targets: await read(`SELECT p.policy_id, p.row_no, p.code, p.subject, p.kind, p.comparator, p.target_value, p.value_max, p.frequency, p.goal, p.unit, p.department_name,
      p.latest_period, p.latest_value, p.figure_period, p.figure_flagged, p.falls, p.rate, p.prorated, p.ceiling, p.standing, p.measure, p.baseline, p.indivisible, p.latest_status, round(p.progress, 4) AS progress, round(p.elapsed, 4) AS elapsed, p.progress_status,
      -- what the department last wrote in 进展情况 (a reason it is behind, often), with its month
      n.note AS latest_note, n.period AS note_period
    FROM target_progress p JOIN task_progress t ON t.policy_id = p.policy_id AND t.row_no = p.row_no
    LEFT JOIN LATERAL (SELECT o.note, o.period FROM observations o WHERE o.target_id = p.target_id AND o.department_id = p.department_id
      AND o.period <= p.latest_period AND trim(coalesce(o.note, '')) <> ''
      -- (not a placeholder: 无, 推进中, 正常推进 say nothing: EMPTY_NOTE_SQL, as the falling-figure check reads them)
      AND NOT (length(trim(o.note)) <= 10 AND regexp_full_match(trim(o.note), $1)) ORDER BY o.period DESC LIMIT 1) n ON true
    WHERE t.task_status IN ('overdue', 'lagging') AND p.progress_status IN ('overdue', 'lagging')
    ORDER BY p.policy_id, p.row_no, p.code, p.department_name`, [EMPTY_NOTE_SQL]),
  departments: await read(`SELECT policy_id, code, name, tasks_led, tasks_cooperated, led_behind, cooperated_behind, tasks_via_groups, pairs, pairs_done,
      pairs_lagging, pairs_overdue, pairs_not_reported, months_owed, months_returned, months_missing, months_late, reporting_rate, ${HAS_DEPARTMENT_PAGE} AS has_page
    FROM department_briefing WHERE tasks_led + tasks_cooperated + tasks_via_groups + pairs > 0
    ORDER BY policy_id, led_behind + cooperated_behind DESC, pairs_overdue + pairs_lagging DESC, months_missing DESC, name`),
}));
