/**
 * A falling cumulative figure (src/drops.ts) is loaded but flagged for review, unless its 进展情况 explains it. The
 * period before a row is the one the warehouse holds once the file is in: the file's own rows in any order, the
 * figures loaded before for periods it does not set. Both readers and dry runs give the same flags.
 */
import { listValue } from "@duckdb/node-api";
import { copyFileSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../src/build.js";
import { dropReason } from "../src/drops.js";
import { EXPLAINS_FALL_SQL, explainsFall } from "../src/ingest/review.js";
import { PACKAGE_ROOT } from "../src/paths.js";
import { loadMonthlyFile, type IngestSummary } from "../src/monthly.js";
import { openWarehouse, query } from "../src/warehouse.js";
import { copyData, edit } from "./support/fixtures.js";

const HEADER = "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期";
const AS_OF = "2018-03-01";
let fixture: ReturnType<typeof copyData>;
let pristine: string;
let n = 0;

beforeAll(async () => {
  fixture = copyData();
  pristine = join(fixture.dir, "pristine.duckdb");
  await buildWarehouse({ data: fixture.data, db: pristine });
});
afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));

/** 市经信局 reports CX75-04-01 (家) in the curated policy. */
const row = (period: string, value: string, note = "", reportedAt = "2018-02-05") => `市经信局,CX75-04-01,${period},${value},家,推进中,${note},高某,${reportedAt}`;
const csv = (lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join("\n") + "\n");

/** A fresh warehouse; loads files in order with one reader and gives each summary and the stored flags. */
async function loads(engine: "js" | "bulk", files: string[][], dryRunLast = false) {
  const db = join(fixture.dir, `w${n++}.duckdb`);
  copyFileSync(pristine, db);
  const wh = await openWarehouse(db, { readOnly: false });
  try {
    const summaries: IngestSummary[] = [];
    for (const [k, lines] of files.entries()) {
      summaries.push(await loadMonthlyFile(wh.connection, {
        name: `f${k}.csv`, bytes: csv(lines), asOf: AS_OF, receivedAt: `2018-02-0${k + 1} 09:00:00`, archiveName: null, engine,
        dryRun: dryRunLast && k === files.length - 1,
      }));
    }
    const stored = (await query(wh.connection, `SELECT receipt_no, period, new_value AS value, flag_reason FROM observation_history WHERE flagged ORDER BY receipt_no, period`)).rows;
    const current = (await query(wh.connection, `SELECT period, value, flag_reason FROM observations WHERE flagged ORDER BY period`)).rows;
    return { summaries, stored, current, last: summaries.at(-1)! };
  } finally {
    wh.close();
  }
}

const reasons = (s: IngestSummary) => s.flags.map((f) => [f.row, f.period, f.reason]);

describe.each(["js", "bulk"] as const)("falling cumulative figures (%s reader)", (engine) => {
  it("compares with the file's own earlier period, whatever the order of its rows", async () => {
    const { last, stored } = await loads(engine, [[row("2017-11", "8"), row("2017-09", "6"), row("2017-10", "4"), row("2017-12", "7")]]);
    expect(last.reader).toBe(engine);
    expect(reasons(last)).toEqual([
      [4, "2017-10", "累计值 4家 低于本文件中 2017-09 的 6家，且进展情况未说明原因"],
      [5, "2017-12", "累计值 7家 低于本文件中 2017-11 的 8家，且进展情况未说明原因"],
    ]);
    expect(last.flagged).toBe(2);
    expect(stored).toEqual([
      { receipt_no: 1, period: "2017-10", value: 4, flag_reason: "累计值 4家 低于本文件中 2017-09 的 6家，且进展情况未说明原因" },
      { receipt_no: 1, period: "2017-12", value: 7, flag_reason: "累计值 7家 低于本文件中 2017-11 的 8家，且进展情况未说明原因" },
    ]);
  });

  it("does not ask about a share to reach going down (覆盖率, 优良天数比例: its figure to date moves with what it is a share of)", async () => {
    const share = (period: string, value: string) => `市经信局,CX75-33-01,${period},${value},%,推进中,,高某,2018-02-05`;
    const { last, current } = await loads(engine, [[share("2017-09", "80"), share("2017-10", "70"), row("2017-09", "6"), row("2017-10", "4")]]);
    expect(reasons(last)).toEqual([[5, "2017-10", "累计值 4家 低于本文件中 2017-09 的 6家，且进展情况未说明原因"]]);
    expect(current.map((r) => r.period)).toEqual(["2017-10"]);
  });

  it("compares with the figures loaded before for the periods the file does not set", async () => {
    const { last } = await loads(engine, [[row("2017-09", "6"), row("2017-10", "9")], [row("2017-11", "7")]]);
    expect(reasons(last)).toEqual([[2, "2017-11", "累计值 7家 低于此前已载入的 2017-10 的 9家，且进展情况未说明原因"]]);
  });

  it("a file that corrects the earlier period is compared with its correction, not the old figure", async () => {
    const { last, stored } = await loads(engine, [
      [row("2017-09", "10"), row("2017-10", "12")],
      [row("2017-09", "5", "更正：重复统计"), row("2017-10", "8")],
    ]);
    expect(reasons(last)).toEqual([]);
    expect(stored).toEqual([]);
  });

  it("a correction that lowers a period below the one before it is flagged; the later period it leaves is not", async () => {
    const { last } = await loads(engine, [[row("2017-09", "10"), row("2017-10", "12"), row("2017-11", "15")], [row("2017-10", "9")]]);
    expect(reasons(last)).toEqual([[2, "2017-10", "累计值 9家 低于此前已载入的 2017-09 的 10家，且进展情况未说明原因"]]);
  });

  it("a note explains a drop; a rejected row, a row without a figure and an unchanged row do not count as a period of their own", async () => {
    const { last } = await loads(engine, [[row("2017-08", "2")], [
      row("2017-08", "2"), // unchanged: the figure loaded before stands
      row("2017-09", "12", "", "2017-10-05"),
      row("2017-10", "-1"), // rejected
      "市经信局,CX75-04-01,2017-11,,,推进中,,高某,2017-12-05", // no figure
      row("2017-12", "10"), // below 2017-09
      row("2018-01", "3", "统计口径调整"), // explained
    ]]);
    expect(last).toMatchObject({ unchanged: 1, rejected: 1 });
    expect(reasons(last)).toEqual([[6, "2017-12", "累计值 10家 低于本文件中 2017-09 的 12家，且进展情况未说明原因"]]);
  });

  it("a placeholder note (无, /, —, 同上, 暂无。) explains nothing: the drop is flagged at load and in the current figures", async () => {
    const notes = ["无", "/", "—", "同上", "暂无。", "N/A"];
    const lines = [row("2017-06", "30"), ...notes.map((note, k) => row(`2017-${String(7 + k).padStart(2, "0")}`, String(29 - k), note))];
    const { last, current } = await loads(engine, [lines]);
    expect(last.flags.map((f) => f.period)).toEqual(["2017-07", "2017-08", "2017-09", "2017-10", "2017-11", "2017-12"]);
    expect(current.map((c) => c.period)).toEqual(["2017-07", "2017-08", "2017-09", "2017-10", "2017-11", "2017-12"]);
    // a word that says why, however short, explains it
    const explained = await loads(engine, [[row("2017-06", "30"), row("2017-07", "29", "退库"), row("2017-08", "28", "无变化的原因：企业注销")]]);
    expect(explained.last.flags).toEqual([]);
  });

  it("a row with a status and no figure takes the place of that month's figure, flagged: the month before it is compared", async () => {
    const status = (period: string) => `市经信局,CX75-04-01,${period},,,推进中,,高某,2018-01-05`;
    const loaded = [row("2017-09", "10"), row("2017-10", "12")];
    const cleared = [2, "2017-10", "未填累计完成值：此前已载入的 12 被本行取代（只报完成状态）"];
    const first = await loads(engine, [loaded, [status("2017-10"), row("2017-11", "11")]]);
    expect(reasons(first.last)).toEqual([cleared]);
    expect(first.stored).toEqual([{ receipt_no: 2, period: "2017-10", value: null, flag_reason: cleared[2] }]);
    expect(reasons((await loads(engine, [loaded, [status("2017-10"), row("2017-11", "9")]])).last)).toEqual([
      cleared,
      [3, "2017-11", "累计值 9家 低于此前已载入的 2017-09 的 10家，且进展情况未说明原因"],
    ]);
    // a status where nothing was loaded before, or where only a status was: nothing cleared
    expect(reasons((await loads(engine, [[status("2017-10")], [status("2017-10").replace("推进中", "未启动")]])).last)).toEqual([]);
  });

  it("a figure sent again with an explanation is a new version: the current figure is no longer flagged, the history keeps the flag", async () => {
    const { summaries, stored, current } = await loads(engine, [[row("2017-09", "6"), row("2017-10", "4")], [row("2017-10", "4", "口径调整：剔除注销企业2家")]]);
    expect(summaries.map((x) => [x.imported, x.updated, x.unchanged, x.flagged])).toEqual([[2, 0, 0, 1], [0, 1, 0, 0]]);
    expect(stored).toEqual([{ receipt_no: 1, period: "2017-10", value: 4, flag_reason: "累计值 4家 低于本文件中 2017-09 的 6家，且进展情况未说明原因" }]);
    expect(current).toEqual([]);
  });

  it("current figures are judged on the current figures before them: a later correction of the period before clears a drop, or makes one", async () => {
    const first = [row("2017-09", "6"), row("2017-10", "4"), row("2017-11", "7")];
    // 2017-09 corrected to 3: 2017-10's 4 no longer falls (the load-time flag stays in the history)
    const lowered = await loads(engine, [first, [row("2017-09", "3", "更正：误报")]]);
    expect(lowered.current).toEqual([]);
    expect(lowered.stored.map((x) => x.period)).toEqual(["2017-10"]);
    // 2017-10 corrected to 8: 2017-11's 7, loaded before, now falls below it; 2017-10 no longer does
    const raised = await loads(engine, [first, [row("2017-10", "8", "更正")]]);
    expect(raised.current).toEqual([{ period: "2017-11", value: 7, flag_reason: "累计值 7家 低于此后载入的 2017-10 的 8家，且进展情况未说明原因" }]);
    // (the correcting load says so: a month loaded before now below the month it raised)
    expect(raised.summaries[1]!.later_falls).toMatchObject([{ period: "2017-11", reason: "此前已载入的 2017-11 的 7家 低于本文件所报 2017-10 的 8家：请核对哪一期有误" }]);
    expect(lowered.summaries[1]!.later_falls).toBeUndefined();
    // the period before corrected but still above: the load-time reason stands only while its figure does
    const still = await loads(engine, [first, [row("2017-09", "5", "更正")]]);
    expect(still.current).toEqual([{ period: "2017-10", value: 4, flag_reason: "累计值 4家 低于此后载入的 2017-09 的 5家，且进展情况未说明原因" }]);
    // a note the later month carried before the month before it was raised was not written about that figure: it
    // does not explain the fall the correction made
    const noted = await loads(engine, [[row("2017-09", "6"), row("2017-10", "6"), row("2017-11", "7", "本月新增1家")], [row("2017-10", "8", "更正")]]);
    expect(noted.current).toEqual([{ period: "2017-11", value: 7, flag_reason: "累计值 7家 低于此后载入的 2017-10 的 8家（本行的进展情况写于该数更正之前）：请核对哪一期有误，重报本月时在进展情况中说明" }]);
    // sent again after the correction with its note, it is explained
    const renoted = await loads(engine, [[row("2017-09", "6"), row("2017-10", "6"), row("2017-11", "7", "本月新增1家")], [row("2017-10", "8", "更正")], [row("2017-11", "7", "10月更正后，本月核减1家")]]);
    expect(renoted.current).toEqual([]);
    // a month first sent late is no correction: the note of the month after it explains its fall from the month before
    const late = await loads(engine, [[row("2017-09", "6")], [row("2017-11", "5", "企业注销1家，核减1家")], [row("2017-10", "6")]]);
    expect(late.current).toEqual([]);
    const untouched = await loads(engine, [first]);
    expect(untouched.current).toEqual([{ period: "2017-10", value: 4, flag_reason: "累计值 4家 低于本文件中 2017-09 的 6家，且进展情况未说明原因" }]);
  });

  it("puts the drop before the row's other reasons, in the summary and in the warehouse", async () => {
    const { last, stored } = await loads(engine, [[row("2017-09", "6"), row("2017-10", "4", "", "2018-04-01")]]);
    const reason = "累计值 4家 低于本文件中 2017-09 的 6家，且进展情况未说明原因；填报日期 2018-04-01 晚于核对日期 2018-03-01";
    expect(reasons(last)).toEqual([[3, "2017-10", reason]]);
    expect(stored).toEqual([{ receipt_no: 1, period: "2017-10", value: 4, flag_reason: reason }]);
  });

  it("a dry run gives the flags the load would give, and stores nothing", async () => {
    const files = [[row("2017-09", "10"), row("2017-10", "12")], [row("2017-11", "11"), row("2017-12", "9"), row("2017-09", "13")]];
    const dry = await loads(engine, files, true);
    const real = await loads(engine, files);
    expect(dry.last.status).toBe("dry_run");
    expect(reasons(dry.last)).toEqual(reasons(real.last));
    expect(reasons(real.last)).toEqual([
      [2, "2017-11", "累计值 11家 低于此前已载入的 2017-10 的 12家，且进展情况未说明原因"],
      [3, "2017-12", "累计值 9家 低于本文件中 2017-11 的 11家，且进展情况未说明原因"],
    ]);
    expect(dry.stored).toEqual([]);
  });
});

describe("dropReason", () => {
  it("says where the earlier figure comes from", () => {
    expect(dropReason({ value: 4, previousPeriod: "2017-09", previousValue: 6.5, previousInFile: false })).toBe("累计值 4 低于此前已载入的 2017-09 的 6.5，且进展情况未说明原因");
    expect(dropReason({ value: 4, previousPeriod: "2017-09", previousValue: 6.5, previousInFile: true })).toBe("累计值 4 低于本文件中 2017-09 的 6.5，且进展情况未说明原因");
    // (each figure with the target's unit: a clerk who wrote 10000万元 sees it read as 1亿元)
    expect(dropReason({ value: 1, previousPeriod: "2023-06", previousValue: 7000, previousInFile: false, unit: "亿元" })).toBe("累计值 1亿元 低于此前已载入的 2023-06 的 7000亿元，且进展情况未说明原因");
  });
});

describe.each(["js", "bulk"] as const)("figures meant to go down (%s reader): no fall to flag", (engine) => {
  it.each([
    ["a ceiling (控制在10家以内)", "CX75-04-01,published,4,quantity,at_most,10,"],
    ["a goal below its baseline (from 20 down to 10家)", null],
  ])("%s: a fall is loaded unflagged, at load time and in the current figures", async (_name, ceiling) => {
    const f = copyData();
    const original = "CX75-04-01,published,4,quantity,,10,,家,家,10,increment,,,智能经济行业龙头企业,,,2017-01-01,,";
    edit(f.policyDir, "targets.csv", original, ceiling === null ? original.replace(/,,$/, ",20,").replace("increment", "level") : original.replace("CX75-04-01,published,4,quantity,,10,", ceiling));
    const db = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db });
    const wh = await openWarehouse(db, { readOnly: false });
    try {
      const load = (k: number, lines: string[]) => loadMonthlyFile(wh.connection, {
        name: `f${k}.csv`, bytes: csv(lines), asOf: AS_OF, receivedAt: `2018-02-0${k + 1} 09:00:00`, archiveName: null, engine,
      });
      // within one file and against a figure loaded before
      expect((await load(0, [row("2017-10", "14"), row("2017-11", "12")])).flags).toEqual([]);
      expect((await load(1, [row("2017-12", "9")])).flags).toEqual([]);
      expect((await query(wh.connection, "SELECT count(*) AS n FROM observations WHERE flagged")).rows.map((r) => Number(r.n))).toEqual([0]);
    } finally {
      wh.close();
      rmSync(f.dir, { recursive: true, force: true });
    }
  });
});

describe("EXPLAINS_FALL_SQL", () => {
  it("is the rule the observations view clears a current fall by, and gives explainsFall's verdict on the same notes", async () => {
    const view = readFileSync(join(PACKAGE_ROOT, "src", "sql", "views", "observations.sql"), "utf8");
    expect(view).toContain(EXPLAINS_FALL_SQL);
    const notes = ["", "无", "无。", "/", "／", "\\", "—", "——", "-", "……", "同上", "如上", "暂无", "正常", "n/a", "NA", "None", "略",
      "无变化", "退库", "口径调整", "无变化的原因：企业注销", "同上月", "正常推进中", "——————————————", "x", "X",
      // (a status word says how the work goes, not why the figure fell)
      "推进中", "进展顺利", "已完成。", "推进中，因企业注销核减2家",
      // (a note on the month's work, or the figure again, gives no reason for the fall)
      "本月新增机器人18台", "上云工作稳步推进，新增企业上云", "同比-4.9%", "受疫情影响进度滞后", "2家企业迁往外地，相应核减",
      // (everyday phrases holding 因, 由于 or 调整 that give no reason for a fall; a reason beside them still counts)
      "坚持因企施策，分类推进", "因地制宜开展项目排摸", "由于企业积极性高，推进顺利", "加大结构调整力度", "因地制宜推进，因2家企业关停核减"];
    const wh = await openWarehouse(pristine, { readOnly: true });
    try {
      const sql = (await query(wh.connection, `SELECT ${EXPLAINS_FALL_SQL} AS explains FROM unnest($1::VARCHAR[]) AS t(note)`, [listValue(notes)])).rows.map((r) => r.explains);
      expect(sql).toEqual(notes.map((n) => explainsFall(n)));
      expect(notes.filter((n) => explainsFall(n))).toEqual(["退库", "口径调整", "无变化的原因：企业注销", "推进中，因企业注销核减2家", "受疫情影响进度滞后", "2家企业迁往外地，相应核减",
        "因地制宜推进，因2家企业关停核减"]);
    } finally {
      wh.close();
    }
  });
});
