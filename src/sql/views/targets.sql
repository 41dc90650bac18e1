-- The target registry: one row per published target code, with its source sentences, deadline, reporters and adjustments.
-- value, value_max (and goal): those in force at the as-of date (target_values: the latest adjustment of
-- target_adjustments.csv effective by then, else the published ones, published_value and published_value_max).
-- deadline: the target's own horizon (三年内 …) or else its row's deadline (not for a recurring target, nor a level in
-- %, whose row's deadline phrase keeps a duty up after its date: 6月底前建立，每季度发布; 6月底前建立，长期坚持); for a
-- duty of every period with neither (每年新增3000户 in a row of 每年), or a count or milestone with neither, the end of
-- the policy's term (policies.end_date), if given. Adjustments are listed, oldest first.
-- goal: what the cumulative figure must reach by the deadline: the value, or for a count per period (每年新增企业10家,
-- 每季度举办2期) the value times the periods from the counting start to the deadline (NULL without a deadline); a
-- rate's is its value (年均增长10%: each year's growth, not 30% over three years).
-- rate: a rate of change (增长8%, 下降3%: an increment in %): the figure is the rate to date, which goes up and down
-- and is no share of the way; only the deadline judges it (target_progress, reached_periods), unless prorated.
-- rises: whether the figure is meant to go up, so that a fall is asked about (src/drops.ts): not a ceiling (控制在…以内),
-- nor a goal below its baseline (降低到), nor a level to come down to (降至0.5吨标煤: falls), nor a rate, nor a standard to
-- keep (standing: 办结率 goes up and down), nor a share to reach (优良天数比例达到80%, 覆盖率: its figure to date moves
-- with what it is a share of).
-- ceiling: a level to stay at or below, judged at the deadline only: 控制在…以内 (at_most), or a level to come down to
-- with no baseline (降至33微克/立方米, 下降到35微克/立方米以下): a figure under it before the deadline says nothing of the deadline's
-- (a year's total still growing, an average still moving), so it is kept, not reached, until then. With a baseline,
-- a level to come down to (下降到35以下 too) is a way down, measured against the schedule.
-- standing: a level with no deadline (办结率保持99%以上 in a row of 长期坚持): a standard to keep, never done once
-- and for good; each month's figure meets it or not (reached_periods, target_progress). So is a level its text says to
-- keep (水质达标率保持100%, 保持在…以上, 维持) up to its deadline: met in the deadline's month, it is done then.
-- kept: the words before the figure say to keep it (保持, 维持, 巩固; 稳定在 with 以上 or 以下); a cap so kept (保持在3.5%以内) is
-- a ceiling that never waits for its deadline (target_progress).
-- averaged: a figure per head or per area (每万人发明专利拥有量12件, 每千人口执业医师3.2人, 培训每人50学时, 人均, 亩均) or a goal with a
-- decimal part (3.5台): a figure in a count unit (件, 人, 台) may have decimals, not asked about (src/ingest/review.ts).
-- signed: a change whose figure may be below zero: a rate, or a change in percentage points (提高2个百分点: the share
-- may stand below its starting level, reported as a negative change).
WITH registry AS (
SELECT
  g.policy_id, g.target_id, g.code, g.status, g.task_id, g.row_no, g.item_id, i.item_no, i.item_label, c.chapter_no, c.title AS chapter_title,
  -- (value, value_max, value_base: in force at the as-of date, see above)
  g.kind, g.comparator, v.value, v.value_max, g.unit,
  CASE WHEN v.value IS NOT DISTINCT FROM g.value THEN g.value_base ELSE g.value_base / nullif(g.value, 0) * v.value END AS value_base, g.base_unit, g.measure,
  v.published_value, v.published_value_max, v.adjusted_from,
  -- (a recurring target of a row whose deadline phrase keeps a duty up after its date, 6月底前建立，每季度发布: no date)
  -- (nor a rate or share to keep of such a row, 6月底前建立，长期坚持 with 办结率达到98%: a standard to keep, see standing)
  -- (nor a recurring target with no date of its own in a row whose date is another target's, written in the text before
  -- it: 2021年4月底前印发工作规则，每半年召开一次专题会议 is no duty of April only)
  -- (nor a ceiling of such a row, 一般投诉5个工作日内办结 in a row of 三季度末前建立，长期坚持: a limit to keep to)
  coalesce(g.deadline, CASE WHEN (g.kind = 'recurring' OR (g.kind = 'quantity' AND g.measure = 'level' AND (g.unit = '%' OR g.comparator = 'at_most'))) AND t.deadline_continues IS NOT NULL
    THEN NULL
    WHEN g.kind = 'recurring' AND coalesce(g.horizon_text, '') = '' AND EXISTS (SELECT 1 FROM raw.targets s
      WHERE s.task_id = g.task_id AND s.target_id <> g.target_id AND s.kind <> 'recurring' AND s.status = 'published' AND s.horizon_text = t.deadline_text)
    THEN NULL
    ELSE t.deadline_date END) AS deadline, g.horizon_text, g.subject, g.frequency, g.attributes,
  -- (counting from 1 January of the issue year; a count of every month or quarter (每月开展不少于2场, period_months),
  -- from the start of the month or quarter the policy was issued in: it owes no period before it)
  CASE
    WHEN g.frequency IN ('每月', '按月', '逐月') THEN 1
    WHEN g.frequency IN ('每两个月') THEN 2
    WHEN g.frequency IN ('每季度', '每季', '按季度', '按季', '逐季') THEN 3
    WHEN g.frequency IN ('每半年') THEN 6
    WHEN g.frequency IN ('每年', '每年度', '按年', '按年度') THEN 12
    WHEN regexp_full_match(g.frequency, '每\d+个月') THEN CAST(regexp_extract(g.frequency, '\d+') AS INTEGER)
    WHEN regexp_full_match(g.frequency, '每\d+个?季度') THEN 3 * CAST(regexp_extract(g.frequency, '\d+') AS INTEGER)
    WHEN regexp_full_match(g.frequency, '每\d+年') THEN 12 * CAST(regexp_extract(g.frequency, '\d+') AS INTEGER)
  END AS period_months,
  coalesce(g.counting_start, CASE WHEN g.kind = 'quantity' AND period_months < 12 AND 12 % period_months = 0
      THEN make_date(year(p.issued_date)::INTEGER, ((month(p.issued_date)::INTEGER - 1) // period_months) * period_months + 1, 1)
    ELSE make_date(year(p.issued_date)::INTEGER, 1, 1) END) AS counting_start, g.baseline, p.end_date AS policy_end,
  coalesce((SELECT list(d.name ORDER BY r.position) FROM raw.target_reporters r JOIN raw.departments d USING (department_id)
            WHERE r.target_id = g.target_id), []) AS reporting_departments,
  g.reporting_override,
  g.annex_text, g.annex_start, g.annex_end, t.content AS annex_sentence_source,
  g.body_source, g.body_text, g.body_start, g.body_end,
  CASE g.body_source WHEN 'title' THEN i.title WHEN 'body' THEN i.body_text END AS body_sentence_source,
  coalesce((SELECT list({'value': a.value, 'value_max': a.value_max, 'effective_date': a.effective_date, 'reason': a.reason} ORDER BY a.seq)
            FROM raw.target_adjustments a WHERE a.target_id = g.target_id), []) AS adjustments,
  g.note,
  -- the words just before the figure say it goes down (成本降低10%, 下降0.5个百分点, 压缩至50天, 能耗降至0.5吨标煤):
  -- the words before the target's text in its sentence and the target's text up to its figure (the parser may start
  -- it at the verb). For a change, the registry holds its size and the department reports the size of the fall; for
  -- a level, the level to come down to
  -- (thirty characters back for a fall, so that the last figure of a long list still sees its verb: 分别下降15.5%、
  -- 16.5%和17%; the expression is anchored at the figure, so a verb of an earlier clause is not read. Ten for 每年)
  CASE WHEN g.annex_start IS NOT NULL THEN substr(t.content, greatest(1, g.annex_start - 29), least(g.annex_start, 30))
    WHEN g.body_start IS NOT NULL THEN substr(body_sentence_source, greatest(1, g.body_start - 29), least(g.body_start, 30))
  END AS words_before,
  CASE WHEN g.annex_start IS NOT NULL THEN regexp_extract(substr(t.content, g.annex_start + 1, g.annex_end - g.annex_start), '^[^0-9０-９]*')
    WHEN g.body_start IS NOT NULL THEN regexp_extract(substr(body_sentence_source, g.body_start + 1, g.body_end - g.body_start), '^[^0-9０-９]*')
  END AS words_to_figure
FROM raw.targets g
JOIN target_values v ON v.target_id = g.target_id
JOIN raw.tasks t ON t.task_id = g.task_id
JOIN raw.items i ON i.item_id = g.item_id
JOIN raw.chapters c ON c.chapter_id = i.chapter_id
JOIN raw.policies p ON p.policy_id = g.policy_id
),
periods AS (
  SELECT * EXCLUDE (words_before, words_to_figure, deadline, policy_end),
    -- a duty of every period with no date of its own or of its row (每年新增市场主体3000户, 每季度开展1次, in a row of
    -- 每年), and a count or milestone with none (培育电商专业村10个以上 in a row of 持续推进): the policy's term, when
    -- policy.csv gives its end (end_date); not a level (a standard to keep, see standing) nor a rate
    -- (and a rate of every year, 每年下降3% or 单位GDP能耗下降3% in a row of 每年: each year's rate judged against its value, to
    -- the policy's end, see yearly)
    CASE WHEN deadline IS NULL AND (kind = 'milestone' OR (kind = 'quantity' AND measure = 'increment' AND (coalesce(unit, '') <> '%' OR coalesce(period_months = 12, false)))
        OR (kind = 'recurring' AND coalesce(frequency, '') <> ''))
      THEN policy_end ELSE deadline END AS deadline,
    coalesce(regexp_matches(regexp_replace(words_before || words_to_figure, '\s+', '', 'g'), '((降低|下降|减少|压缩|压减|缩短|削减|缩减|精简|减|降)(了|到|至|为)?|(压减|削减|减少|降低|压缩|缩减|精简)[^0-9０-９.，,；;。、和及与增新提扩引带使达实吸促推]{1,8})(分别)?(约|近|超过|不少于|不低于|达)?([0-9０-９.]+[^0-9０-９.和、及与，,；;。]{0,4}(和|、|及|与))*$'), false)
      -- (a rank, 营商环境评价全省排名: its place comes down as it improves; judged as 降至 is)
      OR coalesce(kind = 'quantity' AND measure = 'level' AND ends_with(subject, '排名'), false) AS falls,
    -- (年均增长10%, 每年下降3%, 同比下降3%: a rate of each year, or against the same months of the year before, not one
    -- over the whole span)
    coalesce(regexp_matches(regexp_replace(right(words_before, 10) || words_to_figure, '\s+', '', 'g'), '年均|每年|年平均|平均每年|逐年|同比|比上年同期|较上年同期'), false)
      OR coalesce(period_months = 12, false) AS yearly,
    -- (水源地水质达标率保持100%, 保持在…以上, 维持: a level to keep, see standing; 稳定在 only with 以上 or 以下, 稳定在3.5% being
    -- no direction: 失业率 is better lower)
    coalesce(kind = 'quantity' AND measure = 'level'
      AND (regexp_matches(regexp_replace(right(words_before, 8) || words_to_figure, '\s+', '', 'g'), '(保持|维持|巩固)(在|于)?(不低于|不少于|高于|达到)?$')
        OR (comparator IN ('at_least', 'at_most') AND regexp_matches(regexp_replace(right(words_before, 8) || words_to_figure, '\s+', '', 'g'), '稳定(在|于)$'))), false) AS kept,
    coalesce(kind = 'quantity' AND measure = 'increment' AND unit = '%', false) AS rate
  FROM registry
)
SELECT * EXCLUDE (yearly),
  -- a rate over several years (比2018年下降15%, by the end of 2020): the change since the base piles up year after
  -- year, so its share of the way is measured against the schedule as an increment's is; a rate of one year, or of
  -- each year (年均增长10%), is judged against its value (target_progress, reached_periods)
  coalesce(rate AND NOT yearly AND deadline IS NOT NULL AND date_diff('month', counting_start, deadline) >= 12, false) AS prorated,
  -- (and a level its text says to keep, 保持100%: by its deadline too, each month's figure meets it or not; done only
  -- once met in its deadline's month, see reached_periods)
  -- (a cap to keep, 保持在3.5%以内, stays a ceiling: judged against its value, never waiting, see target_progress)
  coalesce(kind = 'quantity' AND measure = 'level' AND (deadline IS NULL OR (kept AND coalesce(comparator, '') <> 'at_most')) AND NOT rate AND NOT (falls AND kept), false) AS standing,
  -- (a standard to keep: this month's level, no running total)
  NOT (coalesce(comparator, '') = 'at_most' OR coalesce(value < baseline, false) OR coalesce(falls AND measure = 'level', false) OR rate OR standing
    OR coalesce(measure = 'level' AND unit = '%', false)) AS rises,
  coalesce(kind = 'quantity' AND measure = 'increment' AND unit IN ('%', '个百分点'), false) AS signed,
  coalesce(regexp_matches(subject, '每[0-9０-９一二两三四五六七八九十百千万亿]+|每(人|户|名|位|床|亩)|[人户亩床村企校]均|平均') OR value <> floor(value) OR value_max <> floor(value_max), false) AS averaged,
  -- (下降到35微克/立方米以下 with a baseline: a way down, as 降至 with one)
  coalesce(kind = 'quantity' AND ((comparator = 'at_most' AND NOT (falls AND measure = 'level' AND baseline IS NOT NULL))
    OR (falls AND measure = 'level' AND baseline IS NULL)), false) AS ceiling,
  CASE
    WHEN kind = 'quantity' AND measure = 'increment' AND period_months IS NOT NULL AND coalesce(unit, '') <> '%' THEN
      value * ceil(((year(deadline) - year(counting_start)) * 12 + month(deadline) - month(counting_start) + 1) / period_months)
    ELSE value
  END AS goal
FROM periods
