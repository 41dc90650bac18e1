/**
 * Why an accepted row is loaded but flagged for review (待复核). Pure functions, no Node built-ins: `luoshi ingest`
 * (src/monthly.ts, src/drops.ts) and the 报送自查 page (browser.ts) use the same ones.
 */
import type { ValidRow } from "./rules.js";
import type { FormField, ValueMonth } from "./table.js";
import type { SheetMonth } from "./xlsx.js";
import { convertUnit, parsePeriod, parseValue, unitDef, type Status } from "./values.js";
import { UNITS } from "../targets/units.js";

/**
 * A figure this many times its target's value or more is flagged: a unit slip (万元 for 亿元, 元 for 万元, 4.5万 for 450)
 * or a total for an increase more often than not. (Ten, not a hundred: a first figure in 万元 against a goal in 亿元 is
 * 10,000 times too large, and at a hundred it passed while below 1 % of the goal, counting the target done.)
 */
export const REVIEW_MULTIPLE = 10;

/** Units that count things (家, 台, 个, 人次 …): a figure with a decimal part in one is looked at again (1.234 for 1,234?). */
export const COUNT_UNITS: readonly string[] = UNITS.filter((u) => u.category === "count").map((u) => u.unit);
const COUNTS = new Set(COUNT_UNITS);

/** What reviewReasons knows of a row's target; each left out is unknown (no check that needs it). */
export type ReviewTarget = {
  /** The target's value. */
  goal?: number | null;
  /** The figure 已完成 needs to reach (a goal to reach). */
  doneFloor?: number | null;
  /** The figure 已完成 must not be above (a ceiling, or a level to come down to). */
  doneCeiling?: number | null;
  /** A rate of change (增长8%, targets.rate). */
  rate?: boolean;
  /** A rate to come down (下降3%). */
  fallingRate?: boolean;
  /** An increase counted from the counting start (新增20家), not a rate: a figure above 0 says the work has begun. */
  increment?: boolean;
  /** A milestone (done or not): its 完成状态 is the report, a figure beside it counts for nothing. */
  milestone?: boolean;
  /** A figure per head or per area (每万人…12件, 人均) or a goal with decimals (targets.averaged): a count with decimals is expected. */
  averaged?: boolean;
};

/**
 * 累计 followed closely by a figure in 进展情况 (本月新增2个，累计636家; 累计完成投资21.24亿元): the figures the note
 * states as cumulative. SQL sends the rows whose note has one to these rules (NOTE_CUMULATIVE_SQL).
 */
const NOTE_CUMULATIVE_PATTERN = "累计([^0-9０-９，。；;,！!？?：:]{0,12}?)([0-9０-９][0-9０-９.．,，]*)";
const NOTE_CUMULATIVE = new RegExp(NOTE_CUMULATIVE_PATTERN, "g");
/** The rows whose note may state one (SQL, RE2): those the bulk reader leaves to reviewReasons. */
export const NOTE_CUMULATIVE_SQL = "累计[^0-9０-９，。；;,！!？?：:]{0,12}[0-9０-９]";
/** Words between 累计 and the figure that make it something else: a share of a goal (目标的85%), a guess (约). */
const NOT_THE_FIGURE = /目标|计划|任务|的|约|近|超|逾|比|占|同比|环比|较|平均|人均|每/;
/** Words of an increase (累计新增30家): the figure of an increase target, not of a level. */
const INCREASE_WORDS = /新增|增加|净增|引进|新建|新开工|新培育|新认定/;
/** Words after the figure that make it approximate: 600家以上, 600余家, 约600家 (a figure of 600多家 does not parse). */
const APPROXIMATE_AFTER = /^(?:以上|左右|上下|多|余|有余|之多)/;

/**
 * The cumulative figures of the note in the row's unit that disagree with its value, each as written (累计636家), or
 * null when the note states one in that unit that agrees (within the note's rounding: 累计21.56亿元 for 21.5586), or
 * states none the row can be compared with. An increase target is compared with 累计新增 figures, a level with the others.
 */
export function noteCumulativeMismatch(note: string | null | undefined, value: number | null, unit: string | null, increment: boolean): string | null {
  if (!note || value === null || unit === null || !note.includes("累计")) return null;
  let differing: string | null = null;
  for (const m of note.matchAll(NOTE_CUMULATIVE)) {
    const [, words, figure] = m as unknown as [string, string, string];
    if (NOT_THE_FIGURE.test(words) || INCREASE_WORDS.test(words) !== increment) continue;
    const digits = figure.replace(/[,，.．]+$/, "");
    const after = note.slice(m.index! + m[0].length - (figure.length - digits.length));
    // the longest unit after the figure that the value reader knows (家, 万元, 人次, 平方米 …)
    let stated: { value: number; unit: string; text: string } | null = null;
    for (let k = Math.min(5, after.length); k >= 1 && stated === null; k--) {
      const p = parseValue(digits + after.slice(0, k));
      if (p.ok && p.value !== null && p.value.unitInCell !== null && !APPROXIMATE_AFTER.test(after.slice(k))) {
        stated = { value: p.value.value, unit: p.value.unitInCell, text: `累计${words}${digits}${after.slice(0, k)}` };
      }
    }
    if (stated === null) continue;
    const inRowUnit = convertUnit(stated.value, stated.unit, unit);
    if (inRowUnit === null) continue;
    // (the note's rounding: 21.24亿元 stands for anything from 21.235 to 21.245)
    const decimals = /[.．](\d+)$/.exec(digits.replace(/[,，]/g, ""))?.[1]?.length ?? 0;
    const tolerance = convertUnit(0.5 * 10 ** -decimals, stated.unit, unit) ?? 0;
    if (Math.abs(inRowUnit - value) <= tolerance * (1 + 1e-9) + 1e-9 * Math.abs(value)) return null;
    differing ??= stated.text;
  }
  return differing;
}

/**
 * Why an accepted row should be looked at again, besides a falling cumulative figure: a value REVIEW_MULTIPLE times
 * the target's or more, a percentage target given 0 < value ≤ 1 (85% typed as 0.85?; not a `rate`, 增长8%, nor a goal of
 * 1% or less) or more than 100 (not for a goal above 100%), a count with a decimal part (not per head, `averaged`), a
 * report date after the as-of date, or before the period's month, or in it; a period not ended at the as-of date, 已完成 with a figure short of `doneFloor` (a goal to
 * reach) or above `doneCeiling` (a ceiling, 控制在50天以内, or a level to come down to, 降至0.5吨标煤), a figure below zero
 * for a rate to come down (`fallingRate`: 下降3%, reported as the size of the fall) whose 进展情况 says nothing. Null when there is nothing to review.
 */
export function reviewReasons(
  row: Pick<ValidRow, "value" | "unit" | "reportedAt" | "reportedAtProblem" | "period" | "valueAsWritten"> & { note?: ValidRow["note"]; status?: ValidRow["status"]; struck?: ValidRow["struck"]; mergedEmpty?: ValidRow["mergedEmpty"] },
  asOf: string,
  target: ReviewTarget = {},
): string | null {
  const { goal = null, doneFloor = null, doneCeiling = null, rate = false, fallingRate = false, increment = false, milestone = false, averaged = false } = target;
  // each condition once; the common case (none holds) builds nothing
  const value = row.value;
  // (confirmed in 进展情况, 超额完成，已核实: no question left)
  const huge = value !== null && goal !== null && goal > 0 && value >= REVIEW_MULTIPLE * goal && !confirmsHuge(row.note);
  // (not for a rate to date, 增长0.4%, nor a goal of 1% or less: such figures are meant to be small)
  const fraction = value !== null && row.unit === "%" && value > 0 && value <= 1 && !rate && !(goal !== null && goal <= 1);
  // 4500% for a share: 45 in a cell formatted as a percentage, or 45% typed as 4500 (a growth may pass 100%: asked
  // only; not when the goal itself is above 100%, 完成计划的120%)
  const overShare = value !== null && row.unit === "%" && value > 100 && !(goal !== null && goal > 100);
  // (1.000家 reads as 1, a whole number: the text as written asks the same question, unless a thousand times it would
  // be a tenfold of the goal or more — 450.000家 for 450, a cell formatted with three decimals)
  const dotted = row.valueAsWritten !== undefined && value !== null && !(goal !== null && goal > 0 && value * 1000 >= REVIEW_MULTIPLE * goal);
  const partCount = value !== null && row.unit !== null && (!Number.isInteger(value) || dotted) && COUNTS.has(row.unit) && !averaged;
  const late = row.reportedAt !== null && row.reportedAt > asOf;
  const early = row.reportedAt !== null && row.reportedAt.slice(0, 7) < row.period;
  // a month still running: its report is its end's cumulative figure, due the month after (reporting_due_dates); the
  // month before is the one usually meant (a period after the as-of month is rejected)
  // (on the month's last day its figure is as good as final: not asked)
  const unfinished = row.period >= asOf.slice(0, 7) && asOf < monthEnd(asOf.slice(0, 7));
  const within = !unfinished && row.reportedAt !== null && row.reportedAt.slice(0, 7) === row.period && row.reportedAt < monthEnd(row.period);
  // 已完成 for a quantity target whose figure does not reach it (or is not given): the target would count as done
  const doneShort = row.status === "done" && doneFloor !== null && (value === null || value < doneFloor);
  // 已完成 for a ceiling (控制在50天以内) or a level to come down to (降至0.5吨标煤) whose figure is above it (or not given)
  const doneHigh = row.status === "done" && doneCeiling !== null && (value === null || value > doneCeiling);
  // a rate to come down (下降3%) is reported as the size of its fall: a figure below zero says it went up (or is the
  // fall written with its sign, 同比-2.1%), unless its 进展情况 says why (受复工影响PM10反弹), as the template allows
  const upInstead = fallingRate && value !== null && value < 0 && !explainsFall(row.note);
  // 未启动 beside an increase already made (新增 12 of 20家): one of the two is wrong
  const begun = row.status === "not_started" && increment && value !== null && value > 0;
  const badDate = row.reportedAtProblem !== undefined;
  // 100%, 80% or 1个 beside a milestone's status: a share of work done that no progress counts (the template asks for none)
  const milestoneFigure = milestone && value !== null;
  const crossedOut = row.struck !== undefined && row.struck.length > 0;
  const mergedEmpty = row.mergedEmpty !== undefined && row.mergedEmpty.length > 0;
  // 累计636家 in 进展情况 beside 615: one of them is wrong (a note copied from an earlier month, a figure mistyped)
  const noteSays = rate || fallingRate || milestone ? null : noteCumulativeMismatch(row.note, value, row.unit, increment);
  if (noteSays === null && !mergedEmpty && !crossedOut && !milestoneFigure && !huge && !fraction && !overShare && !partCount && !late && !early && !unfinished && !within && !badDate && !doneShort && !doneHigh && !upInstead && !begun) return null;
  const reasons: string[] = [];
  // 已完成 merged down over two rows: the second row is read without it, though the department sees it there
  if (mergedEmpty) {
    for (const m of row.mergedEmpty!) {
      const what = m.field === "value" ? "累计完成值" : "完成状态";
      const shown = m.shown.length > 20 ? `${m.shown.slice(0, 20)}…` : m.shown;
      reasons.push(`「${what}」一格与上方单元格合并，显示的“${shown}”只算在合并区域的第一行，本行的${what}按空白读入：如本行也是“${shown}”，请取消合并，在每一行分别填写`);
    }
  }
  // a figure or status struck through, the new one written elsewhere (备注: 更正为235): the struck one is what was read
  if (crossedOut) {
    const what = row.struck!.map((f) => (f === "value" ? "累计完成值" : "完成状态")).join("和");
    reasons.push(`${what}带删除线（划掉了），仍按所填读入：请核对；更正的数请直接填在该列、不要划线保留旧数`);
  }
  if (doneShort) {
    reasons.push(value === null
      ? `标为已完成，但未填累计完成值，无法核对是否达到目标值 ${doneFloor}${row.unit ?? ""}`
      : `标为已完成，但累计完成值 ${value}${row.unit ?? ""} 低于目标值 ${doneFloor}${row.unit ?? ""}`);
  }
  if (doneHigh) {
    reasons.push(value === null
      ? `标为已完成，但未填完成值，无法核对是否已不高于目标值 ${doneCeiling}${row.unit ?? ""}`
      : `标为已完成，但完成值 ${value}${row.unit ?? ""} 仍高于目标值 ${doneCeiling}${row.unit ?? ""}（应不高于目标值）`);
  }
  if (begun) reasons.push(`标为未启动，但累计完成值为 ${value}${row.unit ?? ""}：已有进展的请填“推进中”，确未启动的累计完成值应为 0 或留空`);
  if (upInstead) reasons.push(`下降类指标应填降幅（正数）：${value}${row.unit ?? ""} 表示不降反升 ${-value!}${row.unit ?? ""}；如指下降 ${-value!}${row.unit ?? ""}，请填 ${-value!}；确为不降反升的，请在「进展情况」中写明原因`);
  // (a percentage above 100: the more telling of the two)
  if (huge && !overShare) reasons.push(`累计值 ${value}${row.unit ?? ""} 是目标值 ${goal}${row.unit ?? ""} 的 ${Math.round(value! / goal!)} 倍，请核对单位（如 万元 与 亿元、元 与 万元），或是否填了总量而非新增量；核对之前不算完成，核对无误的请在「进展情况」中写明（如“超额完成，已核实”）`);
  if (overShare) reasons.push(`百分比指标填写了 ${value}%，超过 100%，请核对（是否把 45% 写成了 4500，或单元格设成了百分比格式？）`);
  if (fraction) reasons.push(`百分比指标填写了 ${value}，若指 ${Number((value! * 100).toPrecision(12))}% 请更正`);
  // (1.234台 or 1.000家 may be 1234 or 1000 with the thousands separator typed as a point; 210.5家 is no such slip)
  const threeDecimals = dotted || /\.\d{3}$/.test(String(value));
  if (partCount) reasons.push(`计数类指标填写了小数 ${dotted ? `${row.valueAsWritten}（读作 ${value}${row.unit}）` : `${value}${row.unit}`}，请核对（${threeDecimals ? "是否把千分位写成了小数点？" : "计数应为整数"}）`);
  if (late) reasons.push(`填报日期 ${row.reportedAt} 晚于核对日期 ${asOf}`);
  if (early) reasons.push(`填报日期 ${row.reportedAt} 早于统计期 ${row.period}`);
  if (unfinished) reasons.push(`统计期 ${row.period} 到核对日期 ${asOf} 尚未结束：月报填该月月末的累计数，于下月报送；如填的是上月的数，统计期应为 ${monthBefore(row.period)}`);
  if (within) reasons.push(`填报日期 ${row.reportedAt} 在统计期 ${row.period} 之内，填报时该月尚未结束：如填的是上月的数，统计期应为 ${monthBefore(row.period)}`);
  if (milestoneFigure) reasons.push(`里程碑类指标以完成状态为准，不填累计完成值：所填 ${value}${row.unit ?? ""} 不计入进度，请删去${row.status === "done" ? "" : "（已完成的请在完成状态中填“已完成”）"}`);
  if (badDate) reasons.push(`${row.reportedAtProblem}（数值照常载入，填报日期留空）`);
  if (noteSays !== null) reasons.push(`进展情况中写的“${noteSays}”与累计完成值 ${value}${row.unit ?? ""} 不符，请核对哪个是对的（进展情况是否沿用了以前月份的文字？）`);
  return reasons.length > 0 ? reasons.join("；") : null;
}

/** 2017-02 → 2017-02-28: the month's last day. */
export function monthEnd(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

/** 2017-10 → 2017-09, 2018-01 → 2017-12. */
export function monthBefore(period: string): string {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** A row whose cumulative figure falls below the one of the period before it. */
export type FileDrop = {
  row: number;
  value: number;
  previousPeriod: string;
  previousValue: number;
  /** Whether the earlier figure is one of this file's rows (else one loaded before). */
  previousInFile: boolean;
  /** The target's unit, written after each figure (null: none). */
  unit?: string | null;
};

/** The review reason of a drop (before any other reason of the same row). */
export function dropReason(d: Pick<FileDrop, "value" | "previousPeriod" | "previousValue" | "previousInFile" | "unit">): string {
  const where = d.previousInFile ? "本文件中" : "此前已载入的";
  const u = d.unit ?? "";
  return `累计值 ${d.value}${u} 低于${where} ${d.previousPeriod} 的 ${d.previousValue}${u}，且进展情况未说明原因`;
}

/**
 * A file's figures as series: the indexes of the rows with a figure, one list per (department, target), in period
 * order. What fileDrops and fileJumps walk through, pair by pair.
 */
export function fileSeries(rows: readonly Pick<ValidRow, "department" | "targetCode" | "period" | "value">[]): number[][] {
  return seriesOf(rows, (r) => r.value !== null);
}

/** The indexes of the rows `keep` takes, one list per (department, target), in period order. */
function seriesOf<R extends Pick<ValidRow, "department" | "targetCode" | "period">>(rows: readonly R[], keep: (r: R) => boolean): number[][] {
  const byKey = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (!keep(r)) return;
    const key = `${r.department}\u0000${r.targetCode}`;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  return [...byKey.values()].map((list) => list.sort((a, b) => (rows[a]!.period < rows[b]!.period ? -1 : 1)));
}

/**
 * A 进展情况 that says nothing (无, /, —, 同上, 暂无, 正常, or a status word, 推进中 …: staff fill every cell): it does not explain a falling figure.
 * Ten characters at most. The SQL of the same rule (src/drops.ts, src/sql/views/observations.sql) uses
 * EMPTY_NOTE_SQL, which test/drops.test.ts holds equal to the view's.
 */
const EMPTY_NOTE_PATTERN = "^(?:[/／\\\\、xX×*＊.。·…]+|[-－—–─_＿~～]+|无|没有|空|略|同上|如上|见上|暂无|无说明|无变化|正常|不适用|推进中|进行中|正在推进|正常推进|正常推进中|有序推进|稳步推进|持续推进|按计划推进|按序时推进|进展顺利|进展良好|顺利|良好|已完成|未启动|n/?a|null|none)[。.]?$";
const EMPTY_NOTE = new RegExp(EMPTY_NOTE_PATTERN, "i");
export const EMPTY_NOTE_SQL = `(?i)${EMPTY_NOTE_PATTERN}`;
/**
 * Words that give a reason for a figure going down: a correction (更正, 核减, 口径调整, 误报), a loss (注销, 迁出, 关停,
 * 退库), a cause (因, 由于, 受…影响, 原因), a new count (重新统计, 年初清零, 季节). Staff write 进展情况 on nearly every row
 * (本月新增机器人18台, 稳步推进): only a note with one of these explains a fall (同比-4.9% does not).
 */
// (one character stands for its words: 减 for 核减, 调减, 减少; 因 for 原因; 误 for 误报; 错 for 差错; 退 for 退库, 退出)
const FALL_REASON_PATTERN = "更正|修正|订正|纠正|调整|核销|核实|核查|核定|复核|审核|口径|剔除|扣除|下降|回落|降低|减|退|注销|吊销|迁|搬|关停|关闭|倒闭|停产|停业|破产|撤销|撤回|取消|重新|误|错|多报|多填|重复|原报|不再|不符|未通过|认定|清零|年初|新年度|季节|反弹|影响|因|由于|变化|变更|变动|合并|兼并|流失|离职|到期|整改|降级|摘牌|拆除|报废|淘汰|波动";
const FALL_REASON = new RegExp(FALL_REASON_PATTERN);
/**
 * Everyday phrases of a work report that hold a word of FALL_REASON_PATTERN without giving a reason for a fall: set
 * phrases (因地制宜, 坚持因企施策, 因此), 结构调整 (a policy, not a correction), and a cause of progress (由于企业积极性高，推进顺利).
 * They are taken out of the note before FALL_REASON_PATTERN is looked for.
 */
const NOT_A_FALL_REASON_PATTERN = "因(地|企|村|户|人|业|城|时|材|需)(制宜|施策|施教|施治|而异)|因势利导|因此|因而|结构调整|调整优化|优化调整|由于[^，。；;,]*(积极|顺利|良好|加快|提升|增长|增加|较好|较快|到位|有力)";
const NOT_A_FALL_REASON = new RegExp(NOT_A_FALL_REASON_PATTERN, "g");
/**
 * Whether a row's 进展情况 explains a figure below the one before it: not a placeholder, and a word of FALL_REASON_PATTERN
 * outside the phrases of NOT_A_FALL_REASON_PATTERN.
 */
export const explainsFall = (note: string | null | undefined): boolean =>
  !!note && !(note.length <= 10 && EMPTY_NOTE.test(note)) && FALL_REASON.test(note.replace(NOT_A_FALL_REASON, ""));
/**
 * Whether a row's 进展情况 confirms a figure REVIEW_MULTIPLE times its goal or more (超额完成，已核实): until it does, the
 * figure is in doubt and finishes nothing (observations.figure_doubtful), since it is mostly a unit mistaken.
 */
// (确认 only of the figure, 经确认 or 确认无误: 已确认首批试点名单 confirms something else)
const HUGE_CONFIRMED_PATTERN = "超额|超出|超过目标|核实|属实|无误|经确认|确认(数据|数字|该数|此数|本数|无误|属实)|(数据|数字|该数|此数|本数)(已|均)?确认";
const HUGE_CONFIRMED = new RegExp(HUGE_CONFIRMED_PATTERN);
export const confirmsHuge = (note: string | null | undefined): boolean => !!note && HUGE_CONFIRMED.test(note);
/** confirmsHuge as SQL over the column `note`. */
export const CONFIRMS_HUGE_SQL = `coalesce(regexp_matches(note, '${HUGE_CONFIRMED_PATTERN}'), false)`;

/** The same as SQL over a column (a name written in code, never user data). */
export const explainsFallSql = (note: string): string =>
  `(coalesce(${note}, '') <> '' AND NOT (length(${note}) <= 10 AND regexp_full_match(${note}, '${EMPTY_NOTE_SQL}'))
    AND regexp_matches(regexp_replace(${note}, '${NOT_A_FALL_REASON_PATTERN}', '', 'g'), '${FALL_REASON_PATTERN}'))`;
/** explainsFallSql over the column `note`. */
export const EXPLAINS_FALL_SQL = explainsFallSql("note");

/**
 * The drops among a file's accepted rows compared with each other only (nothing loaded before): what src/drops.ts
 * finds in a warehouse without figures for these targets. For the 报送自查 page, which has no warehouse. `rises`:
 * false for a target whose figure is meant to go down (a ceiling, a goal below its baseline): no drop to flag.
 */
export function fileDrops(
  rows: readonly Pick<ValidRow, "sourceRow" | "department" | "targetCode" | "period" | "value" | "note">[],
  rises: (code: string) => boolean = () => true,
  series: readonly (readonly number[])[] = fileSeries(rows),
  unitOf: (code: string) => string | null = () => null,
): (FileDrop & { index: number })[] {
  const out: (FileDrop & { index: number })[] = [];
  for (const list of series) {
    if (list.length < 2 || !rises(rows[list[0]!]!.targetCode)) continue;
    for (let k = 1; k < list.length; k++) {
      const [before, r] = [rows[list[k - 1]!]!, rows[list[k]!]!];
      if (!explainsFall(r.note) && r.value! < before.value!) {
        out.push({ index: list[k]!, row: r.sourceRow, value: r.value!, previousPeriod: before.period, previousValue: before.value!, previousInFile: true, unit: unitOf(r.targetCode) });
      }
    }
  }
  return out.sort((a, b) => a.row - b.row);
}

/** How many times the figure before it a figure must be, at least, to count as a jump (src/drops.ts, the observations view). */
export const JUMP_MULTIPLE = 10;

/** A figure that jumps from the one of the period before it: a digit typed once too often? */
export type FileJump = { row: number; value: number; previousPeriod: string; previousValue: number; targetValue: number; unit?: string | null };

/** The review reason of a jump (after the row's other reasons; the observations view writes the same text). */
export function jumpReason(j: Pick<FileJump, "value" | "previousPeriod" | "previousValue" | "targetValue" | "unit">): string {
  const u = j.unit ?? "";
  return `累计值 ${j.value}${u} 是 ${j.previousPeriod} 的 ${j.previousValue}${u} 的 ${JUMP_MULTIPLE} 倍以上，增加的部分已超过目标值 ${j.targetValue}${u}：是否多写了一位数？请核对`;
}

/**
 * The jumps among a file's accepted rows compared with each other only (nothing loaded before): a figure at least
 * JUMP_MULTIPLE times the file's figure of the period before it (above 0) whose increase alone reaches the target's
 * value. `targetValue`: a quantity target's value (null for others). What src/drops.ts finds in a warehouse without
 * figures for these targets; for the 报送自查 page.
 */
export function fileJumps(
  rows: readonly Pick<ValidRow, "sourceRow" | "department" | "targetCode" | "period" | "value">[],
  targetValue: (code: string) => number | null,
  series: readonly (readonly number[])[] = fileSeries(rows),
  unitOf: (code: string) => string | null = () => null,
): (FileJump & { index: number })[] {
  const out: (FileJump & { index: number })[] = [];
  for (const list of series) {
    if (list.length < 2) continue;
    const tv = targetValue(rows[list[0]!]!.targetCode);
    if (tv === null || !(tv > 0)) continue;
    for (let k = 1; k < list.length; k++) {
      const [before, r] = [rows[list[k - 1]!]!, rows[list[k]!]!];
      if (before.value! > 0 && r.value! >= JUMP_MULTIPLE * before.value! && r.value! - before.value! >= tv) {
        out.push({ index: list[k]!, row: r.sourceRow, value: r.value!, previousPeriod: before.period, previousValue: before.value!, targetValue: tv, unit: unitOf(r.targetCode) });
      }
    }
  }
  return out.sort((a, b) => a.row - b.row);
}

/** The statuses in the order work moves through them: a status before the one of the period before it goes back. */
export const STATUS_ORDER = ["not_started", "in_progress", "done"] as const;
/** The Chinese words of the statuses, as the 报送指南 writes them first (review reasons quote them). */
export const STATUS_WORD: Record<Status, string> = { not_started: "未启动", in_progress: "推进中", done: "已完成" };

/** A 完成状态 behind the one reported for an earlier period of the same department and target (已完成 → 推进中). */
export type FileStatusBack = { row: number; status: Status; previousPeriod: string; previousStatus: Status };

/**
 * The review reason of a status that goes back (after the row's other reasons; the observations view writes the same
 * text). A note does not clear it: the earlier month still says 已完成, so the figures disagree until one is corrected.
 */
export function statusBackReason(b: Pick<FileStatusBack, "status" | "previousPeriod" | "previousStatus">): string {
  // (a target reported done leaves the templates: correcting that month takes one with every target)
  return `完成状态由 ${b.previousPeriod} 的“${STATUS_WORD[b.previousStatus]}”退回为“${STATUS_WORD[b.status]}”：请核对哪一期有误，如此前误报请更正该月` +
    (b.previousStatus === "done" ? "（报过“已完成”的指标不再列入报送模板，更正时用 luoshi template --all 生成含它的模板）" : "");
}

/**
 * Whether a target's 完成状态 may go back (no review flag): a recurring duty (常态化, its 已完成 is the month's only), or a
 * quantity whose figure is not meant to rise (targets.rises: a ceiling, a rate to date, a standard to keep such as
 * 办结率保持99%以上), met one month and missed the next. The same rule in SQL, negated: STATUS_MUST_NOT_GO_BACK_SQL (src/statusbacks.ts).
 */
export function statusMayGoBack(kind: string | undefined, rises: boolean | undefined): boolean {
  return kind === "recurring" || (kind === "quantity" && rises === false);
}

/**
 * The statuses that go back among a file's accepted rows compared with each other only (nothing loaded before): what
 * src/statusbacks.ts finds in a warehouse without figures for these targets. Each row with a 完成状态 is compared with
 * the row of the latest earlier period that has one, for the same department and target; not when `mayGoBack` (see
 * statusMayGoBack).
 */
export function fileStatusBacks(
  rows: readonly Pick<ValidRow, "sourceRow" | "department" | "targetCode" | "period" | "status">[],
  mayGoBack: (code: string) => boolean,
): (FileStatusBack & { index: number })[] {
  const out: (FileStatusBack & { index: number })[] = [];
  for (const list of seriesOf(rows, (r) => r.status !== null)) {
    if (list.length < 2 || mayGoBack(rows[list[0]!]!.targetCode)) continue;
    for (let k = 1; k < list.length; k++) {
      const [before, r] = [rows[list[k - 1]!]!, rows[list[k]!]!];
      if (STATUS_ORDER.indexOf(r.status!) < STATUS_ORDER.indexOf(before.status!)) {
        out.push({ index: list[k]!, row: r.sourceRow, status: r.status!, previousPeriod: before.period, previousStatus: before.status! });
      }
    }
  }
  return out.sort((a, b) => a.row - b.row);
}

type StatedRow = Pick<ValidRow, "department" | "departmentAsWritten" | "period" | "reportedUnit">;

/**
 * The review reason of a row whose 统计期 or 报送单位 differs from the one stated above its table (Table.statedAbove):
 * 「填报单位：周巷镇」 over a row of 匡堰镇, a title 「……（2017年10月）」 over a row of 2017-09 — last month's file sent
 * again with a new title, or a row copied from another department's form? A title naming a quarter holds the rows to
 * its three months, one naming months from the year's start (2017年1-10月) to each of them. `resolve`: the department resolver of the rows (a stated name it does not know holds no row to
 * anything). Null when nothing is stated above the table (the common case costs nothing per row).
 */
export function statedCheck(
  stated: readonly FormField[],
  resolve: (name: string) => string | null,
): ((row: StatedRow) => string | null) | null {
  const checks: ((row: StatedRow) => string | null)[] = [];
  for (const f of stated) {
    // 「（单位：万元）」 over a 单位 column the template filled with 亿元: the column's unit is read; a row differing is asked about
    if (f.field === "unit") {
      if (unitDef(f.text)?.category !== "money") continue;
      checks.push((row) => (row.reportedUnit === null || row.reportedUnit === f.text || unitDef(row.reportedUnit)?.category !== "money" ? null
        : `单位「${row.reportedUnit}」与表格上方第 ${f.row} 行所写的金额单位「${f.text}」不同，已按「${row.reportedUnit}」读取，请核对`));
      continue;
    }
    if (f.field === "period") {
      const p = parsePeriod(f.text);
      if (!p.ok || p.value === null) continue;
      const end = p.value;
      const [y, m] = end.split("-").map(Number) as [number, number];
      // a quarter (2017年第四季, Q4) holds its three months; a range (2017年1-10月, a back-fill) every month in it
      const range = f.text.match(/(\d{1,2})\s*月?\s*[-~～至到—－]\s*\d{1,2}\s*月/);
      // (前三季度, 上半年, 下半年: from January, or July)
      const first = /前.{1,2}季|上半年/.test(f.text) ? 1 : /下半年/.test(f.text) ? 7 : /季|[Qq][1-4]/.test(f.text) ? m - 2 : range ? Math.max(1, Math.min(m, Number(range[1]))) : m;
      const months = new Set(Array.from({ length: m - first + 1 }, (_, k) => `${y}-${String(first + k).padStart(2, "0")}`));
      checks.push((row) => (months.has(row.period) ? null : `统计期 ${row.period} 与表格上方第 ${f.row} 行所写的「${f.text}」不符，请核对`));
    } else if (f.field === "department") {
      const name = resolve(f.text);
      if (name === null) continue;
      checks.push((row) => (row.department === name ? null : `报送单位「${row.departmentAsWritten}」与表格上方第 ${f.row} 行所写的「${f.text}」不是同一单位，请核对`));
    }
  }
  if (checks.length === 0) return null;
  return (row) => {
    const reasons = checks.map((c) => c(row)).filter((r): r is string => r !== null);
    return reasons.length > 0 ? reasons.join("；") : null;
  };
}

/** 「2017年10月」 or 「10月」: a month named, with its year when named. */
const monthNamed = (year: number | null, month: number) => `${year === null ? "" : `${year}年`}${month}月`;

/** Whether a period (YYYY-MM) is not the month named (its year too, when named). */
function otherMonth(period: string, year: number | null, month: number): boolean {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return m !== month || (year !== null && y !== year);
}

/**
 * The review reason of a row whose 统计期 is not the month its 累计完成值 heading names (「1-10月累计完成值」 over a row
 * of 2017-09: the heading of last month's copy, or a row of last month beside this month's column). Null when the heading
 * names no month. A row with no figure is not asked about (it reads nothing from that column).
 */
export function valueMonthCheck(valueMonth: ValueMonth | null): ((row: Pick<ValidRow, "period" | "value">) => string | null) | null {
  if (valueMonth === null) return null;
  const { header, letter, row: headerRow, year, month } = valueMonth;
  return (row) => (row.value === null || !otherMonth(row.period, year, month) ? null
    : `统计期 ${row.period} 与第 ${headerRow} 行 ${letter} 列表头「${header}」所指的${monthNamed(year, month)}不符，已按该列读取，请核对`);
}

/**
 * The review reason of a row whose 统计期 is not the month the name of its sheet names (a workbook's 「10月」 sheet with
 * rows of 2017-09: last month's sheet copied and renamed, its rows not updated). Null when the name names no month.
 */
export function sheetMonthCheck(sheet: SheetMonth | null): ((row: Pick<ValidRow, "period">) => string | null) | null {
  if (sheet === null) return null;
  return (row) => (!otherMonth(row.period, sheet.year, sheet.month) ? null
    : `统计期 ${row.period} 与工作表名「${sheet.sheet}」所指的${monthNamed(sheet.year, sheet.month)}不符，请核对`);
}

/**
 * statedCheck of a file as read: what it states above its table (statedAbove), the unit its form gives every row, the
 * month its 累计完成值 heading names and the month the name of its sheet names.
 */
export function fileStatedCheck(
  file: { statedAbove: readonly FormField[]; formFields: readonly FormField[]; valueMonth?: ValueMonth | null; sheetMonth?: SheetMonth | null },
  resolve: (name: string) => string | null,
): ((row: StatedRow & Pick<ValidRow, "value">) => string | null) | null {
  const checks = [
    statedCheck([...file.statedAbove, ...file.formFields.filter((f) => f.field === "unit")], resolve),
    valueMonthCheck(file.valueMonth ?? null),
    sheetMonthCheck(file.sheetMonth ?? null),
  ].filter((c) => c !== null);
  if (checks.length === 0) return null;
  if (checks.length === 1) return checks[0]!;
  return (row) => checks.map((c) => c(row)).filter((r): r is string => r !== null).join("；") || null;
}
