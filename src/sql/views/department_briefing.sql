-- Each department at the as-of date, for the supervision briefing (督查通报): the tasks it answers for as lead or
-- cooperating department (accountable assignments, as in department_workload)
-- and how many of them are behind (task_progress: lagging or overdue), the (target, department) pairs it reports and
-- their status (target_progress), and its reporting record (reporting_rates).
WITH behind AS (
  SELECT d.department_id,
    count(DISTINCT d.task_id) FILTER (WHERE d.role = 'lead') AS tasks_led,
    count(DISTINCT d.task_id) FILTER (WHERE d.role = 'coop') AS tasks_cooperated,
    count(DISTINCT d.task_id) FILTER (WHERE d.role = 'lead' AND tp.task_status IN ('lagging', 'overdue')) AS led_behind,
    count(DISTINCT d.task_id) FILTER (WHERE d.role = 'coop' AND tp.task_status IN ('lagging', 'overdue')) AS cooperated_behind
  FROM task_departments d
  JOIN task_progress tp USING (task_id)
  WHERE d.accountable
  GROUP BY ALL
),
-- the tasks a group the department belongs to (各镇) answers for: each member's share of the work, counted once for
-- the group in tasks_led and tasks_cooperated
via AS (
  SELECT m.member_id AS department_id, count(DISTINCT d.task_id) AS tasks_via_groups
  FROM group_members m JOIN task_departments d ON d.department_id = m.group_id
  WHERE d.accountable
  GROUP BY ALL
),
reported AS (
  SELECT department_id,
    count(*) AS pairs,
    count(*) FILTER (WHERE progress_status = 'done') AS done,
    count(*) FILTER (WHERE progress_status = 'done_late') AS done_late,
    count(*) FILTER (WHERE progress_status = 'lagging') AS lagging,
    count(*) FILTER (WHERE progress_status = 'overdue') AS overdue,
    count(*) FILTER (WHERE progress_status = 'not_reported') AS not_reported
  FROM target_progress
  GROUP BY ALL
)
SELECT
  dep.policy_id, dep.department_id, dep.code, dep.name, dep.kind, dep.is_group,
  coalesce(b.tasks_led, 0) AS tasks_led,
  coalesce(b.tasks_cooperated, 0) AS tasks_cooperated,
  coalesce(b.led_behind, 0) AS led_behind,
  coalesce(b.cooperated_behind, 0) AS cooperated_behind,
  coalesce(v.tasks_via_groups, 0) AS tasks_via_groups,
  coalesce(r.pairs, 0) AS pairs,
  coalesce(r.done, 0) AS pairs_done,
  coalesce(r.done_late, 0) AS pairs_done_late,
  coalesce(r.lagging, 0) AS pairs_lagging,
  coalesce(r.overdue, 0) AS pairs_overdue,
  coalesce(r.not_reported, 0) AS pairs_not_reported,
  coalesce(rr.months_owed, 0) AS months_owed,
  coalesce(rr.months_returned, 0) AS months_returned,
  coalesce(rr.months_missing, 0) AS months_missing,
  coalesce(rr.months_late, 0) AS months_late,
  rr.reporting_rate
FROM departments dep
LEFT JOIN behind b USING (department_id)
LEFT JOIN via v USING (department_id)
LEFT JOIN reported r USING (department_id)
LEFT JOIN reporting_rates rr USING (department_id)
