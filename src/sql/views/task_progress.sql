-- Progress of each annex task at the as-of date (see reporting_rules), rolled up from target_progress: how many
-- (target, reporting department) pairs are done, on track, lagging behind the time-elapsed schedule, overdue or not
-- reported, with no deadline (no_deadline) or ongoing (recurring), done after the deadline's month (done_late), with
-- no report due yet (not_due), and the task's status, the worst of its pairs
-- (overdue > lagging > not_reported > no_deadline > on_track > not_due > ongoing > done_late > done). An on-track task
-- whose on-track pairs all wait for their deadline (awaiting_deadline_only) is 时限未到 on the pages; when all of those
-- deadlines have passed, the reports of their months not due yet (awaiting_report_only), 时限已过、待报送.
-- A task without a published quantified target is 'no_target'; its deadline is still judged (deadline_passed).
WITH rules AS (SELECT * FROM reporting_rules),
pairs AS (
  SELECT
    p.policy_id, p.row_no,
    count(DISTINCT p.target_id) AS targets,
    count(*) AS pairs,
    count(*) FILTER (WHERE p.progress_status = 'done') AS done,
    count(*) FILTER (WHERE p.progress_status = 'done_late') AS done_late,
    count(*) FILTER (WHERE p.progress_status = 'on_track') AS on_track,
    count(*) FILTER (WHERE p.progress_status = 'lagging') AS lagging,
    count(*) FILTER (WHERE p.progress_status = 'overdue') AS overdue,
    count(*) FILTER (WHERE p.progress_status = 'not_reported') AS not_reported,
    count(*) FILTER (WHERE p.progress_status = 'no_deadline') AS no_deadline,
    count(*) FILTER (WHERE p.progress_status = 'ongoing') AS ongoing,
    count(*) FILTER (WHERE p.progress_status = 'not_due') AS not_due,
    -- (of on_track: a milestone or one counted thing before its deadline, which no schedule judges: 时限未到)
    count(*) FILTER (WHERE p.awaiting_deadline) AS awaiting_deadline,
    -- (of those: the deadline passed, the report of its month not due yet: 时限已过、待报送)
    count(*) FILTER (WHERE p.awaiting_report) AS awaiting_report,
    max(p.elapsed - p.progress) FILTER (WHERE p.progress_status IN ('lagging', 'overdue')) AS worst_gap,
    max(CASE p.progress_status WHEN 'overdue' THEN 9 WHEN 'lagging' THEN 8 WHEN 'not_reported' THEN 7 WHEN 'no_deadline' THEN 6 WHEN 'on_track' THEN 5
      WHEN 'not_due' THEN 4 WHEN 'ongoing' THEN 3 WHEN 'done_late' THEN 2 ELSE 1 END) AS severity
  FROM target_progress p
  GROUP BY ALL
)
SELECT
  t.policy_id, t.task_id, t.row_no, t.item_label, t.title, t.lead_departments, t.coop_departments,
  t.deadline_text, t.deadline_date, rules.as_of,
  coalesce(t.deadline_date < rules.as_of, false) AS deadline_passed,
  coalesce(p.targets, 0) AS targets,
  coalesce(p.pairs, 0) AS pairs,
  coalesce(p.done, 0) AS done,
  coalesce(p.done_late, 0) AS done_late,
  coalesce(p.on_track, 0) AS on_track,
  coalesce(p.lagging, 0) AS lagging,
  coalesce(p.overdue, 0) AS overdue,
  coalesce(p.not_reported, 0) AS not_reported,
  coalesce(p.no_deadline, 0) AS no_deadline,
  coalesce(p.ongoing, 0) AS ongoing,
  coalesce(p.not_due, 0) AS not_due,
  coalesce(p.awaiting_deadline, 0) AS awaiting_deadline,
  coalesce(p.awaiting_report, 0) AS awaiting_report,
  round(p.worst_gap, 4) AS worst_gap,
  CASE p.severity WHEN 9 THEN 'overdue' WHEN 8 THEN 'lagging' WHEN 7 THEN 'not_reported' WHEN 6 THEN 'no_deadline' WHEN 5 THEN 'on_track'
    WHEN 4 THEN 'not_due' WHEN 3 THEN 'ongoing' WHEN 2 THEN 'done_late' WHEN 1 THEN 'done' ELSE 'no_target' END AS task_status,
  -- on track, and every on-track pair waits for its deadline (milestones, one counted thing): the pages say 时限未到
  coalesce(p.severity = 5 AND p.on_track = p.awaiting_deadline, false) AS awaiting_deadline_only,
  -- and all of them past their deadline, the report of its month not due yet: 时限已过、待报送
  coalesce(p.severity = 5 AND p.on_track = p.awaiting_report, false) AS awaiting_report_only
FROM tasks t
CROSS JOIN rules
LEFT JOIN pairs p ON p.policy_id = t.policy_id AND p.row_no = t.row_no
