-- Reporting rules, in one place: reports for a month are due on day `due_day` of the next month (DHIS2's
-- "timely" threshold; on a weekend or holiday, the next working day: reporting_due_dates), judged by the archive's
-- receipt time. `as_of` is the date every status is judged at:
-- `SET VARIABLE as_of = DATE '2018-01-10'` (luoshi query --as-of), default today; likewise `reporting_due_day`.
SELECT
  coalesce(getvariable('as_of')::DATE, current_date) AS as_of,
  coalesce(getvariable('reporting_due_day')::INTEGER, 5) AS due_day
