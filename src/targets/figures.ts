/**
 * Figure scanner: finds every numeral with its unit, scale, range and suffix comparator, and marks the ones
 * an exclusion rule rejects (with the rule's id). Works on width-folded text; offsets are the input's.
 */
import { findExclusion } from "./exclusions.js";
import { APPROXIMATE_MARKERS, COMPARATOR_SUFFIXES, matchWordAt, type Comparator } from "./lexicon.js";
import { CHINESE_NUMERAL_CHARS, SCALE_CHARS, multiplyExact, parseArabicNumeral, parseChineseNumeral } from "./numerals.js";
import { skipSpaces, type Span } from "./segment.js";
import { PERCENT, matchScaleAt, matchUnitAt, type UnitDef } from "./units.js";

export type Figure = {
  start: number;
  end: number; // after unit and suffix comparator
  coreEnd: number; // after the first numeral
  value: number; // the minimum of a range
  valueMax: number | null;
  unit: UnitDef | null;
  unitEnd: number | null;
  scaled: boolean; // 1.5万, 三万: a scale word stands in for the unit
  comparator: Comparator | null; // from 以上/左右/以内… or 余/多
  chinese: boolean;
  numeral: string;
  excluded: string | null; // id of the exclusion rule, null for a candidate target
};

type Core = { start: number; end: number; text: string; chinese: boolean; value: number | null; percent: boolean };
type Tail = { unit: UnitDef | null; unitEnd: number | null; end: number; scale: number; scaled: boolean; approx: Comparator | null };

const ARABIC = /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?/y;
const CHINESE = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, "y");
const FRACTION = /([一二两三四五六七八九十千]{1,3})分之([一二两三四五六七八九十]{1,3})/y;
const RANGE_SEPARATOR = /(?:[-–—―~〜]{1,2}|至|到)/y;
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

function readCore(t: string, i: number): Core | null {
  if (t.startsWith("百分之", i)) {
    const inner = readCore(t, i + 3);
    return inner && inner.value !== null ? { ...inner, start: i, percent: true } : null;
  }
  // 三分之一, 五分之二, 千分之五: a fraction in words, read as a percentage (33.33%, 40%, 0.5%), to two decimals
  FRACTION.lastIndex = i;
  const fraction = FRACTION.exec(t);
  if (fraction) {
    const [whole, below, above] = fraction as unknown as [string, string, string];
    const d = below === "千" ? 1000 : parseChineseNumeral(below);
    const n = parseChineseNumeral(above);
    // (惠及三分之一的企业: a share of what follows, read as the Arabic 30%的 is not: left to the words around it)
    if (d !== null && n !== null && d > 0 && n <= d && t[i + whole.length] !== "的") {
      return { start: i, end: i + whole.length, text: whole, chinese: true, value: Math.round((n / d) * 10000) / 100, percent: true };
    }
  }
  if (isDigit(t[i])) {
    ARABIC.lastIndex = i;
    const text = ARABIC.exec(t)![0];
    return { start: i, end: i + text.length, text, chinese: false, value: parseArabicNumeral(text), percent: false };
  }
  CHINESE.lastIndex = i;
  const m = CHINESE.exec(t);
  if (!m) return null;
  let text = m[0];
  let end = i + text.length;
  // 三万元, 二十亿元, 一千万元: a trailing scale character starts the money unit.
  for (let k = 1; k <= 2 && k < text.length; k++) {
    if (![...text.slice(-k)].every((ch) => SCALE_CHARS.includes(ch))) break;
    const u = matchUnitAt(t, end - k);
    if (u?.category === "money") {
      text = text.slice(0, -k);
      end -= k;
      break;
    }
  }
  return { start: i, end, text, chinese: true, value: parseChineseNumeral(text), percent: false };
}

/** What may follow 成 read as tenths: nothing, punctuation, a comparator (以上, 左右, 多) or 的. */
const TENTHS_FOLLOWER = /^(?:$|[^\u4e00-\u9fff]|[以左上多的及])/;

function readTail(t: string, core: Core): Tail {
  if (core.percent) return { unit: PERCENT, unitEnd: core.end, end: core.end, scale: 1, scaled: false, approx: null };
  const none: Tail = { unit: null, unitEnd: null, end: core.end, scale: 1, scaled: core.chinese && /[万亿]/.test(core.text), approx: null };
  let p = skipSpaces(t, core.end);
  // 近六成, 八成以上: tenths, read as a percentage (60%); not 一成不变 or 三成立
  if (t[p] === "成" && core.value !== null && core.value > 0 && core.value <= 10 && TENTHS_FOLLOWER.test(t.slice(p + 1, p + 2))) {
    return { unit: PERCENT, unitEnd: p + 1, end: p + 1, scale: 10, scaled: false, approx: null };
  }
  const direct = matchUnitAt(t, p, !core.chinese);
  if (direct) return { ...none, unit: direct, unitEnd: p + direct.unit.length, end: p + direct.unit.length };
  // Scale word and 余/多 in either order: 1万余人, 10余万平方米, 1000多家.
  let scale = 1;
  let scaled = none.scaled;
  let approx: Comparator | null = null;
  for (let step = 0; step < 2; step++) {
    const s = core.chinese || scale !== 1 ? null : matchScaleAt(t, p);
    if (s) {
      scale = s.factor;
      scaled = true;
      p += s.word.length;
      continue;
    }
    const at = p;
    const a: { word: string; comparator: Comparator } | undefined = approx === null ? APPROXIMATE_MARKERS.find((m) => t.startsWith(m.word, at)) : undefined;
    if (a) {
      approx = a.comparator;
      p += a.word.length;
    }
  }
  const q = skipSpaces(t, p);
  const unit = matchUnitAt(t, q, !core.chinese && scale === 1 && approx === null);
  if (unit) return { unit, unitEnd: q + unit.unit.length, end: q + unit.unit.length, scale, scaled, approx };
  if (scale !== 1) return { ...none, end: p, scale, scaled, approx };
  // 城乡居民收入比控制在1.8以内, 缩小到1.8:1, 数据中心PUE值降至1.3以下: a ratio or index has no unit; after its name
  // (…比, 系数, 指数, PUE) and a verb, Arabic digits ending the clause (or before 以内, 左右, :1) are its figure
  if (!core.chinese && UNITLESS_NAME.test(t.slice(Math.max(0, core.start - 24), core.start))) {
    const end = UNITLESS_END.exec(t.slice(core.end));
    if (end) {
      const unitEnd = core.end + end[1]!.length;
      return { ...none, unit: UNITLESS, unitEnd, end: unitEnd };
    }
  }
  return none;
}

/** The unit of a ratio or index (收入比1.8, PUE值1.3): none, written as an empty unit. */
export const UNITLESS: UnitDef = { unit: "", category: "ratio", baseUnit: "", factor: 1 };
// (城乡居民收入倍差, 电能利用效率（PUE）, 采购经理指数（PMI）, 容积率, 万车死亡率, 亿元GDP生产安全事故死亡率; 收入比由2.0缩小到1.8:
// the starting ratio between)
const UNITLESS_NAME = /(?:[\u4e00-\u9fff](?<![占同环对相])比|比值|倍差|系数|指数|容积率|(?:万车|[十百]?万人|亿元GDP)[\u4e00-\u9fff]{0,12}率|PUE值?|PMI)[)）]?\s*(?:由\s*\d+(?:\.\d+)?(?:\s*[:：∶]\s*1)?)?\s*(?:要|须|力争|确保|争取|进一步)?(?:控制在|控制到|控制为|降至|降到|降低到|降低至|下降到|下降至|缩小到|缩小至|缩小为|缩小在|达到|提高到|提高至|提升到|提升至|保持在|稳定在|不高于|不低于|不超过|不大于|不小于|低于|小于|高于|大于|为|在|[≤≥≦≧<>＜＞]=?)?\s*$/;
/** What may follow such a figure: 1 of 1.8∶1 (kept in the figure's text), a comparator, the clause's end. */
const UNITLESS_END = /^(\s*(?:[:：∶]\s*1(?![\d.]))?)\s*(?:以内|以下|及以下|以上|及以上|左右|之内)?\s*(?:$|[，,。；;、）)]|的)/;

type Reading = Omit<Figure, "excluded">;

function readFigure(t: string, i: number): Reading | { skipTo: number } | null {
  const a = readCore(t, i);
  if (!a) return null;
  if (a.value === null) return { skipTo: a.end };
  const ta = readTail(t, a);
  let reading: Reading = {
    start: a.start,
    end: ta.end,
    coreEnd: a.end,
    value: multiplyExact(a.value, ta.scale),
    valueMax: null,
    unit: ta.unit,
    unitEnd: ta.unitEnd,
    scaled: ta.scaled,
    comparator: ta.approx,
    chinese: a.chinese,
    numeral: a.text,
  };
  // Ranges: 15-20期, 1～3个, 十五至二十家, 15期至20期, 1.5-2万人.
  const p = skipSpaces(t, ta.end);
  RANGE_SEPARATOR.lastIndex = p;
  const sep = RANGE_SEPARATOR.exec(t);
  if (sep && !a.percent) {
    const b = readCore(t, skipSpaces(t, p + sep[0].length));
    if (b && b.value !== null && b.chinese === a.chinese && !b.percent) {
      const tb = readTail(t, b);
      // (10万-15万吨/日: the first figure's scale word is the one the unit of the second starts with, 万吨/日)
      const scaleOfUnit = ta.unit === null && ta.scale !== 1 && tb.unit !== null && tb.scale === 1 &&
        ((ta.scale === 1e4 && tb.unit.unit.startsWith("万")) || (ta.scale === 1e8 && tb.unit.unit.startsWith("亿")));
      const compatible = scaleOfUnit || (ta.unit === null ? !ta.scaled || tb.scaled : tb.unit?.unit === ta.unit.unit);
      const min = scaleOfUnit ? a.value : multiplyExact(a.value, ta.unit === null && !ta.scaled ? tb.scale : ta.scale);
      const max = multiplyExact(b.value, tb.scale);
      if (compatible && max > min) {
        reading = { ...reading, end: tb.end, value: min, valueMax: max, unit: tb.unit, unitEnd: tb.unitEnd, scaled: ta.scaled || tb.scaled, comparator: tb.approx ?? ta.approx };
      }
    }
  }
  const s = skipSpaces(t, reading.end);
  const suffix = matchWordAt(t, s, COMPARATOR_SUFFIXES.map((c) => c.word));
  if (suffix && (reading.unit !== null || reading.scaled)) {
    reading = { ...reading, end: s + suffix.length, comparator: COMPARATOR_SUFFIXES.find((c) => c.word === suffix)!.comparator };
  } else if (t[s] === "内" && reading.unit?.category === "time") {
    reading = { ...reading, end: s + 1, comparator: "at_most" }; // 压缩到50个工作日内, 3天内办结
  }
  return reading;
}

/** Every figure of the text in order, excluded ones included (with the reason). */
export function scanFigures(norm: string, protectedSpans: readonly Span[]): Figure[] {
  const figures: Figure[] = [];
  let i = 0;
  while (i < norm.length) {
    const ch = norm[i]!;
    if (!isDigit(ch) && !CHINESE_NUMERAL_CHARS.includes(ch)) {
      i++;
      continue;
    }
    const r = readFigure(norm, i);
    if (r === null) {
      i++;
      continue;
    }
    if ("skipTo" in r) {
      i = r.skipTo;
      continue;
    }
    const excluded = findExclusion({
      text: norm,
      start: r.start,
      coreEnd: r.coreEnd,
      end: r.end,
      unit: r.unit?.unit ?? null,
      unitEnd: r.unitEnd,
      numeral: r.numeral,
      chinese: r.chinese,
      value: r.value,
      valueMax: r.valueMax,
      scaled: r.scaled,
      protectedSpans,
    });
    figures.push({ ...r, excluded });
    i = Math.max(r.end, i + 1);
  }
  return figures;
}
