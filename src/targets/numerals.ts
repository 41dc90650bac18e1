/**
 * Number words: Arabic (with thousands separators and decimals; full-width digits are folded to ASCII by
 * `normalizeWidth` in text.ts before we get here) and Chinese numerals (一, 两, 十, 二十, 一百二十, 三千, 一万五千).
 * Pure functions, no I/O.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const BIG_MULTIPLIERS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** Every character that may appear in a Chinese numeral run. */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";

/** Characters that can end a Chinese numeral as a scale and also start a money unit (三万元 = 3 万元). */
export const SCALE_CHARS = "十百千万亿";

/**
 * Parses a Chinese numeral. Returns null for runs that are not a well-formed number, which is how
 * 个十百千, 十三五, 一二, 千方百计 and 万一 are rejected: digits must alternate with strictly decreasing multipliers.
 * Accepts the colloquial trailing digit (一百二 = 120, 一万五 = 15000) and a leading 十 (十五 = 15).
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmall = Infinity;
  let lastBig = Infinity;
  let afterZero = false;
  let previousMultiplier: number | null = null; // multiplier written right before the pending digit
  let sawDigitOrTen = false;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null) return null; // two digits in a row: 一二, 三五
      if (d === 0) {
        if (!sawDigitOrTen) return null;
        afterZero = true;
        continue;
      }
      digit = d;
      sawDigitOrTen = true;
      continue;
    }
    const small = SMALL_MULTIPLIERS[ch];
    if (small !== undefined) {
      if (small >= lastSmall) return null;
      if (digit === null) {
        // Only 十 may stand alone, and only at the start of a section (十五, 二十万 is handled by digit).
        if (small !== 10 || section !== 0 || afterZero) return null;
        digit = 1;
      }
      section += digit * small;
      digit = null;
      lastSmall = small;
      previousMultiplier = small;
      afterZero = false;
      sawDigitOrTen = true;
      continue;
    }
    const big = BIG_MULTIPLIERS[ch];
    if (big !== undefined) {
      if (big >= lastBig) return null;
      const value = section + (digit ?? 0);
      if (value === 0) return null;
      total += value * big;
      section = 0;
      digit = null;
      lastSmall = Infinity;
      lastBig = big;
      previousMultiplier = big;
      afterZero = false;
      continue;
    }
    return null;
  }
  if (digit !== null) {
    // 一百二 = 120, 一千五 = 1500, 一万五 = 15000: a bare digit right after a multiplier ≥ 100 is one order lower.
    if (!afterZero && previousMultiplier !== null && previousMultiplier >= 100) section += (digit * previousMultiplier) / 10;
    else section += digit;
  }
  total += section;
  return total > 0 ? total : null;
}

/** "1,200" → 1200, "1.5" → 1.5; null when the separators are misplaced. */
export function parseArabicNumeral(text: string): number | null {
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(text)) return null;
  const value = Number(text.replace(/,/g, ""));
  return Number.isFinite(value) ? value : null;
}

/** Either kind of numeral. */
export function parseNumeral(text: string): number | null {
  return /^[\d,.]+$/.test(text) ? parseArabicNumeral(text) : parseChineseNumeral(text);
}

/** a × b without binary noise (1.1 × 10000 = 11000, not 11000.000000000002). */
export function multiplyExact(a: number, b: number): number {
  return Number((a * b).toPrecision(15));
}

/** a + b without binary noise (20 + 0.1 = 20.1). */
export function addExact(a: number, b: number): number {
  return Number((a + b).toPrecision(15));
}
