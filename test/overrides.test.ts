import { describe, expect, it } from "vitest";
import { overrideReason } from "../src/overrides.js";
import { cliLoads } from "./support/cli-loads.js";

// A row of another department, in a file that is not that department's own, changing a figure the department had
// sent itself: loaded (the latest file wins) but flagged, in the summary and in the observations view.
const loads = cliLoads();
const { file, ingest } = loads;
const flagged = (asOf: string) => loads.flagged("code, department_name, period, value, flag_reason", asOf);

const KJJ_OWN = ["市科技局,CX75-08-01,2017-10,3,个,推进中,新认定3个,杨某,2017-11-02"];
const JXJ = [
  "市经信局,CX75-06-01,2017-10,320,家,推进中,,王芳,2017-11-04",
  "市经信局,CX75-06-02,2017-10,500,家,推进中,,王芳,2017-11-04",
];
const KJJ_IN_JXJ = "市科技局,CX75-08-01,2017-10,1,个,推进中,（据科技局9月口径）,王芳,2017-11-04";

describe.each(["js", "bulk"])("another department's own figure changed by a file that is not its own (reader %s)", (reader) => {
  const env = { LUOSHI_READER: reader };

  it("is loaded, and flagged in the summary and in the observations view", () => {
    ingest(env, file("kjj-10.csv", KJJ_OWN), "--received-at", "2017-11-02");
    // a dry run says what the load will say
    const dry = ingest(env, file("jxj-10.csv", [...JXJ, KJJ_IN_JXJ]), "--dry-run");
    expect(dry.flags.map((f: { row: number; reason: string }) => [f.row, f.reason])).toEqual([[4, expect.stringContaining("所在文件却不是「市科技局」自己的报送")]]);
    const jxj = ingest(env, file("jxj-10.csv", [...JXJ, KJJ_IN_JXJ]), "--received-at", "2017-11-05");
    const reason = overrideReason({
      row: 4, code: "CX75-08-01", department: "市科技局", period: "2017-10", sender: "市经信局",
      previousValue: 3, previousStatus: "in_progress", value: 1, status: "in_progress", previousFile: "kjj-10.csv",
    });
    expect(reason).toBe("本行是「市科技局」的数，所在文件却不是「市科技局」自己的报送（文件中多为「市经信局」的行），并改动了「市科技局」自己在 kjj-10.csv 中所报的数（3、推进中 → 1、推进中）：请向两个单位核实由谁报送、哪个数对");
    expect(jxj).toMatchObject({ status: "loaded", imported: 2, updated: 1, flagged: 1 });
    expect(jxj.flags.map((f: { row: number; reason: string }) => [f.row, f.reason])).toEqual([[4, reason]]);
    // the latest file wins, flagged where the figures are read
    expect(flagged("2017-12-31")).toEqual([{ code: "CX75-08-01", department_name: "市科技局", period: "2017-10", value: 1, flag_reason: reason }]);
    // the figure now stands in 市经信局's file: changing it again there is no longer changing 市科技局's own
    expect(ingest(env, file("jxj-10(1).csv", [...JXJ, KJJ_IN_JXJ.replace(",1,", ",2,")]), "--dry-run")).toMatchObject({ flagged: 0 });
  });

  it("is not flagged: a new figure, the same figure, a department's own file with a row of another, a compiled file's figure changed", () => {
    // a figure no one had sent
    expect(ingest(env, file("jxj-a.csv", [...JXJ, KJJ_IN_JXJ]))).toMatchObject({ imported: 3, flagged: 0 });
    // 市科技局's own file, changing a figure that came in 市经信局's (compiled) file: its own correction
    expect(ingest(env, file("kjj-b.csv", KJJ_OWN))).toMatchObject({ updated: 1, flagged: 0 });
    // the same figure sent again in another department's file: nothing changed
    expect(ingest(env, file("jxj-c.csv", [...JXJ.map((l) => l.replace("2017-11-04", "2017-11-06")), KJJ_OWN[0]!]))).toMatchObject({ flagged: 0 });
    // two rows of two departments: who sent them cannot be told
    expect(ingest(env, file("jxj-d.csv", [JXJ[0]!, KJJ_IN_JXJ.replace(",1,", ",5,")]))).toMatchObject({ updated: 1, flagged: 0 });
  });
});
