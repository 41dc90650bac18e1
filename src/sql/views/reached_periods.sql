-- The months whose current figure says a department has finished a target: 已完成 (a milestone's or a quantity's;
-- a recurring duty's 已完成 is one round, never the duty), or a quantity's figure at or beyond its goal counted from
-- its baseline ((value − baseline) / (goal − baseline) ≥ 1, so a goal below the baseline is reached by going down to
-- it). A ceiling (at_most) is never reached by a figure: only its deadline judges it. One row per such figure; the
-- first month before the month judged is when the target was done (target_progress, reporting_calendar, the template).
SELECT o.policy_id, o.department_id, o.target_id, o.period
FROM observations o
JOIN targets t USING (target_id)
WHERE (o.status = 'done' AND t.kind <> 'recurring')
  OR (t.kind = 'quantity' AND coalesce(t.comparator, '') <> 'at_most' AND o.value IS NOT NULL
    AND (o.value - coalesce(t.baseline, 0)) / nullif(t.goal - coalesce(t.baseline, 0), 0) >= 1)
