import { describe, expect, it } from "vitest";
import { parseDeadline, parseIsoDate } from "../src/deadline.js";

describe("deadline phrases, relative to the policy date", () => {
  const policyDate = "2017-09-08";
  it.each([
    ["年内", "2017-12-31"],
    ["全年", "2017-12-31"],
    ["10月底前", "2017-10-31"],
    ["9月底前", "2017-09-30"],
    ["二月底前", "2017-02-28"],
    ["三年内", "2020-12-31"],
    ["“十三五”期间", "2020-12-31"],
    ["十四五末", "2025-12-31"],
    ["到“十三五”末", "2020-12-31"],
    ["2018年底前", "2018-12-31"],
    ["2018年6月底前", "2018-06-30"],
    ["２０２０年６月底前", "2020-06-30"],
    ["2020年2月底", "2020-02-29"],
    ["2019年年底前", "2019-12-31"],
    ["到2020年", "2020-12-31"],
    ["2019-2020年", "2020-12-31"],
    ["2019年12月31日前", "2019-12-31"],
    ["2018年3月15日", "2018-03-15"],
    ["年底前完成", "2017-12-31"],
    ["年内完成", "2017-12-31"],
    ["2018年6月底前建成", "2018-06-30"],
    ["10月底前落实到位", "2017-10-31"],
    ["10月底前出台", "2017-10-31"],
    ["年底前启动", "2017-12-31"],
    ["2018年6月底前上线", "2018-06-30"],
    ["6月30日前", "2017-06-30"],
    ["第三季度末前", "2017-09-30"],
    ["三季度", "2017-09-30"],
    ["前三季度", "2017-09-30"],
    ["一季度末", "2017-03-31"],
    ["2018年第一季度", "2018-03-31"],
    ["上半年", "2017-06-30"],
    ["2018年下半年", "2018-12-31"],
    ["明年上半年", "2018-06-30"],
    ["今年下半年", "2017-12-31"],
    ["2018年内", "2018-12-31"],
    ["2018年内完成", "2018-12-31"],
    ["2018年度", "2018-12-31"],
    ["2018年度内", "2018-12-31"],
    // a bare month, a 旬, the next year named as such
    ["9月", "2017-09-30"],
    ["12月份", "2017-12-31"],
    ["2018年9月份", "2018-09-30"],
    ["11月中旬", "2017-11-20"],
    ["2018年3月上旬前", "2018-03-10"],
    ["2月下旬", "2017-02-28"],
    ["11月中下旬", "2017-11-30"],
    ["明年", "2018-12-31"],
    ["明年底前", "2018-12-31"],
    ["明年3月底前", "2018-03-31"],
    ["次年一季度", "2018-03-31"],
    ["今年9月", "2017-09-30"],
    // clauses: the latest date; a duty kept up afterwards adds none
    ["年内完成，长期坚持", "2017-12-31"],
    ["6月底前启动，年底前完成", "2017-12-31"],
    ["11月中旬启动", "2017-11-20"],
    ["明年3月完成", "2018-03-31"],
    // more verbs after the date; the dashes an input method types between two years
    ["年内公布", "2017-12-31"],
    ["9月底前公布，年内建成", "2017-12-31"],
    ["年底前成立", "2017-12-31"],
    ["2019－2020年", "2020-12-31"],
    ["2019–2020年", "2020-12-31"],
    // an adverb before the verb, and any words after 前 (not a quantity's name: 年底前完成率 is none)
    ["12月底前全面推开", "2017-12-31"],
    ["2018年底前基本完成，2019年底前全面完成", "2019-12-31"],
    ["2018年底前取得明显成效", "2018-12-31"],
    ["力争2018年进入优秀行列，2019年进入前3位", "2019-12-31"],
    // a date or month as a spreadsheet writes it
    ["2018.12", "2018-12-31"],
    ["2018-06", "2018-06-30"],
    ["2018/6", "2018-06-30"],
    ["2018.10", "2018-10-31"],
    ["2018-12-31", "2018-12-31"],
    ["2018/3/15", "2018-03-15"],
    ["2018.3.15前", "2018-03-15"],
  ])("%s → %s", (text, date) => {
    expect(parseDeadline(text, policyDate)?.date).toBe(date);
  });
  it.each([
    ["长期", "ongoing"],
    ["长期坚持", "ongoing"],
    ["常年", "ongoing"],
    ["常年开展", "ongoing"],
    ["持续推进", "ongoing"],
    ["即日起", "ongoing"],
    ["按序时推进", "ongoing"],
    ["每季度", "recurring"],
    ["每月", "recurring"],
    ["每年", "recurring"],
    ["2018年起每年", "recurring"],
    ["每半个月", "recurring"],
    ["每周", "recurring"],
    ["每月更新", "recurring"],
    ["每季度通报", "recurring"],
    ["每半年督查", "recurring"],
    ["每年更新一次", "recurring"],
    ["此后每月更新", "recurring"],
  ])("%s is a duty without a date (%s)", (text, rule) => {
    expect(parseDeadline(text, policyDate)).toEqual({ date: null, rule });
  });
  it("says when a clause keeps a duty up after the date (a recurring target of the row then has none)", () => {
    expect(parseDeadline("6月底前建立，每季度发布", policyDate)).toEqual({ date: "2017-06-30", rule: "policy_year_month_end", continues: "recurring" });
    expect(parseDeadline("年内完成，长期坚持", policyDate)).toEqual({ date: "2017-12-31", rule: "policy_year_end", continues: "ongoing" });
    expect(parseDeadline("6月底前启动，年底前完成", policyDate)).toEqual({ date: "2017-12-31", rule: "policy_year_end" });
    expect(parseDeadline("每季度", policyDate)).toEqual({ date: null, rule: "recurring" });
    expect(parseDeadline("2021年10月底前上线，每月更新", "2021-04-15")).toEqual({ date: "2021-10-31", rule: "explicit_month", continues: "recurring" });
  });
  it("reads N年内 as the policy's term when end_date is given and ends in the Nth year on or the one before (a 2021—2023 plan's 三年内 is 2023-12-31)", () => {
    expect(parseDeadline("三年内", "2021-03-15")).toEqual({ date: "2024-12-31", rule: "years_after_policy_year" });
    expect(parseDeadline("三年内", "2021-03-15", "2023-12-31")).toEqual({ date: "2023-12-31", rule: "years_policy_term" });
    expect(parseDeadline("三年内", "2021-03-15", "2024-03-14")).toEqual({ date: "2024-03-14", rule: "years_policy_term" });
    expect(parseDeadline("三年内完成，长期坚持", "2021-03-15", "2023-12-31")).toEqual({ date: "2023-12-31", rule: "years_policy_term", continues: "ongoing" });
    // a term of another length says nothing of 三年内; nor does end_date move any other date
    expect(parseDeadline("三年内", "2021-03-15", "2025-12-31")).toEqual({ date: "2024-12-31", rule: "years_after_policy_year" });
    expect(parseDeadline("一年内", "2021-03-15", "2023-12-31")).toEqual({ date: "2022-12-31", rule: "years_after_policy_year" });
    expect(parseDeadline("年内", "2021-03-15", "2023-12-31")).toEqual({ date: "2021-12-31", rule: "policy_year_end" });
  });
  it("names where a date came from: the next year's, the policy year's, a 旬", () => {
    expect(parseDeadline("明年3月底前", policyDate)?.rule).toBe("next_year_month_end");
    expect(parseDeadline("今年9月", policyDate)?.rule).toBe("policy_year_month_end");
    expect(parseDeadline("11月中旬", policyDate)?.rule).toBe("policy_year_month_part");
    expect(parseDeadline("“十三五”期间", policyDate)?.rule).toBe("five_year_plan");
    expect(parseDeadline("长期坚持，每季度报送", policyDate)).toEqual({ date: null, rule: "ongoing" });
  });
  it.each([
    ["年内完成方案编制，2022年3月底前上线", { date: "2018-03-31", rule: "explicit_month" }],
    ["年内完成编制", { date: "2017-12-31", rule: "policy_year_end" }],
    ["2017年6月底前完成方案编制", { date: "2017-06-30", rule: "explicit_month" }],
    ["力争2018年底前", { date: "2018-12-31", rule: "explicit_year" }],
    ["每年12月底前", { date: null, rule: "recurring" }],
    ["每年年底前", { date: null, rule: "recurring" }],
    ["每季度末", { date: null, rule: "recurring" }],
    ["每月10日前", { date: null, rule: "recurring" }],
    ["每年一次", { date: null, rule: "recurring" }],
  ])("reads the wording of real documents: %s", (text, expected) => {
    expect(parseDeadline(text.replace("2022年3月", "2018年3月"), policyDate)).toEqual(expected);
  });
  it.each(["9月前", "2017年9月前", "2017年9月以前", "年内完成，尽快", "明年13月", "2018年春节前", "13月底前", "尽快", "", "2020-2019年", "2019年2月30日前", "完成", "年底前完成率", "年内投资额", "2月30日前", "第五季度", "取得明显成效"])("does not guess %s", (text) => {
    expect(parseDeadline(text, policyDate)).toBeNull();
  });
  it("reads no month from 2018.1 (2018.10 typed as a number, its zero dropped), nor a day that does not exist", () => {
    expect(parseDeadline("2018.1", policyDate)).toBeNull();
    expect(parseDeadline("2018-1", policyDate)?.date).toBe("2018-01-31");
    expect(parseDeadline("2018-02-30", policyDate)).toBeNull();
    expect(parseDeadline("2018.13", policyDate)).toBeNull();
  });

  it("validates ISO dates strictly", () => {
    expect(parseIsoDate("2017-12-31")).toBe("2017-12-31");
    expect(parseIsoDate("2017-02-30")).toBeNull();
    expect(parseIsoDate("2017/12/31")).toBeNull();
  });
});
