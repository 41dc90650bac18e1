-- Every monthly file loaded, in arrival order, with what it did.
SELECT receipt_no, sha256, original_name, received_at, as_of, archive_name, encoding, format, sheet,
  rows_read, imported, updated, unchanged, rejected, flagged
FROM raw.receipts
