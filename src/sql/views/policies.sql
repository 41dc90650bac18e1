-- One row per policy in the warehouse.
SELECT
  p.policy_id, p.title, p.doc_number, p.issuer, p.issued_date, p.published_date, p.end_date, p.annex_title, p.target_prefix,
  p.source_file, p.source_sha256, p.input_sha256, p.note,
  (SELECT count(*) FROM raw.chapters c WHERE c.policy_id = p.policy_id) AS chapter_count,
  (SELECT count(*) FROM raw.items i WHERE i.policy_id = p.policy_id) AS item_count,
  (SELECT count(*) FROM raw.tasks t WHERE t.policy_id = p.policy_id) AS task_count
FROM raw.policies p
