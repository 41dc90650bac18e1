-- Progress of each target and reporting department at the as-of date (see reporting_rules): the latest figure
-- reported for a period up to the as-of month (figure_period; a later row with a status alone does not hide it), the share of the target's goal reached (a count per period: its
-- goal over all the periods to the deadline, see targets), and the time-elapsed schedule (序时进度) from the counting
-- start to the deadline (a quantity's share; a milestone is done or not, and only its deadline judges it).
-- The schedule is taken at the end of the period the figure is compared for (schedule_date): the last month whose
-- report is due by the as-of date (reporting_due_dates), or a later month the department has reported already,
-- never after the as-of date. A figure for September is measured against the schedule at 30 September, not at the
-- day it is read.
-- Status: done (reached, or 已完成, by the deadline's month), done_late (reached in a month after the deadline's),
-- overdue (deadline passed, not done, and the report of the deadline's month due or in), lagging (progress more than
-- 10 points behind the schedule, or a count per period short of the periods ended by 10 points of one period's value;
-- a recurring activity not reported lately), on_track, not_reported (no report yet,
-- one due), not_due (no report yet, none due: its first month's report is not due by the as-of date); and the two no
-- schedule can judge: ongoing (a recurring activity reported lately, up to the month before the last one due: it has
-- no end to reach; once its term is over and it was reported through it, done) and no_deadline (reported, not done,
-- no deadline to measure the time elapsed against; a standard to keep, targets.standing, is on track while its latest
-- figure meets it and lagging while it does not). Done is for good: once reached (reached_periods), a later month
-- reporting less does not undo it (the reporting calendar no longer asks for the target).
-- A level to come down to (降至0.5吨标煤, targets.falls) from a baseline: its share of the way down.
-- A ceiling (targets.ceiling: 控制在…以内, or 降至… with no baseline) has no share: under it, on track (done once the deadline is judged;
-- done late when first under it after the deadline's month; done for good once under it from that month on);
-- over a cap (控制在…以内), lagging, unless its deadline falls in a later year than the figure; over such a cap, or over
-- a level to come down to by its deadline (降至35 with no baseline), on track and awaiting its deadline (时限未到: the
-- way down cannot be measured); overdue once judged. A rate (增长8%, 下降3%: targets.rate) likewise, the other way: at or beyond
-- it, on track (done once the deadline is judged); short of it, lagging (overdue once judged); a rate over several years
-- (targets.prorated: 比2018年下降15% by 2020) has a share of the way, against the schedule. A goal of one whole thing (1个, 1次, 1轮: not a percentage or an amount of
-- money) cannot be a share of the schedule either: like a milestone, only its deadline judges it.
-- awaiting_deadline: on track, and judged only at the deadline (a milestone, one counted thing, a level to come down to
-- with no baseline or a cap due in a later year still above it), that is once the
-- report of the deadline's month is due: the pages say 时限未到, not 正常, and show no schedule beside it;
-- awaiting_report: of those, the deadline passed, the report of its month not due yet (时限已过、待报送).
WITH rules AS (
  SELECT *, (SELECT max(period) FROM reporting_due_dates d WHERE d.due_date <= r.as_of) AS due_period FROM reporting_rules r
),
figures AS (
  SELECT o.department_id, o.target_id, o.period, o.value, o.status, o.received_at, o.flagged, o.flag_reason
  FROM observations o, rules
  WHERE o.period <= strftime(rules.as_of, '%Y-%m')
),
latest AS (
  SELECT * FROM figures
  QUALIFY row_number() OVER (PARTITION BY department_id, target_id ORDER BY period DESC) = 1
),
-- the latest figure: a later row with a status alone (推进中) says how the work goes, not that the figure is gone, and
-- must not hide a figure behind the schedule
latest_figure AS (
  SELECT department_id, target_id, period, value, flagged, flag_reason FROM figures WHERE value IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY department_id, target_id ORDER BY period DESC) = 1
),
-- the first month whose figure reached the goal or said 已完成 (reached_periods), up to the as-of month
reached AS (
  SELECT p.department_id, p.target_id, min(p.period) AS done_period
  FROM reached_periods p, rules
  WHERE p.period <= strftime(rules.as_of, '%Y-%m')
  GROUP BY ALL
),
base AS (
  SELECT
    t.policy_id, t.target_id, t.code, t.row_no, t.item_label, t.kind, t.comparator, t.value AS target_value, t.value_max, t.unit, t.frequency, t.goal,
    t.measure, t.falls, t.rate, t.prorated, t.ceiling, t.standing, t.period_months, t.subject, t.deadline, t.counting_start, t.baseline, r.department_id, r.department_name, r.via_group,
    l.period AS latest_period, f.value AS latest_value, f.period AS figure_period, l.status AS latest_status, l.received_at, rules.as_of, rules.due_period,
    -- (the latest figure flagged for review, observations.flagged: the pages say so beside it and its status)
    coalesce(f.flagged, false) AS figure_flagged, f.flag_reason AS figure_flag_reason,
    d.done_period, sd.schedule_date,
    -- a ceiling whose figure above it says nothing final yet, so that only its deadline judges it (on track until then):
    -- a level to come down to with no baseline (降至35), and a cap whose deadline falls in a later year than the figure
    -- (到2024年城乡居民收入比控制在1.8以内, 1.84 in 2022: a level still to bring down). In its deadline's year a cap
    -- exceeded is exceeded (超过上限): a year's total still growing, a limit of time to keep to.
    -- (not a cap of an increase, 新增建设用地控制在500亩以内: its running total never comes down)
    -- (nor a cap the text says to keep, 失业率保持在3.5%以内: above it, it is not kept)
    coalesce(t.ceiling AND t.deadline IS NOT NULL AND t.measure = 'level'
      AND (t.falls OR (year(t.deadline) > CAST(left(f.period, 4) AS INTEGER) AND NOT t.kept)), false) AS ceiling_waits,
    -- the first month owed: from the policy's month, or the target's counting start if later (reporting_calendar)
    greatest(strftime(pol.issued_date, '%Y-%m'), strftime(t.counting_start, '%Y-%m')) AS first_period,
    -- (a duty of each quarter, half-year or year, period_months, is owed in the months its periods end, as the
    -- reporting calendar has it: its first such month, and its last on or before its deadline)
    CASE WHEN t.kind = 'recurring' THEN least(coalesce(t.period_months, 1), 12) ELSE 1 END AS owed_every,
    -- the deadline has passed and the report of its month is due (or in): done or overdue from now on
    coalesce(t.deadline < rules.as_of AND (rules.due_period >= strftime(t.deadline, '%Y-%m') OR l.period >= strftime(t.deadline, '%Y-%m')), false) AS deadline_judged,
    -- one counted thing (1个, 1次, 1轮): no share of it, judged at its deadline; not 提高0.2个百分点 nor 1公里
    -- (the way's length either way: 650 down to 450 is 200 things, not one)
    t.kind = 'quantity' AND abs(t.goal - coalesce(t.baseline, 0)) <= 1 AND t.unit IN (SELECT unit FROM raw.units WHERE category = 'count') AS indivisible,
    -- the periods a count per period adds up over (its goal is its value times them; see targets), and those ended by
    -- the schedule's date
    CASE WHEN t.kind = 'quantity' AND t.measure = 'increment' AND t.period_months IS NOT NULL AND coalesce(t.unit, '') <> '%' AND t.value > 0
      THEN t.goal / t.value END AS periods,
    least(periods, date_diff('month', t.counting_start, sd.schedule_date + INTERVAL 1 DAY) // t.period_months) AS periods_ended,
    CASE
      WHEN t.deadline IS NULL THEN NULL
      ELSE greatest(0, least(1, date_diff('day', t.counting_start, sd.schedule_date) / greatest(1, date_diff('day', t.counting_start, t.deadline))))
    END AS elapsed,
    CASE
      -- a milestone is done or not: 推进中 is no share of it, so it is judged at its deadline, not against the schedule
      WHEN t.kind = 'milestone' THEN CASE l.status WHEN 'done' THEN 1.0 END
      WHEN t.ceiling OR (t.rate AND NOT t.prorated) THEN NULL
      WHEN t.kind = 'quantity' AND t.goal IS NOT NULL AND f.value IS NOT NULL THEN
        (f.value - coalesce(t.baseline, 0)) / nullif(t.goal - coalesce(t.baseline, 0), 0)
    END AS progress
  FROM targets t
  JOIN policies pol USING (policy_id)
  JOIN target_reporters r USING (target_id)
  CROSS JOIN rules
  LEFT JOIN latest l ON l.department_id = r.department_id AND l.target_id = t.target_id
  LEFT JOIN latest_figure f ON f.department_id = r.department_id AND f.target_id = t.target_id
  LEFT JOIN reached d ON d.department_id = r.department_id AND d.target_id = t.target_id
  CROSS JOIN LATERAL (
    SELECT least(rules.as_of, last_day(CAST(greatest(rules.due_period, l.period) || '-01' AS DATE))) AS schedule_date
  ) sd
  WHERE t.status = 'published'
),
judged AS (
SELECT
  *,
  CASE
    WHEN kind = 'quantity' AND ceiling AND latest_value IS NOT NULL THEN
      CASE
        -- kept under it from its deadline's month (reached_periods): done for good, late when first in a later month
        WHEN done_period IS NOT NULL THEN CASE WHEN done_period > strftime(deadline, '%Y-%m') THEN 'done_late' ELSE 'done' END
        WHEN deadline_judged THEN CASE WHEN latest_value <= goal THEN 'done' ELSE 'overdue' END
        -- (above a level to come down to by the deadline, 降至35 with no baseline to measure the way from, or above a
        -- cap due in a later year: only the deadline judges it, on track until then, awaiting_deadline; above a cap,
        -- 控制在…以内, in its deadline's year, it is exceeded already)
        WHEN latest_value > goal AND NOT ceiling_waits THEN 'lagging'
        -- (a ceiling to keep, 控制在…以内 in a row of 长期坚持, targets.standing: under it, on track)
        WHEN deadline IS NULL AND NOT standing THEN 'no_deadline'
        ELSE 'on_track'
      END
    -- a rate to date (增长8%) is the year's only at the deadline: the same, the other way (a figure at or beyond it
    -- from the deadline's month on is its done_period; one before that month judges nothing once the deadline is)
    WHEN kind = 'quantity' AND rate AND NOT prorated AND latest_value IS NOT NULL THEN
      CASE
        WHEN done_period IS NOT NULL THEN CASE WHEN deadline IS NOT NULL AND done_period > strftime(deadline, '%Y-%m') THEN 'done_late' ELSE 'done' END
        WHEN deadline_judged THEN 'overdue'
        WHEN latest_value < goal THEN 'lagging'
        WHEN deadline IS NULL THEN 'no_deadline'
        ELSE 'on_track'
      END
    -- a recurring duty's 已完成 says this period's round is done, never the duty: it is judged by how lately it is reported
    -- done once reached (reached_periods: the first month whose figure reached the goal or said 已完成, which the
    -- latest figure or status reaching it implies), as the reporting calendar and the template have it, even if a
    -- later month reports less
    -- a standard to keep (targets.standing: a level with no deadline, 长期坚持): never done; the latest figure meets it
    -- (on track) or falls short of it (lagging), month after month
    -- (one with a deadline, 保持100% by 2025: likewise up to its deadline; met then, done; not, overdue)
    -- (met: at or beyond the level itself, whatever the baseline, as reached_periods has it)
    WHEN kind = 'quantity' AND standing AND done_period IS NULL AND NOT deadline_judged AND latest_value IS NOT NULL AND goal IS NOT NULL
      THEN CASE WHEN (CASE WHEN baseline > goal THEN latest_value <= goal ELSE latest_value >= goal END) THEN 'on_track' ELSE 'lagging' END
    WHEN done_period IS NOT NULL THEN
      CASE WHEN deadline IS NOT NULL AND done_period > strftime(deadline, '%Y-%m') THEN 'done_late' ELSE 'done' END
    -- a recurring duty whose term is over, reported through its last month owed: done
    WHEN kind = 'recurring' AND deadline IS NOT NULL AND as_of > deadline AND latest_period >= last_owed THEN 'done'
    -- reported lately: through its deadline month, or (before it) up to a month short of the last month due; a duty
    -- of each quarter, half-year or year (period_months) up to the last such period ending by then (每季度: at
    -- 2019-09-10, with August due, the second quarter's report, 2019-06)
    WHEN kind = 'recurring'
      AND latest_period >= least(coalesce(last_owed, '9999-12'),
        coalesce(strftime(CAST(due_period || '-01' AS DATE) - INTERVAL 1 MONTH
          - to_months(month(CAST(due_period || '-01' AS DATE) - INTERVAL 1 MONTH) % owed_every), '%Y-%m'), '0000-00')) THEN 'ongoing'
    -- overdue once the report of the deadline's month is due (or in): before that, the schedule judges it
    WHEN deadline_judged THEN 'overdue'
    -- nothing reported, and no report due yet: the first month owed is not due (a target counted from next year)
    WHEN latest_period IS NULL AND latest_status IS NULL AND (due_period IS NULL OR due_period < first_owed) THEN 'not_due'
    WHEN latest_period IS NULL AND latest_status IS NULL THEN 'not_reported'
    -- a recurring duty not reported lately (above): behind, whatever its deadline
    WHEN kind = 'recurring' THEN 'lagging'
    WHEN deadline IS NULL THEN 'no_deadline'
    -- 落后 10 个百分点及以上 (以上 includes its number), on the whole percentages the pages show (73% against 83% lags)
    WHEN progress IS NOT NULL AND elapsed IS NOT NULL AND round(progress * 100) <= round(elapsed * 100) - 10 AND NOT indivisible THEN 'lagging'
    -- a count per period (每年培训1000人次 to 3000 in three years) lags once short of the periods ended by 10 points of
    -- one period's value: 900 when its first year has ended lags, though 30% of the whole stands within 10 points of a
    -- 33% schedule; within a period only the schedule of the whole judges it (a quarter's 2台 come at the quarter's end)
    WHEN progress IS NOT NULL AND periods > 1 AND periods_ended > 0 AND NOT indivisible
      AND round(progress * periods * 100) <= periods_ended * 100 - 10 THEN 'lagging'
    ELSE 'on_track'
  END AS progress_status
FROM (SELECT *,
    strftime(deadline - to_months(month(deadline) % owed_every), '%Y-%m') AS last_owed,
    strftime(CAST(first_period || '-01' AS DATE) + to_months((owed_every - month(CAST(first_period || '-01' AS DATE)) % owed_every) % owed_every), '%Y-%m') AS first_owed
  FROM base)
)
SELECT * EXCLUDE (awaiting, ceiling_waits, owed_every, last_owed, first_owed, periods, periods_ended), awaiting AS awaiting_deadline, awaiting AND coalesce(deadline < as_of, false) AS awaiting_report
FROM judged,
  -- (judged at the deadline only: a milestone, one counted thing, or a level to come down to with no baseline still
  -- above it, see the ceiling's status above)
  LATERAL (SELECT progress_status = 'on_track' AND (kind = 'milestone' OR indivisible
    OR coalesce(kind = 'quantity' AND ceiling_waits AND latest_value > goal, false)) AS awaiting)
