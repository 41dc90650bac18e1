-- Raw tables: the resolved task table as loaded and validated by src/tasktable.ts.
-- Analysts query the views in src/sql/views/, never these tables directly.
CREATE SCHEMA IF NOT EXISTS raw;
CREATE TABLE raw.policies (
  policy_id VARCHAR PRIMARY KEY, title VARCHAR NOT NULL, doc_number VARCHAR, issuer VARCHAR,
  issued_date DATE NOT NULL, published_date DATE, source_file VARCHAR, source_sha256 VARCHAR,
  annex_title VARCHAR, target_prefix VARCHAR NOT NULL, note VARCHAR, input_sha256 VARCHAR NOT NULL, end_date DATE
);
CREATE TABLE raw.chapters (
  policy_id VARCHAR NOT NULL, chapter_id VARCHAR PRIMARY KEY, chapter_no INTEGER NOT NULL, title VARCHAR NOT NULL, source_line VARCHAR
);
CREATE TABLE raw.items (
  policy_id VARCHAR NOT NULL, item_id VARCHAR PRIMARY KEY, item_no INTEGER NOT NULL, item_label VARCHAR NOT NULL,
  chapter_id VARCHAR NOT NULL, title VARCHAR NOT NULL, body_text VARCHAR, body_text_verbatim VARCHAR,
  body_departments_text VARCHAR, source_lines VARCHAR
);
CREATE TABLE raw.tasks (
  policy_id VARCHAR NOT NULL, task_id VARCHAR PRIMARY KEY, row_no INTEGER NOT NULL, item_id VARCHAR NOT NULL,
  title VARCHAR, content VARCHAR NOT NULL, content_verbatim VARCHAR, seq_cell VARCHAR, chapter_cell VARCHAR, title_cell VARCHAR,
  lead_departments_text VARCHAR, coop_departments_text VARCHAR, lead_persons_text VARCHAR, coop_persons_text VARCHAR,
  deadline_text VARCHAR, deadline_date DATE, deadline_rule VARCHAR NOT NULL, source_line VARCHAR,
  -- a duty the deadline phrase keeps up after its date (6月底前建立，每季度发布: recurring; 年内完成，长期坚持: ongoing)
  deadline_continues VARCHAR
);
CREATE TABLE raw.corrections (
  policy_id VARCHAR NOT NULL, task_id VARCHAR NOT NULL, row_no INTEGER NOT NULL, field VARCHAR NOT NULL,
  verbatim VARCHAR, corrected VARCHAR, kind VARCHAR NOT NULL, source VARCHAR, note VARCHAR
);
CREATE TABLE raw.departments (
  policy_id VARCHAR NOT NULL, department_id VARCHAR PRIMARY KEY, code VARCHAR NOT NULL, name VARCHAR NOT NULL,
  full_name VARCHAR, kind VARCHAR NOT NULL, is_group BOOLEAN NOT NULL, in_document BOOLEAN NOT NULL, note VARCHAR
);
CREATE TABLE raw.department_aliases (policy_id VARCHAR NOT NULL, department_id VARCHAR NOT NULL, alias VARCHAR NOT NULL);
CREATE TABLE raw.group_members (
  policy_id VARCHAR NOT NULL, group_id VARCHAR NOT NULL, member_id VARCHAR NOT NULL, status VARCHAR NOT NULL, note VARCHAR
);
CREATE TABLE raw.persons (
  policy_id VARCHAR NOT NULL, person_id VARCHAR PRIMARY KEY, code VARCHAR NOT NULL, name VARCHAR NOT NULL,
  department_id VARCHAR, status VARCHAR NOT NULL, basis VARCHAR, note VARCHAR
);
CREATE TABLE raw.task_departments (
  policy_id VARCHAR NOT NULL, task_id VARCHAR NOT NULL, department_id VARCHAR NOT NULL, role VARCHAR NOT NULL,
  source VARCHAR NOT NULL, mention VARCHAR, position INTEGER, accountable BOOLEAN NOT NULL
);
CREATE TABLE raw.item_departments (
  policy_id VARCHAR NOT NULL, item_id VARCHAR NOT NULL, department_id VARCHAR NOT NULL, role VARCHAR NOT NULL,
  mention VARCHAR, position INTEGER
);
CREATE TABLE raw.task_persons (
  policy_id VARCHAR NOT NULL, task_id VARCHAR NOT NULL, person_id VARCHAR NOT NULL, role VARCHAR NOT NULL,
  position INTEGER, mention VARCHAR
);
-- The working-day calendar (data/calendar.csv, src/calendar.ts): holidays and weekend days worked instead.
CREATE TABLE raw.calendar (date DATE PRIMARY KEY, kind VARCHAR NOT NULL, name VARCHAR);
-- The unit table of the target parser (src/targets/units.ts), written at build: a unit's category (count, money,
-- percent, …) for the views (a target of one counted thing is judged at its deadline only: target_progress).
CREATE TABLE raw.units (unit VARCHAR PRIMARY KEY, category VARCHAR NOT NULL, base_unit VARCHAR NOT NULL, factor DOUBLE NOT NULL);
CREATE TABLE raw.build_info (built_at TIMESTAMP NOT NULL, luoshi_version VARCHAR, policies INTEGER, schema_sha256 VARCHAR NOT NULL);
-- Network metrics that SQL does not compute well (betweenness, communities): computed at build time by
-- src/network.ts from the department_edges view, one row per department of each policy.
CREATE TABLE raw.department_network_metrics (
  policy_id VARCHAR NOT NULL, department_id VARCHAR NOT NULL, betweenness DOUBLE NOT NULL,
  betweenness_normalized DOUBLE NOT NULL, community INTEGER NOT NULL
);
-- The target registry (data/policies/<policy>/targets.csv) and its adjustments.
CREATE TABLE raw.targets (
  policy_id VARCHAR NOT NULL, target_id VARCHAR PRIMARY KEY, code VARCHAR NOT NULL, status VARCHAR NOT NULL,
  task_id VARCHAR NOT NULL, item_id VARCHAR NOT NULL, row_no INTEGER NOT NULL, kind VARCHAR NOT NULL, comparator VARCHAR,
  value DOUBLE, value_max DOUBLE, unit VARCHAR, base_unit VARCHAR, value_base DOUBLE, measure VARCHAR,
  horizon_text VARCHAR, deadline DATE, subject VARCHAR NOT NULL, frequency VARCHAR, attributes VARCHAR,
  counting_start DATE, baseline DOUBLE, reporting_override BOOLEAN NOT NULL,
  annex_text VARCHAR, annex_start INTEGER, annex_end INTEGER, body_source VARCHAR, body_text VARCHAR,
  body_start INTEGER, body_end INTEGER, note VARCHAR,
  -- the targets view's falls (a figure meant to go down), rate (增长8%) and rises (a fall is asked about), stored by the
  -- build once the views exist (storeTargetTrends, src/drops.ts) for what reads raw.targets when a file is loaded
  falls BOOLEAN, rate BOOLEAN, rises BOOLEAN
);
CREATE TABLE raw.target_reporters (policy_id VARCHAR NOT NULL, target_id VARCHAR NOT NULL, department_id VARCHAR NOT NULL, position INTEGER);
CREATE TABLE raw.target_adjustments (
  policy_id VARCHAR NOT NULL, target_id VARCHAR NOT NULL, code VARCHAR NOT NULL, seq INTEGER NOT NULL,
  value DOUBLE, value_max DOUBLE, effective_date DATE NOT NULL, reason VARCHAR NOT NULL
);
-- Body-vs-annex differences, computed at build time by src/reconcile.ts.
CREATE TABLE raw.discrepancies (
  policy_id VARCHAR NOT NULL, seq INTEGER NOT NULL, item_id VARCHAR NOT NULL, task_id VARCHAR, field VARCHAR NOT NULL,
  kind VARCHAR NOT NULL, body_text VARCHAR, annex_text VARCHAR, segments VARCHAR
);
-- Monthly reports: one receipt per file loaded (in arrival order), the figures it changed, and its rejected rows.
CREATE TABLE raw.receipts (
  receipt_no INTEGER PRIMARY KEY, sha256 VARCHAR NOT NULL, original_name VARCHAR NOT NULL, received_at TIMESTAMP NOT NULL,
  as_of DATE NOT NULL, archive_name VARCHAR, encoding VARCHAR, format VARCHAR, sheet VARCHAR, rows_read INTEGER NOT NULL,
  imported INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL, rejected INTEGER NOT NULL, flagged INTEGER NOT NULL,
  -- one load per file, and per sheet of a workbook (a CSV's sheet is NULL: loadMonthlyFile refuses its bytes twice)
  UNIQUE (sha256, sheet)
);
-- (policy_id and code are the target's: the views take them from raw.targets)
CREATE TABLE raw.observations (
  receipt_no INTEGER NOT NULL, target_id VARCHAR NOT NULL, department_id VARCHAR NOT NULL, period VARCHAR NOT NULL, value DOUBLE, status VARCHAR, note VARCHAR, reporter VARCHAR,
  reported_at VARCHAR, source_row INTEGER NOT NULL, reported_value VARCHAR, flagged BOOLEAN NOT NULL, flag_reason VARCHAR
);
-- Review reasons found once all of a file's rows are stored (a cumulative figure below the period before it,
-- src/drops.ts): appended, not written into raw.observations (an UPDATE there makes the COMMIT rewrite the file's rows).
-- The views join them to their row: the reason comes before the row's own flag_reason.
-- kind: 'fall' (src/drops.ts), or 'override' (another department's own figure changed by a file not its own,
-- src/overrides.ts); the views put a fall's reason first.
CREATE TABLE raw.review_flags (receipt_no INTEGER NOT NULL, source_row INTEGER NOT NULL, reason VARCHAR NOT NULL, kind VARCHAR NOT NULL, UNIQUE (receipt_no, source_row, kind));
-- What a monthly file is checked against (published targets, reporters, department names), packed by
-- storeIngestReference (src/monthly.ts) at build: only a build changes them.
CREATE TABLE raw.ingest_reference (part VARCHAR PRIMARY KEY, packed VARCHAR, unsafe BOOLEAN NOT NULL, row_count INTEGER NOT NULL);
-- (department_id, target_id, period: the key the row was meant for, when readable and the department reports the
-- target, so that the reporting calendar tells a month sent back from a month never sent; without a department's
-- key, target_id and period alone when the row names both readably, department_id null)
CREATE TABLE raw.rejects (
  receipt_no INTEGER NOT NULL, source_row INTEGER, column_name VARCHAR, code VARCHAR NOT NULL, message VARCHAR NOT NULL,
  value VARCHAR, raw_row VARCHAR, department_id VARCHAR, target_id VARCHAR, period VARCHAR
);
