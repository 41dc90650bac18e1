// The 督查通报's text (docs/components/briefing.js) on the briefing loader's output (docs/data/briefing.json.js), for a
// warehouse with a few hand-made reports judged at 2017-12-10: what a leader reads must be what the figures say.
// - 进度正常 says how many of its pairs no schedule judges yet (a milestone, one counted thing: 时限未到), and how many
//   of those are not started;
// - a pair never reported is 从未报送, and the pairs judged on a month older than the last one due are counted;
// - a level with no baseline says its share is counted from zero;
// - a department's late or missing months are months, not a length of delay.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
// @ts-ignore: jsdom ships no types of its own (a DOM for htl, as the browser gives the page)
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../src/build.js";
import { loadMonthlyFile } from "../src/monthly.js";
import { PACKAGE_ROOT } from "../src/paths.js";
import { openWarehouse } from "../src/warehouse.js";
import { copyData } from "./support/fixtures.js";

const POLICY = "cixi-2017-75";
const HEADER = "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期";

type Row = Record<string, unknown>;
interface BriefingData {
  as_of: string;
  receipts: Row[];
  policies: Row[];
  tasks: Row[];
  targets: Row[];
  unjudged: Row[];
  reviewing: Row[];
  idle: Row[];
  departments: Row[];
  pair_notes: Row[];
}
let data: BriefingData;
// (page modules in plain JavaScript)
let briefing: any;
let progress: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let format: any;
const text = (node: { textContent: string | null }) => node.textContent!.replace(/\s+/g, " ");

beforeAll(async () => {
  const f = copyData();
  const db = join(f.dir, "w.duckdb");
  await buildWarehouse({ data: f.data, db });
  const wh = await openWarehouse(db, { readOnly: false });
  try {
    // October, in on 3 November: a milestone not started, a level (达到450家) two thirds of the way, one 次 not done yet
    const october = [HEADER, "市经信局,CX75-22-03,2017-10,,,未启动,,,", "市经信局,CX75-06-01,2017-10,300,家,,推进中,,", "市委组织部,CX75-13-02,2017-10,0,次,,,,"];
    // November, in on 3 December: 市财政局's 总规模 (扩大至20亿元) at 15; the other two departments send nothing for November
    const november = [HEADER, "市财政局,CX75-17-02,2017-11,15,亿元,,已到位15亿元，部分基金尚在募集,,"];
    // 市委组织部's November, in on 4 December with a negative figure: returned (rejected), not sent again
    const returned = [HEADER, "市委组织部,CX75-13-02,2017-11,-1,次,,,,"];
    for (const [name, lines, receivedAt, rejected] of [["oct.csv", october, "2017-11-03 10:00:00", 0], ["nov.csv", november, "2017-12-03 10:00:00", 0],
      ["zzb-nov.csv", returned, "2017-12-04 10:00:00", 1]] as const) {
      const s = await loadMonthlyFile(wh.connection, { name, bytes: Buffer.from(lines.join("\n")), asOf: "2017-12-10", receivedAt, archiveName: null });
      if (s.rejected !== rejected) throw new Error(JSON.stringify(s.rejects));
    }
  } finally {
    wh.close();
  }
  const loaded = spawnSync(process.execPath, [join(PACKAGE_ROOT, "docs", "data", "briefing.json.js")], {
    env: { ...process.env, LUOSHI_DB: db, LUOSHI_DATA: f.data, LUOSHI_AS_OF: "2017-12-10" }, maxBuffer: 1 << 26,
  });
  if (loaded.status !== 0) throw new Error(loaded.stderr.toString());
  data = JSON.parse(loaded.stdout.toString()) as BriefingData;
  // htl writes DOM nodes: a document for it, then the page's own modules
  const { window } = new JSDOM("<!doctype html><body></body>");
  Object.assign(globalThis, { window, document: window.document, Node: window.Node, NodeList: window.NodeList, HTMLCollection: window.HTMLCollection, DocumentFragment: window.DocumentFragment });
  // @ts-ignore: a page module in plain JavaScript
  briefing = await import("../docs/components/briefing.js");
  // @ts-ignore: a page module in plain JavaScript
  progress = await import("../docs/components/progress.js");
  // @ts-ignore: a page module in plain JavaScript
  format = await import("../docs/components/format.js");
}, 300_000);

const overall = () => {
  const counts = briefing.statusCounts(data.tasks.filter((t) => t.policy_id === POLICY));
  return text(briefing.overallParagraph(data.policies.find((p) => p.policy_id === POLICY), counts, {
    asOf: data.as_of, receipts: Number(data.receipts.find((r) => r.policy_id === POLICY)?.files ?? 0), targets: data.targets, unjudged: data.unjudged, reviewing: data.reviewing,
    notes: data.pair_notes.find((n) => n.policy_id === POLICY),
  }));
};

describe("一、总体情况", () => {
  it("says how many of the pairs counted 进度正常 wait for their deadline, and how many of those are not started", () => {
    // CX75-22-03 (a milestone, 未启动) and CX75-13-02 (1次, 0 so far): on track until their deadline, never against 序时
    expect(data.pair_notes).toEqual([expect.objectContaining({ policy_id: POLICY, awaiting_deadline: 2, awaiting_not_started: 1, awaiting_report: 0, stale: 3, stale_returned: 1 })]);
    expect(overall()).toMatch(/进度正常 \d+ 项（其中 2 项为节点任务、目标为 1 个等到期才判断的指标，时限未到、到期时判断；1 项尚未启动）/);
    // past their deadline, the report of its month not due yet: said apart, with their count when some are not
    expect(briefing.awaitingText({ awaiting_deadline: 2, awaiting_report: 2 })).toBe("（其中 2 项为节点任务、目标为 1 个等到期才判断的指标，时限已过、待时限所在月份的报送到期后判断）");
    expect(briefing.awaitingText({ awaiting_deadline: 3, awaiting_report: 1, awaiting_not_started: 1 }))
      .toBe("（其中 3 项为节点任务、目标为 1 个等到期才判断的指标，2 项时限未到、到期时判断，1 项时限已过、待时限所在月份的报送到期后判断；1 项尚未启动）");
  });

  it("calls a pair with no report in any month 从未报送, and counts the pairs judged on a month older than the last one due", () => {
    const s = overall();
    expect(s).toMatch(/、从未报送 \d+ 项/);
    expect(s).not.toContain("尚未报送");
    // 市经信局's two and 市委组织部's one were last reported for October, November's report was due on 5 December:
    // 市经信局 sent nothing, 市委组织部's was returned
    expect(s).toContain("未完成的指标中，有 3 项最近应报的月份没有可用的报送（未报 2 项，报送被退回、尚未重报 1 项）");
    // (named: which department, target and month)
    const stale = (data.pair_notes[0] as { stale_pairs: { code: string; department_name: string; period: string }[] }).stale_pairs;
    expect(stale.map((p) => [p.department_name, p.period])).toEqual([["市委组织部", "2017-11"], ["市经信局", "2017-11"], ["市经信局", "2017-11"]]);
    expect(s).toContain(`（${stale.map((p) => `${p.department_name} ${p.code} 的 2017-11`).join("、")}），按此前所报的数判断。`);
    const notes = (stale: number, returned: number) => text(briefing.overallParagraph(data.policies.find((p) => p.policy_id === POLICY),
      briefing.statusCounts(data.tasks.filter((t) => t.policy_id === POLICY)), { asOf: data.as_of, receipts: 3, notes: { stale, stale_returned: returned } }));
    expect(notes(2, 0)).toContain("有 2 项最近应报的月份没有报送，按此前所报的数判断。");
    expect(notes(2, 2)).toContain("有 2 项最近应报的月份的报送被退回、尚未重报，按此前所报的数判断。");
    expect(s).toMatch(/有指标从未报送 \d+ 项/);
  });

  it("names each figure for review with the first words of its reason: an unreadable report date is no doubt about the figure", () => {
    const said = (reviewing: { code: string; department_name: string; flag_reason: string }[]) => text(briefing.overallParagraph(data.policies.find((p) => p.policy_id === POLICY),
      briefing.statusCounts(data.tasks.filter((t) => t.policy_id === POLICY)), { asOf: data.as_of, receipts: 3, reviewing }));
    const date = { code: "CX75-34-01", department_name: "市人力社保局", flag_reason: "无法识别的填报日期（应为 YYYY-MM-DD，如 2017-11-03）：“11月3日”，缺少年份（数值照常载入，填报日期留空）" };
    const fall = { code: "CX75-06-01", department_name: "市经信局", flag_reason: "累计值 1 低于此前已载入的 2018-01 的 2，且进展情况未说明原因" };
    expect(said([date])).toContain("另有 1 项指标的最新报送待复核（CX75-34-01 市人力社保局：无法识别的填报日期），核实更正前按所报数判断。");
    expect(said([date, fall])).toContain("（CX75-34-01 市人力社保局：无法识别的填报日期；CX75-06-01 市经信局：累计值 1 低于此前已载入的 2018-01 的 2）");
    expect(said([date, fall, fall, date])).toContain("另有 4 项指标的最新报送待复核（如 CX75-34-01");
    expect(said([date])).not.toContain("可能填错");
  });

  it("names the quantities with no deadline still at 0, which no count of the behind holds, each target once with its departments", () => {
    // (the loader lists them: here none, every figure loaded above is above 0 or has a deadline)
    expect(Array.isArray(data.idle)).toBe(true);
    const said = (idle: { code: string; subject: string; department_name: string }[]) => text(briefing.overallParagraph(data.policies.find((p) => p.policy_id === POLICY),
      briefing.statusCounts(data.tasks.filter((t) => t.policy_id === POLICY)), { asOf: data.as_of, receipts: 3, idle }));
    const town = (department_name: string) => ({ code: "CX75-03-01", subject: "智能经济服务中心", department_name });
    expect(said([town("周巷镇"), town("坎墩街道")])).toContain("无时限的指标中，2 项的累计完成值至今仍为 0（CX75-03-01 智能经济服务中心：周巷镇、坎墩街道），不按序时评估，需另行督促。");
    expect(said([])).not.toContain("无时限的指标中");
  });

  it("counts the files received per policy, a file whose rows were all returned among them", () => {
    // oct.csv, nov.csv and zzb-nov.csv (its one row rejected): the policy has had reports, so no 尚未收到任何月度报送
    expect(data.receipts).toEqual([{ policy_id: POLICY, files: 3 }]);
    expect(overall()).not.toContain("尚未收到任何月度报送");
  });
});

describe("一、总体情况, tasks", () => {
  it("says how many of the on-track tasks have only targets that wait for their deadline", () => {
    const rows = [{ policy_id: POLICY, task_status: "on_track", tasks: 3, pairs: 5, on_track: 5, awaiting_tasks: 2, awaiting_report_tasks: 0 }, { policy_id: POLICY, task_status: "lagging", tasks: 1, pairs: 2, lagging: 1, on_track: 1, awaiting_tasks: 0, awaiting_report_tasks: 0 }];
    const counts = briefing.statusCounts(rows);
    expect(counts.awaitingTasks).toBe(2);
    const s = text(briefing.overallParagraph(data.policies.find((p) => p.policy_id === POLICY), counts, { asOf: data.as_of, receipts: 1 }));
    expect(s).toContain("进度正常 3 项（其中 2 项的指标都是节点任务、目标为 1 个等到期才判断的指标）");
    // those deadlines passed, the reports of their months not due yet
    const passed = (n: number) => text(briefing.overallParagraph(data.policies.find((p) => p.policy_id === POLICY),
      briefing.statusCounts([{ ...rows[0], awaiting_report_tasks: n }, rows[1]]), { asOf: data.as_of, receipts: 1 }));
    expect(passed(1)).toContain("（其中 2 项的指标都是节点任务、目标为 1 个等到期才判断的指标，1 项时限已过、待该月报送到期后判断）");
    expect(passed(2)).toContain("（其中 2 项的指标都是节点任务、目标为 1 个等到期才判断的指标，且时限都已过、待该月报送到期后判断）");
    // the loader counts them from task_progress.awaiting_deadline_only: rows 13 (1次, 0 so far) and 22 (a milestone not
    // started) have only such targets on track, but others never reported, so they are not on-track tasks and not counted
    const awaiting = Object.fromEntries(data.tasks.filter((t) => t.policy_id === POLICY).map((t) => [t.task_status, Number(t.awaiting_tasks)]));
    expect(awaiting.not_reported).toBe(0);
    expect(awaiting.on_track ?? 0).toBe(0);
  });
});

describe("二、进度滞后的任务", () => {
  it("says that a level with no baseline is counted from zero, beside its share and the schedule", () => {
    const lagging = data.targets.filter((t) => t.code === "CX75-06-01" || t.code === "CX75-17-02");
    expect(lagging.map((t) => [t.code, t.progress_status])).toEqual([["CX75-06-01", "lagging"], ["CX75-17-02", "lagging"]]);
    // 300 of 450 and 15 of 20, against the schedule at 30 November (333 of 364 days)
    expect(text(briefing.targetSentence(lagging[0]))).toContain("完成 67%（未登记基数，从 0 起算）、序时 91%，落后序时");
    expect(text(briefing.targetSentence(lagging[1]))).toContain("完成 75%（未登记基数，从 0 起算）、序时 91%，落后序时");
    // with a baseline the share is from it, and nothing is said
    expect(text(briefing.targetSentence({ ...lagging[0], baseline: 200 }))).not.toContain("从 0 起算");
    // a range (15-20期) is judged on its lower bound, and says so
    expect(text(briefing.targetSentence({ ...lagging[0], baseline: 200, target_value: 450, value_max: 500 }))).toContain("完成 67%（按下限 450 计）、");
    // a figure below its baseline (优良天数比例 76.3% from 80%) is no negative share of the way
    expect(text(briefing.targetSentence({ ...lagging[0], baseline: 200, progress: -0.74 }))).toContain("完成 0%（低于起点）、序时 91%");
    // a fall reported as its size reads as one (下降2.6%), a figure below zero as a rise
    expect(progress.latestText({ kind: "quantity", falls: true, measure: "increment", unit: "%", latest_value: 2.6 }, { period: false })).toBe("下降2.6%");
    expect(progress.latestText({ kind: "quantity", falls: true, measure: "increment", unit: "%", latest_value: -1.5 }, { period: false })).toBe("不降反升1.5%");
    // events that must not happen (重特大安全事故零发生, a ceiling of 0 起) read as such
    expect(progress.goalText({ kind: "quantity", comparator: "at_most", target_value: 0, unit: "起" })).toBe("不发生（0起）");
    expect(progress.goalText({ kind: "quantity", comparator: "at_most", target_value: 3, unit: "%" })).toBe("3%以内");
    // a latest figure flagged for review (8500万亩 for a goal of 3万亩) says so wherever it is shown
    expect(progress.latestText({ kind: "quantity", measure: "increment", unit: "亩", latest_value: 85000000, figure_flagged: true, latest_period: "2021-09", figure_period: "2021-09" }))
      .toBe("85000000亩（待复核）（2021-09）");
  });
});

describe("a target's status in words", () => {
  it("is 时限未到 for a milestone or one counted thing before its deadline, with no 序时 beside it; 正常 for a share on schedule", () => {
    // (target_progress.awaiting_deadline, test/reporting.test.ts)
    const milestone = { kind: "milestone", progress_status: "on_track", awaiting_deadline: true };
    const once = { kind: "quantity", indivisible: true, progress_status: "on_track", elapsed: 0.9, awaiting_deadline: true };
    const share = { kind: "quantity", indivisible: false, progress_status: "on_track", elapsed: 0.9, progress: 0.85, awaiting_deadline: false };
    expect([milestone, once, share].map(progress.statusLabel)).toEqual(["时限未到", "时限未到", "正常"]);
    expect([milestone, once, share].map(progress.scheduleShown)).toEqual([false, false, true]);
    // 下降到35以下 with a baseline (at most, but no ceiling: targets.ceiling) is a way down against the schedule
    const wayDown = { kind: "quantity", comparator: "at_most", falls: true, ceiling: false, progress_status: "lagging", elapsed: 0.4, progress: 0.1, awaiting_deadline: false };
    expect([progress.statusLabel(wayDown), progress.scheduleShown(wayDown)]).toEqual(["落后序时", true]);
    expect(progress.statusLabel({ ...wayDown, ceiling: true })).toBe("超过上限");
    // past the deadline the verdict is the deadline's
    expect(progress.statusLabel({ ...milestone, progress_status: "overdue", awaiting_deadline: false })).toBe("逾期未完成");
    // a task on track whose on-track targets all wait (task_progress.awaiting_deadline_only)
    expect([progress.taskStatusLabel("on_track", true), progress.taskStatusLabel("on_track", false), progress.taskStatusLabel("not_reported", false)])
      .toEqual(["时限未到", "正常", "有指标从未报送"]);
    // past the deadline, the report of its month not due yet (target_progress.awaiting_report, task_progress.awaiting_report_only)
    expect(progress.statusLabel({ ...milestone, awaiting_report: true })).toBe("时限已过、待报送");
    // (a recurring duty reported through its deadline's month: done, whatever its own 完成状态 said)
    expect(progress.statusLabel({ kind: "recurring", progress_status: "done", latest_status: "in_progress" })).toBe("已完成（已报送至时限）");
    // (done: in which month, the 统计期 beside it being the latest month reported)
    expect(progress.statusLabel({ ...milestone, progress_status: "done", awaiting_deadline: false, done_period: "2017-09" })).toBe("已完成（2017-09 完成）");
    expect(progress.statusLabel({ ...milestone, progress_status: "done_late", awaiting_deadline: false, done_period: "2017-12" })).toBe("逾期完成（2017-12 完成）");
    expect(progress.taskStatusLabel("on_track", true, true)).toBe("时限已过、待报送");
  });
});

describe("a review reason in the briefing", () => {
  it("is cut at the end of a clause, not mid-word; a short one whole, up to its first bracket or colon", () => {
    expect(briefing.reasonHead("累计值 3000亿元 是目标值 20亿元 的 150 倍，请核对单位（如 万元 与 亿元、元 与 万元），或是否填了总量而非新增量"))
      .toBe("累计值 3000亿元 是目标值 20亿元 的 150 倍");
    expect(briefing.reasonHead("无法识别的填报日期：2017-13-01（数值照常载入，填报日期留空）")).toBe("无法识别的填报日期");
    expect(briefing.reasonHead("累计值 1 低于此前已载入的 2018-01 的 2，且进展情况未说明原因")).toBe("累计值 1 低于此前已载入的 2018-01 的 2");
    // (no clause end to cut at: the first 30 characters and …)
    const long = "填报日期早于统计期结束且早于上一期报送日期而又晚于本期开始日期的情况需要核对原始凭证后再作判断处理";
    expect(briefing.reasonHead(long)).toBe(`${long.slice(0, 30)}…`);
  });
});

describe("an as-of date before the policy was issued", () => {
  it("is said on the pages that count by it (总览, 目标进度, 报送情况), as on the briefing; nothing on or after the day", () => {
    expect(text(format.beforeIssueNote("2017-09-08", "2017-03-01"))).toBe("判断日期 2017年3月1日 早于本政策的发文日期 2017年9月8日：本页各项不是对执行情况的评价。");
    expect(format.beforeIssueNote("2017-09-08", "2017-09-08")).toBe("");
    expect(format.beforeIssueNote("2017-09-08", "2018-06-30")).toBe("");
    expect(format.beforeIssueNote(undefined, "2017-03-01")).toBe("");
  });
});

describe("二、进度滞后的任务", () => {
  it("gives a deadline written without a year its date, and an overdue task how long ago it passed", () => {
    expect(format.deadlineZh("年内", "2017-12-31", "2019-01-10")).toBe("年内（2017年12月31日，已逾期 12 个月）");
    expect(format.deadlineZh("9月底前", "2017-09-30", "2017-10-31")).toBe("9月底前（2017年9月30日，已逾期 1 个月）");
    expect(format.deadlineZh("2017年10月底前", "2017-10-31", "2017-11-20")).toBe("2017年10月底前（已逾期 20 天）");
    expect(format.deadlineZh("年内", "2017-12-31", null)).toBe("年内（2017年12月31日）");
    expect(format.deadlineZh("2017年10月底前", "2017-10-31", null)).toBe("2017年10月底前");
    expect(format.deadlineZh("持续推进", null, "2019-01-10")).toBe("持续推进");
    const task = { policy_id: POLICY, row_no: 5, title: "某任务", lead_departments: ["市经信局"], coop_departments: [], deadline_text: "年内", deadline: "2017-12-31", task_status: "overdue" };
    expect(text(briefing.behindList([task], [], { asOf: "2019-01-10" }))).toContain("时限：年内（2017年12月31日，已逾期 12 个月）");
    expect(text(briefing.behindList([{ ...task, task_status: "lagging" }], [], { asOf: "2017-11-10" }))).toContain("时限：年内（2017年12月31日））");
  });

  it("quotes what the department last wrote in 进展情况 beside a behind target, with its month; a long note cut at a clause", () => {
    // (the loader gives every behind target its latest note, or null: a placeholder, 推进中, is none)
    expect(data.targets.length).toBeGreaterThan(0);
    for (const t of data.targets) expect(t).toHaveProperty("latest_note");
    const noteOf = (code: string) => data.targets.filter((t) => t.code === code).map((t) => [t.latest_note, t.note_period]);
    expect(noteOf("CX75-17-02")).toEqual([["已到位15亿元，部分基金尚在募集", "2017-11"]]);
    expect(noteOf("CX75-06-01")).toEqual([[null, null]]);
    const t = data.targets[0]!;
    const said = text(briefing.targetSentence({ ...t, latest_note: "本月新增2家，累计86家；进度滞后，正加快推进", note_period: "2017-11" }));
    expect(said).toContain("报送单位说明（2017-11）：“本月新增2家，累计86家；进度滞后，正加快推进”");
    expect(text(briefing.targetSentence({ ...t, latest_note: null, note_period: null }))).not.toContain("报送单位说明");
    const long = "已完成前期调研和方案编制工作，正在征求各镇街意见，预计下月提交市政府常务会议审议；因部分企业投资计划调整，项目开工时间推迟，正在协调解决用地指标问题";
    expect(briefing.noteHead(long)).toBe("已完成前期调研和方案编制工作，正在征求各镇街意见，预计下月提交市政府常务会议审议…");
  });
});

describe("三、报送情况", () => {
  it("counts a department's missing and late reports in months, not as a length of delay", () => {
    const departments = data.departments.filter((d) => d.policy_id === POLICY);
    const s = text(briefing.reportingParagraph(departments, { asOf: data.as_of }));
    // owed from the policy's month: September, October and November; it sent October only
    expect(s).toContain("市经信局（2 个月份未报）");
    expect(s).not.toMatch(/逾期 \d+ 个月/);
    expect(text(briefing.reportingParagraph([{ name: "某局", months_owed: 3, months_missing: 0, months_late: 2, months_returned: 0 }], { asOf: "2018-01-10" })))
      .toContain("某局（2 个月份的报送晚于期限）");
  });
});

describe("各月报送 (task and department pages)", () => {
  it("gives a rejected row for a month after the last one due and any accepted (2018-11 typed for 2017-11) no column of its own", () => {
    const history = ["2017-09", "2017-10", "2017-12"].map((period) => ({ code: "CX75-26-01", department_name: "市商务局", period, value: 1, status: null, note: null, flagged: false, versions: 1, file: "f.csv" }));
    const returned = [{ code: "CX75-26-01", department_name: "市商务局", period: "2018-11", file: "typo.csv" }, { code: "CX75-26-01", department_name: "市商务局", period: "2017-11", file: "bad.csv" }];
    const table = progress.reportHistory(history, { returned, through: "2018-06" }) as HTMLElement;
    const heads = [...table.querySelectorAll("th")].map((th) => th.textContent).slice(2);
    expect(heads[0]).toBe("2017-09");
    expect(heads.at(-1)).toBe("2018-06");
    expect(heads).toHaveLength(10);
    // (the month before, refused and not sent again, is 退回)
    expect([...table.querySelectorAll("td")].map((td) => td.textContent)[2 + 2]).toBe("退回");
  });

  it("marks a month with nothing sent — (not reported), and one after the target was done · (nothing owed)", () => {
    const history = ["2017-09", "2017-11"].map((period) => ({ code: "CX75-26-01", department_name: "市商务局", period, value: 1, status: null, note: null, flagged: false, versions: 1, file: "f.csv" }));
    const cells = (done?: Map<string, string>) => {
      const table = progress.reportHistory(history, { through: "2018-01", ...(done ? { done } : {}) }) as HTMLElement;
      return [...table.querySelectorAll("td")].map((td) => td.textContent).slice(2);
    };
    expect(cells()).toEqual(["1", "—", "1", "—", "—"]);
    expect(cells(new Map([["CX75-26-01|市商务局", "2017-11"]]))).toEqual(["1", "—", "1", "·", "·"]);
  });
});
