/**
 * A proposed target as `luoshi targets --check` lists it for review, in Chinese: what kind, the comparator and value
 * in words, whether the figure is a level, an increase, a rate or a change in points, the deadline it will be judged
 * at (the text's own, or else the annex row's) and the words of the source it was read from.
 */
import { COMPARATORS } from "../schemas.js";
import type { Proposal } from "./registry.js";
import { UNITS } from "./units.js";

const KIND: Record<string, string> = { quantity: "数量指标", milestone: "节点任务", recurring: "常态任务" };

/**
 * What the figure reported against it is: 水平值 (a level), 增量 (an increase), 增减率 (增长8%), 百分点变化 (提高2个百分点);
 * for a figure meant to go down (`down`), 减少量 and 降幅.
 */
function measureText(p: Proposal, down: boolean): string {
  if (p.kind !== "quantity" || !p.measure) return "";
  if (p.measure === "level") return "水平值";
  return p.unit === "%" ? (down ? "降幅" : "增减率") : p.unit === "个百分点" ? "百分点变化" : down ? "减少量" : "增量";
}

/**
 * The words before a figure say it goes down (下降到33, 降低10%; the second of 分别减少3%和5%; a verb and its object, 压减粗钢产能150万吨): the expression of the
 * targets view's `falls`
 * (src/sql/views/targets.sql), which test/proposaltext.test.ts holds equal to this one.
 */
export const DOWN_BEFORE = /((降低|下降|减少|压缩|压减|缩短|削减|缩减|精简|减|降)(了|到|至|为)?|(压减|削减|减少|降低|压缩|缩减|精简)[^0-9０-９.，,；;。、和及与增新提扩引带使达实吸促推]{1,8})(分别)?(约|近|超过|不少于|不低于|达)?([0-9０-９.]+[^0-9０-９.和、及与，,；;。]{0,4}(和|、|及|与))*$/;

/** The source words around [start, end) of `text`: a few characters before, for the verb. */
function sourceWords(text: string, start: number | null, end: number | null): string {
  if (start === null || end === null) return "";
  const from = Math.max(0, start - 12);
  return `${from > 0 ? "…" : ""}${text.slice(from, end)}`;
}

export type ProposalRow = { deadline_text: string; deadline_date: string | null; content: string; deadline_continues?: string | null };

/**
 * The target of the same row whose own words state the row's date (2021年4月底前印发工作规则), when a recurring duty
 * with no date of its own sits beside it (每半年召开一次专题会议): the duty has no deadline, as the targets view has it.
 */
export function rowDatedBy<T extends { row_no: number; kind: string; horizon_text: string; subject: string }>(p: T, row: ProposalRow | undefined, siblings: T[]): T | null {
  if (p.kind !== "recurring" || p.horizon_text !== "" || row === undefined || row.deadline_text === "") return null;
  return siblings.find((s) => s !== p && s.row_no === p.row_no && s.kind !== "recurring" && s.horizon_text === row.deadline_text) ?? null;
}

/**
 * A duty of every period (每年新增3000户, 每月发布): a recurring one, or a count per period (an increase, not a rate);
 * with no date of its own or of its row, the targets view gives it the policy's end_date.
 */
export const everyPeriodDuty = (p: { kind: string; measure: string | null; unit: string | null; frequency?: string | null }): boolean =>
  !!p.frequency && (p.kind === "recurring" || (p.kind === "quantity" && p.measure === "increment" && p.unit !== "%"));

/** A rate or share, or a ceiling (一般投诉5个工作日内办结): in a row that keeps its duty up (长期坚持), a level to keep, with no date. */
const keptLevel = (p: { kind: string; measure: string | null; unit: string | null; comparator: string | null }): boolean =>
  p.kind === "quantity" && p.measure === "level" && (p.unit === "%" || p.comparator === "at_most");

/**
 * A target the policy's term dates when it has no date of its own or of its row: a duty of every period, a count
 * (培育电商专业村10个以上 in a row of 持续推进) or a milestone; not a level (a standard to keep) nor a rate.
 */
export const termDated = (p: { kind: string; measure: string | null; unit: string | null; frequency?: string | null }): boolean =>
  (p.kind === "recurring" && !!p.frequency) || p.kind === "milestone" || (p.kind === "quantity" && p.measure === "increment" && p.unit !== "%");

/** The fields of a target, proposed or registered, that say what it asks for and where it was read. */
type Located = {
  kind: string; comparator: string | null; measure: string | null; unit: string | null;
  annex_text: string; annex_start: number | null; body_text: string; body_start: number | null;
  annex_end?: number | null; body_end?: number | null; horizon_text?: string; frequency?: string | null; subject?: string;
};

/** Where a target was read: its annex row's content, or else the body text, with its span and own words. */
function located(p: Located, row: ProposalRow | undefined, bodyText: string) {
  return p.annex_text !== ""
    ? { text: row?.content ?? "", start: p.annex_start, end: p.annex_end ?? null, own: p.annex_text }
    : { text: bodyText, start: p.body_start, end: p.body_end ?? null, own: p.body_text };
}

/**
 * The thirty characters before the target's text and its own up to the figure (the parser may start it at the verb),
 * without spaces: the targets view's words_before || words_to_figure. Null when it has no place in the source.
 */
function leadIn(p: Located, row: ProposalRow | undefined, bodyText: string): string | null {
  const { text, start, own } = located(p, row, bodyText);
  return start === null ? null : (text.slice(Math.max(0, start - 30), start) + /^[^0-9０-９]*/.exec(own)![0]).replace(/\s+/g, "");
}

/** A rank to reach (营商环境评价全省排名, as the parser names one): a level whose place goes down as it improves. */
export const isRank = (t: { kind?: unknown; measure?: unknown; subject?: unknown }): boolean =>
  t.kind === "quantity" && t.measure === "level" && String(t.subject ?? "").endsWith("排名");

/**
 * The words before the target's figure say it goes down (下降到33, 降低10%; the last of 分别下降15.5%、16.5%和17% too), or
 * it is a rank (营商环境评价全省排名: its place goes down as it improves), as the targets view's `falls` has it.
 */
function goesDown(p: Located, row: ProposalRow | undefined, bodyText: string): boolean {
  if (isRank(p)) return true;
  const words = leadIn(p, row, bodyText);
  return words !== null && DOWN_BEFORE.test(words);
}

/** 比2015年, 较2015年底 just before the figure's verb: the level of that year is the base the change is counted from. */
const BASE_YEAR = /(?:比|较)((?:19|20)\d{2})年(?:底|末)?(?:的?水平)?(?:分别)?[^0-9０-９，,；;。]{0,8}$/;

/**
 * The first day counted for a change against an earlier year's level (化学需氧量排放量比2015年下降10%: from 2016-01-01,
 * the day after the base year, so that the department reports the change since it), or null when the source names no
 * year before the policy's own (the counting start is then the policy year's 1 January).
 */
export function countedFrom(p: Located, row: ProposalRow | undefined, bodyText: string, policyYear: number, policyDate?: string): string | null {
  if (p.kind !== "quantity" || p.measure !== "increment") return null;
  const m = BASE_YEAR.exec(leadIn(p, row, bodyText) ?? "");
  const year = m === null ? null : Number(m[1]);
  return year !== null && year + 1 < policyYear ? `${year + 1}-01-01` : inYear(p, policyYear) ?? (policyDate === undefined ? null : periodStart(p, policyDate));
}

/** The months of one period of a count of every month, two months, quarter or half-year (the targets view's period_months). */
const SHORT_PERIODS: Record<string, number> = { 每月: 1, 按月: 1, 逐月: 1, 每两个月: 2, 每季度: 3, 每季: 3, 按季度: 3, 按季: 3, 逐季: 3, 每半年: 6 };

/** A frequency's months when under a year (每3个月 3, 每2季度 6, as the targets view reads them); else undefined. */
function periodMonths(frequency: string): number | undefined {
  const months = /^每(\d+)个月$/.exec(frequency);
  const quarters = /^每(\d+)个?季度$/.exec(frequency);
  const n = SHORT_PERIODS[frequency] ?? (months ? Number(months[1]) : quarters ? 3 * Number(quarters[1]) : undefined);
  return n !== undefined && n < 12 && 12 % n === 0 ? n : undefined;
}

/**
 * A count of every month or quarter (每月开展不少于2场) owes no period before the policy: counted from the first day of
 * the month or quarter it was issued in (2021-04-01 for 2021-04-15), as the targets view counts it; null when that is
 * 1 January (or the count is of each year).
 */
export function periodStart(p: { kind: string; frequency?: string | null }, policyDate: string): string | null {
  const months = p.kind === "quantity" ? periodMonths(p.frequency ?? "") : undefined;
  if (months === undefined) return null;
  const month = Math.floor((Number(policyDate.slice(5, 7)) - 1) / months) * months + 1;
  return month === 1 ? null : `${policyDate.slice(0, 4)}-${String(month).padStart(2, "0")}-01`;
}

/**
 * An increase of one later year (2019年、2020年分别完成60台、90台; 其中2022年建设1万亩): its own horizon is that year
 * alone, not a date to reach it by (到2020年, 2020年底前: counted from the policy's year), so it is counted from that
 * year's 1 January. Not a count per period (每年新增: see the policy's end_date).
 */
function inYear(p: Located, policyYear: number): string | null {
  const m = /^((?:19|20)\d{2})年(?:度|内)?$/.exec(p.horizon_text ?? "");
  return m !== null && Number(m[1]) > policyYear && !p.frequency ? `${m[1]}-01-01` : null;
}

/**
 * The figure's digits are split by spaces in the source (新增污水管网5 0公里, 运维村 1 2 0 个: an OCR slip): only the
 * last group was read. The words around it, or null.
 */
export function splitDigits(p: Located, row: ProposalRow | undefined, bodyText: string): string | null {
  const { text, start, end } = located(p, row, bodyText);
  if (start === null || end === null) return null;
  const words = text.slice(Math.max(0, start - 8), end);
  const split = /[0-9０-９](?:[ \u3000]+[0-9０-９])+/.exec(words);
  return split === null ? null : words.slice(split.index);
}

/**
 * A share to reach (优良天数比例达到85%): measured from 0 against the schedule unless its level at the start (baseline)
 * is given. Not a ceiling, nor a level to come down to. Asked of new proposals and of registered targets with no baseline.
 */
export function needsBaseline(p: Located, row: ProposalRow | undefined, bodyText: string): boolean {
  return p.kind === "quantity" && p.measure === "level" && p.unit === "%" && p.comparator !== "at_most" && !goesDown(p, row, bodyText);
}

/**
 * A stock to reach, counted or in money (市场主体总量突破15万户, 人均可支配收入达到3.5万元): from 0 against the schedule
 * unless its level at the start is given, so that 12.5万户 of 15万 reads 84 % done on the first day. Not a ceiling, nor a
 * level to come down to.
 */
export function needsStockBaseline(p: Located, row: ProposalRow | undefined, bodyText: string): boolean {
  const unit = UNITS.find((u) => u.unit === p.unit);
  return p.kind === "quantity" && p.measure === "level" && (unit?.category === "count" || unit?.category === "money" || /^万?元\/(?:人|亩)$/.test(p.unit ?? "")) &&
    p.comparator !== "at_most" && !goesDown(p, row, bodyText);
}

/** What `targets --check` says of a stock to reach without a baseline. */
export const STOCK_BASELINE_HINT = "存量水平值（总数、人均数）：没有基数时从 0 起算，起算时已有的存量会显得进度超前；请在 targets.csv 的 baseline 中填写起算时的水平（如上年末总数 12 万户；确从 0 起算的填 0，不再提示）";

/** What `targets --check` says of a share to reach without a baseline. */
export const BASELINE_HINT = "百分比水平值：序时进度从 0 起算，起算时已有一定水平的（如上年 80%），请在 targets.csv 的 baseline 中填写（确从 0 起算的填 0，不再提示）";

/** A level to come down to (PM2.5平均浓度下降到35微克/立方米以下): without a baseline, only its deadline judges it. */
export function needsDownBaseline(p: Located, row: ProposalRow | undefined, bodyText: string): boolean {
  return p.kind === "quantity" && p.measure === "level" && goesDown(p, row, bodyText);
}

/** What `targets --check` says of a level to come down to without a baseline. */
export const DOWN_BASELINE_HINT = "“降至”类水平值：没有基数时无法衡量已降了多少，完成时限前高于目标值只显示“时限未到”；请在 targets.csv 的 baseline 中填写起算时的水平（如 2018 年平均浓度 45），即按从基数降到目标值的比例对照序时进度";

export function proposalText(
  p: Proposal, row: ProposalRow | undefined, bodyText: string, policyYear?: number,
  /** datedBy: rowDatedBy's target; policyEnd: policy.csv's end_date, the deadline of a duty of every period with none. */
  context: { datedBy?: { subject: string } | null; policyEnd?: string | null; policyDate?: string } = {},
): string {
  const { datedBy, policyEnd, policyDate } = context;
  const value = p.value === null ? "" : `${p.value}${p.value_max !== null ? `–${p.value_max}` : ""}${p.unit ?? ""}`;
  // (COMPARATORS' words: 左右 after the figure, 恰为 left unsaid)
  const c = p.comparator;
  const down = goesDown(p, row, bodyText);
  // (下降到33: a level to come down to, 降至 33, not 达到 33)
  // (a rank: 进入前 10位)
  const compared = c === "at_most" && isRank(p) ? `进入前 ${value}` : c === "about" ? `${value}${COMPARATORS.about}` : c === "reach" && down ? `降至 ${value}` : c && c !== "exactly" ? `${COMPARATORS[c]} ${value}` : value;
  const what = p.kind === "quantity" ? compared : p.kind === "recurring" ? p.frequency || "常态开展" : "完成";
  const measure = measureText(p, down);
  // the text's own horizon (年内, 到2020年) or else the row's deadline, as the build will give it
  // (a duty of every period with no date of its own or of its row, 每年新增3000户 or 每月发布 in a row of 每年 or of
  // 5月底前建立，每月发布: the policy's end, as the targets view gives it)
  const rowDate = row?.deadline_date && !(p.kind === "recurring" && (row.deadline_continues || datedBy)) ? row.deadline_date : null;
  // (a proposal carries its row's date when it has no horizon of its own: not a recurring duty's or a share to keep's
  // whose row's date is another's, 2021年5月底前成立，每半年召开, as --write and the targets view have it)
  const kept = p.kind === "recurring" ? !!(row?.deadline_continues || datedBy) : keptLevel(p) && !!row?.deadline_continues;
  const own = p.deadline !== null && !(kept && !p.horizon_text) ? p.deadline : null;
  const deadline = own === null && rowDate === null && policyEnd && termDated(p)
    ? `${policyEnd}（政策实施期限 end_date${!everyPeriodDuty(p) ? "" : `；${p.kind === "recurring" ? "常态任务报送到该日" : `按期计数，目标为每期的 ${p.value ?? ""}${p.unit ?? ""} 乘以起算至该日的期数`}`}）`
    : own !== null ? `${own}${p.horizon_text ? `（原文“${p.horizon_text}”）` : ""}`
    // (年内完成，长期坚持: a recurring duty is kept up after the row's date, as the targets view has it)
    : p.kind === "recurring" && row?.deadline_continues ? `无（附件“${row.deadline_text}”：常态任务持续开展）`
    // (2021年4月底前印发工作规则，每半年召开一次专题会议: the row's date is the 规则's, not the meetings')
    : p.kind === "recurring" && datedBy ? `无（附件“${row?.deadline_text}”是「${datedBy.subject}」的时限，常态任务持续开展）`
    // (nor a rate or share to keep: 6月底前建立，长期坚持 with 办结率达到98%)
    : keptLevel(p) && row?.deadline_continues ? `无（附件“${row.deadline_text}”：须持续保持的水平）`
    : row?.deadline_date ? `${row.deadline_date}（附件“${row.deadline_text}”）`
    : row?.deadline_text ? `无日期（附件“${row.deadline_text}”）` : "无（附件未写完成时限）";
  const source = p.annex_text !== "" ? `附件“${sourceWords(row?.content ?? "", p.annex_start, p.annex_end) || p.annex_text}”`
    : p.body_text !== "" ? `正文“${sourceWords(bodyText, p.body_start, p.body_end) || p.body_text}”` : "";
  // (the body states the duty otherwise, 60公里 for the annex's 50公里: the annex's is the target)
  const differs = p.annex_text !== "" && p.body_text !== "" && p.body_differs
    ? `；正文另作“${(p.body_source === "body" && sourceWords(bodyText, p.body_start, p.body_end)) || p.body_text}”，与附件不同：以附件为准，请核对（见文本核对）` : "";
  // (由3个工作日缩短至1个工作日: the text gives the level it starts from)
  const share = p.baseline !== undefined && p.baseline !== null ? `；基数 ${p.baseline}${p.unit === "%" ? "%" : p.unit ?? ""}（原文写明的起点，--write 写入 baseline）`
    : needsBaseline(p, row, bodyText) ? `；${BASELINE_HINT}` : needsDownBaseline(p, row, bodyText) ? `；${DOWN_BASELINE_HINT}`
    : needsStockBaseline(p, row, bodyText) ? `；${STOCK_BASELINE_HINT}` : "";
  const from = policyYear === undefined ? null : countedFrom(p, row, bodyText, policyYear, policyDate);
  const since = from === null ? "" : policyYear !== undefined && from === inYear(p, policyYear)
    ? `；自 ${from} 起算（原文为“${p.horizon_text}”一年的数；targets.csv 的 counting_start 写入此日，报送该年以来的累计数）`
    : policyDate !== undefined && from === periodStart(p, policyDate)
    ? `；自 ${from} 起算（${p.frequency}计数，从发文所在的${periodMonths(p.frequency ?? "") === 1 ? "月" : "一期"}起，此前的期数不计；targets.csv 的 counting_start 写入此日，报送该日以来的累计数）`
    : `；自 ${from} 起算（原文以 ${Number(from.slice(0, 4)) - 1} 年为基期；targets.csv 的 counting_start 写入此日，报送起算以来的累计变化）`;
  const split = p.kind === "quantity" ? splitDigits(p, row, bodyText) : null;
  const spaced = split === null ? "" : `；原文“${split}”的数字中间有空格，只读出了最后的 ${p.value}：多半是识别错误，${p.annex_text !== "" ? "请在 corrections.csv 中更正原文" : "请在 items.csv 中改正该条正文（corrections.csv 只更正附件各行）"}后再核对（--write 不写入此条，以免错误的数值占用编码）`;
  return `${KIND[p.kind] ?? p.kind}「${p.subject}」：${what}${measure ? `（${measure}）` : ""}；时限 ${deadline}${source ? `；${source}` : ""}${since}${differs}${share}${spaced}`;
}
