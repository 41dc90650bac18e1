-- The months whose current figure says a department has finished a target: 已完成 (a milestone's or a quantity's;
-- a recurring duty's 已完成 is one round, never the duty), or a quantity's figure at or beyond its goal counted from
-- its baseline ((value − baseline) / (goal − baseline) ≥ 1, so a goal below the baseline is reached by going down to
-- it). A ceiling (targets.ceiling: 控制在…以内, or 降至… with no baseline) is kept, not reached: only its deadline judges it, so its figure within it from the deadline's month on
-- is when it is done; so is a rate (增长8%: targets.rate; not one over several years, targets.prorated, reached as an
-- increment is), reached by a figure at or beyond it from the deadline's
-- month to the end of its year (the rate to date of a later year is that year's). Their 已完成 likewise counts only
-- from the deadline's month (a ceiling kept or a rate reached before it says nothing of the deadline's figure); with
-- no deadline, the department's word is all there is; a standard to keep (targets.standing: a level with no deadline,
-- 办结率保持99%以上, 长期坚持) is never done, by its figure or by 已完成, and one with a deadline (保持100% by 2025) only
-- from the deadline's month, as a ceiling; nor is a count per period with no deadline
-- (每年开展2次: no goal to reach, its 已完成 the period's). One row per such figure; the first month before the month
-- judged is when the target was done (target_progress, reporting_calendar, the template). A figure in doubt (a tenfold
-- jump, an old file sent again, another department's figure: observations.figure_doubtful) finishes nothing; one
-- flagged for another reason (a report date unreadable, a fall) does.
SELECT o.policy_id, o.department_id, o.target_id, o.period
FROM observations o
JOIN targets t USING (target_id)
WHERE NOT (t.standing AND t.deadline IS NULL) AND ((o.status = 'done' AND t.kind <> 'recurring'
    -- (a count per period with no deadline, 每年开展2次 in a row of 每年: 已完成 is this period's, as a recurring duty's)
    AND NOT (t.kind = 'quantity' AND t.frequency IS NOT NULL AND t.goal IS NULL)
    AND NOT (t.kind = 'quantity' AND (t.ceiling OR (t.rate AND NOT t.prorated) OR t.standing) AND t.deadline IS NOT NULL
      AND o.period < strftime(t.deadline, '%Y-%m')))
  -- (a figure in doubt, observations.figure_doubtful, reaches nothing: 287 → 3270 for 450家 is likely a digit typed
  -- once too often; the department still owes the target and its next figure, or a corrected one, decides)
  OR (t.kind = 'quantity' AND o.value IS NOT NULL AND NOT o.figure_doubtful AND CASE
    -- (a level to keep to its deadline, 保持100%: met in the deadline's month or after)
    -- (met: at or beyond the level itself, whatever the baseline: 保持100% from a baseline of 100 is met at 100)
    WHEN t.standing THEN t.deadline IS NOT NULL AND o.period >= strftime(t.deadline, '%Y-%m')
      AND CASE WHEN t.baseline > t.goal THEN o.value <= t.goal ELSE o.value >= t.goal END
    WHEN t.ceiling THEN t.deadline IS NOT NULL AND o.period >= strftime(t.deadline, '%Y-%m') AND o.value <= t.goal
    -- (a rate to date of a later year is that year's: it says nothing of the deadline's)
    WHEN t.rate AND NOT t.prorated THEN t.deadline IS NOT NULL AND o.period >= strftime(t.deadline, '%Y-%m') AND o.period <= strftime(t.deadline, '%Y-12')
      AND o.value >= t.goal
    WHEN t.falls AND t.measure = 'level' THEN o.value <= t.goal
    ELSE (o.value - coalesce(t.baseline, 0)) / nullif(t.goal - coalesce(t.baseline, 0), 0) >= 1
  END))
