-- The current figure of each key (department, target, period) at the as-of date (reporting_rules): of the files
-- received by the end of that day that reported it, the one loaded last wins (files count in the order they are loaded,
-- as luoshi build replays them; a file loaded after one received later says so at load); a file received later is not known yet.
-- A falling cumulative figure (below the figure of the period before it, with no 进展情况; not for a ceiling, a goal
-- below its baseline or a level to come down to (targets.falls), which are meant to go down) is judged on these current
-- figures: the flag found at load time (raw.review_flags) holds while the figure it compared with stands; a figure
-- loaded later for the period before (a correction, or a late report) clears it when no longer above, and flags a
-- figure it leaves below. A figure that puts back what an older file said after a later one corrected it is flagged too.
-- So is a jump that looks like a digit typed once too often (287 → 3270 for 450家): a figure at least ten times the
-- one of the period before it (above 0) whose increase alone is at least the target's value (in force at the as-of
-- date: target_values); a note does not clear
-- it (the typo's own note often states the right figure), a corrected figure does. A load flags it in its summary by
-- the same rule and text (src/drops.ts); it is not stored: judged here on the current figures. Not for a rate (增长8%:
-- the rate to date, 0.5 % in January and 6 % in February, is no typo). So is a 完成状态 behind the latest earlier one
-- (已完成 in September, 推进中 in October: src/statusbacks.ts), except when it may go back (statusMayGoBack). A row that changed another
-- department's own figure in a file not that department's (src/overrides.ts) keeps the flag found at load time
-- (raw.review_flags, kind 'override') while it stands; so does a row of a file whose rows of one name go to two
-- departments of that name in different policies (two cities' 市经信局: src/twins.ts, kind 'twin').
WITH versions AS (
  SELECT o.*, r.original_name AS file, r.received_at,
    row_number() OVER (PARTITION BY o.department_id, o.target_id, o.period ORDER BY o.receipt_no DESC) AS back
  FROM raw.observations o
  JOIN raw.receipts r USING (receipt_no)
  WHERE r.received_at < (SELECT as_of FROM reporting_rules) + INTERVAL 1 DAY
), reverts AS (
  -- a current figure that repeats an older file's whole report (figure, 完成状态, 进展情况, 填报日期) after a later
  -- file had corrected it (src/reverts.ts, the same rule and text at load time): a copy of an old file sent again
  SELECT c.department_id, c.target_id, c.period,
    '与 ' || e.file || ' 所报相同，而该数已被 ' || p.file || ' 更正为 '
      || coalesce(nullif(concat_ws('、', regexp_replace(CAST(p.value AS VARCHAR), '\.0$', ''),
        CASE p.status WHEN 'not_started' THEN '未启动' WHEN 'in_progress' THEN '推进中' WHEN 'done' THEN '已完成' ELSE p.status END), ''), '空')
      || '：可能重发了旧文件；如确需恢复，请在进展情况中说明' AS revert_reason
  FROM versions c
  JOIN versions p ON p.department_id = c.department_id AND p.target_id = c.target_id AND p.period = c.period AND p.back = 2
  JOIN versions e ON e.department_id = c.department_id AND e.target_id = c.target_id AND e.period = c.period AND e.back > 2
  WHERE c.back = 1 AND (p.value IS DISTINCT FROM c.value OR p.status IS DISTINCT FROM c.status)
    -- (not when the file it replaced was received before the one put back: back-filled late, it corrected nothing)
    AND p.received_at >= e.received_at
    AND e.value IS NOT DISTINCT FROM c.value AND e.status IS NOT DISTINCT FROM c.status
    AND e.note IS NOT DISTINCT FROM c.note AND e.reported_at IS NOT DISTINCT FROM c.reported_at
  QUALIFY row_number() OVER (PARTITION BY c.department_id, c.target_id, c.period ORDER BY e.back) = 1
), current AS (
  SELECT
    t.policy_id, o.target_id, t.code, o.department_id, d.name AS department_name, o.period, o.value, o.status,
    o.note, o.reporter, o.reported_at, o.receipt_no, o.file, o.received_at, o.flagged AS row_flagged,
    o.flag_reason AS row_reason, rf.reason AS drop_reason, ro.reason AS override_reason, rv.revert_reason, t.kind AS target_kind, tv.value AS target_value, t.unit AS target_unit,
    -- (a ceiling, or a goal below its baseline, is meant to go down, and a rate to date goes up and down: no fall to
    -- flag; the targets view's rate and rises, stored in raw.targets by the build, as src/drops.ts reads them)
    t.rate AS target_rate, t.rises AS target_rises, tg.goal AS target_goal,
    count(*) OVER (PARTITION BY o.department_id, o.target_id, o.period) AS versions
  FROM versions o
  LEFT JOIN raw.review_flags rf ON rf.receipt_no = o.receipt_no AND rf.source_row = o.source_row AND rf.kind = 'fall'
  -- (another department's own figure changed, then rows of one name credited to two cities' departments: src/twins.ts)
  LEFT JOIN (SELECT receipt_no, source_row, string_agg(reason, '；' ORDER BY kind) AS reason FROM raw.review_flags WHERE kind IN ('override', 'twin') GROUP BY ALL) ro
    ON ro.receipt_no = o.receipt_no AND ro.source_row = o.source_row
  LEFT JOIN reverts rv ON rv.department_id = o.department_id AND rv.target_id = o.target_id AND rv.period = o.period
  JOIN raw.targets t ON t.target_id = o.target_id
  -- (the target's value in force at the as-of date, as a load's review reads it)
  JOIN target_values tv ON tv.target_id = o.target_id
  -- (its goal: the value, or for a count per period the value times the periods, as a load's review reads it)
  JOIN targets tg ON tg.target_id = o.target_id
  JOIN raw.departments d ON d.department_id = o.department_id
  QUALIFY o.back = 1
), judged AS (
  SELECT c.*,
    last_value(CASE WHEN value IS NOT NULL THEN period END IGNORE NULLS) OVER before AS previous_period,
    last_value(value IGNORE NULLS) OVER before AS previous_value,
    last_value(CASE WHEN value IS NOT NULL THEN receipt_no END IGNORE NULLS) OVER before AS previous_receipt,
    last_value(CASE WHEN value IS NOT NULL THEN versions END IGNORE NULLS) OVER before AS previous_versions,
    last_value(status IGNORE NULLS) OVER before AS previous_status,
    last_value(CASE WHEN status IS NOT NULL THEN period END IGNORE NULLS) OVER before AS previous_status_period
  FROM current c
  WINDOW before AS (PARTITION BY department_id, target_id ORDER BY period ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), falls AS (
  SELECT j.*,
    CASE
      -- (a note explains a fall when it gives a reason: 更正, 注销, 因… and is no placeholder — EXPLAINS_FALL_SQL of src/ingest/review.ts; and
      -- not one written before the figure it falls below was corrected: a month sent again, raised, after this row was
      -- loaded; a month first sent late is no correction, the note may well explain the fall from the one before)
      WHEN value IS NULL OR previous_value IS NULL OR value >= previous_value OR NOT target_rises
        OR (NOT (previous_receipt > receipt_no AND previous_versions > 1) AND (coalesce(note, '') <> '' AND NOT (length(note) <= 10 AND regexp_full_match(note, '(?i)^(?:[/／\\、xX×*＊.。·…]+|[-－—–─_＿~～]+|无|没有|空|略|同上|如上|见上|暂无|无说明|无变化|正常|不适用|推进中|进行中|正在推进|正常推进|正常推进中|有序推进|稳步推进|持续推进|按计划推进|按序时推进|进展顺利|进展良好|顺利|良好|已完成|未启动|n/?a|null|none)[。.]?$'))
    AND regexp_matches(regexp_replace(note, '因(地|企|村|户|人|业|城|时|材|需)(制宜|施策|施教|施治|而异)|因势利导|因此|因而|结构调整|调整优化|优化调整|由于[^，。；;,]*(积极|顺利|良好|加快|提升|增长|增加|较好|较快|到位|有力)', '', 'g'), '更正|修正|订正|纠正|调整|核销|核实|核查|核定|复核|审核|口径|剔除|扣除|下降|回落|降低|减|退|注销|吊销|迁|搬|关停|关闭|倒闭|停产|停业|破产|撤销|撤回|取消|重新|误|错|多报|多填|重复|原报|不再|不符|未通过|认定|清零|年初|新年度|季节|反弹|影响|因|由于|变化|变更|变动|合并|兼并|流失|离职|到期|整改|降级|摘牌|拆除|报废|淘汰|波动'))) THEN NULL
      WHEN drop_reason IS NOT NULL AND previous_receipt <= receipt_no THEN drop_reason
      ELSE '累计值 ' || regexp_replace(CAST(value AS VARCHAR), '\.0$', '') || coalesce(target_unit, '') || ' 低于此后载入的 ' || previous_period || ' 的 '
        || regexp_replace(CAST(previous_value AS VARCHAR), '\.0$', '') || coalesce(target_unit, '')
        || CASE WHEN previous_receipt > receipt_no AND coalesce(note, '') <> '' THEN '（本行的进展情况写于该数更正之前）：请核对哪一期有误，重报本月时在进展情况中说明' ELSE '，且进展情况未说明原因' END
    END AS fall_reason
  FROM judged j
), jumps AS (
  SELECT f.*,
    CASE WHEN target_kind = 'quantity' AND NOT target_rate AND target_value > 0 AND previous_value > 0 AND value >= 10 * previous_value AND value - previous_value >= target_value
      THEN '累计值 ' || regexp_replace(CAST(value AS VARCHAR), '\.0$', '') || coalesce(target_unit, '') || ' 是 ' || previous_period || ' 的 '
        || regexp_replace(CAST(previous_value AS VARCHAR), '\.0$', '') || coalesce(target_unit, '') || ' 的 10 倍以上，增加的部分已超过目标值 '
        || regexp_replace(CAST(target_value AS VARCHAR), '\.0$', '') || coalesce(target_unit, '') || '：是否多写了一位数？请核对'
    END AS jump_reason,
    -- a 完成状态 behind the latest earlier one (已完成, then 推进中), not for a recurring duty nor a figure not meant to
    -- rise (a ceiling, a rate, a standard to keep): the same rule and text as src/statusbacks.ts at load time
    -- (STATUS_MUST_NOT_GO_BACK_SQL, STATUS_ORDER, statusBackReason); a note does not clear it, a corrected month does
    CASE WHEN (target_kind = 'milestone' OR (target_kind = 'quantity' AND target_rises))
        AND list_position(['not_started', 'in_progress', 'done'], status) < list_position(['not_started', 'in_progress', 'done'], previous_status)
      THEN '完成状态由 ' || previous_status_period || ' 的“' || CASE previous_status WHEN 'not_started' THEN '未启动' WHEN 'in_progress' THEN '推进中' ELSE '已完成' END
        || '”退回为“' || CASE status WHEN 'not_started' THEN '未启动' WHEN 'in_progress' THEN '推进中' ELSE '已完成' END || '”：请核对哪一期有误，如此前误报请更正该月'
        || CASE WHEN previous_status = 'done' THEN '（报过“已完成”的指标不再列入报送模板，更正时用 luoshi template --all 生成含它的模板）' ELSE '' END
    END AS status_back_reason
  FROM falls f
)
SELECT
  policy_id, target_id, code, department_id, department_name, period, value, status,
  note, reporter, reported_at, receipt_no, file, received_at,
  row_flagged OR fall_reason IS NOT NULL OR revert_reason IS NOT NULL OR override_reason IS NOT NULL OR jump_reason IS NOT NULL OR status_back_reason IS NOT NULL AS flagged,
  -- (the reasons in the order of the load's summary: put back, falling, another department's own figure changed, the
  -- row's own, the jump, the status gone back)
  nullif(concat_ws('；', revert_reason, fall_reason, override_reason, row_reason, jump_reason, status_back_reason), '') AS flag_reason,
  -- (the figure itself in doubt: a digit typed once too often, an old file sent again, another department's figure
  -- changed or credited twice: it finishes nothing until confirmed, reached_periods)
  -- (and a figure ten times its goal or more, mostly a unit mistaken, 3000 亿元 for 3000 万元, unless its 进展情况 confirms
  -- it: CONFIRMS_HUGE_SQL and REVIEW_MULTIPLE of src/ingest/review.ts)
  coalesce(jump_reason IS NOT NULL OR revert_reason IS NOT NULL OR override_reason IS NOT NULL, false)
    OR coalesce(target_kind = 'quantity' AND NOT target_rate AND target_goal > 0 AND value >= 10 * target_goal
      AND NOT coalesce(regexp_matches(note, '超额|超出|超过目标|核实|属实|无误|经确认|确认(数据|数字|该数|此数|本数|无误|属实)|(数据|数字|该数|此数|本数)(已|均)?确认'), false), false) AS figure_doubtful,
  versions
FROM jumps
