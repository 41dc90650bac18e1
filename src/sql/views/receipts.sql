-- Every monthly file loaded and received by the end of the as-of date (reporting_rules), in arrival order, with what it did.
SELECT receipt_no, sha256, original_name, received_at, as_of, archive_name, encoding, format, sheet,
  rows_read, imported, updated, unchanged, rejected, flagged
FROM raw.receipts
WHERE received_at < (SELECT as_of FROM reporting_rules) + INTERVAL 1 DAY
