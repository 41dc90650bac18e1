import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { fileStatusBacks, statusBackReason, statusMayGoBack } from "../src/ingest/review.js";
import { findStatusBacks } from "../src/statusbacks.js";
import { cliLoads } from "./support/cli-loads.js";

// A 完成状态 behind the one reported for an earlier period of the same department and target (已完成, then 推进中):
// loaded but flagged, in the load's summary and by the observations view, with the same reason; a note does not clear
// it, a corrected month does; never for a recurring duty, whose 已完成 is the month's only.

describe("fileStatusBacks (a file's rows compared with each other)", () => {
  const row = (sourceRow: number, targetCode: string, period: string, status: "not_started" | "in_progress" | "done" | null, department = "市经信局") =>
    ({ sourceRow, department, targetCode, period, status });
  const recurring = (code: string) => code === "R-1";

  it("flags a status behind the latest earlier one with a status, in any row order", () => {
    const rows = [
      row(2, "M-1", "2017-10", "in_progress"),
      row(3, "M-1", "2017-09", "done"),
      row(4, "Q-1", "2017-09", "done"),
      row(5, "Q-1", "2017-10", null), // no status: skipped, the next is compared with 2017-09
      row(6, "Q-1", "2017-11", "not_started"),
      row(7, "M-2", "2017-09", "in_progress"),
      row(8, "M-2", "2017-10", "not_started"),
      row(9, "M-3", "2017-09", "not_started"),
      row(10, "M-3", "2017-10", "done"), // forward: fine
      row(11, "M-3", "2017-11", "done"), // the same: fine
      row(12, "R-1", "2017-09", "done"), // recurring: 已完成 is the month's only
      row(13, "R-1", "2017-10", "in_progress"),
      row(14, "M-1", "2017-11", "in_progress", "市科技局"), // another department's series
    ];
    expect(fileStatusBacks(rows, recurring).map(({ row, status, previousPeriod, previousStatus }) => [row, status, previousPeriod, previousStatus])).toEqual([
      [2, "in_progress", "2017-09", "done"],
      [6, "not_started", "2017-09", "done"],
      [8, "not_started", "2017-09", "in_progress"],
    ]);
  });

  it("says which month said what", () => {
    expect(statusBackReason({ status: "in_progress", previousPeriod: "2017-09", previousStatus: "done" }))
      .toBe("完成状态由 2017-09 的“已完成”退回为“推进中”：请核对哪一期有误，如此前误报请更正该月（报过“已完成”的指标不再列入报送模板，更正时用 luoshi template --all 生成含它的模板）");
    expect(statusBackReason({ status: "not_started", previousPeriod: "2017-09", previousStatus: "in_progress" }))
      .toBe("完成状态由 2017-09 的“推进中”退回为“未启动”：请核对哪一期有误，如此前误报请更正该月");
  });
});

describe("findStatusBacks (SQL) gives what fileStatusBacks gives, on random series", () => {
  it("the same rows, statuses and earlier months over 300 random files", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const c = await instance.connect();
    try {
      // (C-1: a quantity not meant to rise, a ceiling or a standard to keep: its status may go back, as a recurring duty's)
      await c.run(`CREATE SCHEMA raw; CREATE TABLE raw.targets (target_id VARCHAR, code VARCHAR, kind VARCHAR, rises BOOLEAN);
        CREATE TABLE raw.departments (department_id VARCHAR, name VARCHAR);
        INSERT INTO raw.targets VALUES ('p/M-1', 'M-1', 'milestone', true), ('p/M-2', 'M-2', 'milestone', true), ('p/Q-1', 'Q-1', 'quantity', true),
          ('p/R-1', 'R-1', 'recurring', true), ('p/C-1', 'C-1', 'quantity', false);
        INSERT INTO raw.departments VALUES ('p/a', '甲局'), ('p/b', '乙镇');
        CREATE TABLE f (source_row INTEGER, department_id VARCHAR, target_id VARCHAR, period VARCHAR, status VARCHAR)`);
      let seed = 7;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const statuses = [null, "not_started", "in_progress", "done"] as const;
      let found = 0;
      for (let file = 0; file < 300; file++) {
        const rows: { sourceRow: number; department: string; targetCode: string; period: string; status: (typeof statuses)[number] }[] = [];
        const used = new Set<string>();
        for (let n = 0, k = 2 + Math.floor(random() * 12); n < k; n++) {
          const [department, targetCode, period] = [random() < 0.5 ? "甲局" : "乙镇", ["M-1", "M-2", "Q-1", "R-1", "C-1"][Math.floor(random() * 5)]!, `2017-${String(1 + Math.floor(random() * 6)).padStart(2, "0")}`];
          if (used.has(`${department}|${targetCode}|${period}`)) continue;
          used.add(`${department}|${targetCode}|${period}`);
          rows.push({ sourceRow: rows.length + 2, department, targetCode, period, status: statuses[Math.floor(random() * 4)]! });
        }
        await c.run("DELETE FROM f");
        for (const r of rows) {
          await c.run("INSERT INTO f VALUES ($1, $2, $3, $4, $5)", [r.sourceRow, r.department === "甲局" ? "p/a" : "p/b", `p/${r.targetCode}`, r.period, r.status]);
        }
        const js = fileStatusBacks(rows, (code) => statusMayGoBack(code === "R-1" ? "recurring" : code.startsWith("M") ? "milestone" : "quantity", code !== "C-1")).map(({ index, ...b }) => ({ ...b, code: rows[index]!.targetCode, department: rows[index]!.department, period: rows[index]!.period }));
        const sql = await findStatusBacks(c, "f", null, { history: false });
        expect(sql, `file ${file}`).toEqual(js);
        found += js.length;
      }
      expect(found).toBeGreaterThan(50); // (the comparison is not of empty lists)
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
});

describe.each(["js", "bulk"])("a status that goes back, loaded with luoshi ingest (reader %s)", (reader) => {
  // (a fresh warehouse before each of these tests only)
  const loads = cliLoads();
  const { file, ingest } = loads;
  const flagged = () => loads.flagged("code, period, status, flag_reason", "2017-12-31");
  const env = { LUOSHI_READER: reader };
  const back = statusBackReason({ status: "in_progress", previousPeriod: "2017-09", previousStatus: "done" });

  it("against a status loaded before: flagged in the summary and in the observations view, a note notwithstanding; the corrected month clears it", () => {
    ingest(env, file("jxj-09.csv", ["市经信局,CX75-36-01,2017-09,,,已完成,,张三,2017-10-08"]), "--received-at", "2017-10-08");
    const dry = ingest(env, file("jxj-10.csv", ["市经信局,CX75-36-01,2017-10,,,推进中,研究院筹建中,张三,2017-11-03"]), "--dry-run");
    expect(dry.flags).toEqual([{ row: 2, code: "CX75-36-01", department: "市经信局", period: "2017-10", reason: back }]);
    const loaded = ingest(env, join(loads.dir(), "jxj-10.csv"), "--received-at", "2017-11-03");
    expect(loaded.flags).toEqual(dry.flags);
    expect(loaded.flagged).toBe(1);
    expect(flagged()).toEqual([{ code: "CX75-36-01", period: "2017-10", status: "in_progress", flag_reason: back }]);
    // September was the mistake: corrected, October stands unflagged
    const corrected = ingest(env, file("jxj-09-更正.csv", ["市经信局,CX75-36-01,2017-09,,,推进中,9月误报为已完成,张三,2017-11-06"]), "--received-at", "2017-11-06");
    expect(corrected.flags).toEqual([]);
    expect(flagged()).toEqual([]);
    // the history keeps October's flag as its load gave it
    expect(loads.flaggedWhenLoaded("period, version, flag_reason", "2017-12-31")).toEqual([{ period: "2017-10", version: 1, flag_reason: back }]);
  });

  it("within one file: flagged against the latest earlier month with a status; not for a recurring duty, nor going forward", () => {
    const summary = ingest(env, file("jxj-09-11.csv", [
      "市经信局,CX75-36-01,2017-10,,,推进中,,张三,2017-11-03", // 2: behind 2017-09's 已完成
      "市经信局,CX75-36-01,2017-09,,,已完成,,张三,2017-11-03",
      "市经信局,CX75-36-02,2017-09,,,推进中,,张三,2017-11-03",
      "市经信局,CX75-36-02,2017-10,,,未启动,,张三,2017-11-03", // 5: behind 推进中
      "市经信局,CX75-06-01,2017-09,300,家,已完成,,张三,2017-11-03",
      "市经信局,CX75-06-01,2017-10,310,家,,,张三,2017-11-03",
      "市经信局,CX75-06-01,2017-11,320,家,推进中,,张三,2017-11-03", // 8: behind 2017-09 (2017-10 has none)
      "市经信局,CX75-38-01,2017-09,,,已完成,,张三,2017-11-03",
      "市经信局,CX75-38-01,2017-10,,,推进中,,张三,2017-11-03", // recurring: not flagged
    ]), "--received-at", "2017-11-03");
    const backs = summary.flags.filter((f: { reason: string }) => f.reason.includes("退回")).map((f: { row: number; reason: string }) => [f.row, f.reason]);
    expect(backs).toEqual([
      [2, back],
      [5, statusBackReason({ status: "not_started", previousPeriod: "2017-09", previousStatus: "in_progress" })],
      [8, expect.stringContaining(statusBackReason({ status: "in_progress", previousPeriod: "2017-09", previousStatus: "done" }))],
    ]);
    // the view judges the same current figures by the same rule and text
    const view = flagged().filter((f: { flag_reason: string }) => f.flag_reason.includes("退回"));
    expect(view.map((f: { code: string; period: string }) => [f.code, f.period])).toEqual([["CX75-06-01", "2017-11"], ["CX75-36-01", "2017-10"], ["CX75-36-02", "2017-10"]]);
    for (const f of view) expect(summary.flags.find((s: { code: string; period: string }) => s.code === f.code && s.period === f.period).reason).toBe(f.flag_reason);
  });
});
