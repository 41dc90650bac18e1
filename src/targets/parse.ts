/**
 * parseTargets: every quantitative target, milestone and recurring duty in a policy text, in text order.
 *
 * Pipeline (each step table-driven, see lexicon.ts, units.ts, exclusions.ts, horizon.ts):
 * 1. fold widths, find quoted/bracketed names, scan figures (numeral + unit + range + comparator) and drop the
 *    ones an exclusion rule names (numbering, dates, names, set phrases);
 * 2. per sentence (。；;！？ and line breaks) and clause (commas, colons, table tabs): find predicate words
 *    (comparators, measure verbs, milestone verbs), horizons and frequencies;
 * 3. a figure followed by 的 is an attribute of the target it describes (注册资金4亿元的…公司), not a target;
 * 4. 全覆盖 right after a counted noun phrase is the same duty as the count (实现1000家规上企业智能改造全覆盖);
 *    otherwise it is a coverage target of its own (value 100 %);
 * 5. a milestone is a milestone verb whose object ends in a document or body noun, with no count in it;
 * 6. a clause with a frequency and no figure is a recurring duty; with a figure the figure carries the frequency.
 *
 * Rules for the ambiguous cases:
 * - comparator: an explicit bound (以上/不少于/超过 → at_least, 左右/约 → about, 以内/不超过 → at_most,
 *   共计 → exactly, 10余家 → at_least) wins; else a reach verb (达到/实现/完成/扩大至…, nearest in the clause)
 *   gives "reach"; a count merged with 全覆盖 is "reach"; otherwise null (新增200台 states no bound).
 * - measure: the measure verb nearest before the figure in its clause decides (累计达到 → level, 累计新增 →
 *   increment); a percent after a non-change verb is a level (完成计划的100%); with no verb, a subject ending in a
 *   metric noun (额, 率, 规模…) or a percent is a level, a 全年/每年 count is an increment, and otherwise the
 *   previous target of the sentence is followed (年内上云企业达到2300家，标杆上云企业3家以上 → both level).
 * - kind: a count per period (全年举办15-20期, 每月举办2期) is a quantity, carrying its frequency when one is
 *   written; 'recurring' is a frequency without a count (每半个月通报…, 定期督查). 全年 is a horizon, not a frequency.
 * - horizon: the last horizon before the target in its sentence, else one after it in its clause, else — in a
 *   task table row — a last cell that is only a horizon (完成时限 年内 / 10月底前); null when nothing is stated.
 * - subject: the noun phrase after the figure (培育10家智能经济行业龙头企业); else the words between the verb and the
 *   figure (新增工业机器人200台); else what stands before a reach verb (上云企业达到2300家); attributes stay in it.
 */
import { normalizeProse } from "../text.js";
import { BASELINE_BEFORE } from "./exclusions.js";
import { scanFigures, type Figure } from "./figures.js";
import { ANNUAL_HORIZONS, checkPolicyDate, findHorizons, type Horizon } from "./horizon.js";
import { addExact, parseChineseNumeral } from "./numerals.js";
import {
  ATTRIBUTE_EXCEPTIONS, COMPARATOR_PREFIXES, CONJUNCTIONS, COVERAGE_NAME_FOLLOWERS, COVERAGE_VERBS, COVERAGE_WORDS,
  FREQUENCIES, FREQUENCY_PATTERN, MEASURE_VERBS, METRIC_NOUNS, MILESTONE_ACTS, NOUN_MEASURES, MILESTONE_NOUNS, MILESTONE_SELF_REFERENCES, MILESTONE_VERBS, MILESTONE_WORKS,
  SUBJECT_FILLERS, SUBJECT_STOP_WORDS, VERB_BEARING_NOUNS, matchWordAt, type Comparator, type Measure,
} from "./lexicon.js";
import { findProtectedSpans, inSpans, normalizeWidth, skipSpaces, skipSpacesBack, splitClauses, splitSentences, type Span } from "./segment.js";
import { toBaseUnit, UNITS } from "./units.js";

export type { Comparator, Measure } from "./lexicon.js";

export type TargetAttribute = { text: string; value: number; unit: string; start: number; end: number };

export type ParsedTarget = {
  kind: "quantity" | "milestone" | "recurring";
  comparator: Comparator | null;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  baseUnit: string | null;
  valueInBaseUnit: number | null;
  measure: Measure | null;
  /**
   * carried: the horizon stands in an earlier clause, bound to that clause's own verb (10月底前完成方案编制，淘汰货车1200辆):
   * it may be that clause's alone; the task row's own deadline, when it differs, is the better guess (registry.ts).
   */
  horizon: { text: string; deadline: string | null; carried?: boolean } | null;
  subject: string;
  frequency?: string | null;
  attributes: TargetAttribute[];
  text: string;
  start: number;
  end: number;
  sentence: Span;
  /** The level it starts from, stated in its clause (由3个工作日缩短至1个工作日: 3): targets.csv's baseline. */
  baseline?: number | null;
};

export type ParseOptions = {
  policyDate?: string /* ISO date, e.g. 2017-09-08 */;
  /** The last day of the policy's term (policy.csv end_date): 三年内 of a 2021—2023 plan is its end, see parseDeadline. */
  policyEnd?: string | null;
};

// ---------------------------------------------------------------------------------------------------------------
// Predicate words: one lexicon merged from the comparator, measure-verb and milestone-verb tables.

type Entry = { word: string; comparator?: Comparator; measure?: Measure; reach?: boolean; change?: boolean; adjacent?: boolean; nominal?: boolean; milestone?: boolean };
type Token = Span & Entry;

const LEXICON = new Map<string, Entry>();
const entry = (word: string) => LEXICON.get(word) ?? LEXICON.set(word, { word }).get(word)!;
for (const v of MEASURE_VERBS) Object.assign(entry(v.word), v);
for (const c of COMPARATOR_PREFIXES) {
  const e = entry(c.word);
  e.comparator = c.comparator;
  if (e.measure === undefined) e.adjacent = true; // a pure comparator only counts right before a figure
}
for (const w of MILESTONE_VERBS) entry(w).milestone = true;
const LEXICON_WORDS = [...LEXICON.keys()];

const isPureComparator = (t: Token) => t.measure === undefined && t.comparator !== undefined;
const isQuantityAnchor = (t: Token) => t.measure !== undefined || t.comparator !== undefined;

function scanTokens(norm: string, span: Span, protectedSpans: readonly Span[], figures: readonly Figure[]): Token[] {
  const tokens: Token[] = [];
  const figureStarts = new Set(figures.map((f) => f.start));
  for (let i = span.start; i < span.end; ) {
    if (inSpans(protectedSpans, i) || figures.some((f) => i >= f.start && i < f.end)) {
      i++;
      continue;
    }
    const noun = matchWordAt(norm, i, VERB_BEARING_NOUNS);
    if (noun !== null && !(noun.endsWith("区") && /[域县]/.test(norm[i + noun.length] ?? ""))) { // (建成区域性…中心: 建成 is the verb)
      i += noun.length;
      continue;
    }
    const word = matchWordAt(norm, i, LEXICON_WORDS);
    // (“最多跑一次”实现率, 投诉处置率, 问题解决率: a verb before 率 names the rate, a noun)
    if (word !== null && norm[i + word.length] === "率") {
      i += word.length + 1;
      continue;
    }
    const e = word === null ? undefined : LEXICON.get(word);
    if (word === null || e === undefined || i + word.length > span.end || (e.adjacent && !figureStarts.has(skipSpaces(norm, i + word.length)))) {
      i++;
      continue;
    }
    tokens.push({ ...e, start: i, end: i + word.length });
    i += word.length;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------------
// Subject text

const NUMBERING = /^(?:[-•·*]\s*)?(?:[(（][一二三四五六七八九十百零〇\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、])/;
/** A start at the head of a subject, no subject itself: 2020年起每年新增10家, 自2019年7月起, 从2018年开始. */
const START_PHRASE = /^(?:自|从)?\d{4}年(?:\d{1,2}月(?:份)?)?(?:起|开始|以来)[,，]?/;
const TRAILING_JUNK = /[\s,，、:;。的等]/;
/** Words about how a figure compares, left at the end of a subject before the verb: 分别, 年均, 同比, 均 (each of them), 比2015年, 较上年同期; 翻 (增加值翻一番). */
const TRAILING_WORDS = /(?:分别|年均|同比|环比|力争|确保|争取|(?<![人亩户平])均|(?<!推)翻|(?:较|比)(?:\d{4}年|上年|去年|上一年)(?:同期|底|末)?|(?<=率|额|量|比重|占比|时限|周期|时间|标准|比|比值|系数|指数|PUE值?)为)$/;

type Clean = { text: string; start: number; end: number };
/** skip: adverbials (horizons, frequencies) skipped at the start and cut out anywhere; remove: other cuts. */
type CleanOptions = { leading?: boolean; skip?: readonly Span[]; tokens?: readonly Token[]; remove?: readonly Span[] };

/**
 * The text of norm[from, to) as written in `input`, as a subject: leading numbering, fillers, adverbials,
 * conjunctions and (optionally) verbs skipped; trailing 的/等/punctuation dropped; `remove` spans cut out;
 * OCR whitespace removed.
 */
function clean(input: string, norm: string, from: number, to: number, o: CleanOptions = {}): Clean {
  let s = from;
  let e = to;
  for (let changed = true; changed && s < e; ) {
    changed = false;
    const before = s;
    while (s < e && /\s/.test(norm[s]!)) s++;
    if (norm[s] === "的") s++; // 完成50%的拆迁任务
    if (o.leading) {
      const n = NUMBERING.exec(norm.slice(s, e));
      if (n) s += n[0].length;
      const started = START_PHRASE.exec(norm.slice(s, e));
      if (started) s += started[0].length;
      const h = o.skip?.find((x) => x.start <= s && x.end > s);
      if (h) s = h.end;
      const t = o.tokens?.find((x) => x.start === s);
      if (t) s = t.end;
      const w = matchWordAt(norm, s, [...SUBJECT_FILLERS, ...CONJUNCTIONS]);
      if (w && s + w.length <= e) s += w.length;
    }
    changed = s !== before;
  }
  for (let changed = true; changed; ) {
    const before = e;
    while (e > s && TRAILING_JUNK.test(norm[e - 1]!)) e--;
    // (an adverbial left out at the end, 失业率分别由3.5%下降到: what stands before it is the end)
    const h = o.skip?.find((x) => x.end === e && x.start > s);
    if (h) e = h.start;
    // 化学需氧量、氨氮排放量分别下降3%、3.5%; 交易额年均增长20%; 用水量比2015年下降20%
    const tail = TRAILING_WORDS.exec(norm.slice(s, e));
    if (tail) e -= tail[0].length;
    changed = e !== before;
  }
  const cuts = [...(o.remove ?? []), ...(o.skip ?? [])].filter((c) => c.start >= s && c.end <= e).sort((a, b) => a.start - b.start);
  let text = "";
  let at = s;
  for (const c of cuts) {
    if (c.start < at) continue;
    text += input.slice(at, c.start);
    at = c.end;
  }
  text += input.slice(at, e);
  // 力争再新增10家: an adverb left alone before the verb names nothing (the subject comes from elsewhere)
  if (o.leading && LONE_ADVERB.test(norm.slice(s, e))) return { text: "", start: e, end: e };
  return { text: normalizeProse(text), start: s, end: e };
}

/** What may be all that stands between a filler and the verb: 再, 还要, 另行 (never a subject on its own). */
const LONE_ADVERB = /^\s*(?:再|还|另|又|也|再次|还要|还将|另行|又将|也要|也将|将|要)\s*$/;

/** Occurrences of `words` (longest first) in norm[span), outside quotes. */
function findWords(norm: string, span: Span, words: readonly string[], protectedSpans: readonly Span[]): (Span & { word: string })[] {
  const found: (Span & { word: string })[] = [];
  for (let i = span.start; i < span.end; ) {
    const w = inSpans(protectedSpans, i) ? null : matchWordAt(norm, i, words);
    if (w && i + w.length <= span.end) {
      found.push({ start: i, end: i + w.length, word: w });
      i += w.length;
    } else i++;
  }
  return found;
}

/**
 * A clause stating a subsidy or reward and its terms (给予…补助/奖励, 最高+amount, 最高奖励, 最高可获得, per company or
 * item: 每家奖励, 单个项目奖励), where money is no target.
 */
/** A bound or verb of change, then what a share or multiple is of (法定时限, 全国平均水平), then 的: comparedPrefix. */
const COMPARED_WITH = new RegExp(`(${[...COMPARATOR_PREFIXES].map((c) => c.word).sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\<>=]/g, "\\$&")).join("|")})([\u4e00-\u9fff]{2,8}?)的$`);

const INCENTIVE_CLAUSE = new RegExp([
  "给予[^,，]*?(?:奖励|补助|补贴|资助|奖补)",
  "最高(?:不超过|可达)?\\s*[\\d一二三四五六七八九十百千]",
  "最高(?:可)?(?:获得|享受|给予)?(?:奖励|补助|补贴|资助|奖补|扶持|支持)",
  "最高可(?:获得|享受)",
  "每(?:家|个|项|台|套)(?:企业|项目)?(?:奖励|补助|补贴|资助)",
  "(?:单个|单项|单家|单台|单套)[^,，。；;]{0,8}?(?:奖励|补助|补贴|资助|奖补)",
  // (对认定的市级创业孵化基地奖励20万元, 一次性奖励50万元: a reward to whom 对 names)
  // (not 对上争取…补助5亿元, 对口支援: money sought or given by a programme)
  "^\\s*对(?!上|口|接)[^,，。；;争]{1,30}?(?:一次性)?(?:奖励|补助|补贴|资助|奖补)\\s*[\\d一二三四五六七八九十百千]",
  // (按照每人每年2000元标准发放护理补贴, 发放高龄津贴每人每月100元: an allowance per head)
  // (not 按标准发放率, a rate; nor 按标准发放…资金3亿元 with no rate named)
  "(?:按照?|以)[^,，。；;]{1,12}?标准(?:发放|给予)(?!率)",
  "(?:发放|给予)[^,，。；;]{0,12}?(?:补贴|津贴|补助|救助金|生活费|抚恤金)[^,，。；;]{0,4}?每(?:人|户|名)",
].join("|"));

/** What stands before a figure that states how things are today: 目前完成率为, 全市共有规上企业, 我市目前有. */
const STATE_TODAY = /^(?:全市|我市|全县|全区)?(?:(?:目前|当前|截至目前)[^,，]*(?:为|是|达到?)|(?:目前|当前)?(?:共有|已有|拥有)(?!产权)[^,，]*|(?:目前|当前)有[^,，]*)$/;
const UNITS_BY_NAME = new Map(UNITS.map((u) => [u.unit, u]));

/** 每人, 每户每月, 每亩每年: what a figure is counted per. */
const RATE_PHRASE = /每(?:人|户|亩|位|名|床)(?:每(?:月|年|天|日|季度))?/g;

function findFrequency(norm: string, span: Span, protectedSpans: readonly Span[], rates: readonly Span[] = []): (Span & { word: string }) | null {
  for (let i = span.start; i < span.end; i++) {
    if (inSpans(protectedSpans, i) || inSpans(rates, i)) continue;
    const w = matchWordAt(norm, i, FREQUENCIES);
    // (定时定点投放: at set times and places, a way of working, no frequency)
    // (法定时限, 规定期限, 约定时间, 固定期限: a word that ends with 定, no frequency)
    if (w && !(w === "定时" && norm.startsWith("定点", i + w.length)) && !((w === "定时" || w === "定期") && /[法规约固指确特预限商决审核认设]$/.test(norm.slice(Math.max(0, i - 1), i)))) {
      return { start: i, end: i + w.length, word: w };
    }
    FREQUENCY_PATTERN.lastIndex = i;
    const m = FREQUENCY_PATTERN.exec(norm);
    if (m && i + m[0].length <= span.end) return { start: i, end: i + m[0].length, word: m[0] };
  }
  return null;
}

/** Drops trailing brackets, quotes and whitespace: 《…计划(2018-2020)》 → …计划; 研究院(产业技术研究院) → 研究院. */
/**
 * A milestone verb's object read: without a date in brackets after it (完成方案编制（11月底前）: bare), the act written
 * after it (完成《规划》编制: act), works 完成 finishes as a whole (完成超低排放改造: works), and whether it names a
 * milestone at all (those works, or a document or body: named).
 */
function readMilestoneObject(verb: string, text: string): { bare: string; act: string | undefined; works: boolean; named: boolean } {
  const bare = objectHead(text);
  const act = MILESTONE_ACTS.find((w) => bare.endsWith(w) && bare.length > w.length);
  const works = verb === "完成" && act === undefined && MILESTONE_WORKS.some((w) => bare.endsWith(w) && bare.length > w.length + 1);
  const head = objectHead(act === undefined ? bare : bare.slice(0, -act.length));
  return { bare, act, works, named: works || MILESTONE_NOUNS.some((n) => head.endsWith(n)) };
}

function objectHead(text: string): string {
  let t = text;
  for (let prev = ""; prev !== t; ) {
    prev = t;
    t = t.replace(/[\s》〉”"’」』】]+$/, "").replace(/[(（][^()（）]*[)）]$/, "");
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------------------

type Ctx = {
  input: string;
  norm: string;
  policyDate: string | null;
  policyEnd: string | null;
  protectedSpans: Span[];
};

type Draft = Omit<ParsedTarget, "horizon" | "sentence" | "text" | "attributes"> & { clause: Span; attributes: TargetAttribute[] };

const EMPTY_VALUE = { comparator: null, value: null, valueMax: null, unit: null, baseUnit: null, valueInBaseUnit: null, measure: null } as const;

/** A count to be brought to nothing (实现劣V类水体清零, 劣V类水体降为零, 35蒸吨/小时以下燃煤锅炉全部淘汰): a milestone. */
const ZERO_WORDS: readonly string[] = ["清零", "降为零", "降至零", "降到零", "下降为零", "减为零", "减少为零", "全部淘汰", "全面淘汰", "全部关停", "全部取缔", "全部拆除", "全部关闭"];
/** Before what is to be brought to nothing (全面消除集体经济薄弱村, 全面淘汰35蒸吨/小时以下燃煤锅炉): a milestone, the verb first. */
const ZERO_VERBS: readonly string[] = ["全面消除", "全部消除", "彻底消除", "全面消灭", "彻底消灭", "全面淘汰", "全部淘汰"];
/** After 清零, the words of a means or a programme, not an aim (清零台账, 清零销号制度, 清零专项行动). */
const ZERO_MEANS = /^.{0,4}(?:台账|销号|制度|机制|管理|专项|攻坚|行动|任务|计划|工程|方案|试点|工作)/;
/** Before a 清零, a verb of a means (建立清零台账, 实行清零销号, 对照问题清单逐项清零) or a time past (去年实现…清零). */
const ZERO_NOT_AIM = /^(?:建立|完善|健全|实行|推行|落实|开展|对|对照|按照|去年|上年|前期|此前|往年)/;

/**
 * The measure a list's last item names after its subject, from the verb it is made of on (氮氧化物排放总量: 排放总量;
 * 工业用水量: 用水量; 化肥、农药使用量: 使用量): shared by the items before it that name none (二氧化硫、氮氧化物排放总量分别下降15%、12%).
 */
const SHARED_MEASURE = /(?:排放|排污|消耗|耗|使用|用|产生|处理|处置|利用|综合利用|回收|收集)(?:总量|量|强度|浓度|率)$/;
/**
 * A short item that qualifies the last one's whole subject (城市和农村生活垃圾回收利用率: 城市生活垃圾回收利用率; 工业、生活
 * 污水排放量: 工业污水排放量), not a subject of its own that takes only its measure.
 */
const LIST_QUALIFIER = /^(?:城市|农村|城镇|城乡|城区|镇区|县城|市区|中心城区|建成区|工业|农业|生活|企业|园区|国家|省|市|县|镇|村|新建|既有|.{1,3}级)$/;

/**
 * The text without the spaces OCR leaves between two Chinese characters (「全 年 新 增 规 上 企 业」, 「龙 头企业」), so
 * that words are found whole, and without a space grouping digits by thousands (1 200家); `at[i]` is the position in
 * `text` of character i (and `at[length]` = text.length). Spaces elsewhere (50 家, 5 0公里, between a name and a date) stay.
 */
export function squeezeOcrSpaces(text: string): { squeezed: string; at: number[] } {
  const at: number[] = [];
  let squeezed = "";
  const han = (c: string | undefined) => c !== undefined && /[\u4e00-\u9fff]/.test(c);
  for (let i = 0; i < text.length; i++) {
    if (text[i] === " " || text[i] === "\u3000") {
      let j = i;
      while (text[j] === " " || text[j] === "\u3000") j++;
      if (han(text[i - 1]) && han(text[j])) {
        i = j - 1;
        continue;
      }
      // (高新技术企业总数达到1 200家: digits grouped by thousands with a space, one number)
      if (j === i + 1 && /(?<![\d.,])\d{1,3}$/.test(text.slice(Math.max(0, i - 4), i)) && /^\d{3}(?![\d.])/.test(text.slice(j, j + 4))) continue;
    }
    at.push(i);
    squeezed += text[i];
  }
  at.push(text.length);
  return { squeezed, at };
}

/** Every target of `text`, in order, with positions in `text`. See the module comment for the rules. */
export function parseTargets(text: string, options: ParseOptions = {}): ParsedTarget[] {
  const { squeezed, at } = squeezeOcrSpaces(text);
  const found = parseSqueezed(squeezed, options);
  if (squeezed.length === text.length) return found;
  const span = <T extends Span>(s: T): T => ({ ...s, start: at[s.start]!, end: s.end > s.start ? at[s.end - 1]! + 1 : at[s.start]! });
  return found.map((t) => {
    const { start, end } = span(t);
    return {
      ...t, start, end, text: text.slice(start, end), sentence: span(t.sentence),
      attributes: t.attributes.map((a) => ({ ...span(a), text: text.slice(at[a.start]!, a.end > a.start ? at[a.end - 1]! + 1 : at[a.start]!) })),
    };
  });
}

function parseSqueezed(text: string, options: ParseOptions): ParsedTarget[] {
  // (85%（含）以上: 含 says the bound is inclusive, as 以上 already does; blanked, the positions kept)
  const norm = normalizeWidth(text).replace(/\((?:含|含本数|包含本数)\)(?=\s*(?:以上|以下|以内|及以上|及以下))/g, (m) => " ".repeat(m.length));
  const protectedSpans = findProtectedSpans(norm);
  const ctx: Ctx = { input: text, norm, policyDate: checkPolicyDate(options.policyDate), policyEnd: checkPolicyDate(options.policyEnd ?? undefined), protectedSpans };
  const all = scanFigures(norm, protectedSpans);
  const figures = all.filter((f) => f.excluded === null);
  // 由40.5%提高到42%: the starting value and its 由 are cut out of the subject
  const baselines: Baseline[] = all.filter((f) => f.excluded === "from-baseline").map((f) => {
    // (分别由3.5%、3.2%下降到: a later one of the list takes the 、 before it)
    const lead = norm.slice(Math.max(0, f.start - 8), skipSpacesBack(norm, f.start));
    const m = BASELINE_BEFORE.exec(lead) ?? /[、和及与] *$/.exec(lead);
    return { start: skipSpacesBack(norm, f.start) - (m?.[0].length ?? 0), end: f.end, value: f.valueMax === null ? f.value : null, unit: f.unit?.unit ?? null };
  });
  const out: ParsedTarget[] = [];
  for (const sentence of splitSentences(norm)) {
    const inSentence = figures.filter((f) => f.start >= sentence.start && f.end <= sentence.end);
    out.push(...parseSentence(ctx, sentence, inSentence, baselines.filter((b) => b.start >= sentence.start && b.end <= sentence.end)));
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** 年均 (年平均) right before a verb that adds (新增, 培育, 引进 …; not a change, 增长). */
const YEARLY_AVERAGE_VERB = new RegExp(`(?:年均|年平均)(?:${MEASURE_VERBS.filter((v) => v.measure === "increment" && !v.change).map((v) => v.word).sort((a, b) => b.length - a.length).join("|")})`);

/**
 * 年均新增科技型中小企业300家: a count of each year on average is a count of every year (每年), as 平均每年 is; not a
 * rate (年均增长10%: each year's rate, targets.sql's yearly).
 */
function averagedYearly(norm: string, clause: Span, f: Figure, measure: Measure | null): string | null {
  if (measure !== "increment" || f.unit?.category === "percent") return null;
  // (right before the verb: 年均浓度下降3微克 names an annual mean, not a yearly count)
  return YEARLY_AVERAGE_VERB.test(norm.slice(clause.start, f.start)) ? "每年" : null;
}

/** The list of starting values (由3.5%、3.2%) that ends with `last`, in order: `last` alone when it is no list. */
function baselineList(norm: string, baselines: readonly Baseline[], last: Baseline): Baseline[] {
  const chain = [last];
  for (let i = baselines.indexOf(last) - 1; i >= 0; i--) {
    const b = baselines[i]!;
    if (b.end > chain[0]!.start || !/^ *$/.test(norm.slice(b.end, chain[0]!.start))) break;
    chain.unshift(b);
  }
  return chain;
}

/** 由40.5%: where a change starts, its figure and unit (the value null for a range). */
type Baseline = Span & { value: number | null; unit: string | null };

function parseSentence(ctx: Ctx, sentence: Span, figures: Figure[], baselines: readonly Baseline[]): ParsedTarget[] {
  const { input, norm, protectedSpans } = ctx;
  const clauses = splitClauses(norm, sentence);
  const horizons = findHorizons(norm, sentence, protectedSpans, ctx.policyDate, ctx.policyEnd);
  const allTokens = scanTokens(norm, sentence, protectedSpans, figures);
  // 每人每月800元, 每户: a rate's denominator, not a frequency (cut out of the subject like a time)
  // (帮扶干部每人每月走访不少于1次: before a count it is a duty per month)
  const rates: Span[] = [...norm.slice(sentence.start, sentence.end).matchAll(RATE_PHRASE)]
    .map((m) => ({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length }))
    .filter((r) => figures.find((f) => f.start >= r.end)?.unit?.category === "money");
  const frequencies = clauses.map((c) => findFrequency(norm, c, protectedSpans, rates)).filter((f) => f !== null);
  const adverbials: Span[] = [...horizons, ...frequencies, ...baselines, ...rates];
  const clauseOf = (pos: number) => clauses.find((c) => pos >= c.start && pos < c.end) ?? sentence;
  // (不超过法定时限的40%, 压缩至法定时限的40%, 达到全国平均水平的1.5倍: a bound or a verb of change, then what the share
  // or multiple is of, then the figure: the bound is the figure's, and `compared` what it is of)
  const comparedPrefix = (f: Figure): (Token & { compared: string }) | null => {
    if (f.unit === null || !["%", "倍"].includes(f.unit.unit)) return null;
    const end = skipSpacesBack(norm, f.start);
    const from = Math.max(0, end - 24);
    const m = COMPARED_WITH.exec(norm.slice(from, end));
    if (!m) return null;
    const start = from + m.index;
    const word = COMPARATOR_PREFIXES.find((c) => c.word === m[1])!;
    return { start, end: start + m[1]!.length, word: word.word, comparator: word.comparator, compared: m[2]! } as Token & { compared: string };
  };
  const prefixOf = (f: Figure) => allTokens.find((t) => t.comparator !== undefined && t.end === skipSpacesBack(norm, f.start)) ?? comparedPrefix(f);

  // 3. attributes: a figure followed by 的 (not 的目标) describes the noun after it.
  const attributes: (TargetAttribute & { clause: Span })[] = [];
  const counted: Figure[] = [];
  // 培育年产值超10亿元企业20家, 其中10亿元以上项目5个: an amount (not a count) written straight before the noun a later
  // count counts (no verb or punctuation between) describes that noun; so does one before the rate a later figure
  // states (公交站点500米覆盖率达到100%), a bounded one before what 全覆盖 covers (500人以上行政村) and a bounded amount
  // between a count and its noun (培育3家产值10亿元以上企业)
  const nounOnly = (text: string) => /\S/.test(text) && !/[\s,，、;；:：。和及与或]|其中/.test(text.trim());
  // (a count before another figure is a target of its own: 新建10个停车场泊位2000个, 实施100个项目总投资500亿元)
  const describesNext = (f: Figure) => {
    const clause = clauseOf(f.start);
    const g = figures.find((x) => x.start >= f.end && x.end <= clause.end);
    const cover = findWords(norm, { start: f.end, end: clause.end }, COVERAGE_WORDS, protectedSpans)[0];
    const count = f.unit?.category === "count" || (f.unit === null && f.scaled);
    if (g !== undefined && !count) {
      const inner = allTokens.filter((t) => t.start >= f.end && t.end <= g.start);
      // (新增220千伏输电线路50公里: a voltage names the kind of line, whatever the later figure counts it in)
      if (inner.length === 0) return (g.unit?.category === "count" || f.unit?.category === "electric") && nounOnly(norm.slice(f.end, g.start));
      const head = norm.slice(f.end, inner[0]!.start).trim();
      return nounOnly(head) && METRIC_NOUNS.some((n) => head.endsWith(n)) && skipSpaces(norm, inner[inner.length - 1]!.end) === g.start;
    }
    if (g === undefined && cover !== undefined) {
      // (500人以上行政村年内基本实现全覆盖: the deadline and the verb of 全覆盖 may stand between)
      const between = { start: f.end, end: cover.start };
      const cuts = [...horizons, ...findWords(norm, between, COVERAGE_VERBS, protectedSpans)].filter((c) => c.start >= f.end && c.end <= cover.start);
      const inCut = (t: Span) => cuts.some((c) => t.start >= c.start && t.end <= c.end);
      let rest = norm.slice(f.end, cover.start);
      for (const c of [...cuts].sort((a, b) => b.start - a.start)) rest = rest.slice(0, c.start - f.end) + rest.slice(c.end - f.end);
      return f.comparator !== null && nounOnly(rest) && !allTokens.some((t) => t.start >= f.end && t.end <= cover.start && !inCut(t));
    }
    // 培育3家产值10亿元以上企业: a bounded amount between a count and the noun it counts
    const countBefore = [...figures].reverse().find((x) => x.end <= f.start && x.start >= clause.start);
    return g === undefined && !count && f.comparator !== null && countBefore?.unit?.category === "count" &&
      nounOnly(norm.slice(countBefore.end, f.start)) && nounOnly(norm.slice(f.end, clause.end)) &&
      !allTokens.some((t) => t.start >= countBefore.end && t.end <= clause.end);
  };
  for (const f of figures) {
    const after = norm.slice(skipSpaces(norm, f.end));
    const attributive = (after.startsWith("的") && !ATTRIBUTE_EXCEPTIONS.some((w) => after.startsWith(w, 1))) || describesNext(f);
    if (!attributive || f.unit?.category === "percent") {
      counted.push(f);
      continue;
    }
    const clause = clauseOf(f.start);
    const prefix = prefixOf(f);
    let labelStart = clause.start;
    for (const t of allTokens) if (t.end <= f.start && t.start >= clause.start && t !== prefix && t.end > labelStart) labelStart = t.end;
    for (const g of figures) if (g.end <= f.start && g.end > labelStart && g.start >= clause.start) labelStart = g.end;
    const sep = Math.max(norm.lastIndexOf("、", f.start - 1), norm.lastIndexOf("的", f.start - 1)) + 1;
    if (sep > labelStart) labelStart = sep;
    const label = clean(input, norm, labelStart, prefix?.start ?? f.start);
    const start = label.text ? label.start : (prefix?.start ?? f.start);
    attributes.push({ text: input.slice(start, f.end), value: f.value, unit: f.unit?.unit ?? "", start, end: f.end, clause });
  }
  const inAttribute = (t: Span) => attributes.some((a) => t.start >= a.start && t.end <= a.end);
  const tokens = allTokens.filter((t) => !inAttribute(t));
  // 试点建设1个: a `nominal` verb after a noun is a noun, no anchor for the figure (it may still start a milestone).
  const nominalUse = (t: Token) => {
    if (!t.nominal) return false;
    // 完成改造项目30个: right after 完成, it begins its object (新建改造 is one verb)
    if (tokens.some((x) => x !== t && x.word === "完成" && x.end === t.start)) return true;
    const clause = clauseOf(t.start);
    const floor = Math.max(clause.start, ...tokens.filter((x) => x.end <= t.start && x.start >= clause.start).map((x) => x.end));
    return clean(input, norm, floor, t.start, { leading: true, skip: adverbials }).text !== "";
  };
  // 完成燃煤锅炉淘汰改造120台, 完成小城镇环境综合整治30个: after 完成 and its object, a verb is the object's last word
  const inCompletedObject = (t: Token) => {
    const clause = clauseOf(t.start);
    // (完成固定资产投资同比增长8%: a change by a percentage is the rate of what is completed, not part of its name)
    const nextFigure = counted.find((g) => g.start >= t.end && g.end <= clause.end);
    if (t.change && nextFigure?.unit?.category === "percent" && clean(input, norm, t.end, nextFigure.start).text === "") return false;
    // (完成河道整治并新建绿道10公里: after 并, 后, 再 a new predicate starts)
    return t.measure === "increment" && tokens.some((x) => x.word === "完成" && x.start >= clause.start && x.end < t.start &&
      clean(input, norm, x.end, t.start).text !== "" && !/[并后再和及、]/.test(norm.slice(x.end, t.start)) && !/^新/.test(t.word));
  };
  // (完成清理整顿企业500家: a verb right after 完成 is what is completed)
  const afterCompleted = (t: Token) => t.measure === "increment" && tokens.some((x) => x !== t && x.word === "完成" && x.end === t.start);
  const anchors = tokens.filter((t) => isQuantityAnchor(t) && !nominalUse(t) && !inCompletedObject(t) && !afterCompleted(t));

  const drafts: Draft[] = [];
  const covered = new Map<Figure, Span>();

  // 4. coverage
  const coverages: (Span & { clause: Span })[] = [];
  for (const clause of clauses) {
    for (const c of findWords(norm, clause, COVERAGE_WORDS, protectedSpans)) {
      if (COVERAGE_NAME_FOLLOWERS.some((w) => norm.startsWith(w, c.end))) continue;
      const f = [...counted].reverse().find((g) => g.end <= c.start && g.start >= clause.start);
      const between = f ? norm.slice(f.end, c.start) : "";
      const merged = f && !/[和及与、,，]/.test(between) && !coverages.some((x) => x.start > f.end && x.end <= c.start);
      if (f && merged) covered.set(f, c);
      coverages.push({ ...c, clause });
      if (merged) continue;
      const floor = Math.max(clause.start, ...coverages.filter((x) => x.end <= c.start).map((x) => x.end), ...counted.filter((g) => g.end <= c.start && g.start >= clause.start).map((g) => g.end));
      // (基本全覆盖: the hedge is no part of what is covered)
      const hedge = c.start - 2 >= floor && norm.slice(c.start - 2, c.start) === "基本" ? [{ start: c.start - 2, end: c.start }] : [];
      const remove = [...findWords(norm, { start: floor, end: c.start }, COVERAGE_VERBS, protectedSpans), ...hedge];
      const subject = clean(input, norm, floor, c.start, { leading: true, skip: adverbials, remove });
      drafts.push({
        kind: "quantity", comparator: "reach", value: 100, valueMax: null, unit: "%", baseUnit: "%", valueInBaseUnit: 100, measure: "level",
        subject: subject.text || previousClauseSubject(ctx, clauses, clause, tokens, adverbials),
        frequency: null, attributes: [], start: subject.text ? subject.start : c.start, end: c.end, clause,
      });
    }
  }

  // 重特大安全事故零发生, 实现较大以上事故“零发生”, 确保不发生重大安全生产事故: none of these events, counted in 起, to
  // the deadline (a ceiling of 0; not where the clause counts something itself)
  for (const clause of clauses) {
    if (counted.some((f) => f.start >= clause.start && f.end <= clause.end)) continue;
    const text = norm.slice(clause.start, clause.end);
    const after = /^(.*?)["“”]?零发生["“”]?/.exec(text);
    const before = after === null ? /不发生(.{2,24}?(?:事故|事件|案件|火灾))/.exec(text) : null;
    const named = after !== null ? { from: clause.start, to: clause.start + after[1]!.length, end: clause.start + after[0].length }
      : before !== null ? { from: clause.start + before.index + 3, to: clause.start + before.index + before[0].length, end: clause.start + before.index + before[0].length } : null;
    if (named === null) continue;
    const remove = findWords(norm, { start: named.from, end: named.to }, COVERAGE_VERBS, protectedSpans);
    const subject = clean(input, norm, named.from, named.to, { leading: true, skip: adverbials, remove });
    if (!/(?:事故|事件|案件|火灾)$/.test(subject.text)) continue;
    drafts.push({
      kind: "quantity", comparator: "at_most", value: 0, valueMax: null, unit: "起", baseUnit: "起", valueInBaseUnit: 0, measure: "increment",
      subject: subject.text, frequency: null, attributes: [], start: subject.start, end: named.end, clause,
    });
  }

  // 化学需氧量、氨氮排放量分别下降3%、3.5%: the listed subjects, one per figure after 分别, in order; with no list in its
  // clause (游客1200万人次，旅游总收入150亿元，分别增长12%和15%), the targets before it in the sentence
  const respectively = new Map<Figure, { subject: string } | { index: number; count: number; before: number }>();
  const respectiveYears = new Map<number, { text: string; deadline: string }>(); // by the figure's end
  const listBound = new Map<Figure, Comparator>();
  for (const clause of clauses) {
    const at = findWords(norm, clause, ["分别"], protectedSpans)[0];
    if (at === undefined) continue;
    const after = counted.filter((g) => g.start >= at.end && g.end <= clause.end);
    // (分别压缩至3个工作日、1个工作日以内: the bound after the last figure bounds them all)
    const bound = after[after.length - 1]?.comparator ?? null;
    if (bound !== null && after.length > 1) for (const g of after.slice(0, -1)) if (g.comparator === null && /^\s*(?:、|和|及|与)\s*$/.test(norm.slice(g.end, after[after.indexOf(g) + 1]!.start))) listBound.set(g, bound);
    const floor = Math.max(clause.start, ...counted.filter((g) => g.end <= at.start && g.start >= clause.start).map((g) => g.end));
    const list = clean(input, norm, floor, at.start, { leading: true, skip: adverbials, tokens }).text;
    // split at 、; at 和/及/与 only when that gives one item per figure (规上工业增加值和工业投资分别增长10%和15%;
    // 城镇和农村居民人均可支配收入 then shares its head noun, below); 城乡居民收入分别增长8%和9%: 城镇 and 农村
    const byComma = list.split("、").map((x) => x.trim()).filter((x) => x !== "");
    const byAnd = list.split(/[和及与]/).map((x) => x.trim()).filter((x) => x !== "");
    // (二氧化硫、氮氧化物和挥发性有机物排放总量分别下降15%、15%和10%: the last two joined by 和)
    const lastByAnd = byComma.length > 1 ? byComma[byComma.length - 1]!.split(/[和及与]/).map((x) => x.trim()).filter((x) => x !== "") : [];
    const items = byComma.length === 1 && byAnd.length > 1 && byAnd.length === after.length ? byAnd
      : byComma.length === 1 && after.length === 2 && /^城乡./.test(byComma[0]!) ? ["城镇", "农村"].map((w) => w + byComma[0]!.slice(2))
      : byComma.length > 1 && byComma.length < after.length && byComma.length - 1 + lastByAnd.length === after.length ? [...byComma.slice(0, -1), ...lastByAnd]
      : byComma;
    // 2019年、2020年分别新增企业20家、30家: the years are the figures' deadlines, not their subjects
    if (items.length > 1 && items.length === after.length && items.every((x) => /^\d{4}年(?:底|末)?$/.test(x))) {
      after.forEach((g, i) => respectiveYears.set(g.end, { text: items[i]!, deadline: `${items[i]!.slice(0, 4)}-12-31` }));
      continue;
    }
    // 2023年、2024年、2025年高标准农田面积分别达到80万亩、85万亩、90万亩: the subject after the years, the last of them
    // read as the clause's time (a horizon, left out of the list)
    const lastYear = horizons.filter((h) => h.start >= floor && h.end <= at.start && /^\d{4}年(?:底|末)?$/.test(norm.slice(h.start, h.end))).at(-1);
    const yearsFirst = items.slice(0, -1).every((x) => /^\d{4}年(?:底|末)?$/.test(x)) && !/^\d{4}年/.test(items[items.length - 1] ?? "");
    if (lastYear && items.length > 1 && yearsFirst && items.length === after.length) {
      const years = [...items.slice(0, -1), norm.slice(lastYear.start, lastYear.end)];
      after.forEach((g, i) => {
        respectiveYears.set(g.end, { text: years[i]!, deadline: `${years[i]!.slice(0, 4)}-12-31` });
        respectively.set(g, { subject: items[items.length - 1]! });
      });
      continue;
    }
    // 网上可办率2021年、2022年、2023年分别达到85%、90%、95%: the subject before the years, each figure of its year
    const lead = items.length > 1 ? /^(.*?\S)\s*(\d{4}年(?:底|末)?)$/.exec(items[0]!) : null;
    if (lead && items.length === after.length && items.slice(1).every((x) => /^\d{4}年(?:底|末)?$/.test(x))) {
      const years = [lead[2]!, ...items.slice(1)];
      after.forEach((g, i) => {
        respectiveYears.set(g.end, { text: years[i]!, deadline: `${years[i]!.slice(0, 4)}-12-31` });
        respectively.set(g, { subject: lead[1]! });
      });
      continue;
    }
    // 城镇、农村居民人均可支配收入: a short first item shares the last one's head noun (城镇居民人均可支配收入); aligned
    // on the item's last character when the last item has it near its start (省级、宁波市级企业技术中心: 省级企业技术中心)
    const last = items[items.length - 1] ?? "";
    const shareHead = (x: string): string => {
      const at = last.indexOf(x[x.length - 1]!);
      return at >= 0 && at <= x.length + 2 ? x + last.slice(at + 1) : x + last.slice(x.length);
    };
    // 二氧化硫、氨氮、氮氧化物排放总量: an item naming no measure of its own (no metric noun at its end) takes the last
    // one's measure, the words from its verb on (二氧化硫排放总量; not by the characters alone: 氨氮 is no 氨氮氧化物…)
    const head = SHARED_MEASURE.exec(last)?.[0];
    // (化学需氧量, 生化需氧量: a pollutant's name, though it ends with 量; 单位GDP能耗 a measure)
    const ownMeasure = (x: string) => (METRIC_NOUNS.some((n) => x.endsWith(n)) && !x.endsWith("需氧量")) || x.endsWith("能耗");
    // 一般登记、抵押登记业务办理时间: an item ending in a word the last one names before its measure takes that measure
    // (一般登记业务办理时间)
    const sharedTail = (x: string): string | null => {
      if (x.length < 3 || ownMeasure(x)) return null;
      const at = last.indexOf(x.slice(-2));
      const rest = at > 0 ? last.slice(at + 2) : "";
      return rest.length >= 2 && METRIC_NOUNS.some((n) => rest.endsWith(n)) ? x + rest : null;
    };
    const named = items.map((x, i) => (i === items.length - 1 ? x
      : x.length <= 3 && last.length > x.length + 2 && (head === undefined || LIST_QUALIFIER.test(x)) ? shareHead(x)
      : head !== undefined && last.length > head.length && !ownMeasure(x) && !x.endsWith(head) ? x + head
      : sharedTail(x) ?? x));
    // 新建省级以上重点实验室、工程技术研究中心、企业研究院: the first item's grade is every item's
    const grade = LEADING_GRADE.exec(named[0] ?? "")?.[0];
    const whole = grade && named.length > 1 && named.slice(1).every((x) => !x.includes("级") && x.length >= 3 && !ownMeasure(x) && GRADED_BODY.test(x))
      ? named.map((x, i) => (i === 0 ? x : grade + x)) : named;
    // (分别新增学位3000个、1000个 names what it counts: no pairing with the targets before it)
    const own = after.length > 0 && clean(input, norm, at.end, after[0]!.start, { leading: true, tokens }).text !== "";
    if (whole.length > 1 && whole.length === after.length) after.forEach((g, i) => respectively.set(g, { subject: whole[i]! }));
    else if (whole.length === 0 && after.length > 1 && !own) after.forEach((g, i) => respectively.set(g, { index: i, count: after.length, before: at.start }));
  }
  const respectiveSubject = (f: Figure): string | null => {
    const r = respectively.get(f);
    if (r === undefined) return null;
    if ("subject" in r) return r.subject;
    const earlier = drafts.filter((d) => d.kind === "quantity" && d.end <= r.before);
    return earlier.length >= r.count ? earlier[earlier.length - r.count + r.index]!.subject || null : null;
  };

  // quantities
  let lastMeasure: Measure | null = null;
  let lastSubject: string | null = null;
  let lastSubjectClause = -1;
  let lastUnit: string | null = null;
  let lastFrequency: NonNullable<ReturnType<typeof findFrequency>> | null = null;
  let lastFrequencyClause = -1;
  /** The subject and unit of the last target outside a 其中 clause (what a 其中 clause's grades are grades of). */
  let parent: { subject: string; unit: string | null } | null = null;
  /** The last clause of a 其中 run (其中省级10家，国家级1家). */
  let shareClause = -2;
  for (const f of counted) {
    const clause = clauseOf(f.start);
    const prefix = prefixOf(f);
    const coverage = covered.get(f) ?? null;
    const floor = Math.max(clause.start, ...counted.filter((g) => g.end <= f.start && g.start >= clause.start).map((g) => g.end));
    const before = anchors.filter((t) => t.start >= floor && t.end <= f.start);
    const verbs = anchors.filter((t) => t.start >= clause.start && t.end <= f.start && t.measure !== undefined);
    const nearestVerb = verbs[verbs.length - 1] ?? null;
    const horizon = horizonFor(horizons, clause, prefix?.start ?? f.start);
    const clauseIndex = clauses.indexOf(clause);
    // (每年新增市场主体3000户，其中新设企业800家: a share of the count before it, of the same period)
    const share: boolean = lastFrequency !== null && lastFrequencyClause === clauseIndex - 1 && /^其中/.test(norm.slice(skipSpaces(norm, clause.start), clause.end));
    const frequency: (Span & { word: string }) | null = frequencies.find((q) => q.start >= clause.start && q.end <= f.start) ?? (share ? lastFrequency : null);
    lastFrequency = frequency;
    lastFrequencyClause = clauseIndex;
    // a target's subject carries on into the same clause and the next one only (新增规上企业50家以上，力争达到1200家)
    // (实现地区生产总值1200亿元，按可比价计算，增长8%左右: a clause on how it is counted stands between)
    const method = (k: number) => /^(?:按|扣除|剔除|以)/.test(norm.slice(skipSpaces(norm, clauses[k]!.start), clauses[k]!.end));
    const between = lastSubjectClause >= 0 ? clauses.slice(lastSubjectClause + 1, clauseIndex).map((_, k) => lastSubjectClause + 1 + k) : [];
    const carried: string | null = lastSubjectClause >= clauseIndex - 1 || (lastSubjectClause >= 0 && between.every(method)) ? lastSubject : null;
    const next = counted.find((g) => g.start >= f.end && g.end <= clause.end) ?? null;
    // 抵押登记1个工作日办结, 企业开办3天内完成: with no verb before it, a time followed by the end of a procedure is
    // that procedure's time limit: a level to stay at or under (办结时限), not a count of days
    // (设立登记0.5个工作日办结, 新建项目3个工作日内完成审批: a verb that adds, with its object before the figure, names the
    // procedure; not one that changes a time, 缩短3天)
    const procedural = nearestVerb === null || (nearestVerb.measure === "increment" && !nearestVerb.change && !nearestVerb.reach &&
      clean(input, norm, nearestVerb.end, f.start, {}).text !== "");
    const limit = f.unit?.category === "time" && procedural ? TIME_LIMIT_AFTER.exec(norm.slice(skipSpaces(norm, f.end), clause.end)) : null;
    const procedure = limit ? clean(input, norm, floor, f.start, { leading: true, skip: adverbials }).text || carried : null;
    // (3个工作日内完成审批: the procedure 完成 ends is 审批)
    const ended = limit && limit[1] === "完成" ? /^[\u4e00-\u9fff]{2,6}$/.exec(norm.slice(skipSpaces(norm, f.end) + limit[0].length, clause.end).trim())?.[0] : undefined;
    const found: string = procedure ? `${procedure}${ended ?? limit![1]}时限`
      : respectiveSubject(f) ?? quantitySubject(ctx, f, clause, clauses, floor, before, tokens, adverbials, coverage, carried, next?.start ?? clause.end, lastUnit, next?.end ?? null);
    // (三年建设高标准农田3万亩, 高标准农田建设三年累计3万亩: the span of years is no part of what is counted; in
    // 其中2021年建设1万亩、2022年建设1万亩 a verb alone counts what the figure before it in its clause counts)
    // (村集体经济年收入全部超过50万元: 全部, 均 are no part of the subject either)
    // (培育省级以上“专精特新”企业累计达到100家: a verb that adds, before what reaches a total, names no part of it)
    const cut = found.replace(nearestVerb?.reach && nearestVerb.word !== "完成" ? /^(?:培育|引进|招引|创建|打造|认定)(?=\S{2})/ : /^$/, "")
      .replace(/^(?:未来|今后)?[一二两三四五六七八九十\d]{1,2}年(?:内|来|间)?(?:累计|共计|共)?(?=\S{2})/, "").replace(/(?<=\S{2})(?:全部|(?<!平)均|都)$/, "")
      .replace(/(?<=\S{2})(?:未来|今后)?[一二两三四五六七八九十]{1,2}年(?:内|来|间)?(?:累计|共计|共)?$/, "");
    // (帮助企业解决问题不少于50个: a noun that names nothing alone, 问题, with the words before it in its clause)
    const spanless = /^(?:累计|共计|共)$/.test(cut) ? found
      // (培训每人每年不少于50学时: 每人 alone names nothing either; the figure is per person, 培训每人)
      : /^(?:问题|困难|难题|事项|诉求|项目|每(?:人|户|名|位|床|亩))$/.test(cut) ? clean(input, norm, floor, prefix?.start ?? f.start, { leading: true, skip: adverbials }).text.replace(/(?:不少于|不低于|达到|超过|以上)$/, "") || cut
      : cut;
    const bareVerb = MILESTONE_VERBS.includes(spanless) || MEASURE_VERBS.some((v) => v.word === spanless) || spanless === "新增";
    // (旅游总人次达到2019年的90%: the year compared with names no subject; what comes before the verb does, of that year)
    const reference = nearestVerb !== null && /^(?:\d{4}年(?:底|末)?|上年|去年|上一年)(?:同期)?的?$/.test(spanless)
      && norm.slice(nearestVerb.end, f.start).replace(/\s+/g, "") === `${spanless.replace(/的$/, "")}的`
      ? clean(input, norm, floor, nearestVerb.start, { leading: true, skip: adverbials }).text : "";
    const compared = prefix !== null && reference === "" && "compared" in prefix ? prefix.compared as string : null;
    const said: string = reference !== "" ? `${reference}（为${spanless.replace(/的$/, "")}的）`
      : compared !== null ? `${clean(input, norm, floor, prefix!.start, { leading: true, skip: adverbials }).text || carried || ""}（为${compared}的）`
      // (新培育省级以上农业龙头企业5家，总数达到50家: a stock named alone is the stock of what the sentence just counted)
      : /^(?:总数|总量|数量|总计|存量|累计总数)$/.test(spanless) && carried !== null && lastUnit === (f.unit?.unit ?? null) ? `${carried}${spanless}`
      : bareVerb && lastSubject && clauseIndex === lastSubjectClause ? lastSubject
      // (全面淘汰国三柴油货车，2019年底前淘汰2000辆: the verb alone counts what an earlier clause of the sentence does to its object)
      : bareVerb ? verbObjectBefore(input, norm, clauses.slice(0, clauseIndex), spanless) ?? spanless
      : spanless;
    // (培育龙头企业5家，其中省级1家、国家级1家: a grade alone in a 其中 clause, or in the clauses that go on with it, is
    // a grade of what the clause before counts, in its unit; a grade the parent names is replaced: 省级龙头企业 → 国家级龙头企业)
    const opensShare = /^其中/.test(norm.slice(skipSpaces(norm, clause.start), clause.end));
    const grade = GRADE_ONLY.test(said);
    const inShare = opensShare || (grade && shareClause === clauseIndex - 1);
    // (of organisations or works, not of people: 新增城镇就业1万人，其中省级1000人 names no 省级城镇就业)
    const subject: string = inShare && grade && parent !== null && parent.unit === (f.unit?.unit ?? null) && !/^(?:万|亿)?(?:人|人次|名|户|位)$/.test(parent.unit ?? "")
      ? `${said}${parent.subject.replace(LEADING_GRADE, "")}`
      // (城镇污水处理率达到90%，其中县城达到60%以上: the same rate in one place, 县城污水处理率)
      : opensShare && PLACE_QUALIFIER.test(said.replace(/地区$/, "")) && parent !== null && parent.unit === (f.unit?.unit ?? null)
      // (新建5G基站1000个，其中农村地区200个: of a count too, where they are: 农村地区5G基站)
      ? `${said}${parent.subject.replace(LEADING_PLACE, "")}` : said;
    if (inShare) shareClause = clauseIndex;
    else if (subject) parent = { subject, unit: f.unit?.unit ?? null };

    // 部门数据归集完成率100%, 农村电商覆盖率95%: a rate stated without a verb is one to reach
    // (完成率为100%: 为 after the rate says the same)
    const statedRate = nearestVerb === null && (f.unit?.category === "percent" || norm[skipSpacesBack(norm, f.start) - 1] === "为") &&
      METRIC_NOUNS.some((n) => subject.endsWith(n));
    const comparator = f.comparator ?? listBound.get(f) ?? prefix?.comparator ?? boundBeforeVerb(norm, nearestVerb, f) ?? (nearestVerb?.reach || coverage || statedRate ? "reach" : procedure ? "at_most" : null);
    let measure: Measure | null;
    const percent = f.unit?.category === "percent";
    // (a ratio or index without a unit is a level whatever verb stands before it: 新建工业项目容积率不低于1.2)
    if (coverage || procedure || f.unit?.unit === "") measure = "level";
    // (地区生产总值增长6.5%左右，力争达到7%: the stretch goal of a rate of growth is that rate, its subject carried on)
    else if (nearestVerb?.reach && percent && lastMeasure === "increment" && lastUnit === "%" && carried !== null && subject === carried &&
      /^(?:力争|争取|努力)/.test(norm.slice(skipSpaces(norm, clause.start), clause.end))) measure = "increment";
    else if (nearestVerb) measure = nearestVerb.measure === "increment" && percent && !nearestVerb.change ? "level" : nearestVerb.measure!;
    // (规上工业企业突破800家: with no verb, a total crossing a mark)
    // (a ratio or index without a unit, 电能利用效率（PUE）不高于1.4: a level)
    else if (percent || METRIC_NOUNS.some((n) => subject.endsWith(n)) || prefix?.word === "突破" || f.unit?.unit === "") measure = "level";
    else if ((horizon && ANNUAL_HORIZONS.includes(horizon.text)) || frequency) measure = "increment";
    else measure = lastMeasure;
    lastMeasure = measure;
    if (subject) {
      lastSubject = subject;
      lastSubjectClause = clauseIndex;
      lastUnit = f.unit?.unit ?? null;
    }

    const start = prefix?.start ?? f.start;
    // 亩均税收达到35万元, 人均可支配收入达到5万元: an amount per 亩 or per head, in 万元/亩 or 万元/人 (not a total)
    // (人均公园绿地面积达到15平方米: 平方米/人)
    const per = f.unit?.category === "money" || (f.unit?.category === "area" && f.unit.unit === "平方米") ? /(亩均|人均)/.exec(subject) : null;
    const unit = (per && UNITS.find((u) => u.unit === `${f.unit!.unit}/${per[1] === "亩均" ? "亩" : "人"}`)) || f.unit;
    drafts.push({
      kind: "quantity", comparator, value: f.value, valueMax: f.valueMax, unit: unit?.unit ?? null,
      // (全市高新技术企业从500家企业增加到800家: the noun counted after the starting figure, already the subject's end, once)
      ...toBaseUnit(f.value, unit), measure, subject: subject.replace(/([\u4e00-\u9fff]{2,4})\1$/u, "$1"), frequency: frequency?.word ?? averagedYearly(norm, clause, f, measure) ?? null, attributes: [], start, end: f.end, clause,
    });
  }
  // 营商环境评价进入全省前10位, 排名提升至全省第5位: a rank to reach, at most that place (a ceiling, reported as the place)
  for (const clause of clauses) {
    RANK.lastIndex = clause.start;
    const text = norm.slice(0, clause.end);
    for (let m = RANK.exec(text); m !== null; m = RANK.exec(text)) {
      const value = /^\d+$/.test(m[5]!) ? Number(m[5]) : parseChineseNumeral(m[5]!);
      // (a place that ends its clause, and not a condition of a reward: 连续两年排名全市前三位，给予表彰)
      const nextClause = clauses[clauses.indexOf(clause) + 1];
      const rewarded = nextClause !== undefined && /^\s*(?:给予|予以|奖励|优先|通报表扬|表彰|可获|将获)/.test(norm.slice(nextClause.start, nextClause.end));
      // (位居全省第二: 位 unsaid after a verb of standing)
      if (m[6] === undefined && !/^(?:位居|位列|稳居|排名|排在|保持)$/.test(m[1]!)) continue;
      if (value === null || value <= 0 || inSpans(protectedSpans, m.index) || !/^\s*[，,。；;]?\s*$/.test(norm.slice(m.index + m[0].length, clause.end)) || rewarded ||
        /(?:对|凡|给予)[^，,。；;]*$/.test(norm.slice(clause.start, m.index))) continue;
      const start = m.index + m[0].indexOf(m[1]!);
      const topic = clean(input, norm, clause.start, start, { leading: true, skip: adverbials }).text.replace(/(?:力争|确保|争取|努力|要|将)+$/, "")
        // (在全省营商环境评价中排名第一: 全省营商环境评价)
        .replace(/^在(.+)中$/, "$1");
      // (排名提升至全省第5位: the verb after 排名 is no part of where)
      const where = `${m[2] ?? ""}${(m[3] ?? "").replace(/^(?:提升至|提升到|上升至|上升到|提高到|提高至|保持在|保持|进入|位居|位列|稳居)/, "")}`;
      // (确保进入全省前10名，力争进入前5名: the stretch goal ranks the same)
      const unit = m[6] ?? "位";
      const earlierRank = [...drafts].reverse().find((d) => d.kind === "quantity" && d.subject.endsWith("排名") && d.unit === unit);
      const subject = topic || where || earlierRank === undefined ? `${topic || previousClauseSubject(ctx, clauses, clause, allTokens, adverbials)}${where}排名` : earlierRank.subject;
      drafts.push({
        kind: "quantity", comparator: "at_most", value, valueMax: null, unit, baseUnit: unit, valueInBaseUnit: value, measure: "level",
        subject, frequency: null, attributes: [], start, end: m.index + m[0].length, clause,
      });
    }
  }
  // 建成1个市级、5个县级和20个乡镇级应急物资储备库: a grade alone before a later figure's graded noun shares its noun
  for (const d of drafts) {
    if (d.kind !== "quantity" || !GRADE_ONLY.test(d.subject)) continue;
    const later = drafts.filter((x) => x.kind === "quantity" && x.clause === d.clause && x.start > d.end && x.unit === d.unit);
    const noun = later.map((x) => GRADED_NOUN.exec(x.subject)?.[1]).find((n) => n !== undefined);
    if (noun !== undefined) d.subject += noun;
  }
  placeQualified(drafts);
  sharedMeasure(drafts, norm);

  for (const clause of clauses) {
    const frequency = frequencies.find((q) => q.start >= clause.start && q.end <= clause.end) ?? null;
    const hasCount = counted.some((f) => f.start >= clause.start && f.end <= clause.end) || coverages.some((c) => c.clause === clause);
    // 6. recurring duty: a frequency and no count; or a frequency and one round per period (每季度开展一次专项督查,
    // 每月通报1次: the duty's rhythm, not a figure that adds up to a goal)
    const rounds = frequency === null ? [] : drafts.filter((d) => d.clause === clause && d.kind === "quantity");
    const oneRound = rounds.length > 0 && rounds.every((d) => d.value === 1 && d.valueMax === null && ROUND_UNITS.includes(d.unit ?? "") && d.comparator !== "at_most");
    if (frequency && (!hasCount || oneRound)) {
      if (oneRound) for (const d of rounds) drafts.splice(drafts.indexOf(d), 1);
      const body = clean(input, norm, clause.start, clause.end, { leading: true, skip: adverbials, remove: oneRound ? rounds : [] });
      const start = Math.min(body.start, frequency.start);
      // (每季度至少召开1次联席会议: the bound went with the count)
      const subject = oneRound ? body.text.replace(/^(?:至少|不少于|最少)/, "") : body.text;
      drafts.push({ kind: "recurring", ...EMPTY_VALUE, subject, frequency: frequency.word, attributes: [], start, end: body.end, clause });
      continue;
    }
    if (frequency) continue; // a frequency with a count is a count per period, never a one-off milestone
    // 5. milestones
    let coveredTo = clause.start;
    for (const t of tokens) {
      if (!t.milestone || t.start < coveredTo || t.start < clause.start || t.end > clause.end) continue;
      const objectTo = (to: number) => clean(input, norm, t.end, to, { leading: true, tokens: tokens.filter((x) => x.milestone) });
      let object = objectTo(clause.end);
      let read = readMilestoneObject(t.word, object.text);
      // (制定工作方案并报市政府审定, 建成市级平台并投入使用: a second act joined by 并 follows the milestone's object, no
      // part of it; not 并购, 并网, 合并 …)
      const joined = /并(?:且)?(?![购网联入轨表存列重行])/g;
      joined.lastIndex = t.end;
      const and = joined.exec(norm);
      if (and !== null && and.index > t.end && and.index < clause.end && norm[and.index - 1] !== "合" && norm[and.index - 1] !== "兼") {
        const cut = objectTo(and.index);
        const cutRead = readMilestoneObject(t.word, cut.text);
        if (cutRead.named) [object, read] = [cut, cutRead];
      }
      const { bare, act, works } = read;
      // (一季度完成企业摸底排查，三季度末前全部完成整改: works named alone are those of the milestone before them)
      // (only a fix-up after a survey or inspection: 6月底前完成方案编制，年底前完成整改 names no 方案编制整改)
      const earlier = t.word === "完成" && bare === "整改" ? [...drafts].reverse().find((d) => d.kind === "milestone" && d.end <= t.start && /(?:摸底|排查|摸排|普查|清查|检查|督查|巡查)$/.test(d.subject)) : undefined;
      if (earlier !== undefined && !counted.some((f) => f.start >= t.end && f.end <= clause.end)) {
        drafts.push({ kind: "milestone", ...EMPTY_VALUE, subject: `${earlier.subject}${object.text}`, frequency: null, attributes: [], start: t.start, end: object.end, clause });
        coveredTo = object.end;
        continue;
      }
      if (t.word === "完成" && act === undefined && !works) continue; // 完成年度投资计划 is no milestone; 完成《规划》编制 is
      if (!object.text || !read.named || MILESTONE_SELF_REFERENCES.some((w) => object.text.startsWith(w))) continue;
      if (counted.some((f) => f.start >= t.end && f.end <= clause.end)) continue;
      // (积极引导企业完成技术改造，年底前完成60家: the works are counted later in the sentence, a quantity)
      // (完成有线电视网络双向化改造，4K频道覆盖率达到100%: a share of something else counts no works; 改造完成率达到100%, or
      // a share in a 其中 clause, measures these works)
      if (works && counted.some((f) => f.start >= t.end && f.unit?.category !== "percent")) continue;
      const worksWord = MILESTONE_WORKS.find((w) => bare.endsWith(w));
      if (works && drafts.some((d) => d.kind === "quantity" && d.start >= t.end && d.unit === "%" &&
        ((worksWord !== undefined && norm.slice(d.clause.start, d.clause.end).includes(worksWord)) || /^其中/.test(norm.slice(skipSpaces(norm, d.clause.start), d.clause.end))))) continue;
      // (全市钢铁企业完成超低排放改造, 燃煤电厂全面完成超低排放改造: whose works they are, written before the verb; not
      // who urges them on, 引导企业)
      const owner = works ? clean(input, norm, clause.start, t.start, { leading: true, skip: adverbials }) : null;
      // (推动30%以上的规上企业完成数字化改造: a share of those whose works they are is the target, a quantity)
      if (works && counted.some((f) => f.start >= clause.start && f.end <= t.start && f.unit?.category === "percent")) continue;
      const whose = owner && !/引导|推动|组织|督促|鼓励|支持|指导|帮助|推进|加快|积极|加强|协调/.test(owner.text)
        ? owner.text.replace(/^(?:全市|全县|全区|全省|各地)/, "").replace(/(?:全面|基本|全部|均|要|须|必须|力争|确保)+$/, "") : "";
      // (the target's text from whose works they are: 全市钢铁企业完成超低排放改造)
      const start = owner && whose ? owner.start : t.start;
      drafts.push({ kind: "milestone", ...EMPTY_VALUE, subject: whose + object.text, frequency: null, attributes: [], start, end: object.end, clause });
      coveredTo = object.end;
    }
    // 实现劣V类水体清零: what is to be brought to nothing by the deadline, a milestone (劣V类水体清零); not a programme
    // of that name (清零行动), nor one with no subject of its own (实现动态清零), nor one with a count in its clause
    if (counted.some((f) => f.start >= clause.start && f.end <= clause.end)) continue;
    for (const z of findWords(norm, { start: coveredTo, end: clause.end }, ZERO_WORDS, protectedSpans)) {
      if (ZERO_MEANS.test(norm.slice(z.end, clause.end))) continue;
      // (做到应收尽收、欠费清零: the item before 、 is another aim)
      const from = Math.max(coveredTo, norm.lastIndexOf("、", z.start) + 1);
      const remove = findWords(norm, { start: from, end: z.start }, COVERAGE_VERBS, protectedSpans);
      const subject = clean(input, norm, from, z.start, { leading: true, skip: adverbials, remove });
      // (已实现清零: done already)
      if (subject.text.replace(/(?:动态|全部|全面|基本|彻底|逐步|逐项)+$/, "") === "" || ZERO_NOT_AIM.test(subject.text) ||
        ZERO_NOT_AIM.test(norm.slice(clause.start, z.start).trim()) || /已(?:基本|全面)?(?:实现|完成|做到)?(?:动态)?$/.test(norm.slice(clause.start, z.start).trim())) continue;
      const text = subject.text + input.slice(subject.end, z.end).trim();
      drafts.push({ kind: "milestone", ...EMPTY_VALUE, subject: text, frequency: null, attributes: [], start: subject.start, end: z.end, clause });
      coveredTo = z.end;
    }
    // 全面消除集体经济薄弱村: the same, the verb first (not 消除隐患专项行动, a programme; not 基本消除, nearly)
    for (const z of findWords(norm, { start: coveredTo, end: clause.end }, ZERO_VERBS, protectedSpans)) {
      const rest = norm.slice(z.end, clause.end);
      if (ZERO_MEANS.test(rest) || /(?:行动|工作|机制|制度)\s*$/.test(rest) || /已(?:基本)?$/.test(norm.slice(clause.start, z.start).trim())) continue;
      const object = clean(input, norm, z.end, clause.end, { skip: adverbials });
      if (object.text.length < 2) continue;
      drafts.push({ kind: "milestone", ...EMPTY_VALUE, subject: input.slice(z.start, z.end).trim() + object.text, frequency: null, attributes: [], start: z.start, end: object.end, clause });
      coveredTo = object.end;
    }
    // 土壤污染状况详查工作于2023年底前完成, 确保9月底前主体工程完工: what is to be finished named before the verb, with the
    // deadline between them (not 2023年全面完成 alone, see stagedShares; nor a clause that already holds a milestone)
    if (!drafts.some((d) => d.clause === clause)) {
      const due = horizons.find((h) => h.start >= clause.start && h.end <= clause.end && h.deadline !== null);
      const tail = due === undefined ? null : FINISHED_AFTER.exec(norm.slice(due.end, clause.end).replace(/[\s。；;，,]+$/, ""));
      if (due !== undefined && tail !== null) {
        const between = tail[1]!;
        const from = between.trim() !== "" ? due.end : clause.start;
        const to = between.trim() !== "" ? due.end + between.length : due.start;
        const object = clean(input, norm, from, to, { leading: true, skip: adverbials });
        const name = object.text.replace(/^(?:全市|全县|全区|全省)/, "").replace(/(?:要|须|必须|应|将)?(?:于|在)?$/, "").replace(/(?:工作|任务)$/, "");
        // (not who is to finish it: 各部门于年底前完成, 各镇街要在年底前全部完成, 相关单位须在10月底前完成)
        const actor = /^(?:各|相关|有关|责任|牵头|配合)|(?:部门|单位|政府|镇街|乡镇|街道|园区|管委会)$/.test(name);
        if (name.length >= 2 && !actor && !/^(?:所有|全部|上述|以上|该项|此项)/.test(name) && !MILESTONE_SELF_REFERENCES.some((w) => name.startsWith(w))) {
          drafts.push({ kind: "milestone", ...EMPTY_VALUE, subject: name, frequency: null, attributes: [], start: object.start, end: due.end + tail.index + tail[0].length, clause });
        }
      }
    }
  }

  // 建设数字农业示范基地，累计建成县级数字农业示范基地20个: the sentence counts what the milestone builds; one duty, the count
  // (全面淘汰国三柴油货车，2019年底前淘汰2000辆: the counts say how the whole is reached; 淘汰X counted is the duty)
  for (const m of drafts.filter((d) => d.kind === "milestone")) {
    const core = m.subject.replace(/^(?:全面|全部|彻底)(?=消除|消灭|淘汰)/, "");
    if (m.subject.length >= 2 && drafts.some((d) => d.kind === "quantity" && d.measure === "increment" && (d.subject.endsWith(m.subject) || d.subject.endsWith(core)))) drafts.splice(drafts.indexOf(m), 1);
  }
  stagedShares(drafts, norm, clauses, horizons);
  // 高新技术企业数量翻一番: doubled is a growth of 100 % (翻两番: 300 %), reported as the growth to date
  for (const d of drafts) {
    if (d.kind !== "quantity" || d.unit !== "番" || d.value === null || d.value > 5) continue;
    const growth = (2 ** d.value - 1) * 100;
    Object.assign(d, { value: growth, valueMax: null, unit: "%", baseUnit: "%", valueInBaseUnit: growth, measure: "increment", comparator: d.comparator ?? "reach" });
  }

  // 3b. attributes go to the target they describe, in their clause.
  for (const a of attributes) {
    const hosts = drafts.filter((d) => d.clause === a.clause);
    const host =
      hosts.find((d) => d.start <= a.start && d.end >= a.end) ??
      hosts.find((d) => d.start >= a.end) ??
      [...hosts].reverse().find((d) => d.end <= a.start);
    host?.attributes.push({ text: a.text, value: a.value, unit: a.unit, start: a.start, end: a.end });
  }

  // what has been done is no target: 截至2017年底已建成基站20个, 去年新增上市企业2家, and (with a policy date) a result
  // for a year already over (2017年全市实现地区生产总值1860亿元, in a policy of 2018; 上半年 and 6月底前 are read as written)
  // 去年… opens a past clause, and the clauses after it stay in the past until one names a time or an aim of its own
  // (去年新增上市企业2家，累计达到15家 | 去年新增2家，今年力争新增3家)
  const pastClauses = new Set<Span>();
  // (a 去年 clause without a figure only describes: 上一年度排名后三位的乡镇，每季度约谈1次)
  clauses.forEach((c, i) => {
    const text = norm.slice(skipSpaces(norm, c.start), c.end);
    const own = [...horizons, ...frequencies].some((h) => h.start >= c.start && h.end <= c.end) || /今年|本年|力争|确保|争取|目标|预期|计划/.test(text);
    const stated = drafts.some((d) => d.clause === c && d.kind === "quantity");
    if ((/^(?:去年|上年|上一年)(?!度?(?:结转|续建|遗留|未完成))/.test(text) && stated) || (i > 0 && pastClauses.has(clauses[i - 1]!) && !own)) pastClauses.add(c);
  });
  const past = (clause: Span, d: Omit<Draft, "clause">) => {
    if (pastClauses.has(clause)) return true;
    if (d.kind !== "quantity") return false;
    // the verb of the figure says it is done: 已建成5G基站20个, 首批10家企业已完成改造 (not 已开工项目竣工率达到80%)
    const verbs = anchors.filter((t) => t.measure !== undefined && t.start >= clause.start && t.end < d.end && t.start < d.end);
    const verb = verbs[verbs.length - 1] ?? anchors.find((t) => t.measure !== undefined && t.start >= d.end && t.end <= clause.end);
    // (2017年12月已开工的20个项目年内全部竣工: 已开工的 describes what is counted)
    const relative = verb !== undefined && verb.end <= d.start && norm.slice(verb.end, d.start).includes("的");
    if (verb !== undefined && !relative && /已(?:经)?$/.test(norm.slice(clause.start, verb.start))) return true;
    // the state today, stated without a verb: 目前完成率为65%, 全市共有规上企业1800家
    const lead = norm.slice(skipSpaces(norm, clause.start), d.start);
    // (到2020年，全市拥有国家高新技术企业200家: a state to reach)
    const aimed = horizons.some((h) => h.end <= d.start) || /力争|确保|争取|目标/.test(norm.slice(sentence.start, d.start));
    return verbs.length === 0 && !aimed && STATE_TODAY.test(lead);
  };
  // what the policy pays, not what it is to achieve: 给予最高500万元补助, 按投资额的10%给予补助, 每家奖励50万元; but
  // money sought from above is (争取单项资金补助5000万元以上)
  const incentive = (clause: Span, d: Omit<Draft, "clause">) => {
    if (d.kind !== "quantity" || !(d.unit === "%" || UNITS_BY_NAME.get(d.unit ?? "")?.category === "money")) return false;
    const text = norm.slice(clause.start, clause.end);
    const m = INCENTIVE_CLAUSE.exec(text);
    return m !== null && !/争取|力争/.test(text.slice(0, m.index));
  };
  // what is there today (or done already) and the next clause does in full by a deadline is a target after all:
  // 全县共有贫困户500户，年内全部脱贫 (500户 to lift out of poverty), 去年以来已建成的30个文化礼堂，年内全部投入使用
  const completion = (clause: Span): { horizon: Horizon; predicate: string; end: number } | null => {
    const next = clauses[clauses.indexOf(clause) + 1];
    if (next === undefined || drafts.some((d) => d.clause === next)) return null;
    const horizon = horizons.find((x) => x.start >= next.start && x.end <= next.end);
    if (horizon === undefined) return null;
    const m = COMPLETE_ALL.exec(norm.slice(horizon.end, next.end));
    if (m === null) return null;
    const predicate = m[1]!.replace(/[\s。；;：:]+$/, "");
    return { horizon, predicate, end: horizon.end + m[0].indexOf(m[1]!) + predicate.length };
  };
  const out: ParsedTarget[] = [];
  const sentenceSpan = { start: sentence.start, end: sentence.end };
  for (const { clause, ...d } of drafts) {
    const found = respectiveYears.has(d.end) ? null : (horizonFor(horizons, clause, d.start) ?? standaloneHorizonAfter(norm, clauses, horizons, clause));
    // (每年9月底前修订1次: a date within each year, right after the frequency, is no end of the duty: none of its own)
    const withinPeriod = found !== null && d.frequency != null && !/\d{4}\s*年/.test(found.text) &&
      frequencies.some((q) => q.end <= found.start && /^\s*$/.test(norm.slice(q.end, found.start)));
    // (2019年6月底前出台方案，每季度开展1次联合执法: the date of the clause before is that clause's, not the end of a
    // duty kept up every quarter)
    const othersDate = found !== null && d.frequency != null && found.end <= clause.start && boundToClause(norm, clauses, found);
    const inText = withinPeriod || othersDate ? null : found;
    const h = respectiveYears.get(d.end) ?? inText ?? (withinPeriod || othersDate ? null : rowHorizon(ctx, d.start));
    const carried = inText !== null && inText.end <= clause.start && boundToClause(norm, clauses, inText);
    const over = ctx.policyDate !== null && h?.deadline != null && /\d{4}年/.test(h.text) && h.deadline < ctx.policyDate;
    if (incentive(clause, d)) continue;
    if (past(clause, d) || over) {
      const done = d.kind === "quantity" && d.value !== null ? completion(clause) : null;
      if (done === null) continue;
      out.push({
        ...d, comparator: "reach", measure: "increment", subject: completedSubject(d.subject, done.predicate), end: done.end, text: input.slice(d.start, done.end),
        horizon: { text: done.horizon.text, deadline: done.horizon.deadline }, sentence: sentenceSpan,
      });
      continue;
    }
    // 到2020年，全市拥有国家高新技术企业200家: a stock to reach; 拥有 names no measure of its own
    // (每10万人口拥有执业医师25人: a stock per head of population)
    const owned = d.kind === "quantity" && d.measure === null ? OWNS.exec(d.subject) : null;
    const stock = owned !== null && owned[0].length < d.subject.length
      ? { subject: `${owned[1] ?? ""}${d.subject.slice(owned[0].length)}`, measure: "level" as const, comparator: d.comparator ?? "reach" } : {};
    // (由3个工作日缩短至1个工作日, 由40.5%提高到42%: the level it starts from, in its unit)
    // (the nearest before it, with no other target between: 由3天压缩至1天、审批时间由120天压缩至80天 gives 80天 120)
    const nearest = d.kind === "quantity" && d.measure === "level" ? baselines.filter((b) => b.start >= clause.start && b.end <= d.start).at(-1) : undefined;
    // (分别由3.5%、3.2%下降到3%、2.8%: a list of starting values, the i-th for the i-th target after it)
    const chain = nearest === undefined ? [] : baselineList(norm, baselines, nearest);
    const listed = chain.length > 1 ? drafts.filter((o) => o.clause === clause && o.kind === "quantity" && o.start >= nearest!.end) : [];
    const paired = listed.length === chain.length ? chain[listed.findIndex((o) => o.start === d.start)] : undefined;
    // (in the level's unit, or the unit its 人均 makes per head of: 人均可支配收入由3.5万元增加到4万元, 万元/人)
    const sameUnit = (b: Baseline) => b.unit === d.unit || (b.unit !== null && d.unit === `${b.unit}/人` && /人均/.test(d.subject));
    const from = paired !== undefined ? (sameUnit(paired) && paired.value !== null ? paired : undefined)
      : chain.length > 1 ? undefined
      : nearest !== undefined && sameUnit(nearest) && nearest.value !== null && !drafts.some((o) => o !== d && o.start >= nearest.end && o.end <= d.start) ? nearest : undefined;
    out.push({ ...d, ...stock, ...(from ? { baseline: from.value } : {}), text: input.slice(d.start, d.end), horizon: h && { text: h.text, deadline: h.deadline, ...(carried ? { carried } : {}) }, sentence: sentenceSpan });
  }
  // (办理各类涉企事项不少于1000件, 为企业减负30亿元: with no verb that measures, nor a stock's verb (拥有) or name (总数,
  // METRIC_NOUNS), a count or an amount is what is done in the time given, an increase)
  for (const t of out) {
    const category = UNITS_BY_NAME.get(t.unit ?? "")?.category;
    if (t.kind === "quantity" && t.measure === null && (category === "count" || category === "money")) t.measure = "increment";
  }
  return mergeStatedChange(mergeStretchGoals(out, norm, input), norm);
}

/**
 * 覆盖率提高5个百分点，达到90% (or 提高到95%，比上年提高5个百分点): one goal said twice, as a change in percentage points
 * and as the level it comes to, next to each other with the same subject: the level is the target (the change says its
 * baseline, 90 − 5, for targets.csv's baseline), not a second one that would count the same work twice.
 */
function mergeStatedChange(targets: ParsedTarget[], norm: string): ParsedTarget[] {
  const level = (o: ParsedTarget | undefined, t: ParsedTarget) =>
    o !== undefined && o.kind === "quantity" && o.unit === "%" && o.measure === "level" && o.subject === t.subject && o.sentence.start === t.sentence.start;
  const stated = (t: ParsedTarget, i: number) =>
    t.kind === "quantity" && t.unit === "个百分点" && t.measure === "increment" && t.subject !== "" && (level(targets[i - 1], t) || level(targets[i + 1], t));
  // (the points raised say where the level starts: 提高10个百分点，达到80% starts from 70, its baseline)
  targets.forEach((t, i) => {
    if (!stated(t, i) || t.value === null || t.valueMax !== null) return;
    const o = level(targets[i - 1], t) ? targets[i - 1]! : targets[i + 1]!;
    // (降低3个百分点，达到20% starts from 23; with no verb of either way, none)
    const verb = /(提高|提升|增加|上升|增长|降低|下降|减少|回落)[^，,；;。\d]{0,6}$/.exec(norm.slice(Math.max(0, t.start - 12), t.start))?.[1];
    const from = verb === undefined || o.value === null ? null : /降低|下降|减少|回落/.test(verb) ? o.value + t.value : o.value - t.value;
    if (from !== null && o.valueMax === null && o.baseline == null && from >= 0) o.baseline = Number(from.toFixed(6));
  });
  return targets.filter((t, i) => !stated(t, i));
}

/**
 * 确保新增规上企业30家、力争40家: one target, the figure after 力争 (争取) its stretch goal, kept as the top of a range
 * (as 15-20家 is written); the goal is the lower figure. Only a larger figure of the same unit and subject right after
 * 力争, with no verb of its own or the first figure's verb again (确保完成投资50亿元、力争完成60亿元) and the same measure:
 * 新增50家以上，力争达到1200家 (a total beside an increase) stays two.
 */
function mergeStretchGoals(targets: ParsedTarget[], norm: string, input: string): ParsedTarget[] {
  const out: ParsedTarget[] = [];
  for (const t of targets) {
    const a = out[out.length - 1];
    const between = a === undefined ? "" : norm.slice(a.end, t.start);
    // (力争新增300台 after 新增200台: the verb said again, the same as the first figure's, with the same measure)
    // (力争再新增10家: 再 adds the figure to the first one, an increase on an increase or on a level, which stays a level:
    // 累计达到450家，力争再新增50家 is 450 up to 500)
    const after = /^[\s、，,]*(?:力争|争取)\s*(再)?\s*([^\s\d０-９、，,]{0,4}?)\s*$/.exec(between);
    const more = after?.[1] !== undefined;
    const top = a === undefined || a.value === null || t.value === null ? null : more ? addExact(a.value, t.value) : t.value;
    const stretch = a !== undefined && a.kind === "quantity" && t.kind === "quantity" && a.value !== null && top !== null &&
      a.valueMax === null && t.valueMax === null && a.unit === t.unit && a.subject === t.subject && top > a.value && after !== null &&
      (!more || ((a.measure === "increment" || a.measure === "level") && t.measure === "increment")) &&
      ((more && a.measure === "level") || (after[2] === ""
        ? a.measure === t.measure || /^[\d０-９一二三四五六七八九十百千万两]/.test(norm.slice(t.start, t.end))
        : a.measure === t.measure && norm.slice(Math.max(0, a.start - 16), a.start).includes(after[2]!)));
    if (stretch) out[out.length - 1] = { ...a, valueMax: top, end: t.end, text: input.slice(a.start, t.end) };
    else out.push(t);
  }
  return out;
}

/** After the deadline in the clause after a stock: 全部脱贫, 实现全部通光纤, 均通过验收 (what is done to all of it). */
const COMPLETE_ALL = /^\s*(?:要|将)?(?:实现|完成)?(?:全部|均|全数|悉数)\s*((?:实现|完成)?[^，,。；;\s][^，,。；;]*)/;

/** 贫困户 + 脱贫; 企业未完成改造 + 完成 = 企业完成改造. */
function completedSubject(subject: string, predicate: string): string {
  const own = subject.replace(OWNS, (_all, perHead: string | undefined) => perHead ?? "");
  if (/^(?:完成|实现)$/.test(predicate) && own.includes(`未${predicate}`)) return own.replace(`未${predicate}`, predicate);
  return `${own}${predicate}`;
}

/** 全市拥有, 共有, 每千人拥有: the verb of a stock, not part of what is counted (the per-head base is). */
const OWNS = /^(?:全市|我市|全县|本县|全区|本区|全省|全镇|(每[\d一二三四五六七八九十百千万]+名?(?:人口|常住人口|人|户|老年人)))?(?:拥有|共有)/;

/** The units of one round of a duty: 一次, 1期, 1场, 1轮. */
const ROUND_UNITS: readonly string[] = ["次", "期", "场", "轮", "场次"];

/** 至少召开1次, 不少于…: a bound written before the verb that stands right before the figure. */
const BOUND_WORDS = COMPARATOR_PREFIXES.filter((c) => c.comparator === "at_least" || c.comparator === "at_most");

function boundBeforeVerb(norm: string, verb: Token | null, f: Figure): Comparator | null {
  if (verb === null || verb.end !== skipSpacesBack(norm, f.start)) return null;
  const head = norm.slice(Math.max(0, verb.start - 4), skipSpacesBack(norm, verb.start));
  return BOUND_WORDS.filter((c) => head.endsWith(c.word)).sort((a, b) => b.word.length - a.word.length)[0]?.comparator ?? null;
}

/** The last horizon before `pos` in the sentence, else the first after it in its clause. */
function horizonFor(horizons: readonly Horizon[], clause: Span, pos: number): Horizon | null {
  const before = horizons.filter((h) => h.end <= pos);
  return before[before.length - 1] ?? horizons.find((h) => h.start >= pos && h.end <= clause.end) ?? null;
}

/** A horizon that is all of the clause after `clause` (完成方案编制，11月底前。): that clause's deadline. */
function standaloneHorizonAfter(norm: string, clauses: readonly Span[], horizons: readonly Horizon[], clause: Span): Horizon | null {
  const next = clauses[clauses.indexOf(clause) + 1];
  const h = next === undefined ? undefined : horizons.find((x) => x.start >= next.start && x.end <= next.end);
  if (next === undefined || h === undefined) return null;
  const rest = `${norm.slice(next.start, h.start)}${norm.slice(h.end, next.end)}`.replace(/全部完成|完成|之前|前|[\s，,。；;：:、（）()]/g, "");
  return rest === "" ? h : null;
}

/** Whether a horizon has words of its own clause after it (10月底前完成方案编制), rather than standing alone (到2020年，…). */
function boundToClause(norm: string, clauses: readonly Span[], h: Span): boolean {
  const clause = clauses.find((c) => c.start <= h.start && h.end <= c.end);
  return clause !== undefined && /\p{Script=Han}/u.test(norm.slice(h.end, clause.end));
}

/** In a task-table row (tab-separated line) whose last cell is only a horizon (年内, 10月底前), that horizon. */
function rowHorizon(ctx: Ctx, pos: number): Horizon | null {
  const { norm } = ctx;
  const lineStart = norm.lastIndexOf("\n", pos - 1) + 1;
  const lineEnd = norm.indexOf("\n", pos) < 0 ? norm.length : norm.indexOf("\n", pos);
  const line = norm.slice(lineStart, lineEnd);
  const tab = line.replace(/\s+$/, "").lastIndexOf("\t");
  if (tab < 0) return null;
  let start = lineStart + tab + 1;
  let end = lineStart + line.replace(/\s+$/, "").length;
  while (start < end && /\s/.test(norm[start]!)) start++;
  if (pos >= start) return null;
  const found = findHorizons(norm, { start, end }, ctx.protectedSpans, ctx.policyDate, ctx.policyEnd);
  while (end > start && /[。.]/.test(norm[end - 1]!)) end--;
  const h = found[0];
  return found.length === 1 && h !== undefined && h.start === start && h.end === end ? h : null;
}

/** After a time with no verb before it, the end of a procedure: 1个工作日办结, 3天内完成 (see TIME_LIMIT_AFTER's use). */
const TIME_LIMIT_AFTER = /^(?:以内|之内|内)?(办结|办完|办毕|办理完毕|完成|出证|审结|结案|交付)/;

function quantitySubject(
  ctx: Ctx, f: Figure, clause: Span, clauses: readonly Span[], lower: number, before: readonly Token[], tokens: readonly Token[],
  adverbials: readonly Span[], coverage: Span | null, previousSubject: string | null, nextFigure: number, previousUnit: string | null = null, nextFigureEnd: number | null = null,
): string {
  const { input, norm, protectedSpans } = ctx;
  // A: the noun phrase after the figure (培育10家智能经济行业龙头企业), up to the next figure; none when what follows
  // starts the next item of a list (新增高新技术企业30家、科技型中小企业200家)
  const postEnd = Math.min(coverage ? coverage.start : clause.end, nextFigure);
  const stop = findWords(norm, { start: f.end, end: postEnd }, SUBJECT_STOP_WORDS, protectedSpans)[0]?.start ?? postEnd;
  const listed = matchWordAt(norm, skipSpaces(norm, f.end), CONJUNCTIONS) !== null;
  // (1200个行政村年内实现光纤全覆盖: what is covered, without the deadline and the verb before 全覆盖)
  const coverageCuts = coverage ? { skip: adverbials, remove: findWords(norm, { start: f.end, end: stop }, COVERAGE_VERBS, protectedSpans) } : {};
  // (新建5个停车场、泊位2000个: before the next figure, the words after the list's 、 are that figure's)
  // (only when that figure names nothing after it: 2个城镇、农村污水处理站和100公里配套管网 keeps the whole list)
  const nextNamesNothing = nextFigureEnd !== null && (/^[^、和及与，,；;。]*/.exec(norm.slice(nextFigureEnd))?.[0] ?? "").replace(/^\s*(?:以上|以下|左右|以内|之内)/, "").trim() === "";
  const listEnd = stop === nextFigure && nextFigure < (coverage ? coverage.start : clause.end) && nextNamesNothing ? norm.lastIndexOf("、", nextFigure - 1) : -1;
  const cleaned = listed ? null : clean(input, norm, f.end, listEnd > f.end && listEnd < stop ? listEnd : stop, coverageCuts);
  // (新增高新技术企业30家（其中国家级5家）: the bracket closing after the last figure names nothing)
  // (企业开办全流程压缩至1个工作日内办结: after a time, the act it limits names nothing counted)
  const limitsAct = f.unit?.category === "time" && /^\s*(?:内|以内|之内)?\s*(?:办结|办理完毕|办理|完成|办完|审结|兑现|到位|答复|回复|处理完毕|处置|反馈)/.test(norm.slice(f.end, stop));
  const post = (cleaned !== null && /^[)）\]】]+$/.test(cleaned.text)) || limitsAct ? null : cleaned;
  const anchor = before[before.length - 1] ?? null;
  // B: between the verb and the figure (新增工业机器人200台).
  // (…停车场、泊位2000个: after a figure of the clause, the words before this one from the list's last 、 on)
  const listStart = anchor === null && lower > clause.start ? norm.lastIndexOf("、", f.start - 1) + 1 : 0;
  const pre = clean(input, norm, anchor ? anchor.end : Math.max(lower, listStart), f.start, { leading: true, skip: adverbials });
  // (a noun cut off by the next figure belongs to it when this figure names its own: 实现产值100亿元税收10亿元; not
  // the noun of the figure before, ended by a list's 、 or 和: 建成1个服务中心、6个分中心和120个服务站)
  const cut = nextFigure < (coverage ? coverage.start : clause.end);
  const previousNoun = anchor === null && /[、和及与]\s*$/.test(norm.slice(lower, f.start));
  // (平均接电时间压减至15天（低压）、30天（高压）: a bracket alone after the figure qualifies what is before it, or what the
  // figure before it in the list measured)
  const qualifier = /^[(（][^()（）]{1,8}[)）]$/.exec(post?.text ?? "")?.[0];
  if (qualifier !== undefined) {
    const base = quantitySubject(ctx, f, clause, clauses, lower, before, tokens, adverbials, coverage, previousSubject, f.end, previousUnit, null);
    const own = (/^[(（][^()（）]*[)）]$/.test(base) || base === "" ? previousSubject ?? "" : base).replace(/[(（][^()（）]*[)）]$/, "");
    // (1.5万套（间）: another unit, no qualifier)
    if (UNITS_BY_NAME.has(qualifier.slice(1, -1))) return own || qualifier;
    return own === "" ? qualifier : `${own}${qualifier}`;
  }
  // (the list's 和 before the next figure is no part of the noun: 6个乡镇分中心和120个…)
  if (post?.text && !(cut && pre.text && !previousNoun)) {
    const bare = cut && stop === nextFigure ? post.text.replace(/(?:以及|和|及|与)$/, "") : post.text;
    return bare.length >= 2 ? bare : post.text;
  }
  // (支付时间压减至合同约定后10日内: 合同约定后 is when the time limit starts, not what is limited)
  const startsLimit = f.unit?.category === "time" && /(?:后|以后|之后|起)$/.test(pre.text);
  if (pre.text && !startsLimit) return pre.text;
  if (anchor) {
    // B': before a reach verb (上云企业达到2300家), or the object of the verb governing a bare comparator (培训不少于500人次).
    const governing = isPureComparator(anchor) ? [...before].reverse().find((t) => t.measure !== undefined && t.end <= anchor.start) ?? null : null;
    // (人才总量突破8万人: 总量 names the stock, a noun, not a verb after its object: the subject runs through it)
    const nounGoverning = governing !== null && NOUN_MEASURES.includes(governing.word);
    const region = clean(input, norm, governing && !nounGoverning ? governing.end : lower, anchor.start, { leading: true, skip: adverbials });
    // 开展技能培训1000人次, 举办农村实用人才培训15期: after a verb of its own, the verb right before the figure names
    // the activity counted, with its object (技能培训, not 开展技能); a change verb names no activity (实现地区生产总值增长8%:
    // what changes is 地区生产总值)
    const verbsBefore = before.filter((t) => t.measure !== undefined && t.start >= region.start && t.end <= anchor.start);
    if (region.text && !governing && anchor.measure === "increment" && !anchor.reach && verbsBefore[0]?.start === region.start && skipSpaces(norm, anchor.end) === f.start) {
      const object = clean(input, norm, verbsBefore[verbsBefore.length - 1]!.end, anchor.start, { skip: adverbials }).text;
      return anchor.change ? object || region.text : `${object}${input.slice(anchor.start, anchor.end)}`;
    }
    if (region.text) return region.text;
    const verb = governing ?? anchor;
    // 教育经费支出增长不低于8%: what changes is named before the change verb
    if (verb.change) {
      const topic = clean(input, norm, lower, verb.start, { leading: true, skip: adverbials });
      if (topic.text) return topic.text;
    }
    // 实现地区生产总值1200亿元，增长8%左右: a change verb with no topic continues the previous target's subject.
    if (verb.change && previousSubject) return previousSubject;
    // 培训1000人次以上: the activity is what is counted; 完成 names none (改造老旧小区，2018年完成30个); counted in the
    // previous target's unit, it counts the same things (已建成基站500个，年内新增800个)
    if (verb.measure === "increment" && !verb.reach) return previousSubject && previousUnit !== null && previousUnit === f.unit?.unit ? previousSubject : verb.word;
    if (verb.measure === "increment") return previousSubject || previousClauseSubject(ctx, clauses, clause, tokens, adverbials) || verb.word;
  }
  return previousSubject || previousClauseSubject(ctx, clauses, clause, tokens, adverbials);
}

/** A grade: 省级, 国家级, 五星级. */
const GRADE = "(?:国家|省|市|县|区|乡镇|镇|村|[一二三四五1-5]星)级";
/** A grade alone: no subject of its own. */
const GRADE_ONLY = new RegExp(`^${GRADE}$`);
/** A graded noun (乡镇级应急物资储备库): the noun after its grade. */
const GRADED_NOUN = new RegExp(`^${GRADE}(.{2,})$`);
/** A body that bears a grade (重点实验室, 工程技术研究中心, 企业研究院): what a list's first grade may extend to. */
const GRADED_BODY = /(?:实验室|研究中心|技术中心|研究院|研究所|工作站|创新中心|孵化器|众创空间|示范基地|示范园区|产业园|示范区|平台)$/;
/** A grade opening a subject (省级龙头企业, 市级以上龙头企业, 星级农家乐). */
const LEADING_GRADE = /^(?:国家|省|市|县|区|乡镇|镇|村|[一二三四五1-5]?星)级(?:及?以上)?/;

/** Where a rate is measured, written after it: 道路机械化清扫率地级城市达到70%、县城达到60%. */
const PLACE_QUALIFIER = /^(?:地级及以上城市|地级城市|县级城市|设区市|县级市|县城|城市|城区|市区|中心城区|建成区|农村|乡村|乡镇|城镇|全市|全县)$/;
const LEADING_PLACE = /^(?:地级及以上城市|地级城市|县级城市|设区市|县级市|县城|城市|城区|市区|中心城区|建成区|农村|乡村|乡镇|城镇|全市|全县)/;

/**
 * A rank to reach: a verb of reaching a place (进入, 位居, 提升至, 保持), where (全省, 全国, 同类城市), 前 or 第, the
 * place (Arabic or Chinese digits) and 位 or 名. Not a reward for those ranked (对排名前10位的企业给予奖励: no verb).
 */
const RANK = /(进入|跻身|位居|位列|位于|稳居|保持|保持在|提升至|提升到|上升至|上升到|提高到|提高至|挺进|排名|排在)(全国|全省|全市|全区|全县|省内|市内|国内)?([\u4e00-\u9fff]{0,8}?)?(前|第)(\d{1,3}|[一二三四五六七八九十]{1,3})(位|名)?(?:以内|之内)?(?!的)/g;

/** 全面完成, 全部完成任务: the last stage of a staged goal, with nothing of its own to name. */
/** After a deadline: what is to be finished (optional), then the verb finishing it, ending the clause. */
const FINISHED_AFTER = /^(?:前|以前|之前)?((?:(?!完成|完工|建成|竣工)[^，,；;。]){0,20}?)(?:要|须|将|必须|力争|确保|争取)?(?:全面|全部|基本|如期)?(?:完成|完工|建成|竣工|建成投用|建成投运|投入使用|投用|投产|上线运行|上线)$/;
const FINAL_STAGE = /^(?:要|须|将|力争|确保|争取)?(?:全面|全部|基本)完成(?:全部任务|目标任务|改造任务|任务)?$/;

/**
 * Staged shares of one work in a sentence (2021年完成30%，2022年完成60%，2023年全面完成农村危房改造): a share that names
 * only its verb (完成) is a share of the work the later 全面完成 names; a last stage that names nothing
 * (提标改造2022年底前完成40%，2023年底前全面完成) is the milestone of the shares' work, due by its own date.
 */
function stagedShares(drafts: Draft[], norm: string, clauses: readonly Span[], horizons: readonly Horizon[]): void {
  const shares = drafts.filter((d) => d.kind === "quantity" && d.unit === "%" && d.measure === "level");
  if (shares.length === 0) return;
  const final = drafts.find((d) => d.kind === "milestone" && d.start > shares[0]!.end && /^(?:全面|全部|基本)?完成/.test(norm.slice(d.start, d.end).replace(/^.*?(?=(?:全面|全部|基本)?完成)/, "")));
  if (final !== undefined) {
    for (const d of shares) if (d.end < final.start && /^(?:完成|实现|达到)$/.test(d.subject)) d.subject = final.subject;
    return;
  }
  const last = shares[shares.length - 1]!;
  // (覆盖率达到60%，2023年全面完成: a rate is no work to finish)
  if (last.subject.length < 2 || /^(?:完成|实现|达到)$/.test(last.subject) || METRIC_NOUNS.some((n) => last.subject.endsWith(n))) return;
  for (const clause of clauses) {
    if (clause.start < last.clause.end || drafts.some((d) => d.clause === clause)) continue;
    const horizon = horizons.find((h) => h.start >= clause.start && h.end <= clause.end);
    if (horizon === undefined) continue;
    const rest = norm.slice(horizon.end, clause.end).replace(/[\s。；;，,]+$/, "").trim();
    // (or naming the work again by its last words: 入河排污口整治80%以上，2025年底前全部完成整治)
    const named = /^(?:要|须|将|力争|确保|争取)?(?:全面|全部|基本)完成(.{2,8})$/.exec(rest)?.[1];
    if (!FINAL_STAGE.test(rest) && !(named !== undefined && last.subject.endsWith(named))) continue;
    const at = horizon.end + norm.slice(horizon.end, clause.end).indexOf(rest);
    drafts.push({ kind: "milestone", ...EMPTY_VALUE, subject: last.subject, frequency: null, attributes: [], start: at, end: at + rest.length, clause });
    return;
  }
}

/**
 * 城镇居民人均可支配收入增长6.5%，农村居民增长7.5%: a subject naming no measure of its own, after a target whose
 * subject names the same kind of thing before its measure (居民), measures the same (农村居民人均可支配收入), in the same
 * unit and way (an increase, a level).
 */
function sharedMeasure(drafts: { kind: string; subject: string; unit: string | null; measure: Measure | null; clause: Span }[], norm: string): void {
  for (let i = 1; i < drafts.length; i++) {
    const [a, b] = [drafts[i - 1]!, drafts[i]!];
    if (a.kind !== "quantity" || b.kind !== "quantity" || a.unit !== b.unit || a.measure !== b.measure || a.clause === b.clause) continue;
    if (b.subject.length < 3 || b.subject.length > 8 || METRIC_NOUNS.some((n) => b.subject.endsWith(n)) || /[的“”"（）()]/.test(b.subject)) continue;
    const kind = b.subject.slice(-2);
    const at = a.subject.indexOf(kind);
    const rest = at > 0 ? a.subject.slice(at + kind.length) : "";
    // (in a 其中 clause, whatever the measure: 全市企业研发投入增长10%，其中规上企业增长12%)
    const share = /^其中/.test(norm.slice(skipSpaces(norm, b.clause.start), b.clause.end));
    if (rest.length >= 2 && (share || METRIC_NOUNS.some((n) => rest.endsWith(n))) && !a.subject.startsWith(b.subject)) b.subject += rest;
  }
}

/**
 * 道路机械化清扫率地级城市达到70%、县城达到60%: a rate followed by where it is measured, and the next figure of the
 * list with a place alone, are the same rate in two places: 道路机械化清扫率（地级城市）, 道路机械化清扫率（县城）.
 */
function placeQualified(drafts: { kind: string; subject: string; unit: string | null; clause: Span }[]): void {
  for (let i = 0; i + 1 < drafts.length; i++) {
    const [a, b] = [drafts[i]!, drafts[i + 1]!];
    if (a.kind !== "quantity" || b.kind !== "quantity" || a.unit !== b.unit || !PLACE_QUALIFIER.test(b.subject)) continue;
    const metric = METRIC_NOUNS.filter((n) => a.subject.includes(n)).map((n) => a.subject.lastIndexOf(n) + n.length).sort((x, y) => y - x)[0];
    if (metric === undefined || !PLACE_QUALIFIER.test(a.subject.slice(metric))) continue;
    const rate = a.subject.slice(0, metric);
    const place = a.subject.slice(metric);
    a.subject = `${rate}（${place}）`;
    // (and any further places of the list: 城市达到95%、县城达到90%、农村达到80%)
    for (let j = i + 1; j < drafts.length && drafts[j]!.kind === "quantity" && drafts[j]!.unit === a.unit && PLACE_QUALIFIER.test(drafts[j]!.subject); j++) {
      drafts[j]!.subject = `${rate}（${drafts[j]!.subject}）`;
    }
  }
}

/**
 * The verb and its object in the latest earlier clause that has them with no figure (全面淘汰国三及以下柴油货车), as
 * written, or null: a later clause's figure with the verb alone (2019年底前淘汰2000辆) counts that object.
 */
function verbObjectBefore(input: string, norm: string, earlier: readonly Span[], verb: string): string | null {
  for (const c of [...earlier].reverse()) {
    const text = norm.slice(c.start, c.end);
    const at = text.lastIndexOf(verb);
    if (at < 0 || /[0-9０-９]/.test(text)) continue;
    const object = input.slice(c.start + at, c.end).trim().replace(/[，,；;。、\s]+$/, "");
    if ([...object].length - [...verb].length >= 2 && [...object].length <= 30) return object;
  }
  // (培育“专精特新”中小企业，2022年新增50家、2023年新增60家: 新增 adds to what the clause just before cultivates)
  const last = earlier[earlier.length - 1];
  if (last === undefined || !/^(?:新增|新建|净增)$/.test(verb)) return null;
  const text = norm.slice(last.start, last.end);
  const opening = /^\s*(?:(?:加快|大力|积极|持续|重点|着力)?(?:培育|引进|招引|建设|打造|创建|发展|扶持|认定|培养))/.exec(text);
  if (opening === null || /[0-9０-９]/.test(text)) return null;
  const object = input.slice(last.start + opening[0].length, last.end).trim().replace(/[，,；;。、\s]+$/, "");
  return [...object].length >= 2 && [...object].length <= 30 ? object : null;
}

/** When a clause names no subject (力争三年内累计达到50家), the previous clause of the sentence does. */
function previousClauseSubject(ctx: Ctx, clauses: readonly Span[], clause: Span, tokens: readonly Token[], adverbials: readonly Span[]): string {
  const i = clauses.indexOf(clause);
  const prev = i > 0 ? clauses[i - 1] : undefined;
  if (!prev) return "";
  const text = clean(ctx.input, ctx.norm, prev.start, prev.end, { leading: true, skip: adverbials, tokens: tokens.filter((t) => t.measure !== undefined || t.milestone) }).text;
  // (研发投入强度不低于全省平均水平，2024年达到3.2%: what is measured, without the comparison the clause makes)
  const compared = /(?:不低于|不高于|高于|低于|超过|优于)(?:全国|全省|全市|省|市|同期|周边)/.exec(text);
  return compared !== null && compared.index >= 2 ? text.slice(0, compared.index) : text;
}
