import { endOfMonth, endOfYear, format, isValid, parseISO, setMonth } from "date-fns";
import { normalizeName } from "./text.js";

/** A deadline's date and where it came from; date null for ongoing and recurring duties (长期, 每季度), which have none. */
/**
 * A deadline phrase read: its date (null for none), the rule it was read by, and `continues` when a clause of it keeps
 * a duty up after that date (6月底前建立，每季度发布: recurring; 年内完成，长期坚持: ongoing), which a recurring target of
 * the row follows instead of the date.
 */
export type Deadline = { date: string | null; rule: string; continues?: "ongoing" | "recurring" };

const CN_NUM: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

function toNumber(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s);
  return CN_NUM[s] ?? null;
}

const iso = (d: Date) => format(d, "yyyy-MM-dd");

/** Today (or `now`) as YYYY-MM-DD, in local time: the default as-of date. */
export const todayIso = (now: Date = new Date()): string => iso(now);

/** The local date and time as --received-at is written (YYYY-MM-DD HH:MM:SS.mmm): a receipt stamped now. */
export const localTimestamp = (now: Date = new Date()): string => format(now, "yyyy-MM-dd HH:mm:ss.SSS");

/** Parses an ISO date (YYYY-MM-DD) strictly; null when invalid. */
export function parseIsoDate(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const d = parseISO(text);
  return isValid(d) && iso(d) === text ? text : null;
}

/**
 * A receipt time as `--received-at` and schedules give it: YYYY-MM-DD, optionally with HH:MM[:SS[.fff]] after a space
 * or T; a real date and time of day (2017-11-31 and 25:00 are not). Returns it with a space between date and time.
 */
export function parseReceivedAt(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?$/.exec(text.trim());
  if (m === null || parseIsoDate(m[1]!) === null) return null;
  if (m[2] !== undefined && (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59)) return null;
  return text.trim().replace("T", " ");
}

/**
 * Turns a deadline phrase into a date relative to the policy's issue date.
 * 年内/全年/今年/年底前 → end of that year; N月底前 → end of month N; N年内 → end of year + N (or the policy's end_date, see inTerm);
 * YYYY年底前, YYYY年年底前, YYYY年内, YYYY年度, 到YYYY年, YYYY年M月底前, YYYY年M月D日前 as written; YYYY-YYYY年 → end of the later year;
 * M月D日前 in the policy's year; (YYYY年)第N季度(末前), 前三季度 → the quarter's last day; (YYYY年)上半年 → 6月30日, 下半年 → 年底 (明年上半年: the next year's).
 * 长期/持续/常态化/常年 → no date (rule ongoing); 每季度/每月/每年 → no date (rule recurring). A verb after the date
 * (年底前完成, 6月底前建成, 年内实现, 10月底前出台: DEADLINE_VERB) is left out.
 * Returns null when the phrase is not recognised.
 */
/**
 * A verb written after the date, and what it is done to (年底前完成, 10月底前出台, 年内完成方案编制, 2021年6月底前完成方案编制):
 * the date alone counts. Not a noun of the verb (年底前完成率: no date).
 */
const DEADLINE_VERB = /(前|内|底|末|旬|月|年|度)(?:全面|基本|初步|全部|率先|逐步|如期|按期|按时|陆续|力争|确保)?(完成|建成|实现|落实到位|落实|到位|办结|出台|印发|制定|启动|建立|开展|推进|推开|铺开|推广|上线|投用|投产|开工|竣工|完工|部署|验收|提交|报送|召开|举办|形成|发布|公布|颁布|公开|成立|组建|挂牌|编制|修订|上报|实施|达到|达标|覆盖|全覆盖|见效|取得|进入|落地|交付|运行|通过)(?![率数量值额度])[^，,；;]*$/;

/**
 * Anything written after 前/以前/之前/内 (2021年底前取得明显成效): the date alone counts, unless what follows is a
 * quantity's name (年内完成率, 年底前投资额: no date).
 */
const DEADLINE_TAIL = /(前|以前|之前|内|之内|以内)(?![^，,；;]*[率数量值额度]$)[^，,；;]+$/;

/** 2023.1 at the start of a date: maybe January, maybe 2023.10 typed as a number, its trailing zero dropped by Excel. */
export const DROPPED_ZERO_MONTH = /^(\d{4})\.1(?!\d)/;

export function parseDeadline(text: string, policyDate: string, policyEnd?: string | null): Deadline | null {
  const base = parseISO(policyDate);
  if (!isValid(base)) throw new Error(`invalid policy date ${policyDate}`);
  // (full-width digits, ２０２０年６月底前, as the target parser reads them)
  const t = normalizeName(text).replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[。.]$/, "");
  const phrase = (p: string) => inTerm(parsePhrase(p, base), policyEnd ?? null);
  const whole = phrase(t);
  if (whole !== null || !/[，,；;]/.test(t)) return whole;
  // 年内完成，长期坚持 / 6月底前启动，年底前完成: every clause a deadline, the latest date the task's (a duty kept up
  // after it, 长期坚持, adds no date); one clause not understood and the whole is not
  const parts = t.split(/[，,；;]/).filter((p) => p.trim() !== "").map(phrase);
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  const dated = (parts as Deadline[]).filter((p) => p.date !== null).sort((a, b) => (a.date! < b.date! ? -1 : 1));
  const latest = dated[dated.length - 1];
  if (latest === undefined) return parts[0] as Deadline;
  const kept = (parts as Deadline[]).find((p) => p.date === null && (p.rule === "recurring" || p.rule === "ongoing"));
  return kept === undefined ? latest : { ...latest, continues: kept.rule as "ongoing" | "recurring" };
}

/**
 * 三年内 in a policy whose term is given (policy.csv end_date: a 2021—2023 plan issued in 2021 ends 2023-12-31): the
 * term's end, when it falls in the year N years on or the year before (the issue year counted as the first of the N).
 * Otherwise, and with no end_date, the end of the year N years after the issue year.
 */
function inTerm(d: Deadline | null, policyEnd: string | null): Deadline | null {
  if (d === null || d.rule !== "years_after_policy_year" || d.date === null || policyEnd === null) return d;
  const years = Number(d.date.slice(0, 4)) - Number(policyEnd.slice(0, 4));
  return years === 0 || years === 1 ? { date: policyEnd, rule: "years_policy_term" } : d;
}

/** 明年, 次年 (the year after the policy's) and 今年, 本年 (its own) before a date: the year written out. */
const RELATIVE_YEAR = /^(明年|次年|下一年度?|今年|本年度?)/;

/** The rule of a date read with its year written out, named after the year it was given as. */
const RELATIVE_RULES: Record<string, string> = {
  explicit_year: "year_end", explicit_month: "year_month_end", explicit_date: "year_date", explicit_quarter: "year_quarter_end",
  explicit_half_year: "year_half", explicit_month_part: "year_month_part",
};

function parsePhrase(phrase: string, base: Date): Deadline | null {
  // (「年底前完成」「2018年6月底前建成」: the date, with the verb after it left out)
  // (力争2022年底前, 确保年内完成: the date the effort is for)
  // (2021年起每年: a duty of every year from then on, a recurring one)
  const t = phrase.trim().replace(/^(力争|争取|确保|力求|努力)/, "").replace(/^(到|至|截至|截止到?|在)/, "").replace(/^(?:\d{4}年|明年|次年|今年)(?:起|开始)(?=每)/, "").replace(DEADLINE_VERB, "$1");
  const own = parseOwnYear(t, base) ?? parseOwnYear(t.replace(DEADLINE_TAIL, "$1"), base);
  if (own !== null) return own;
  // 明年3月底前, 明年底前 (the next year's), 今年9月 (the policy's year): as if the year were written
  const rel = RELATIVE_YEAR.exec(t);
  if (rel === null) return null;
  const next = /^(明年|次年|下)/.test(rel[1]!);
  const written = parseOwnYear(`${base.getFullYear() + (next ? 1 : 0)}年${t.slice(rel[0].length).replace(/^年/, "")}`, base);
  if (written === null || RELATIVE_RULES[written.rule] === undefined) return written;
  return { date: written.date, rule: `${next ? "next" : "policy"}_${RELATIVE_RULES[written.rule]}` };
}

/** The last year of each five-year plan (“十三五” 2016–2020). */
const FIVE_YEAR_PLAN_END: Record<string, number> = { 十一五: 2010, 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030 };

/** The day of the month a 旬 ends on: 上旬 the 10th, 中旬 the 20th, 下旬 the month's last. */
const DEKAD_END: Record<string, number | null> = { 上: 10, 中: 20, 下: null };

function parseOwnYear(t: string, base: Date): Deadline | null {
  // (即日起, 按序时推进: from now on, at the pace of the year, with no date of its own)
  if (/^(长期(坚持|推进|开展)?|持续(推进|开展)?|常态化(推进|开展)?|常年(坚持|推进|开展)?|长效|即日起(实施|执行|开展)?|按(序时|时序|计划|年度计划)(进度)?推进)$/.test(t)) return { date: null, rule: "ongoing" };
  // (此后每月更新, 每年更新一次: what follows a date, and a round a period)
  if (/^(?:此后|之后|以后|今后)?(每(个)?(半个?月|两个?月|周|旬|月|季度?|半年|年(度)?)|按(月|季|季度|年))(开展|报送|推进|更新|通报|检查|督查|调度|发布|公布|召开|举办|统计|上报|汇报|考核|评估|总结|分析|研判|巡查|排查|监测)?(?:一次|1次)?$/.test(t)) return { date: null, rule: "recurring" };
  // 每年12月底前, 每年年底前, 每季度末, 每月10日前, 每年一次: a date in every period, a recurring duty
  if (/^每(个)?(月|季度?|半年|年度?)(([0-9一二三四五六七八九十]{1,3})月(份)?)?(([0-9]{1,2})日|[上中下]旬|年?(底|末))?前?$|^每(个)?(月|季度?|半年|年度?)(至少)?[一二两三四五六1-6](次|期|轮)(以上)?$/.test(t))
    return { date: null, rule: "recurring" };
  if (/^(年内|全年|今年内?|年底前?|本年度?内?)$/.test(t)) return { date: iso(endOfYear(base)), rule: "policy_year_end" };
  // 11月中旬, 2018年3月上旬前: the 旬's last day
  let m = t.match(/^(?:(\d{4})年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(上中|中下|[上中下])旬(?:末|底)?前?$/);
  if (m) {
    const year = m[1] ? Number(m[1]) : base.getFullYear();
    const month = toNumber(m[2]!);
    if (month === null || month < 1 || month > 12) return null;
    const day = DEKAD_END[m[3]!.slice(-1)] ?? endOfMonth(new Date(year, month - 1, 1)).getDate();
    return { date: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, rule: m[1] ? "explicit_month_part" : "policy_year_month_part" };
  }
  // 10月底前, 9月, 9月份, 十二月末: the month's last day in the policy's year
  m = t.match(/^(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:底|末)?(?:(?<=[底末])前)?$/);
  if (m) {
    const month = toNumber(m[1]!);
    if (month === null || month < 1 || month > 12) return null;
    return { date: iso(endOfMonth(setMonth(base, month - 1))), rule: "policy_year_month_end" };
  }
  m = t.match(/^(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2})日前?$/);
  if (m) {
    const month = toNumber(m[1]!);
    const date = month === null ? null : parseIsoDate(`${base.getFullYear()}-${String(month).padStart(2, "0")}-${m[2]!.padStart(2, "0")}`);
    return date === null ? null : { date, rule: "policy_year_date" };
  }
  // 第三季度末前, 三季度, 前三季度, 2019年第一季度: the quarter's last day
  m = t.match(/^(?:(\d{4})年)?(?:第|前)?([1-4一二三四])季度?(?:末|底)?前?$/);
  if (m) {
    const year = m[1] ? Number(m[1]) : base.getFullYear();
    const month = toNumber(m[2]!)! * 3;
    return { date: iso(endOfMonth(new Date(year, month - 1, 1))), rule: m[1] ? "explicit_quarter" : "policy_year_quarter_end" };
  }
  // 上半年 → 6月30日, 下半年 → 年底
  m = t.match(/^(?:(\d{4})年|(今年|明年|次年))?(上|下)半年(?:内|底前|末前?)?$/);
  if (m) {
    const year = m[1] ? Number(m[1]) : base.getFullYear() + (m[2] === "明年" || m[2] === "次年" ? 1 : 0);
    return { date: m[3] === "上" ? `${year}-06-30` : `${year}-12-31`, rule: m[1] ? "explicit_half_year" : "policy_year_half" };
  }
  // “十三五”期间, 十四五末: the plan's last year (十三五 2016–2020)
  m = t.match(/^["“]?(十一五|十二五|十三五|十四五|十五五)["”]?(?:期间|时期|期末|末)?(?:内|前)?$/);
  if (m) return { date: `${FIVE_YEAR_PLAN_END[m[1]!]}-12-31`, rule: "five_year_plan" };
  m = t.match(/^(\d{1,2}|[一两二三四五六七八九十])年内$/);
  if (m) {
    const years = toNumber(m[1]!);
    if (years === null) return null;
    return { date: `${base.getFullYear() + years}-12-31`, rule: "years_after_policy_year" };
  }
  m = t.match(/^(\d{4})年(?:年?(?:底|末)?前?|度?内|度)$/);
  if (m) return { date: `${m[1]}-12-31`, rule: "explicit_year" };
  m = t.match(/^(\d{4})年?[-~～—–―－至到](\d{4})年(底|末)?前?$/);
  if (m) return Number(m[2]) >= Number(m[1]) ? { date: `${m[2]}-12-31`, rule: "explicit_year" } : null;
  m = t.match(/^(\d{4})年(\d{1,2})月(\d{1,2})日前?$/);
  if (m) {
    const date = parseIsoDate(`${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`);
    return date === null ? null : { date, rule: "explicit_date" };
  }
  // 2023.12.31, 2023-12-31, 2023/12/31 (a date as a spreadsheet writes it) and 2023.12, 2023-12, 2023/12 (its month)
  m = t.match(/^(\d{4})([.\-/])(\d{1,2})\2(\d{1,2})日?前?$/);
  if (m) {
    const date = parseIsoDate(`${m[1]}-${m[3]!.padStart(2, "0")}-${m[4]!.padStart(2, "0")}`);
    return date === null ? null : { date, rule: "explicit_date" };
  }
  // (2023.1 is no month: DROPPED_ZERO_MONTH)
  m = t.match(/^(\d{4})[.\-/](\d{1,2})月?(?:份)?(底|末)?(?:(?<=[底末])前)?$/);
  if (m && DROPPED_ZERO_MONTH.test(t)) return null;
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { date: iso(endOfMonth(new Date(Number(m[1]), Number(m[2]) - 1, 1))), rule: "explicit_month" } : null;
  // (2021年9月前 is no date: the end of August or of September? as 9月前 is not)
  m = t.match(/^(\d{4})年(\d{1,2})月(?:份)?(底|末)?(?:(?<=[底末])前)?$/);
  if (m) {
    const d = endOfMonth(new Date(Number(m[1]), Number(m[2]) - 1, 1));
    return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { date: iso(d), rule: "explicit_month" } : null;
  }
  return null;
}
