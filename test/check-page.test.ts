// Page 报送自查 (/guide/check): the browser gives the verdicts of `luoshi ingest --dry-run`.
// (a) In Node, the browser bundle (as docs/data/ingest-check.js.js writes it) with the reference data (as
//     docs/data/ingest-context.json.js writes it) against the CLI, on generated files (UTF-8, BOM, GBK, XLSX, title
//     rows, good rows and rows of many error codes, whole-file errors) and on every file of data/samples/ if present.
// (b) In Chromium, on the built site: the rejected rows shown and the downloaded CSV equal the CLI's, and no request
//     leaves the machine or carries the file. Screenshot: tmp/screens/check.png.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as XLSX from "@e965/xlsx";
import iconv from "iconv-lite";
import Papa from "papaparse";
import type { Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import writeExcelFile from "write-excel-file/node";
import type { CheckSummary, IngestContextData, MonthlyFileResult } from "../src/ingest/browser.js";
import type { Reject } from "../src/ingest/rules.js";
import type { IngestSummary } from "../src/monthly.js";
import { PACKAGE_ROOT } from "../src/paths.js";
import { buildWarehouse } from "../src/build.js";
import { loadMonthlyFile } from "../src/monthly.js";
import { openWarehouse } from "../src/warehouse.js";
import { chromiumAvailable, chromiumPath, closeBrowser, openPage, projectDir, serveStatic } from "./support/browser.js";
import { copyData } from "./support/fixtures.js";
import { builtSite } from "./support/site.js";
import { monthCell, title } from "./support/xlsx-cells.js";

type Checker = typeof import("../src/ingest/browser.js");

/** CSV lines as the web page some office systems export as “.xls”: one <table>, a cell per field. */
function htmlTable(lines: string[]): string {
  const rows = Papa.parse<string[]>(lines.join("\n"), { skipEmptyLines: true }).data;
  const cell = (c: string) => `<td>${c.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</td>`;
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><table>${rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("\n")}</table></body></html>`;
}

/** An .xlsx saved again as Excel 97–2003 (.xls, BIFF8). */
function asXls(xlsx: Buffer): Buffer {
  return XLSX.write(XLSX.read(xlsx, { type: "buffer", cellNF: true, cellStyles: true }), { type: "buffer", bookType: "biff8" }) as Buffer;
}

const AS_OF = "2017-11-10";
/** Rows the page lists per table (SHOWN in docs/guide/check.md). */
const SHOWN = 1000;
const SAMPLES = path.join(PACKAGE_ROOT, "data", "samples");
const SCREENS = path.join(projectDir, "tmp", "screens");
const HAVE_CHROMIUM = chromiumAvailable();
if (!HAVE_CHROMIUM) console.warn(`check-page: browser part skipped, Chromium not found at ${chromiumPath}`);

const HEADER = "报送单位,指标编码,统计期,累计完成值,单位,完成状态,进展情况,填报人,填报日期";
/** Two title rows, then the header on row 3; the comment is each row's expected verdict (the test compares, not asserts these). */
const CSV_LINES = [
  "慈溪市智能经济十条 指标进展月报,,,,,,,,",
  "填报单位：市经信局　2017年10月,,,,,,,,",
  HEADER,
  "市经信局,CX75-06-01,2017-10,300,家,,培育300家,张三,2017-11-03", // 4 E_DUPLICATE_KEY with 24
  '市经济和信息化局,CX75-29-02,2017年10月,"1,800",家,,,张三,2017/11/3', // 5 ok (alias, formats)
  " 市经信局 ,cx75-06-02,2017-10,１２０家,,,,张三,2017-11-03", // 6 ok (spaces, case, full-width)
  "市经信局,CX75-36-01,2017-10,,,已完成,,张三,2017-11-03", // 7 ok milestone
  "市经信局,CX75-06-03,2017-10,85%,,,,张三,2017-11-03", // 8 ok percent
  "市经信局,CX75-35-01,2017-10,3000万元,,,,张三,2017-11-03", // 9 ok → 0.3 亿元
  "市经信局,CX75-35-01,2017-09,1.5万,,,,张三,2017-11-03", // 10 E_UNIT_MISMATCH (money without unit)
  "市经信局,CX75-04-01,2017-10,三百,家,,,张三,2017-11-03", // 11 E_NOT_A_NUMBER
  "市经信局,CX75-05-01,2017-10,-5,家,,,张三,2017-11-03", // 12 E_NEGATIVE
  "市经信局,CX75-99-01,2017-10,5,家,,,张三,2017-11-03", // 13 E_UNKNOWN_CODE
  "市信息局,CX75-06-01,2017-09,5,家,,,张三,2017-11-03", // 14 E_UNKNOWN_DEPARTMENT
  "市财政局,CX75-06-01,2017-08,3,家,,,李四,2017-11-03", // 15 E_NOT_REPORTER
  "市经信局,CX75-06-02,2017-13,3,家,,,张三,2017-11-03", // 16 E_BAD_PERIOD
  "市经信局,CX75-06-02,2017-12,3,家,,,张三,2017-11-03", // 17 E_PERIOD_IN_FUTURE
  "市经信局,CX75-06-02,2016-12,3,家,,,张三,2017-11-03", // 18 E_PERIOD_BEFORE_START
  "市经信局,CX75-36-02,2017-10,,,快完成了,,张三,2017-11-03", // 19 E_BAD_STATUS, E_REQUIRED
  "市经信局,CX75-29-03,2017-10,5,台,,,张三,2017-11-03", // 20 E_UNIT_MISMATCH
  "市经信局,CX75-29-03,2017-09,5,家,,,张三,2017-13-45", // 21 ok, flagged: 填报日期 unreadable (loaded without it)
  ",CX75-29-01,2017-10,5,项,,,张三,2017-11-03", // 22 E_REQUIRED
  "市经信局,CX75-31-01,2017-10,1,234,家,,,张三,2017-11-03", // 23 E_EXTRA_CELLS (and a bad unit)
  "市经信局,CX75-06-01,2017-10,310,家,,更正,张三,2017-11-04", // 24 E_DUPLICATE_KEY with 4
  '市经信局,CX75-31-02,2017-10,5,"家"数,,进展说明,张三,2017-11-03', // 25 E_CSV_QUOTES
  "",
  "市经信局,CX75-31-03,2017-10,7,个,,,张三,2017-11-03", // 27 ok after an empty line
];
const CSV_TEXT = CSV_LINES.join("\n") + "\n";
/** Rows loaded but flagged: falling figures within the file (in any order; one explained), and the other reasons. */
const REVIEW_LINES = [
  HEADER,
  "市经信局,CX75-06-01,2017-09,320,家,,,张三,2017-10-05", // 2
  "市经信局,CX75-06-01,2017-07,300,家,,,张三,2017-08-05", // 3
  "市经信局,CX75-06-01,2017-08,290,家,,,张三,2017-09-05", // 4 below 2017-07
  "市经信局,CX75-06-01,2017-10,310,家,,,张三,2017-12-05", // 5 below 2017-09, reported after the as-of date
  "市经信局,CX75-29-02,2017-09,1800,家,,,张三,2017-10-05", // 6
  "市经信局,CX75-29-02,2017-10,1700,家,,企业迁出,张三,2017-11-05", // 7 below, explained
  "市经信局,CX75-06-03,2017-10,0.85,%,,,张三,2017-11-05", // 8 a percentage as a fraction
  "市经信局,CX75-04-01,2017-10,3,家,已完成,,张三,2017-11-05", // 9 已完成 below the goal
  "市经信局,CX75-06-02,2017-10,200000,家,,,张三,2017-09-05", // 10 far above the goal, reported before the period
  "市经信局,CX75-06-01,2017-11,3200,家,,累计320家,张三,2017-11-08", // 11 ten times 2017-10's 310: a digit typed twice? (a note does not clear it)
];


async function workbook(): Promise<Buffer> {
  const october = [
    title("慈溪市智能经济十条 指标进展月报"),
    title("报送单位：市经信局"),
    ["报送单位", "指标编码", "统计期", "累计完成值", "单位", "进展情况", "填报日期"],
    ["市经信局", "CX75-06-01", monthCell(2017, 10), 450, "家", "培育450家", monthCell(2017, 11, 3, "yyyy/m/d")],
    ["市经信局", "CX75-06-03", monthCell(2017, 10), { value: 0.855, format: "0.0%" }, null, null, null],
    ["市经信局", "CX75-35-01", monthCell(2017, 10, 31, "yyyy-mm-dd"), 3000.5, "万元", null, null],
    ["市经信局", "CX75-35-01", monthCell(2017, 12), 3100, "万元", null, null],
    ["市经信局", "CX75-29-02", "2017-10", "四百", null, null, null],
    ["市科技局", "CX75-29-02", "2017-09", 3, "家", null, null],
    ["市经信局", "CX75-29-03", "2017-10", 1, "家", null, null],
    ["市经信局", "CX75-29-03", monthCell(2017, 10), 2, "家", null, null],
  ];
  const november = [
    ["报送单位", "指标编码", "统计期", "累计完成值", "完成状态"],
    ["市经信局", "CX75-06-01", monthCell(2017, 11), 460, null],
    ["市经信局", "CX75-36-01", "2017-11", null, "完成"],
    ["市经信局", "CX75-36-02", "2017-11", null, "差不多"],
  ];
  return (await writeExcelFile([
    { data: october, sheet: "十月" },
    { data: november, sheet: "十一月" },
  ]).toBuffer()) as Buffer;
}

type Case = { name: string; bytes: Uint8Array; asOf: string; sheet?: string };

/** The verdicts both sides give, in one shape. */
type Verdict = {
  fileError: { code: string; message: string } | null;
  format: string | null;
  encoding: string | null;
  sheet: string | null;
  otherSheets: string[];
  /** Fields stated above the header: 报送单位「市经信局」 (row 2). */
  formFields: string[];
  /** The same, as the rejects file reads them (a 报送单位 or 统计期 above the table fills each rejected row's). */
  above: { column: string; text: string }[];
  rowsRead: number;
  accepted: number;
  rejected: number;
  rejectedByCode: Record<string, number>;
  rejects: Reject[];
  flags: { row: number; code: string; department: string; period: string; reason: string }[];
};

function cliVerdict(s: IngestSummary): Verdict {
  expect(["dry_run", "file_rejected"]).toContain(s.status);
  return {
    fileError: s.file_error,
    format: s.format,
    encoding: s.encoding,
    sheet: s.sheet,
    otherSheets: s.other_sheets,
    formFields: s.form_fields.map((f) => `${f.column}「${f.value}」（第 ${f.row} 行）`),
    above: s.form_fields.map((f) => ({ column: f.column, text: f.value })),
    rowsRead: s.rows_read,
    accepted: s.imported + s.updated + s.unchanged,
    rejected: s.rejected,
    rejectedByCode: s.rejected_by_code,
    rejects: s.rejects.map(({ file: _file, ...r }) => r),
    flags: s.flags,
  };
}

function pageVerdict(result: MonthlyFileResult, summary: CheckSummary, asOf: string): Verdict {
  return {
    fileError: result.fileError,
    format: result.file.format,
    encoding: result.file.encoding,
    sheet: result.file.sheet,
    otherSheets: result.fileError ? [] : result.file.otherSheets,
    formFields: result.fileError ? [] : result.file.formFields.map((f) => `${f.column}「${f.text}」（第 ${f.row} 行）`),
    above: result.fileError ? [] : result.file.formFields.map((f) => ({ column: f.column, text: f.text })),
    rowsRead: summary.rowsRead,
    accepted: result.fileError ? 0 : summary.accepted,
    rejected: summary.rejected,
    rejectedByCode: summary.rejectedByCode,
    rejects: result.rejects,
    flags: checker.reviewFlags(result, reference, asOf),
  };
}

/** The rejects table as the page shows it: 行, 报送单位 · 指标 · 统计期 (as written: the rejects file's first columns), 列, 错误代码, 原因, 原值. */
const shownRejects = (v: Verdict) => v.rejects.map((r) => {
  const [department, code, period] = checker.rejectKey(r, v.above);
  return [String(r.row), `${department || "—"}${code || "—"} · ${period || "—"}`, r.column ?? "整行", r.code, r.message, r.value ?? ""];
});

let fixture: ReturnType<typeof copyData>;
let db: string;
let checker: Checker;
let reference: IngestContextData;
let cases: Case[];
/** name → the CLI's verdict. */
const expected = new Map<string, Verdict>();
let samples: Case[] = [];

const env = () => ({ ...process.env, LUOSHI_DB: db, LUOSHI_DATA: fixture.data, LUOSHI_LOCK_WAIT_MS: "60000" });
const node = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, args, { cwd: PACKAGE_ROOT, env: { ...env(), ...extraEnv }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
};

/** `luoshi ingest <file> --dry-run --json`: the file checked on its own against the warehouse, as the page checks it. */
function dryRun(file: string, asOf: string, sheet?: string): IngestSummary {
  const r = node([path.join(PACKAGE_ROOT, "bin", "luoshi.js"), "ingest", file, "--dry-run", "--json", "--as-of", asOf, ...(sheet ? ["--sheet", sheet] : [])]);
  expect([0, 1, 2], r.stderr).toContain(r.status);
  const summaries = JSON.parse(r.stdout) as IngestSummary[];
  expect(summaries).toHaveLength(1);
  return summaries[0]!;
}

/**
 * What `luoshi ingest <file> --dry-run` runs for one file (loadMonthlyFile, dry run, on the warehouse read-only),
 * for many files in one process: each checked on its own, as the page checks it. (Several files in one dry run of
 * the CLI are checked one after another, each after the ones before it, as a real run would check them.)
 */
async function dryRunEach(files: { path: string; asOf: string }[]): Promise<IngestSummary[]> {
  const wh = await openWarehouse(db, { readOnly: true });
  try {
    const out: IngestSummary[] = [];
    for (const f of files) {
      out.push(await loadMonthlyFile(wh.connection, {
        name: path.basename(f.path), bytes: readFileSync(f.path), asOf: f.asOf, receivedAt: "2026-01-01 00:00:00", archiveName: null, dryRun: true,
        maxBytes: Number.MAX_SAFE_INTEGER,
      }));
    }
    return out;
  } finally {
    wh.close();
  }
}

/**
 * Every file of data/samples/ (but schedule.csv), with its as-of date from schedule.csv when listed there. Copied
 * first, so that the CLI and the page read the same bytes even while the samples are being regenerated.
 */
function sampleCases(): Case[] {
  if (!existsSync(SAMPLES)) return [];
  const schedule = new Map<string, string>();
  const schedulePath = path.join(SAMPLES, "schedule.csv");
  if (existsSync(schedulePath)) {
    const parsed = Papa.parse<Record<string, string>>(readFileSync(schedulePath, "utf8").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
    for (const r of parsed.data) if (r.file) schedule.set(path.resolve(SAMPLES, r.file), r.as_of || AS_OF);
  }
  return readdirSync(SAMPLES)
    .filter((f) => f !== "schedule.csv" && !f.startsWith(".") && statSync(path.join(SAMPLES, f)).isFile())
    .sort()
    .map((f) => ({ name: f, bytes: readFileSync(path.join(SAMPLES, f)), asOf: schedule.get(path.join(SAMPLES, f)) ?? AS_OF }));
}

beforeAll(async () => {
  fixture = copyData();
  db = path.join(fixture.dir, "w.duckdb");
  await buildWarehouse({ data: fixture.data, db });

  // The browser bundle and the reference data, written by the site's data loaders.
  const bundle = node([path.join(PACKAGE_ROOT, "docs", "data", "ingest-check.js.js")]);
  expect(bundle.status, bundle.stderr).toBe(0);
  const bundlePath = path.join(fixture.dir, "ingest-check.mjs");
  writeFileSync(bundlePath, bundle.stdout);
  checker = (await import(pathToFileURL(bundlePath).href)) as Checker;
  // (the .xls reader, which the page hands over from docs/data/sheetjs.js: here the package itself)
  checker.useSheetLibrary(() => import("@e965/xlsx"));
  const context = node([path.join(PACKAGE_ROOT, "docs", "data", "ingest-context.json.js")]);
  expect(context.status, context.stderr).toBe(0);
  reference = JSON.parse(context.stdout) as IngestContextData;

  const xlsx = await workbook();
  cases = [
    { name: "utf8.csv", bytes: Buffer.from(CSV_TEXT), asOf: AS_OF },
    { name: "bom-crlf.csv", bytes: Buffer.from("\uFEFF" + CSV_TEXT.replace(/\n/g, "\r\n")), asOf: AS_OF },
    { name: "gbk.csv", bytes: iconv.encode(CSV_TEXT, "gbk"), asOf: AS_OF },
    { name: "tab.txt", bytes: Buffer.from(CSV_LINES.slice(2, 12).map((l) => l.replace(/"1,800"/, "1800").replace(/,/g, "\t")).join("\n")), asOf: AS_OF },
    { name: "october.xlsx", bytes: xlsx, asOf: AS_OF },
    { name: "november.xlsx", bytes: xlsx, asOf: "2017-12-05", sheet: "十一月" },
    { name: "no-sheet.xlsx", bytes: xlsx, asOf: AS_OF, sheet: "十二月" },
    // the same workbook saved as Excel 97–2003 (.xls)
    { name: "october.xls", bytes: asXls(xlsx), asOf: AS_OF },
    // a web page's table, as office systems export “.xls”, in GBK
    { name: "export.xls", bytes: iconv.encode(htmlTable(CSV_LINES.slice(2, 22)), "gbk"), asOf: AS_OF },
    { name: "no-header.csv", bytes: Buffer.from("部门,编码,数值\n市经信局,CX75-06-01,300\n"), asOf: AS_OF },
    { name: "header-only.csv", bytes: Buffer.from(HEADER + "\n"), asOf: AS_OF },
    { name: "scan.csv", bytes: Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), asOf: AS_OF },
    { name: "review.csv", bytes: Buffer.from(REVIEW_LINES.join("\n")), asOf: AS_OF },
    // 报送单位 and 统计期 stated above the header, not in columns
    { name: "form.csv", bytes: Buffer.from(["月度进展表（2017年1-10月）", "填报单位（盖章）：市经信局,,,填报人：张三", "指标编码,累计完成值,单位,进展情况", "CX75-06-01,300,家,培育", "CX75-29-02,1800,家,"].join("\n")), asOf: AS_OF },
    // both stated above a header with their own columns: a row differing is flagged
    { name: "stated.csv", bytes: Buffer.from(["月度进展表（2017年10月）", "填报单位：市经信局", HEADER, "市经信局,CX75-06-01,2017-09,280,家,,,张三,2017-10-03", "市经信局,CX75-06-01,2017-10,300,家,,,张三,2017-11-03"].join("\n")), asOf: AS_OF },
    // a quote never closed: its row rejected, the next one kept
    // (a sheet whose 报送单位 and 统计期 were merged down, saved as CSV: the hint under the rejects, as the CLI's)
    { name: "merged.csv", bytes: Buffer.from([HEADER, "市经信局,CX75-05-01,2017-10,37,家,推进中,,张三,2017-11-03", ",CX75-20-01,,78,个,推进中,,张三,2017-11-03", ",CX75-27-02,,163,台,推进中,,张三,2017-11-03"].join("\n")), asOf: AS_OF },
    { name: "unclosed.csv", bytes: Buffer.from([HEADER, '市经信局,CX75-06-01,2017-10,300,家,,"进展,,', "市经信局,CX75-06-02,2017-10,1,,,,,"].join("\n")), asOf: AS_OF },
    // a stray quote closed rows below, with text after it: which row the quotes belong to cannot be told (E_CSV_STRUCTURE)
    { name: "stray.csv", bytes: Buffer.from([HEADER, '市经信局,CX75-06-01,2017-10,86,家,,"上规', '企业"86家,张三,2017-11-03', "市经信局,CX75-06-02,2017-10,1,,,,,"].join("\n")), asOf: AS_OF },
  ];
  const files = path.join(fixture.dir, "files");
  mkdirSync(files);
  for (const c of cases) {
    writeFileSync(path.join(files, c.name), c.bytes);
    expected.set(c.name, cliVerdict(dryRun(path.join(files, c.name), c.asOf, c.sheet)));
  }

  samples = sampleCases();
  const copies = path.join(fixture.dir, "samples");
  mkdirSync(copies);
  for (const c of samples) writeFileSync(path.join(copies, c.name), c.bytes);
  if (samples.length > 0) {
    const summaries = await dryRunEach(samples.map((c) => ({ path: path.join(copies, c.name), asOf: c.asOf })));
    samples.forEach((c, i) => {
      expect(summaries[i]!.file).toBe(c.name);
      expected.set(`sample:${c.name}`, cliVerdict(summaries[i]!));
    });
  }
}, 300_000);

describe("报送自查: the browser bundle gives the verdicts of luoshi ingest --dry-run", () => {
  it("the generated files cover many row codes and the whole-file codes", () => {
    const codes = new Set([...expected.values()].flatMap((v) => v.rejects.map((r) => r.code)));
    for (const code of ["E_NOT_A_NUMBER", "E_NEGATIVE", "E_UNKNOWN_CODE", "E_UNKNOWN_DEPARTMENT", "E_NOT_REPORTER", "E_BAD_PERIOD", "E_PERIOD_IN_FUTURE",
      "E_PERIOD_BEFORE_START", "E_BAD_STATUS", "E_REQUIRED", "E_UNIT_MISMATCH", "E_DUPLICATE_KEY", "E_EXTRA_CELLS", "E_CSV_QUOTES"]) {
      expect(codes, code).toContain(code);
    }
    // an unreadable 填报日期 rejects nothing: the row is loaded without it and flagged
    expect(codes).not.toContain("E_BAD_DATE");
    expect(expected.get("utf8.csv")!.flags.find((f) => f.row === 21)?.reason).toMatch(/^无法识别的填报日期.*“2017-13-45”.*（数值照常载入，填报日期留空）$/);
    const fileCodes = new Set([...expected.values()].map((v) => v.fileError?.code).filter(Boolean));
    expect([...fileCodes].sort()).toEqual(["E_CSV_STRUCTURE", "E_FILE_TYPE", "E_HEADER", "E_NO_DATA", "E_SHEET_NOT_FOUND"]);
    expect(expected.get("utf8.csv")!.accepted).toBeGreaterThanOrEqual(6);
    expect(expected.get("gbk.csv")!.encoding).toBe("gb18030");
    expect(expected.get("october.xlsx")!.rejects.length).toBeGreaterThan(0);
    // the .xls saved from it: read as a workbook, the same rows, rejects and flags
    const { format, ...xls } = expected.get("october.xls")!;
    const { format: _, ...xlsx } = expected.get("october.xlsx")!;
    expect(format).toBe("xls");
    expect(xls).toEqual(xlsx);
    // the exported web page: read as a table, in GBK, its rows rejected with the CSV's codes
    expect(expected.get("export.xls")).toMatchObject({ format: "html", encoding: "gb18030", fileError: null });
    expect(new Set(expected.get("export.xls")!.rejects.map((r) => r.code))).toEqual(new Set(["E_UNIT_MISMATCH", "E_NOT_A_NUMBER", "E_NEGATIVE", "E_UNKNOWN_CODE", "E_UNKNOWN_DEPARTMENT", "E_NOT_REPORTER", "E_BAD_PERIOD", "E_PERIOD_IN_FUTURE", "E_PERIOD_BEFORE_START", "E_BAD_STATUS", "E_REQUIRED"]));
    expect(expected.get("form.csv")!.formFields).toEqual(["报送单位「市经信局」（第 2 行）", "填报人「张三」（第 2 行）", "统计期「2017年1-10月」（第 1 行）"]);
    expect(expected.get("form.csv")!.accepted).toBe(2);
    expect(expected.get("stated.csv")!.flags.map((f) => [f.row, f.reason])).toEqual([[4, "统计期 2017-09 与表格上方第 1 行所写的「2017年10月」不符，请核对"]]);
    // the flags of luoshi ingest --dry-run on an empty warehouse, which the page must give too
    expect(expected.get("review.csv")!.flags.map((f) => [f.row, f.reason])).toEqual([
      [4, "累计值 290家 低于本文件中 2017-07 的 300家，且进展情况未说明原因"],
      [5, "累计值 310家 低于本文件中 2017-09 的 320家，且进展情况未说明原因；填报日期 2017-12-05 晚于核对日期 2017-11-10"],
      [8, "百分比指标填写了 0.85，若指 85% 请更正"],
      [9, "标为已完成，但累计完成值 3家 低于目标值 10家"],
      [10, "累计值 200000家 是目标值 1000家 的 200 倍，请核对单位（如 万元 与 亿元、元 与 万元），或是否填了总量而非新增量；核对之前不算完成，核对无误的请在「进展情况」中写明（如“超额完成，已核实”）；填报日期 2017-09-05 早于统计期 2017-10"],
      [11, "统计期 2017-11 到核对日期 2017-11-10 尚未结束：月报填该月月末的累计数，于下月报送；如填的是上月的数，统计期应为 2017-10；进展情况中写的“累计320家”与累计完成值 3200家 不符，请核对哪个是对的（进展情况是否沿用了以前月份的文字？）；累计值 3200家 是 2017-10 的 310家 的 10 倍以上，增加的部分已超过目标值 450家：是否多写了一位数？请核对"],
    ]);
  });

  it("same rejected rows, codes, messages and accepted count for UTF-8, BOM, GBK, tab-separated and XLSX files and whole-file errors", async () => {
    for (const c of cases) {
      const { result, summary } = await checker.checkFile({ name: c.name, bytes: c.bytes }, reference, c.asOf, { sheet: c.sheet });
      expect(pageVerdict(result, summary, c.asOf), c.name).toEqual(expected.get(c.name));
    }
  });

  it.each(["csv", "xlsx"])("the rejects file (%s) equals luoshi ingest --rejects-out", (kind) => {
    const out = path.join(fixture.dir, `rejects.${kind}`);
    const r = node([path.join(PACKAGE_ROOT, "bin", "luoshi.js"), "ingest", path.join(fixture.dir, "files", "utf8.csv"), "--dry-run", "--as-of", AS_OF, "--rejects-out", out]);
    expect(r.status, r.stderr).toBe(1);
    const rejects = expected.get("utf8.csv")!.rejects;
    // (with the fields the file states above its table, as the page passes them: 填报单位 for the row whose column is empty)
    const above = expected.get("utf8.csv")!.above;
    if (kind === "csv") expect(checker.rejectsCsv("utf8.csv", rejects, above)).toBe(readFileSync(out, "utf8"));
    else expect(Buffer.from(checker.rejectsXlsx("utf8.csv", rejects, above))).toEqual(readFileSync(out));
  });

  it.skipIf(!existsSync(SAMPLES))("every file of data/samples/ at its scheduled as-of date", async () => {
    for (const c of samples) {
      const { result, summary } = await checker.checkFile({ name: c.name, bytes: c.bytes }, reference, c.asOf);
      expect(pageVerdict(result, summary, c.asOf), c.name).toEqual(expected.get(`sample:${c.name}`));
    }
  });
});

describe.skipIf(!HAVE_CHROMIUM)("报送自查 in Chromium", () => {
  afterAll(async () => {
    await closeBrowser();
  });

  it("shows the CLI's rejected rows for each file; the download equals --rejects-out; nothing leaves the machine or carries the file", async () => {
    const site = await builtSite();
    expect(site.build.code, site.build.output.slice(-3000)).toBe(0);
    const server = await serveStatic(site.dir);
    try {
      const opened = await openPage(server.url + "guide/check", { timeout: 60_000 });
      const { page } = opened;
      const sent: { url: string; method: string; postData: string | null; afterFile: boolean }[] = [];
      let fileChosen = false;
      opened.context.on("request", (request: Request) => sent.push({ url: request.url(), method: request.method(), postData: request.postData(), afterFile: fileChosen }));
      try {
        expect(await page.locator(".observablehq--error").allTextContents()).toEqual([]);
        await page.waitForSelector("label.dropzone input[type=file]", { state: "attached" });
        const dir = path.join(fixture.dir, "browser");
        mkdirSync(dir, { recursive: true });
        const browserCases = [...cases.map((c) => ({ ...c, key: c.name })), ...samples.map((c) => ({ ...c, key: `sample:${c.name}` }))];
        let shot = false;
        const started = Date.now();
        for (const c of browserCases) {
          const file = path.join(dir, c.name);
          writeFileSync(file, c.bytes);
          await page.locator("input[type=date]").fill(c.asOf);
          await page.getByLabel("工作表").fill(c.sheet ?? "");
          fileChosen = true;
          await page.setInputFiles("label.dropzone input[type=file]", file);
          const want = expected.get(c.key)!;
          const mine = `[data-check-for="${c.name}"]`;
          await page.waitForSelector(mine, { timeout: 30_000 });
          await page.waitForSelector(`[data-rejects-for="${c.name}"]`, { timeout: 30_000 });
          // the result shown is for this file at this as-of date
          expect(await page.locator(mine).textContent(), c.name).toContain(`核对日期 ${c.asOf}`);
          if (want.fileError) {
            expect(await page.locator("[data-file-error]").getAttribute("data-file-error"), c.name).toBe(want.fileError.code);
            expect(await page.locator("[data-file-error]").textContent(), c.name).toContain(want.fileError.message);
            continue;
          }
          // a workbook's other sheets with a table are named, as luoshi ingest names them
          // so are the fields stated above the header
          if (want.formFields.length > 0) for (const f of want.formFields) expect(await page.locator("[data-form-fields]").textContent(), c.name).toContain(f);
          else expect(await page.locator("[data-form-fields]").count(), c.name).toBe(0);
          if (want.otherSheets.length > 0) for (const n of want.otherSheets) expect(await page.locator("[data-other-sheets]").textContent(), c.name).toContain(`「${n}」`);
          else expect(await page.locator("[data-other-sheets]").count(), c.name).toBe(0);
          const number = async (key: string) => Number(await page.locator(`[data-summary="${key}"]`).textContent());
          expect([await number("rows-read"), await number("accepted"), await number("rejected"), await number("problems"), await number("flagged")], c.name).toEqual([
            want.rowsRead, want.accepted, want.rejected, want.rejects.length, want.flags.length,
          ]);
          const rows = await page.$$eval(`[data-rejects-for="${c.name}"] table.check-rejects tbody tr`, (trs) =>
            trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent!.trim())),
          );
          expect(rows, c.name).toEqual(shownRejects(want).slice(0, SHOWN));
          const hint = checker.missingKeyHint(want.rejects, want.rowsRead, want.format);
          if (c.name === "merged.csv") expect(hint).toContain("2 行缺少报送单位或统计期");
          if (hint) expect(await page.locator(`[data-rejects-hint="${c.name}"]`).textContent(), c.name).toBe(`提示：${hint}`);
          else expect(await page.locator("[data-rejects-hint]").count(), c.name).toBe(0);
          // the rows a load would flag for review, as luoshi ingest --dry-run flags them
          if (want.accepted > 0) await page.waitForSelector(`[data-flags-for="${c.name}"]`, { timeout: 30_000 });
          const flags = await page.$$eval(`[data-flags-for="${c.name}"] table.check-flags tbody tr`, (trs) =>
            trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent!.trim())),
          );
          expect(flags, c.name).toEqual(want.flags.slice(0, SHOWN).map((f) => [String(f.row), f.department, f.code, f.period, f.reason]));
          if (!shot) {
            mkdirSync(SCREENS, { recursive: true });
            await opened.screenshot(path.join(SCREENS, "check.png"));
            shot = true;
          }
          if (c.name === "utf8.csv") {
            // the rejects download: a Blob made in the page, byte for byte the CLI's --rejects-out
            const [csv] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-rejects-for="utf8.csv"] .check-download[data-kind="csv"]`).click()]);
            expect(csv.suggestedFilename()).toBe("utf8-被拒绝的行.csv");
            expect(readFileSync((await csv.path())!, "utf8")).toBe(checker.rejectsCsv("utf8.csv", want.rejects, want.above));
            const [xlsx] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-rejects-for="utf8.csv"] .check-download[data-kind="xlsx"]`).click()]);
            expect(xlsx.suggestedFilename()).toBe("utf8-被拒绝的行.xlsx");
            expect(readFileSync((await xlsx.path())!)).toEqual(Buffer.from(checker.rejectsXlsx("utf8.csv", want.rejects, want.above)));
          }
        }
        console.log(`check-page: ${browserCases.length} files checked in the page in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        expect(opened.problems()).toEqual([]);
        expect(await page.locator(".observablehq--error").allTextContents()).toEqual([]);
        // Nothing is sent anywhere: every request is a GET of the site itself, none made because of a file (but the
        // .xls reader, a file of the site fetched once when the first .xls is dropped), none carrying a body or naming a file.
        const http = sent.filter((s) => /^(https?|wss?):/.test(s.url));
        expect(http.filter((s) => !s.url.startsWith(server.url))).toEqual([]);
        expect(http.filter((s) => s.method !== "GET" || s.postData !== null)).toEqual([]);
        const xlsReader = (s: { url: string }) => /^\/_file\/data\/sheetjs\.[0-9a-f]+\.js$/.test(new URL(s.url).pathname) && new URL(s.url).search === "";
        expect(http.filter((s) => s.afterFile && !xlsReader(s))).toEqual([]);
        expect(http.filter((s) => s.afterFile && xlsReader(s)).length).toBe(1);
        const names = browserCases.map((c) => c.name);
        expect(opened.report.requests.filter((u) => names.some((n) => decodeURIComponent(u).includes(n)))).toEqual([]);
      } finally {
        await opened.close();
      }
    } finally {
      await server.close();
    }
  }, 900_000);
});
