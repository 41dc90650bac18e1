/** Text normalisation shared by every loader: OCR cells wrap lines inside names. */

/** Whitespace survives only between two Latin letters or digits ("Smart Factory"); OCR wraps put it anywhere else. */
const SPACE_NOT_BETWEEN_LATIN = /(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])/g;

/** Full-width brackets and spaces to their ASCII forms, trimmed. */
export function normalizePunctuation(text: string): string {
  return text
    .replace(/\u3000/g, " ")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .trim();
}

/** Removes whitespace that an OCR line wrap put next to Chinese characters. */
export function normalizeProse(text: string): string {
  return normalizePunctuation(text).replace(SPACE_NOT_BETWEEN_LATIN, "");
}

/** Removes all whitespace: names never contain spaces. */
export function normalizeName(text: string): string {
  return normalizePunctuation(text).replace(/\s+/g, "");
}

/**
 * Splits a list cell ("市经信局、市科技局" or "各镇(街道、园区)政府(办事处、管委会)")
 * on separators that stand outside brackets. `whitespace` also splits on spaces (person cells).
 */
export function splitList(text: string, whitespace = false): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of normalizePunctuation(text)) {
    if (ch === "(" || ch === "〔" || ch === "[") depth++;
    if (ch === ")" || ch === "〕" || ch === "]") depth = Math.max(0, depth - 1);
    const separator = "、，,;；/|".includes(ch) || (whitespace && /\s/.test(ch));
    if (separator && depth === 0) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => (whitespace ? p.trim() : normalizeName(p))).filter((p) => p.length > 0);
}

const CHINESE_DIGITS = "零一二三四五六七八九";

/** 1 → 一, 12 → 十二, 34 → 三十四 (item labels up to 99). */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? "" : tens === 1 ? "十" : `${CHINESE_DIGITS[tens]}十`;
  return tensPart + (ones === 0 ? "" : CHINESE_DIGITS[ones]);
}
