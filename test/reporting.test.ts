import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadMonthlyFile } from "../src/monthly.js";
import { readCalendar } from "../src/calendar.js";
import { PACKAGE_ROOT } from "../src/paths.js";
import { buildWarehouse } from "../src/build.js";
import { openWarehouse, query, setAsOf, type Warehouse } from "../src/warehouse.js";
import { copyData, edit } from "./support/fixtures.js";

const HEADER = "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期";
let wh: Warehouse;

beforeAll(async () => {
  const f = copyData();
  const db = join(f.dir, "w.duckdb");
  await buildWarehouse({ data: f.data, db });
  wh = await openWarehouse(db, { readOnly: false });
  // 市科技局 reports CX75-08-01/02, CX75-23-01/02 …; 市金融办 CX75-15-xx …; receipts below are the hand-counted facts
  const load = (name: string, receivedAt: string, lines: string[]) =>
    loadMonthlyFile(wh.connection, { name, bytes: Buffer.from([HEADER, ...lines].join("\n")), asOf: "2018-01-31", receivedAt, archiveName: null });
  await load("kjj-2017-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,2,个,,,,", "市科技局,CX75-23-01,2017-10,1,个,,,,"]);
  await load("kjj-2017-11.csv", "2017-12-08 10:00:00", ["市科技局,CX75-08-01,2017-11,3,个,,,,"]); // late (after the 5th)
  // 市科技局 sends nothing for 2017-12 → missing
  await load("jrb-2017-10.csv", "2017-11-05 23:00:00", ["市金融办,CX75-16-01,2017-10,,,推进中,,,"]); // on the 5th: on time
  await load("jrb-2017-11.csv", "2017-12-01 09:00:00", ["市金融办,CX75-16-01,2017-11,,,推进中,,,"]);
  await load("jrb-2017-12.csv", "2018-01-09 09:00:00", ["市金融办,CX75-16-01,2017-12,,,已完成,,,"]); // late
  return () => wh.close();
});

/**
 * A warehouse of its own (the fixture, changed first by `prepare`), open for writing while `use` runs, with a loader
 * of one monthly file (its lines under the standard header) received at a given time.
 */
async function withOwnWarehouse(
  prepare: (f: ReturnType<typeof copyData>) => void,
  use: (w: Warehouse, load: (name: string, receivedAt: string, lines: string[], asOf: string) => ReturnType<typeof loadMonthlyFile>, db: string) => Promise<void>,
): Promise<void> {
  const f = copyData();
  prepare(f);
  const db = join(f.dir, "w.duckdb");
  await buildWarehouse({ data: f.data, db });
  const w = await openWarehouse(db, { readOnly: false });
  try {
    await use(w, (name, receivedAt, lines, asOf) =>
      loadMonthlyFile(w.connection, { name, bytes: Buffer.from([HEADER, ...lines].join("\n")), asOf, receivedAt, archiveName: null }), db);
  } finally {
    w.close();
  }
}

describe("reporting calendar and rates", () => {
  it("equal a hand count of the receipt times for two departments over three months", async () => {
    await setAsOf(wh.connection, "2018-01-20");
    const calendar = (await query(wh.connection, `SELECT department_name, period, status FROM reporting_calendar
      WHERE department_name IN ('市科技局', '市金融办') AND period BETWEEN '2017-10' AND '2017-12' ORDER BY 1, 2`)).rows;
    expect(calendar).toEqual([
      { department_name: "市科技局", period: "2017-10", status: "on_time" },
      { department_name: "市科技局", period: "2017-11", status: "late" },
      { department_name: "市科技局", period: "2017-12", status: "missing" },
      { department_name: "市金融办", period: "2017-10", status: "on_time" },
      { department_name: "市金融办", period: "2017-11", status: "on_time" },
      { department_name: "市金融办", period: "2017-12", status: "late" },
    ]);
    const rates = (await query(wh.connection, `SELECT department_name, months_owed, months_received, months_on_time, months_late, months_missing
      FROM reporting_rates WHERE department_name IN ('市科技局', '市金融办') ORDER BY 1`)).rows;
    // owed months: 2017-09 … 2017-12 (four months due by 2018-01-20); 2017-09 was reported by neither
    expect(rates).toEqual([
      { department_name: "市科技局", months_owed: 4, months_received: 2, months_on_time: 1, months_late: 1, months_missing: 2 },
      { department_name: "市金融办", months_owed: 4, months_received: 3, months_on_time: 2, months_late: 1, months_missing: 1 },
    ]);
  });

  it("a month sent before its report is due is not owed yet: neither owed nor received until its due day", async () => {
    // 市金融办 sent 2017-11 on 2017-12-01, due in December's first days
    await setAsOf(wh.connection, "2017-12-02");
    const [early] = (await query(wh.connection, "SELECT status, due_at > TIMESTAMP '2017-12-02 23:59:59' AS later FROM reporting_calendar WHERE department_name = '市金融办' AND period = '2017-11'")).rows;
    expect(early).toEqual({ status: "on_time", later: true });
    const rate = async () => (await query(wh.connection, "SELECT months_owed, months_received, reporting_rate FROM reporting_rates WHERE department_name = '市金融办'")).rows[0];
    // owed: 2017-09 (never sent) and 2017-10 (on time)
    expect(await rate()).toEqual({ months_owed: 2, months_received: 1, reporting_rate: 0.5 });
    await setAsOf(wh.connection, "2017-12-10");
    expect(await rate()).toEqual({ months_owed: 3, months_received: 2, reporting_rate: 0.6667 });
  });

  it("stops owing a milestone once it is reported done, and judges by the as-of date", async () => {
    // 市金融办 reports one target (CX75-16-01, first lead of row 16), reported 已完成 for 2017-12
    await setAsOf(wh.connection, "2018-03-20");
    const months = (await query(wh.connection, "SELECT period, owed_targets FROM reporting_calendar WHERE department_name = '市金融办' ORDER BY period")).rows;
    expect(months.map((m) => m.period)).toEqual(["2017-09", "2017-10", "2017-11", "2017-12"]);
    await setAsOf(wh.connection, "2018-01-03");
    const [dec] = (await query(wh.connection, "SELECT status FROM reporting_calendar WHERE department_name = '市科技局' AND period = '2017-12'")).rows;
    expect(dec!.status).toBe("not_due"); // due 2018-01-05
  });
});

describe("what is known at the as-of date", () => {
  it("leaves out every file received after that day: current figures, history, receipts, the calendar and progress", async () => {
    // 市金融办's 2017-12 file arrived on 2018-01-09 09:00; before that day it was not there
    const seen = async (asOf: string) => {
      await setAsOf(wh.connection, asOf);
      const one = async (sql: string) => (await query(wh.connection, sql)).rows[0]!;
      return {
        current: await one("SELECT count(*) AS n FROM observations WHERE department_name = '市金融办' AND period = '2017-12'"),
        history: await one("SELECT count(*) AS n FROM observation_history WHERE department_name = '市金融办' AND period = '2017-12'"),
        receipts: await one("SELECT count(*) AS n FROM receipts WHERE original_name = 'jrb-2017-12.csv'"),
        calendar: await one("SELECT status FROM reporting_calendar WHERE department_name = '市金融办' AND period = '2017-12'"),
        progress: await one("SELECT latest_status FROM target_progress WHERE code = 'CX75-16-01' AND department_name = '市金融办'"),
      };
    };
    expect(await seen("2018-01-08")).toEqual({ current: { n: 0 }, history: { n: 0 }, receipts: { n: 0 }, calendar: { status: "missing" }, progress: { latest_status: "in_progress" } });
    // received during the as-of day itself: known that day
    expect(await seen("2018-01-09")).toEqual({ current: { n: 1 }, history: { n: 1 }, receipts: { n: 1 }, calendar: { status: "late" }, progress: { latest_status: "done" } });
  });

  it("a load compares its rows with every figure loaded, whatever the session's as-of date", async () => {
    // judged at 2018-01-08 the 2017-12 figure is not known yet; a file sending it again (another 填报人) still finds it unchanged
    await setAsOf(wh.connection, "2018-01-08");
    const again = await loadMonthlyFile(wh.connection, {
      name: "jrb-2017-12-again.csv", bytes: Buffer.from([HEADER, "市金融办,CX75-16-01,2017-12,,,已完成,,重报人,"].join("\n")), asOf: "2018-01-31",
      receivedAt: "2018-01-20 09:00:00", archiveName: null, dryRun: true,
    });
    expect(again).toMatchObject({ status: "dry_run", imported: 0, updated: 0, unchanged: 1 });
  });
});

describe("target progress against the time-elapsed schedule", () => {
  it("compares the latest figure with the share of time elapsed at the end of the month it is compared for", async () => {
    await setAsOf(wh.connection, "2017-12-10");
    const [row] = (await query(wh.connection, "SELECT latest_value, target_value, progress, schedule_date, elapsed, progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows;
    // 5个 by 2017-12-31 counted from 2017-01-01; 3 reported for 2017-11 (the last month due by 2017-12-10) → 60 %
    // against 91.5 % of the year elapsed at 30 November, not the 94.2 % at the day it is read
    expect(row!.latest_value).toBe(3);
    expect(row!.progress).toBeCloseTo(0.6, 5);
    expect(String(row!.schedule_date)).toBe("2017-11-30");
    expect(row!.elapsed).toBeCloseTo(333 / 364, 5);
    expect(row!.progress_status).toBe("lagging");
    // on 2017-11-20 the 2017-11 figure had not arrived (received 2017-12-08): the latest known is 2017-10's
    await setAsOf(wh.connection, "2017-11-20");
    const [before] = (await query(wh.connection, "SELECT latest_period, latest_value FROM target_progress WHERE code = 'CX75-08-01'")).rows;
    expect(before).toEqual({ latest_period: "2017-10", latest_value: 2 });
    await setAsOf(wh.connection, "2018-02-01");
    const [later] = (await query(wh.connection, "SELECT progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows;
    expect(later!.progress_status).toBe("overdue");
    const [done] = (await query(wh.connection, "SELECT progress_status FROM target_progress WHERE code = 'CX75-16-01'")).rows;
    expect(done!.progress_status).toBe("done");
  });
});

describe("a count per period", () => {
  it("adds up over the periods to its deadline: 每季度 5个 by the year's end is 20, and 12 reported is 60 %, not done", async () => {
    const f = copyData();
    edit(f.policyDir, "targets.csv", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,,,人才和团队,,", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,,,人才和团队,每季度,");
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const w = await openWarehouse(db, { readOnly: false });
    try {
      const [target] = (await query(w.connection, "SELECT value, frequency, goal FROM targets WHERE code = 'CX75-08-01'")).rows;
      expect(target).toEqual({ value: 5, frequency: "每季度", goal: 20 });
      await loadMonthlyFile(w.connection, { name: "kjj.csv", bytes: Buffer.from([HEADER, "市科技局,CX75-08-01,2017-10,12,个,,,,"].join("\n")), asOf: "2017-11-10", receivedAt: "2017-11-03 10:00:00", archiveName: null });
      await setAsOf(w.connection, "2017-11-10");
      const [row] = (await query(w.connection, "SELECT target_value, goal, progress, progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows;
      expect(row).toMatchObject({ target_value: 5, goal: 20, progress_status: "lagging" });
      expect(row!.progress).toBeCloseTo(0.6, 5);
      // still owed in 2017-11 (against a one-off 5个, 12 would have ended it in 2017-10)
      const [reported] = (await query(w.connection, "SELECT count(*) AS n FROM target_reporters WHERE department_name = '市科技局'")).rows;
      const [calendar] = (await query(w.connection, "SELECT owed_targets FROM reporting_calendar WHERE department_name = '市科技局' AND period = '2017-11'")).rows;
      expect(Number(calendar!.owed_targets)).toBe(Number(reported!.n));
    } finally {
      w.close();
    }
  });
});

describe("a rejected row and what came after it (rejects)", () => {
  it("is corrected by the same month sent again; a later month of the target sent since stands in for it (superseded_by_period); a month after the target was done is owed no more (target_done_period)", async () => {
    await withOwnWarehouse(() => {}, async (w, load) => {
      await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,两个,个,,,,", "市科技局,CX75-23-01,2017-10,一,个,,,,"], "2017-12-31");
      const rows = async () => (await query(w.connection, "SELECT target_code, period, corrected_by, superseded_by_period FROM rejects WHERE period < '2017-12' ORDER BY target_code")).rows;
      expect(await rows()).toEqual([
        { target_code: "CX75-08-01", period: "2017-10", corrected_by: null, superseded_by_period: null },
        { target_code: "CX75-23-01", period: "2017-10", corrected_by: null, superseded_by_period: null },
      ]);
      // October of CX75-08-01 sent again; November of CX75-23-01 only
      await load("kjj-11.csv", "2017-12-04 10:00:00", ["市科技局,CX75-08-01,2017-10,2,个,,,,", "市科技局,CX75-08-01,2017-11,3,个,,,,", "市科技局,CX75-23-01,2017-11,1,个,,,,"], "2017-12-31");
      await setAsOf(w.connection, "2017-12-31");
      expect(await rows()).toEqual([
        { target_code: "CX75-08-01", period: "2017-10", corrected_by: "kjj-11.csv", superseded_by_period: null },
        { target_code: "CX75-23-01", period: "2017-10", corrected_by: null, superseded_by_period: "2017-11" },
      ]);
      // (not yet at a date before the later file came)
      await setAsOf(w.connection, "2017-12-01");
      expect((await rows()).map((r) => r.superseded_by_period)).toEqual([null, null]);
      // a row pasted twice: the copy's month was loaded from the row it copies
      await load("kjj-11b.csv", "2017-12-05 10:00:00", ["市科技局,CX75-23-02,2017-11,1,个,,,,", "市科技局,CX75-23-02,2017-11,1,个,,,,"], "2017-12-31");
      await setAsOf(w.connection, "2017-12-31");
      expect((await query(w.connection, "SELECT code, period, superseded_by_period FROM rejects WHERE target_code = 'CX75-23-02'")).rows)
        .toEqual([{ code: "E_DUPLICATE_ROW", period: "2017-11", superseded_by_period: "2017-11" }]);
      // …also when the row repeats the figure loaded before (unchanged, so not stored again)
      // (another row beside it, so that the file is not the same bytes as the one before)
      await load("kjj-11c.csv", "2017-12-06 10:00:00", ["市科技局,CX75-23-02,2017-11,1,个,,,,", "市科技局,CX75-23-02,2017-11,1,个,,,,", "市科技局,CX75-23-01,2017-11,1,个,,,,"], "2017-12-31");
      expect((await query(w.connection, "SELECT superseded_by_period FROM rejects WHERE target_code = 'CX75-23-02' ORDER BY receipt_no")).rows)
        .toEqual([{ superseded_by_period: "2017-11" }, { superseded_by_period: "2017-11" }]);
      // CX75-08-01 reached (5个) in December: a row of January rejected after it is of a month owed no more
      await load("kjj-12.csv", "2018-01-04 10:00:00", ["市科技局,CX75-08-01,2017-12,5,个,,,,"], "2018-01-31");
      await load("kjj-01.csv", "2018-02-04 10:00:00", ["市科技局,CX75-08-01,2018-01,五,个,,,,"], "2018-02-28");
      await setAsOf(w.connection, "2018-02-10");
      expect((await query(w.connection, "SELECT period, superseded_by_period, target_done_period FROM rejects WHERE target_code = 'CX75-08-01' ORDER BY period")).rows).toEqual([
        { period: "2017-10", superseded_by_period: null, target_done_period: null },
        { period: "2018-01", superseded_by_period: null, target_done_period: "2017-12" },
      ]);
      // the deadline's own month (CX75-23-01, due 2017-12-31) rejected: a month after it does not stand in for it,
      // since December says whether the target was done in time
      await load("kjj-12b.csv", "2018-01-05 10:00:00", ["市科技局,CX75-23-01,2017-12,二,个,,,,"], "2018-01-31");
      await load("kjj-01b.csv", "2018-02-05 10:00:00", ["市科技局,CX75-23-01,2018-01,2,个,,,,"], "2018-02-28");
      await setAsOf(w.connection, "2018-02-10");
      expect((await query(w.connection, "SELECT period, superseded_by_period FROM rejects WHERE target_code = 'CX75-23-01' ORDER BY period")).rows).toEqual([
        { period: "2017-10", superseded_by_period: "2018-01" },
        { period: "2017-12", superseded_by_period: null },
      ]);
    });
  });
});

describe("a duty of each quarter (每季度开展一次督查)", () => {
  it("is owed for the month its quarter ends only, and is reported lately while its last quarter due is in", async () => {
    const row = "CX75-38-02,published,38,recurring,,,,,,,,,,对相关责任部门的工作进展情况进行督查,定期,";
    await withOwnWarehouse((f) => edit(f.policyDir, "targets.csv", row, row.replace(",定期,", ",每季度,")), async (w, load) => {
      const [target] = (await query(w.connection, "SELECT frequency, period_months FROM targets WHERE code = 'CX75-38-02'")).rows;
      expect(target).toEqual({ frequency: "每季度", period_months: 3 });
      await setAsOf(w.connection, "2018-01-10");
      const owed = (await query(w.connection, `SELECT period, owed_targets FROM reporting_calendar WHERE department_name = '市经信局'
        AND period BETWEEN '2017-09' AND '2017-12' ORDER BY period`)).rows.map((r) => [r.period, Number(r.owed_targets)]);
      const n = owed[0]![1] as number;
      // (September and December end a quarter: owed then, not in October or November)
      expect(owed).toEqual([["2017-09", n], ["2017-10", n - 1], ["2017-11", n - 1], ["2017-12", n]]);
      await load("jxj-q3.csv", "2017-10-05 09:00:00", ["市经信局,CX75-38-02,2017-09,,,推进中,开展第三季度督查,,"], "2017-10-10");
      const status = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT progress_status FROM target_progress WHERE code = 'CX75-38-02'")).rows[0]!.progress_status;
      };
      // the third quarter's report is the last due in December and January: kept up; not February's (the fourth's, due)
      expect(await status("2017-12-10")).toBe("ongoing");
      expect(await status("2018-01-10")).toBe("ongoing");
      expect(await status("2018-02-10")).not.toBe("ongoing");
    });
  });
});

describe("a duty of each year or quarter, judged by the months its periods end", () => {
  it("is not due before its first period ends (每年: 2017-12), and done when reported through its last period end on or before its deadline (每季度 by 11月底前: 2017-09)", async () => {
    const quarterly = "CX75-38-02,published,38,recurring,,,,,,,,,,对相关责任部门的工作进展情况进行督查,定期,";
    const yearly = "CX75-38-01,published,38,recurring,,,,,,,,,,通报智能经济八大工程进展情况,每半个月,";
    await withOwnWarehouse((f) => {
      edit(f.policyDir, "targets.csv", quarterly, quarterly.replace(",定期,", ",每季度,"));
      edit(f.policyDir, "targets.csv", yearly, yearly.replace(",每半个月,", ",每年,"));
      edit(f.policyDir, "tasks.csv", ",年内,2017-12-31,146", ",11月底前,2017-11-30,146");
    }, async (w, load) => {
      const status = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return Object.fromEntries((await query(w.connection, "SELECT code, progress_status FROM target_progress WHERE code IN ('CX75-38-01', 'CX75-38-02')")).rows.map((r) => [r.code, r.progress_status]));
      };
      // (nothing reported: the yearly report is first owed for December; the quarterly for September, due in October)
      expect(await status("2017-11-10")).toEqual({ "CX75-38-01": "not_due", "CX75-38-02": "not_reported" });
      await load("jxj-q3.csv", "2017-10-05 09:00:00", ["市经信局,CX75-38-02,2017-09,,,推进中,开展第三季度督查,,"], "2017-10-10");
      // the third quarter is the last to end by the deadline (11月底前): reported, the duty is done once its term is over
      expect((await status("2018-01-10"))["CX75-38-02"]).toBe("done");
    });
  });
});

describe("a count per period (每年新增工业机器人200台 to 2019: 600)", () => {
  it("lags once short of the periods ended by 10 points of one period's value; within a period the whole's schedule judges it", async () => {
    await withOwnWarehouse((f) => {
      edit(f.policyDir, "targets.csv", "工业机器人,,,2017-01-01,", "工业机器人,每年,,2017-01-01,");
      edit(f.policyDir, "tasks.csv", ",年内,2017-12-31,133", ",2019年底前,2019-12-31,133");
    }, async (w, load) => {
      const progress = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT goal, round(progress, 2) AS progress, round(elapsed, 2) AS elapsed, progress_status FROM target_progress WHERE code = 'CX75-27-02'")).rows[0];
      };
      // within the first year: 120 of 600 in September against a schedule of 25%: within 10 points, on track (the
      // year's 200 may come at its end)
      await load("jxj-09.csv", "2017-10-05 09:00:00", ["市经信局,CX75-27-02,2017-09,120,台,,,,"], "2017-10-10");
      expect(await progress("2017-10-10")).toEqual({ goal: 600, progress: 0.2, elapsed: 0.25, progress_status: "on_track" });
      // the first year ended: 170 of its 200 is short by 15% of a year's value, though 28% of the whole stands within
      // 10 points of a 33% schedule
      await load("jxj-12.csv", "2018-01-05 09:00:00", ["市经信局,CX75-27-02,2017-12,170,台,,,,"], "2018-01-10");
      expect(await progress("2018-01-10")).toEqual({ goal: 600, progress: 0.28, elapsed: 0.33, progress_status: "lagging" });
      // 190 is short by 5%: on track
      await load("jxj-12b.csv", "2018-01-06 09:00:00", ["市经信局,CX75-27-02,2017-12,190,台,,,,"], "2018-01-10");
      expect((await progress("2018-01-10"))!.progress_status).toBe("on_track");
    });
  });
});

describe("due dates on weekends and holidays", () => {
  const dueDates = async (db: string, asOf: string, from = "2017-09", to = "2017-10") => {
    const w = await openWarehouse(db, { readOnly: true });
    try {
      await setAsOf(w.connection, asOf);
      return Object.fromEntries((await query(w.connection, "SELECT period, strftime(due_date, '%Y-%m-%d') AS due FROM reporting_due_dates WHERE period BETWEEN $1 AND $2", [from, to])).rows
        .map((r) => [r.period, r.due]));
    } finally {
      w.close();
    }
  };

  it("without a calendar file, a due day on a weekend moves to the Monday", async () => {
    const f = copyData();
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    // 2017-10-05 is a Thursday; 2017-11-05 a Sunday
    expect(await dueDates(db, "2017-12-31")).toEqual({ "2017-09": "2017-10-05", "2017-10": "2017-11-06" });
  });

  it("with data/calendar.csv, a due day in the National Day holiday moves to the first working day after it, and a report then is on time", async () => {
    await withOwnWarehouse((f) => cpSync(join(PACKAGE_ROOT, "data", "calendar.csv"), join(f.data, "calendar.csv")), async (w, load, db) => {
      expect(await dueDates(db, "2017-12-31")).toEqual({ "2017-09": "2017-10-09", "2017-10": "2017-11-06" });
      await load("kjj-2017-09.csv", "2017-10-09 16:00:00", ["市科技局,CX75-08-01,2017-09,1,个,,,,"], "2017-12-31");
      await load("jrb-2017-09.csv", "2017-10-10 09:00:00", ["市金融办,CX75-16-01,2017-09,,,推进中,,,"], "2017-12-31");
      await setAsOf(w.connection, "2017-12-31");
      expect((await query(w.connection, `SELECT department_name, status FROM reporting_calendar WHERE period = '2017-09' AND department_name IN ('市科技局', '市金融办') ORDER BY 1`)).rows)
        .toEqual([{ department_name: "市科技局", status: "on_time" }, { department_name: "市金融办", status: "late" }]);
    });
  });

  it("the bundled calendar moves due dates in every year it lists: the National Days of 2020 and 2026, a weekend worked in 2023", async () => {
    await withOwnWarehouse((f) => cpSync(join(PACKAGE_ROOT, "data", "calendar.csv"), join(f.data, "calendar.csv")), async (_w, _load, db) => {
      // 5 October: in 2020 within 1–8 October off, then Friday 9 October; in 2026 within 1–7 October, then Thursday
      // 8 October; in 2023 within 29 September – 6 October, then Saturday 7 October, a weekend day worked
      expect(await dueDates(db, "2026-12-31", "2020-09", "2020-09")).toEqual({ "2020-09": "2020-10-09" });
      expect(await dueDates(db, "2026-12-31", "2026-09", "2026-09")).toEqual({ "2026-09": "2026-10-08" });
      expect(await dueDates(db, "2026-12-31", "2023-09", "2023-09")).toEqual({ "2023-09": "2023-10-07" });
    });
  });

  it("the bundled calendar lists weekend days worked only on Saturdays and Sundays, every year from 2017 to 2026", () => {
    const { days, errors } = readCalendar(join(PACKAGE_ROOT, "data"));
    expect(errors).toEqual([]);
    const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
    expect(days.filter((d) => d.kind === "workday" && weekday(d.date) !== 0 && weekday(d.date) !== 6)).toEqual([]);
    const years = new Set(days.map((d) => d.date.slice(0, 4)));
    for (let y = 2017; y <= 2026; y++) {
      expect(years.has(String(y))).toBe(true);
      expect(days.some((d) => d.date === `${y}-10-01` && d.kind === "holiday")).toBe(true);
    }
  });

  it("a calendar with a wrong kind or a date listed twice is rejected, naming the file, row and column", () => {
    const f = copyData();
    writeFileSync(join(f.data, "calendar.csv"), "date,kind,name\n2017-10-01,holiday,国庆节\n2017-10-02,休息,国庆节\n2017-10-01,holiday,国庆节\n");
    const { errors } = readCalendar(f.data);
    expect(errors).toMatchObject([
      { code: "E_BAD_VALUE", file: "data/calendar.csv", row: 3, column: "kind", value: "休息" },
      { code: "E_DUPLICATE_ID", file: "data/calendar.csv", row: 4, column: "date", value: "2017-10-01" },
    ]);
    expect(errors[0]!.message).toContain("holiday（放假）或 workday（调休上班）");
  });
});

describe("a target counted from a later month", () => {
  it("is owed from its counting start, not from the policy's month (ingest rejects a period before it)", async () => {
    const row = "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,,,人才和团队,,,2017-01-01,";
    const owed = async (edited: boolean) => {
      let result: Record<string, number> = {};
      await withOwnWarehouse((f) => edited && edit(f.policyDir, "targets.csv", row, row.replace("2017-01-01", "2017-11-01")), async (w) => {
        await setAsOf(w.connection, "2017-12-31");
        result = Object.fromEntries((await query(w.connection, "SELECT period, owed_targets FROM reporting_calendar WHERE department_name = '市科技局' ORDER BY period")).rows
          .map((r) => [r.period, Number(r.owed_targets)]));
      });
      return result;
    };
    const [before, after] = [await owed(false), await owed(true)];
    expect(after["2017-10"]).toBe(before["2017-10"]! - 1);
    expect(after["2017-11"]).toBe(before["2017-11"]);
  });
});

describe("a target adjusted (target_adjustments.csv)", () => {
  it("is judged by the value in force at the as-of date: the published one before the adjustment takes effect, the new one from then", async () => {
    await withOwnWarehouse((f) => writeFileSync(join(f.policyDir, "target_adjustments.csv"), "code,value,value_max,effective_date,reason\nCX75-06-01,500,,2017-11-01,市政府常务会议调整\n"), async (w, load) => {
      await load("jxj-2017-09.csv", "2017-10-03 09:00:00", ["市经信局,CX75-06-01,2017-09,460,家,,,,"], "2017-10-03");
      const at = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        const [t] = (await query(w.connection, "SELECT value, published_value, adjusted_from, goal FROM targets WHERE code = 'CX75-06-01'")).rows;
        const [p] = (await query(w.connection, "SELECT target_value, round(progress, 2) AS progress, progress_status FROM target_progress WHERE code = 'CX75-06-01' AND department_name = '市经信局'")).rows;
        return { ...t, ...p };
      };
      // before 1 November: 450 published, 460 reaches it
      expect(await at("2017-10-10")).toMatchObject({ value: 450, published_value: 450, adjusted_from: null, goal: 450, target_value: 450, progress: 1.02, progress_status: "done" });
      // from 1 November: 500, 460 is 92 % of it (no longer done)
      const after = await at("2017-11-03");
      expect(after).toMatchObject({ value: 500, published_value: 450, goal: 500, target_value: 500, progress: 0.92 });
      expect(String(after.adjusted_from)).toContain("2017-11-01");
      expect(after.progress_status).not.toBe("done");
    });
  });

  it("a load reviews 已完成 against the value in force at its own as-of date, not at the day the warehouse was built", async () => {
    await withOwnWarehouse((f) => writeFileSync(join(f.policyDir, "target_adjustments.csv"), "code,value,value_max,effective_date,reason\nCX75-06-01,500,,2017-11-01,市政府常务会议调整\n"), async (w, load) => {
      // (the warehouse is built today, long after 1 November 2017)
      const september = await load("jxj-2017-09.csv", "2017-10-03 09:00:00", ["市经信局,CX75-06-01,2017-09,460,家,已完成,,,"], "2017-10-03");
      expect(september.flags).toEqual([]);
      const november = await load("jxj-2017-11.csv", "2017-12-03 09:00:00", ["市经信局,CX75-06-01,2017-11,470,家,已完成,,,"], "2017-12-03");
      expect(november.flags.map((x) => x.reason)).toEqual([expect.stringContaining("低于目标值 500家")]);
    });
  });

  it("a jump is measured against the value in force: a load's summary and the observations view agree at the same date", async () => {
    await withOwnWarehouse((f) => writeFileSync(join(f.policyDir, "target_adjustments.csv"), "code,value,value_max,effective_date,reason\nCX75-06-01,300,,2017-11-01,目标下调\n"), async (w, load) => {
      await load("jxj-2017-09.csv", "2017-10-03 09:00:00", ["市经信局,CX75-06-01,2017-09,30,家,,,,"], "2017-10-03");
      // 30 → 340: ten times as much, and the increase of 310 reaches the 300 in force from 1 November (not the 450 published)
      const november = await load("jxj-2017-11.csv", "2017-12-03 09:00:00", ["市经信局,CX75-06-01,2017-11,340,家,,,,"], "2017-12-03");
      expect(november.flags.map((x) => x.reason)).toEqual([expect.stringContaining("增加的部分已超过目标值 300家")]);
      await setAsOf(w.connection, "2017-12-03");
      const [o] = (await query(w.connection, "SELECT flag_reason FROM observations WHERE code = 'CX75-06-01' AND period = '2017-11'")).rows;
      expect(String(o!.flag_reason)).toContain("增加的部分已超过目标值 300家");
      // a load dated before the adjustment measures against the published 450: no jump
      const early = await load("jxj-2017-10.csv", "2017-10-20 09:00:00", ["市经信局,CX75-06-01,2017-10,350,家,,,,"], "2017-10-31");
      expect(early.flags).toEqual([]);
    });
  });

  it("an adjustment of the upper bound alone keeps the value (15-20期 → 15-25期)", async () => {
    await withOwnWarehouse((f) => writeFileSync(join(f.policyDir, "target_adjustments.csv"), "code,value,value_max,effective_date,reason\nCX75-11-01,,25,2017-11-01,力争数调整\n"), async (w) => {
      await setAsOf(w.connection, "2017-11-10");
      const [t] = (await query(w.connection, "SELECT value, value_max, published_value, published_value_max FROM targets WHERE code = 'CX75-11-01'")).rows;
      expect(t).toMatchObject({ value: 15, value_max: 25, published_value: 15, published_value_max: 20 });
    });
  });
});

/** CX75-06-01 (450家) as a level with no deadline: its row 长期坚持, its own 年内 dropped, with the comparator given. */
function keptWithoutDeadline(f: ReturnType<typeof copyData>, comparator: "reach" | "at_most"): void {
  edit(f.policyDir, "tasks.csv", "年内,2017-12-31,106", "长期坚持,,106");
  edit(f.policyDir, "targets.csv", "CX75-06-01,published,6,quantity,reach,450,,家,家,450,level,年内,2017-12-31,", `CX75-06-01,published,6,quantity,${comparator},450,,家,家,450,level,,,`);
}

describe("a standard to keep (a level with no deadline: 长期坚持)", () => {
  it("is never done (no month reached, so the calendar and the template keep asking for it): on track while its latest figure meets it, lagging when it falls short", async () => {
    await withOwnWarehouse((f) => keptWithoutDeadline(f, "reach"), async (w, load) => {
      await load("jxj-2017-09.csv", "2017-10-03 09:00:00", ["市经信局,CX75-06-01,2017-09,460,家,已完成,,,"], "2017-10-03");
      const state = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        const one = async (sql: string) => (await query(w.connection, sql)).rows;
        return {
          standing: (await one("SELECT standing FROM targets WHERE code = 'CX75-06-01'"))[0]!.standing,
          reached: (await one("SELECT period FROM reached_periods WHERE target_id LIKE '%CX75-06-01'")).length,
          status: (await one("SELECT progress_status FROM target_progress WHERE target_id LIKE '%CX75-06-01'"))[0]!.progress_status,
        };
      };
      // 460 meets 450 (and the department says 已完成): on track, not done
      expect(await state("2017-10-10")).toEqual({ standing: true, reached: 0, status: "on_track" });
      // (this month's level, no running total: a fall is no figure to ask about, nor 已完成 going back to 推进中)
      const october = await load("jxj-2017-10.csv", "2017-11-03 09:00:00", ["市经信局,CX75-06-01,2017-10,430,家,推进中,,,"], "2017-11-03");
      expect(october.flags).toEqual([]);
      await setAsOf(w.connection, "2017-11-10");
      expect((await query(w.connection, "SELECT flagged FROM observations WHERE code = 'CX75-06-01' AND period = '2017-10'")).rows).toEqual([{ flagged: false }]);
      expect(await state("2017-11-10")).toEqual({ standing: true, reached: 0, status: "lagging" });
    });
  });
});

describe("a ceiling to keep (控制在…以内 with no deadline)", () => {
  it("is on track under it and lagging over it, never done", async () => {
    await withOwnWarehouse((f) => keptWithoutDeadline(f, "at_most"), async (w, load) => {
      const status = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT progress_status FROM target_progress WHERE target_id LIKE '%CX75-06-01'")).rows[0]!.progress_status;
      };
      await load("jxj-2017-09.csv", "2017-10-03 09:00:00", ["市经信局,CX75-06-01,2017-09,440,家,,,,"], "2017-10-03");
      expect(await status("2017-10-10")).toBe("on_track");
      await load("jxj-2017-10.csv", "2017-11-03 09:00:00", ["市经信局,CX75-06-01,2017-10,460,家,,,,"], "2017-11-03");
      expect(await status("2017-11-10")).toBe("lagging");
    });
  });
});

describe("a count per period with no deadline (每年新增200台, the row 长期坚持)", () => {
  it("is not done by a month's 已完成: it has no goal to reach, its 已完成 is the period's", async () => {
    await withOwnWarehouse((f) => {
      edit(f.policyDir, "tasks.csv", "年内,2017-12-31,133", "长期坚持,,133");
      edit(f.policyDir, "targets.csv", "CX75-27-02,published,27,quantity,,200,,台,台,200,increment,,,工业机器人,,", "CX75-27-02,published,27,quantity,,200,,台,台,200,increment,,,工业机器人,每年,");
    }, async (w, load) => {
      await load("jxj-2017-09.csv", "2017-10-03 09:00:00", ["市经信局,CX75-27-02,2017-09,200,台,已完成,,,"], "2017-10-03");
      await setAsOf(w.connection, "2017-10-10");
      const [t] = (await query(w.connection, "SELECT frequency, deadline, goal FROM targets WHERE code = 'CX75-27-02'")).rows;
      expect(t).toEqual({ frequency: "每年", deadline: null, goal: null });
      expect((await query(w.connection, "SELECT period FROM reached_periods WHERE target_id LIKE '%CX75-27-02'")).rows).toEqual([]);
      const [p] = (await query(w.connection, "SELECT progress_status FROM target_progress WHERE target_id LIKE '%CX75-27-02'")).rows;
      expect(p!.progress_status).toBe("no_deadline");
    });
  });
});

describe("when a target is done: one rule for progress, the calendar and the template (reached_periods)", () => {
  it("a goal below its baseline (450家 from 600) is reached by going down to it: 500 is not done and still owed, 440 is done and owed no more", async () => {
    const row = "CX75-06-01,published,6,quantity,reach,450,,家,家,450,level,年内,2017-12-31,实施智能化(自动化)改造项目的企业,,,2017-01-01,,";
    await withOwnWarehouse((f) => edit(f.policyDir, "targets.csv", row, row.replace(/,,$/, ",600,")), async (w, load) => {
      const state = async (period: string) => {
        await setAsOf(w.connection, "2017-12-31");
        const one = async (sql: string) => (await query(w.connection, sql)).rows;
        return {
          reached: (await one("SELECT period FROM reached_periods WHERE target_id LIKE '%CX75-06-01' ORDER BY period")).map((r) => r.period),
          owed: Number((await one(`SELECT owed_targets FROM reporting_calendar WHERE department_name = '市经信局' AND period = '${period}'`))[0]!.owed_targets),
          status: (await one("SELECT progress_status FROM target_progress WHERE target_id LIKE '%CX75-06-01'"))[0]!.progress_status,
        };
      };
      await load("jxj-2017-10.csv", "2017-11-03 09:00:00", ["市经信局,CX75-06-01,2017-10,500,家,,,,"], "2017-12-31");
      const after500 = await state("2017-11");
      expect(after500.reached).toEqual([]);
      expect(after500.status).not.toMatch(/^done/);
      await load("jxj-2017-11.csv", "2017-12-04 09:00:00", ["市经信局,CX75-06-01,2017-11,440,家,,,,"], "2017-12-31");
      const after440 = await state("2017-12");
      expect(after440.reached).toEqual(["2017-11"]);
      expect(after440.status).toBe("done");
      // owed in November (the month it was done), no longer in December
      expect(after440.owed).toBe(after500.owed - 1);
    });
  });

  it("a level to come down to (降至450家, the verb starting the target's text) with no baseline is kept like a ceiling: above it before its deadline awaiting the deadline (the way down cannot be measured), under it on track, done only from its deadline's month; no share, no falling-figure flag", async () => {
    const down = (f: ReturnType<typeof copyData>) => {
      for (const file of ["tasks.csv", "items.csv", "targets.csv"]) edit(f.policyDir, file, /达到450家/g, "降至450家");
    };
    await withOwnWarehouse(down, async (w, load) => {
      const one = async (sql: string, asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, sql)).rows;
      };
      expect(await one("SELECT falls, measure, ceiling FROM targets WHERE code = 'CX75-06-01'", "2017-12-31")).toEqual([{ falls: true, measure: "level", ceiling: true }]);
      const progress = (asOf: string) => one("SELECT progress, done_period, progress_status FROM target_progress WHERE code = 'CX75-06-01'", asOf);
      await load("jxj-2017-10.csv", "2017-11-03 09:00:00", ["市经信局,CX75-06-01,2017-10,500,家,,,,"], "2018-03-31");
      expect(await progress("2017-11-20")).toEqual([{ progress: null, done_period: null, progress_status: "on_track" }]);
      expect(await one("SELECT awaiting_deadline FROM target_progress WHERE code = 'CX75-06-01'", "2017-11-20")).toEqual([{ awaiting_deadline: true }]);
      // coming down with no note is the target's way, not a figure to review; under the level before the deadline's
      // month is on track, not done (a year's figure may still move)
      const nov = await load("jxj-2017-11.csv", "2017-12-04 09:00:00", ["市经信局,CX75-06-01,2017-11,445,家,,,,"], "2018-03-31");
      expect(nov.flagged).toBe(0);
      expect(await one("SELECT flagged FROM observations WHERE code = 'CX75-06-01' AND period = '2017-11'", "2017-12-10")).toEqual([{ flagged: false }]);
      expect(await progress("2017-12-10")).toEqual([{ progress: null, done_period: null, progress_status: "on_track" }]);
      // 已完成 at or below it is no figure short of the target (a goal to go up to would be asked about)
      const dec = await load("jxj-2017-12.csv", "2018-01-04 09:00:00", ["市经信局,CX75-06-01,2017-12,440,家,已完成,,,"], "2018-03-31");
      expect(dec.flagged).toBe(0);
      expect(await progress("2018-01-10")).toEqual([{ progress: null, done_period: "2017-12", progress_status: "done" }]);
      // done for good: a later month above it again does not undo it (nor ask for the target again)
      await load("jxj-2018-01.csv", "2018-02-04 09:00:00", ["市经信局,CX75-06-01,2018-01,455,家,,,,"], "2018-03-31");
      expect(await progress("2018-02-10")).toEqual([{ progress: null, done_period: "2017-12", progress_status: "done" }]);
      // 已完成 with a figure still above the level (or none) is asked about, by both readers, as 已完成 short of a goal to go up to is
      for (const engine of ["js", "bulk"] as const) {
        const high = await loadMonthlyFile(w.connection, {
          name: `high-${engine}.csv`, bytes: Buffer.from([HEADER, `市经信局,CX75-06-01,2018-02,${engine === "js" ? 470 : 471},家,已完成,,,`].join("\n")),
          asOf: "2018-03-31", receivedAt: "2018-03-04 09:00:00", archiveName: null, engine,
        });
        expect([engine, high.reader, high.flags.map((f) => f.reason)]).toEqual([engine, engine, [`标为已完成，但完成值 ${engine === "js" ? 470 : 471}家 仍高于目标值 450家（应不高于目标值）`]]);
      }
    });
  });
});

describe("a rate to come down (下降5%) is reported as the size of its fall", () => {
  it("the last figure of a long list sees the verb thirty characters back (分别下降15.5%、16.5%和5%: the 5% falls too)", async () => {
    const listed = (f: ReturnType<typeof copyData>) => {
      edit(f.policyDir, "tasks.csv", "研究所新引进人才和团队5个,", "研究所流失人才比例分别下降15.5%、16.5%和5%,");
      edit(f.policyDir, "targets.csv", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,,,人才和团队,,,2017-01-01,,,5个,55,57,body,5个,55,57,",
        "CX75-08-01,published,8,quantity,,5,,%,%,5,increment,,,流失人才比例,,,2017-01-01,,,5%,69,71,,,,,");
      edit(f.policyDir, "targets.csv", "2家以上,61,65,body,2家以上,61,65,", "2家以上,75,79,,,,,");
    };
    await withOwnWarehouse(listed, async (w) => {
      expect((await query(w.connection, "SELECT annex_text, falls FROM targets WHERE code = 'CX75-08-01'")).rows).toEqual([{ annex_text: "5%", falls: true }]);
    });
  });
  it("a figure below zero is loaded and asked about (不降反升?) by both readers, unless 进展情况 says why; one above zero is not", async () => {
    // CX75-08-01 (5个) made a rate to come down: …研究所流失人才比例下降5%, the rest of the row as it stands
    const falling = (f: ReturnType<typeof copyData>) => {
      edit(f.policyDir, "tasks.csv", "研究所新引进人才和团队5个,", "研究所流失人才比例下降5%,");
      edit(f.policyDir, "targets.csv", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,,,人才和团队,,,2017-01-01,,,5个,55,57,body,5个,55,57,",
        "CX75-08-01,published,8,quantity,,5,,%,%,5,increment,,,流失人才比例,,,2017-01-01,,,5%,55,57,,,,,");
    };
    await withOwnWarehouse(falling, async (w) => {
      expect((await query(w.connection, "SELECT rate, falls, signed FROM targets WHERE code = 'CX75-08-01'")).rows).toEqual([{ rate: true, falls: true, signed: true }]);
      for (const engine of ["js", "bulk"] as const) {
        const loaded = await loadMonthlyFile(w.connection, {
          name: `fall-${engine}.csv`, bytes: Buffer.from([HEADER, `市科技局,CX75-08-01,2017-${engine === "js" ? 10 : 11},-2.1,%,,,,`, `市科技局,CX75-08-01,2017-${engine === "js" ? "09" : 12},2.1,%,,,,`].join("\n")),
          asOf: "2018-03-31", receivedAt: "2018-01-04 09:00:00", archiveName: null, engine,
        });
        expect([engine, loaded.reader, loaded.imported, loaded.flags.map((f) => f.reason)]).toEqual([engine, engine, 2,
          ["下降类指标应填降幅（正数）：-2.1% 表示不降反升 2.1%；如指下降 2.1%，请填 2.1；确为不降反升的，请在「进展情况」中写明原因"]]);
        // (said why in 进展情况, as the template allows: nothing to ask)
        const explained = await loadMonthlyFile(w.connection, {
          name: `fall-noted-${engine}.csv`, bytes: Buffer.from([HEADER, `市科技局,CX75-08-01,2018-0${engine === "js" ? 1 : 2},-1.2,%,,受复工影响流失反弹,,`].join("\n")),
          asOf: "2018-03-31", receivedAt: "2018-03-04 09:00:00", archiveName: null, engine,
        });
        expect([engine, explained.imported, explained.flags]).toEqual([engine, 1, []]);
      }
    });
  });
});

describe("a rate over several years (比基期下降5%, 三年内) is a share of the way against the schedule", () => {
  it("2 of 5 in October of the first of three years is on track, where a rate of one year, or of each year (年均), would be 低于目标", async () => {
    const falling = (deadline: string, horizon: string, words: string) => (f: ReturnType<typeof copyData>) => {
      edit(f.policyDir, "tasks.csv", "研究所新引进人才和团队5个,", `研究所${words}5%,`);
      edit(f.policyDir, "targets.csv", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,,,人才和团队,,,2017-01-01,,,5个,55,57,body,5个,55,57,",
        `CX75-08-01,published,8,quantity,,5,,%,%,5,increment,${horizon},${deadline},流失人才比例,,,2017-01-01,,,5%,55,57,,,,,`);
    };
    const judged = async (deadline: string, horizon: string, words = "流失人才比例下降") => {
      let out: Record<string, unknown> = {};
      await withOwnWarehouse(falling(deadline, horizon, words), async (w, load) => {
        await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,2,%,,,,"], "2018-01-31");
        await setAsOf(w.connection, "2017-11-20");
        out = (await query(w.connection, `SELECT t.prorated, p.progress, p.progress_status FROM target_progress p JOIN targets t USING (target_id)
          WHERE p.code = 'CX75-08-01'`)).rows[0]!;
      });
      return out;
    };
    expect(await judged("2019-12-31", "三年内")).toEqual({ prorated: true, progress: 0.4, progress_status: "on_track" });
    expect(await judged("", "")).toEqual({ prorated: false, progress: null, progress_status: "lagging" });
    // 年均下降5%: each year's rate, judged against its value whatever the span
    expect(await judged("2019-12-31", "三年内", "人才流失年均下降")).toEqual({ prorated: false, progress: null, progress_status: "lagging" });
  });
});

/** CX75-08-01 (5个 by 2017-12-31, reported by 市科技局) made a ceiling: 控制在5个以内. */
const asCeiling = (f: ReturnType<typeof copyData>) => edit(f.policyDir, "targets.csv", "CX75-08-01,published,8,quantity,,5,", "CX75-08-01,published,8,quantity,at_most,5,");

describe("a level to come down to with a baseline", () => {
  it("下降到…以下 (at most, coming down) with a baseline is a way down measured against the schedule, not a ceiling", async () => {
    const down = (f: ReturnType<typeof copyData>) => {
      // (降至450家 at most: 下降到450家以下, in as many characters as the text it replaces)
      for (const file of ["tasks.csv", "items.csv"]) edit(f.policyDir, file, /达到450家/g, "降至450家");
      edit(f.policyDir, "targets.csv", /^CX75-06-01,published,6,quantity,reach,450,,家,家,450,level,年内,2017-12-31,(.*?),,,2017-01-01,,,达到450家,100,106,body,达到450家,100,106,/m,
        "CX75-06-01,published,6,quantity,at_most,450,,家,家,450,level,年内,2017-12-31,$1,,,2017-01-01,650,,降至450家,100,106,body,降至450家,100,106,");
    };
    await withOwnWarehouse(down, async (w, load) => {
      const one = async (sql: string, asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, sql)).rows;
      };
      expect(await one("SELECT falls, comparator, baseline, ceiling FROM targets WHERE code = 'CX75-06-01'", "2017-12-31"))
        .toEqual([{ falls: true, comparator: "at_most", baseline: 650, ceiling: false }]);
      // 650 → 500: three quarters of the way down (150 of 200) by the end of October, against 83% of the year: on track
      await load("jxj-2017-10.csv", "2017-11-03 09:00:00", ["市经信局,CX75-06-01,2017-10,500,家,,,,"], "2018-03-31");
      expect(await one("SELECT round(progress, 2) AS progress, progress_status, awaiting_deadline FROM target_progress WHERE code = 'CX75-06-01'", "2017-11-20"))
        .toEqual([{ progress: 0.75, progress_status: "on_track", awaiting_deadline: false }]);
      await load("jxj-2017-11.csv", "2017-12-03 09:00:00", ["市经信局,CX75-06-01,2017-11,445,家,,,,"], "2018-03-31");
      expect(await one("SELECT done_period, progress_status FROM target_progress WHERE code = 'CX75-06-01'", "2017-12-10"))
        .toEqual([{ done_period: "2017-11", progress_status: "done" }]);
    });
  });
});

describe("targets the schedule cannot split", () => {
  it("a ceiling (控制在…以内) is on track under it and lagging over it, done if under it once the deadline is judged; it has no share", async () => {
    await withOwnWarehouse(asCeiling, async (w, load) => {
      const status = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT progress, progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows[0];
      };
      await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,3,个,,,,"], "2018-01-31");
      expect(await status("2017-11-20")).toEqual({ progress: null, progress_status: "on_track" });
      await load("kjj-11.csv", "2017-12-03 10:00:00", ["市科技局,CX75-08-01,2017-11,6,个,,,,"], "2018-01-31");
      expect(await status("2017-12-10")).toEqual({ progress: null, progress_status: "lagging" });
      await load("kjj-12.csv", "2018-01-03 10:00:00", ["市科技局,CX75-08-01,2017-12,4,个,,口径调整,,"], "2018-01-31");
      expect(await status("2018-01-10")).toEqual({ progress: null, progress_status: "done" });
      // kept under it in the deadline's month: done then, and owed no more (the calendar and the template stop asking)
      const reached = await query(w.connection, "SELECT period FROM reached_periods WHERE target_id LIKE '%CX75-08-01' ORDER BY period");
      expect(reached.rows).toEqual([{ period: "2017-12" }]);
      await setAsOf(w.connection, "2018-03-10");
      const owed = async (period: string) => Number((await query(w.connection, `SELECT owed_targets FROM reporting_calendar WHERE department_name = '市科技局' AND period = '${period}'`)).rows[0]!.owed_targets);
      const reporters = await query(w.connection, "SELECT count(*) AS n FROM target_reporters WHERE code = 'CX75-08-01' AND department_name = '市科技局'");
      expect(reporters.rows).toEqual([{ n: 1 }]);
      expect(await owed("2018-01")).toBe((await owed("2017-12")) - 1);
      // 已完成 above the ceiling (or with no figure) is asked about, by both readers; at or under it is not
      for (const [engine, months] of [["js", ["2018-01", "2018-02", "2018-03"]], ["bulk", ["2018-04", "2018-05", "2018-06"]]] as const) {
        const sent = await loadMonthlyFile(w.connection, {
          name: `done-${engine}.csv`,
          bytes: Buffer.from([HEADER, `市科技局,CX75-08-01,${months[0]},6,个,已完成,,,`, `市科技局,CX75-08-01,${months[1]},5,个,已完成,,,`, `市科技局,CX75-08-01,${months[2]},,,已完成,,,`].join("\n")),
          asOf: "2018-06-30", receivedAt: `${months[2]}-28 09:00:00`, archiveName: null, engine,
        });
        expect([engine, sent.reader, sent.flags.map((f) => [f.period, f.reason])]).toEqual([engine, engine, [
          [months[0], "标为已完成，但完成值 6个 仍高于目标值 5个（应不高于目标值）"],
          [months[2], "标为已完成，但未填完成值，无法核对是否已不高于目标值 5个"],
        ]]);
      }
    });
  });

  it("a cap on a level due in a later year (到2019年…控制在5个以内) waits for its deadline while above it; in its deadline's year it is exceeded", async () => {
    const farCap = (level: boolean) => (f: ReturnType<typeof copyData>) => edit(f.policyDir, "targets.csv", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,,,",
      `CX75-08-01,published,8,quantity,at_most,5,,个,个,5,${level ? "level" : "increment"},到2019年,2019-12-31,`);
    await withOwnWarehouse(farCap(true), async (w, load) => {
      const status = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT ceiling, progress_status, awaiting_deadline FROM target_progress WHERE code = 'CX75-08-01'")).rows[0];
      };
      // 6 in 2017, two years before its deadline: a level still to bring down, judged in 2019 only (时限未到)
      await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,6,个,,,,"], "2019-12-31");
      expect(await status("2017-11-20")).toEqual({ ceiling: true, progress_status: "on_track", awaiting_deadline: true });
      // under it: on track, not awaiting
      await load("kjj-11.csv", "2017-12-03 10:00:00", ["市科技局,CX75-08-01,2017-11,4,个,,,,"], "2019-12-31");
      expect(await status("2017-12-10")).toEqual({ ceiling: true, progress_status: "on_track", awaiting_deadline: false });
      // above it in the deadline's year: exceeded (超过上限)
      await load("kjj-2019-03.csv", "2019-04-03 10:00:00", ["市科技局,CX75-08-01,2019-03,6,个,,口径调整,,"], "2019-12-31");
      expect(await status("2019-04-10")).toEqual({ ceiling: true, progress_status: "lagging", awaiting_deadline: false });
    });
    // a cap on an increase (新增…控制在5个以内) is a running total: above it is exceeded whatever the deadline
    await withOwnWarehouse(farCap(false), async (w, load) => {
      await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,6,个,,,,"], "2019-12-31");
      await setAsOf(w.connection, "2017-11-20");
      expect((await query(w.connection, "SELECT progress_status, awaiting_deadline FROM target_progress WHERE code = 'CX75-08-01'")).rows)
        .toEqual([{ progress_status: "lagging", awaiting_deadline: false }]);
    });
  });

  it("a level to keep (保持5% by 2019) is met or not month by month, not done when first met; met in its deadline's month, done", async () => {
    const kept = (words: string, comparator = "reach", baseline = "") => (f: ReturnType<typeof copyData>) => {
      edit(f.policyDir, "tasks.csv", "研究所新引进人才和团队5个,", `研究所${words}5%,`);
      edit(f.policyDir, "targets.csv", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,,,人才和团队,,,2017-01-01,,,5个,55,57,body,5个,55,57,",
        `CX75-08-01,published,8,quantity,${comparator},5,,%,%,5,level,到2019年,2019-12-31,人才留用比例,,,2017-01-01,${baseline},,5%,55,57,,,,,`);
    };
    await withOwnWarehouse(kept("人才留用比例保持"), async (w, load) => {
      const status = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT standing, done_period, progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows[0];
      };
      await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,6,%,,,,"], "2020-01-31");
      expect(await status("2017-11-20")).toEqual({ standing: true, done_period: null, progress_status: "on_track" });
      await load("kjj-11.csv", "2017-12-03 10:00:00", ["市科技局,CX75-08-01,2017-11,4,%,已完成,,,"], "2020-01-31");
      expect(await status("2017-12-10")).toEqual({ standing: true, done_period: null, progress_status: "lagging" });
      await load("kjj-2019-12.csv", "2020-01-03 10:00:00", ["市科技局,CX75-08-01,2019-12,5.5,%,,,,"], "2020-01-31");
      expect(await status("2020-01-10")).toEqual({ standing: true, done_period: "2019-12", progress_status: "done" });
    });
    // a baseline at the level itself (保持5%, 5% already): met at 5, not a share of a way of length 0
    await withOwnWarehouse(kept("人才留用比例保持", "reach", "5"), async (w, load) => {
      const status = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT done_period, progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows[0];
      };
      await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,4,%,,,,"], "2020-01-31");
      expect(await status("2017-11-20")).toEqual({ done_period: null, progress_status: "lagging" });
      await load("kjj-2019-12.csv", "2020-01-03 10:00:00", ["市科技局,CX75-08-01,2019-12,5,%,,,,"], "2020-01-31");
      expect(await status("2020-01-10")).toEqual({ done_period: "2019-12", progress_status: "done" });
    });
    // a cap to keep (保持在5%以内, due in 2019): above it in 2017 is exceeded, not waiting for 2019
    await withOwnWarehouse(kept("人才流失率保持在", "at_most"), async (w, load) => {
      await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,6,%,,,,"], "2020-01-31");
      await setAsOf(w.connection, "2017-11-20");
      expect((await query(w.connection, "SELECT t.kept, t.standing, p.ceiling, p.progress_status, p.awaiting_deadline FROM target_progress p JOIN targets t USING (target_id) WHERE p.code = 'CX75-08-01'")).rows)
        .toEqual([{ kept: true, standing: false, ceiling: true, progress_status: "lagging", awaiting_deadline: false }]);
    });
    // 达到5% (no word of keeping): done once reached, as before
    await withOwnWarehouse(kept("人才留用比例达到"), async (w, load) => {
      await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,6,%,,,,"], "2020-01-31");
      await setAsOf(w.connection, "2017-11-20");
      expect((await query(w.connection, "SELECT standing, done_period, progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows)
        .toEqual([{ standing: false, done_period: "2017-10", progress_status: "done" }]);
    });
  });

  it("a rate (增长5%, an increment in %) has no share: at or beyond it on track, short of it lagging, done only once its deadline judges it; a dip is no falling figure", async () => {
    const asRate = (f: ReturnType<typeof copyData>) =>
      edit(f.policyDir, "targets.csv", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,", "CX75-08-01,published,8,quantity,,5,,%,%,5,increment,");
    await withOwnWarehouse(asRate, async (w, load) => {
      const status = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT rate, goal, progress, done_period, progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows[0];
      };
      // deadline 2017-12-31: 6 % in October is beyond it, but the year's rate is known only in December
      await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,6,%,,,,"], "2018-02-28");
      expect(await status("2017-11-20")).toEqual({ rate: true, goal: 5, progress: null, done_period: null, progress_status: "on_track" });
      // the rate to date dips below it: lagging, and not flagged as a falling cumulative figure
      const nov = await load("kjj-11.csv", "2017-12-03 10:00:00", ["市科技局,CX75-08-01,2017-11,4.2,%,,,,"], "2018-02-28");
      expect(nov.flagged).toBe(0);
      expect(await status("2017-12-10")).toMatchObject({ done_period: null, progress_status: "lagging" });
      // still asked for in December (not reached before its deadline's month)
      expect((await query(w.connection, "SELECT count(*) AS n FROM reached_periods WHERE target_id LIKE '%CX75-08-01'")).rows).toEqual([{ n: 0 }]);
      await load("kjj-12.csv", "2018-01-03 10:00:00", ["市科技局,CX75-08-01,2017-12,5.3,%,,,,"], "2018-02-28");
      expect(await status("2018-01-10")).toMatchObject({ done_period: "2017-12", progress_status: "done" });
    });
    // short of it when judged: overdue; so is one reported beyond it before its deadline's month and not since
    await withOwnWarehouse(asRate, async (w, load) => {
      await load("kjj-12.csv", "2018-01-03 10:00:00", ["市科技局,CX75-08-01,2017-12,4.8,%,,,,"], "2018-02-28");
      await setAsOf(w.connection, "2018-01-10");
      expect((await query(w.connection, "SELECT progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows).toEqual([{ progress_status: "overdue" }]);
      // next year's rate to date is that year's: beyond the goal, it does not make 2017's done late
      await load("kjj-2018-02.csv", "2018-03-03 10:00:00", ["市科技局,CX75-08-01,2018-02,6.5,%,,,,"], "2018-03-31");
      await setAsOf(w.connection, "2018-03-10");
      expect((await query(w.connection, "SELECT done_period, progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows).toEqual([{ done_period: null, progress_status: "overdue" }]);
    });
    await withOwnWarehouse(asRate, async (w, load) => {
      await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,6,%,,,,"], "2018-02-28");
      await setAsOf(w.connection, "2018-02-10");
      expect((await query(w.connection, "SELECT done_period, progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows).toEqual([{ done_period: null, progress_status: "overdue" }]);
    });
    // a rate to date from 0.4 % to 6 % is no digit typed once too often (a count's tenfold jump is), in one file or two
    await withOwnWarehouse(asRate, async (w, load) => {
      const one = await load("kjj-both.csv", "2017-10-03 10:00:00", ["市科技局,CX75-08-01,2017-08,0.4,%,,,,", "市科技局,CX75-08-01,2017-09,6,%,,,,"], "2018-02-28");
      const two = await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,0.5,%,,口径调整,,"], "2018-02-28");
      const three = await load("kjj-11.csv", "2017-12-03 10:00:00", ["市科技局,CX75-08-01,2017-11,6.2,%,,,,"], "2018-02-28");
      expect([one.flagged, two.flagged, three.flagged]).toEqual([0, 0, 0]);
      await setAsOf(w.connection, "2017-12-10");
      expect((await query(w.connection, "SELECT count(*) AS n FROM observations WHERE code = 'CX75-08-01' AND flagged")).rows).toEqual([{ n: 0 }]);
      // nor is a small rate a fraction typed for a percentage (0.3 for 30 %?), by either reader
      for (const engine of ["js", "bulk"] as const) {
        const small = await loadMonthlyFile(w.connection, {
          name: `small-${engine}.csv`, bytes: Buffer.from([HEADER, `市科技局,CX75-08-01,2017-12,${engine === "js" ? 0.3 : 0.2},%,,口径调整,,`].join("\n")),
          asOf: "2018-02-28", receivedAt: "2018-01-04 09:00:00", archiveName: null, engine,
        });
        expect([engine, small.reader, small.flags]).toEqual([engine, engine, []]);
      }
      // a rate that turned into a fall is written below zero (-1.2, or (1.2) as accountants write it), by either reader;
      // a count below zero is still refused
      for (const [engine, month, text] of [["js", "2018-01", "-1.2"], ["bulk", "2018-02", "(1.2)"]] as const) {
        const fell = await loadMonthlyFile(w.connection, {
          name: `fell-${engine}.csv`, bytes: Buffer.from([HEADER, `市科技局,CX75-08-01,${month},${text},%,,,,`, `市经信局,CX75-05-01,${month},-5,家,,,,`].join("\n")),
          asOf: "2018-02-28", receivedAt: `${month}-20 09:00:00`, archiveName: null, engine,
        });
        expect([engine, fell.reader, fell.imported, fell.rejects.map((j) => [j.row, j.code]), fell.flags]).toEqual([engine, engine, 1, [[3, "E_NEGATIVE"]], []]);
      }
      await setAsOf(w.connection, "2018-02-28");
      const fell = await query(w.connection, "SELECT period, value FROM observations WHERE code = 'CX75-08-01' AND period >= '2018-01' ORDER BY period");
      expect(fell.rows).toEqual([{ period: "2018-01", value: -1.2 }, { period: "2018-02", value: -1.2 }]);
    });
  });

  it("a change in percentage points (提高0.5个百分点) may be reported below zero too, by either reader; it keeps its share of the way", async () => {
    const asPoints = (f: ReturnType<typeof copyData>) =>
      edit(f.policyDir, "targets.csv", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,", "CX75-08-01,published,8,quantity,,0.5,,个百分点,个百分点,0.5,increment,");
    await withOwnWarehouse(asPoints, async (w) => {
      const t = (await query(w.connection, "SELECT rate, signed FROM targets WHERE code = 'CX75-08-01'")).rows[0];
      expect(t).toEqual({ rate: false, signed: true });
      for (const [engine, month, text] of [["js", "2017-10", "-0.2"], ["bulk", "2017-11", "(0.1)"]] as const) {
        const sent = await loadMonthlyFile(w.connection, {
          name: `points-${engine}.csv`, bytes: Buffer.from([HEADER, `市科技局,CX75-08-01,${month},${text},个百分点,,,,`, `市经信局,CX75-05-01,${month},-5,家,,,,`].join("\n")),
          asOf: "2017-12-31", receivedAt: `${month}-28 09:00:00`, archiveName: null, engine,
        });
        expect([engine, sent.reader, sent.imported, sent.rejects.map((j) => [j.row, j.code])]).toEqual([engine, engine, 1, [[3, "E_NEGATIVE"]]]);
      }
      await load(w, "2017-12", "0.25");
      await setAsOf(w.connection, "2018-01-10");
      const progress = (await query(w.connection, "SELECT latest_value, progress FROM target_progress WHERE code = 'CX75-08-01'")).rows[0];
      expect(progress).toEqual({ latest_value: 0.25, progress: 0.5 });
    });
    async function load(w: Warehouse, month: string, text: string) {
      await loadMonthlyFile(w.connection, {
        name: `points-${month}.csv`, bytes: Buffer.from([HEADER, `市科技局,CX75-08-01,${month},${text},个百分点,,,,`].join("\n")),
        asOf: "2018-01-10", receivedAt: `${month}-28 09:00:00`, archiveName: null,
      });
    }
  });

  it("已完成 on a ceiling or a rate before its deadline's month is not done: still owed, judged by the deadline's figure", async () => {
    const asRate = (f: ReturnType<typeof copyData>) =>
      edit(f.policyDir, "targets.csv", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,", "CX75-08-01,published,8,quantity,,5,,%,%,5,increment,");
    for (const [shape, early, judged] of [[asCeiling, "3,个", "7,个"], [asRate, "6,%", "4,%"]] as const) {
      await withOwnWarehouse(shape, async (w, load) => {
        const status = async (asOf: string) => {
          await setAsOf(w.connection, asOf);
          return (await query(w.connection, "SELECT done_period, progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows[0];
        };
        // deadline 2017-12-31: 已完成 in October says nothing of December's figure
        await load("kjj-10.csv", "2017-11-03 10:00:00", [`市科技局,CX75-08-01,2017-10,${early},已完成,,,`], "2018-02-28");
        expect(await status("2017-11-20")).toEqual({ done_period: null, progress_status: "on_track" });
        await setAsOf(w.connection, "2017-12-20");
        const owed = await query(w.connection, "SELECT owed_targets FROM reporting_calendar WHERE department_name = '市科技局' AND period IN ('2017-10', '2017-11') ORDER BY period");
        expect(owed.rows[1]!.owed_targets).toBe(owed.rows[0]!.owed_targets);
        // December's figure misses it: overdue, whatever October said
        await load("kjj-12.csv", "2018-01-03 10:00:00", [`市科技局,CX75-08-01,2017-12,${judged},,,,`], "2018-02-28");
        expect(await status("2018-01-10")).toEqual({ done_period: null, progress_status: "overdue" });
        // 已完成 in the deadline's month is the department's word for it
        await load("kjj-12b.csv", "2018-01-05 10:00:00", ["市科技局,CX75-08-01,2017-12,,,已完成,,,"], "2018-02-28");
        expect(await status("2018-01-10")).toEqual({ done_period: "2017-12", progress_status: "done" });
      });
    }
  });

  it("a ceiling first kept after its deadline's month is done late, and done for good once kept", async () => {
    await withOwnWarehouse(asCeiling, async (w, load) => {
      const status = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT done_period, progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows[0];
      };
      // deadline 2017-12-31: over it in December, under it in January
      await load("kjj-12.csv", "2018-01-03 10:00:00", ["市科技局,CX75-08-01,2017-12,7,个,,,,"], "2018-03-31");
      expect(await status("2018-01-10")).toEqual({ done_period: null, progress_status: "overdue" });
      await load("kjj-01.csv", "2018-02-03 10:00:00", ["市科技局,CX75-08-01,2018-01,4,个,,,,"], "2018-03-31");
      expect(await status("2018-02-10")).toEqual({ done_period: "2018-01", progress_status: "done_late" });
      await load("kjj-02.csv", "2018-03-03 10:00:00", ["市科技局,CX75-08-01,2018-02,8,个,,,,"], "2018-03-31");
      expect(await status("2018-03-10")).toEqual({ done_period: "2018-01", progress_status: "done_late" });
    });
  });

  it("a later month reported with a status alone (推进中) does not hide the figure before it: still lagging, the figure's own month named", async () => {
    await withOwnWarehouse(() => {}, async (w, load) => {
      const progress = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT latest_period, figure_period, latest_value, latest_status, progress, progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows[0];
      };
      // 1 of 5个 by 2017-12-31 reported for 2017-10: 20 % against 83 % of the year
      await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,1,个,,,,"], "2018-01-31");
      expect(await progress("2017-11-20")).toMatchObject({ latest_period: "2017-10", figure_period: "2017-10", latest_value: 1, progress_status: "lagging" });
      await load("kjj-11.csv", "2017-12-03 10:00:00", ["市科技局,CX75-08-01,2017-11,,,推进中,,,"], "2018-01-31");
      expect(await progress("2017-12-10")).toEqual({ latest_period: "2017-11", figure_period: "2017-10", latest_value: 1, latest_status: "in_progress", progress: 0.2, progress_status: "lagging" });
    });
  });

  it("a recurring duty is ongoing while reported up to the month before the last one due; behind once it is not", async () => {
    await withOwnWarehouse(() => {}, async (w, load) => {
      // CX75-21-03: 定期 consulting by 市经信局 through 2017-12-31, last reported for 2017-09
      await load("jxj-09.csv", "2017-10-08 10:00:00", ["市经信局,CX75-21-03,2017-09,,,推进中,,,"], "2017-12-31");
      const status = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT due_period, progress_status FROM target_progress WHERE code = 'CX75-21-03'")).rows[0];
      };
      expect(await status("2017-11-06")).toEqual({ due_period: "2017-10", progress_status: "ongoing" });
      // a month on, before November's report is due: nothing new is due, still ongoing
      expect(await status("2017-12-04")).toEqual({ due_period: "2017-10", progress_status: "ongoing" });
      // November's report due, October's never sent: behind
      expect(await status("2017-12-06")).toEqual({ due_period: "2017-11", progress_status: "lagging" });
    });
  });

  it("a goal of one whole thing (1次) is not lagging before its deadline, however little time is left; overdue after it", async () => {
    await withOwnWarehouse(() => {}, async (w, load) => {
      // CX75-13-02: 1次 training by the year's end, reported by 市委组织部; 0 in 2017-10 against 83 % of the year
      await load("zzb-10.csv", "2017-11-03 10:00:00", ["市委组织部,CX75-13-02,2017-10,0,次,,,,"], "2017-11-30");
      const status = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT progress, elapsed > 0.8 AS late_in_year, progress_status FROM target_progress WHERE code = 'CX75-13-02'")).rows[0];
      };
      expect(await status("2017-11-20")).toEqual({ progress: 0, late_in_year: true, progress_status: "on_track" });
      expect((await status("2018-01-10"))!.progress_status).toBe("overdue");
    });
  });

  it("on track and judged only at its deadline (a milestone, one counted thing) is awaiting_deadline; a task whose on-track targets all are, awaiting_deadline_only", async () => {
    await withOwnWarehouse(() => {}, async (w, load) => {
      // row 13: three trainings of 1次/1轮, none held yet; row 5: 100家, a share of the way (90 in October)
      const reporters = (await query(w.connection, `SELECT t.code, r.department_name FROM target_reporters r JOIN targets t USING (target_id)
        WHERE t.row_no IN (5, 13) ORDER BY t.code, r.department_name`)).rows;
      const unit = (code: string) => (code === "CX75-13-03" ? "轮" : code.startsWith("CX75-13") ? "次" : "家");
      await load("all-10.csv", "2017-11-03 10:00:00", reporters.map((r) => `${r.department_name},${r.code},2017-10,${(r.code as string).startsWith("CX75-13") ? 0 : 90},${unit(r.code as string)},,,,`), "2017-11-30");
      const judged = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return {
          pairs: (await query(w.connection, "SELECT DISTINCT row_no, progress_status, awaiting_deadline, awaiting_report FROM target_progress WHERE row_no IN (5, 13) ORDER BY row_no")).rows,
          tasks: (await query(w.connection, "SELECT row_no, task_status, awaiting_deadline, awaiting_deadline_only, awaiting_report_only FROM task_progress WHERE row_no IN (5, 13) ORDER BY row_no")).rows,
        };
      };
      const before = await judged("2017-11-20");
      const thirteen = reporters.filter((r) => (r.code as string).startsWith("CX75-13")).length;
      expect(before.pairs).toEqual([{ row_no: 5, progress_status: "on_track", awaiting_deadline: false, awaiting_report: false }, { row_no: 13, progress_status: "on_track", awaiting_deadline: true, awaiting_report: false }]);
      expect(before.tasks).toEqual([
        { row_no: 5, task_status: "on_track", awaiting_deadline: 0, awaiting_deadline_only: false, awaiting_report_only: false },
        { row_no: 13, task_status: "on_track", awaiting_deadline: thirteen, awaiting_deadline_only: true, awaiting_report_only: false },
      ]);
      // past the deadline (年内: 2017-12-31), December's report not due yet (5 January): still waiting, for that report
      const between = await judged("2018-01-02");
      expect(between.pairs.filter((p) => p.row_no === 13)).toEqual([{ row_no: 13, progress_status: "on_track", awaiting_deadline: true, awaiting_report: true }]);
      expect(between.tasks.find((t) => t.row_no === 13)).toEqual({ row_no: 13, task_status: "on_track", awaiting_deadline: thirteen, awaiting_deadline_only: true, awaiting_report_only: true });
      // once the deadline judges them, nothing waits any more
      const after = await judged("2018-01-10");
      expect(after.pairs.filter((p) => p.row_no === 13)).toEqual([{ row_no: 13, progress_status: "overdue", awaiting_deadline: false, awaiting_report: false }]);
      expect(after.tasks.map((t) => [t.awaiting_deadline_only, t.awaiting_report_only])).toEqual([[false, false], [false, false]]);
    });
  });

  it("a rejected row names its department, target and period when known, and the later file that sent that key again, once received", async () => {
    await withOwnWarehouse(() => {}, async (w, load) => {
      await load("jxj-10.csv", "2017-11-03 10:00:00", ["市经信局,CX75-06-01,2017-10,-300,家,,,,", "市经信局,CX75-29-02,2017-10,abc,家,,,,", "市经信,CX75-29-02,2017-09,1,家,,,,", "某某办,CX75-29-02,2017-09,1,家,,,,"], "2017-11-30");
      await load("jxj-10-更正.csv", "2017-11-06 09:00:00", ["市经信局,CX75-06-01,2017-10,300,家,,,,"], "2017-11-30");
      const rejects = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT source_row, code, department_name, target_code, period, corrected_by, strftime(corrected_at, '%m-%d') AS corrected_at FROM rejects ORDER BY source_row")).rows;
      };
      const before = [
        { source_row: 2, code: "E_NEGATIVE", department_name: "市经信局", target_code: "CX75-06-01", period: "2017-10", corrected_by: null, corrected_at: null },
        { source_row: 3, code: "E_NOT_A_NUMBER", department_name: "市经信局", target_code: "CX75-29-02", period: "2017-10", corrected_by: null, corrected_at: null },
        // (a name not known, near one reporter of the target alone, as its message asks: meant for that department)
        { source_row: 4, code: "E_UNKNOWN_DEPARTMENT", department_name: "市经信局", target_code: "CX75-29-02", period: "2017-09", corrected_by: null, corrected_at: null },
        // (a name near none: the target and period it names, without a department)
        { source_row: 5, code: "E_UNKNOWN_DEPARTMENT", department_name: null, target_code: "CX75-29-02", period: "2017-09", corrected_by: null, corrected_at: null },
      ];
      // before the correction is received: every row waits for the department
      expect(await rejects("2017-11-05")).toEqual(before);
      // after: the negative's key was sent again; the others were not
      expect(await rejects("2017-11-10")).toEqual([{ ...before[0], corrected_by: "jxj-10-更正.csv", corrected_at: "11-06" }, ...before.slice(1)]);
      // 市经信局's September: sent (under a name not known) and sent back, not never sent
      expect((await query(w.connection, "SELECT status FROM reporting_calendar WHERE department_name = '市经信局' AND period = '2017-09'")).rows).toEqual([{ status: "returned" }]);
    });
  });

  it("lagging is 10 percentage points or more behind the schedule, on the whole percentages shown (以上 includes its number)", async () => {
    await withOwnWarehouse(() => {}, async (w, load) => {
      // CX75-06-01: 450家 by 2017-12-31; October's report against 83 % of the year (303 of 364 days)
      const status = async (value: number) => {
        await load(`jxj-${value}.csv`, "2017-11-03 10:00:00", [`市经信局,CX75-06-01,2017-10,${value},家,,,,`], "2017-11-30");
        await setAsOf(w.connection, "2017-11-20");
        return (await query(w.connection, `SELECT round(progress * 100) AS shown, round(elapsed * 100) AS schedule, round((elapsed - progress) * 100, 1) AS gap, progress_status
          FROM target_progress WHERE code = 'CX75-06-01' AND department_name = '市经信局'`)).rows[0];
      };
      // 330 of 450: 73 % against 83 %, 9.9 points behind: shown 10 points behind, lagging
      expect(await status(330)).toEqual({ shown: 73, schedule: 83, gap: 9.9, progress_status: "lagging" });
      // 333: 74 % against 83 %: on track
      expect(await status(333)).toEqual({ shown: 74, schedule: 83, gap: 9.2, progress_status: "on_track" });
    });
  });

  it("a goal below one that is no counted thing (提高0.2个百分点) has its share of the way: half of it late in the year lags", async () => {
    const points = (f: ReturnType<typeof copyData>) =>
      edit(f.policyDir, "targets.csv", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,", "CX75-08-01,published,8,quantity,,0.2,,个百分点,个百分点,0.2,increment,");
    await withOwnWarehouse(points, async (w, load) => {
      await load("kjj-10.csv", "2017-11-03 10:00:00", ["市科技局,CX75-08-01,2017-10,0.1,个百分点,,,,"], "2017-11-30");
      await setAsOf(w.connection, "2017-11-20");
      expect((await query(w.connection, "SELECT progress, elapsed > 0.8 AS late_in_year, indivisible, progress_status FROM target_progress WHERE code = 'CX75-08-01'")).rows[0])
        .toEqual({ progress: 0.5, late_in_year: true, indivisible: false, progress_status: "lagging" });
      // the unit table the rule reads: a count is a count, a percentage point is not
      expect((await query(w.connection, "SELECT unit, category FROM raw.units WHERE unit IN ('次', '个百分点', '公里') ORDER BY unit")).rows)
        .toEqual([{ unit: "个百分点", category: "percent" }, { unit: "公里", category: "length" }, { unit: "次", category: "count" }]);
    });
  });
});

describe("before any report is due", () => {
  it("a target with nothing reported is not due until its first month's report is, then not reported; one counted from next year waits for it", async () => {
    const later = (f: ReturnType<typeof copyData>) =>
      edit(f.policyDir, "targets.csv", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,,,人才和团队,,,2017-01-01,", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,,2018-12-31,人才和团队,,,2018-01-01,");
    await withOwnWarehouse(later, async (w) => {
      const status = async (asOf: string, code: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, `SELECT first_period, progress_status FROM target_progress WHERE code = '${code}'`)).rows[0];
      };
      // the policy's first month (2017-09) is due in early October
      expect(await status("2017-10-04", "CX75-06-01")).toEqual({ first_period: "2017-09", progress_status: "not_due" });
      expect(await status("2017-10-10", "CX75-06-01")).toEqual({ first_period: "2017-09", progress_status: "not_reported" });
      expect(await status("2017-12-10", "CX75-08-01")).toEqual({ first_period: "2018-01", progress_status: "not_due" });
      expect(await status("2018-02-10", "CX75-08-01")).toEqual({ first_period: "2018-01", progress_status: "not_reported" });
      // a task rolls its pairs up: every status counted once, not_due among them
      await setAsOf(w.connection, "2017-10-04");
      const tasks = (await query(w.connection, "SELECT sum(not_due) AS not_due, sum(pairs) AS pairs, count(*) FILTER (WHERE task_status = 'not_due') AS due_later FROM task_progress")).rows[0]!;
      expect(Number(tasks.not_due)).toBe(Number(tasks.pairs));
      expect(Number(tasks.due_later)).toBeGreaterThan(0);
    });
  });
});

describe("a month sent and sent back", () => {
  it("is returned, not missing, when every row the department sent for it was rejected; a corrected file then counts as received", async () => {
    await withOwnWarehouse(() => {}, async (w, load) => {
      // 市金融办 owes CX75-16-01; its 2017-10 row is rejected (a status not in the list), 市科技局 sends nothing
      const sent = await load("jrb-2017-10.csv", "2017-11-03 09:00:00", ["市金融办,CX75-16-01,2017-10,,,基本完成,,,"], "2017-12-31");
      expect(sent.rejected_by_code).toEqual({ E_BAD_STATUS: 1 });
      const month = async (department: string) => {
        await setAsOf(w.connection, "2017-11-20");
        return (await query(w.connection, `SELECT status, returned_targets FROM reporting_calendar WHERE department_name = $1 AND period = '2017-10'`, [department])).rows[0];
      };
      expect(await month("市金融办")).toEqual({ status: "returned", returned_targets: 1 });
      expect(await month("市科技局")).toMatchObject({ status: "missing", returned_targets: 0 });
      expect((await query(w.connection, `SELECT months_returned, months_missing, months_received FROM reporting_rates WHERE department_name = '市金融办'`)).rows[0])
        .toMatchObject({ months_returned: 1, months_received: 0 });
      // corrected and sent again (late): received
      await load("jrb-2017-10-改.csv", "2017-11-08 09:00:00", ["市金融办,CX75-16-01,2017-10,,,推进中,,,"], "2017-12-31");
      expect(await month("市金融办")).toEqual({ status: "late", returned_targets: 0 });
    });
  });
});

describe("a figure that looks like a digit typed once too often", () => {
  it("is flagged by the current figures when ten times the month before and the increase alone reaches the target; a correction clears it", async () => {
    await withOwnWarehouse(() => {}, async (w, load) => {
      // CX75-06-01: 450家 by the year's end; CX75-29-02: 2300家 (a tenfold rise, but far less than the target)
      await load("jxj-09.csv", "2017-10-03 09:00:00", ["市经信局,CX75-06-01,2017-09,287,家,,,,", "市经信局,CX75-29-02,2017-09,5,家,,,,"], "2017-12-31");
      await load("jxj-10.csv", "2017-11-02 09:00:00", ["市经信局,CX75-06-01,2017-10,3270,家,,本月新增40家，累计327家,,", "市经信局,CX75-29-02,2017-10,60,家,,,,"], "2017-12-31");
      const flagged = async (asOf: string) => {
        await setAsOf(w.connection, asOf);
        return (await query(w.connection, "SELECT code, flag_reason FROM observations WHERE flagged ORDER BY code")).rows;
      };
      // (its note gives the figure meant: asked about too)
      expect(await flagged("2017-11-03")).toEqual([
        { code: "CX75-06-01", flag_reason: "进展情况中写的“累计327家”与累计完成值 3270家 不符，请核对哪个是对的（进展情况是否沿用了以前月份的文字？）；累计值 3270家 是 2017-09 的 287家 的 10 倍以上，增加的部分已超过目标值 450家：是否多写了一位数？请核对" },
      ]);
      await load("jxj-10-更正.csv", "2017-11-06 09:00:00", ["市经信局,CX75-06-01,2017-10,327,家,,更正：多录一位数字,,"], "2017-12-31");
      expect(await flagged("2017-11-10")).toEqual([]);
    });
  });
});
