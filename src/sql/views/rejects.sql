-- Every rejected row of every file loaded and received by the end of the as-of date (reporting_rules), with its error
-- code, Chinese message and raw value.
SELECT x.receipt_no, r.original_name AS file, r.received_at, x.source_row, x.column_name, x.code, x.message, x.value, x.raw_row
FROM raw.rejects x
JOIN raw.receipts r USING (receipt_no)
WHERE r.received_at < (SELECT as_of FROM reporting_rules) + INTERVAL 1 DAY
