/**
 * Segmentation of policy prose: width folding, sentences, clauses and quoted/bracketed regions.
 * Every function keeps UTF-16 offsets of the input unchanged (folding is character for character).
 */

export type Span = { start: number; end: number };

/**
 * Folds full-width ASCII (０-９, ％, （）, ～, ．, ；, ！, ？, ：) and the ideographic space to their ASCII forms,
 * character for character so offsets stay valid. The full-width comma is kept: "1，200" is a list, not 1200.
 */
export function normalizeWidth(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e && c !== 0xff0c) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += text[i];
  }
  return out;
}

/** Sentence ends: 。；;！？ (folded to ASCII where full-width) and line breaks. */
export const SENTENCE_DELIMITERS = "。;!?\n\r";
/** Clause ends inside a sentence: commas, colons and the tab between table cells. 、 joins a list and is not one. */
export const CLAUSE_DELIMITERS = "，,:\t";

function split(text: string, from: number, to: number, delimiters: string): Span[] {
  const spans: Span[] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || delimiters.includes(text[i]!)) {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e > s) spans.push({ start: s, end: e });
      start = i + 1;
    }
  }
  return spans;
}

/** Sentences of the (width-folded) text, trimmed of surrounding whitespace. */
export function splitSentences(norm: string): Span[] {
  return split(norm, 0, norm.length, SENTENCE_DELIMITERS);
}

/** Clauses of one sentence. */
export function splitClauses(norm: string, sentence: Span): Span[] {
  // (新增企业技术中心10家(其中国家级5家): a bracket that opens with 其中 starts a clause of its own, as after a comma)
  return split(norm, sentence.start, sentence.end, CLAUSE_DELIMITERS).flatMap((c) => {
    const parts: Span[] = [];
    let start = c.start;
    for (let i = norm.indexOf("(其中", c.start + 1); i !== -1 && i < c.end; i = norm.indexOf("(其中", i + 1)) {
      parts.push({ start, end: i });
      start = i + 1;
    }
    parts.push({ start, end: c.end });
    return parts;
  });
}

/** Directional quote and bracket pairs whose content is a name, never a target: 《规划(2018-2020)》, “个十百千”, 〔2017〕. */
export const QUOTE_PAIRS: readonly [string, string][] = [
  ["《", "》"], ["〈", "〉"], ["“", "”"], ["‘", "’"], ["「", "」"], ["『", "』"], ["〔", "〕"], ["【", "】"],
];

/**
 * Quoted and bracketed regions, quote marks included. ASCII double quotes (what OCR produces) are paired
 * within a line; an unpaired last quote is ignored. A directional pair never spans a 。.
 */
export function findProtectedSpans(norm: string): Span[] {
  const spans: Span[] = [];
  for (const [open, close] of QUOTE_PAIRS) {
    let i = norm.indexOf(open);
    while (i >= 0) {
      const j = norm.indexOf(close, i + 1);
      const stop = norm.indexOf("。", i + 1);
      if (j < 0) break;
      if (stop >= 0 && stop < j) {
        i = norm.indexOf(open, i + 1);
        continue;
      }
      spans.push({ start: i, end: j + 1 });
      i = norm.indexOf(open, j + 1);
    }
  }
  let lineStart = 0;
  while (lineStart <= norm.length) {
    let lineEnd = norm.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = norm.length;
    let open = -1;
    for (let i = lineStart; i < lineEnd; i++) {
      if (norm[i] !== '"') continue;
      if (open < 0) open = i;
      else {
        spans.push({ start: open, end: i + 1 });
        open = -1;
      }
    }
    lineStart = lineEnd + 1;
  }
  return spans.sort((a, b) => a.start - b.start);
}

export function inSpans(spans: readonly Span[], pos: number): boolean {
  return spans.some((s) => pos >= s.start && pos < s.end);
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Skips plain spaces (OCR puts them anywhere), never line breaks or tabs. */
export function skipSpaces(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === " " || text[pos] === "\u00a0")) pos++;
  return pos;
}

export function skipSpacesBack(text: string, pos: number): number {
  while (pos > 0 && (text[pos - 1] === " " || text[pos - 1] === "\u00a0")) pos--;
  return pos;
}
