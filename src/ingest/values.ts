/**
 * Cell values of a monthly report: cumulative values with units, periods, statuses and report dates.
 * Each parser returns data (`Parsed<T>`: the value, or a stable row-level code with a Chinese message) and never
 * throws; schemas.ts gives the same parsers as zod schemas.
 */
import { UNITS, SCALE_WORDS, type UnitDef } from "../targets/units.js";
import { fail, ok, type Parsed, type RowErrorCode } from "./codes.js";
import { excelSerialToIsoDate } from "./xlsx.js";

/** Full-width → half-width (４５０ → 450, ％ → %, ，→ ,), minus sign → "-", trimmed. */
export function normalizeCell(text: string): string {
  // ASCII and CJK ideographs are unchanged by NFKC and hold none of the minus signs: only the trim is left (the common case, and fast)
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && (c < 0x4e00 || c > 0x9fff)) {
      plain = false;
      break;
    }
  }
  if (plain) return text.trim();
  return text.normalize("NFKC").replace(/[\u2212\u2012\u2013\uFE63]/g, "-").trim();
}

/** normalizeCell with every whitespace removed; at once when the text is printable ASCII and CJK ideographs only. */
function compactCell(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || (c > 0x7e && (c < 0x4e00 || c > 0x9fff))) return normalizeCell(text).replace(/\s+/g, "");
  }
  return text;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * The NUMBER pattern's reading of a text that starts with a digit and has no sign, comma or exponent: digits with an
 * optional decimal part, then the rest. Null when the text needs the full pattern.
 */
function plainNumber(t: string): { digits: string; rest: string } | null {
  let i = 0;
  while (i < t.length && isDigit(t.charCodeAt(i))) i++;
  if (i === 0) return null;
  if (i < t.length && t.charCodeAt(i) === 0x2e) {
    let j = i + 1;
    while (j < t.length && isDigit(t.charCodeAt(j))) j++;
    if (j === i + 1) return null;
    i = j;
  }
  if (i < t.length) {
    const c = t.charCodeAt(i);
    if (c === 0x2c || c === 0x2e || c === 0x45 || c === 0x65) return null; // , . E e
  }
  return { digits: i === t.length ? t : t.slice(0, i), rest: i === t.length ? "" : t.slice(i) };
}

const quote = (text: string) => `“${text}”`;

const round15 = (n: number) => Number(n.toPrecision(15));

/** Digits of a written number from the first non-zero one on (`0012.50` → 4). */
function significantDigits(digits: string): number {
  let n = 0;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c >= 0x31 && c <= 0x39) n++;
    else if (c === 0x30 && n > 0) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Values and units

export type ReportedValue = {
  value: number;
  /** Unit written in the cell (450家 → 家, 20亿元 → 亿元, 85% → %), null when none. */
  unitInCell: string | null;
  /** A scale word with no unit (1.5万 → value 15000, scaleOnly 万): ambiguous for money, see rules. */
  scaleOnly: string | null;
};

const UNIT_BY_NAME = new Map<string, UnitDef>(UNITS.map((u) => [u.unit, u]));

/** The unit definition for a unit name written in a cell or a column (NFKC-normalised), or null. */
export function unitDef(unit: string): UnitDef | null {
  return UNIT_BY_NAME.get(normalizeCell(unit)) ?? null;
}

const NUMBER = /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:e([+-]?\d{1,3}))?(.*)$/i;

/**
 * A 累计完成值 cell that says there is no figure (/, —, 无, 不适用, N/A …): the row then reports by its status alone.
 * FIGURE_PENDING says the figure is not known yet (待定, 待统计, 暂无): both are asked to be left empty.
 */
const NO_FIGURE = /^(?:[/／\\、xX×*＊.。·…]+|[-－—–─_＿~～]+|无|没有|空|不适用|n\/?a|null|none)$/i;
const FIGURE_PENDING = /^(?:暂无|待定|待统计)$/;
/** A 完成状态 cell that says nothing (/, —, 无): NO_FIGURE without the marks a form may use for 未完成 (×, x, *). */
const NO_STATUS = /^(?:[/／\\、.。·…]+|[-－—–─_＿~～]+|无|空|不适用|n\/?a)$/i;
export const isNoFigure = (text: string): boolean => NO_FIGURE.test(compactCell(text));
/** Words around a number that make it approximate (约450, 450余家, 450以上, ≥450). */
const APPROXIMATE = /^(?:约|大约|大概|近|将近|接近|超|超过|逾|达|不少于|不低于|不超过|至少|最少|≥|>|≤|<|＞|＜|≈)|(?:余|多|左右|以上|以下|上下|万余|多万|\+$)/;
/** A number written in Chinese numerals (三, 十二, 一百二十, 两千). */
const CHINESE_NUMBER = /^[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+(?:[个家项台人次期%％]|万元|亿元)?$/;

/** What to write instead of a common non-number: the first hint whose test the compacted cell passes. */
const NOT_A_NUMBER_HINTS: [(t: string) => boolean, string][] = [
  [(t) => STATUS_BY_WORD.has(t.replace(/[。.，,；;！!]+$/, "")), "（这是完成状态，不是数值：累计完成值列请改填数字，没有数字的清空；完成状态请填在「完成状态」列）"],
  [(t) => NO_FIGURE.test(t) || FIGURE_PENDING.test(t), "（没有数值时请留空；只报进度的指标填写完成状态即可）"],
  [(t) => CHINESE_NUMBER.test(t), "（请用阿拉伯数字填写，如 3、120）"],
  [(t) => /^百分之[0-9.]+$/.test(t), "（请写成百分数，如 45%）"],
  [(t) => t.startsWith("百分之"), "（请用阿拉伯数字填写，如 45%）"],
  [(t) => /^[￥¥$]/.test(t), "（请去掉货币符号，只填数字和单位，如 3000万元）"],
  [(t) => APPROXIMATE.test(t) && /[0-9]/.test(t), "（请填写确切的累计数，不加“约”“余”“以上”等字样）"],
  [(t) => /^[~～〜][0-9]/.test(t), "（请填写确切的累计数，不加“约”“～”等字样）"],
  // 下降2.1%, 同比增长8%: the direction is the target's (下降3% is reported as the size of the fall)
  [(t) => /^(?:同比|比上年|较上年)?(?:下降|降低|减少|增长|提高|上升|增加)[0-9.]+%$/.test(t), "（请只填数值，不写“下降”“增长”等字样：下降类指标填降幅，如下降 2.1% 填 2.1%；增长类指标填增长率，负增长填负数）"],
  [(t) => /^(?:新增|增加|累计|共|完成)[0-9.]+/.test(t), "（请只填数和单位，如 5家，不写“新增”“累计”等字样）"],
  // 已完成100%, 完成率85%, 100%完成: a status or a rate of completion, not the figure
  [(t) => /^(?:已|全部|基本)?完成(?:率|进度|比例)?[0-9.]+%$|^[0-9.]+%(?:已)?完成$/.test(t), "（累计完成值填指标本身的累计数（如 320家），不填完成率；是否完成请在「完成状态」列选择）"],
  // 320。 50- 50+: a stray mark after the number
  [(t) => /^[0-9][0-9.,]*[。，,；;、\-－—_]$/.test(t), "（数字后多了一个标点或符号，请删去）"],
  // 第12位, 第 12 名: a rank is reported as its place alone
  [(t) => /^第[0-9]+(?:位|名)?$/.test(t), "（排名只填名次的数字，如第 12 位填 12）"],
  // #N/A, #DIV/0!, #VALUE!: a formula's error shown as text
  [(t) => /^#(?:N\/A|DIV\/0!?|VALUE!?|REF!?|NAME\??|NUM!?|NULL!?)$/i.test(t), "（这是 Excel 公式的错误值，请改正公式或直接填写数字）"],
];

/** E_NOT_A_NUMBER for a cell that is no number, with what to write instead when the writing is a common one. */
function notANumber(text: string, t: string): Parsed<never> {
  return fail("E_NOT_A_NUMBER", `${quote(text)}${NOT_A_NUMBER_HINTS.find(([test]) => test(t))?.[1] ?? ""}`);
}

/**
 * A cumulative value: `1,234`, `1，234`, `４５０`, `12.5`, `450家`, `20亿元`, `3000万元`, `85%`, `1.5万家`.
 * Empty → null (whether that is allowed depends on the status, see rules). Negative → E_NEGATIVE, unless `signed`
 * (a rate of change, 增长8%, which may fall below zero: -1.5, (1.5));
 * anything else that is not a non-negative number with an optional known unit → E_NOT_A_NUMBER.
 */
export function parseValue(text: string, options: { signed?: boolean } = {}): Parsed<ReportedValue | null> {
  const t = compactCell(text);
  if (t === "") return ok(null);
  // 1900-01-03: a number in a cell formatted as a date (Excel shows 3 so), or a date typed in
  if (/^[12]\d{3}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?$/.test(text.trim())) {
    return fail("E_NOT_A_NUMBER", `${quote(text)}（这是日期：单元格可能设成了日期格式，请改为“常规”或“数值”格式后重新填写）`);
  }
  // 「4 50」「450 0」: a space between digits is a typo, not a separator (compactCell would join them)
  if (t !== text && /[0-9０-９][\s\u3000]+[0-9０-９]/.test(text)) return fail("E_NOT_A_NUMBER", `${quote(text)}（数字中间有空格）`);
  let sign: string | undefined, digits: string | undefined, exponent: string | undefined, suffix: string | undefined;
  const plain = plainNumber(t);
  if (plain) [sign, digits, exponent, suffix] = ["", plain.digits, undefined, plain.rest];
  else {
    if (/^[+-]?(nan|inf|infinity|∞)$/i.test(t) || t.startsWith("#")) return notANumber(text, t);
    const m = t.match(NUMBER);
    // 「(1,234)」: a negative number as accountants write it
    if (!m && /^[(（][0-9][0-9,，.]*[)）]$/.test(t)) {
      return options.signed ? parseValue(`-${t.slice(1, -1)}`, options) : fail("E_NEGATIVE", `${quote(text)}（括号中的数按会计写法是负数；如是正数，请去掉括号）`);
    }
    if (!m) return notANumber(text, t);
    [, sign, digits, exponent, suffix] = m;
    // 1.23457E+11: Excel writes a long number so when it saves a CSV, its last digits gone; no one types one
    if (exponent !== undefined) {
      return fail("E_NOT_A_NUMBER", `${quote(text)}（这是科学计数法：Excel 另存为 CSV 时会把较长的数写成这样，并丢掉后面的数字。请把该列设为“数值”格式、显示出完整的数后重新保存，或直接填写完整的数）`);
    }
    // 「0,812」「00,150」: no figure starts a group of thousands with 0 — a decimal comma, or a typo
    if (/^0\d*,/.test(digits!)) return fail("E_NOT_A_NUMBER", `${quote(text)}（千分位逗号前不能是 0；如是小数，请用“.”，如 ${digits!.replace(/^0*/, "0.").replace(/,/g, "").replace(/^0\.\.?/, "0.")}）`);
  }
  const written = Number(exponent ? `${digits!.replace(/,/g, "")}e${exponent}` : digits!.includes(",") ? digits!.replace(/,/g, "") : digits!);
  // a decimal of at most 15 significant digits survives double → 15 digits → double unchanged (DBL_DIG): skip round15
  let value = !exponent && significantDigits(digits!) <= 15 && (written === 0 || written >= 1e-300) ? written : round15(written);
  // 1e999 and 1e-400: beyond what a figure can hold (the second would read as 0)
  if (!Number.isFinite(value) || (value === 0 && /[1-9]/.test(digits!))) return fail("E_NOT_A_NUMBER", quote(text));
  // 300+150, 450/500, -2+3: a sum or a fraction, not a figure (nor a negative one)
  if (suffix && /^[+*/×÷]\s*\d/.test(suffix)) return fail("E_NOT_A_NUMBER", `${quote(text)}（请填写算好的一个数，不要写算式或分数${/^\//.test(suffix) ? "；“完成数/目标数”只填完成数" : ""}）`);
  if (sign === "-" && value !== 0) {
    if (!options.signed) return fail("E_NEGATIVE", `${quote(text)}（累计完成值是截至统计期末的累计数，不会是负数：核减以前多报的，请填核减后的累计数，并在「进展情况」中说明原因；“降低”“减少”类指标填下降的幅度，写正数）`);
    value = -value; // (-0 stays 0)
  }
  // 「12家（累计）」「450(累计数)」: what the column holds already, said again: nothing more to read
  const cumulative = suffix?.match(/^(.*?)[(（](?:累计|累计数|累计值)[)）]$/);
  if (cumulative) suffix = cumulative[1];
  if (!suffix) return ok({ value, unitInCell: null, scaleOnly: null });
  const bracketed = suffix.match(/^[(（\[【]([^)）\]】]+)[)）\]】]$/); // 「450（家）」
  const rest = bracketed ? bracketed[1]! : suffix;
  if (rest === "") return ok({ value, unitInCell: null, scaleOnly: null });
  // (1,2345: a digit straight after the last group of three)
  if (/^[,，]\d/.test(rest) || (/^\d/.test(rest) && /,/.test(digits!))) return fail("E_NOT_A_NUMBER", `${quote(text)}（千分位逗号应每三位一个，如 1,234；小数点请用“.”）`);
  // 「52。2」「1、008」: a full stop or a 顿号 typed between digits
  if (/^[。．、·]\d/.test(rest)) {
    const mark = rest[0]!;
    const groups = rest.match(/^(?:[。．、·]\d+)+/)![0].split(/[。．、·]/).slice(1);
    // (groups of three digits after a 顿号: thousands separators more likely than a decimal point; one mark after a
    // whole number: a decimal point; anything else: no example, which could only guess)
    const example = /^\d+$/.test(digits!) && groups.every((g) => g.length === 3) && mark === "、" ? `千分位用“,”或不写，如 ${digits}${groups.join("")}`
      : /^\d+$/.test(digits!) && groups.length === 1 ? `小数点请用英文句点“.”，如 ${digits}.${groups[0]}`
        : "小数点请用英文句点“.”，千分位用“,”或不写";
    return fail("E_NOT_A_NUMBER", `${quote(text)}（数字中间的“${mark}”不能作小数点或千分位：${example}）`);
  }
  // 1.234.567: points as thousands separators
  if (/^\.\d/.test(rest)) return fail("E_NOT_A_NUMBER", `${quote(text)}（一个数只能有一个小数点；千分位请用逗号，如 1,234,567，或不写）`);
  const unit = UNIT_BY_NAME.get(rest);
  if (unit) return ok({ value, unitInCell: unit.unit, scaleOnly: null });
  for (const s of SCALE_WORDS) {
    if (!rest.startsWith(s.word)) continue;
    const after = rest.slice(s.word.length);
    const scaled = round15(value * s.factor);
    if (after === "") return ok({ value: scaled, unitInCell: null, scaleOnly: s.word });
    const u = UNIT_BY_NAME.get(after);
    if (u && u.category !== "money") return ok({ value: scaled, unitInCell: u.unit, scaleOnly: null });
  }
  if (APPROXIMATE.test(rest)) return notANumber(text, t);
  // 2017-10 in the value column: a period (the columns shifted?); 15-20, 1～3: a range; 450.: a point with no digits after it
  if (/^[12]\d{3}$/.test(digits!) && /^[-/.年][01]?\d月?$/.test(rest)) return fail("E_NOT_A_NUMBER", `${quote(text)}（这像是统计期，请检查各列是否错位）`);
  if (/^[-~～—–至到][0-9]/.test(rest)) return fail("E_NOT_A_NUMBER", `${quote(text)}（请填写一个确切的累计数，不要填范围）`);
  if (rest === ".") return fail("E_NOT_A_NUMBER", `${quote(text)}（小数点后缺少数字）`);
  // 1.85:1: a ratio is reported as its first term
  if (/^[:：∶]1(?:\.0+)?$/.test(rest)) return fail("E_NOT_A_NUMBER", `${quote(text)}（比值只填前一个数，如 ${digits}:1 填 ${digits}）`);
  // 「287（预计）」「300（预估）」: a figure not yet reached
  if (/^(?:预计|预估|预测|估计|估算|计划|目标)/.test(rest)) return fail("E_NOT_A_NUMBER", `${quote(text)}（请填截至统计期末已实际完成的累计数，不填预计数；预计情况可写在「进展情况」列）`);
  // 「450家（含新增20家）」「300（其中本月30）」: a note in brackets after the figure
  const note = bracketed ? { unit: "", text: suffix } : rest.match(/^(?<unit>[^(（\[【]*)(?<text>[(（\[【].+)$/)?.groups;
  if (note) {
    const unit = (note.unit ?? "").trim();
    const example = `${digits}${UNIT_BY_NAME.has(unit) ? unit : ""}`;
    return fail("E_NOT_A_NUMBER", `${quote(text)}（数后括号中的说明“${note.text}”请写在「进展情况」列；本列只填数和单位，如 ${example}）`);
  }
  // (100%完成, 320。, 50-: what is after the number is no unit; NOT_A_NUMBER_HINTS says what it is)
  if (NOT_A_NUMBER_HINTS.some(([test]) => test(t))) return notANumber(text, t);
  return fail("E_NOT_A_NUMBER", `${quote(text)}（“${rest}”不是可识别的单位）`);
}

/**
 * Count words that count the same things, one for one: 126人 for a target in 名 (people), 2380户 for one in 家 (firms:
 * 市场主体 are counted in 户 as often as in 家), 118项 for one in 个 (projects), 52套 for one in 台 (boilers, machines).
 */
const SAME_COUNT: readonly (readonly string[])[] = [["人", "名", "位"], ["家", "户"], ["个", "项"], ["台", "套"]];

/** Whether two count words count the same things (SAME_COUNT: 人 and 名, 家 and 户, 个 and 项, 台 and 套). */
export const sameCount = (a: string, b: string): boolean => SAME_COUNT.some((words) => words.includes(a) && words.includes(b));

/**
 * Converts between units of one family: 元/万元/亿元 (亿元 = 10,000 万元, 万元 = 10,000 元) and the other money
 * units of the unit table; a unit converts to itself, and a count word to another that counts the same (SAME_COUNT).
 * Null when the two cannot be converted.
 */
export function convertUnit(value: number, fromUnit: string, toUnit: string): number | null {
  const from = normalizeCell(fromUnit);
  const to = normalizeCell(toUnit);
  if (from === to || sameCount(from, to)) return value;
  const f = UNIT_BY_NAME.get(from);
  const t = UNIT_BY_NAME.get(to);
  // 36.2万元 for a target in 万元/亩 (亩均税收), 3500元 for one in 万元/人: the amount per 亩 or head, its denominator left unsaid
  const per = /^(.+)\/(亩|人)$/.exec(to);
  // (15平方米 for one in 平方米/人, 人均公园绿地面积)
  if (f && per && (f.category === "money" || f.category === "area") && UNIT_BY_NAME.get(per[1]!)?.category === f.category) return convertUnit(value, from, per[1]!);
  if (!f || !t || f.baseUnit !== t.baseUnit) return null;
  return round15((value * f.factor) / t.factor);
}

// ---------------------------------------------------------------------------------------------------------------
// Periods and dates

const pad2 = (n: number) => String(n).padStart(2, "0");

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Years accepted in a period or report date. */
export const YEAR_RANGE = { min: 2000, max: 2099 } as const;

const inYearRange = (y: number) => y >= YEAR_RANGE.min && y <= YEAR_RANGE.max;

export type DateCellOptions = {
  /** The file is an .xlsx: a 5-digit number in the cell is an Excel serial date whose cell was not date-formatted. */
  excelSerial?: boolean;
  /** That workbook uses the 1904 date system (its serials count from 1904-01-01). */
  date1904?: boolean;
};

/** Strips a time of day written after a date: "2017-10-31 00:00:00", "2017/11/3 9:30". */
const stripTime = (t: string) => t.replace(/[\sT]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, "");

/** A full date in any accepted form as [y, m, d], or null. */
function matchDate(t: string): [number, number, number] | null {
  const m =
    // one separator throughout: 「2017.1-10」 is months 1–10 (monthRangeEnd), never the date 2017-01-10
    t.match(/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/)?.filter((_, i) => i !== 2) ??
    t.match(/^(\d{4})年(\d{1,2})月(\d{1,2})[日号]$/) ??
    t.match(/^(\d{4})(\d{2})(\d{2})$/);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** 2017—11—05, 2017—10: the dash Chinese input methods type (破折号) as the separator it stands for. */
const dashesBetweenDigits = (t: string) => (t.includes("—") || t.includes("―") ? t.replace(/(?<=\d)[—―](?=\d)/g, "-") : t);

/** A month or day written without its year (10月, 十月, 11月5日, 11-05): the file's title may say the year, the cell must. */
const NO_YEAR = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份|\d{1,2}日?)?$|^\d{1,2}[-/.]\d{1,2}$/;

/**
 * A statistical period as YYYY-MM from `2017-10`, `2017年10月`, `2017.10`, `2017/10`, `201710`, a date such as
 * `2017-10-31` or `2017/10/31` (an Excel date cell arrives as YYYY-MM-DD) or, in an .xlsx, an Excel serial number.
 * `2017.1` is rejected: a cell typed as 2017.10 is the number 2017.1 once Excel drops the trailing zero.
 */
const CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/** 「同上」「〃」: a cell that points at the one above it, which a report reader does not follow. */
export const DITTO = /^(?:同上|同前|〃|″|"|”|ditto)$/i;

/** A cell that holds a figure and nothing else (388, 1,960, 388家, 85%): what parseValue reads as a number. */
export const isBareFigure = (text: string) => {
  if (!/^[0-9０-９]/.test(text.trim())) return false;
  const v = parseValue(text);
  return v.ok && v.value !== null;
};

export function parsePeriod(text: string, options: DateCellOptions = {}): Parsed<string | null> {
  // 「2017年10月底」「2017年10月末」「2017年10月（累计）」: the month itself
  const t = dashesBetweenDigits(stripTime(normalizeCell(text)).replace(/\s+/g, ""))
    // 「截至2017年10月」「2017年10月止」「截止到2017年10月底」: the month the cumulative figure runs to
    .replace(/^(?:截至|截止(?:到|至)?)(?=\d{4})/, "")
    .replace(/(?<=月(?:份|底|末)?|\d[日号])(?:为止|止)$/, "")
    // 「二〇一七年十月」: the year in Chinese numerals, digit by digit
    .replace(/^([〇○零一二三四五六七八九]{4})(?=年)/, (y: string) => [...y].map((c) => "〇一二三四五六七八九".indexOf(c === "○" || c === "零" ? "〇" : c)).join(""))
    // 「2018年三月」「2018年十二月份」: the month in Chinese numerals
    .replace(/^(\d{4}年)(十[一二]?|[一二三四五六七八九])(月)/, (_, y: string, m: string, end: string) => `${y}${CHINESE_MONTHS.indexOf(m) + 1}${end}`)
    .replace(/^(\d{4}年\d{1,2}月)(?:份)?(?:底|末|\(累计\)|累计|报|月报)$/, "$1")
    // 「2018年一季度末」「2018年第一季度底」: the quarter's last month, as 「2018年第一季度」
    .replace(/^(\d{4}年第?[一二三四1-4]季度?)(?:末|底)$/, "$1")
    // 「2017.10.」「2017年10月。」: a full stop typed after the month
    .replace(/(?<=^\d{4}[-/.]\d{1,2}|^\d{4}年\d{1,2}月份?)[.。]$/, "");
  if (t === "") return ok(null);
  const bad = (detail?: string) => fail<string | null>("E_BAD_PERIOD", detail ? `${quote(text)}，${detail}` : quote(text));
  if (/^\d{4}\.1$/.test(t)) return bad("可能是被 Excel 去掉末尾 0 的 10 月，请写成 YYYY-MM（如 2017-01 或 2017-10）");
  let y: number;
  let m: number;
  const date = matchDate(t);
  const month =
    t.match(/^(\d{4})[-/.](\d{1,2})(?:月份?)?$/) ??
    t.match(/^(\d{4})年(\d{1,2})(?:月份?)?$/) ??
    t.match(/^(\d{4})(\d{2})$/) ??
    // 「2017年1-10月」: a cumulative figure's months; the period is the last one (a range running backwards is no period)
    monthRangeEnd(t) ??
    // 「17年10月」 (00–69 → 2000–2069; 「99年」 is 1999, out of range)
    t.match(/^([0-6]\d)年(\d{1,2})月份?$/)?.map((g, i) => (i === 1 ? `20${g}` : g)) ??
    // 「2017年第四季度」「2017年Q4」: the quarter's last month
    quarterEnd(t) ??
    // 「Oct-17」「Oct-2017」: a month cell of English Excel (mmm-yy) saved as text
    englishMonth(t) ??
    // 「10/2017」: a month cell of English Excel (mm/yyyy) saved as text, its year last
    t.match(/^(\d{1,2})[-/.](\d{4})$/)?.map((g, i, all) => (i === 1 ? all[2]! : i === 2 ? all[1]! : g));
  // 「2017-1-10」: the date 10 January, or months 1–10 (2017年1-10月) typed with the wrong dash; a January date is no
  // month's report, so the period cannot be told (2017-01-10, or a date cell, is a date)
  const unpadded = date && t.match(/^\d{4}[-/.]1[-/.]\d{1,2}$/) && date[2] >= 2 && date[2] <= 12 ? date : null;
  if (unpadded) {
    const [yy, , d] = unpadded;
    return bad(`可理解为 ${yy}年1月${d}日，也可理解为 ${yy}年1-${d}月的累计；请写成 YYYY-MM（1-${d}月的累计写 ${yy}-${pad2(d)}）`);
  }
  if (date) {
    [y, m] = date;
    if (!validYmd(date[0], date[1], date[2])) return bad("日期不存在");
  } else if (month) {
    y = Number(month[1]);
    m = Number(month[2]);
  } else if (options.excelSerial && /^\d{5}(\.\d+)?$/.test(t) && excelSerialToIsoDate(Number(t), options.date1904) !== null) {
    const iso = excelSerialToIsoDate(Number(t), options.date1904)!;
    return ok(iso.slice(0, 7));
  } else {
    if (/^\d{4}(?:年度?|年?全年)?$/.test(t) && inYearRange(Number(t.slice(0, 4)))) return bad(`只有年份，没有月份：全年的累计数请写该年 12 月（${t.slice(0, 4)}-12）`);
    const serial = serialHint(t, 7);
    if (serial) return bad(serial.slice(1));
    // (「17-10」: 17, no month, is the year written short; 「三季度」「上半年」 name no year either)
    const short = t.match(/^([0-6]\d)[-/.](\d{1,2})$/);
    if (short && Number(short[1]) > 12 && Number(short[2]) >= 1 && Number(short[2]) <= 12) return bad(`缺少四位年份：如指 20${short[1]} 年 ${Number(short[2])} 月，请写成 20${short[1]}-${pad2(Number(short[2]))}`);
    if (/^(?:第?[一二三四1-4]季度?|[Qq][1-4]|[上下]半年)$/.test(t)) return bad("缺少年份，请写明哪一年（如 2017年第三季度、2017-10）");
    // 「10/31/2017」「31.10.2017」: a date of an English or European Excel, its year last (month and day cannot be told apart)
    const yearLast = t.match(/^\d{1,2}[-/.]\d{1,2}[-/.](\d{4})$/);
    if (yearLast && inYearRange(Number(yearLast[1]))) return bad(`年份写在了最后（英文或欧洲格式的日期，月、日的先后无法确定）：请写成 YYYY-MM（如 ${yearLast[1]}-10）`);
    if (DITTO.test(t)) return bad("不能用“同上”“〃”代替，请逐行填写统计期");
    const range = MONTH_RANGE.exec(t);
    if (range && Number(range[3]) > 1 && Number(range[3]) <= Number(range[4]) && Number(range[4]) <= 12) {
      const end = `${range[1]}-${pad2(Number(range[4]))}`;
      return bad(`是 ${Number(range[3])}–${Number(range[4])} 月几个月的区间：统计期请写月份（${end}），累计完成值填自起算以来（一般为年初）到该月底的累计数，不是这几个月的新增数`);
    }
    return bad(NO_YEAR.test(t) ? "缺少年份，请写成 YYYY-MM（如 2017-10）" : undefined);
  }
  if (m < 1 || m > 12) return bad("月份应为 1–12");
  if (!inYearRange(y)) return bad(`年份应在 ${YEAR_RANGE.min}–${YEAR_RANGE.max} 之间`);
  return ok(`${y}-${pad2(m)}`);
}

const ENGLISH_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** 「Oct-17」「Oct-2017」「October 2017」「2017-Oct」 → [_, year, month], or null (00–69 → 2000–2069, as for 17年10月). */
function englishMonth(t: string): string[] | null {
  const first = t.match(/^(\d{4})[-/.]?([a-z]{3,9})\.?$/i);
  if (first) {
    const month = englishMonth(`${first[2]}-${first[1]}`);
    return month && [first[0], month[1]!, month[2]!];
  }
  const m = t.match(/^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[-\s.]?(\d{2}|\d{4})$/i);
  if (!m) return null;
  const year = m[2]!.length === 4 ? m[2]! : `${Number(m[2]) <= 69 ? 20 : 19}${m[2]}`;
  return [m[0], year, String(ENGLISH_MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1)];
}

/**
 * 「2017年1-10月」「2017.1-10」「2017/1-10月」 → [_, year, last month]: a range from January, a cumulative figure's; else
 * null. (2017年9-10月 may be the two months' own increase, not the figure since the counting start; 2017.10-12 a date:
 * not read, parsePeriod says why.)
 */
function monthRangeEnd(t: string): string[] | null {
  const m = MONTH_RANGE.exec(t);
  // (from January; or one whole month given by its days, 2018-10-01至2018-10-31: that month)
  if (!m || Number(m[3]) > Number(m[4]) || (Number(m[3]) !== 1 && !(m.days && m[3] === m[4]))) return null;
  return [m[0]!, m[1]!, m[4]!];
}

/**
 * 「2017年1-10月」「2017.1-10」「2017年9月至10月」「2017年1-10月累计」, and the year written on both ends,
 * 「2017.01-2017.10」「2017年1月至2017年10月」: a year's months from one to another ([_, year, sep, first, last]).
 */
const MONTH_RANGE = {
  exec(t: string): (string[] & { days?: boolean }) | null {
    const short = t.match(/^(\d{4})([年./])(\d{1,2})月?[-~～至到—–](\d{1,2})(?:月份?)?(?:累计|\(累计\))?$/);
    if (short) return short;
    const both = t.match(/^(\d{4})([年./-])(\d{1,2})月?[-~～至到—–](\d{4})[年./-](\d{1,2})(?:月份?)?(?:累计|\(累计\))?$/);
    if (both) return both[1] === both[4] ? [both[0], both[1]!, both[2]!, both[3]!, both[5]!] : null;
    // 「2018-01-01至2018-03-31」「2018年1月1日至2018年3月31日」「2018年1月1日-3月31日」: whole months, from a month's
    // first day to a month's last (the end's year, when left out, is the start's)
    const days = t.match(/^(\d{4})([年./-])(\d{1,2})[月./-](\d{1,2})日?[-~～至到—–](?:(\d{4})[年./-])?(\d{1,2})[月./-](\d{1,2})日?(?:累计|\(累计\))?$/);
    if (days && days[5] === undefined) days[5] = days[1]!;
    if (!days || days[1] !== days[5] || Number(days[4]) !== 1) return null;
    const [year, last] = [Number(days[5]), Number(days[6])];
    return last >= 1 && last <= 12 && Number(days[7]) === new Date(Date.UTC(year, last, 0)).getUTCDate() ? Object.assign([days[0], days[1]!, days[2]!, days[3]!, days[6]!], { days: true }) : null;
  },
};

const QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/**
 * 「2017年第四季度」「2017年4季度」「2017Q4」「2017-Q4」「Q4 2017」, 「2017年前三季度」 (cumulative to the third) →
 * [_, year, last month of the quarter]; 「2017年上半年」 → June, 「2017年下半年」 → December; or null.
 */
function quarterEnd(t: string): string[] | null {
  const m = t.match(/^(\d{4})(?:年|[-/.])?(?:前?第?([一二三四1-4])季度?|[Qq]([1-4]))$/);
  if (m) return [m[0], m[1]!, String(QUARTERS[m[2] ?? m[3]!]! * 3)];
  const q = t.match(/^[Qq]([1-4])[-/.]?(\d{4})$/);
  if (q) return [q[0], q[2]!, String(QUARTERS[q[1]!]! * 3)];
  const half = t.match(/^(\d{4})年?([上下])半年度?$/);
  return half ? [half[0], half[1]!, half[2] === "上" ? "6" : "12"] : null;
}

/** A report date as YYYY-MM-DD from `2017-11-03`, `2017/11/3`, `2017.11.3`, `2017年11月3日`, `20171103`, an Excel date. */
/** Why a report date could not be read, when the writing is a common one: no year, no day, day and month in doubt. */
function badDateHint(t: string): string {
  if (NO_YEAR.test(t)) return "，缺少年份，请写成 YYYY-MM-DD（如 2017-11-03）";
  const serial = serialHint(t, 10);
  if (serial) return serial;
  if (/^\d{4}(?:年\d{1,2}月|[-/.]\d{1,2})$/.test(t)) return "，缺少日";
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(t)) return "，日、月、年的先后无法确定";
  return "";
}

/**
 * 「，43407 像是 Excel 的日期序号（2018-11-03）…」 for a 5-digit number in a CSV (where a number is never read as a
 * date: Excel wrote the cell's number instead of the date it shows); "" otherwise. `length`: 10 for a date, 7 for a month.
 */
function serialHint(t: string, length: 7 | 10): string {
  if (!/^\d{5}$/.test(t)) return "";
  const iso = excelSerialToIsoDate(Number(t));
  if (iso === null || !inYearRange(Number(iso.slice(0, 4)))) return "";
  return `，像是 Excel 的日期序号（即 ${iso.slice(0, length)}）：CSV 中请直接写成 ${iso.slice(0, length)}（可在 Excel 中把该列设为日期格式后再另存）`;
}

export function parseReportDate(text: string, options: DateCellOptions = {}): Parsed<string | null> {
  // (2017/11/05 星期日, 2017.11.05.: the weekday and a closing point say nothing more)
  const t = dashesBetweenDigits(stripTime(normalizeCell(text)).replace(/\s+/g, "")).replace(/(?<=\d日?)(?:\(?(?:星期|周|礼拜)[一二三四五六日天]\)?|[.。])$/, "");
  if (t === "" || isNoFigure(t)) return ok(null); // (「/」「—」「无」: not filled in)
  if (options.excelSerial && /^\d{5}(\.\d+)?$/.test(t)) {
    const iso = excelSerialToIsoDate(Number(t), options.date1904);
    if (iso !== null) return ok(iso);
  }
  const d = matchDate(t);
  if (!d) return fail("E_BAD_DATE", `${quote(text)}${badDateHint(t)}`);
  if (!inYearRange(d[0])) return fail("E_BAD_DATE", quote(text));
  if (!validYmd(d[0], d[1], d[2])) {
    const hint = d[1] >= 1 && d[1] <= 12 && d[2] >= 1 ? `，${d[1]} 月没有 ${d[2]} 日` : d[1] > 12 || d[1] < 1 ? `，没有 ${d[1]} 月` : "";
    return fail("E_BAD_DATE", `${quote(text)}${hint}`);
  }
  return ok(`${d[0]}-${pad2(d[1])}-${pad2(d[2])}`);
}

const YM = /^(\d{4})-(\d{2})(-\d{2})?$/;

/**
 * Whether a period may be reported: not before the target's counting start (YYYY-MM or YYYY-MM-DD; compared by
 * month) and not after the month of the as-of date (YYYY-MM-DD, passed in — never today's date).
 */
export function checkPeriod(period: string, bounds: { countingStart: string | null; asOf: string }): Parsed<string> {
  const asOf = bounds.asOf.match(YM);
  if (!asOf) throw new TypeError(`checkPeriod: asOf must be YYYY-MM-DD, got ${JSON.stringify(bounds.asOf)}`);
  const asOfMonth = `${asOf[1]}-${asOf[2]}`;
  if (bounds.countingStart !== null) {
    const start = bounds.countingStart.match(YM);
    if (!start) throw new TypeError(`checkPeriod: countingStart must be YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(bounds.countingStart)}`);
    const startMonth = `${start[1]}-${start[2]}`;
    if (period < startMonth) return fail("E_PERIOD_BEFORE_START", `统计期 ${period} 早于起算月份 ${startMonth}`);
  }
  if (period > asOfMonth) return fail("E_PERIOD_IN_FUTURE", `统计期 ${period} 晚于核对日期 ${bounds.asOf} 所在月份`);
  return ok(period);
}

// ---------------------------------------------------------------------------------------------------------------
// Status

export type Status = "not_started" | "in_progress" | "done";

/**
 * Accepted spellings (compared with spaces removed; English ones in lower case, read whatever their case). The first of
 * each is the documented one.
 */
export const STATUS_WORDS: Readonly<Record<Status, readonly string[]>> = {
  not_started: ["未启动", "未开始", "尚未启动", "暂未启动", "未开展", "尚未开展", "暂未开展", "未开工", "尚未开工", "待启动", "not started", "not yet started"],
  in_progress: ["推进中", "进行中", "正在推进", "正在进行", "持续推进", "有序推进", "稳步推进", "正常推进", "序时推进", "按序时推进", "按计划推进",
    "按时序推进", "正在推进中", "完成中", "实施中", "正在实施", "建设中", "在建", "研究中", "正在研究", "起草中", "正在起草", "筹建中", "正在筹建",
    "落实中", "正在落实", "开展中", "正在开展", "办理中", "正在办理", "in progress", "ongoing", "under way"],
  done: ["已完成", "完成", "已办结", "办结", "超额完成", "已超额完成", "提前完成", "已提前完成", "全部完成", "已全部完成", "已经完成", "已落实", "done", "completed", "complete", "finished"],
};

/**
 * Status words that are no status of the three, with what to write: 基本完成 is not 已完成 (the target would count as
 * done), 已启动 may mean the milestone itself (启动…) or work under way.
 */
const STATUS_HINTS: [RegExp, string][] = [
  // (完成（提前）, 已完成(部分): a status word, then a remark)
  [/^[^()]+\(.+\)$/, "（完成状态只填 未启动、推进中 或 已完成，括号中的说明请写在「进展情况」列）"],
  [/^(基本|大部分|大体|部分|接近|即将|快要?|近期)完成|^完成过半$/, "（尚未全部完成的请填“推进中”，完成后再填“已完成”）"],
  [/^已(启动|开始|开工|开展)$/, "（工作已开始、尚未完成的请填“推进中”；若该指标本身就是启动某项工作，已启动即填“已完成”）"],
  [/^(未完成|尚未完成|没有完成|未达到|未达标)$/, "（尚未完成的请填“推进中”，还没有开始的填“未启动”）"],
  [/滞后|延期|延迟|缓慢|落后/, "（进度滞后的请填“推进中”，并在「进展情况」中说明滞后的原因）"],
  [/^(正常|顺利|良好)$/, "（工作正常进行、尚未完成的请填“推进中”）"],
  // 已出台, 已印发, 已建成: what was done, in the milestone's own words
  [/^已(出台|制定|印发|发布|下发|建立|成立|组建|开设|建成|竣工|验收|投用|投运|投产|签约|挂牌|通过|召开|举办)/, "（该项工作已经完成的请填“已完成”，具体情况写在「进展情况」列）"],
  [/^已?完成\s*[0-9０-９.]+\s*[%％]$/, "（完成状态只填 未启动、推进中 或 已完成：全部完成的填“已完成”，否则填“推进中”；数请填在「累计完成值」列）"],
  [/^正在|中$/, "（正在进行、尚未完成的请填“推进中”）"],
  // (a figure typed one column too far: 320, 85%, 450家)
  [/^[-+]?[0-9０-９][0-9０-９,，.．]*\s*(?:%|％|[\u4e00-\u9fa5]{1,3})?$/, "（完成状态只填 未启动、推进中 或 已完成；数请填在「累计完成值」列）"],
];
const STATUS_BY_WORD = new Map<string, Status>(
  (Object.entries(STATUS_WORDS) as [Status, readonly string[]][]).flatMap(([s, words]) => words.map((w) => [w.replace(/\s+/g, ""), s] as const)),
);

/** 未启动/推进中/已完成 (and their listed synonyms) → not_started/in_progress/done; empty → null; else E_BAD_STATUS. */
export function parseStatus(text: string): Parsed<Status | null> {
  // (「/」「—」「无」: nothing to say, as an empty cell; the row then needs its figure, a milestone its status; not
  // 「×」「x」, which on a form often mean 未完成: asked about, E_BAD_STATUS)
  if (NO_STATUS.test(compactCell(text))) return ok(null);
  const t = compactCell(text).replace(/[。.，,；;！!]+$/, ""); // 「已完成。」
  if (t === "") return ok(null);
  const status = STATUS_BY_WORD.get(/^[A-Za-z]+$/.test(t) ? t.toLowerCase() : t);
  return status ? ok(status) : fail("E_BAD_STATUS", `${quote(text)}${STATUS_HINTS.find(([re]) => re.test(t))?.[1] ?? ""}`);
}
