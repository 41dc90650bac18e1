// How `luoshi targets --check` words a proposed target for review (src/targets/proposaltext.ts).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../src/paths.js";
import { countedFrom, DOWN_BASELINE_HINT, DOWN_BEFORE, needsBaseline, periodStart, proposalText, rowDatedBy } from "../src/targets/proposaltext.js";
import type { Proposal } from "../src/targets/registry.js";

const content = "PM2.5浓度下降到33微克/立方米,单位GDP能耗下降3%,新增光伏装机容量5万千瓦以上。";
const row = { deadline_text: "年内", deadline_date: "2019-12-31", content };
/** A quantity proposal read from `text` in the row above. */
const proposal = (text: string, fields: Partial<Proposal>): Proposal => ({
  row_no: 1, reporting_departments: "", kind: "quantity", comparator: null, value: null, value_max: null, unit: null, base_unit: null, value_base: null,
  measure: null, horizon_text: "", deadline: null, subject: "", frequency: "", attributes: "",
  annex_text: text, annex_start: content.indexOf(text), annex_end: content.indexOf(text) + text.length,
  body_source: "", body_text: "", body_start: null, body_end: null, body_differs: false, ...fields,
} as Proposal);

describe("proposalText", () => {
  it("says 降至 for a level to come down to (下降到33), not 达到", () => {
    expect(proposalText(proposal("下降到33微克/立方米", { comparator: "reach", value: 33, unit: "微克/立方米", measure: "level", subject: "PM2.5浓度" }), row, ""))
      .toBe(`数量指标「PM2.5浓度」：降至 33微克/立方米（水平值）；时限 2019-12-31（附件“年内”）；附件“PM2.5浓度下降到33微克/立方米”；${DOWN_BASELINE_HINT}`);
  });

  it("asks for the baseline of a share to reach (优良天数比例达到85%: measured from 0 otherwise) and of a level to come down to (only its deadline judges it otherwise), not of a count", () => {
    const text = "优良天数比例达到85%以上";
    const share = { ...row, content: text };
    const p = { ...proposal("", {}), annex_text: "达到85%以上", annex_start: 6, annex_end: text.length, comparator: "at_least", value: 85, unit: "%", measure: "level", subject: "优良天数比例" } as Proposal;
    expect(proposalText(p, share, "")).toContain("；百分比水平值：序时进度从 0 起算，起算时已有一定水平的（如上年 80%），请在 targets.csv 的 baseline 中填写");
    const down = proposalText(proposal("下降到33微克/立方米", { comparator: "reach", value: 33, unit: "微克/立方米", measure: "level", subject: "PM2.5浓度" }), row, "");
    expect(down).not.toContain("百分比水平值");
    expect(down).toContain("；“降至”类水平值：没有基数时无法衡量已降了多少");
  });

  it("calls a rate to come down a 降幅, and words an increase with 以上 as 不少于", () => {
    expect(proposalText(proposal("3%", { value: 3, unit: "%", measure: "increment", subject: "单位GDP能耗" }), row, "")).toContain("：3%（降幅）；");
    expect(proposalText(proposal("5万千瓦以上", { comparator: "at_least", value: 5, unit: "万千瓦", measure: "increment", subject: "光伏装机容量" }), row, ""))
      .toContain("：不少于 5万千瓦（增量）；");
  });

  it("gives a recurring duty kept up after the row's date (年内完成，长期坚持) no deadline, as the targets view does", () => {
    const kept = { ...row, deadline_text: "年内完成，长期坚持", deadline_date: "2019-12-31", deadline_continues: "ongoing", content: "每月开展河道巡查" };
    const p = { ...proposal("", {}), kind: "recurring", frequency: "每月", subject: "开展河道巡查", annex_text: "每月开展河道巡查", annex_start: 0, annex_end: 8 } as Proposal;
    expect(proposalText(p, kept, "")).toContain("；时限 无（附件“年内完成，长期坚持”：常态任务持续开展）；");
    expect(proposalText(p, { ...kept, deadline_continues: null }, "")).toContain("；时限 2019-12-31（附件“年内完成，长期坚持”）；");
    // (as the parser proposes it, carrying its row's date: the same; with end_date, the policy's end)
    expect(proposalText({ ...p, deadline: "2019-12-31" }, kept, "")).toContain("；时限 无（附件“年内完成，长期坚持”：常态任务持续开展）；");
    expect(proposalText({ ...p, deadline: "2019-12-31" }, kept, "", 2019, { policyEnd: "2021-12-31" })).toContain("；时限 2021-12-31（政策实施期限 end_date；常态任务报送到该日）；");
  });

  it("gives a recurring duty with no date of its own no deadline when another target of the row states the row's date (4月底前印发工作规则，每半年召开会议), as the targets view does", () => {
    const text = "2021年4月底前印发工作规则，每半年召开一次专题会议";
    const dated = { ...row, deadline_text: "2021年4月底前", deadline_date: "2021-04-30", content: text };
    const rules = { ...proposal("", {}), kind: "milestone", subject: "工作规则", horizon_text: "2021年4月底前", deadline: "2021-04-30", annex_text: "2021年4月底前印发工作规则", annex_start: 0, annex_end: 15 } as Proposal;
    const meetings = { ...proposal("", {}), kind: "recurring", frequency: "每半年", subject: "召开专题会议", annex_text: "每半年召开一次专题会议", annex_start: 16, annex_end: text.length } as Proposal;
    expect(rowDatedBy(meetings, dated, [rules, meetings])).toBe(rules);
    expect(proposalText(meetings, dated, "", 2021, { datedBy: rowDatedBy(meetings, dated, [rules, meetings]) }))
      .toContain("；时限 无（附件“2021年4月底前”是「工作规则」的时限，常态任务持续开展）；");
    // the rules themselves keep their date; a duty beside a target with no words of a date keeps the row's
    expect(rowDatedBy(rules, dated, [rules, meetings])).toBeNull();
    const undatedRules = { ...rules, horizon_text: "", deadline: null };
    expect(rowDatedBy(meetings, dated, [undatedRules, meetings])).toBeNull();
    expect(proposalText(meetings, dated, "", 2021)).toContain("；时限 2021-04-30（附件“2021年4月底前”）；");
  });

  it("gives a duty of every period with no date of its own or of its row the policy's end_date, as the targets view does", () => {
    const yearly = { ...row, deadline_text: "每年", deadline_date: null, content: "每年新增市场主体3000户" };
    const count = { ...proposal("3000户", { value: 3000, unit: "户", measure: "increment", subject: "市场主体", frequency: "每年" }), annex_start: 6, annex_end: 11 } as Proposal;
    expect(proposalText(count, yearly, "", 2021, { policyEnd: "2023-12-31" })).toContain("；时限 2023-12-31（政策实施期限 end_date；按期计数，目标为每期的 3000户 乘以起算至该日的期数）；");
    expect(proposalText(count, yearly, "", 2021)).toContain("；时限 无日期（附件“每年”）；");
    const meetings = { ...proposal("", {}), kind: "recurring", frequency: "每月", subject: "发布排名", annex_text: "每月发布", annex_start: 0, annex_end: 4 } as Proposal;
    const kept = { ...row, deadline_text: "2019年5月底前建立，每月发布", deadline_date: "2019-05-31", deadline_continues: "recurring", content: "每月发布" };
    expect(proposalText(meetings, kept, "", 2019, { policyEnd: "2020-12-31" })).toContain("；时限 2020-12-31（政策实施期限 end_date；常态任务报送到该日）；");
    // a count or a milestone of a row without a date (持续推进) too; a level stays a standard to keep
    const ongoing = { ...row, deadline_text: "持续推进", deadline_date: null, content: "培育电商专业村10个以上，农村电商覆盖率达到90%" };
    const villages = { ...proposal("10个以上", { comparator: "at_least", value: 10, unit: "个", measure: "increment", subject: "电商专业村" }), annex_start: 6, annex_end: 12 } as Proposal;
    expect(proposalText(villages, ongoing, "", 2021, { policyEnd: "2023-12-31" })).toContain("；时限 2023-12-31（政策实施期限 end_date）；");
    const share = proposal("90%", { comparator: "reach", value: 90, unit: "%", measure: "level", subject: "农村电商覆盖率" });
    expect(proposalText(share, ongoing, "", 2021, { policyEnd: "2023-12-31" })).toContain("；时限 无日期（附件“持续推进”）；");
  });

  it("counts a count of every month or quarter from the month or quarter of the policy's issue (2021-04-15: 每月 from 2021-04-01, 每季度 from 2021-04-01, 每年 from 1 January)", () => {
    const monthly = { ...proposal("不少于2场", { comparator: "at_least", value: 2, unit: "场", measure: "increment", subject: "线上活动", frequency: "每月" }) } as Proposal;
    expect(periodStart(monthly, "2021-04-15")).toBe("2021-04-01");
    expect(periodStart({ ...monthly, frequency: "每季度" }, "2021-05-15")).toBe("2021-04-01");
    expect(periodStart({ ...monthly, frequency: "每半年" }, "2021-05-15")).toBeNull();
    expect(periodStart({ ...monthly, frequency: "每半年" }, "2021-08-15")).toBe("2021-07-01");
    expect(periodStart({ ...monthly, frequency: "每2个月" }, "2021-04-15")).toBe("2021-03-01");
    expect(periodStart({ ...monthly, frequency: "每年" }, "2021-05-15")).toBeNull();
    expect(periodStart({ ...monthly, kind: "recurring" }, "2021-05-15")).toBeNull();
    expect(countedFrom(monthly, row, "", 2021, "2021-04-15")).toBe("2021-04-01");
    expect(proposalText(monthly, row, "", 2021, { policyDate: "2021-04-15" })).toContain("；自 2021-04-01 起算（每月计数，从发文所在的月起，此前的期数不计；");
  });

  it("gives a rate to keep of such a row (6月底前建立，长期坚持: 办结率达到98%) no deadline either; a count keeps the row's date", () => {
    const kept = { ...row, deadline_text: "6月底前建立，长期坚持", deadline_date: "2021-06-30", deadline_continues: "ongoing", content: "建立诉求快速响应机制，企业诉求办结率达到98%以上" };
    const rate = proposal("98%以上", { comparator: "at_least", value: 98, unit: "%", measure: "level", subject: "企业诉求办结率" });
    expect(proposalText(rate, kept, "")).toContain("；时限 无（附件“6月底前建立，长期坚持”：须持续保持的水平）；");
    expect(proposalText(proposal("10家", { value: 10, unit: "家", measure: "increment", subject: "服务企业" }), kept, "")).toContain("；时限 2021-06-30（附件“6月底前建立，长期坚持”）；");
    // (a ceiling too: 一般投诉5个工作日内办结 is a limit to keep to)
    const limit = proposal("5个工作日内", { comparator: "at_most", value: 5, unit: "个工作日", measure: "level", subject: "一般投诉办结时限" });
    expect(proposalText(limit, kept, "")).toContain("；时限 无（附件“6月底前建立，长期坚持”：须持续保持的水平）；");
  });

  it("gives the starting level the text states instead of asking for a baseline (由3个工作日缩短至1个工作日)", () => {
    const from = { ...proposal("1个工作日", { comparator: "reach", value: 1, unit: "个工作日", measure: "level", subject: "不动产登记时间" }), baseline: 3 } as Proposal;
    expect(proposalText(from, { ...row, content: "不动产登记时间由3个工作日缩短至1个工作日" }, "")).toContain("；基数 3个工作日（原文写明的起点，--write 写入 baseline）");
    expect(proposalText(from, { ...row, content: "不动产登记时间由3个工作日缩短至1个工作日" }, "")).not.toContain("请在 targets.csv 的 baseline 中填写");
  });

  it("asks for the starting stock of a count or sum to reach (市场主体总量突破15万户), and the starting place of a rank, not of a ceiling", () => {
    const at = (source: string, text: string, fields: Partial<Proposal>) =>
      [{ ...proposal(text, fields), annex_start: source.indexOf(text), annex_end: source.indexOf(text) + text.length } as Proposal, { ...row, content: source }] as const;
    const [stock, stockRow] = at("到2024年市场主体总量突破15万户", "15万户", { comparator: "at_least", value: 150000, unit: "户", measure: "level", subject: "市场主体总量" });
    expect(proposalText(stock, stockRow, "")).toContain("存量水平值（总数、人均数）：没有基数时从 0 起算");
    expect(proposalText({ ...stock, baseline: 120000 }, stockRow, "")).not.toContain("存量水平值");
    const [rank, rankRow] = at("力争营商环境评价进入全省前10位", "前10位", { comparator: "at_most", value: 10, unit: "位", measure: "level", subject: "营商环境评价全省排名" });
    expect(proposalText(rank, rankRow, "")).toContain("“降至”类水平值：没有基数时无法衡量已降了多少");
    const [limit, limitRow] = at("企业开办时间控制在1个工作日以内", "1个工作日以内", { comparator: "at_most", value: 1, unit: "个工作日", measure: "level", subject: "企业开办时间" });
    expect(proposalText(limit, limitRow, "")).not.toMatch(/存量水平值|“降至”类/);
  });

  it("says when the figure's digits are split by spaces in the source (5 0公里: an OCR slip, only 0 read)", () => {
    const spaced = { ...row, content: "新增污水管网5 0公里" };
    const p = { ...proposal("", {}), annex_text: "0公里", annex_start: spaced.content.indexOf("0公里"), annex_end: spaced.content.length, value: 0, unit: "公里", measure: "increment", subject: "污水管网5" } as Proposal;
    expect(proposalText(p, spaced, "")).toContain("；原文“5 0公里”的数字中间有空格，只读出了最后的 0：多半是识别错误，请在 corrections.csv 中更正原文后再核对");
    expect(proposalText(proposal("5万千瓦以上", { comparator: "at_least", value: 5, unit: "万千瓦", measure: "increment", subject: "光伏装机容量" }), row, "")).not.toContain("空格");
    // (in the body, which corrections.csv does not correct: items.csv)
    const body = { ...p, annex_text: "", annex_start: null, annex_end: null, body_text: "0公里", body_start: spaced.content.indexOf("0公里"), body_end: spaced.content.length } as Proposal;
    expect(proposalText(body, row, spaced.content)).toContain("请在 items.csv 中改正该条正文（corrections.csv 只更正附件各行）后再核对（--write 不写入此条");
  });

  it("calls the last figure of a long list a 降幅 too: the verb is looked for thirty characters back (分别下降15.5%、16.5%和17%)", () => {
    const list = { ...row, content: "单位GDP能耗、水耗和二氧化碳排放量分别下降15.5%、16.5%和17%" };
    const last = { ...proposal("", {}), annex_text: "17%", annex_start: list.content.indexOf("和17%") + 1, annex_end: list.content.length, value: 17, unit: "%", measure: "increment", subject: "二氧化碳排放量" } as Proposal;
    expect(proposalText(last, list, "")).toContain("：17%（降幅）；");
  });
});

describe("countedFrom", () => {
  const based = (content: string, figure: string, measure = "increment") => {
    const r = { ...row, content };
    const p = { ...proposal("", {}), annex_text: figure, annex_start: content.indexOf(figure), annex_end: content.indexOf(figure) + figure.length, value: 10, unit: "%", measure } as Proposal;
    return [p, r] as const;
  };
  it("counts a change against an earlier year's level from the day after that year (比2015年下降10%: 2016-01-01), and says so", () => {
    const [p, r] = based("化学需氧量排放量比2015年下降10%", "10%");
    expect(countedFrom(p, r, "", 2020)).toBe("2016-01-01");
    expect(proposalText(p, r, "", 2020)).toContain("；自 2016-01-01 起算（原文以 2015 年为基期；");
    expect(countedFrom(...based("PM10年均浓度较2017年底的水平分别下降5%", "5%"), "", 2020)).toBe("2018-01-01");
  });
  it("leaves the policy year's start to a change against the year before it, no year, or a level", () => {
    expect(countedFrom(...based("用水量比2019年下降5%", "5%"), "", 2020)).toBeNull();
    expect(countedFrom(...based("用水量比上年下降5%", "5%"), "", 2020)).toBeNull();
    expect(countedFrom(...based("比2015年下降，达到10%", "10%", "level"), "", 2020)).toBeNull();
    // (a year far before, in another clause: not this figure's base)
    expect(countedFrom(...based("比2015年有所下降，新增10%", "10%"), "", 2020)).toBeNull();
  });
  it("counts an increase of one later year (2019年、2020年分别完成60台、90台) from that year's start, not one by a date (到2020年) or per period", () => {
    const content = "2019年、2020年分别完成工业炉窑综合治理60台、90台";
    const r = { ...row, content };
    const of = (figure: string, horizon_text: string, more: Partial<Proposal> = {}) =>
      ({ ...proposal("", {}), annex_text: figure, annex_start: content.indexOf(figure), annex_end: content.indexOf(figure) + figure.length, value: 90, unit: "台", measure: "increment", horizon_text, ...more } as Proposal);
    expect(countedFrom(of("90台", "2020年"), r, "", 2019)).toBe("2020-01-01");
    expect(proposalText(of("90台", "2020年"), r, "", 2019)).toContain("；自 2020-01-01 起算（原文为“2020年”一年的数；targets.csv 的 counting_start 写入此日，报送该年以来的累计数）");
    expect(countedFrom(of("60台", "2019年"), r, "", 2019)).toBeNull();
    expect(countedFrom(of("90台", "到2020年"), r, "", 2019)).toBeNull();
    expect(countedFrom(of("90台", "2020年底前"), r, "", 2019)).toBeNull();
    expect(countedFrom(of("90台", "2020年", { frequency: "每年" }), r, "", 2019)).toBeNull();
    expect(countedFrom(of("90台", "2020年", { measure: "level" }), r, "", 2019)).toBeNull();
  });
});

describe("needsBaseline", () => {
  it("holds for a registered share to reach as for a proposal, read from the same source words", () => {
    const text = "城区重点公共区域实现无线免费WIFI全覆盖";
    const registered = { kind: "quantity", comparator: "reach", measure: "level", unit: "%", annex_text: text, annex_start: 0, body_text: "", body_start: null };
    expect(needsBaseline(registered, { ...row, content: text }, "")).toBe(true);
    expect(needsBaseline({ ...registered, comparator: "at_most" }, { ...row, content: text }, "")).toBe(false);
    expect(needsBaseline({ ...registered, measure: "increment" }, { ...row, content: text }, "")).toBe(false);
    // 下降到 before the figure: a level to come down to, judged as a ceiling
    const down = "综合能耗占比下降到30%";
    expect(needsBaseline({ ...registered, annex_text: "30%", annex_start: down.indexOf("30%") }, { ...row, content: down }, "")).toBe(false);
  });
});

describe("DOWN_BEFORE", () => {
  it("is the expression the targets view reads `falls` by (one rule in SQL and in TypeScript)", () => {
    const sql = readFileSync(join(PACKAGE_ROOT, "src", "sql", "views", "targets.sql"), "utf8");
    const inView = /regexp_matches\(regexp_replace\(words_before \|\| words_to_figure, '\\s\+', '', 'g'\), '([^']+)'\), false\)\s*(?:--[^\n]*\n\s*)?OR coalesce\(kind = 'quantity' AND measure = 'level' AND ends_with\(subject, '排名'\), false\) AS falls/.exec(sql)?.[1];
    expect(inView).toBe(DOWN_BEFORE.source);
  });
  it("reads a fall in the words before the figure, the later figures of a list too (分别减少3%和5%: both fall)", () => {
    for (const t of ["成本降低", "下降到", "压缩至", "降至约", "化肥农药使用量分别减少3%和", "分别下降3%、5%和", "减少3.5%及", "分别降低", "下降0.5个百分点和", "降至0.5吨和", "压减粗钢产能", "降低企业成本", "压减粗钢产能至"]) {
      expect(DOWN_BEFORE.test(t), t).toBe(true);
    }
    for (const t of ["增长", "新增", "增长3%和", "减少3%，新增", "减少落后企业3家，淘汰产能", "减少3家企业和新增", "提高到", "减少审批环节，新增", "降低门槛吸引人才落户新增", "降低门槛引进人才", "降低融资成本带动投资达", "降低成本使利润达到"]) {
      expect(DOWN_BEFORE.test(t), t).toBe(false);
    }
  });
});
