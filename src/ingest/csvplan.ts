/**
 * Whether DuckDB's own CSV reader can read a monthly report exactly as the JavaScript reader does (check.ts:
 * sniffBytes, parseCsvGrid, readTable), and how: the plan of the bulk load (src/bulk.ts). Node only.
 *
 * A plan is made only for plain, well-formed CSV: every quote opens a field and closes it before a delimiter or a
 * line break, one kind of line break throughout, no blank line inside the data, the header found in the first records.
 * Text in GB18030/GBK or UTF-16 is decoded as sniffBytes decodes it and planned in UTF-8. Anything else — .xlsx, a
 * stray quote, mixed line breaks — gets no plan and is read by JavaScript. Some conditions can only be checked on
 * every byte (control characters, the line breaks of a CRLF file): `verifyBody` does that while DuckDB reads the file,
 * and a failure there also sends the file to JavaScript.
 */
import { isUtf8 } from "node:buffer";
import { hasNonTextSignature, sniffBytes } from "./decode.js";
import { headerDelimiter, HEADER_SCAN_ROWS, parseCsvGrid, readHeader, type TableHeader } from "./table.js";

export type CsvPlan = {
  /** The file's encoding, as sniffBytes names it. */
  encoding: "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";
  /**
   * A file in GB18030/GBK or UTF-16, decoded as sniffBytes decodes it and written again in UTF-8 (DuckDB reads UTF-8
   * only): DuckDB reads these bytes; the plan's offsets are theirs. Null for a UTF-8 file.
   */
  utf8: Uint8Array | null;
  delimiter: "," | "\t" | ";";
  newline: "\n" | "\r\n";
  /** The header as readTable finds it. */
  header: TableHeader;
  /** Records before the first data row (the header's grid index + 1): DuckDB's `skip`. */
  skip: number;
  /** A quoted field spans lines: DuckDB must then read the file on one thread. */
  quotedNewlines: boolean;
  /** Offset of the text after the BOM. */
  bodyStart: number;
  /** The quoted fields: [opening quote, closing quote] offsets from bodyStart, ascending. */
  spans: Int32Array;
};

/** Bytes decoded for the header: enough for HEADER_SCAN_ROWS records and the 64 K characters headerDelimiter reads. */
const PREFIX_BYTES = 1 << 20;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A line below the table naming who reported or when (footerFields reads it). */
const SIGNATURE = /(?:^|\n)[",\s\u3000]*(?:填表人|填报人|经办人|填报日期|填表日期|报送日期)[\s\u3000]*[:：]/;

/** The last few thousand characters of a text (at a character boundary). */
function tailText(body: Buffer): string {
  let from = Math.max(0, body.length - 4096);
  while (from < body.length && (body[from]! & 0xc0) === 0x80) from++;
  return body.subarray(from).toString("utf8");
}

/** The plan, or null when the JavaScript reader must read the file. */
export function planCsv(bytes: Uint8Array): CsvPlan | null {
  const plan = planUtf8(bytes);
  if (plan !== undefined) return plan;
  // not UTF-8: GB18030/GBK (Excel's "CSV" on Chinese Windows) or UTF-16 text is decoded as the JavaScript reader
  // decodes it, and planned in UTF-8
  const sniffed = sniffBytes(bytes);
  if (sniffed.kind !== "text" || sniffed.encoding === "utf-8" || sniffed.encoding === "utf-8-bom") return null;
  const utf8 = Buffer.from(sniffed.text, "utf8");
  const again = planUtf8(utf8);
  return again ? { ...again, encoding: sniffed.encoding, utf8 } : null;
}

/** The plan of a UTF-8 file; null when it is UTF-8 but not plain enough; undefined when it is not UTF-8. */
function planUtf8(bytes: Uint8Array): CsvPlan | null | undefined {
  if (bytes.length === 0) return null;
  if (hasNonTextSignature(bytes)) return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) ? undefined : null; // UTF-16 (or -32)
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const bodyStart = bom ? 3 : 0;
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + bodyStart, bytes.byteLength - bodyStart);
  // (a NUL or other control character anywhere is found by verifyBody, while DuckDB reads)
  if (body.length === 0) return null;
  if (!isUtf8(body)) return bom ? null : undefined;

  // the text checks of sniffBytes (textResult), on the first characters
  let cut = Math.min(body.length, PREFIX_BYTES);
  while (cut < body.length && cut > 0 && (body[cut]! & 0xc0) === 0x80) cut--;
  const prefix = body.subarray(0, cut).toString("utf8");
  const whole = cut === body.length;
  if (prefix.trim() === "" || (!whole && prefix.length < 64 * 1024)) return null;
  const head = prefix.trimStart().slice(0, 400).toLowerCase();
  if (head.startsWith("<") || /^mime-version:/m.test(head)) return null;

  const delimiter = headerDelimiter(prefix) as CsvPlan["delimiter"] | null;
  if (delimiter !== "," && delimiter !== "\t" && delimiter !== ";") return null;
  const newline = body.indexOf(CR) === -1 ? "\n" : "\r\n";

  const quotes = scanQuotes(body, delimiter.charCodeAt(0));
  if (quotes === null) return null;
  // a quoted cell over several lines, a later one with delimiters in it (rows swallowed by stray quotes?): the
  // JavaScript rules judge it (parseCsvGrid, swallowsRows)
  if (quotes.newlines && swallowedLine(body, quotes.spans, delimiter.charCodeAt(0))) return null;

  // the first records, as parseCsvGrid reads them from the whole text
  const end = recordsEnd(body, quotes.spans, HEADER_SCAN_ROWS);
  if (end > cut) return null;
  const csv = parseCsvGrid(body.subarray(0, end).toString("utf8"));
  if (csv.quoteErrors.length > 0 || csv.delimiter !== delimiter) return null;
  const h = readHeader(csv.grid);
  if ("error" in h) return null;
  const header = h.header;
  // a field stated above the header (填报单位：…) is no column DuckDB reads: such a form is read by JavaScript (as is
  // one stated above a column of its own, which each row is held to)
  // (or a 累计完成值 heading naming a month, 「1-10月累计完成值」, which each row's 统计期 is held to; or a year in the
  // title, which a 统计期 of a month alone takes)
  if (header.formFields.length > 0 || header.statedAbove.length > 0 || header.moneyUnit !== null || header.valueMonth !== null || header.yearAbove !== null) return null;
  // as is one signed below its table (填表人：…, for a table without that column: footerFields)
  if (SIGNATURE.test(tailText(body))) return null;
  // a table without a 累计完成值 column (statuses only): readHeader looks further down than the records read here for
  // figures under a heading it does not know (numericColumns), so JavaScript reads it whole
  if (!header.layout.fields.includes("value")) return null;
  // a first data line wider than the header (a comma at the end of each data line?): whether every line is so, the
  // JavaScript rules decide, over all the rows (Validation.trailingBlanks)
  const first = csv.grid.slice(header.index + 1).find((line) => line.some((c) => c.trim() !== ""));
  if (first !== undefined && first.length > header.width) return null;

  // no blank line among the data (DuckDB skips one, the spreadsheet counts it): only trailing ones
  const dataStart = recordsEnd(body, quotes.spans, header.index + 1);
  let last = body.length - 1;
  while (last >= 0 && (body[last] === LF || body[last] === CR)) last--;
  const blank = newline === "\n" ? "\n\n" : "\n\r\n";
  for (let at = body.indexOf(blank, dataStart); at !== -1 && at < last; at = body.indexOf(blank, at + 1)) {
    if (!insideSpan(quotes.spans, at)) return null;
  }
  // a blank line right at the start of the data
  if (dataStart < last && (body[dataStart] === LF || body[dataStart] === CR)) return null;
  return { encoding: bom ? "utf-8-bom" : "utf-8", utf8: null, delimiter, newline, header, skip: header.index + 1, quotedNewlines: quotes.newlines, bodyStart, spans: quotes.spans };
}

/**
 * The quoted fields of the text: each quote must open a field (at the start of the text or a line, or after a
 * delimiter) and be closed by a quote followed by the delimiter, a line break or the end (`""` inside stands for a
 * quote). Spans are [opening quote, closing quote] offsets in ascending order; null when any quote breaks the rule.
 */
function scanQuotes(body: Buffer, delimiter: number): { spans: Int32Array; newlines: boolean } | null {
  const spans: number[] = [];
  let newlines = false;
  for (let open = body.indexOf(QUOTE); open !== -1; ) {
    const before = open === 0 ? LF : body[open - 1]!;
    if (before !== delimiter && before !== LF) return null;
    let close = open + 1;
    for (;;) {
      close = body.indexOf(QUOTE, close);
      if (close === -1) return null;
      if (body[close + 1] === QUOTE) {
        close += 2;
        continue;
      }
      break;
    }
    const after = close + 1 < body.length ? body[close + 1]! : LF;
    if (after !== delimiter && after !== LF && !(after === CR && body[close + 2] === LF)) return null;
    if (!newlines) {
      for (let k = open + 1; k < close; k++) {
        const b = body[k]!;
        if (b === LF || b === CR) {
          newlines = true;
          break;
        }
      }
    }
    spans.push(open, close);
    open = body.indexOf(QUOTE, close + 1);
  }
  return { spans: Int32Array.from(spans), newlines };
}

/** Whether a quoted field has a line after its first with two delimiters or more (see swallowsRows, which decides). */
function swallowedLine(body: Buffer, spans: Int32Array, delimiter: number): boolean {
  for (let s = 0; s < spans.length; s += 2) {
    let delimiters = -1; // counting starts at the field's first line break
    for (let k = spans[s]! + 1; k < spans[s + 1]!; k++) {
      const b = body[k]!;
      if (b === LF || b === CR) delimiters = 0;
      else if (b === delimiter && delimiters >= 0 && ++delimiters >= 2) return true;
    }
  }
  return false;
}

/** Whether offset `at` lies inside a quoted field. */
function insideSpan(spans: Int32Array, at: number): boolean {
  let lo = 0;
  let hi = spans.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < spans[2 * mid]!) hi = mid - 1;
    else if (at > spans[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Offset just after the line feed ending the `n`-th record (line feeds inside quoted fields skipped); the end when fewer. */
function recordsEnd(body: Buffer, spans: Int32Array, n: number): number {
  let at = 0;
  for (let k = 0; k < n; k++) {
    let lf = body.indexOf(LF, at);
    while (lf !== -1 && insideSpan(spans, lf)) lf = body.indexOf(LF, lf + 1);
    if (lf === -1) return body.length;
    at = lf + 1;
  }
  return at;
}

/**
 * What planCsv leaves to a pass over every byte, run while DuckDB reads the file: no control character (C0 but tab,
 * LF, CR; DEL; C1) and no private-use character, which sniffBytes rejects; in a CRLF file, every line feed preceded by
 * a carriage return and every carriage return followed by a line feed (Papa reads CRLF files by CRLF alone).
 */
export function verifyBody(bytes: Uint8Array, plan: Pick<CsvPlan, "newline" | "bodyStart" | "spans">): boolean {
  const n = bytes.length;
  const crlf = plan.newline === "\r\n";
  for (let i = plan.bodyStart; i < n; i++) {
    const b = bytes[i]!;
    if (NEEDS_A_LOOK[b] === 0) continue;
    if (b === LF) {
      if (crlf && (i === 0 || bytes[i - 1] !== CR) && !insideSpan(plan.spans, i - plan.bodyStart)) return false;
      continue;
    }
    if (b === CR) {
      if (!crlf || (bytes[i + 1] !== LF && !insideSpan(plan.spans, i - plan.bodyStart))) return false;
      continue;
    }
    // C1 (U+0080–U+009F: C2 80–9F) and private use (U+E000–U+F8FF: EE xx xx, EF 80–A3 xx)
    if (b === 0xc2) {
      if (bytes[i + 1]! < 0xa0) return false;
      continue;
    }
    if (b === 0xef) {
      if (bytes[i + 1]! <= 0xa3) return false;
      continue;
    }
    return false; // another control character, DEL, or EE
  }
  return true;
}

/** The bytes verifyBody looks at (1); every other byte is fine wherever it stands, and passed over by one test. */
const NEEDS_A_LOOK = (() => {
  const t = new Uint8Array(256);
  for (let b = 0; b < 0x20; b++) t[b] = b === 0x09 ? 0 : 1;
  for (const b of [0x7f, 0xc2, 0xee, 0xef]) t[b] = 1;
  return t;
})();
