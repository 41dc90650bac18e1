// The supervision briefing's views (task_progress, department_briefing) against a hand count: a few figures for the
// rows led by 市科技局 (rows 8 and 23, increment targets counted from 2017-01-01, due 2017-12-31), judged at two dates.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../src/build.js";
import { loadMonthlyFile } from "../src/monthly.js";
import { openWarehouse, query, setAsOf, type Warehouse } from "../src/warehouse.js";
import { copyData } from "./support/fixtures.js";

const HEADER = "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期";
let wh: Warehouse;
const sql = async (text: string, params: string[] = []) => (await query(wh.connection, text, params)).rows;

beforeAll(async () => {
  const f = copyData();
  const db = join(f.dir, "w.duckdb");
  await buildWarehouse({ data: f.data, db });
  wh = await openWarehouse(db, { readOnly: false });
  const lines = [
    "市科技局,CX75-08-01,2017-10,5,个,,,,", // target 5 个: done
    "市科技局,CX75-08-02,2017-10,1,家,,,,", // target 2 家: 50 %
    "市科技局,CX75-23-01,2017-10,3,个,,,,", // target 3 个: done
    "市科技局,CX75-23-02,2017-10,4,个,,,,", // target 5 个: 80 %
  ];
  await loadMonthlyFile(wh.connection, { name: "kjj-2017-10.csv", bytes: Buffer.from([HEADER, ...lines].join("\n")), asOf: "2017-11-20", receivedAt: "2017-11-03 10:00:00", archiveName: null });
  // 周巷镇's 智能经济服务中心 (no deadline), 市经信局's recurring activity (CX75-21-03, 常态化) and one milestone of row 21
  // (CX75-21-03 reported through its deadline month; CX75-38-01, recurring too, only in 2017-10)
  const others = ["周巷镇,CX75-03-01,2017-10,0,个,,,,", "市经信局,CX75-21-03,2017-10,26,,,,,", "市经信局,CX75-21-01,2017-10,,,推进中,,,", "市经信局,CX75-38-01,2017-10,3,,,,,"];
  await loadMonthlyFile(wh.connection, { name: "others-2017-10.csv", bytes: Buffer.from([HEADER, ...others].join("\n")), asOf: "2017-11-20", receivedAt: "2017-11-03 11:00:00", archiveName: null });
  const december = [HEADER, "市经信局,CX75-21-03,2017-12,30,,,,,"].join("\n");
  const dec = await loadMonthlyFile(wh.connection, { name: "jxj-2017-12.csv", bytes: Buffer.from(december), asOf: "2018-01-31", receivedAt: "2018-01-03 11:00:00", archiveName: null });
  if (dec.rejected > 0) throw new Error(JSON.stringify(dec.rejects));
  return () => wh.close();
});

const row = async (rowNo: number) =>
  (await sql(`SELECT pairs, done, on_track, lagging, overdue, not_reported, worst_gap, task_status FROM task_progress WHERE policy_id = 'cixi-2017-75' AND row_no = ${rowNo}`))[0];

describe("task_progress", () => {
  it("rolls a task's targets up to its worst status, judged against the time-elapsed schedule", async () => {
    // 2017-11-20: the 2017-10 figures are compared with the schedule at 31 October (the last month due): 303 of 364
    // days = 0.832; lagging means more than 10 points behind (below 0.732)
    await setAsOf(wh.connection, "2017-11-20");
    expect(await row(8)).toEqual({ pairs: 2, done: 1, on_track: 0, lagging: 1, overdue: 0, not_reported: 0, worst_gap: 0.3324, task_status: "lagging" });
    expect(await row(23)).toEqual({ pairs: 2, done: 1, on_track: 1, lagging: 0, overdue: 0, not_reported: 0, worst_gap: null, task_status: "on_track" });
    expect((await row(16))!.task_status).toBe("not_reported"); // 市金融办's milestone, nothing reported yet
    expect((await row(7))!.task_status).toBe("no_target"); // row 7 has no quantified target
  });

  it("turns unfinished tasks overdue once the deadline has passed", async () => {
    await setAsOf(wh.connection, "2018-01-10");
    expect(await row(8)).toMatchObject({ done: 1, overdue: 1, task_status: "overdue" });
    expect(await row(23)).toMatchObject({ done: 1, overdue: 1, task_status: "overdue" });
  });

  it("calls a target overdue once the report of its deadline's month is due, and one reached after that month done late", async () => {
    const target = async () => (await sql(`SELECT latest_period, schedule_date, progress_status, done_period FROM target_progress WHERE code = 'CX75-23-02'`))[0]!;
    // 2018-01-04: the 2017-12 report is due on the 5th; 80 % in 2017-10 against 91.5 % at 30 November (the last month due)
    await setAsOf(wh.connection, "2018-01-04");
    expect(await target()).toMatchObject({ latest_period: "2017-10", progress_status: "lagging", done_period: null });
    expect(String((await target()).schedule_date)).toBe("2017-11-30");
    await setAsOf(wh.connection, "2018-01-05");
    expect((await target()).progress_status).toBe("overdue");
    // 5 of 5 reached in 2018-01, a month after the deadline's
    const january = [HEADER, "市科技局,CX75-23-02,2018-01,5,个,,,,"].join("\n");
    const r = await loadMonthlyFile(wh.connection, { name: "kjj-2018-01.csv", bytes: Buffer.from(january), asOf: "2018-02-28", receivedAt: "2018-02-02 10:00:00", archiveName: null });
    expect(r.rejected).toBe(0);
    await setAsOf(wh.connection, "2018-02-10");
    expect(await target()).toMatchObject({ progress_status: "done_late", done_period: "2018-01" });
    expect(await sql(`SELECT done, done_late, overdue, task_status FROM task_progress WHERE policy_id = 'cixi-2017-75' AND row_no = 23`))
      .toEqual([{ done: 1, done_late: 1, overdue: 0, task_status: "done_late" }]);
    // CX75-08-01 reached its 5 in 2017-10, within its deadline's year: done
    expect((await sql(`SELECT progress_status FROM target_progress WHERE code = 'CX75-08-01'`))[0]!.progress_status).toBe("done");
  });
});

describe("targets no schedule can judge", () => {
  const status = async (code: string, department: string) =>
    (await sql(`SELECT progress_status FROM target_progress WHERE code = $1 AND department_name = $2`, [code, department]))[0]!.progress_status;

  it("a reported target without a deadline is no_deadline, never on track however far behind; unreported it stays not_reported", async () => {
    for (const asOf of ["2017-11-20", "2019-01-10"]) {
      await setAsOf(wh.connection, asOf);
      expect(await status("CX75-03-01", "周巷镇"), asOf).toBe("no_deadline");
      expect(await status("CX75-03-01", "坎墩街道"), asOf).toBe("not_reported");
    }
  });

  it("a recurring activity reported lately is ongoing (it has no end to reach); done once its term is over if reported through it; reports that stopped before it, overdue", async () => {
    await setAsOf(wh.connection, "2017-11-20");
    expect(await status("CX75-21-03", "市经信局")).toBe("ongoing");
    expect(await status("CX75-38-01", "市经信局")).toBe("ongoing"); // 2017-10 reported: the last month due
    await setAsOf(wh.connection, "2018-01-20");
    expect(await status("CX75-38-01", "市经信局")).toBe("overdue"); // nothing since 2017-10, deadline passed
    await setAsOf(wh.connection, "2019-01-10");
    expect(await status("CX75-21-03", "市经信局")).toBe("done"); // reported through 2017-12, its deadline month: its term is over
    expect(await status("CX75-21-01", "市经信局")).toBe("overdue"); // the milestone beside it, 推进中 past its deadline
    const [r21] = await sql(`SELECT pairs, done, ongoing, overdue, task_status FROM task_progress WHERE policy_id = 'cixi-2017-75' AND row_no = 21`);
    expect(r21).toMatchObject({ pairs: 3, done: 1, ongoing: 0, task_status: "overdue" });
    const [r3] = await sql(`SELECT no_deadline, not_reported, task_status FROM task_progress WHERE policy_id = 'cixi-2017-75' AND row_no = 3`);
    expect(r3).toMatchObject({ no_deadline: 1, task_status: "not_reported" });
  });

  it("a recurring duty reported 已完成 has done that month's round, not the duty: it stays ongoing, then overdue, and owed every month", async () => {
    const owed = async () => {
      await setAsOf(wh.connection, "2018-01-20");
      return (await sql("SELECT period, owed_targets FROM reporting_calendar WHERE department_name = '市经信局' ORDER BY period")).map((o) => `${o.period}:${o.owed_targets}`);
    };
    const before = await owed();
    const file = [HEADER, "市经信局,CX75-38-02,2017-09,,,已完成,本月督查一次,,"].join("\n");
    const r = await loadMonthlyFile(wh.connection, { name: "jxj-2017-09.csv", bytes: Buffer.from(file), asOf: "2017-10-20", receivedAt: "2017-10-03 11:00:00", archiveName: null });
    expect(r.rejected).toBe(0);
    await setAsOf(wh.connection, "2017-10-20");
    expect(await status("CX75-38-02", "市经信局")).toBe("ongoing");
    await setAsOf(wh.connection, "2018-01-20");
    expect(await status("CX75-38-02", "市经信局")).toBe("overdue"); // nothing since 2017-09, deadline passed
    // still owed in the months after the one reported 已完成 (until its deadline month), unlike a milestone
    expect(await owed()).toEqual(before);
    expect(before.length).toBeGreaterThan(3);
  });
});

describe("reporting_calendar", () => {
  it("stops owing a quantity once reported at its value, whether or not the target states a comparator (5个 has none, 3个以上 has)", async () => {
    await setAsOf(wh.connection, "2018-01-20");
    const owed = Object.fromEntries((await sql("SELECT period, owed_targets FROM reporting_calendar WHERE department_name = '市科技局'")).map((r) => [r.period, Number(r.owed_targets)]));
    // CX75-08-01 (5 个, no comparator) and CX75-23-01 (3 个以上) were reached in 2017-10: owed that month, not after
    expect(owed["2017-10"]! - owed["2017-11"]!).toBe(2);
  });
});

describe("department_briefing", () => {
  // 市科技局 leads rows 2, 8, 23, 26, 34 and cooperates on rows 1, 12, 32 (accountable assignments); only rows 8 and 23 have figures
  const kjj = async () =>
    (await sql(`SELECT tasks_led, tasks_cooperated, led_behind, cooperated_behind, pairs_done, pairs_lagging FROM department_briefing WHERE name = '市科技局'`))[0];

  it("counts the tasks a department answers for and how many of them are behind, at the as-of date", async () => {
    await setAsOf(wh.connection, "2017-11-20");
    expect(await kjj()).toEqual({ tasks_led: 5, tasks_cooperated: 3, led_behind: 1, cooperated_behind: 0, pairs_done: 2, pairs_lagging: 1 });
    await setAsOf(wh.connection, "2018-01-10");
    expect(await kjj()).toEqual({ tasks_led: 5, tasks_cooperated: 3, led_behind: 5, cooperated_behind: 3, pairs_done: 2, pairs_lagging: 0 });
  });

  it("gives each member of a group (各镇(街道、园区), 19 towns) the group's tasks as tasks_via_groups, counted for the group alone in tasks_led", async () => {
    const towns = await sql(`SELECT b.tasks_led, b.tasks_via_groups FROM department_briefing b JOIN group_members m ON m.member_id = b.department_id
      WHERE m.group_name = '各镇(街道、园区)'`);
    expect(towns.length).toBe(19);
    expect(towns.every((t) => Number(t.tasks_via_groups) === 1)).toBe(true);
    const [group] = await sql(`SELECT tasks_led, tasks_via_groups FROM department_briefing WHERE name = '各镇(街道、园区)'`);
    expect(group).toEqual({ tasks_led: 1, tasks_via_groups: 0 });
  });

  it("agrees with department_workload on the task counts of every department", async () => {
    const differing = await sql(`SELECT b.name FROM department_briefing b JOIN department_workload w USING (department_id)
      WHERE b.tasks_led <> w.rows_led OR b.tasks_cooperated <> w.rows_cooperated`);
    expect(differing).toEqual([]);
    expect((await sql("SELECT count(*) AS n FROM department_briefing"))[0]!.n).toBe((await sql("SELECT count(*) AS n FROM departments"))[0]!.n);
  });
});
