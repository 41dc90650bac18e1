-- The value of each target in force at the as-of date (reporting_rules: SET VARIABLE as_of, default today): the latest
-- adjustment (target_adjustments.csv) effective by then, else the published one. An adjustment of the upper bound alone
-- keeps the value; a new value alone drops the bound. Whatever judges a figure against its target reads it here, so
-- that all agree at one date: the targets view (and through it progress, the calendar, the template), the observations
-- view's jumps, and a load's review (src/drops.ts, the ingest reference of src/monthly.ts: at the file's as-of date).
SELECT g.policy_id, g.target_id, g.code,
  coalesce(a.value, g.value) AS value,
  CASE WHEN a.value_max IS NOT NULL THEN a.value_max WHEN a.value IS NOT NULL THEN NULL ELSE g.value_max END AS value_max,
  g.value AS published_value, g.value_max AS published_value_max, a.effective_date AS adjusted_from
FROM raw.targets g
LEFT JOIN (
  SELECT target_id, value, value_max, effective_date FROM raw.target_adjustments
  WHERE effective_date <= coalesce(getvariable('as_of')::DATE, current_date)
  QUALIFY row_number() OVER (PARTITION BY target_id ORDER BY effective_date DESC, seq DESC) = 1
) a USING (target_id)
