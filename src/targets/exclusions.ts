/**
 * Exclusion rules: numerals that are names, numbering, dates or set phrases, never targets.
 * The first rule that matches names the reason (kept on the figure so tests and docs can show why).
 *
 * Consistency choices:
 * - A figure needs a unit (units.ts), a scale word (1.5万) or a percent sign; so 2025 in 中国制造2025, "521",
 *   八大工程, 个十百千, 一把手, 一站式 and 一线 never qualify, quoted or not.
 * - An explicit count of one IS a target (进行1次…讲座, 开展1轮培训, 建设一个以上…中心); but 一批 ("a batch of"),
 *   其中一个 / 作为一项 (indefinite "one of / a") and set phrases (一次性, 一条龙, 最多跑一次) are not.
 * - Everything inside quotes or title marks is a name: "1+X", 《…(2018-2020)》, “四个一批”.
 */
import { inSpans, type Span } from "./segment.js";
import { LATIN_UNIT } from "./units.js";

export type ExclusionContext = {
  text: string; // width-folded text
  start: number; // first character of the figure
  coreEnd: number; // end of the first numeral
  end: number; // end of the figure (unit, suffix comparator)
  unit: string | null;
  unitEnd: number | null; // end of the unit as written
  numeral: string; // the first numeral as written
  chinese: boolean;
  value: number;
  valueMax: number | null;
  scaled: boolean;
  protectedSpans: readonly Span[];
};

export type ExclusionRule = { id: string; description: string; examples: readonly string[]; test: (c: ExclusionContext) => boolean };

const before = (c: ExclusionContext, n: number) => c.text.slice(Math.max(0, c.start - n), c.start).replace(/ +$/, "");
const afterCore = (c: ExclusionContext) => c.text.slice(c.coreEnd).replace(/^ +/, "");
const afterUnit = (c: ExclusionContext) => (c.unitEnd === null ? "" : c.text.slice(c.unitEnd));
const lineHead = (c: ExclusionContext) => c.text.slice(c.text.lastIndexOf("\n", c.start - 1) + 1, c.start);
/** A numeral after a unit that grades what is counted, not a set phrase: 三级甲等, 二级以上, 4A级, 三星级, 三甲, 5G, 九年一贯制. */
const GRADE_AFTER_UNIT = /^(?:[一二三四五六七八九十\d]+(?:级|星|[AaＡ]|[GgＧ]|年一贯制|年制)|[一二三][甲乙]|一流)/;
const isYear = (v: number | null) => v !== null && Number.isInteger(v) && v >= 1900 && v <= 2100;

/** 由/从 (原来的/目前的/现在的) right before a figure that a change verb with 到/至 follows: the figure is where the change starts. */
/** 由, 从 and what may stand before the starting figure (原来的, 2020年的). */
const BASELINE_FROM = "(?:由|从)(?:原来的|原先的|目前的|现在的|现有的|现行的|\\d{4}年的?)?";
export const BASELINE_BEFORE = new RegExp(`${BASELINE_FROM}$`);
const CHANGE_TO = "(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|压缩|压减|缩短|缩小|缩减|削减|精简|降|增|减)(?:到|至|为)";
// (由原来的7个环节压减至4个: what is counted may stand between the figure and the verb)
const BASELINE_AFTER = new RegExp(`^ *(?:[\\u4e00-\\u9fff]{1,4}?)?${CHANGE_TO}`);
/** One figure of a list and what separates it from the next: 「3.5%、」「3个工作日和」. */
const LISTED_FIGURE = "[0-9.]+[^0-9、，,。；;：:]{0,8}? *[、和及与] *";
/** 分别由3.5%、3.2%下降到3%、2.8%: a figure after the first of a list of starting values (由3.5%、). */
const BASELINE_LIST_BEFORE = new RegExp(`${BASELINE_FROM} *(?:${LISTED_FIGURE})+$`);
/** …and a figure before the last of them (、3.2%下降到). */
const BASELINE_LIST_AFTER = new RegExp(`^ *(?:[、和及与] *[0-9.]+[^0-9、，,。；;：:]{0,8}?)+ *${CHANGE_TO}`);

/** Set phrases containing a numeral and a measure word. */
export const IDIOMS: readonly string[] = [
  "一批", "一把手", "一站式", "一条龙", "一次性", "一体化", "一揽子", "最多跑一次", "一张网", "一张图", "一张蓝图", "一件事",
  "一盘棋", "一条心", "一门式", "一网通", "一窗受理", "一对一", "一户一档", "一企一策", "一镇一品", "一村一品",
  // energy statistics: 占一次能源消费比重 (primary energy), 二次能源
  "一次能源", "二次能源",
];

/** Words before a bare 一 that make it an article or part of a word: 其中一个, 作为一项, 统一, 唯一, 进一步. */
export const INDEFINITE_BEFORE_ONE: readonly string[] = [
  "其中", "作为", "成为", "是", "为", "这", "那", "任", "同", "另", "唯", "某", "统", "进", "万", "单", "划", "专", "逐", "之", "不", "有",
  // 新一轮, 新一代, 新一批: "a new round of", no count (实施新一轮智能化技术改造)
  "新",
];

/** Words before any numeral making it an ordinal, a rank or an interval: 第三, 前10名, 每2个月. */
export const ORDINAL_BEFORE: readonly string[] = ["第", "排名", "排名前", "前", "星期", "周", "每"];

/** After N个 these make a slogan: 四个意识, 两个维护, 四个全面. */
export const SLOGAN_AFTER_GE: readonly string[] = ["意识", "自信", "维护", "全面", "确保", "坚持", "率先", "走在前列", "一批", "一百年"];

/** Document titles: 十条意见, 二十条措施. */
export const DOCUMENT_TITLE_AFTER_TIAO: readonly string[] = ["意见", "措施", "举措", "规定", "政策", "新政", "办法", "细则", "建议", "规则"];

export const EXCLUSION_RULES: readonly ExclusionRule[] = [
  {
    id: "quoted",
    description: "inside quotes, title marks or document-number brackets: a name",
    examples: ['"521"工程', '"1+X"', "《行动计划(2018-2020)》", "〔2017〕75号"],
    test: (c) => inSpans(c.protectedSpans, c.start),
  },
  {
    id: "item-number",
    description: "chapter and item numbering: (十二), 一、, 1. at the start of a line",
    examples: ["(十二)", "一、", "3."],
    test: (c) => {
      const b = before(c, 1);
      const a = afterCore(c);
      if ((b === "(" || b === "（") && /^[)）]/.test(a)) return true;
      if (c.unit === null && /^[、．.)）]/.test(a) && /^[\s\-•·*]*$/.test(lineHead(c))) return true;
      return c.unit === null && a.startsWith("、");
    },
  },
  {
    id: "ordinal",
    description: "ordinals, ranks and intervals: 第一, 前10名, 每2个月",
    examples: ["第一批", "前10名", "每2个月"],
    // (not the 前 of a deadline: 其中2023年底前100家, 年末前50家)
    test: (c) => ORDINAL_BEFORE.some((w) => before(c, w.length) === w) && !/^[底末]前$/.test(before(c, 2)),
  },
  {
    id: "indefinite-one",
    description: "一 as an article or inside a word: 其中一个, 作为一项, 统一, 唯一",
    examples: ["其中一个专项考评项目", "作为一项重要工作"],
    test: (c) => c.chinese && c.numeral === "一" && INDEFINITE_BEFORE_ONE.some((w) => before(c, w.length) === w),
  },
  {
    id: "date",
    description: "years, dates, durations and document numbers: 2017年, 9月8日, 三年内, 75号, 2018-2020",
    examples: ["2017年9月8日", "10月底前", "三年内", "75号"],
    test: (c) =>
      (c.unit === null && /^[年月日号时]/.test(afterCore(c))) ||
      (c.unit === null && c.valueMax !== null && isYear(c.value) && isYear(c.valueMax)) ||
      (c.unit === "个" && /^(?:月|季度|星期|多月)/.test(afterUnit(c))) ||
      // (9月10日前, 每月10日: the day of a month, not a number of days, 10日以内)
      (c.unit === "日" && /月\s*$/.test(before(c, 3))),
  },
  {
    id: "named-group",
    description: "N大 names a group: 八大工程, 五大专业园, 两大平台, 六大细分行业",
    examples: ["八大工程", "两大平台"],
    test: (c) => afterCore(c).startsWith("大"),
  },
  {
    id: "identifier",
    description: "part of an identifier or formula: 5G, G20, 1+X, 7×24",
    examples: ["5G基站", "1+X"],
    test: (c) => /[A-Za-z+×]$/.test(c.text.slice(Math.max(0, c.start - 1), c.start)) || (/^[A-Za-z+×]/.test(c.text.slice(c.coreEnd)) && !LATIN_UNIT.test(c.text.slice(c.coreEnd))),
  },
  {
    id: "document-title",
    description: "a document's title: 十条意见, 二十条措施",
    examples: ["十条意见"],
    test: (c) => c.unit === "条" && DOCUMENT_TITLE_AFTER_TIAO.some((w) => afterUnit(c).startsWith(w)),
  },
  {
    id: "slogan",
    description: "set phrases and slogans: 一批, 一把手, 四个一批, 一镇一品, 一对一, 四个意识",
    examples: ["四个一批", "一镇一品", "一条龙"],
    test: (c) => {
      // 四个一批, 一户一档; not a grade of what is counted (新增3家三级甲等医院, 2个4A级景区, 100个5G应用场景, 2所九年一贯制学校)
      if (c.unit !== null && /^[零〇一二两三四五六七八九十\d]/.test(afterUnit(c)) && !GRADE_AFTER_UNIT.test(afterUnit(c))) return true;
      if (c.unit === "个" && SLOGAN_AFTER_GE.some((w) => afterUnit(c).startsWith(w))) return true;
      if (c.chinese && c.numeral === "一" && (/^一[^\s\d]一/.test(c.text.slice(c.start, c.start + 3)) || c.text[c.start - 2] === "一")) return true;
      return IDIOMS.some((idiom) => {
        for (let i = c.text.indexOf(idiom, Math.max(0, c.start - idiom.length)); i >= 0 && i <= c.start; i = c.text.indexOf(idiom, i + 1)) {
          if (i + idiom.length > c.start) return true;
        }
        return false;
      });
    },
  },
  {
    id: "adjective",
    description: "a unit turned into an adjective: 一次性, 一元化, 一站式",
    examples: ["一次性"],
    test: (c) => c.unit !== null && /^[性式化]/.test(afterUnit(c)),
  },
  {
    id: "phase-name",
    description: "a project phase: 一期工程, 二期项目, 处理中心（二期）",
    examples: ["二期工程", "处理中心（二期）"],
    test: (c) => c.unit === "期" && (/^(?:工程|项目)/.test(afterUnit(c)) || (c.chinese && /[(（]$/.test(before(c, 1)) && /^[)）]/.test(afterUnit(c)))),
  },
  {
    id: "baseline",
    description: "a baseline, not a target: 在2020年100亿元的基础上",
    examples: ["100亿元的基础上"],
    test: (c) => /^ *的基础上/.test(c.text.slice(c.end)),
  },
  {
    id: "age-group",
    description: "an age group, not a target: 80岁以上老年人, 0-6岁儿童, 16-59岁劳动力 (寿命达到80岁 is one)",
    examples: ["80岁以上老年人"],
    test: (c) => c.unit === "岁" && /^[\u4e00-\u9fff]/.test(c.text.slice(c.end).replace(/^ *(?:以上|以下|及以上|及以下)?/, "")) && !/^ *的/.test(c.text.slice(c.end)),
  },
  {
    id: "installments",
    description: "how a task is split, not a target: 分三批建成, 分两期实施, 分两步走",
    examples: ["分三批"],
    test: (c) => before(c, 1).endsWith("分") && ["批", "期", "次", "轮", "步"].includes(c.unit ?? ""),
  },
  {
    id: "per-population",
    description: "how many people a rate is counted per, not a target: 十万人口刑事案件发案数, 十万人生产安全事故死亡率 (每十万人口 likewise)",
    examples: ["十万人口刑事案件发案数", "就业人员十万人生产安全事故死亡率"],
    test: (c) => c.chinese && c.unit === "人" && [1000, 10000, 100000, 1000000].includes(c.value) && /^(?:口|[\u4e00-\u9fff]{1,12}?(?:率|发案数|发案量|死亡数|死亡人数))/.test(afterUnit(c)),
  },
  {
    id: "span-of-months",
    description: "a span of months, not a level of them: 3个月内完成整改, 为期6个月 (去化周期控制在12-18个月 is one: a bound before it)",
    examples: ["3个月内完成整改", "为期6个月"],
    test: (c) => c.unit === "个月" && !/(?:控制在|控制到|缩短至|缩短到|缩短为|压缩至|压缩到|压减至|压减到|缩减至|缩减到|降低至|降低到|减至|减到|不超过|不高于|不低于|低于|少于|降至|降到|达到|提高到|延长至|延长到|保持在|稳定在|由|从|(?:期|间|限)在|[≤≥<>＜＞])$/.test(before(c, 4)),
  },
  {
    id: "from-baseline",
    description: "the starting value of a change: 森林覆盖率由40.5%提高到42%, 从原来的8.5个工作日压缩至3个工作日, 分别由3.5%、3.2%下降到3%、2.8%",
    examples: ["由40.5%提高到42%", "分别由3.5%、3.2%下降到"],
    // (分别由3.5%、3.2%下降到3%、2.8%: each of a list of starting values)
    test: (c) => (BASELINE_BEFORE.test(before(c, 8)) || BASELINE_LIST_BEFORE.test(before(c, 60)))
      && (BASELINE_AFTER.test(c.text.slice(c.end)) || BASELINE_LIST_AFTER.test(c.text.slice(c.end, c.end + 60))),
  },
  {
    id: "per-member",
    description: "how a total just stated is spread, not a target of its own: 建成监测站12个，实现每个镇（街道）至少1个 (每个镇建成1个文化站 stays a target: its own noun follows)",
    examples: ["建成空气自动监测站12个，实现每个镇（街道）至少1个"],
    test: (c) => {
      const starts = ["，", ",", "；", ";", "。", "\n"].map((p) => c.text.lastIndexOf(p, c.start - 1));
      const clauseStart = Math.max(...starts) + 1;
      const clause = c.text.slice(clauseStart, c.start);
      if (c.unit === null || !/每(?:个|一个)?(?:镇|乡|村|街道|社区|行政村|园区|县|区|学校)[^\d０-９零〇一二两三四五六七八九十]*$/.test(clause)) return false;
      // nothing after the unit in its clause, and the same unit after a figure earlier in the sentence
      if (!/^(?:以上|及以上)?\s*(?:[，,；;。\n]|$)/.test(c.text.slice(c.unitEnd ?? c.end))) return false;
      const sentence = c.text.slice(Math.max(c.text.lastIndexOf("。", clauseStart - 1), c.text.lastIndexOf("\n", clauseStart - 1)) + 1, clauseStart);
      return new RegExp(`[\\d０-９零〇一二两三四五六七八九十百千万]${c.unit.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`).test(sentence);
    },
  },
  {
    id: "no-unit",
    description: "no unit, scale word or percent sign: a bare number is a name or a code",
    examples: ["中国制造2025", "h 5"],
    test: (c) => c.unit === null && !c.scaled,
  },
];

/** The id of the first exclusion rule matching, or null. */
export function findExclusion(c: ExclusionContext): string | null {
  return EXCLUSION_RULES.find((r) => r.test(c))?.id ?? null;
}
