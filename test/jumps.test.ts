import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../src/paths.js";
import { describe, expect, it } from "vitest";
import { jumpReason } from "../src/drops.js";
import { CONFIRMS_HUGE_SQL, confirmsHuge } from "../src/ingest/review.js";
import { cliLoads } from "./support/cli-loads.js";

// A figure ten times the one of the period before it whose increase alone reaches the target (287 → 3270 for 450家):
// loaded but flagged, in the load's summary and by the observations view, with the same reason; a note does not clear
// it, a corrected figure does.
const loads = cliLoads();
const { file, ingest } = loads;
const flagged = () => loads.flagged("code, period, value, flag_reason", "2017-12-31");

describe.each(["js", "bulk"])("a figure that jumps tenfold (reader %s)", (reader) => {
  const env = { LUOSHI_READER: reader };
  const typo = jumpReason({ value: 3270, previousPeriod: "2017-09", previousValue: 287, targetValue: 450, unit: "家" });

  it("against a figure loaded before: flagged in the summary and in the observations view with the same reason, a note notwithstanding", () => {
    // (each figure with the target's unit)
    expect(typo).toBe("累计值 3270家 是 2017-09 的 287家 的 10 倍以上，增加的部分已超过目标值 450家：是否多写了一位数？请核对");
    ingest(env, file("jxj-09.csv", ["市经信局,CX75-06-01,2017-09,287,家,,,张三,2017-10-08"]), "--received-at", "2017-10-08");
    // (the note gives the figure meant, which disagrees with the one typed: asked about too)
    const dry = ingest(env, file("jxj-10.csv", ["市经信局,CX75-06-01,2017-10,3270,家,,累计327家,张三,2017-11-03"]), "--dry-run");
    const both = `进展情况中写的“累计327家”与累计完成值 3270家 不符，请核对哪个是对的（进展情况是否沿用了以前月份的文字？）；${typo}`;
    expect(dry.flags).toEqual([{ row: 2, code: "CX75-06-01", department: "市经信局", period: "2017-10", reason: both }]);
    const loaded = ingest(env, join(loads.dir(), "jxj-10.csv"), "--received-at", "2017-11-03");
    expect(loaded.flags).toEqual(dry.flags);
    expect(loaded.flagged).toBe(1);
    expect(flagged()).toEqual([{ code: "CX75-06-01", period: "2017-10", value: 3270, flag_reason: both }]);
    // the corrected figure clears it
    const corrected = ingest(env, file("jxj-10-更正.csv", ["市经信局,CX75-06-01,2017-10,327,家,,,张三,2017-11-06"]), "--received-at", "2017-11-06");
    expect(corrected.flags).toEqual([]);
    expect(flagged()).toEqual([]);
    // the history keeps the flag the typo's load gave it
    expect(loads.flaggedWhenLoaded("period, version, new_value, flag_reason", "2017-12-31")).toEqual([{ period: "2017-10", version: 1, new_value: 3270, flag_reason: both }]);
  });

  it("a flagged figure that reaches the goal does not finish the target (it stays in the reporting calendar); the next month's figure beyond it, not flagged, does", () => {
    const progress = () => loads.query("SELECT code, done_period, progress_status, figure_flagged FROM target_progress WHERE code = 'CX75-06-01' AND department_name = '市经信局'", "2017-12-31");
    ingest(env, file("jxj-09.csv", ["市经信局,CX75-06-01,2017-09,287,家,,,张三,2017-10-08"]), "--received-at", "2017-10-08");
    ingest(env, file("jxj-10.csv", ["市经信局,CX75-06-01,2017-10,3270,家,,,张三,2017-11-03"]), "--received-at", "2017-11-03");
    expect(progress()).toEqual([{ code: "CX75-06-01", done_period: null, progress_status: expect.not.stringMatching(/^done/), figure_flagged: true }]);
    // not reached (reached_periods), so still owed in November: the department can confirm or correct the figure
    expect(loads.query("SELECT count(*)::INTEGER AS n FROM reached_periods r JOIN targets t USING (target_id) WHERE t.code = 'CX75-06-01'", "2017-12-31")).toEqual([{ n: 0 }]);
    ingest(env, file("jxj-11.csv", ["市经信局,CX75-06-01,2017-11,3300,家,,,张三,2017-12-04"]), "--received-at", "2017-12-04");
    expect(progress()).toEqual([{ code: "CX75-06-01", done_period: "2017-11", progress_status: "done", figure_flagged: false }]);
  });

  it("a figure flagged for another reason than doubt about the figure itself (an unreadable 填报日期) finishes the target as any other", () => {
    ingest(env, file("jxj-10.csv", ["市经信局,CX75-06-01,2017-10,460,家,,,张三,2017-13-45"]), "--received-at", "2017-11-03");
    expect(loads.query("SELECT done_period, figure_flagged FROM target_progress WHERE code = 'CX75-06-01' AND department_name = '市经信局'", "2017-12-31"))
      .toEqual([{ done_period: "2017-10", figure_flagged: true }]);
  });

  it("within one file (two months sent together): flagged; a rise that does not reach the target, or from 0, is not", () => {
    const summary = ingest(env, file("jxj-09-10.csv", [
      "市经信局,CX75-06-01,2017-09,287,家,,,张三,2017-11-03",
      "市经信局,CX75-06-01,2017-10,3270,家,,,张三,2017-11-03",
      "市经信局,CX75-29-02,2017-09,0,家,,,张三,2017-11-03",
      "市经信局,CX75-29-02,2017-10,1500,家,,,张三,2017-11-03",
    ]), "--received-at", "2017-11-03");
    expect(summary.flags.map((f: { row: number; reason: string }) => [f.row, f.reason])).toEqual([[3, typo]]);
    expect(flagged()).toEqual([{ code: "CX75-06-01", period: "2017-10", value: 3270, flag_reason: typo }]);
  });
});

// A figure ten times its goal or more (3000 亿元 for 20 亿元: the template's unit kept for a figure in 万元) is mostly a
// unit mistaken: flagged, and until its 进展情况 confirms it (超额完成，已核实) it finishes nothing, so the target stays
// in the next template for the department to correct it.
describe.each(["js", "bulk"])("a figure ten times its goal (reader %s)", (reader) => {
  const env = { LUOSHI_READER: reader };
  const progress = () => loads.query("SELECT done_period, progress_status, figure_flagged FROM target_progress WHERE code = 'CX75-17-02' AND department_name = '市财政局'", "2017-12-31");

  it("is flagged and finishes nothing until the department confirms it in 进展情况 or corrects it", () => {
    const loaded = ingest(env, file("czj-10.csv", ["市财政局,CX75-17-02,2017-10,3000,亿元,推进中,,张三,2017-11-03"]), "--received-at", "2017-11-03");
    expect(loaded.flags.map((f: { reason: string }) => f.reason)).toEqual([expect.stringContaining("是目标值 20亿元 的 150 倍，请核对单位（如 万元 与 亿元、元 与 万元），或是否填了总量而非新增量；核对之前不算完成")]);
    expect(progress()).toEqual([{ done_period: null, progress_status: expect.not.stringMatching(/^done/), figure_flagged: true }]);
    // confirmed: no longer flagged, and it finishes the target
    const confirmed = ingest(env, file("czj-10-核实.csv", ["市财政局,CX75-17-02,2017-10,3000,亿元,推进中,超额完成，已核实,张三,2017-11-06"]), "--received-at", "2017-11-06");
    expect(confirmed.flags).toEqual([]);
    expect(progress()).toEqual([{ done_period: "2017-10", progress_status: "done", figure_flagged: false }]);
  });
});

describe("CONFIRMS_HUGE_SQL", () => {
  it("is the rule the observations view clears a figure ten times its goal by, and gives confirmsHuge's verdict on the same notes", () => {
    const view = readFileSync(join(PACKAGE_ROOT, "src", "sql", "views", "observations.sql"), "utf8");
    expect(view).toContain(CONFIRMS_HUGE_SQL);
    for (const note of ["", "超额完成，已核实", "本月完成投资3000万元", "数据无误", "经确认", "同上", "已确认首批试点名单", "确认数据属实", "数据已确认"]) {
      const sql = loads.query(`SELECT ${CONFIRMS_HUGE_SQL.replaceAll("note", `'${note}'`)} AS yes`, "2017-12-31") as { yes: boolean }[];
      expect([note, sql[0]!.yes]).toEqual([note, confirmsHuge(note)]);
    }
    // (确认 of something else, a list of pilot firms, does not confirm the figure)
    expect(["超额完成，已核实", "数据无误", "经确认", "已确认首批试点名单", "确认数据属实", "数据已确认"].map(confirmsHuge)).toEqual([true, true, true, false, true, true]);
  });
});
