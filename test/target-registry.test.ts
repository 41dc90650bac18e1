import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTaskTable } from "../src/tasktable.js";
import { readRegistryFile } from "../src/targets/registryfile.js";
import { compareRegistry, proposeTargets, registerNew, type Proposal, type RegistryEntry } from "../src/targets/registry.js";
import { proposalText } from "../src/targets/proposaltext.js";
import { copyData, edit, POLICY, REAL_DATA } from "./support/fixtures.js";

const { table, errors } = readTaskTable(join(REAL_DATA, "policies", POLICY));
const registry: RegistryEntry[] = readRegistryFile(join(REAL_DATA, "policies", POLICY, "targets.csv"));
const byCode = new Map(registry.map((r) => [r.code, r]));

describe("the published target registry of the Cixi policy", () => {
  it("loads and is in step with the parser (luoshi targets --check has nothing to report)", () => {
    expect(errors).toEqual([]);
    const diff = compareRegistry(registry, proposeTargets(table!));
    expect(diff.added).toEqual([]);
    expect(diff.missing).toEqual([]);
    expect(diff.matched.filter((m) => m.changes.length > 0)).toEqual([]);
  });

  it("puts 450家 within the year and 1000家 within three years on the same row, each once", () => {
    const row6 = registry.filter((r) => r.row_no === 6 && r.kind === "quantity");
    expect(row6.map((r) => [r.value, r.unit, r.comparator, r.measure, r.deadline])).toEqual([
      [450, "家", "reach", "level", "2017-12-31"],
      [1000, "家", "reach", "level", "2020-12-31"],
      [100, "%", "reach", "level", "2020-12-31"],
    ]);
  });

  it("links the body sentence and the annex sentence to one target, never two", () => {
    const robots = registry.filter((r) => r.subject === "工业机器人");
    expect(robots).toHaveLength(1);
    expect(robots[0]).toMatchObject({ value: 200, unit: "台", measure: "increment", annex_text: "200台", body_text: "200台" });
    // the same figure in a title adds nothing; a figure only in the title is a target (item (三): 10家)
    expect(registry.filter((r) => r.row_no === 5 && r.value === 100)).toHaveLength(1);
    expect(registry.find((r) => r.row_no === 4)).toMatchObject({ value: 10, unit: "家", body_source: "title" });
  });

  it("keeps a describing figure as an attribute of its target, and ranges as min and max", () => {
    const company = registry.find((r) => r.row_no === 17 && r.kind === "milestone")!;
    expect(JSON.parse(company.attributes)).toEqual([{ text: "注册资金4亿元", value: 4, unit: "亿元" }]);
    expect(registry.filter((r) => r.row_no === 17 && r.value === 4)).toEqual([]);
    expect(registry.find((r) => r.row_no === 11 && r.unit === "期")).toMatchObject({ value: 15, value_max: 20 });
    expect(registry.find((r) => r.row_no === 17 && r.unit === "亿元")).toMatchObject({ value: 20, value_base: 200000, base_unit: "万元" });
  });

  it("takes no name or numbering for a target", () => {
    const figures = registry.filter((r) => r.kind === "quantity").map((r) => `${r.value}${r.unit}`);
    for (const name of ["2025", "521", "2018", "2020", "2017", "75"]) expect(figures.some((f) => f.startsWith(name))).toBe(false);
  });

  it("has no duty twice in one row", () => {
    const keys = registry.map((r) => `${r.row_no}|${r.kind}|${r.value}|${r.unit}|${r.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("a change in the parser never renames or renumbers a published code", () => {
  const proposals = proposeTargets(table!);

  it("lists a changed figure, a lost duty and a new duty for review, and keeps every code's meaning", () => {
    const changed: Proposal[] = proposals
      .filter((p) => !(p.row_no === 27 && p.unit === "台")) // the parser no longer finds 200台
      .map((p) => (p.row_no === 14 ? { ...p, comparator: "about" } : p)); // reads 10名左右 now
    changed.push({ ...proposals.find((p) => p.row_no === 27)!, value: 7, unit: "个", subject: "新的指标", annex_text: "" });
    const diff = compareRegistry(registry, changed);
    expect(diff.missing.map((m) => m.code)).toEqual([registry.find((r) => r.row_no === 27 && r.unit === "台")!.code]);
    expect(diff.matched.find((m) => m.code === registry.find((r) => r.row_no === 14)!.code)!.changes).toEqual([
      { field: "comparator", registered: "at_least", proposed: "about" },
    ]);
    expect(diff.added.map((a) => a.subject)).toEqual(["新的指标"]);
    const added = registerNew("CX75", registry, diff.added, 2017);
    expect(added.map((a) => a.code)).toEqual(["CX75-27-04"]); // continues the row, never reuses 27-02
    expect(added.map((a) => a.counting_start)).toEqual(["2017-01-01"]);
    // (a change against an earlier year's level, 比2015年下降10%: counted from the day after it)
    expect(registerNew("CX75", registry, diff.added, 2017, () => "2016-01-01").map((a) => a.counting_start)).toEqual(["2016-01-01"]);
    for (const code of byCode.keys()) expect(byCode.get(code)).toBe(registry.find((r) => r.code === code));
  });
});

describe("the analyst's word on a proposal stands", () => {
  const proposals = proposeTargets(table!);
  const entry = registry.find((r) => r.code === "CX75-06-01")!;

  it("a retired code's proposal is proposed no more (never registered again under a new code)", () => {
    const retired = registry.map((r) => (r.code === entry.code ? { ...r, status: "retired" as const } : r));
    const diff = compareRegistry(retired, proposals);
    expect(diff.retired).toEqual([entry.code]);
    expect(diff.added).toEqual([]);
    expect(diff.missing).toEqual([]);
    expect(registerNew("CX75", retired, diff.added, 2017)).toEqual([]);
  });

  it("a retired code's body words stay retired when the annex's are changed: only the annex's new figure is proposed", () => {
    // the annex of row 6 corrected to 480家, the body still saying 450家; CX75-06-01 (read from both) retired
    const { policyDir } = copyData();
    edit(policyDir, "tasks.csv", "达到450家", "达到480家");
    edit(policyDir, "targets.csv", `${entry.code},published,`, `${entry.code},retired,`);
    const changed = readTaskTable(policyDir);
    expect(changed.errors).toEqual([]);
    const diff = compareRegistry(readRegistryFile(join(policyDir, "targets.csv")), proposeTargets(changed.table!));
    // (the body's 450家 is the same duty stated otherwise: noted on the annex's proposal, not proposed on its own)
    expect(diff.retired).toEqual([]);
    expect(diff.missing).toEqual([]);
    expect(diff.added.map((a) => [a.row_no, a.value, a.annex_text, a.body_text, a.body_differs])).toEqual([[6, 480, "达到480家", "达到450家", true]]);
  });

  it("a target corrected by hand (its subject and unit) is still the proposal read from the same words: listed, never added again", () => {
    const corrected = { ...entry, subject: "智能化改造企业", unit: "户" };
    const plain = compareRegistry(registry.map((r) => (r.code === entry.code ? corrected : r)), proposals);
    expect(plain.added).toEqual([]);
    expect(plain.missing).toEqual([]);
    expect(plain.matched.find((m) => m.code === entry.code)).toMatchObject({ reviewed: false, changes: [
      { field: "unit", registered: "户", proposed: "家" }, { field: "subject", registered: "智能化改造企业", proposed: entry.subject },
    ] });
    // said in its note: the differences are expected (targets --check shows them, does not count them)
    const noted = compareRegistry(registry.map((r) => (r.code === entry.code ? { ...corrected, note: "人工更正：单位按统计口径为户" } : r)), proposals);
    expect(noted.matched.find((m) => m.code === entry.code)).toMatchObject({ reviewed: true });
    expect(noted.added).toEqual([]);
  });
});

describe("the same amount in another unit", () => {
  it("1亿元 registered, 10000万元 read now: the same target, its value and unit listed as changes to review", () => {
    const entry = registry.find((r) => r.code === "CX75-35-01")!;
    const proposal = proposeTargets(table!).find((p) => p.row_no === 35 && p.unit === "亿元")!;
    const diff = compareRegistry([entry], [{ ...proposal, value: 10000, unit: "万元" }]);
    expect(diff.missing).toEqual([]);
    expect(diff.added).toEqual([]);
    expect(diff.matched[0]!.changes).toEqual([
      { field: "value", registered: 1, proposed: 10000 },
      { field: "unit", registered: "亿元", proposed: "万元" },
    ]);
  });
});

describe("a deadline stated for one clause of a row", () => {
  it("10月底前完成方案编制，淘汰货车1200辆: the trucks keep the row's deadline, and a registry that gave them 10月底前 is listed for review", () => {
    const content = "10月底前完成《攻坚方案》编制,淘汰国三柴油货车1200辆以上。";
    const changed = { ...table!, tasks: table!.tasks.map((t) => (t.row_no === 27 ? { ...t, content, deadline_date: "2018-12-31" } : t)) };
    const row27 = proposeTargets(changed).filter((p) => p.row_no === 27 && p.body_source === "");
    expect(row27.map((p) => [p.kind, p.horizon_text, p.deadline])).toEqual([
      ["milestone", "10月底前", "2017-10-31"],
      ["quantity", "", "2018-12-31"],
    ]);
    // the same row with the row's deadline 10月底前 as well: nothing to choose, the text's deadline stands
    const same = { ...table!, tasks: table!.tasks.map((t) => (t.row_no === 27 ? { ...t, content, deadline_date: "2017-10-31" } : t)) };
    expect(proposeTargets(same).filter((p) => p.row_no === 27 && p.kind === "quantity" && p.body_source === "").map((p) => p.horizon_text)).toEqual(["10月底前"]);
    // a registry entry written before, with 10月底前, is a change to review
    const [registered] = registerNew("CX75", [], row27.filter((p) => p.kind === "quantity").map((p) => ({ ...p, horizon_text: "10月底前", deadline: "2017-10-31" })), 2017);
    const diff = compareRegistry([registered!], row27);
    expect(diff.matched[0]!.changes).toEqual([{ field: "horizon_text", registered: "10月底前", proposed: "" }]);
  });

  it("2019年完成3.5万户，2020年累计达到8万户 in a row of 2020年10月底前: a year alone takes the row's day of that year; 2019年 and a year's end written out keep theirs", () => {
    const content = "2019年完成农村煤改气3.5万户，2020年累计达到8万户，2020年底前新增公交车100辆。";
    const changed = { ...table!, tasks: table!.tasks.map((t) => (t.row_no === 27 ? { ...t, content, deadline_date: "2018-10-31" } : t)) };
    const rows = (deadline: string) => proposeTargets({ ...changed, tasks: changed.tasks.map((t) => (t.row_no === 27 ? { ...t, content: content.replaceAll("2019", "2017").replaceAll("2020", "2018"), deadline_date: deadline } : t)) })
      .filter((p) => p.row_no === 27 && p.body_source === "").map((p) => [p.horizon_text, p.deadline]);
    expect(rows("2018-10-31")).toEqual([["2017年", "2017-12-31"], ["2018年", "2018-10-31"], ["2018年底前", "2018-12-31"]]);
    // a row date of another year says nothing of 2018
    expect(rows("2019-10-31")).toEqual([["2017年", "2017-12-31"], ["2018年", "2018-12-31"], ["2018年底前", "2018-12-31"]]);
  });

  it("registers the starting level the text states as the baseline (由3个工作日缩短至1个工作日)", () => {
    const content = "不动产登记时间由3个工作日缩短至1个工作日。";
    const changed = { ...table!, tasks: table!.tasks.map((t) => (t.row_no === 27 ? { ...t, content } : t)) };
    const row27 = proposeTargets(changed).filter((p) => p.row_no === 27 && p.body_source === "");
    const [registered] = registerNew("CX75", [], row27, 2017);
    expect([registered!.subject, registered!.value, registered!.baseline]).toEqual(["不动产登记时间", 1, 3]);
  });

  it("首贷户新增2000户 in a row due 每年: a count of every year (as 每年新增), a rate each year's (单位GDP能耗下降3%); a level and a count with its own time stay as written", () => {
    const content = "首贷户新增2000户，贷款余额年均增长15%，单位GDP能耗下降3%，成交额达到50亿元，年内新增企业20家。";
    const changed = { ...table!, tasks: table!.tasks.map((t) => (t.row_no === 27 ? { ...t, content, deadline_text: "每年", deadline_date: null } : t)) };
    const row27 = proposeTargets(changed).filter((p) => p.row_no === 27 && p.body_source === "");
    expect(row27.map((p) => [p.subject, p.frequency])).toEqual([["首贷户", "每年"], ["贷款余额", "每年"], ["单位GDP能耗", "每年"], ["成交额", ""], ["企业", ""]]);
    // (a rate in a row due 每季度 is no quarter's share of anything: as written)
    const quarterly = { ...changed, tasks: changed.tasks.map((t) => (t.row_no === 27 ? { ...t, deadline_text: "每季度" } : t)) };
    expect(proposeTargets(quarterly).filter((p) => p.row_no === 27 && p.body_source === "").map((p) => p.frequency)).toEqual(["每季度", "", "", "", ""]);
    // (a row due by a date says nothing of periods)
    const dated = { ...changed, tasks: changed.tasks.map((t) => (t.row_no === 27 ? { ...t, deadline_text: "年底前", deadline_date: "2017-12-31" } : t)) };
    expect(proposeTargets(dated).filter((p) => p.row_no === 27 && p.body_source === "").map((p) => p.frequency)).toEqual(["", "", "", "", ""]);
  });
});

describe("a figure the body states otherwise than the annex", () => {
  it("新增工业机器人300台 in the body, 200台 in the annex: one target, the annex's figure, the difference noted for review", () => {
    const items = table!.items.map((i) => (i.body_text.includes("新增工业机器人200台") ? { ...i, body_text: i.body_text.replace("新增工业机器人200台", "新增工业机器人300台") } : i));
    expect(items).not.toEqual(table!.items);
    const proposals = proposeTargets({ ...table!, items }).filter((p) => p.subject === "工业机器人");
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ value: 200, unit: "台", annex_text: "200台", body_text: "300台", body_differs: true });
    const item = items.find((i) => i.body_text.includes("新增工业机器人300台"))!;
    const row = table!.tasks.find((t) => t.row_no === proposals[0]!.row_no)!;
    expect(proposalText(proposals[0]!, row, item.body_text)).toMatch(/；正文另作“[^”]*新增工业机器人300台”，与附件不同：以附件为准/);
    // the same figure in both: linked, nothing noted
    const same = proposeTargets(table!).filter((p) => p.subject === "工业机器人");
    expect(same).toHaveLength(1);
    expect(same[0]!.body_differs).toBe(false);
    // another measure is another duty (累计…达到1000台, a level, beside 新增…200台): not linked
    const level = table!.items.map((i) => (i.body_text.includes("新增工业机器人200台") ? { ...i, body_text: i.body_text.replace("新增工业机器人200台", "到2020年全市累计应用工业机器人达到1000台") } : i));
    expect(proposeTargets({ ...table!, items: level }).filter((p) => p.unit === "台").map((p) => [p.value, p.measure, p.body_differs])).toEqual([[200, "increment", false], [1000, "level", false]]);
    // two body figures of the same subject for one annex figure: which one differs cannot be told, neither is linked
    const two = table!.items.map((i) => (i.body_text.includes("新增工业机器人200台") ? { ...i, body_text: i.body_text.replace("新增工业机器人200台", "改造工业机器人150台，新增工业机器人300台") } : i));
    expect(proposeTargets({ ...table!, items: two }).filter((p) => p.subject === "工业机器人" && p.body_differs)).toEqual([]);
    // another unit is another duty: not linked
    const other = table!.items.map((i) => (i.body_text.includes("新增工业机器人200台") ? { ...i, body_text: i.body_text.replace("新增工业机器人200台", "新增工业机器人300套") } : i));
    expect(proposeTargets({ ...table!, items: other }).filter((p) => p.subject === "工业机器人")).toHaveLength(2);
  });

  it("a milestone of the body building what the annex counts (建设智能经济服务中心 beside 一个以上智能经济服务中心) is that duty, not another", () => {
    const withMilestone = (text: string) => table!.items.map((i) => (i.body_text.includes("智能经济服务中心") ? { ...i, body_text: `${text}。${i.body_text}` } : i));
    expect(withMilestone("x")).not.toEqual(table!.items);
    const subjects = (text: string) => proposeTargets({ ...table!, items: withMilestone(text) }).filter((p) => p.subject.includes("智能经济服务中心")).map((p) => [p.kind, p.subject]);
    expect(subjects("年内建成智能经济服务中心")).toEqual([["quantity", "智能经济服务中心"]]);
    // (a count of something else that mentions it stays apart: 接入智能经济服务中心的企业 counts firms, not centres)
    const other = table!.items.map((i) => (i.body_text.includes("智能经济服务中心") ? { ...i, body_text: `年内建成智慧城管平台。${i.body_text}` } : i));
    expect(proposeTargets({ ...table!, items: other }).filter((p) => p.subject === "智慧城管平台").map((p) => p.kind)).toEqual(["milestone"]);
    // (a milestone of something more stays one)
    expect(subjects("年内建立智能经济服务中心运行机制")).toEqual([["quantity", "智能经济服务中心"], ["milestone", "智能经济服务中心运行机制"]]);
  });
});

describe("registry rejections", () => {
  it("a span that no longer points at its text is an error naming the row", () => {
    const { policyDir } = copyData();
    edit(policyDir, "tasks.csv", "新增工业机器人200台", "新增工业机器人3000台");
    const r = readTaskTable(policyDir);
    expect(r.table).toBeNull();
    expect(r.errors).toContainEqual(expect.objectContaining({ code: "E_BAD_VALUE", file: `data/policies/${POLICY}/targets.csv`, column: "annex_text", value: "200台" }));
  });

  it("a duplicate code and an unknown reporting department are errors", () => {
    const { policyDir } = copyData();
    edit(policyDir, "targets.csv", /\nCX75-01-01,published,1,milestone,,,,,,,,,,([^,\n]*),,,2017-01-01,,,/, "\nCX75-01-01,published,1,milestone,,,,,,,,,,$1,,,2017-01-01,,市旅游局,");
    edit(policyDir, "targets.csv", "CX75-02-01,", "CX75-01-01,");
    const r = readTaskTable(policyDir);
    expect(r.errors.map((e) => e.code).sort()).toEqual(["E_DUPLICATE_ID", "E_UNKNOWN_DEPARTMENT"]);
  });
});

describe("各: each of several lead departments owes the figure", () => {
  it("周巷镇、观海卫镇各建成…1条 is reported by both lead departments, each its own figure; a single lead reports as before", () => {
    const f = copyData();
    edit(f.policyDir, "tasks.csv", /^3,2,,,,"各镇\(街道、园区\)结合[^"]*",各镇\(街道、园 区\)政府\(办事 处、管委会\),/m, '3,2,,,,"周巷镇、观海卫镇各建成美丽乡村精品线1条。",周巷镇、观海卫镇,');
    edit(f.policyDir, "targets.csv", /^CX75-03-01,.*\n/m, ""); // (its text is gone)
    const read = readTaskTable(join(f.data, "policies", POLICY));
    expect(read.errors).toEqual([]);
    const row3 = proposeTargets(read.table!).filter((p) => p.row_no === 3);
    expect(row3.map((p) => [p.value, p.unit, p.reporting_departments])).toEqual([[1, "条", "周巷镇、观海卫镇"]]);
    expect(registerNew("CX75", [], row3, 2017)[0]!.reporting_departments).toBe("周巷镇、观海卫镇");
    // 各类, 各项: every kind of, not each of the departments
    expect(proposeTargets(table!).every((p) => p.reporting_departments === "")).toBe(true);
  });
});

