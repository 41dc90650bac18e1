/**
 * A file crediting rows of one name to two cities' departments of that name (src/twins.ts): loaded, each row where its
 * target's policy puts it, and every such row flagged for review, by both readers, in a dry run and a load, with or
 * without figures loaded before; the observations view keeps the flag. One city's rows alone are not flagged, nor
 * one department of two policies of one city.
 */
import { spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../src/build.js";
import { loadMonthlyFile } from "../src/monthly.js";
import { checkFile, reviewFlags, type IngestContextData } from "../src/ingest/browser.js";
import { PACKAGE_ROOT } from "../src/paths.js";
import { fileTwins, twinReason } from "../src/twins.js";
import { openWarehouse, query } from "../src/warehouse.js";
import { copyData, edit, POLICY } from "./support/fixtures.js";

/** The sample policy and a copy of it (codes CX76-), its 市经信局 another city's (another full name) unless `oneCity`. */
async function twoCities(oneCity = false) {
  const f = copyData();
  const second = join(f.data, "policies", "copy-2018-01");
  cpSync(f.policyDir, second, { recursive: true });
  edit(second, "policy.csv", `\n${POLICY},`, "\ncopy-2018-01,");
  edit(second, "policy.csv", ",CX75,", ",CX76,");
  edit(second, "targets.csv", /CX75-/g, "CX76-");
  if (!oneCity) edit(second, "departments.csv", "jxj,市经信局,慈溪市经济和信息化局,", "jxj,市经信局,余姚市经济和信息化局,");
  const db = join(f.dir, "w.duckdb");
  await buildWarehouse({ data: f.data, db });
  return db;
}

const file = (...rows: string[]) => Buffer.from(["报送单位,指标编码,统计期,累计完成值", ...rows].join("\n") + "\n");

describe("rows of one name credited to two cities' departments of that name", () => {
  it("fileTwins: every row of the name, naming the policies; none for one city", () => {
    const rows = [
      { row: 2, department: "市经信局", policy: "b", code: "B-1", period: "2017-10" },
      { row: 3, department: "市科技局", policy: "a", code: "A-2", period: "2017-10" },
      { row: 4, department: "市经信局", policy: "a", code: "A-1", period: "2017-10" },
    ];
    const twins = fileTwins(rows, (policy, name) => `${policy === "b" && name === "市经信局" ? "b" : "a"}.${name}`);
    expect(twins.map((t) => [t.row, t.policies])).toEqual([[2, ["a", "b"]], [4, ["a", "b"]]]);
    expect(twinReason(twins[0]!)).toContain("本文件中「市经信局」的行分属 a、b 几份政策中全称不同的同名单位");
    // one identity in both policies (one city's two policies): nothing
    expect(fileTwins(rows, (_, name) => `a.${name}`)).toEqual([]);
  });

  it("loads and flags them in both readers, in a dry run and a load, before and after figures were loaded; the view keeps the flag", async () => {
    const db = await twoCities();
    // (the 报送自查 page's reference data, from the site's loader, read before the warehouse is opened for loading)
    const loader = spawnSync(process.execPath, [join(PACKAGE_ROOT, "docs", "data", "ingest-context.json.js")], { env: { ...process.env, LUOSHI_DB: db }, maxBuffer: 1 << 26 });
    expect(loader.status, loader.stderr.toString()).toBe(0);
    const reference = JSON.parse(loader.stdout.toString()) as IngestContextData;
    const wh = await openWarehouse(db, { readOnly: false });
    try {
      const mixed = file("市经信局,CX75-06-01,2017-10,300", "市经信局,CX76-06-01,2017-10,310", "市科技局,CX75-23-01,2017-10,2");
      const reasons = [];
      for (const [engine, dryRun, name] of [["js", true, "a.csv"], ["bulk", true, "a.csv"], ["js", false, "a.csv"]] as const) {
        const s = await loadMonthlyFile(wh.connection, { name, bytes: mixed, asOf: "2017-11-10", receivedAt: "2017-11-05 09:00:00", archiveName: null, engine, dryRun });
        expect(s.reader).toBe(engine);
        expect(s.imported).toBe(3);
        reasons.push(s.flags.map((f) => [f.row, f.reason]));
      }
      expect(reasons[1]).toEqual(reasons[0]);
      expect(reasons[2]).toEqual(reasons[0]);
      expect(reasons[0]!.map(([row]) => row)).toEqual([2, 3]);
      expect(String(reasons[0]![0]![1])).toContain(`本文件中「市经信局」的行分属 ${POLICY}、copy-2018-01 几份政策中全称不同的同名单位`);
      // the 报送自查 page (its reference data from the site's loader): the same rows and reasons
      const page = await checkFile({ name: "a.csv", bytes: mixed }, reference, "2017-11-10");
      expect(reviewFlags(page.result, reference, "2017-11-10").map((f) => [f.row, f.reason])).toEqual(reasons[0]);
      const flagged = async () => (await query(wh.connection, `SELECT code, flag_reason FROM observations WHERE flagged ORDER BY code`)).rows;
      expect((await flagged()).map((r) => r.code)).toEqual(["CX75-06-01", "CX76-06-01"]);
      // with figures loaded before (the stored rows' query), both readers: the same
      const later = file("市经信局,CX75-06-01,2017-11,320", "市经信局,CX76-06-01,2017-11,330");
      const again = [];
      for (const engine of ["js", "bulk"] as const) {
        const s = await loadMonthlyFile(wh.connection, { name: "b.csv", bytes: later, asOf: "2017-12-10", receivedAt: "2017-12-05 09:00:00", archiveName: null, engine, dryRun: true });
        again.push(s.flags.map((f) => [f.row, f.reason]));
      }
      expect(again[1]).toEqual(again[0]);
      expect(again[0]!.map(([row]) => row)).toEqual([2, 3]);
      // one city's rows alone: nothing
      const own = await loadMonthlyFile(wh.connection, { name: "c.csv", bytes: file("市经信局,CX75-06-01,2017-11,320"), asOf: "2017-12-10", receivedAt: "2017-12-05 09:00:00", archiveName: null, engine: "js" });
      expect(own.flags).toEqual([]);
      // the view: the row of the later file stands without the flag; the other city's row keeps it
      expect((await flagged()).map((r) => r.code)).toEqual(["CX75-06-01", "CX76-06-01"]);
    } finally {
      wh.close();
    }
  });

  it("does not flag one department of two policies of one city (one full name)", async () => {
    const db = await twoCities(true);
    const wh = await openWarehouse(db, { readOnly: false });
    try {
      for (const engine of ["js", "bulk"] as const) {
        const s = await loadMonthlyFile(wh.connection, { name: "a.csv", bytes: file("市经信局,CX75-06-01,2017-10,300", "市经信局,CX76-06-01,2017-10,310"), asOf: "2017-11-10", receivedAt: "2017-11-05 09:00:00", archiveName: null, engine, dryRun: true });
        expect(s.flags).toEqual([]);
      }
    } finally {
      wh.close();
    }
  });
});
