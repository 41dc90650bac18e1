import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  INGEST_ERROR_CODES,
  checkPeriod,
  checkRow,
  convertUnit,
  excelSerialToIsoDate,
  monthlyRowSchema,
  numberCellText,
  parseCsvGrid,
  parsePeriod,
  parseReportDate,
  parseStatus,
  parseValue,
  readTable,
  sniffBytes,
  valueCell,
  type Parsed,
  type RowCells,
} from "../src/ingest/index.js";
import { CTX } from "./fixtures/monthly/context.js";
import { noteCumulativeMismatch, reviewReasons } from "../src/ingest/review.js";

const codeOf = <T>(r: Parsed<T>) => (r.ok ? null : r.code);
const valueOf = <T>(r: Parsed<T>) => (r.ok ? r.value : undefined);

describe("parseValue", () => {
  it.each([
    ["450", 450, null],
    [" 450 ", 450, null],
    ["1,234", 1234, null],
    ["1，234", 1234, null],
    ["1,234,567.5", 1234567.5, null],
    ["４５０", 450, null],
    ["１，２３４．５", 1234.5, null],
    ["12.5", 12.5, null],
    [".5", 0.5, null],
    ["+3", 3, null],
    ["0", 0, null],
    ["450家", 450, "家"],
    ["450 家", 450, "家"],
    ["20亿元", 20, "亿元"],
    ["3000万元", 3000, "万元"],
    ["1500元", 1500, "元"],
    ["85%", 85, "%"],
    ["８５％", 85, "%"],
    ["1.5万家", 15000, "家"],
    ["450（家）", 450, "家"],
    ["3000(万元)", 3000, "万元"],
    // (累计 in brackets says what the column holds already)
    ["12家（累计）", 12, "家"],
    ["450(累计数)", 450, null],
  ])("%j → %d %j", (text, value, unit) => {
    expect(parseValue(text)).toEqual({ ok: true, value: { value, unitInCell: unit, scaleOnly: null } });
  });

  it("keeps a bare scale word apart: 1.5万 is 15000 but says it had no unit", () => {
    expect(valueOf(parseValue("1.5万"))).toEqual({ value: 15000, unitInCell: null, scaleOnly: "万" });
  });

  it("reads an empty cell as null (required-ness depends on the status)", () => {
    expect(valueOf(parseValue(""))).toBeNull();
    expect(valueOf(parseValue("\u3000 "))).toBeNull();
  });

  it.each([
    ["-5", "E_NEGATIVE"],
    ["－5", "E_NEGATIVE"],
    ["\u22125", "E_NEGATIVE"],
    ["-1,234万元", "E_NEGATIVE"],
    ["abc", "E_NOT_A_NUMBER"],
    ["4,50", "E_NOT_A_NUMBER"],
    ["12,5", "E_NOT_A_NUMBER"],
    ["4 50", "E_NOT_A_NUMBER"],
    ["已完成", "E_NOT_A_NUMBER"],
    ["约450", "E_NOT_A_NUMBER"],
    ["450家左右", "E_NOT_A_NUMBER"],
    ["450个亿", "E_NOT_A_NUMBER"],
    ["nan", "E_NOT_A_NUMBER"],
    ["NaN", "E_NOT_A_NUMBER"],
    ["inf", "E_NOT_A_NUMBER"],
    ["-Infinity", "E_NOT_A_NUMBER"],
    ["#DIV/0!", "E_NOT_A_NUMBER"],
    ["1,23", "E_NOT_A_NUMBER"],
    ["1.2.3", "E_NOT_A_NUMBER"],
    ["1e999", "E_NOT_A_NUMBER"],
    // (scientific notation: a CSV Excel saved with a long number's last digits gone)
    ["1.2E+05", "E_NOT_A_NUMBER"],
    ["1.23457E+11", "E_NOT_A_NUMBER"],
    ["2E1", "E_NOT_A_NUMBER"],
    ["1e-400", "E_NOT_A_NUMBER"],
  ])("%j → %s", (text, code) => {
    const r = parseValue(text);
    expect(codeOf(r)).toBe(code);
    if (!r.ok) expect(r.message).toContain(INGEST_ERROR_CODES.row[r.code]);
  });
});

describe("parseValue of a negative figure", () => {
  it("says a cumulative figure is never below zero, and how to write a reduction", () => {
    const r = parseValue("-2");
    expect(codeOf(r)).toBe("E_NEGATIVE");
    expect(!r.ok && r.message).toContain("核减以前多报的，请填核减后的累计数，并在「进展情况」中说明原因");
  });
});

describe("parseValue of a rate of change (signed: 增长8% may turn into a fall)", () => {
  it.each([
    ["-1.5", -1.5, null],
    ["－1.5%", -1.5, "%"],
    ["\u22122.25％", -2.25, "%"],
    ["(1.5)", -1.5, null],
    ["-0", 0, null],
    ["3.2", 3.2, null],
  ])("%j → %d %j", (text, value, unit) => {
    expect(parseValue(text, { signed: true })).toEqual({ ok: true, value: { value, unitInCell: unit, scaleOnly: null } });
  });

  it("still refuses what is no number, and a sign alone or twice", () => {
    for (const text of ["-", "--1.5", "-约2", "-nan", "-1.5xyz"]) expect([text, codeOf(parseValue(text, { signed: true }))]).toEqual([text, "E_NOT_A_NUMBER"]);
  });
});

describe("parseValue says what to write instead of a common non-number", () => {
  it.each([
    ["/", "没有数值时请留空"],
    ["—", "没有数值时请留空"],
    ["－", "没有数值时请留空"],
    ["暂无", "没有数值时请留空"],
    ["N/A", "没有数值时请留空"],
    ["约450", "请填写确切的累计数"],
    ["450余家", "请填写确切的累计数"],
    ["3个以上", "请填写确切的累计数"],
    ["≥3", "请填写确切的累计数"],
    ["三", "请用阿拉伯数字"],
    ["一百二十家", "请用阿拉伯数字"],
    ["已完成", "累计完成值列请改填数字，没有数字的清空；完成状态请填在「完成状态」列"],
    ["450+", "请填写确切的累计数"],
    ["15-20", "不要填范围"],
    ["300+150", "不要写算式或分数"],
    ["450/500", "“完成数/目标数”只填完成数"],
    ["-2+3", "不要写算式或分数"],
    ["1,2345", "千分位逗号应每三位一个"],
    ["52。2", "数字中间的“。”不能作小数点或千分位：小数点请用英文句点“.”，如 52.2"],
    ["1、008", "数字中间的“、”不能作小数点或千分位：千分位用“,”或不写，如 1008"],
    ["12、345、678", "千分位用“,”或不写，如 12345678"],
    ["1.5·2", "数字中间的“·”不能作小数点或千分位：小数点请用英文句点“.”，千分位用“,”或不写）"],
    ["0,812", "千分位逗号前不能是 0；如是小数，请用“.”，如 0.812"],
    ["00,150", "千分位逗号前不能是 0；如是小数，请用“.”，如 0.150"],
    ["0,812万元", "千分位逗号前不能是 0"],
    ["1.234.567", "一个数只能有一个小数点"],
    ["2017-10", "这像是统计期"],
    ["不少于20", "请填写确切的累计数"],
    ["大概40", "请填写确切的累计数"],
    ["～450", "请填写确切的累计数"],
    ["~450", "请填写确切的累计数"],
    ["已完成100%", "不填完成率"],
    ["完成率85%", "不填完成率"],
    ["100%完成", "不填完成率"],
    ["320。", "数字后多了一个标点或符号"],
    ["50-", "数字后多了一个标点或符号"],
    ["#N/A", "Excel 公式的错误值"],
    ["#DIV/0!", "Excel 公式的错误值"],
    ["2017年10月", "这像是统计期"],
    ["1～3期", "不要填范围"],
    ["1900-01-03", "单元格可能设成了日期格式"],
    ["2017-11-03 08:30:00", "单元格可能设成了日期格式"],
    ["450.", "小数点后缺少数字"],
    ["287（预计）", "不填预计数"],
    ["百分之四十五", "请用阿拉伯数字填写，如 45%"],
    // (a rank or a ratio written as the page shows it)
    ["第12位", "排名只填名次的数字，如第 12 位填 12"],
    ["1.85:1", "比值只填前一个数，如 1.85:1 填 1.85"],
    ["￥3000万元", "请去掉货币符号"],
    ["下降2.1%", "下降类指标填降幅，如下降 2.1% 填 2.1%"],
    ["同比增长8%", "增长类指标填增长率，负增长填负数"],
    ["新增5家", "不写“新增”“累计”等字样"],
  ])("%j → E_NOT_A_NUMBER, %s", (text, hint) => {
    const r = parseValue(text);
    expect(codeOf(r)).toBe("E_NOT_A_NUMBER");
    if (!r.ok) expect(r.message).toContain(hint);
  });

  it("gives no hint it cannot stand behind", () => {
    for (const text of ["abc", "1.2.3", "450个亿"]) {
      const r = parseValue(text);
      expect(r.ok ? null : r.message).not.toMatch(/请留空|确切|阿拉伯|完成状态/);
    }
  });
});

describe("a negative in brackets, a percentage in words, a month in Chinese numerals", () => {
  it("reads 「(1,234)」 as the accountant's negative (rejected as one), and tells 百分之45 to be written 45%", () => {
    expect(parseValue("(1,234)")).toMatchObject({ ok: false, code: "E_NEGATIVE", message: expect.stringContaining("括号中的数按会计写法是负数") });
    expect(parseValue("（1234）")).toMatchObject({ ok: false, code: "E_NEGATIVE" });
    // (a unit in brackets after the number is no negative)
    expect(parseValue("450（家）")).toMatchObject({ ok: true, value: { value: 450, unitInCell: "家" } });
    expect(parseValue("百分之45")).toMatchObject({ ok: false, code: "E_NOT_A_NUMBER", message: expect.stringContaining("请写成百分数，如 45%") });
    expect(parseValue("百分之四十五")).toMatchObject({ ok: false, message: expect.stringContaining("请用阿拉伯数字填写") });
  });
  it("reads 2018年三月 and 2018年十二月份 as months; 2018年十三月 is none", () => {
    expect(parsePeriod("2018年三月")).toEqual({ ok: true, value: "2018-03" });
    expect(parsePeriod("2018年十二月份")).toEqual({ ok: true, value: "2018-12" });
    expect(parsePeriod("2018年十一月底")).toEqual({ ok: true, value: "2018-11" });
    expect(parsePeriod("2018年十三月")).toMatchObject({ ok: false, code: "E_BAD_PERIOD" });
  });
});

describe("a period written as a date with its year last, or a date 止", () => {
  it.each(["10/31/2017", "31.10.2017", "31/10/2017"])("统计期 %j → E_BAD_PERIOD, asking for the year first", (text) => {
    const r = parsePeriod(text);
    expect(codeOf(r)).toBe("E_BAD_PERIOD");
    if (!r.ok) expect(r.message).toContain("年份写在了最后");
  });
  it.each([["2017年10月31日止", "2017-10"], ["2017年10月31日为止", "2017-10"], ["截至2017年10月31日止", "2017-10"]])("统计期 %j → %s", (text, period) => {
    expect(valueOf(parsePeriod(text))).toBe(period);
  });
});

describe("a period that reads both as a January date and as months 1 to N", () => {
  it.each([["2017-1-10", "2017-10"], ["2017/1/3", "2017-03"], ["2017.1.12", "2017-12"]])("统计期 %j → E_BAD_PERIOD, naming both readings and %s", (text, months) => {
    const r = parsePeriod(text);
    expect(codeOf(r)).toBe("E_BAD_PERIOD");
    if (!r.ok) expect(r.message).toMatch(new RegExp(`1月\\d+日.*1-\\d+月的累计.*${months}`));
  });
  it.each([["2017-01-10", "2017-01"], ["2017-1-1", "2017-01"], ["2017-1-31", "2017-01"], ["2017-10-1", "2017-10"], ["2017.1-10", "2017-10"], ["2017年1月10日", "2017-01"]])(
    "统计期 %j is no such case → %s", (text, period) => {
      expect(valueOf(parsePeriod(text))).toBe(period);
    });
});

describe("periods and report dates written without their year", () => {
  it.each(["10月", "10月份", "十月", "10-31"])("统计期 %j → E_BAD_PERIOD, asking for the year", (text) => {
    const r = parsePeriod(text);
    expect(codeOf(r)).toBe("E_BAD_PERIOD");
    if (!r.ok) expect(r.message).toContain("缺少年份");
  });
  it.each(["11月5日", "11月5", "11-05", "11/5"])("填报日期 %j → E_BAD_DATE, asking for the year", (text) => {
    const r = parseReportDate(text);
    expect(codeOf(r)).toBe("E_BAD_DATE");
    if (!r.ok) expect(r.message).toContain("缺少年份");
  });
  it("does not ask for a year that is there", () => {
    for (const r of [parsePeriod("2017年13月"), parseReportDate("2017-02-30"), parsePeriod("abc")]) expect(r.ok ? "" : r.message).not.toContain("缺少年份");
  });
});

describe("convertUnit", () => {
  it.each([
    [20, "亿元", "万元", 200000],
    [3000, "万元", "亿元", 0.3],
    [15000, "元", "万元", 1.5],
    [1.5, "万元", "元", 15000],
    [2, "亿元", "元", 200000000],
    [450, "家", "家", 450],
    [85, "％", "%", 85],
    // (人次 written 人（次）: the same unit)
    [1000, "人（次）", "人次", 1000],
    [1000, "人次", "人(次)", 1000],
    // (per mille and per cent: 850‰ is 85%)
    [850, "‰", "%", 85],
    [0.5, "%", "‰", 5],
    // (count words that count the same things: people, firms)
    [126, "人", "名", 126],
    [3, "位", "人", 3],
    [2380, "户", "家", 2380],
    [118, "项", "个", 118],
    [52, "套", "台", 52],
    // (dust fall written the month first, or in t and km²: one unit)
    [9, "吨/月·平方公里", "吨/平方公里·月", 9],
    [9, "t/km²·月", "吨/(平方公里·月)", 9],
    // (units in Latin letters: km, kW, kWh, m²; TEU and 标准箱 for 标箱)
    [3000, "km", "公里", 3000],
    [20, "万千瓦", "kW", 200000],
    [1.2, "亿千瓦时", "kWh", 120000000],
    [50, "m²", "平方米", 50],
    [300, "TEU", "标箱", 300],
    // (an amount per 亩 or head written without its denominator)
    [36.2, "万元", "万元/亩", 36.2],
    [3500, "元", "万元/人", 0.35],
    [15, "平方米", "平方米/人", 15],
  ])("%d %s → %s = %d", (value, from, to, expected) => {
    expect(convertUnit(value, from, to)).toBe(expected);
  });
  it.each([
    [1, "万元", "家"],
    [1, "个", "家"],
    [1, "万美元", "万元"],
    [1, "%", "万元"],
    [1, "万元/年", "万元"],
    // (a change in percentage points is no percentage)
    [1, "个百分点", "%"],
    [1, "‰", "个百分点"],
    // (a visit is no person, a household no firm's visit)
    [1, "人次", "人"],
    [1, "户次", "户"],
    [1, "名", "家"],
    [1, "家", "万元/亩"],
    [1, "亩", "平方米/人"],
    [1, "项", "家"],
    [1, "套", "个"],
    [1, "吨/平方公里", "吨/平方公里·月"],
  ])("%d %s → %s cannot convert", (value, from, to) => {
    expect(convertUnit(value, from, to)).toBeNull();
  });
});

describe("parsePeriod", () => {
  it.each([
    ["2017-10", "2017-10"],
    ["2017-1", "2017-01"],
    ["2017年10月", "2017-10"],
    ["2017年1月份", "2017-01"],
    ["２０１７年１０月", "2017-10"],
    ["2017.10", "2017-10"],
    ["2017.09", "2017-09"],
    ["2017/10", "2017-10"],
    ["201710", "2017-10"],
    ["2017—10", "2017-10"],
    ["2017-10-31", "2017-10"],
    ["2017/10/31", "2017-10"],
    ["2017年10月31日", "2017-10"],
    ["2017-10-01 00:00:00", "2017-10"],
    ["  2017-10\u3000", "2017-10"],
    ["2017年10", "2017-10"],
    ["17年10月", "2017-10"],
    ["2017年1-10月", "2017-10"], // a cumulative figure: the last month
    ["2018-01-01至2018-03-31", "2018-03"], // the same, as whole months' days
    ["2018年1月1日至2018年3月31日", "2018-03"],
    ["2018年1月1日-3月31日", "2018-03"], // the end's year left out: the start's
    ["2018.1.1-3.31", "2018-03"],
    ["2016-01-01至2016-02-29", "2016-02"],
    ["2018-10-01至2018-10-31", "2018-10"], // one whole month
    ["2018年3月报", "2018-03"], // the March report
    ["2018年一季度末", "2018-03"],
    ["2018年第四季度底", "2018-12"],
    ["2017年1至10月份", "2017-10"],
    // (a full stop typed after the month)
    ["2017.10.", "2017-10"],
    ["2017年10月。", "2017-10"],
    ["2017.1-10", "2017-10"], // not the date 2017-01-10: one separator makes a date
    ["2017/1-10月", "2017-10"],
    ["2017.01-10", "2017-10"],
    ["2017年第四季度", "2017-12"],
    ["2017年4季度", "2017-12"],
    ["2017第一季度", "2017-03"],
    ["2017Q3", "2017-09"],
    ["2017-Q3", "2017-09"],
    ["Q3 2017", "2017-09"],
    ["2017年前三季度", "2017-09"], // cumulative to the third quarter
    ["2017年上半年", "2017-06"],
    ["2017年下半年", "2017-12"],
    ["2017-Oct", "2017-10"],
    ["二〇一七年十月", "2017-10"],
    ["2017-10月", "2017-10"],
    ["2017.10月份", "2017-10"],
    ["2017年1—10月", "2017-10"], // a dash typed by a Chinese input method
    ["2017年1–10月", "2017-10"],
    ["2017年10月底", "2017-10"],
    ["2017年10月末", "2017-10"],
    ["2017年10月（累计）", "2017-10"],
    ["截至2017年10月", "2017-10"],
    ["Oct-17", "2017-10"],
    ["10/2017", "2017-10"],
    ["1.2018", "2018-01"],
    ["Sep-2017", "2017-09"],
    ["October 2017", "2017-10"],
    ["截止到2017年10月底", "2017-10"],
    ["2017年10月止", "2017-10"],
    ["2017年1-10月为止", "2017-10"],
    ["2017年1-10月累计", "2017-10"],
    ["2017.01-2017.10", "2017-10"], // the year on both ends
    ["2017年1月至2017年10月", "2017-10"],
    ["2017-01至2017-10", "2017-10"],
  ])("%j → %s", (text, period) => {
    expect(parsePeriod(text)).toEqual({ ok: true, value: period });
  });
  it.each(["2017-13", "2017-00", "201713", "2017-02-30", "17-10", "十月", "2017", "2017.1", "1999-10", "Q5 2017", "43009",
    "2017年1-13月", "2017年10-1月", "2017.10-1", "2017-1.10", "Okt-17", "Oct-1", "Octopus-17", "Mar-99", "2017.10-12", "2017/3-5", "2017.9-10", "2017年3-5月", "2017年9-10月", "2017年10月至11月", "2017年第五季度", "2017Q5", "17年13月", "99年10月", "2017年10月底前", "2017年10月（预计）", "2016.01-2017.10", "2017.09-2017.10"])(
    "%j → E_BAD_PERIOD",
    (text) => {
      expect(codeOf(parsePeriod(text))).toBe("E_BAD_PERIOD");
    },
  );
  it.each(["2017", "2017年", "2017年度", "2017全年"])("%j has a year only: says to write the year's December", (text) => {
    const r = parsePeriod(text);
    expect(r.ok ? "" : r.message).toContain("全年的累计数请写该年 12 月（2017-12）");
  });
  it("explains a range of months not from January: the months' own increase is no cumulative figure", () => {
    for (const text of ["2017年9-10月", "2017年10月至11月", "2017/3-5"]) {
      const r = parsePeriod(text);
      expect(!r.ok && r.message, text).toContain("几个月的区间");
    }
    expect(parsePeriod("2017年9-10月")).toMatchObject({ ok: false, message: expect.stringContaining("统计期请写月份（2017-10）") });
  });
  it("reads a range of days only when it spans whole months from January (not to the 15th, not across years)", () => {
    for (const text of ["2018-01-01至2018-03-15", "2017-01-01至2018-03-31", "2018-01-02至2018-03-31", "2018-01-01至2018-02-30", "2018年1月1日-3月15日", "2018.1.1-2.30"]) {
      expect(codeOf(parsePeriod(text)), text).toBe("E_BAD_PERIOD");
    }
  });
  it("explains 2017.1: Excel drops the trailing zero of 2017.10", () => {
    const r = parsePeriod("2017.1");
    expect(!r.ok && r.message).toContain("末尾 0");
  });
  it("reads an Excel serial day only from an .xlsx", () => {
    expect(valueOf(parsePeriod("43009", { excelSerial: true }))).toBe("2017-10");
    expect(codeOf(parsePeriod("43009"))).toBe("E_BAD_PERIOD");
    expect(excelSerialToIsoDate(43009)).toBe("2017-10-01");
    expect(excelSerialToIsoDate(43039.5)).toBe("2017-10-31");
    expect(excelSerialToIsoDate(100)).toBeNull();
  });
  it("empty is null (the row rule makes it required)", () => {
    expect(valueOf(parsePeriod(""))).toBeNull();
  });
});

describe("checkPeriod", () => {
  const bounds = { countingStart: "2017-09", asOf: "2017-11-15" };
  it.each([
    ["2017-09", null],
    ["2017-11", null],
    ["2017-08", "E_PERIOD_BEFORE_START"],
    ["2017-12", "E_PERIOD_IN_FUTURE"],
    ["2018-01", "E_PERIOD_IN_FUTURE"],
  ])("%s → %s", (period, code) => {
    expect(codeOf(checkPeriod(period, bounds))).toBe(code);
  });
  it("compares a YYYY-MM-DD counting start by month and allows no start", () => {
    expect(codeOf(checkPeriod("2017-09", { countingStart: "2017-09-08", asOf: "2017-11-15" }))).toBeNull();
    expect(codeOf(checkPeriod("2001-01", { countingStart: null, asOf: "2017-11-15" }))).toBeNull();
  });
  it("requires an explicit as-of date", () => {
    expect(() => checkPeriod("2017-10", { countingStart: null, asOf: "" })).toThrow(TypeError);
  });
});

describe("parsePeriod: what a period without its year is told", () => {
  it.each([
    ["17-10", "缺少四位年份：如指 2017 年 10 月，请写成 2017-10"],
    ["三季度", "缺少年份，请写明哪一年（如 2017年第三季度、2017-10）"],
    ["上半年", "缺少年份，请写明哪一年"],
    ["10月", "缺少年份，请写成 YYYY-MM（如 2017-10）"],
    ["11-05", "缺少年份，请写成 YYYY-MM（如 2017-10）"], // (a month and day, or a year and month: not told)
  ])("%j", (text, hint) => {
    const p = parsePeriod(text);
    expect(p.ok ? null : p.message).toContain(hint);
  });
});

describe("parseStatus", () => {
  it.each([
    ["未启动", "not_started"],
    ["未开始", "not_started"],
    ["推进中", "in_progress"],
    ["进行中", "in_progress"],
    ["已完成", "done"],
    ["完成", "done"],
    ["已办结", "done"],
    ["超额完成", "done"],
    ["已提前完成", "done"],
    [" 已 完成\u3000", "done"],
    ["持续推进", "in_progress"],
    ["全部完成", "done"],
    ["已落实", "done"],
    ["Completed", "done"],
    ["In Progress", "in_progress"],
    ["not started", "not_started"],
    ["", null],
    // a placeholder says nothing, as an empty cell (the row then needs its figure; a milestone its status)
    ["/", null],
    ["—", null],
    ["无", null],
    ["-", null],
  ])("%j → %s", (text, status) => {
    expect(valueOf(parseStatus(text))).toBe(status);
  });
  it.each(["基本完成", "50%", "已启动", "Done soon", "×", "x"])("%j → E_BAD_STATUS", (text) => {
    expect(codeOf(parseStatus(text))).toBe("E_BAD_STATUS");
  });
  it.each([["尚未启动", "not_started"], ["暂未启动", "not_started"], ["正在推进", "in_progress"], ["正在进行。", "in_progress"]])("%j → %s", (text, status) => {
    expect(valueOf(parseStatus(text))).toBe(status);
  });
  it.each([
    ["基本完成", "尚未全部完成的请填“推进中”"],
    ["即将完成", "尚未全部完成的请填“推进中”"],
    ["已启动", "若该指标本身就是启动某项工作，已启动即填“已完成”"],
    ["已完成（提前）", "括号中的说明请写在「进展情况」列"],
    ["推进中(已完成80%)", "括号中的说明请写在「进展情况」列"],
    ["完成（提前）", "括号中的说明请写在「进展情况」列"],
    ["未完成", "尚未完成的请填“推进中”，还没有开始的填“未启动”"],
    ["进度滞后", "进度滞后的请填“推进中”，并在「进展情况」中说明滞后的原因"],
    ["正常", "工作正常进行、尚未完成的请填“推进中”"],
    ["差不多", "（应为 未启动、推进中 或 已完成）：“差不多”"],
    // a milestone's own verb (出台…方案): done, said as 已完成
    ["已出台", "该项工作已经完成的请填“已完成”，具体情况写在「进展情况」列"],
    ["已印发", "该项工作已经完成的请填“已完成”"],
    ["已完成100%", "全部完成的填“已完成”，否则填“推进中”"],
    ["谋划中", "正在进行、尚未完成的请填“推进中”"],
    ["正在对接", "正在进行、尚未完成的请填“推进中”"],
  ])("%j: the message says what to write instead", (text, hint) => {
    const r = parseStatus(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(hint);
  });
  it.each([["正常推进", "in_progress"], ["序时推进", "in_progress"], ["按计划推进", "in_progress"], ["完成中", "in_progress"], ["在建", "in_progress"],
    ["未开展", "not_started"], ["尚未开工", "not_started"], ["研究中", "in_progress"], ["正在起草", "in_progress"], ["筹建中", "in_progress"],
    ["落实中", "in_progress"], ["开展中", "in_progress"]])("the usual words of department staff: %j → %s", (text, status) => {
    expect(valueOf(parseStatus(text))).toBe(status);
  });
});

describe("parseReportDate", () => {
  it.each([
    ["2017-11-03", "2017-11-03"],
    ["2017/11/3", "2017-11-03"],
    ["2017.11.3", "2017-11-03"],
    ["2017年11月3日", "2017-11-03"],
    ["20171103", "2017-11-03"],
    ["2017-11-03 09:30", "2017-11-03"],
    ["2017—11—05", "2017-11-05"],
    ["2017/11/05 星期日", "2017-11-05"],
    ["2017年11月5日（周日）", "2017-11-05"],
    ["2017.11.05.", "2017-11-05"],
    ["", null],
    ["/", null],
    ["—", null],
    ["无", null],
  ])("%j → %s", (text, date) => {
    expect(valueOf(parseReportDate(text))).toBe(date);
  });
  it.each([
    ["2017-11-31", "11 月没有 31 日"],
    ["2017-02-29", "2 月没有 29 日"],
    ["2017-13-01", "没有 13 月"],
    ["2017-11", "缺少日"],
    ["2017年11月", "缺少日"],
    ["11/3/2017", "日、月、年的先后无法确定"],
    ["11月3日", "缺少年份"],
    ["昨天", "昨天"],
  ])("%j → E_BAD_DATE, %s", (text, why) => {
    const r = parseReportDate(text);
    expect(codeOf(r)).toBe("E_BAD_DATE");
    expect(r.ok ? "" : r.message).toContain(why);
  });
  it("reads an Excel serial day only from an .xlsx", () => {
    expect(valueOf(parseReportDate("43042", { excelSerial: true }))).toBe("2017-11-03");
    expect(codeOf(parseReportDate("43042"))).toBe("E_BAD_DATE");
  });
  it("in a CSV, an Excel serial day is rejected saying which date it stands for", () => {
    const date = parseReportDate("43042");
    expect(date.ok ? "" : date.message).toContain("像是 Excel 的日期序号（即 2017-11-03）：CSV 中请直接写成 2017-11-03");
    const period = parsePeriod("43039");
    expect(codeOf(period)).toBe("E_BAD_PERIOD");
    expect(period.ok ? "" : period.message).toContain("像是 Excel 的日期序号（即 2017-10）");
    // (a 5-digit number far from any year in range is no date)
    const other = parseReportDate("99999");
    expect(other.ok ? "" : other.message).not.toContain("日期序号");
  });
});

describe("numberCellText", () => {
  it.each([
    [450, "450"],
    [0.1 + 0.2, "0.3"],
    [1234567.891, "1234567.891"],
    [1e21, "1000000000000000000000"],
  ])("%d → %s", (n, text) => {
    expect(numberCellText(n)).toBe(text);
  });
});

describe("sniffBytes", () => {
  const text = "报送单位,指标编码,统计期,累计完成值\r\n市经信局,ZN-01,2017-10,450\r\n";
  const kindOf = (bytes: Uint8Array) => {
    const s = sniffBytes(bytes);
    return s.kind === "text" ? s.encoding : s.kind === "error" ? s.error.code : s.kind;
  };
  it.each([
    ["UTF-8", Buffer.from(text, "utf8"), "utf-8"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "utf-8-bom"],
    ["UTF-16 LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "utf-16le"],
    ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]), "utf-16be"],
    ["GBK", iconv.encode(text, "gbk"), "gb18030"],
    ["GB18030 with a four-byte character", iconv.encode(text + "备注：𠀀\r\n", "gb18030"), "gb18030"],
    ["ASCII", Buffer.from("department,code,period,value\n"), "utf-8"],
  ])("%s → %s", (_, bytes, expected) => {
    expect(kindOf(bytes)).toBe(expected);
    const s = sniffBytes(bytes);
    if (s.kind === "text") expect(s.text.startsWith("\uFEFF")).toBe(false);
  });

  it("decodes GBK to the same text as UTF-8", () => {
    const s = sniffBytes(iconv.encode(text, "gbk"));
    expect(s.kind === "text" && s.text).toBe(text);
  });

  it.each([
    ["empty", Buffer.alloc(0), "E_FILE_EMPTY"],
    ["BOM only", Buffer.from([0xef, 0xbb, 0xbf]), "E_FILE_EMPTY"],
    ["blank lines", Buffer.from(" \r\n\u3000\r\n"), "E_FILE_EMPTY"],
    ["PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), "E_FILE_TYPE"],
    ["PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n", "latin1"), "E_FILE_TYPE"],
    ["JPEG", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), "E_FILE_TYPE"],
    ["Office compound file with no workbook stream (OLE2)", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), "E_FILE_TYPE"],
    ["ZIP that is not a workbook", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("....notes.txt...."), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]), "E_FILE_TYPE"],
    ["ZIP cut short (no directory at its end)", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("....notes.txt....")]), "E_XLSX_INVALID"],
    ["binary with NUL bytes", Buffer.from([0x01, 0x02, 0x00, 0xff, 0x10, 0x00, 0x00, 0x7f]), "E_FILE_TYPE"],
    // (a web page with a table, as systems export “.xls”, is read by conversion: ingest-xls.test.ts)
    ["HTML saved as .xls, with a table", Buffer.from("<html><body><table><tr><td>报送单位</td></tr></table></body></html>"), "convert"],
    ["HTML with no table", Buffer.from("<html><body><p>报送单位</p></body></html>"), "E_FILE_TYPE"],
    ["XML that is no spreadsheet", Buffer.from('<?xml version="1.0"?><report><unit>报送单位</unit></report>'), "E_FILE_TYPE"],
    ["UTF-16 without BOM", Buffer.from("department,code,period,value\n", "utf16le"), "E_ENCODING"],
    ["Latin-1", Buffer.from("Département,Code,Période\nÉtat,1,2017\n", "latin1"), "E_ENCODING"],
    ["Big5", iconv.encode("報送單位,指標編碼,統計期,累計完成值\r\n市經信局,ZN-01,2017-10,450\r\n", "big5"), "E_ENCODING"],
    ["control characters", Buffer.from("报送单位\u0007,指标编码\n"), "E_ENCODING"],
    ["UTF-8 with one stray GBK byte pair", Buffer.concat([Buffer.from(text), iconv.encode("备注", "gbk")]), "E_ENCODING"],
  ])("%s → %s", (_, bytes, code) => {
    expect(kindOf(bytes)).toBe(code);
  });

  it("tells an Office file with no workbook (.doc, .ppt, cut short) from an .xls", () => {
    const s = sniffBytes(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(s.kind === "error" && s.error.message).toContain("这是旧版 Office 的二进制文件，但其中没有 Excel 97–2003 工作簿");
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    // (directory entries name their streams in UTF-16LE: Workbook is Excel 97–2003, Book Excel 5/95)
    expect(sniffBytes(Buffer.concat([ole, Buffer.alloc(504), Buffer.from("Workbook", "utf16le")]))).toEqual({ kind: "convert", format: "xls" });
    const old = sniffBytes(Buffer.concat([ole, Buffer.alloc(504), Buffer.from("Book", "utf16le")]));
    expect(old.kind === "error" && old.error.message).toContain("这是 Excel 95 或更早版本的 .xls 工作簿，其中的中文无法可靠读取");
    expect(sniffBytes(Buffer.concat([ole, Buffer.alloc(504), Buffer.from("WordDocument", "utf16le")])).kind).toBe("error");
    // (a Word file holding a chart's workbook is still a Word file)
    expect(sniffBytes(Buffer.concat([ole, Buffer.alloc(504), Buffer.from("WordDocument", "utf16le"), Buffer.from("Workbook", "utf16le")])).kind).toBe("error");
  });

  it("tells an .xlsb and an OpenDocument spreadsheet (read by conversion) from an OpenDocument text (refused)", () => {
    const zip = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), ...names.map((n) => Buffer.from(`....${n}....`)), Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
    expect(sniffBytes(zip("[Content_Types].xml", "xl/workbook.bin"))).toEqual({ kind: "convert", format: "xlsb" });
    expect(sniffBytes(zip("mimetypeapplication/vnd.oasis.opendocument.spreadsheet", "content.xml"))).toEqual({ kind: "convert", format: "ods" });
    const text = sniffBytes(zip("mimetypeapplication/vnd.oasis.opendocument.text", "content.xml"));
    expect(text.kind === "error" && text.error.message).toContain("这是 OpenDocument（WPS/LibreOffice）文档而不是电子表格");
  });

  it("names a workbook with an opening password (the same container, holding an EncryptedPackage stream) as such", () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    // (directory entries name their streams in UTF-16LE)
    const s = sniffBytes(Buffer.concat([ole, Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(40), Buffer.from("EncryptedPackage", "utf16le")]));
    expect(s.kind === "error" && s.error.code).toBe("E_FILE_TYPE");
    expect(s.kind === "error" && s.error.message).toContain("这是设置了打开密码（加密）的 Excel 工作簿，无法读取");
  });
});

describe("readTable", () => {
  const table = (csv: string) => readTable(parseCsvGrid(csv).grid);
  const headerError = (csv: string) => {
    const t = table(csv);
    return "error" in t ? t.error : null;
  };

  it("finds the header under title rows and keeps spreadsheet row numbers", () => {
    const t = table("慈溪市智能经济十条 月度进展报送表,,,\n报送单位：市经信局,,,\n\n报送单位,指标编码,统计期,累计完成值\n市经信局,ZN-01,2017-10,450\n,,,\n市经信局,ZN-02,2017-10,3000\n");
    expect("table" in t && t.table.headerRow).toBe(4);
    expect("table" in t && t.table.rows.map((r) => [r.row, r.cells.targetCode])).toEqual([
      [5, "ZN-01"],
      [7, "ZN-02"],
    ]);
  });

  it("matches headers regardless of case, spaces, full-width forms, a * marker and a bracketed unit", () => {
    const t = table(" *报送单位 ,ＴＡＲＧＥＴ＿ＣＯＤＥ,统 计 期,累计完成值（万元）,Status\n市经信局,ZN-02,2017-10,3000,\n");
    expect("table" in t && t.table.columns.map((c) => c.field)).toEqual(["department", "targetCode", "period", "value", "status"]);
    expect("table" in t && t.table.valueHeaderUnit).toBe("万元");
  });

  it("reads English `unit` as the department, or as the unit of measure when a department column exists", () => {
    const a = table("unit,code,period,value\n市经信局,ZN-01,2017-10,450\n");
    expect("table" in a && a.table.rows[0]!.cells.department).toBe("市经信局");
    const b = table("department,code,period,value,unit\n市经信局,ZN-01,2017-10,450,家\n");
    expect("table" in b && [b.table.rows[0]!.cells.department, b.table.rows[0]!.cells.unit]).toEqual(["市经信局", "家"]);
  });

  it("trims normal and full-width spaces and ignores empty and unknown columns", () => {
    const t = table("报送单位,,指标编码,统计期,累计完成值,审核意见\n\u3000市经信局 ,, ZN-01\u3000,2017-10, 450 ,同意\n");
    expect("table" in t && t.table.rows[0]!.cells).toMatchObject({ department: "市经信局", targetCode: "ZN-01", value: "450" });
    expect("table" in t && t.table.ignoredColumns).toEqual(["审核意见"]);
  });

  it.each([
    ["报送单位,指标编码,累计完成值\n市经信局,ZN-01,450\n", ["统计期"]],
    ["报送单位,统计期,进展情况\n市经信局,2017-10,顺利\n", ["指标编码", "累计完成值 或 完成状态"]],
    ["department,period,value\nx,2017-10,1\n", ["指标编码"]],
  ])("missing required columns → E_HEADER naming them in Chinese", (csv, missing) => {
    const e = headerError(csv);
    expect(e?.code).toBe("E_HEADER");
    for (const m of missing) expect(e?.message).toContain(m);
  });

  it("no header at all → E_HEADER", () => {
    expect(headerError("a,b,c\n1,2,3\n")?.code).toBe("E_HEADER");
  });

  it("a column named twice (even through an alias) → E_HEADER", () => {
    const e = headerError("报送单位,指标编码,统计期,累计完成值,department\n市经信局,ZN-01,2017-10,450,x\n");
    expect(e?.code).toBe("E_HEADER");
    expect(e?.message).toContain("「报送单位」出现 2 次");
    expect(e?.message).toContain("E 列「department」");
  });

  it("keeps a quoted multi-line cell in one row, numbered as Excel shows it", () => {
    const t = table('报送单位,指标编码,统计期,累计完成值,进展情况\n市经信局,ZN-01,2017-10,450,"第一行\n第二行"\n市经信局,ZN-02,2017-10,3000,\n');
    expect("table" in t && t.table.rows.map((r) => [r.row, r.cells.note])).toEqual([
      [2, "第一行\n第二行"],
      [3, ""],
    ]);
  });
});

describe("checkRow and monthlyRowSchema", () => {
  const cells = (over: Partial<RowCells>): RowCells => ({
    department: "市经信局",
    targetCode: "ZN-02",
    period: "2017-10",
    value: "",
    unit: "",
    status: "",
    note: "",
    reporter: "",
    reportedAt: "",
    ...over,
  });
  const codes = (c: RowCells) => {
    const r = checkRow(c, CTX);
    return r.ok ? [] : r.issues.map((i) => i.code);
  };

  it("reads 百分比 in the 单位 column as %, as in a header", () => {
    const r = checkRow(cells({ department: "市科技局", targetCode: "ZN-04", period: "2017-10", value: "85", unit: "百分比" }), CTX);
    expect(r.ok ? [r.row.value, r.row.unit] : r.issues).toEqual([85, "%"]);
  });

  it.each([
    [{ department: "市经信" }, "E_UNKNOWN_DEPARTMENT", "（是否为“市经信局”？）"],
    [{ department: "市经信局办公室" }, "E_UNKNOWN_DEPARTMENT", "（是否为“市经信局”？）"],
    [{ department: "经信局" }, "E_UNKNOWN_DEPARTMENT", "（是否为“市经信局”？）"],
    [{ department: "宁波市慈溪市经信局" }, "E_UNKNOWN_DEPARTMENT", "（是否为“市经信局”？）"],
    [{ department: "同上" }, "E_UNKNOWN_DEPARTMENT", "“同上”（不能用“同上”“〃”代替，请逐行填写完整的报送单位）"],
    [{ targetCode: "〃" }, "E_UNKNOWN_CODE", "“〃”（不能用“同上”“〃”代替，请逐行填写完整的指标编码）"],
    [{ period: "同上" }, "E_BAD_PERIOD", "“同上”，不能用“同上”“〃”代替，请逐行填写统计期"],
    [{ department: "某局" }, "E_UNKNOWN_DEPARTMENT", null],
    [{ targetCode: "ZN-2" }, "E_UNKNOWN_CODE", "（是否为“ZN-02”？）"],
    [{ targetCode: "zn_002" }, "E_UNKNOWN_CODE", "（是否为“ZN-02”？）"],
    [{ targetCode: "ZN-O2" }, "E_UNKNOWN_CODE", "（是否为“ZN-02”？）"],
    [{ targetCode: "ZN-0l" }, "E_UNKNOWN_CODE", "（是否为“ZN-01”？）"],
    [{ targetCode: "6. ZN-02" }, "E_UNKNOWN_CODE", "（是否为“ZN-02”？）"], // the task's number typed before it
    [{ targetCode: "（29）ZN-03" }, "E_UNKNOWN_CODE", "（是否为“ZN-03”？）"],
    [{ targetCode: "6、ZN-01" }, "E_UNKNOWN_CODE", "（是否为“ZN-01”？）"],
    [{ targetCode: "Z N-02" }, "E_UNKNOWN_CODE", "（是否为“ZN-02”？）"], // a space inside it
    [{ targetCode: "ZN-99" }, "E_UNKNOWN_CODE", null],
    [{ targetCode: "6. ZN-99" }, "E_UNKNOWN_CODE", null],
  ])("an unknown %j says what it may stand for: %s %s", (over, code, suggestion) => {
    const r = checkRow(cells({ value: "1", ...over }), CTX);
    const issue = r.ok ? undefined : r.issues.find((i) => i.code === code);
    expect(issue).toBeDefined();
    if (suggestion === null) expect(issue!.message).not.toContain("是否为");
    else expect(issue!.message).toContain(suggestion);
  });

  it.each([
    [{ value: "20亿元" }, 200000],
    [{ value: "3000万元" }, 3000],
    [{ value: "3000" }, 3000],
    [{ value: "3000", unit: "万元" }, 3000],
    [{ value: "2", unit: "亿元" }, 20000],
    [{ value: "15000元" }, 1.5],
    [{ value: "1.5万", unit: "元" }, 1.5],
  ])("money: %j → %d 万元", (over, value) => {
    const r = checkRow(cells(over), CTX);
    expect(r.ok && [r.row.value, r.row.unit]).toEqual([value, "万元"]);
  });

  it("a bare 亿 or 万 asks for the money unit in the target's currency (0.32亿元 for 万元; 0.32亿美元 for 万美元)", () => {
    const message = (ctx: typeof CTX) => { const r = checkRow(cells({ value: "0.32亿" }), ctx); return r.ok ? "" : r.issues.map((i) => i.message).join(""); };
    expect(message(CTX)).toContain("请写成如 0.32亿元 或换算为 万元");
    const dollars = { ...CTX, targets: new Map([...CTX.targets].map(([code, t]) => [code, code === "ZN-02" ? { ...t, unit: "万美元" } : t])) };
    expect(message(dollars)).toContain("请写成如 0.32亿美元 或换算为 万美元");
  });

  it("keeps the value as written beside the converted one", () => {
    const r = checkRow(cells({ value: "20亿元" }), CTX);
    expect(r.ok && [r.row.reportedValue, r.row.reportedUnit]).toEqual([20, "亿元"]);
  });

  it.each([
    [{ value: "20亿元", unit: "万元" }, "E_UNIT_MISMATCH"],
    [{ value: "450家" }, "E_UNIT_MISMATCH"],
    [{ value: "85%" }, "E_UNIT_MISMATCH"],
    [{ value: "1.5万" }, "E_UNIT_MISMATCH"],
    [{ value: "3000", unit: "万美元" }, "E_UNIT_MISMATCH"],
    [{ value: "", status: "" }, "E_REQUIRED"],
    [{ value: "-1" }, "E_NEGATIVE"],
    [{ value: "三千" }, "E_NOT_A_NUMBER"],
    [{ value: "1", period: "" }, "E_REQUIRED"],
    [{ value: "1", period: "2017-13" }, "E_BAD_PERIOD"],
    [{ value: "1", period: "2017-08" }, "E_PERIOD_BEFORE_START"],
    [{ value: "1", period: "2017-12" }, "E_PERIOD_IN_FUTURE"],
    [{ value: "1", status: "差不多" }, "E_BAD_STATUS"],
    [{ value: "1", targetCode: "ZN-99" }, "E_UNKNOWN_CODE"],
    [{ value: "1", targetCode: "" }, "E_REQUIRED"],
    [{ value: "1", department: "市教育局" }, "E_UNKNOWN_DEPARTMENT"],
    [{ value: "1", department: "" }, "E_REQUIRED"],
    [{ value: "1", department: "市科技局" }, "E_NOT_REPORTER"],
    [{ targetCode: "ZN-03", department: "市科技局", value: "1" }, "E_REQUIRED"],
  ])("%j → %s", (over, code) => {
    expect(codes(cells(over))).toEqual([code]);
  });

  it("a note in brackets after the figure (450家（含新增20家）) is rejected, asking for the note in 进展情况", () => {
    for (const [text, example] of [["450家（含新增20家）", "如 450家）"], ["300（其中本月30）", "如 300）"]] as const) {
      const r = parseValue(text);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.code).toBe("E_NOT_A_NUMBER");
      expect(r.message).toContain("请写在「进展情况」列");
      expect(r.message.endsWith(example)).toBe(true);
    }
    // a unit in brackets is still a unit
    expect(parseValue("450（家）")).toEqual({ ok: true, value: { value: 450, unitInCell: "家", scaleOnly: null } });
  });

  it("collects every problem of a row", () => {
    expect(codes(cells({ department: "市教育局", period: "2018-01", value: "-3" }))).toEqual([
      "E_UNKNOWN_DEPARTMENT",
      "E_PERIOD_IN_FUTURE",
      "E_NEGATIVE",
    ]);
  });

  it("loads a row whose 填报日期 cannot be read, without the date, and says why for the review flag", () => {
    for (const [text, why] of [["2017-11-31", "11 月没有 31 日"], ["11月3日", "缺少年份"], ["某日", "“某日”"]] as const) {
      const r = checkRow(cells({ value: "1", reportedAt: text }), CTX);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.row.reportedAt).toBeNull();
      expect(r.row.reportedAtProblem).toMatch(/^无法识别的填报日期/);
      expect(r.row.reportedAtProblem).toContain(why);
      expect(reviewReasons(r.row, "2017-11-30")).toBe(`${r.row.reportedAtProblem}（数值照常载入，填报日期留空）`);
    }
    // a date that reads has no problem to tell
    const good = checkRow(cells({ value: "1", reportedAt: "2017年11月3日" }), CTX);
    expect(good.ok && [good.row.reportedAt, "reportedAtProblem" in good.row]).toEqual(["2017-11-03", false]);
  });

  it("accepts a status alone, a milestone status, a case-insensitive code and an alias of the department", () => {
    expect(codes(cells({ status: "推进中" }))).toEqual([]);
    expect(codes(cells({ targetCode: "ZN-03", department: "市科技局", status: "已完成" }))).toEqual([]);
    const r = checkRow(cells({ targetCode: "zn-01", department: "慈溪市经济和信息化局", value: "450" }), CTX);
    expect(r.ok && [r.row.targetCode, r.row.department, r.row.departmentAsWritten, r.row.value, r.row.unit]).toEqual([
      "ZN-01",
      "市经信局",
      "慈溪市经济和信息化局",
      450,
      "家",
    ]);
  });

  it("as a zod schema: issues carry the stable code in params, one per problem, with the field as path", () => {
    const schema = monthlyRowSchema(CTX);
    const bad = schema.safeParse({ department: "市经信局", targetCode: "ZN-02", period: "2017-12", value: "abc" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join("."), (i as { params?: { code?: string } }).params?.code])).toEqual([
      ["period", "E_PERIOD_IN_FUTURE"],
      ["value", "E_NOT_A_NUMBER"],
    ]);
    const good = schema.safeParse({ department: "市经信局", targetCode: "ZN-02", period: "2017年10月", value: "20亿元" });
    expect(good.success && [good.data.period, good.data.value]).toEqual(["2017-10", 200000]);
  });

  it("cell schemas are zod too", () => {
    const r = valueCell.safeParse("-5");
    expect(!r.success && (r.error.issues[0] as { params?: { code?: string } }).params?.code).toBe("E_NEGATIVE");
  });
});

describe("INGEST_ERROR_CODES", () => {
  it("separates file-level and row-level codes, each with a Chinese message", () => {
    const file = Object.keys(INGEST_ERROR_CODES.file);
    const row = Object.keys(INGEST_ERROR_CODES.row);
    expect(file.filter((c) => row.includes(c))).toEqual([]);
    for (const message of [...Object.values(INGEST_ERROR_CODES.file), ...Object.values(INGEST_ERROR_CODES.row)]) {
      expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(file).toEqual(expect.arrayContaining(["E_ENCODING", "E_FILE_TYPE", "E_FILE_EMPTY", "E_HEADER"]));
    expect(row).toEqual(expect.arrayContaining(["E_DUPLICATE_KEY", "E_UNIT_MISMATCH", "E_NOT_REPORTER"]));
  });
});

describe("noteCumulativeMismatch: a cumulative figure in 进展情况 that disagrees with 累计完成值 (flagged for review)", () => {
  it.each([
    // [note, value, unit, increase target, what is asked about]
    ["本月新增2个，累计636家", 615, "家", false, "累计636家"],
    ["累计21.24亿元", 21.5586, "亿元", false, "累计21.24亿元"],
    ["累计完成投资2.1亿元", 23000, "万元", false, "累计完成投资2.1亿元"],
    ["累计1,234台", 1200, "台", false, "累计1,234台"],
    ["累计新增30家，达到480家", 25, "家", true, "累计新增30家"],
  ] as const)("%s beside %s%s → asked about", (note, value, unit, increment, said) => {
    expect(noteCumulativeMismatch(note, value, unit, increment)).toBe(said);
  });

  it.each([
    ["本月新增2个，累计6个", 6, "个", false], // agrees
    ["累计21.56亿元", 21.5586, "亿元", false], // agrees within the note's rounding
    ["累计完成投资2.1亿元", 21000, "万元", false], // agrees in another money unit
    ["累计１，２３４台", 1234, "台", false], // full-width digits
    ["累计培育企业12家，其中上云企业累计5家", 5, "家", false], // one of them agrees
    ["累计完成年度目标的85%", 40, "%", false], // a share of the goal, not the figure
    ["累计新增30家，达到480家", 480, "家", false], // a level is not compared with an increase
    ["累计达到480家", 30, "家", true], // nor an increase with a level
    ["累计600家以上", 612, "家", false], // approximate
    ["累计约600家", 612, "家", false],
    ["累计投入资金1.2亿元", 150, "台", false], // another measure
    ["按计划推进", 150, "台", false],
  ] as const)("%s beside %s%s → nothing to ask", (note, value, unit, increment) => {
    expect(noteCumulativeMismatch(note, value, unit, increment)).toBeNull();
  });

  it("is one of reviewReasons' questions, not for a rate of change nor a milestone", () => {
    const row = { value: 615, unit: "家", reportedAt: null, period: "2018-12", note: "本月新增2家，累计636家" };
    expect(reviewReasons(row, "2019-01-10")).toBe("进展情况中写的“累计636家”与累计完成值 615家 不符，请核对哪个是对的（进展情况是否沿用了以前月份的文字？）");
    expect(reviewReasons(row, "2019-01-10", { rate: true })).toBeNull();
    expect(reviewReasons({ ...row, note: "本月新增2家，累计615家" }, "2019-01-10")).toBeNull();
  });
});
