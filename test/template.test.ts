import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../src/paths.js";
import { readXlsxGrid } from "../src/ingest/index.js";
import { buildTemplate, incrementVerb, instructionText, STATUS_CHOICES, TEMPLATE_HEADER, targetText, templateXlsx } from "../src/template.js";
import { openWarehouse, query } from "../src/warehouse.js";
import { buildWarehouse } from "../src/build.js";
import { copyData } from "./support/fixtures.js";

// End to end through the compiled CLI (npm test compiles first): template → filled in as a department would,
// without touching its structure → luoshi ingest accepts every row.
let fixture: ReturnType<typeof copyData>;
let db: string;
const env = () => ({ ...process.env, LUOSHI_DB: db, LUOSHI_DATA: fixture.data, LUOSHI_LOCK_WAIT_MS: "60000" });
const luoshi = (...args: string[]) => spawnSync(process.execPath, [join(PACKAGE_ROOT, "bin", "luoshi.js"), ...args], { env: env(), encoding: "utf8" });

const SEPTEMBER = [
  "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期",
  "市经信局,CX75-06-01,2017-09,300,家,推进中,,张三,2017-10-03",
  "市经信局,CX75-36-01,2017-09,,,已完成,,张三,2017-10-03",
  "市经信局,CX75-38-02,2017-09,,,已完成,本月督查一次,张三,2017-10-03",
].join("\n");

beforeAll(async () => {
  fixture = copyData();
  db = join(fixture.dir, "w.duckdb");
  await buildWarehouse({ data: fixture.data, db });
  const september = join(fixture.dir, "jxj-2017-09.csv");
  writeFileSync(september, SEPTEMBER + "\n");
  const r = luoshi("ingest", september, "--as-of", "2017-10-05");
  expect(r.status, r.stdout + r.stderr).toBe(0);
}, 120_000);

const col = (name: string) => TEMPLATE_HEADER.indexOf(name);
const headerRowOf = (grid: string[][]) => grid.findIndex((row) => row[0] === "报送单位");

/** Fills an XLSX template the way Excel would: the empty input cells of each data row get a value, nothing else moves. */
function fillXlsx(bytes: Uint8Array, grid: string[][]): Uint8Array {
  const files = unzipSync(bytes);
  const header = headerRowOf(grid);
  const letters = { value: "D", status: "F", note: "G", reporter: "H", date: "I" };
  let sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
  const str = (ref: string, s: string, text: string) => `<c r="${ref}" s="${s}" t="inlineStr"><is><t>${text}</t></is></c>`;
  grid.slice(header + 1).forEach((row, i) => {
    const r = header + 2 + i;
    const hasUnit = (row[col("单位")] ?? "") !== "";
    sheet = sheet.replace(new RegExp(`<c r="(${letters.value}${r})" s="(\\d+)"/>`), (_m, ref, s) => (hasUnit ? `<c r="${ref}" s="${s}"><v>${i + 1}</v></c>` : _m));
    sheet = sheet.replace(new RegExp(`<c r="(${letters.status}${r})" s="(\\d+)"/>`), (_m, ref, s) => str(ref, s, "推进中"));
    sheet = sheet.replace(new RegExp(`<c r="(${letters.note}${r})" s="(\\d+)"/>`), (_m, ref, s) => str(ref, s, "按计划推进"));
    sheet = sheet.replace(new RegExp(`<c r="(${letters.reporter}${r})" s="(\\d+)"/>`), (_m, ref, s) => str(ref, s, "李四"));
    sheet = sheet.replace(new RegExp(`<c r="(${letters.date}${r})" s="(\\d+)"/>`), (_m, ref, s) => str(ref, s, "2017-11-03"));
  });
  files["xl/worksheets/sheet1.xml"] = strToU8(sheet);
  return zipSync(files);
}

describe("luoshi template", () => {
  it("says why it leaves targets out: finished before, or recurring duties whose term has ended (never reported is not finished)", () => {
    const out = join(fixture.dir, "jxj-2018-10.csv");
    const made = luoshi("template", "--department", "市经信局", "--period", "2018-10", "--format", "csv", "--out", out);
    expect(made.status, made.stderr).toBe(0);
    // CX75-36-01 was reported 已完成 in 2017-09; CX75-21-03, 38-01 and 38-02 are recurring duties of 2017
    expect(made.stderr).toContain("此前已完成的 1 个、期限已过的常态化任务 3 个未列出（--all 列出）");
  });

  it("XLSX: the documented columns in order, reference columns, last period's figure, a drop-down for 完成状态; filled in, it loads with no rejects", async () => {
    const out = join(fixture.dir, "jxj-2017-10.xlsx");
    const made = luoshi("template", "--department", "市经信局", "--period", "2017-10", "--out", out);
    expect(made.status, made.stderr).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));

    const sheetXml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]!);
    expect(sheetXml).toContain(`<dataValidation type="list"`);
    expect(sheetXml).toContain(`<formula1>"${STATUS_CHOICES.join(",")}"</formula1>`);
    expect(STATUS_CHOICES).toEqual(["未启动", "推进中", "已完成"]);

    // protected without a password: only the cells to fill in (and the spare rows below) take input
    expect(sheetXml).toMatch(/<sheetProtection sheet="1"[^>]*\/>/);
    expect(sheetXml).not.toMatch(/<sheetProtection[^>]*password/i);
    const xfs = strFromU8(unzipSync(bytes)["xl/styles.xml"]!).match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)![1]!.match(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
    const unlocked = (ref: string) => {
      const style = sheetXml.match(new RegExp(`<c r="${ref}" s="(\\d+)"`))?.[1];
      if (style === undefined) return false; // (no cell: the default style, locked)
      return xfs[Number(style)]!.includes(`<protection locked="0"/>`);
    };
    const first = 4; // the first data row, under the title, the note and the header
    expect(["A", "B", "C"].map((c) => unlocked(`${c}${first}`))).toEqual([false, false, false]);
    expect(["D", "E", "F", "G", "H", "I"].map((c) => unlocked(`${c}${first}`))).toEqual([true, true, true, true, true, true]);
    expect(["J", "K", "L", "M", "N", "O"].map((c) => unlocked(`${c}${first}`))).toEqual([false, false, false, false, false, false]);
    expect(unlocked("A3") || unlocked("D3") || unlocked("A1")).toBe(false);
    const spare = (sheetXml.match(/<row r="(\d+)">/g) ?? []).length; // the last row written: a spare one
    expect(["A", "B", "C", "D", "E", "F", "G", "H", "I"].every((c) => unlocked(`${c}${spare}`))).toBe(true);
    expect(unlocked(`J${spare}`)).toBe(false);

    const read = await readXlsxGrid(bytes);
    if ("error" in read) throw new Error(read.error.message);
    const grid = read.grid;
    const header = headerRowOf(grid);
    expect(grid[header]).toEqual([...TEMPLATE_HEADER]);
    expect(TEMPLATE_HEADER.slice(0, 9)).toEqual(["报送单位", "指标编码", "统计期", "累计完成值", "单位", "完成状态", "进展情况", "填报人", "填报日期"]);
    const rows = grid.slice(header + 1);
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) expect(row.slice(0, 3)).toEqual(["市经信局", expect.stringMatching(/^CX75-\d\d-\d\d$/), "2017-10"]);
    const byCode = new Map(rows.map((r) => [r[col("指标编码")], r]));
    const target = byCode.get("CX75-06-01")!;
    expect(target[col("单位")]).toBe("家");
    expect(target[col("目标与时限（参考）")]).toBe("达到 450 家，2017-12-31 前");
    expect([target[col("上次报送统计期（参考）")], target[col("上次累计完成值（参考）")], target[col("上次完成状态（参考）")]]).toEqual(["2017-09", "300", "推进中"]);
    expect(byCode.get("CX75-29-02")![col("上次报送统计期（参考）")]).toBe("");
    // finished in September: no longer owed, so left out (--all lists it)
    expect(byCode.has("CX75-36-01")).toBe(false);
    expect(made.stderr).toContain("此前已完成的 1 个未列出");
    // a recurring duty reported 已完成 did that month's round: it is owed again
    expect(byCode.get("CX75-38-02")?.[col("上次完成状态（参考）")]).toBe("已完成");

    const filled = join(fixture.dir, "jxj-2017-10-filled.xlsx");
    writeFileSync(filled, fillXlsx(bytes, grid));
    const loaded = luoshi("ingest", filled, "--as-of", "2017-11-10", "--json");
    expect(loaded.status, loaded.stdout + loaded.stderr).toBe(0);
    const summary = JSON.parse(loaded.stdout)[0];
    expect(summary).toMatchObject({ status: "loaded", format: "xlsx", rows_read: rows.length, imported: rows.length, rejected: 0 });
    // the template's own （参考） columns are not listed as columns the reader did not know
    expect(summary.ignored_columns).toEqual([]);
  }, 120_000);

  it("CSV: UTF-8 with BOM, same columns; filled in with a spreadsheet's CSV writer, it loads with no rejects", () => {
    const made = luoshi("template", "--department", "市经信局", "--period", "2017-10", "--format", "csv", "--out", "-");
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout.startsWith("\uFEFF")).toBe(true);
    const grid = Papa.parse<string[]>(made.stdout.slice(1), { skipEmptyLines: true }).data;
    const header = headerRowOf(grid);
    expect(grid[header]).toEqual([...TEMPLATE_HEADER]);
    const filled = grid.map((row, r) => {
      if (r <= header) return row;
      const copy = [...row];
      if (copy[col("单位")] !== "") copy[col("累计完成值")] = String(r * 2);
      copy[col("完成状态")] = "推进中";
      copy[col("填报人")] = "李四";
      copy[col("填报日期")] = "2017/11/3";
      return copy;
    });
    const path = join(fixture.dir, "jxj-2017-10-filled.csv");
    writeFileSync(path, "\uFEFF" + Papa.unparse(filled, { newline: "\r\n" }) + "\r\n");
    const loaded = luoshi("ingest", path, "--as-of", "2017-11-10", "--json");
    expect(loaded.status, loaded.stdout + loaded.stderr).toBe(0);
    expect(JSON.parse(loaded.stdout)[0]).toMatchObject({ format: "csv", encoding: "utf-8-bom", rows_read: grid.length - header - 1, rejected: 0 });
  }, 120_000);

  it("--out names the format when --format is not given (x.csv is a CSV); a name contradicting --format is a usage error", () => {
    const csv = join(fixture.dir, "jxj.csv");
    expect(luoshi("template", "--department", "市经信局", "--period", "2017-10", "--out", csv).status).toBe(0);
    expect(readFileSync(csv, "utf8").startsWith("\uFEFF")).toBe(true);
    expect(readFileSync(csv).subarray(0, 2).toString("latin1")).not.toBe("PK");
    const xlsx = join(fixture.dir, "jxj.xlsx");
    expect(luoshi("template", "--department", "市经信局", "--period", "2017-10", "--out", xlsx).status).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString("latin1")).toBe("PK");
    const clash = luoshi("template", "--department", "市经信局", "--period", "2017-10", "--format", "xlsx", "--out", join(fixture.dir, "clash.csv"));
    expect(clash.status).toBe(64);
    expect(clash.stderr).toContain("扩展名是 .csv");
    expect(existsSync(join(fixture.dir, "clash.csv"))).toBe(false);
  });

  it("a group's members report their own figure; the group itself, an unknown name or a bad period is a usage error", () => {
    const town = luoshi("template", "--department", "周巷镇", "--period", "2017年10月", "--format", "csv", "--out", "-");
    expect(town.status, town.stderr).toBe(0);
    const rows = Papa.parse<string[]>(town.stdout.slice(1), { skipEmptyLines: true }).data;
    expect(rows.slice(headerRowOf(rows) + 1).map((r) => r.slice(0, 3))).toEqual([["周巷镇", "CX75-03-01", "2017-10"]]);

    const all = luoshi("template", "--department", "市经信局", "--period", "2017-10", "--format", "csv", "--out", "-", "--all");
    const finished = Papa.parse<string[]>(all.stdout.slice(1), { skipEmptyLines: true }).data.find((r) => r[col("指标编码")] === "CX75-36-01");
    expect(finished?.[col("上次完成状态（参考）")]).toBe("已完成");

    const group = luoshi("template", "--department", "各镇(街道、园区)", "--period", "2017-10");
    expect(group.status).toBe(64);
    expect(group.stderr).toContain("部门组");
    expect(group.stderr).toContain("周巷镇");
    expect(luoshi("template", "--department", "市不存在局", "--period", "2017-10").status).toBe(64);
    // (周巷, the town without 镇, is one of its names: department_aliases)
    expect(luoshi("template", "--department", "周巷", "--period", "2017-10", "--format", "csv", "--out", "-").status).toBe(0);
    const near = luoshi("template", "--department", "周巷镇人大", "--period", "2017-10");
    expect(near.status).toBe(64);
    expect(near.stderr).toContain("报送单位“周巷镇人大”不在部门字典中（是否为“周巷镇”？）");
    const early = luoshi("template", "--department", "市经信局", "--period", "2016-05");
    expect(early.status).toBe(64);
    expect(early.stderr).toContain("市经信局 的指标自 2017-01 起算，2016-05 还没有可报送的指标");
    // a department with nothing to report: the ones that report, a group's members named by their group
    const none = luoshi("template", "--department", "市委宣传部", "--period", "2017-10");
    expect(none.status).toBe(64);
    expect(none.stderr).toMatch(/市委宣传部 没有需要报送的指标；报送单位有：[^，]*市经信局[^，]*，以及各镇\(街道、园区\)的 19 个成员单位（[^）]+等）/);
    expect(luoshi("template", "--department", "市经信局", "--period", "2017-13").status).toBe(64);
    expect(luoshi("template", "--department", "市经信局").status).toBe(64);
  }, 120_000);
});

describe("the target and instruction of a template row", () => {
  it("a growth rate (增长10%, a percentage increment) reads 增长 10% and asks for the cumulative growth rate, not 新增", async () => {
    const { edit } = await import("./support/fixtures.js");
    const { openWarehouse } = await import("../src/warehouse.js");
    const { buildTemplate } = await import("../src/template.js");
    const f = copyData();
    edit(f.policyDir, "targets.csv", "CX75-08-01,published,8,quantity,,5,,个,个,5,increment,", "CX75-08-01,published,8,quantity,,10,,%,%,10,increment,");
    const w = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db: w });
    const wh = await openWarehouse(w, { readOnly: true });
    try {
      const t = await buildTemplate(wh.connection, { department: "市科技局", period: "2017-10" });
      const row = t.rows.find((r) => r.code === "CX75-08-01")!;
      expect(row.target).toMatch(/^增长 10%(，|$)/);
      expect(row.instruction).toContain("增长率（如增长 6.5% 填 6.5；下降时填负数）");
      // the workbook's check on 累计完成值 lets that row go below zero, and no other
      expect(t.rows.filter((r) => r.signed).map((r) => r.code)).toEqual(["CX75-08-01"]);
      const cell = `D${4 + t.rows.indexOf(row)}`;
      const sheet = strFromU8(unzipSync(templateXlsx(t))["xl/worksheets/sheet1.xml"]!);
      const sqref = (operator: string) => sheet.match(new RegExp(`<dataValidation type="decimal" operator="${operator}"[^>]* sqref="([^"]+)"`))?.[1]?.split(" ");
      expect(sqref("between")).toEqual([cell]);
      expect(sqref("greaterThanOrEqual")).not.toContain(cell);
      // (between them, every row of the table and the 20 spare rows below it)
      const rowsOf = (ranges: string[]) => ranges.flatMap((r) => {
        const [from, to = from] = r.split(":").map((c) => Number(c!.slice(1)));
        return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
      });
      expect([...rowsOf(sqref("between")!), ...rowsOf(sqref("greaterThanOrEqual")!)].sort((a, b) => a - b))
        .toEqual(Array.from({ length: t.rows.length + 20 }, (_, i) => 4 + i));
    } finally {
      wh.close();
    }
  });
});

describe("a target's text and filling instruction in the template", () => {
  const quantity = { kind: "quantity", comparator: null, value: 10, value_max: null, unit: "%", measure: "increment", deadline: "2020-12-31", counting_start: "2019-01-01" };
  it("say which way the figure goes: 降低10%左右 is a fall to report as a positive size, not a growth", () => {
    expect(targetText({ ...quantity, comparator: "about", falls: true })).toBe("下降 约 10%，2020-12-31 前");
    expect(instructionText({ ...quantity, falls: true })).toBe("「累计完成值」填自 2019-01 起的降幅（如下降 3% 填 3；不降反升时填负数）（%），只填数字");
    expect(targetText({ ...quantity, falls: false })).toBe("增长 10%，2020-12-31 前");
    expect(instructionText({ ...quantity, falls: false })).toBe("「累计完成值」填自 2019-01 起的增长率（如增长 6.5% 填 6.5；下降时填负数）（%），只填数字");
    // (同比下降3%: against the same months of the year before, not since the counting start)
    const sentence = "秋冬季期间细颗粒物平均浓度同比下降3%，重度及以上污染天数减少3%。";
    const yoy = { ...quantity, value: 3, falls: true, annex_sentence_source: sentence, annex_start: 0, annex_end: sentence.indexOf("，") };
    expect(instructionText(yoy)).toBe("「累计完成值」填截至本月底与上年同期相比的降幅（如同比下降 3% 填 3；不降反升时填负数）（%），只填数字");
    // (the 同比 of another clause is not this figure's)
    const days = { ...yoy, annex_start: sentence.indexOf("重度"), annex_end: sentence.length - 1 };
    expect(instructionText(days)).toBe("「累计完成值」填自 2019-01 起的降幅（如下降 3% 填 3；不降反升时填负数）（%），只填数字");
    // (a rate of every year, 单位GDP能耗下降3% in a row of 每年, or 年均增长10%: this year's rate, from January)
    expect(instructionText({ ...quantity, value: 3, falls: true, frequency: "每年" })).toBe("「累计完成值」填本年（自当年 1 月起至本月底）的降幅（如下降 3% 填 3；不降反升时填负数）（%），只填数字");
    const average = "研发投入年均增长10%。";
    expect(instructionText({ ...quantity, annex_sentence_source: average, annex_start: average.indexOf("10"), annex_end: average.length - 1 }))
      .toBe("「累计完成值」填本年（自当年 1 月起至本月底）的增长率（如增长 6.5% 填 6.5；下降时填负数）（%），只填数字");
    const points = { ...quantity, value: 0.5, unit: "个百分点" };
    expect(targetText({ ...points, falls: true })).toBe("下降 0.5 个百分点，2020-12-31 前");
    expect(instructionText({ ...points, falls: true })).toBe("「累计完成值」填自 2019-01 起累计下降的百分点数（如下降 0.5 个百分点填 0.5；不降反升时填负数）（个百分点），只填数字");
    expect(instructionText({ ...points, falls: false })).toBe("「累计完成值」填自 2019-01 起累计提高的百分点数（如提高 0.5 个百分点填 0.5；下降时填负数）（个百分点），只填数字");
    expect(targetText({ ...points, falls: false })).toBe("提高 0.5 个百分点，2020-12-31 前");
    expect(targetText({ ...quantity, value: 200, unit: "家", falls: true })).toBe("减少 200 家，2020-12-31 前");
    // (events that must not happen: a ceiling of 0 起)
    expect(targetText({ ...quantity, value: 0, unit: "起", comparator: "at_most", falls: false })).toBe("不发生（0 起），2020-12-31 前");
    expect(targetText({ ...quantity, value: 200, unit: "家", falls: false })).toBe("新增 200 家，2020-12-31 前");
  });
  it("a ratio without a unit (城乡居民收入比控制在1.8以内) says so, never （）; a rank is a place to reach", () => {
    const ratio = { ...quantity, comparator: "at_most", value: 1.8, unit: "", measure: "level", deadline: "2023-12-31" };
    expect(targetText(ratio)).toBe("控制在 1.8 以内，2023-12-31 前");
    expect(instructionText(ratio)).toBe("「累计完成值」填截至本月底的实际数值（无单位），只填数字");
    // (a rank: a place to reach, reported as the place)
    const rank = { ...ratio, value: 10, unit: "位", subject: "营商环境评价全省排名" };
    expect(targetText(rank)).toBe("进入前 10 位，2023-12-31 前");
    expect(instructionText(rank)).toBe("「累计完成值」填最近一次公布的名次，只填数字（第 12 位填 12）");
  });
  it("an increase is named by its own clause's verb (淘汰燃煤锅炉100台), not by a verb of an earlier clause, else 新增", () => {
    const at = (text: string, figure: string) => ({ annex_sentence_source: text, annex_start: text.indexOf(figure), body_sentence_source: null, body_start: null });
    const boilers = { ...quantity, comparator: "at_least", value: 100, unit: "台", falls: false };
    const own = at("年内淘汰燃煤锅炉100台以上", "100台");
    expect(incrementVerb(own)).toBe("淘汰");
    expect(targetText({ ...boilers, ...own })).toBe("淘汰 100 台以上，2020-12-31 前");
    expect(instructionText({ ...boilers, ...own })).toContain("累计淘汰数");
    // 、 joins the objects of one verb: 培育 counts for the second figure too
    expect(incrementVerb(at("培育龙头企业10家、骨干企业30家", "30家"))).toBe("培育");
    // the verb of an earlier clause or sentence belongs to its own figure
    expect(incrementVerb(at("淘汰落后产能，建设充电桩100个", "100个"))).toBe("建设");
    // a verb inside its object's noun is not it: the training classes are held (举办), not trained
    expect(incrementVerb(at("举办企业家培训班15-20期", "15-20期"))).toBe("举办");
    expect(incrementVerb(at("组织开展培训1000人次", "1000人次"))).toBe("培训");
    expect(incrementVerb(at("新增创业孵化基地5家", "5家"))).toBe("新增");
    expect(incrementVerb(at("淘汰黄标车。全市充电桩100个", "100个"))).toBeNull();
    expect(targetText({ ...boilers, ...at("淘汰黄标车。全市充电桩100个", "100个"), unit: "个" })).toBe("新增 100 个以上，2020-12-31 前");
    // none in the annex row's clause: the body's
    expect(incrementVerb({ annex_sentence_source: "充电桩100个", annex_start: 3, body_sentence_source: "新建充电桩100个", body_start: 5 })).toBe("新建");
  });
  it("a ceiling (压缩至50天以内) is a level to stay under, reported as the month's value, not a running total", () => {
    const ceiling = { ...quantity, comparator: "at_most", value: 50, unit: "天", measure: "level", falls: true };
    expect(targetText(ceiling)).toBe("控制在 50 天以内，2020-12-31 前");
    expect(instructionText(ceiling)).toBe("「累计完成值」填截至本月底的实际数值（天），只填数字");
    // a level of things counted or of money stays a running total
    expect(instructionText({ ...ceiling, comparator: "reach", value: 450, unit: "家", falls: false })).toBe("「累计完成值」填截至本月底的累计总数（家），只填数字");
    expect(targetText({ ...ceiling, comparator: "reach", value: 450, unit: "家", falls: false })).toBe("达到 450 家，2020-12-31 前");
  });
});

describe("the targets view's falls", () => {
  it("is true where the words before the figure say it goes down (降低), false elsewhere, and the template then asks for the fall", async () => {
    const f = copyData();
    const own = join(f.dir, "w.duckdb");
    await buildWarehouse({ data: f.data, db: own });
    const wh = await openWarehouse(own, { readOnly: false });
    try {
      const sql = async (text: string, params: (string | number)[] = []) => (await query(wh.connection, text, params)).rows;
      expect(await sql("SELECT count(*) AS n FROM targets WHERE falls")).toEqual([{ n: 0 }]);
      // CX75-06-01's two characters before its figure, the first of its text 「达到450家」, rewritten 降低 (in the stored
      // annex row: offsets unchanged): 企业降低450家
      const [t] = await sql("SELECT task_id, annex_start FROM targets WHERE code = 'CX75-06-01'");
      await wh.connection.run("UPDATE raw.tasks SET content = substr(content, 1, $2) || '降低' || substr(content, $2 + 3) WHERE task_id = $1", [String(t!.task_id), Number(t!.annex_start)]);
      expect(await sql("SELECT code FROM targets WHERE falls")).toEqual([{ code: "CX75-06-01" }]);
      // CX75-08-01's text is its figure alone (「5个」): the two characters before it rewritten 减少
      const [k] = await sql("SELECT task_id, annex_start, annex_text FROM targets WHERE code = 'CX75-08-01'");
      expect(k!.annex_text).toBe("5个");
      await wh.connection.run("UPDATE raw.tasks SET content = substr(content, 1, $2 - 2) || '减少' || substr(content, $2 + 1) WHERE task_id = $1", [String(k!.task_id), Number(k!.annex_start)]);
      expect(await sql("SELECT code FROM targets WHERE falls ORDER BY code")).toEqual([{ code: "CX75-06-01" }, { code: "CX75-08-01" }]);
      const template = await buildTemplate(wh.connection, { department: "市经信局", period: "2017-10" });
      const row = template.rows.find((r) => r.code === "CX75-06-01")!;
      // (a level: 降低450家 reads 降至, its figure the month's total as before)
      expect(row.target).toMatch(/^降至 450 家/);
      expect(row.instruction).toContain("截至本月底的累计总数");
    } finally {
      wh.close();
    }
  });
});
