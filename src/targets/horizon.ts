/**
 * Horizons: the time phrases that give a target its deadline (年内, 三年内, 10月底前, 到2020年, 2018年6月底前 …).
 * Each rule finds a phrase in running text and rewrites it to a canonical phrase that the project's own
 * `parseDeadline` (src/deadline.ts, also used for the annex's 完成时限 column) resolves, so a 年内 in prose and
 * a 年内 in the table always give the same date. Relative phrases need the policy date; without one their
 * deadline is null. Absolute ones (到2020年) resolve on their own.
 */
import { addMonths, format, parseISO } from "date-fns";
import { parseDeadline, parseIsoDate } from "../deadline.js";
import { parseNumeral } from "./numerals.js";
import { inSpans, overlaps, type Span } from "./segment.js";

export type Horizon = Span & { text: string; deadline: string | null };

type Canonical = { phrase: string; relative: boolean } | null;
/** `inQuotes`: the rule reads text that quotes protect from the others (a quoted name inside a time phrase). */
export type HorizonRule = { id: string; pattern: RegExp; canonical: (m: RegExpExecArray, policyDate: string | null) => Canonical; inQuotes?: boolean };

const NUM = "(\\d{1,2}|[一二两三四五六七八九十]{1,3})";
const policyYear = (policyDate: string | null) => (policyDate === null ? null : Number(policyDate.slice(0, 4)));
const num = (s: string | undefined) => (s === undefined ? null : parseNumeral(s));

/** In priority order: a longer phrase claims its text first (三年内 before 年内, 2020年6月底前 before 2020年). */
export const HORIZON_RULES: readonly HorizonRule[] = [
  {
    id: "year-month-day",
    pattern: /(到|至|于)?(\d{4})年(\d{1,2})月(\d{1,2})日(前|以前|之前)/g,
    canonical: (m) => ({ phrase: `${m[2]}年${Number(m[3])}月${Number(m[4])}日前`, relative: false }),
  },
  {
    id: "year-quarter",
    pattern: /(\d{4})年(第|前)?([一二三四1-4])季度(末|底)?(前|以前|之前|内)?/g,
    canonical: (m) => ({ phrase: `${m[1]}年第${m[3]}季度末前`, relative: false }),
  },
  {
    id: "year-month",
    pattern: /(到|至|截至|截止|于)?(\d{4})年(\d{1,2})月份?(底|末)?(前|以前|之前)?(?!\d|[一二三四五六七八九十]+日)/g,
    canonical: (m) => (m[1] || m[4] || m[5] ? { phrase: `${m[2]}年${Number(m[3])}月底前`, relative: false } : null),
  },
  {
    id: "year-half",
    pattern: /(\d{4})年(上|下)半年/g,
    canonical: (m) => ({ phrase: m[2] === "上" ? `${m[1]}年6月底前` : `${m[1]}年底前`, relative: false }),
  },
  {
    id: "year-range",
    pattern: /(\d{4})年? ?[-–—~〜～至到] ?(\d{4})年/g,
    canonical: (m) => ({ phrase: `${m[2]}年底前`, relative: false }),
  },
  {
    id: "year",
    pattern: /(到|至|截至|截止|于|力争)?(\d{4})年(底|末)?(前|以前|之前|内)?/g,
    canonical: (m) => (m[1] || m[3] || m[4] ? { phrase: `${m[2]}年底前`, relative: false } : null),
  },
  {
    // 「推进老旧小区改造，2018年完成30个，2019年完成40个」: a bare year opening a clause is the year the clause is for
    id: "year-leading",
    pattern: /(?<=^|[，,；;。：:\s（(、]|其中)(\d{4})年度?(?=[^\d月日年度的、和至到\-–—~〜～])(?!分别)/g,
    canonical: (m) => ({ phrase: `${m[1]}年底前`, relative: false }),
  },
  {
    // 「新增高新技术企业300家，其中2023年100家、2024年100家」: a bare year before a figure in a 其中 list is the year that
    // share is for
    id: "year-share",
    pattern: /(?<=其中|其中[，,]|[^\d年月]、)(\d{4})年度?(?=\d)/g,
    canonical: (m) => ({ phrase: `${m[1]}年底前`, relative: false }),
  },
  {
    // 「城中村改造2022年完成50%，2023年基本完成」: a bare year between what is done and the verb doing it is the year
    // it is done by (not 比2020年下降, a baseline, nor 2020年完成情况, a report)
    id: "year-before-verb",
    // (nor 以2020年完成值为基数, 在2020年新增就业基础上, 自2021年累计: a base or a start)
    pattern: /(?<=[\u4e00-\u9fff])(?<![以在自较与比从至于到止])(\d{4})年(?=(?:要|须|将|力争|确保|争取)?(?:全面|基本|全部)?(?:完成|建成|实现|达到|新增|累计|培育|创建)(?!情况|进度|值|数|基础))/g,
    canonical: (m) => ({ phrase: `${m[1]}年底前`, relative: false }),
  },
  {
    // 二〇一九年底前, 到二〇二〇年: a year in Chinese digits
    id: "chinese-year",
    pattern: /(到|至|截至|截止|于|力争)?([〇零一二三四五六七八九]{4})年(底|末)?(前|以前|之前|内)?/g,
    canonical: (m) => (m[1] || m[3] || m[4] ? { phrase: `${[...m[2]!].map((c) => "〇一二三四五六七八九".indexOf(c === "零" ? "〇" : c)).join("")}年底前`, relative: false } : null),
  },
  {
    // 到“十三五”末, “十四五”期间: the plan's name is quoted, the phrase is still a time
    id: "quoted-five-year-plan",
    pattern: /(到|至)?["“]?(十三五|十四五|十五五)["”](末|期末|期间|时期)/g,
    canonical: (m) => ({ phrase: `${{ 十三五: 2020, 十四五: 2025, 十五五: 2030 }[m[2] as "十三五"]}年底前`, relative: false }),
    inQuotes: true,
  },
  {
    id: "five-year-plan",
    pattern: /(十三五|十四五|十五五)(?:期间|时期|期末|末)?/g,
    canonical: (m) => ({ phrase: `${{ 十三五: 2020, 十四五: 2025, 十五五: 2030 }[m[1] as "十三五"]}年底前`, relative: false }),
  },
  {
    // 明年3月底前, 次年6月: a month of the year after the policy's (parseDeadline reads 明年 against the policy date)
    id: "next-year-month",
    pattern: new RegExp(`(?:明年|次年)${NUM}月份?(底|末)?(前|以前|之前)?(?![上中下]旬)`, "g"),
    canonical: (m) => {
      const n = num(m[1]);
      return n !== null && n >= 1 && n <= 12 ? { phrase: `明年${n}月底前`, relative: true } : null;
    },
  },
  {
    // 明年一季度, 次年第二季度末前
    id: "next-year-quarter",
    pattern: /(?:明年|次年)(第|前)?([一二三四1-4])季度(末|底)?(前|以前|之前|内)?/g,
    canonical: (m) => ({ phrase: `明年第${m[2]}季度末前`, relative: true }),
  },
  {
    // 11月中旬前, 2018年3月上旬: a 旬's last day (上旬 the 10th, 中旬 the 20th, 下旬 the month's end)
    id: "month-dekad",
    pattern: new RegExp(`(明年|次年|(\\d{4})年)?${NUM}月份?(上中|中下|[上中下])旬(末|底)?(前|以前|之前)?`, "g"),
    canonical: (m) => {
      const n = num(m[3]);
      if (n === null || n < 1 || n > 12) return null;
      return { phrase: `${m[2] ? `${m[2]}年` : m[1] ? "明年" : ""}${n}月${m[4]}旬前`, relative: m[2] === undefined };
    },
  },
  {
    id: "months-within",
    // (not a bound on a span of months: 去化周期保持在12个月以内, 控制在18个月以内; 在3个月内建成 is a deadline)
    pattern: new RegExp(`(?<!(?:(?:控制|保持|稳定|压缩|压减|缩短|缩减|降低|减少|降|减)(?:在|至|到|为)|(?:期|间|限)在|不超过|超过|不高于|低于|少于)\\s*)(?<![\\d一二两三四五六七八九十])${NUM}个月(?:内|之内|以内)`, "g"),
    canonical: (m, policyDate) => {
      const n = num(m[1]);
      if (n === null) return null;
      // Without a policy date a relative phrase resolves to null (see resolve), whatever its canonical form.
      return { phrase: policyDate === null ? "" : format(addMonths(parseISO(policyDate), n), "yyyy年M月底前"), relative: true };
    },
  },
  {
    id: "years-within",
    pattern: new RegExp(`(未来|今后|用)?${NUM}年(内|之内|以内|时间)?`, "g"),
    canonical: (m) => {
      const n = num(m[2]);
      return n !== null && n <= 20 && (m[1] || m[3]) ? { phrase: `${n}年内`, relative: true } : null;
    },
  },
  {
    // 1—6月, 1-9月份, 2023年1至6月: the months of the year so far, to that month's end (not 1—6个月, a span)
    id: "months-to-date",
    pattern: new RegExp(`(?:(\\d{4})年)?(?<![\\d.])(?:1|一)\\s*[—–\\-－~～至到]\\s*${NUM}月份?(?!\\d|个)`, "g"),
    canonical: (m) => {
      const n = num(m[2]);
      return n !== null && n >= 2 && n <= 12 ? { phrase: `${m[1] ? `${m[1]}年` : ""}${n}月底前`, relative: m[1] === undefined } : null;
    },
  },
  {
    id: "month-end",
    pattern: new RegExp(`(到|至|于)?${NUM}月份?(底|末)?(前|以前|之前)?`, "g"),
    canonical: (m) => {
      const n = num(m[2]);
      return n !== null && n >= 1 && n <= 12 && (m[3] || m[4]) ? { phrase: `${n}月底前`, relative: true } : null;
    },
  },
  {
    id: "month-day",
    pattern: /(到|至|于)?(\d{1,2})月(\d{1,2})日(前|以前|之前)/g,
    canonical: (m) => ({ phrase: `${Number(m[2])}月${Number(m[3])}日前`, relative: true }),
  },
  {
    // 第三季度末前, 一季度, 前三季度 (每季度 is a frequency)
    id: "quarter",
    pattern: /(?<!每)(第|前)?([一二三四1-4])季度(末|底)?(前|以前|之前|内)?/g,
    canonical: (m) => ({ phrase: `第${m[2]}季度末前`, relative: true }),
  },
  {
    id: "half-year",
    // (明年上半年: the half of the year after the policy's)
    pattern: /(明年|次年|今年)?(上|下)半年/g,
    canonical: (m, policyDate) => {
      const later = m[1] === "明年" || m[1] === "次年";
      const year = (policyYear(policyDate) ?? 0) + (later ? 1 : 0);
      return { phrase: m[2] === "上" ? `${year}年6月底前` : later ? `${year}年底前` : "年内", relative: true };
    },
  },
  {
    id: "next-year",
    pattern: /明年(?:底|年底)?/g,
    canonical: (_m, policyDate) => ({ phrase: `${(policyYear(policyDate) ?? 0) + 1}年底前`, relative: true }),
  },
  {
    id: "this-year",
    pattern: /今年内|今年底|今年|年内|年底前|年底|年末|全年|当年|本年度|本年/g,
    canonical: () => ({ phrase: "年内", relative: true }),
  },
];

// (达到2019年的90%以上, 按2022年底存量计算, 在2022年底80家的基础上: a year compared with, not a deadline; 提高到2020年的80%
// is one)
const BASE_BEFORE = /(?:比|较|与|同|从|由|相对于?|对比|按|达)$/;
const BASE_AFTER = /^(?:的)?(?:基础上|为基期|为基数|为基准|为基年|相比|水平|起|开始|以来|结转|续建|遗留|未完成)/;
/** 在2022年底80家的基础上: a year after 在 that a 的基础上 closes (not 到2025年在2022年的基础上: the first is a deadline). */
const BASE_AROUND = (before: string, after: string) => /在\s*$/.test(before) && /^[^，,；;。年]{1,12}的基础上/.test(after);

/** Horizon phrases that mark a flow over the year rather than a deadline for a stock (全年举办…). */
export const ANNUAL_HORIZONS: readonly string[] = ["全年"];

function resolve(c: NonNullable<Canonical>, policyDate: string | null, policyEnd: string | null): string | null {
  if (c.relative && policyDate === null) return null;
  // Absolute phrases do not depend on the base date; parseDeadline still wants a valid one.
  return parseDeadline(c.phrase, policyDate ?? "2000-01-01", policyDate === null ? null : policyEnd)?.date ?? null;
}

/** Horizons in norm[span), outside quotes and title marks (三年行动计划 in 《》 is a name), in text order. */
export function findHorizons(norm: string, span: Span, protectedSpans: readonly Span[], policyDate: string | null, policyEnd: string | null = null): Horizon[] {
  const text = norm.slice(span.start, span.end);
  const found: Horizon[] = [];
  const based: Span[] = []; // base years found: no later rule reads a horizon inside them (比2017年底: not 年底)
  for (const rule of HORIZON_RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
      const start = span.start + m.index;
      const h = { start, end: start + m[0].length };
      if (m[0].length === 0 || (!rule.inQuotes && inSpans(protectedSpans, start)) || [...found, ...based].some((f) => overlaps(f, h))) continue;
      // a base year or a start, not a deadline: 比2017年底下降20%, 在2017年底基础上, 2017年为基期, 2019年起每年
      if (BASE_BEFORE.test(text.slice(0, m.index)) || BASE_AFTER.test(text.slice(m.index + m[0].length)) || BASE_AROUND(text.slice(0, m.index), text.slice(m.index + m[0].length))) {
        based.push(h);
        continue;
      }
      const canonical = rule.canonical(m, policyDate);
      if (canonical === null) continue;
      found.push({ ...h, text: m[0], deadline: resolve(canonical, policyDate, policyEnd) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Validates the policyDate option: an ISO date or nothing. */
export function checkPolicyDate(policyDate: string | undefined): string | null {
  if (policyDate === undefined) return null;
  const ok = parseIsoDate(policyDate);
  if (ok === null) throw new Error(`policyDate must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(policyDate)}`);
  return ok;
}
