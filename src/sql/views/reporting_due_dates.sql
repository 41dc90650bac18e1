-- When each month's report is due (reporting_rules): day due_day of the next month, or, when that day is a weekend
-- or a public holiday, the next working day (遇节假日顺延). Days off and weekend days worked instead (调休) come from
-- data/calendar.csv (raw.calendar); a weekend not listed there is a day off. Months from a year before the earliest
-- policy (or the as-of date) to the month after the as-of date.
WITH rules AS (SELECT * FROM reporting_rules),
months AS (
  SELECT strftime(m, '%Y-%m') AS period,
    CAST(date_trunc('month', m) + INTERVAL 1 MONTH + to_days(rules.due_day - 1) AS DATE) AS nominal_due
  FROM rules,
    (SELECT min(issued_date) AS first_issued FROM policies) p,
    generate_series(date_trunc('month', least(coalesce(p.first_issued, rules.as_of), rules.as_of)) - INTERVAL 12 MONTH,
      date_trunc('month', rules.as_of) + INTERVAL 1 MONTH, INTERVAL 1 MONTH) AS s(m)
)
SELECT m.period, m.nominal_due, w.due_date
FROM months m,
  LATERAL (
    SELECT CAST(min(g.d) AS DATE) AS due_date
    FROM generate_series(m.nominal_due, m.nominal_due + INTERVAL 31 DAY, INTERVAL 1 DAY) AS g(d)
    LEFT JOIN raw.calendar c ON c.date = CAST(g.d AS DATE)
    WHERE CASE c.kind WHEN 'workday' THEN true WHEN 'holiday' THEN false ELSE isodow(g.d) <= 5 END
  ) w
