import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { revertReason } from "../src/reverts.js";
import { cliLoads } from "./support/cli-loads.js";

// A copy of an old file sent again after a later file corrected its figures: loaded (the latest file wins) but
// flagged, at load time and by the observations view, with the same reason.
const loads = cliLoads();
const { file, ingest } = loads;
const flagged = (asOf: string) => loads.flagged("code, period, value, status, flag_reason", asOf);

const OLD = [
  "市经信局,CX75-06-01,2017-10,300,家,,企业培育有序推进,张三,2017-11-03",
  "市经信局,CX75-36-01,2017-10,,,推进中,方案起草中,张三,2017-11-03",
];
const CORRECTION = [
  "市经信局,CX75-06-01,2017-10,310,家,,企业培育有序推进,张三,2017-11-20",
  "市经信局,CX75-36-01,2017-10,,,已完成,方案已印发,张三,2017-11-20",
];

describe.each(["js", "bulk"])("a figure put back by a re-sent old file (reader %s)", (reader) => {
  const env = { LUOSHI_READER: reader };

  it("is loaded, and flagged in the summary and in the observations view with the same reason", () => {
    ingest(env, file("jxj-10.csv", OLD), "--received-at", "2017-11-05");
    ingest(env, file("jxj-10-更正.csv", CORRECTION), "--received-at", "2017-11-21");
    // the old file saved again (Windows line breaks, another name): other bytes, the same report
    const again = ingest(env, file("jxj-10(1).csv", OLD, "\r\n"), "--received-at", "2017-12-02");
    const reasons = [
      revertReason({ earlierFile: "jxj-10.csv", correctedBy: "jxj-10-更正.csv", correctedValue: 310, correctedStatus: null }),
      revertReason({ earlierFile: "jxj-10.csv", correctedBy: "jxj-10-更正.csv", correctedValue: null, correctedStatus: "done" }),
    ];
    expect(reasons[0]).toBe("与 jxj-10.csv 所报相同，而该数已被 jxj-10-更正.csv 更正为 310：可能重发了旧文件；如确需恢复，请在进展情况中说明");
    expect(reasons[1]).toContain("更正为 已完成：");
    expect(again).toMatchObject({ status: "loaded", updated: 2, flagged: 2 });
    expect(again.flags.map((f: { row: number; reason: string }) => [f.row, f.reason])).toEqual([[2, reasons[0]], [3, reasons[1]]]);
    // the latest file wins, as always; the view flags the figures it put back
    expect(flagged("2017-12-31")).toEqual([
      { code: "CX75-06-01", period: "2017-10", value: 300, status: null, flag_reason: reasons[0] },
      { code: "CX75-36-01", period: "2017-10", value: null, status: "in_progress", flag_reason: reasons[1] },
    ]);
    // before the copy arrived, the correction stood and nothing was flagged
    expect(flagged("2017-11-30")).toEqual([]);
    // the history keeps the copy's versions with the flags of their load
    expect(loads.flaggedWhenLoaded("code, version, flag_reason", "2017-12-31")).toEqual([
      { code: "CX75-06-01", version: 3, flag_reason: reasons[0] },
      { code: "CX75-36-01", version: 3, flag_reason: reasons[1] },
    ]);
  });

  it("a dry run says the same", () => {
    ingest(env, file("jxj-10.csv", OLD));
    ingest(env, file("jxj-10-更正.csv", CORRECTION));
    const dry = ingest(env, file("jxj-10(1).csv", OLD, "\r\n"), "--dry-run");
    expect(dry).toMatchObject({ status: "dry_run", flagged: 2 });
    expect(dry.flags[0].reason).toContain("可能重发了旧文件");
  });

  it("is not flagged when the row says something of its own, or when the figure was never corrected", () => {
    ingest(env, file("jxj-10.csv", OLD));
    ingest(env, file("jxj-10-更正.csv", CORRECTION));
    // restored on purpose, with a note saying so
    const restored = ingest(env, file("jxj-10-恢复.csv", [OLD[0]!.replace("企业培育有序推进", "经核实，恢复为300家")]));
    expect(restored).toMatchObject({ updated: 1, flagged: 0 });
    // a figure reported once and then changed: a correction, not a revert
    const november = ingest(env, file("jxj-11.csv", ["市经信局,CX75-06-01,2017-11,320,家,,,张三,2017-12-03"]));
    const november2 = ingest(env, file("jxj-11-更正.csv", ["市经信局,CX75-06-01,2017-11,330,家,,,张三,2017-12-04"]));
    expect([november.flagged, november2.flagged]).toEqual([0, 0]);
    expect(flagged("2017-12-31")).toEqual([]);
  });

  it("is not flagged when the file it puts back was received after the one that replaced it (a back-filled file loaded late, then the later one loaded again, as the load advises)", () => {
    ingest(env, file("jxj-10-更正.csv", CORRECTION), "--received-at", "2017-11-21");
    // back-filled: received earlier, loaded later; it wins for now, and the load says how to put the later one back
    ingest(env, file("jxj-10.csv", OLD), "--received-at", "2017-11-05");
    const again = ingest(env, file("jxj-10-更正(1).csv", CORRECTION, "\r\n"), "--received-at", "2017-12-02");
    expect(again).toMatchObject({ updated: 2, flagged: 0 });
    expect(flagged("2017-12-31")).toEqual([]);
    expect(loads.query("SELECT value, status FROM observations WHERE code IN ('CX75-06-01', 'CX75-36-01') ORDER BY code", "2017-12-31"))
      .toEqual([{ value: 310, status: null }, { value: null, status: "done" }]);
  });
});
