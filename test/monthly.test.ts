import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../src/paths.js";
import { readManifest, reviewReasons } from "../src/monthly.js";
import { statedCheck } from "../src/ingest/review.js";
import { planCsv } from "../src/ingest/csvplan.js";
import { buildWarehouse } from "../src/build.js";
import { openWarehouse, query } from "../src/warehouse.js";
import { copyData } from "./support/fixtures.js";
import writeExcelFile from "write-excel-file/node";
import readXlsxFile from "read-excel-file/node";

// End to end through the compiled CLI, as an analyst runs it (npm test compiles first).
const HEADER = "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期";
let fixture: ReturnType<typeof copyData>;
let db: string;
const env = () => ({ ...process.env, LUOSHI_DB: db, LUOSHI_DATA: fixture.data, LUOSHI_LOCK_WAIT_MS: "60000" });
const luoshi = (...args: string[]) => spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), ...args], { env: env(), encoding: "utf8" });
const file = (name: string, lines: string[]) => {
  const path = join(fixture.dir, name);
  writeFileSync(path, [HEADER, ...lines].join("\n") + "\n");
  return path;
};
const rows = async (sql: string) => {
  const wh = await openWarehouse(db);
  try {
    return (await query(wh.connection, sql)).rows;
  } finally {
    wh.close();
  }
};
const current = () => rows("SELECT code, department_name, period, value, status FROM observations ORDER BY ALL");

beforeEach(async () => {
  fixture = copyData();
  db = join(fixture.dir, "w.duckdb");
  await buildWarehouse({ data: fixture.data, db });
});

const OCTOBER = [
  "市经信局,CX75-06-01,2017-10,300,家,,,张三,2017-11-03",
  "市经信局,CX75-29-02,2017-10,1800,家,,,张三,2017-11-03",
  "市经信局,CX75-36-01,2017-10,,,已完成,,张三,2017-11-03",
];

describe("luoshi ingest", () => {
  it("loads a file, and loading the identical file again changes nothing", async () => {
    const path = file("jxj-2017-10.csv", OCTOBER);
    const first = luoshi("ingest", path, "--as-of", "2017-11-10", "--json");
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)[0]).toMatchObject({ status: "loaded", rows_read: 3, imported: 3, updated: 0, rejected: 0 });
    const before = await current();
    const again = luoshi("ingest", path, "--as-of", "2017-11-10", "--json");
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ status: "already_loaded" });
    expect(await current()).toEqual(before);
    expect(await rows("SELECT count(*) AS n FROM receipts")).toEqual([{ n: 1 }]);
  });

  it("the identical file again after a correction changes nothing, and says how many of its figures were corrected since", async () => {
    const original = file("jxj-a.csv", OCTOBER);
    expect(luoshi("ingest", original, "--as-of", "2017-11-10").status).toBe(0);
    expect(luoshi("ingest", file("jxj-b.csv", [OCTOBER[0]!.replace(",300,", ",310,")]), "--as-of", "2017-11-10").status).toBe(0);
    const before = await current();
    const again = luoshi("ingest", original, "--as-of", "2017-11-10", "--json");
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ status: "already_loaded", superseded: 1 });
    const text = luoshi("ingest", original, "--as-of", "2017-11-10");
    expect(text.stdout).toContain("注意：该文件的 1 个数此后已被其他文件更正，再次报送同一文件不会恢复它们");
    expect(await current()).toEqual(before);
    // corrected back by a third file (300 again): current as the original has it, so nothing to warn about
    expect(luoshi("ingest", file("jxj-c.csv", [OCTOBER[0]!]), "--as-of", "2017-11-10").status).toBe(0);
    const back = luoshi("ingest", original, "--as-of", "2017-11-10", "--json");
    expect(JSON.parse(back.stdout)[0]).toMatchObject({ status: "already_loaded", superseded: 0 });
  });

  it("the identical file again, for real or as a dry run, gives back the rows rejected when it was loaded, and changes nothing", async () => {
    const path = file("jxj-bad.csv", [...OCTOBER, "市经信局,CX75-06-02,2017-10,-5,家,,,张三,2017-11-03"]);
    const first = luoshi("ingest", path, "--as-of", "2017-11-10", "--json");
    expect(first.status).toBe(1);
    const loaded = JSON.parse(first.stdout)[0];
    expect(loaded).toMatchObject({ status: "partial", rows_read: 4, imported: 3, rejected: 1, rejected_by_code: { E_NEGATIVE: 1 } });
    const before = await current();
    for (const extra of [[], ["--dry-run"]]) {
      const again = luoshi("ingest", path, "--as-of", "2017-11-10", "--json", ...extra);
      expect(again.status, extra.join()).toBe(1);
      const s = JSON.parse(again.stdout)[0];
      expect(s, extra.join()).toMatchObject({ status: "already_loaded", rows_read: 4, unchanged: 3, rejected: 1, rejected_by_code: { E_NEGATIVE: 1 } });
      expect(s.rejects, extra.join()).toEqual(loaded.rejects);
    }
    const text = luoshi("ingest", path, "--as-of", "2017-11-10");
    expect(text.stdout).toContain("该文件载入时有 1 行被拒绝（如下）");
    expect(text.stdout).toContain("[E_NEGATIVE]");
    expect(await current()).toEqual(before);
    expect(await rows("SELECT count(*) AS n FROM receipts")).toEqual([{ n: 1 }]);
    expect(await rows("SELECT count(*) AS n FROM rejects")).toEqual([{ n: 1 }]);
  });

  it("a corrected file supersedes its keys only; old values stay in history; rejected keys keep their value", async () => {
    luoshi("ingest", file("a.csv", OCTOBER), "--as-of", "2017-11-10");
    const corrected = luoshi("ingest", file("b.csv", [
      "市经信局,CX75-06-01,2017-10,320,家,,更正,张三,2017-11-05", // corrected
      "市经信局,CX75-29-02,2017-10,-5,家,,,张三,2017-11-05", // rejected: keeps 1800
    ]), "--as-of", "2017-11-10", "--json");
    expect(corrected.status).toBe(1);
    const summary = JSON.parse(corrected.stdout)[0];
    expect(summary).toMatchObject({ updated: 1, imported: 0, rejected: 1, rejected_by_code: { E_NEGATIVE: 1 } });
    expect(await current()).toEqual([
      { code: "CX75-06-01", department_name: "市经信局", period: "2017-10", value: 320, status: null },
      { code: "CX75-29-02", department_name: "市经信局", period: "2017-10", value: 1800, status: null },
      { code: "CX75-36-01", department_name: "市经信局", period: "2017-10", value: null, status: "done" },
    ]);
    expect(await rows("SELECT file, old_value, new_value, version FROM observation_history WHERE code = 'CX75-06-01' ORDER BY version")).toEqual([
      { file: "a.csv", old_value: null, new_value: 300, version: 1 },
      { file: "b.csv", old_value: 300, new_value: 320, version: 2 },
    ]);
    expect(await rows("SELECT file, source_row, code, value FROM rejects")).toEqual([{ file: "b.csv", source_row: 3, code: "E_NEGATIVE", value: "-5" }]);
  });

  it("writes the rejected rows to a CSV with BOM for the department", () => {
    const out = join(fixture.dir, "rejects.csv");
    luoshi("ingest", file("c.csv", ["市经信局,CX75-06-01,2017-10,三百,家,,,张三,2017-11-03"]), "--as-of", "2017-11-10", "--rejects-out", out);
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("\uFEFF文件,行号,报送单位,指标编码,统计期,列,错误代码,原因,原值")).toBe(true);
    expect(text).toContain("c.csv,2,市经信局,CX75-06-01,2017-10,累计完成值,E_NOT_A_NUMBER");
    expect(text).toContain("E_NOT_A_NUMBER");
  });

  it("writes the rejected rows to an .xlsx workbook when the name ends in .xlsx (values stay text: 2016-12 is no date)", async () => {
    const out = join(fixture.dir, "退回.XLSX");
    const r = luoshi("ingest", file("d.csv", ["市经信局,CX75-06-01,2016-12,300,家,,,张三,2017-01-03", "市经信局,CX75-06-01,2017-10,三百,家,,,张三,2017-11-03"]),
      "--as-of", "2017-11-10", "--rejects-out", out);
    expect(r.status, r.stderr).toBe(1);
    const [sheet] = await readXlsxFile(readFileSync(out));
    expect(sheet!.data).toEqual([
      ["文件", "行号", "报送单位", "指标编码", "统计期", "列", "错误代码", "原因", "原值"],
      ["d.csv", 2, "市经信局", "CX75-06-01", "2016-12", "统计期", "E_PERIOD_BEFORE_START", expect.stringContaining("2016-12"), "2016-12"],
      ["d.csv", 3, "市经信局", "CX75-06-01", "2017-10", "累计完成值", "E_NOT_A_NUMBER", expect.stringContaining("三百"), "三百"],
    ]);
    // another kind of file name is a usage error, before anything is loaded
    const xls = luoshi("ingest", file("e.csv", OCTOBER), "--as-of", "2017-11-10", "--rejects-out", join(fixture.dir, "r.xls"));
    expect(xls.status).toBe(64);
    expect(xls.stderr).toContain("只能写成 .xlsx 或 .csv");
    expect(await rows("SELECT original_name FROM receipts")).toEqual([{ original_name: "d.csv" }]);
  });

  it("--rejects-out: written even with nothing rejected (no stale list), lists files rejected whole, defuses formulas", () => {
    const out = join(fixture.dir, "rejects.csv");
    writeFileSync(out, "an old list");
    expect(luoshi("ingest", file("ok.csv", OCTOBER), "--as-of", "2017-11-10", "--rejects-out", out).status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe("\uFEFF文件,行号,报送单位,指标编码,统计期,列,错误代码,原因,原值\r\n");
    const empty = join(fixture.dir, "empty.csv");
    writeFileSync(empty, "");
    const r = luoshi("ingest", file("f.csv", ["市经信局,CX75-06-01,2017-11,=1+1,家,,,张三,2017-12-03"]), empty, "--as-of", "2017-12-10", "--rejects-out", out);
    expect(r.status).toBe(2);
    const lines = readFileSync(out, "utf8").trim().split("\r\n");
    expect(lines[1]).toBe("f.csv,2,市经信局,CX75-06-01,2017-11,累计完成值,E_NOT_A_NUMBER,不是有效的数字：“=1+1”,\"'=1+1\"");
    expect(lines[2]).toBe("empty.csv,,,,,,E_FILE_EMPTY,文件为空,");
    // several files end with their totals, naming the files rejected whole
    expect(r.stdout).toContain("共 2 个文件：载入 1 个，已载入过 0 个，整个被拒绝 1 个；新增 0，更新 0，未变 0，拒绝 1 行，待复核 0");
    // again, as a dry run: both files already there or rejected whole; the rows rejected before still counted
    const dry = luoshi("ingest", join(fixture.dir, "f.csv"), empty, "--as-of", "2017-12-10", "--dry-run");
    expect(dry.status).toBe(2);
    expect(dry.stdout).toContain("共 2 个文件：试运行 0 个，已载入过 1 个，整个被拒绝 1 个；新增 0，更新 0，未变 0，拒绝 1 行（其中 1 行属于已载入过的文件），待复核 0");
    // a file loaded before is not counted again as rows unchanged
    const twice = luoshi("ingest", file("ok2.csv", OCTOBER.map((l) => l.replace("2017-10", "2017-09"))), join(fixture.dir, "ok2.csv"), "--as-of", "2017-12-10", "--dry-run");
    expect(twice.stdout).toMatch(/共 2 个文件：试运行 1 个，已载入过 1 个，整个被拒绝 0 个；新增 3，更新 0，未变 0，拒绝 0 行，待复核 \d/);
    expect(r.stdout).toContain("整个被拒绝的文件：empty.csv（E_FILE_EMPTY）");
  });

  it("--rejects-out that cannot be written is a usage error before anything is loaded (exit 64)", async () => {
    for (const out of [join(fixture.dir, "no-such-folder", "r.csv"), fixture.dir]) {
      const r = luoshi("ingest", file("e.csv", OCTOBER), "--as-of", "2017-11-10", "--rejects-out", out);
      expect(r.status).toBe(64);
      expect(r.stderr).toContain("无法写入");
    }
    expect(await rows("SELECT count(*) AS n FROM receipts")).toEqual([{ n: 0 }]);
  });

  it("knows a department written with its city before it (慈溪市科技局, 慈溪市周巷镇), from the full names in the task table", async () => {
    const path = file("placed.csv", ["慈溪市科技局,CX75-08-01,2017-10,2,个,,,张三,2017-11-03", "慈溪市周巷镇,CX75-03-01,2017-10,1,个,,,李四,2017-11-03",
      // the place without 市, and the full name without the place (as the city's own papers write it)
      "慈溪科技局,CX75-08-01,2017-11,3,个,,,张三,2017-12-03", "慈溪周巷镇,CX75-03-01,2017-11,1,个,,,李四,2017-12-03",
      "市科学技术局,CX75-08-01,2017-12,4,个,,,张三,2018-01-03", "周巷镇人民政府,CX75-03-01,2017-12,1,个,,,李四,2018-01-03"]);
    const r = luoshi("ingest", path, "--as-of", "2018-01-10", "--json");
    expect(r.status, r.stdout).toBe(0);
    expect(await rows("SELECT department_name, code, count(*) AS n FROM observations GROUP BY ALL ORDER BY code")).toEqual([
      { department_name: "周巷镇", code: "CX75-03-01", n: 3 }, { department_name: "市科技局", code: "CX75-08-01", n: 3 },
    ]);
    // (the full name itself stays what it was; no place is put before a name that has it already)
    expect(await rows("SELECT alias_kind, count(*) AS n FROM department_aliases WHERE alias IN ('慈溪市周巷镇人民政府', '慈溪市慈溪市科技局') GROUP BY ALL")).toEqual([
      { alias_kind: "full_name", n: 1 },
    ]);
  });

  it("knows the short forms the city's staff write (经信局, 周巷, 浒山), but not a party office without its 市 (委组织部)", async () => {
    const path = file("short.csv", ["经信局,CX75-06-01,2017-10,300,家,,,王五,2017-11-03", "周巷,CX75-03-01,2017-10,1,个,,,李四,2017-11-03",
      "科技局,CX75-08-01,2017-10,2,个,,,张三,2017-11-03"]);
    const r = luoshi("ingest", path, "--as-of", "2017-11-10", "--json");
    expect(r.status, r.stdout).toBe(0);
    expect(await rows("SELECT department_name, code FROM observations ORDER BY code")).toEqual([
      { department_name: "周巷镇", code: "CX75-03-01" }, { department_name: "市经信局", code: "CX75-06-01" }, { department_name: "市科技局", code: "CX75-08-01" },
    ]);
    expect(await rows("SELECT alias, alias_kind FROM department_aliases WHERE alias IN ('浒山', '发改局', '委组织部', '组织部', '网信办') ORDER BY alias")).toEqual([
      { alias: "发改局", alias_kind: "short" }, { alias: "浒山", alias_kind: "short" }, { alias: "网信办", alias_kind: "short" },
    ]);
  });

  it("--received-at that is no real date and time is a usage error before anything is loaded or archived (exit 64), in a dry run too", async () => {
    for (const at of ["2017-11-31", "2017-11-05 25:00", "yesterday", "05/11/2017"]) {
      for (const dry of [[], ["--dry-run"]]) {
        const r = luoshi("ingest", file("e.csv", OCTOBER), "--as-of", "2017-11-10", "--received-at", at, ...dry);
        expect(r.status, at).toBe(64);
        expect(r.stderr).toContain("--received-at 应为 YYYY-MM-DD");
      }
    }
    expect(await rows("SELECT count(*) AS n FROM receipts")).toEqual([{ n: 0 }]);
    expect(existsSync(join(fixture.data, "archive"))).toBe(false);
    const ok = luoshi("ingest", file("e.csv", OCTOBER), "--as-of", "2017-11-10", "--received-at", "2017-11-05T08:30", "--json");
    expect(ok.status).toBe(0);
    expect(await rows("SELECT strftime(received_at, '%Y-%m-%d %H:%M') AS at FROM receipts")).toEqual([{ at: "2017-11-05 08:30" }]);
  });

  it("--schedule is checked whole first: a bad line names its line and loads none of the files (exit 64)", async () => {
    file("a.csv", OCTOBER);
    file("b.csv", OCTOBER.map((l) => l.replace("2017-10", "2017-11")));
    const schedule = join(fixture.dir, "schedule.csv");
    writeFileSync(schedule, "file,received_at,as_of\na.csv,2017-11-05 08:00,2017-11-10\nb.csv,2017-11-31 08:00,2017/12/10\n");
    const r = luoshi("ingest", "--schedule", schedule);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain("第 3 行：received_at 应为");
    expect(r.stderr).toContain("第 3 行：as_of 应为 YYYY-MM-DD，收到：2017/12/10");
    expect(await rows("SELECT count(*) AS n FROM receipts")).toEqual([{ n: 0 }]);
    writeFileSync(schedule, "file,received_at,as_of\na.csv,2017-11-05 08:00,2017-11-10\nb.csv,2017-12-04 08:00,2017-12-10\n");
    expect(luoshi("ingest", "--schedule", schedule).status).toBe(0);
    expect(await rows("SELECT original_name FROM receipts ORDER BY receipt_no")).toEqual([{ original_name: "a.csv" }, { original_name: "b.csv" }]);
  });

  it("loads a workbook sheet by sheet: its latest month by default, says which other sheets hold a table; each sheet once; build replays both", async () => {
    const sheet = (period: string, value: number) => [
      ["报送单位", "指标编码", "统计期", "累计完成值", "单位"],
      ["市经信局", "CX75-06-01", period, value, "家"],
    ];
    const path = join(fixture.dir, "book.xlsx");
    writeFileSync(path, (await writeExcelFile([{ data: sheet("2017-10", 300), sheet: "10月" }, { data: sheet("2017-11", 360), sheet: "11月" }]).toBuffer()) as Buffer);
    const load = (...args: string[]) => {
      const r = luoshi("ingest", path, "--as-of", "2017-12-10", "--json", ...args);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout)[0];
    };
    expect(load()).toMatchObject({ status: "loaded", sheet: "11月", other_sheets: ["10月"], sheet_by_month: true, imported: 1 });
    expect(luoshi("ingest", path, "--as-of", "2017-12-10").stdout).toContain("只读取了工作表「11月」（各工作表按月份命名，读取的是月份最近的一张）；工作簿中另有含表格的工作表 「10月」");
    expect(load("--sheet", "10月")).toMatchObject({ status: "loaded", sheet: "10月", other_sheets: [], sheet_by_month: false, imported: 1 });
    expect(load("--sheet", "10月")).toMatchObject({ status: "already_loaded", sheet: "10月" });
    expect(load()).toMatchObject({ status: "already_loaded", sheet: "11月", sheet_by_month: true });
    expect(readManifest(fixture.data).map((m) => m.sheet)).toEqual(["11月", "10月"]);
    const before = await current();
    expect(before.map((r) => r.value)).toEqual([300, 360]);
    expect(luoshi("build").status).toBe(0);
    expect(await current()).toEqual(before);
  });

  it("loads an Excel 97–2003 workbook (.xls): its receipt says xls, loading it again changes nothing, build replays it from the archive", async () => {
    const XLSX = await import("@e965/xlsx");
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
      ["市经信局 2017年10月报送表"],
      ["报送单位", "指标编码", "统计期", "累计完成值", "单位"],
      ["市经信局", "CX75-06-01", "2017-10", 300, "家"],
      ["市经信局", "CX75-29-02", "2017-10", 1800, "家"],
    ]), "10月");
    const path = join(fixture.dir, "jxj-2017-10.xls");
    writeFileSync(path, XLSX.write(book, { type: "buffer", bookType: "biff8" }) as Buffer);
    const load = () => {
      const r = luoshi("ingest", path, "--as-of", "2017-11-10", "--json");
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout)[0];
    };
    expect(load()).toMatchObject({ status: "loaded", format: "xls", sheet: "10月", rows_read: 2, imported: 2, rejected: 0 });
    expect(load()).toMatchObject({ status: "already_loaded", format: "xls", sheet: "10月" });
    const before = await current();
    expect(before.map((r) => [r.code, r.value])).toEqual([["CX75-06-01", 300], ["CX75-29-02", 1800]]);
    expect(luoshi("build").status).toBe(0);
    expect(await current()).toEqual(before);
    expect((await rows("SELECT format FROM raw.receipts")).map((r) => r.format)).toEqual(["xls"]);
  });

  it("luoshi build says how many replayed rows the task table as it is now rejects, and why (a target retired since)", async () => {
    expect(luoshi("ingest", file("a.csv", OCTOBER), "--as-of", "2017-11-10", "--received-at", "2017-11-05 09:00").status).toBe(0);
    const same = luoshi("build");
    expect(same.status, same.stderr).toBe(0);
    expect(same.stderr).toContain("按清单顺序重放月度文件 1 个（载入数值 3 个）");
    const targets = join(fixture.data, "policies", "cixi-2017-75", "targets.csv");
    writeFileSync(targets, readFileSync(targets, "utf8").replace("CX75-29-02,published,", "CX75-29-02,retired,"));
    const after = luoshi("build");
    expect(after.status, after.stderr).toBe(0);
    expect(after.stderr).toContain("按清单顺序重放月度文件 1 个（载入数值 2 个，拒绝 1 行）");
    expect(after.stderr).toMatch(/拒绝原因：E_[A-Z_]+×1。重放按现在的任务分解表核对各行/);
    expect(after.stderr).toContain('luoshi query "select file, source_row, code, message from rejects"');
    // the row naming it is told the code is retired, not that it does not exist (and not offered a near code)
    const retired = luoshi("ingest", file("b.csv", ["市经信局,cx75-29-02,2017-11,1900,家,,,,"]), "--as-of", "2017-12-10", "--dry-run");
    expect(retired.status).toBe(1);
    expect(retired.stdout).toContain("[E_UNKNOWN_CODE] 指标编码不存在：“cx75-29-02”：该指标编码已停用（不再作为指标跟踪），无需报送，请删去这一行");
  });

  it("a CSV whose 报送单位 or 统计期 is on the first row of a block only (merged cells saved as CSV): says so once", () => {
    const r = luoshi("ingest", file("merged.csv", ["市经信局,CX75-06-01,2017-10,300,家,,,,", ",CX75-29-02,,1800,家,,,,", ",CX75-36-01,,,,已完成,,,"]), "--as-of", "2017-11-10", "--dry-run");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("提示：2 行缺少报送单位或统计期。若原表中这些单元格是向下合并的，另存为 CSV 后只有第一行有值");
    const one = luoshi("ingest", file("one.csv", ["市经信局,CX75-06-01,2017-10,300,家,,,,", ",CX75-29-02,2017-10,1800,家,,,,"]), "--as-of", "2017-11-10", "--dry-run");
    expect(one.stdout).not.toContain("若原表中这些单元格是向下合并的");
    // every row without it: a column left empty, no merged cells
    const empty = luoshi("ingest", file("empty.csv", ["市经信局,CX75-06-01,,300,家,,,,", "市经信局,CX75-29-02,,1800,家,,,,"]), "--as-of", "2017-11-10", "--dry-run");
    expect(empty.stdout).toContain("提示：所有 2 行的报送单位或统计期都为空：请逐行填写；全表只有一个报送单位或统计期时，也可删去该列，写在表头上方");
    expect(empty.stdout).not.toContain("若原表中这些单元格是向下合并的");
  });

  it("--as-of before today with no receipt time: says the file is stamped as received now, and how to back-fill (--received-at)", async () => {
    const path = file("a.csv", OCTOBER);
    const now = luoshi("ingest", path, "--as-of", "2017-11-10");
    expect(now.status, now.stderr).toBe(0);
    expect(now.stderr).toContain("注意：--as-of 2017-11-10 只是核对“统计期不得晚于”的日期");
    expect(now.stderr).toContain("请用 --received-at 写明实际收到的时间");
    const back = luoshi("ingest", file("b.csv", OCTOBER.map((l) => l.replace(",300,", ",310,"))), "--as-of", "2017-11-10", "--received-at", "2017-11-05 09:00");
    expect(back.status, back.stderr).toBe(0);
    expect(back.stderr).not.toContain("注意：--as-of");
    expect(luoshi("ingest", path, "--as-of", "2017-11-10", "--dry-run").stderr).not.toContain("注意：--as-of");
  });

  it("rejects an unreadable file whole, changing nothing and archiving nothing (exit 2)", async () => {
    const path = join(fixture.dir, "scan.csv");
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = luoshi("ingest", path, "--as-of", "2017-11-10");
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("整个文件被拒绝");
    expect(await rows("SELECT count(*) AS n FROM receipts")).toEqual([{ n: 0 }]);
    expect(readManifest(fixture.data)).toEqual([]);
  });

  it("never creates a missing warehouse (exit 3, asking for luoshi build), in a load or a dry run", () => {
    const missing = join(fixture.dir, "nowhere.duckdb");
    for (const dry of [[], ["--dry-run"]]) {
      const r = luoshi("ingest", file("old.csv", OCTOBER), "--as-of", "2017-11-10", "--db", missing, ...dry);
      expect(r.status).toBe(3);
      expect(r.stderr).toContain(`仓库文件不存在：${missing}`);
      expect(existsSync(missing)).toBe(false);
    }
  });

  it("refuses a warehouse built by an earlier luoshi (exit 3), asking for luoshi build", async () => {
    const wh = await openWarehouse(db, { readOnly: false });
    await wh.connection.run("ALTER TABLE raw.observations ADD COLUMN code VARCHAR");
    wh.close();
    const r = luoshi("ingest", file("old.csv", OCTOBER), "--as-of", "2017-11-10");
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("luoshi build");
    expect(await rows("SELECT count(*) AS n FROM receipts")).toEqual([{ n: 0 }]);
  });

  it("refuses a warehouse built from other SQL (its stored fingerprint differs, or it has none): ingest, query and template exit 3, a site data loader fails", async () => {
    const wh = await openWarehouse(db, { readOnly: false });
    await wh.connection.run("UPDATE raw.build_info SET schema_sha256 = 'built-by-another-version'");
    wh.close();
    for (const r of [
      luoshi("ingest", file("old.csv", OCTOBER), "--as-of", "2017-11-10"),
      luoshi("query", "select count(*) from tasks"),
      luoshi("template", "--department", "市经信局", "--period", "2017-10", "--format", "csv", "--out", "-"),
    ]) {
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr).toContain("luoshi build");
    }
    for (const loader of ["progress.json.js", "ingest-context.json.js"]) {
      const site = spawnSync(process.execPath, [join(PACKAGE_ROOT, "docs", "data", loader)], { env: env(), encoding: "utf8" });
      expect(site.status, loader).toBe(1);
      expect(site.stdout).toBe("");
      expect(site.stderr).toContain("由旧版本的 luoshi 建立");
    }
    const again = await openWarehouse(db, { readOnly: false });
    await again.connection.run("ALTER TABLE raw.build_info DROP COLUMN schema_sha256");
    again.close();
    expect(luoshi("ingest", file("old.csv", OCTOBER), "--as-of", "2017-11-10").status).toBe(3);
    expect(await rows("SELECT count(*) AS n FROM receipts")).toEqual([{ n: 0 }]);
  });

  it("refuses a warehouse whose receipts are unique by file alone (before workbooks loaded sheet by sheet)", async () => {
    const wh = await openWarehouse(db, { readOnly: false });
    await wh.connection.run("CREATE TABLE raw.receipts_old AS SELECT * FROM raw.receipts");
    await wh.connection.run("DROP TABLE raw.receipts");
    await wh.connection.run("CREATE TABLE raw.receipts AS SELECT * FROM raw.receipts_old");
    await wh.connection.run("DROP TABLE raw.receipts_old");
    await wh.connection.run("CREATE UNIQUE INDEX receipts_sha256 ON raw.receipts (sha256)");
    wh.close();
    const r = luoshi("ingest", file("old.csv", OCTOBER), "--as-of", "2017-11-10");
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("luoshi build");
  });

  it("flags 已完成 on a quantity target below its goal (the target would count as done)", async () => {
    const r = luoshi("ingest", file("done.csv", ["市经信局,CX75-06-01,2017-10,300,家,已完成,,张三,2017-11-03"]), "--as-of", "2017-11-10", "--json");
    expect(r.status, r.stderr).toBe(0);
    const [s] = JSON.parse(r.stdout);
    expect(s).toMatchObject({ imported: 1, flagged: 1 });
    expect(s.flags[0].reason).toMatch(/^标为已完成，但累计完成值 300家 低于目标值 \d+家$/);
  });

  it("flags, and still loads, the rows whose 统计期 or 报送单位 differs from the one stated above the table", async () => {
    // last month's rows under this month's title, and one row of another department under 填报单位：市经信局
    const path = join(fixture.dir, "stated.csv");
    writeFileSync(path, ["市经信局智能经济指标月报（2017年11月）", "填报单位：市经信局", HEADER, ...OCTOBER,
      "市经信局,CX75-06-01,2017-11,320,家,,,张三,2017-12-03", "市科技局,CX75-29-02,2017-11,5,家,,,李四,2017-12-03",
      "市科技局,CX75-08-01,2017-11,2,个,,,李四,2017-12-03"].join("\n") + "\n");
    const r = luoshi("ingest", path, "--as-of", "2017-12-10", "--json");
    const [s] = JSON.parse(r.stdout);
    // (CX75-29-02 is not 市科技局's to report: rejected, and so not flagged)
    expect(s).toMatchObject({ rows_read: 6, imported: 5, rejected: 1, flagged: 4 });
    expect(s.flags.map((f: { row: number; reason: string }) => [f.row, f.reason])).toEqual([
      [4, "统计期 2017-10 与表格上方第 1 行所写的「2017年11月」不符，请核对"],
      [5, "统计期 2017-10 与表格上方第 1 行所写的「2017年11月」不符，请核对"],
      [6, "统计期 2017-10 与表格上方第 1 行所写的「2017年11月」不符，请核对"],
      [9, "报送单位「市科技局」与表格上方第 2 行所写的「市经信局」不是同一单位，请核对"],
    ]);
    expect(await rows("SELECT count(*) AS n FROM observations WHERE flagged")).toEqual([{ n: 4 }]);
  });

  it("flags, and still loads, the figures whose 统计期 is not the month the 累计完成值 heading names (1-10月 beside 1-9月 on rows of 2017-09)", async () => {
    // the October column is read beside September's; a row still dated 2017-09 has October's figure in it, or a stale 统计期
    const path = join(fixture.dir, "months.csv");
    writeFileSync(path, ["报送单位,指标编码,统计期,1-9月累计完成值,1-10月累计完成值,单位,完成状态",
      "市经信局,CX75-06-01,2017-10,280,300,家,", "市经信局,CX75-29-02,2017-09,1700,1800,家,", "市经信局,CX75-36-01,2017-09,,,家,已完成"].join("\n") + "\n");
    const r = luoshi("ingest", path, "--as-of", "2017-11-10", "--json");
    const [s] = JSON.parse(r.stdout);
    // (the milestone's row reads no figure from that column: not asked about)
    expect(s).toMatchObject({ rows_read: 3, imported: 3, rejected: 0, flagged: 1 });
    expect(s.flags.map((f: { row: number; reason: string }) => [f.row, f.reason])).toEqual([
      [3, "统计期 2017-09 与第 1 行 E 列表头「1-10月累计完成值」所指的10月不符，已按该列读取，请核对"],
    ]);
    // a heading naming its year holds the year too
    const year = join(fixture.dir, "year.csv");
    writeFileSync(year, ["报送单位,指标编码,统计期,2017年1-10月累计完成值,单位", "市经信局,CX75-06-01,2018-10,310,家"].join("\n") + "\n");
    const y = JSON.parse(luoshi("ingest", year, "--as-of", "2018-11-10", "--json").stdout)[0];
    expect(y.flags.map((f: { reason: string }) => f.reason)).toEqual(["统计期 2018-10 与第 1 行 D 列表头「2017年1-10月累计完成值」所指的2017年10月不符，已按该列读取，请核对"]);
  });

  it("says so when a file is loaded after one received later that reported the same keys (the one loaded last is current)", async () => {
    const later = luoshi("ingest", file("jxj-更正.csv", ["市经信局,CX75-06-01,2017-10,310,家,,,张三,2017-11-06"]), "--as-of", "2017-11-10", "--received-at", "2017-11-06 09:00:00", "--json");
    expect(JSON.parse(later.stdout)[0].received_before).toBeUndefined();
    const earlier = luoshi("ingest", file("jxj.csv", OCTOBER), "--as-of", "2017-11-10", "--received-at", "2017-11-03 09:00:00", "--json");
    expect(JSON.parse(earlier.stdout)[0].received_before).toEqual({ keys: 1, file: "jxj-更正.csv", received_at: "2017-11-06 09:00", files: [{ file: "jxj-更正.csv", received_at: "2017-11-06 09:00", keys: 1 }] });
    expect(await rows("SELECT value FROM observations WHERE code = 'CX75-06-01' AND period = '2017-10'")).toEqual([{ value: 300 }]);
    const text = luoshi("ingest", file("jxj-again.csv", ["市经信局,CX75-06-01,2017-10,305,家,,,张三,2017-11-03"]), "--as-of", "2017-11-10", "--received-at", "2017-11-04 09:00:00");
    expect(text.stdout).toContain("注意：本文件收到时间早于此前已载入的「jxj-更正.csv」（2017-11-06 09:00 收到），两者有 1 个相同的数");
    // two files received later, each sharing its own keys: both named, each with its count
    const second = luoshi("ingest", file("jxj-29.csv", ["市经信局,CX75-29-02,2017-10,1600,家,,,张三,2017-11-07"]), "--as-of", "2017-11-10", "--received-at", "2017-11-07 09:00:00");
    expect(second.status, second.stderr).toBe(0);
    const all = luoshi("ingest", file("jxj-old.csv", OCTOBER.map((l) => l.replace(",2017-11-03", ",2017-11-02"))), "--as-of", "2017-11-10", "--received-at", "2017-11-02 09:00:00", "--json");
    // (the milestone's 已完成, unchanged, is no figure this file sets)
    expect(JSON.parse(all.stdout)[0].received_before).toEqual({ keys: 2, file: "jxj-29.csv", received_at: "2017-11-07 09:00", files: [
      { file: "jxj-29.csv", received_at: "2017-11-07 09:00", keys: 1 },
      { file: "jxj-更正.csv", received_at: "2017-11-06 09:00", keys: 1 },
      { file: "jxj-again.csv", received_at: "2017-11-04 09:00", keys: 1 },
      { file: "jxj.csv", received_at: "2017-11-03 09:00", keys: 2 },
    ] });
  });

  it("--dry-run reports the same verdicts and writes nothing", async () => {
    const r = luoshi("ingest", file("d.csv", [...OCTOBER, "市财政局,CX75-06-01,2017-10,3,家,,,李四,2017-11-03"]), "--as-of", "2017-11-10", "--dry-run", "--json");
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ status: "dry_run", imported: 3, rejected: 1, rejected_by_code: { E_NOT_REPORTER: 1 } });
    expect(await current()).toEqual([]);
  });

  it("--dry-run of several files checks each after the ones before it, as a real run would, and writes nothing", async () => {
    const october = file("oct.csv", OCTOBER);
    // corrects a key of oct.csv, and its November figure falls below oct.csv's October one without a word
    const fix = file("fix.csv", ["市经信局,CX75-06-01,2017-10,320,家,,更正,张三,2017-11-05", "市经信局,CX75-29-02,2017-11,1700,家,,,张三,2017-12-04"]);
    const args = [october, fix, october, "--as-of", "2017-12-10", "--json"];
    const dry = luoshi("ingest", ...args, "--dry-run");
    expect(dry.status, dry.stderr).toBe(0);
    const tried = JSON.parse(dry.stdout);
    expect(await current()).toEqual([]);
    expect(await rows("SELECT count(*) AS n FROM receipts")).toEqual([{ n: 0 }]);
    expect(existsSync(join(fixture.data, "archive"))).toBe(false);
    expect(tried.map((s: { status: string }) => s.status)).toEqual(["dry_run", "dry_run", "already_loaded"]);
    expect(tried[1]).toMatchObject({ imported: 1, updated: 1, flagged: 1 });
    expect(tried[1].flags[0].reason).toContain("低于此前已载入的 2017-10 的 1800家");
    expect(tried[2].receipt_no).toBeNull();
    expect(luoshi("ingest", october, october, "--as-of", "2017-12-10", "--dry-run").stdout).toContain("与本次试运行中排在前面的文件内容相同");
    // the same files loaded for real: the same verdicts
    const real = JSON.parse(luoshi("ingest", ...args).stdout);
    const verdict = (s: Record<string, unknown>) => [s.imported, s.updated, s.unchanged, s.rejected, s.flagged, s.rows_read];
    expect(real.map(verdict)).toEqual(tried.map(verdict));
    expect(real.map((s: { status: string }) => s.status)).toEqual(["loaded", "loaded", "already_loaded"]);
  });

  it("--dry-run of several files with no room for the warehouse's copy says where and what to do (exit 3), and changes nothing", async () => {
    const october = file("oct.csv", OCTOBER);
    const notAFolder = file("not-a-folder", ["x"]);
    const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "ingest", october, october, "--as-of", "2017-12-10", "--dry-run"],
      { env: { ...env(), TMPDIR: notAFolder }, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toContain("试运行多个文件时需要在临时文件夹中复制一份仓库");
    expect(r.stderr).toContain("TMPDIR");
    expect(await current()).toEqual([]);
  });

  it("loads the inbox in arrival order, archives each file by hash, and luoshi build replays the same warehouse", async () => {
    const inbox = join(fixture.data, "inbox");
    mkdirSync(inbox, { recursive: true });
    writeFileSync(join(inbox, "z-first.csv"), [HEADER, ...OCTOBER].join("\n"));
    utimesSync(join(inbox, "z-first.csv"), new Date(2017, 10, 1), new Date(2017, 10, 1));
    // (with a figure below the month before in the file, and one below the figure loaded before: both flagged, and replayed)
    writeFileSync(join(inbox, "a-second.csv"), [HEADER, "市经信局,CX75-06-01,2017-10,310,家,,,张三,2017-11-04", "市经信局,CX75-06-01,2017-11,360,家,,,张三,2017-12-04",
      "市经信局,CX75-06-01,2017-09,320,家,,,张三,2017-10-04", "市经信局,CX75-29-02,2017-11,1700,家,,,张三,2017-12-04"].join("\n"));
    utimesSync(join(inbox, "a-second.csv"), new Date(2017, 10, 2), new Date(2017, 10, 2));
    // (Excel's lock file of a workbook open in the inbox is no report: left alone)
    const lock = Buffer.concat([Buffer.from([5]), Buffer.from("zhang".padEnd(53, " ")), Buffer.from([5, 0]), Buffer.from("zhang".padEnd(54, " "), "utf16le")]);
    writeFileSync(join(inbox, "~$a-second.csv"), lock);
    const r = luoshi("ingest", "--inbox", "--as-of", "2017-12-10");
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(existsSync(join(inbox, "~$a-second.csv"))).toBe(true);
    expect(readManifest(fixture.data).map((m) => m.original_name)).toEqual(["z-first.csv", "a-second.csv"]);
    expect(existsSync(join(inbox, "z-first.csv"))).toBe(false);
    const snapshot = async () => ({
      current: await current(),
      history: await rows("SELECT code, period, file, received_at, old_value, new_value, flag_reason FROM observation_history ORDER BY ALL"),
      receipts: await rows("SELECT receipt_no, original_name, received_at, as_of, imported, updated FROM receipts ORDER BY receipt_no"),
    });
    const before = await snapshot();
    const rebuilt = luoshi("build");
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(await snapshot()).toEqual(before);
    expect(before.receipts).toHaveLength(2);
    expect(before.history.filter((h) => h.flag_reason !== null).map((h) => [h.code, h.period, h.flag_reason])).toEqual([
      ["CX75-06-01", "2017-10", "累计值 310家 低于本文件中 2017-09 的 320家，且进展情况未说明原因"],
      ["CX75-29-02", "2017-11", "累计值 1700家 低于此前已载入的 2017-10 的 1800家，且进展情况未说明原因"],
    ]);
  });

  it("moves a rejected inbox file to inbox/rejected/ without replacing one of the same name rejected before", async () => {
    const inbox = join(fixture.data, "inbox");
    mkdirSync(inbox, { recursive: true });
    for (const text of ["第一次：不是表格", "第二次：还不是表格"]) {
      writeFileSync(join(inbox, "市经信局.csv"), text);
      const r = luoshi("ingest", "--inbox", "--as-of", "2017-12-10");
      expect(r.status, r.stdout + r.stderr).toBe(2);
    }
    expect(readFileSync(join(inbox, "rejected", "市经信局.csv"), "utf8")).toBe("第一次：不是表格");
    expect(readFileSync(join(inbox, "rejected", "市经信局（2）.csv"), "utf8")).toBe("第二次：还不是表格");
    expect(existsSync(join(inbox, "市经信局.csv"))).toBe(false);
  });

  it.each(["js", "bulk"])("a process killed inside a load leaves the warehouse exactly as before that file (%s reader)", async (reader) => {
    luoshi("ingest", file("a.csv", OCTOBER), "--as-of", "2017-11-10");
    const before = await rows("SELECT * FROM raw.observations ORDER BY ALL");
    const big = file("big.csv", ["2017-01", "2017-02", "2017-03", "2017-04", "2017-05", "2017-06", "2017-07", "2017-08", "2017-09"].flatMap((p, i) => [
      `市经信局,CX75-06-01,${p},${i * 10},家,,,张三,`, `市经信局,CX75-29-02,${p},${i * 100},家,,,张三,`,
    ]));
    if (reader === "bulk") expect(planCsv(readFileSync(big))).not.toBeNull(); // the bulk reader takes this file
    const child = spawnSync(process.execPath, [join(PACKAGE_ROOT, "test", "support", "kill-mid-load.mjs"), db, fixture.data, big, reader], { encoding: "utf8" });
    expect(child.signal).toBe("SIGKILL");
    expect(await rows("SELECT * FROM raw.observations ORDER BY ALL")).toEqual(before);
    expect(await rows("SELECT count(*) AS n FROM receipts")).toEqual([{ n: 1 }]);
    expect(readManifest(fixture.data)).toHaveLength(1);
    // the next load works normally
    expect(luoshi("ingest", file("e.csv", ["市经信局,CX75-06-01,2017-11,330,家,,,张三,2017-12-03"]), "--as-of", "2017-12-10").status).toBe(0);
  });

  it.each(["js", "bulk"])("two loads started at once both end correctly: one waits for the other, nothing lost or doubled (%s reader)", async (reader) => {
    const a = file("a.csv", OCTOBER);
    const b = file("b.csv", ["市经信局,CX75-06-01,2017-11,350,家,,,张三,2017-12-03", "市经信局,CX75-29-02,2017-11,2000,家,,,张三,2017-12-03"]);
    const run = (path: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), "ingest", path, "--as-of", "2017-12-10"], { env: { ...env(), LUOSHI_READER: reader } });
        child.on("close", resolve);
      });
    expect(await Promise.all([run(a), run(b)])).toEqual([0, 0]);
    expect(await rows("SELECT count(*) AS n FROM observations")).toEqual([{ n: 5 }]);
    expect(await rows("SELECT count(*) AS n FROM raw.observations")).toEqual([{ n: 5 }]);
    expect(readManifest(fixture.data)).toHaveLength(2);
  });
});

describe("statedCheck", () => {
  const resolve = (name: string) => ({ 市经信局: "市经信局", 经信局: "市经信局", 市科技局: "市科技局" })[name] ?? null;
  const row = { department: "市经信局", departmentAsWritten: "经信局", period: "2017-10", reportedUnit: null };
  const field = (field: "department" | "period" | "unit", text: string) => ({ field, column: field === "period" ? "统计期" : "报送单位", text, row: 2 });
  it("costs nothing when nothing is stated above the table, or only what it cannot read", () => {
    expect(statedCheck([], resolve)).toBeNull();
    expect(statedCheck([field("department", "某某办"), field("period", "十月")], resolve)).toBeNull();
  });
  it("holds each row to the month stated above its table (a quarter: its three months)", () => {
    const month = statedCheck([field("period", "2017年10月")], resolve)!;
    expect(month(row)).toBeNull();
    expect(month({ ...row, period: "2017-09" })).toBe("统计期 2017-09 与表格上方第 2 行所写的「2017年10月」不符，请核对");
    for (const text of ["2017年第四季度", "2017年第四季", "2017Q4"]) {
      const quarter = statedCheck([field("period", text)], resolve)!;
      expect(["2017-09", "2017-10", "2017-11", "2017-12", "2018-01"].map((period) => quarter({ ...row, period }) === null), text).toEqual([false, true, true, true, false]);
    }
    // 1-10月: a back-fill of its months is no mismatch
    const range = statedCheck([field("period", "2017年1-10月")], resolve)!;
    expect(["2016-12", "2017-01", "2017-09", "2017-10", "2017-11"].map((period) => range({ ...row, period }) === null)).toEqual([false, true, true, true, false]);
  });
  it("holds each row to the department stated above its table, by canonical name", () => {
    const check = statedCheck([field("department", "经信局")], resolve)!;
    expect(check(row)).toBeNull();
    expect(check({ ...row, department: "市科技局", departmentAsWritten: "科技局" })).toBe("报送单位「科技局」与表格上方第 2 行所写的「经信局」不是同一单位，请核对");
    const both = statedCheck([field("department", "市经信局"), field("period", "2017年11月")], resolve)!;
    expect(both({ department: "市科技局", departmentAsWritten: "市科技局", period: "2017-10", reportedUnit: null })).toBe(
      "报送单位「市科技局」与表格上方第 2 行所写的「市经信局」不是同一单位，请核对；统计期 2017-10 与表格上方第 2 行所写的「2017年11月」不符，请核对");
  });
  it("asks about a row whose 单位 names another money unit than the 金额单位 stated above the table (the row's is read)", () => {
    const check = statedCheck([{ field: "unit", column: "金额单位", text: "万元", row: 1 }], resolve)!;
    expect(check({ ...row, reportedUnit: "亿元" })).toBe("单位「亿元」与表格上方第 1 行所写的金额单位「万元」不同，已按「亿元」读取，请核对");
    expect(check({ ...row, reportedUnit: "万元" })).toBeNull();
    expect(check({ ...row, reportedUnit: "家" })).toBeNull();
    expect(check(row)).toBeNull();
    // a unit stated above that is no money (单位：家) holds nothing
    expect(statedCheck([{ field: "unit", column: "单位", text: "家", row: 1 }], resolve)).toBeNull();
  });
});

describe("reviewReasons", () => {
  const row = { value: 12, unit: "家", reportedAt: "2017-11-03", period: "2017-10" };
  it("has nothing to say about an ordinary row", () => {
    expect(reviewReasons(row, "2017-11-15")).toBeNull();
  });
  it("asks about a percentage written as a fraction", () => {
    expect(reviewReasons({ ...row, unit: "%", value: 0.85 }, "2017-11-15")).toBe("百分比指标填写了 0.85，若指 85% 请更正");
    expect(reviewReasons({ ...row, unit: "%", value: 85 }, "2017-11-15")).toBeNull();
    expect(reviewReasons({ ...row, unit: "%", value: 100 }, "2017-11-15")).toBeNull();
    // 45 in a cell formatted as a percentage reads 4500
    expect(reviewReasons({ ...row, unit: "%", value: 4500 }, "2017-11-15")).toBe("百分比指标填写了 4500%，超过 100%，请核对（是否把 45% 写成了 4500，或单元格设成了百分比格式？）");
    expect(reviewReasons({ ...row, unit: "%", value: 0 }, "2017-11-15")).toBeNull();
  });
  it("does not ask about a small rate to date (增长0.4%), a small figure for a goal of 1% or less, nor above 100% for a goal above it", () => {
    expect(reviewReasons({ ...row, unit: "%", value: 0.4 }, "2017-11-15", { goal: 8, rate: true })).toBeNull();
    expect(reviewReasons({ ...row, unit: "%", value: 0.4 }, "2017-11-15", { goal: 8 })).toBe("百分比指标填写了 0.4，若指 40% 请更正");
    expect(reviewReasons({ ...row, unit: "%", value: 0.3 }, "2017-11-15", { goal: 0.5 })).toBeNull();
    expect(reviewReasons({ ...row, unit: "%", value: 118 }, "2017-11-15", { goal: 120 })).toBeNull();
    expect(reviewReasons({ ...row, unit: "%", value: 118 }, "2017-11-15", { goal: 95 })).toContain("超过 100%");
    // a rate far above 100% is still asked about
    expect(reviewReasons({ ...row, unit: "%", value: 450 }, "2017-11-15", { goal: 8, rate: true })).toContain("超过 100%");
  });
  it("asks about 未启动 beside an increase already made (新增 12 of 20家), not beside a level or no figure", () => {
    expect(reviewReasons({ ...row, status: "not_started", value: 12 }, "2017-11-15", { goal: 20, increment: true }))
      .toBe("标为未启动，但累计完成值为 12家：已有进展的请填“推进中”，确未启动的累计完成值应为 0 或留空");
    expect(reviewReasons({ ...row, status: "not_started", value: 0 }, "2017-11-15", { goal: 20, increment: true })).toBeNull();
    expect(reviewReasons({ ...row, status: "not_started", value: null }, "2017-11-15", { goal: 20, increment: true })).toBeNull();
    expect(reviewReasons({ ...row, status: "not_started", value: 300 }, "2017-11-15", { goal: 450 })).toBeNull();
    expect(reviewReasons({ ...row, status: "in_progress", value: 12 }, "2017-11-15", { goal: 20, increment: true })).toBeNull();
  });
  it("asks about a figure far above its target (a unit slip)", () => {
    // ten times: 50 (万元 meant) against a goal of 1 亿元, which would count the target done
    expect(reviewReasons({ ...row, value: 50, unit: "亿元" }, "2017-11-15", { goal: 1 })).toBe("累计值 50亿元 是目标值 1亿元 的 50 倍，请核对单位（如 万元 与 亿元、元 与 万元），或是否填了总量而非新增量；核对之前不算完成，核对无误的请在「进展情况」中写明（如“超额完成，已核实”）");
    expect(reviewReasons({ ...row, value: 10, unit: "亿元" }, "2017-11-15", { goal: 1 })).toContain("的 10 倍");
    expect(reviewReasons({ ...row, value: 9.9, unit: "亿元" }, "2017-11-15", { goal: 1 })).toBeNull();
    expect(reviewReasons({ ...row, value: 45000, unit: "万元" }, "2017-11-15", { goal: 300 })).toBe("累计值 45000万元 是目标值 300万元 的 150 倍，请核对单位（如 万元 与 亿元、元 与 万元），或是否填了总量而非新增量；核对之前不算完成，核对无误的请在「进展情况」中写明（如“超额完成，已核实”）");
    expect(reviewReasons({ ...row, value: 2999, unit: "万元" }, "2017-11-15", { goal: 300 })).toBeNull();
    // 100 times: 4.5万 written for 450 家
    expect(reviewReasons({ ...row, value: 45000 }, "2017-11-15", { goal: 450 })).toBe("累计值 45000家 是目标值 450家 的 100 倍，请核对单位（如 万元 与 亿元、元 与 万元），或是否填了总量而非新增量；核对之前不算完成，核对无误的请在「进展情况」中写明（如“超额完成，已核实”）");
    expect(reviewReasons({ ...row, value: 45000 }, "2017-11-15", { goal: null })).toBeNull();
    // (confirmed in 进展情况: nothing to ask; the figure as written, 本月完成投资3000万元, confirms nothing)
    expect(reviewReasons({ ...row, value: 45000, note: "超额完成，已核实" }, "2017-11-15", { goal: 450 })).toBeNull();
    expect(reviewReasons({ ...row, value: 45000, note: "本月完成投资3000万元" }, "2017-11-15", { goal: 450 })).toContain("的 100 倍");
  });
  it("asks about 已完成 for a quantity target whose figure falls short of it, or is not given", () => {
    expect(reviewReasons({ ...row, status: "done", value: 8 }, "2017-11-15", { goal: 10, doneFloor: 10 })).toBe("标为已完成，但累计完成值 8家 低于目标值 10家");
    expect(reviewReasons({ ...row, status: "done", value: null }, "2017-11-15", { goal: 10, doneFloor: 10 })).toBe("标为已完成，但未填累计完成值，无法核对是否达到目标值 10家");
    expect(reviewReasons({ ...row, status: "done", value: 10 }, "2017-11-15", { goal: 10, doneFloor: 10 })).toBeNull();
    expect(reviewReasons({ ...row, status: "in_progress", value: 8 }, "2017-11-15", { goal: 10, doneFloor: 10 })).toBeNull();
    // a ceiling (at_most), a milestone or a target without a figure has no floor
    expect(reviewReasons({ ...row, status: "done", value: 8 }, "2017-11-15", { goal: 10, doneFloor: null })).toBeNull();
  });
  it("asks about a count with a decimal part (1.234 台: a thousands separator typed as a point?), not about other units", () => {
    expect(reviewReasons({ ...row, value: 1.234, unit: "台" }, "2017-11-15")).toBe("计数类指标填写了小数 1.234台，请核对（是否把千分位写成了小数点？）");
    // (one decimal is no thousands separator typed as a point)
    expect(reviewReasons({ ...row, value: 210.5 }, "2017-11-15")).toBe("计数类指标填写了小数 210.5家，请核对（计数应为整数）");
    expect(reviewReasons({ ...row, value: 1.5, unit: "亿元" }, "2017-11-15")).toBeNull();
    expect(reviewReasons({ ...row, value: 12.5, unit: "%" }, "2017-11-15")).toBeNull();
    expect(reviewReasons({ ...row, value: 12.5, unit: null }, "2017-11-15")).toBeNull();
    // 1.000家 reads as 1, a whole number: asked all the same, showing what was written
    expect(reviewReasons({ ...row, value: 1, valueAsWritten: "1.000家" }, "2017-11-15")).toBe("计数类指标填写了小数 1.000家（读作 1家），请核对（是否把千分位写成了小数点？）");
    expect(reviewReasons({ ...row, value: 1, valueAsWritten: "1.000", unit: "亿元" }, "2017-11-15")).toBeNull();
    // not when a thousand times it would be ten times the goal or more: 450.000家 for 450 is a cell with three decimals
    expect(reviewReasons({ ...row, value: 1, valueAsWritten: "1.000家" }, "2017-11-15", { goal: 450 })).toContain("1.000家（读作 1家）");
    expect(reviewReasons({ ...row, value: 450, valueAsWritten: "450.000" }, "2017-11-15", { goal: 450 })).toBeNull();
  });
  it("does not ask about decimals in a count of a figure per head or per area (每万人…12件, 人均), whose decimals are real", () => {
    expect(reviewReasons({ ...row, value: 12.6, unit: "件" }, "2017-11-15", { goal: 12, averaged: true })).toBeNull();
    expect(reviewReasons({ ...row, value: 12.6, unit: "件" }, "2017-11-15", { goal: 12 })).toContain("计数类指标填写了小数 12.6件");
  });
  it("asks about a report date after the as-of date or before the period", () => {
    expect(reviewReasons({ ...row, reportedAt: "2027-11-03" }, "2017-11-15")).toBe("填报日期 2027-11-03 晚于核对日期 2017-11-15");
    expect(reviewReasons({ ...row, reportedAt: "2016-01-03" }, "2017-11-15")).toBe("填报日期 2016-01-03 早于统计期 2017-10");
    expect(reviewReasons({ ...row, reportedAt: null }, "2017-11-15")).toBeNull();
  });
  it("asks about a figure beside a milestone's status (100%, 80%, 1个): no progress counts it", () => {
    expect(reviewReasons({ ...row, value: 80, unit: "%", status: "in_progress" }, "2017-11-15", { milestone: true })).toBe(
      "里程碑类指标以完成状态为准，不填累计完成值：所填 80% 不计入进度，请删去（已完成的请在完成状态中填“已完成”）");
    expect(reviewReasons({ ...row, value: 100, unit: "%", status: "done" }, "2017-11-15", { milestone: true })).toBe(
      "里程碑类指标以完成状态为准，不填累计完成值：所填 100% 不计入进度，请删去");
    expect(reviewReasons({ ...row, value: null, unit: null, status: "done" }, "2017-11-15", { milestone: true })).toBeNull();
    expect(reviewReasons({ ...row, value: 80, unit: "%", status: "in_progress" }, "2017-11-15", { milestone: false })).toBeNull();
  });
  it("asks about a month still running: a period not ended at the as-of date, or a report date inside the period", () => {
    expect(reviewReasons({ ...row, period: "2017-11", reportedAt: null }, "2017-11-15")).toBe(
      "统计期 2017-11 到核对日期 2017-11-15 尚未结束：月报填该月月末的累计数，于下月报送；如填的是上月的数，统计期应为 2017-10");
    // (the first says it all: a report date in that month is not asked about again)
    expect(reviewReasons({ ...row, period: "2017-11", reportedAt: "2017-11-03" }, "2017-11-15")).toBe(
      "统计期 2017-11 到核对日期 2017-11-15 尚未结束：月报填该月月末的累计数，于下月报送；如填的是上月的数，统计期应为 2017-10");
    expect(reviewReasons({ ...row, period: "2018-01", reportedAt: "2018-01-28" }, "2018-03-01")).toBe(
      "填报日期 2018-01-28 在统计期 2018-01 之内，填报时该月尚未结束：如填的是上月的数，统计期应为 2017-12");
    // a report dated the period's last day: the month is over
    expect(reviewReasons({ ...row, period: "2017-10", reportedAt: "2017-10-31" }, "2017-11-15")).toBeNull();
    // on the month's last day its figure is as good as final
    expect(reviewReasons({ ...row, period: "2017-11", reportedAt: null }, "2017-11-30")).toBeNull();
    expect(reviewReasons({ ...row, period: "2018-02", reportedAt: null }, "2018-02-27")).toContain("统计期 2018-02 到核对日期 2018-02-27 尚未结束");
    expect(reviewReasons({ ...row, period: "2018-02", reportedAt: null }, "2018-02-28")).toBeNull();
    // the month ended, reported the month after: nothing to ask
    expect(reviewReasons({ ...row, period: "2017-10", reportedAt: "2017-11-01" }, "2017-11-01")).toBeNull();
    expect(reviewReasons({ ...row, period: "2017-10", reportedAt: null }, "2017-11-01")).toBeNull();
  });
});
