-- Every rejected row of every loaded file, with its error code, Chinese message and raw value.
SELECT x.receipt_no, r.original_name AS file, r.received_at, x.source_row, x.column_name, x.code, x.message, x.value, x.raw_row
FROM raw.rejects x
JOIN raw.receipts r USING (receipt_no)
