import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../src/paths.js";
import { buildWarehouse } from "../src/build.js";
import { revertReason } from "../src/reverts.js";
import { copyData } from "./support/fixtures.js";

// A copy of an old file sent again after a later file corrected its figures: loaded (the latest file wins) but
// flagged, at load time and by the observations view, with the same reason.
const HEADER = "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期";
let fixture: ReturnType<typeof copyData>;
let db: string;
const luoshi = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), ...args], {
    env: { ...process.env, LUOSHI_DB: db, LUOSHI_DATA: fixture.data, ...env }, encoding: "utf8",
  });
const file = (name: string, lines: string[], eol = "\n") => {
  const path = join(fixture.dir, name);
  writeFileSync(path, [HEADER, ...lines].join(eol) + eol);
  return path;
};
const ingest = (env: Record<string, string>, path: string, ...more: string[]) => {
  const r = luoshi(env, "ingest", path, "--as-of", "2017-12-31", "--json", ...more);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout)[0];
};
const flagged = (asOf: string) => {
  const r = luoshi({}, "query", "SELECT code, period, value, status, flag_reason FROM observations WHERE flagged ORDER BY code", "--as-of", asOf, "--format", "json");
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

const OLD = [
  "市经信局,CX75-06-01,2017-10,300,家,,企业培育有序推进,张三,2017-11-03",
  "市经信局,CX75-36-01,2017-10,,,推进中,方案起草中,张三,2017-11-03",
];
const CORRECTION = [
  "市经信局,CX75-06-01,2017-10,310,家,,企业培育有序推进,张三,2017-11-20",
  "市经信局,CX75-36-01,2017-10,,,已完成,方案已印发,张三,2017-11-20",
];

beforeEach(async () => {
  fixture = copyData();
  db = join(fixture.dir, "w.duckdb");
  await buildWarehouse({ data: fixture.data, db });
});

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
});
