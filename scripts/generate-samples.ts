/**
 * Demo data: synthetic monthly progress reports (示例数据（合成）) for 2017-09 … 2018-12, one file per reporting
 * department and month, into data/samples/, with data/samples/schedule.csv (file,received_at,as_of) for
 * `luoshi ingest --schedule`. Run: `npm run samples` (npx tsx scripts/generate-samples.ts).
 *
 * Deterministic: a seeded PRNG per department and target, fixed zip timestamps; the same registry gives the same
 * bytes (test/samples.test.ts compares the committed files with a fresh run). The targets and who reports them
 * come from the warehouse built from data/policies, so after a registry change the samples are regenerated.
 *
 * The story: most 年内 targets are reached or nearly reached by 2017-12; some are far behind and still reported
 * overdue through 2018; a few were done before the first report; the 三年内 targets (1000 家 …) are on their way.
 * Milestones go 未启动 → 推进中 → 已完成 at plausible months. Files arrive by the 5th of the next month, some late,
 * some months are missing, a few files are revised (a second file for the month, received later), and a few files
 * and rows are wrong on purpose; `expected` lists every designed rejection and flag, and nothing else is rejected.
 * Formats are mixed: CSV in UTF-8, UTF-8 with BOM and GBK, title rows above the header, English headers, XLSX.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync, zipSync } from "fflate";
import iconv from "iconv-lite";
import Papa from "papaparse";
import writeXlsxFile from "write-excel-file/node";
import { PACKAGE_ROOT } from "../src/paths.js";
import { buildWarehouse } from "../src/build.js";
import { openWarehouse, query } from "../src/warehouse.js";

export const SAMPLES_DIR = join(PACKAGE_ROOT, "data", "samples");
export const SYNTHETIC = "示例数据（合成）";
const SEED = "luoshi-samples-v1";

export const MONTHS: readonly string[] = Array.from({ length: 16 }, (_, i) => {
  const d = new Date(Date.UTC(2017, 8 + i, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
});
const LAST = MONTHS.length - 1;
/**
 * Through 2017-12 a department's table lists all its targets every month (finished ones as 已完成, as monthly
 * tables do within the year); from 2018 only those still open, until the month they are finished.
 */
const YEAR_END = 3;
const monthIndex = (ym: string) => (Number(ym.slice(0, 4)) - 2017) * 12 + (Number(ym.slice(5, 7)) - 9);

// ---------------------------------------------------------------------------------------------------------------
// Reference data

export type RefTarget = {
  code: string; kind: "quantity" | "milestone" | "recurring"; comparator: string | null; value: number | null; value_max: number | null;
  unit: string | null; measure: string | null; deadline: string | null; subject: string;
};
export type Reference = { targets: RefTarget[]; reporters: { code: string; department: string; via_group: string | null }[]; aliases: string[] };

/** The published targets, their reporters and every department name or alias, from a built warehouse. */
export async function loadReference(db: string): Promise<Reference> {
  const wh = await openWarehouse(db, { readOnly: true });
  try {
    const targets = (await query(wh.connection, `SELECT code, kind, comparator, value, value_max, unit, measure, strftime(deadline, '%Y-%m-%d') AS deadline, subject
      FROM targets WHERE status = 'published' ORDER BY code`)).rows as RefTarget[];
    const reporters = (await query(wh.connection, `SELECT r.code, r.department_name AS department, r.via_group FROM target_reporters r
      JOIN targets t USING (target_id) WHERE t.status = 'published' ORDER BY r.code, r.position, r.department_name`)).rows as Reference["reporters"];
    const aliases = (await query(wh.connection, "SELECT DISTINCT alias FROM department_aliases ORDER BY 1")).rows.map((r) => String(r.alias));
    return { targets: targets.map((t) => ({ ...t, value: t.value === null ? null : Number(t.value), value_max: t.value_max === null ? null : Number(t.value_max) })), reporters, aliases };
  } finally {
    wh.close();
  }
}

/** Builds a throw-away warehouse from data/policies and reads the reference data from it. */
export async function referenceFromPolicies(policies = join(PACKAGE_ROOT, "data", "policies")): Promise<Reference> {
  const dir = mkdtempSync(join(tmpdir(), "luoshi-samples-"));
  try {
    cpSync(policies, join(dir, "data", "policies"), { recursive: true });
    await buildWarehouse({ data: join(dir, "data"), db: join(dir, "w.duckdb") });
    return await loadReference(join(dir, "w.duckdb"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness: one stream per purpose, so adding a target does not reshuffle the others.

function hash(s: string): number {
  let h = 2166136261;
  for (const ch of s) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function rng(key: string) {
  let a = hash(`${SEED}|${key}`);
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, between: (lo: number, hi: number) => lo + (hi - lo) * next(), int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

// ---------------------------------------------------------------------------------------------------------------
// The story per target

type Profile = "on_track" | "nearly" | "behind" | "early" | "long" | "open";

/** Quantity targets whose course is not the default (reached by the deadline). */
const PROFILE: Record<string, Profile> = {
  "CX75-04-01": "early", "CX75-29-03": "early", "CX75-13-01": "early", "CX75-22-04": "early",
  "CX75-06-01": "nearly", "CX75-29-02": "nearly", "CX75-11-02": "nearly", "CX75-27-02": "nearly", "CX75-08-01": "nearly", "CX75-31-01": "nearly",
  "CX75-05-01": "behind", "CX75-23-02": "behind", "CX75-31-02": "behind", "CX75-12-02": "behind", "CX75-27-03": "behind", "CX75-20-01": "behind",
};

/** Milestones: [month work started (before 2017-09 if absent), month done ("never": still 推进中 at 2018-12)]. */
const MILESTONE: Record<string, [string | null, string]> = {
  "CX75-36-01": [null, "2017-08"], "CX75-36-02": [null, "2017-10"], "CX75-35-02": [null, "2017-10"], "CX75-35-03": [null, "2018-01"],
  "CX75-01-01": [null, "2018-02"], "CX75-02-01": [null, "2017-12"], "CX75-02-02": ["2017-10", "2018-04"], "CX75-10-01": [null, "2017-11"],
  "CX75-12-01": [null, "2017-10"], "CX75-15-01": [null, "2017-11"], "CX75-15-02": [null, "2017-12"], "CX75-16-01": ["2017-10", "never"],
  "CX75-17-01": [null, "2017-10"], "CX75-18-01": [null, "2017-12"], "CX75-18-02": ["2017-11", "2018-05"], "CX75-21-01": [null, "2017-08"],
  "CX75-21-02": [null, "2017-11"], "CX75-22-01": [null, "2017-10"], "CX75-22-02": [null, "2017-12"], "CX75-22-03": ["2017-11", "2018-02"],
  "CX75-26-01": [null, "2017-12"], "CX75-26-02": [null, "2018-01"], "CX75-32-01": [null, "2017-12"], "CX75-37-01": [null, "2017-08"],
  "CX75-39-01": [null, "2017-11"],
};

/** Recurring duties: the count reported (cumulative), per month since 2017-09, and its note. */
const RECURRING: Record<string, { start: number; perMonth: [number, number]; note: (n: number) => string }> = {
  "CX75-38-01": { start: 4, perMonth: [2, 2], note: (n) => `已编发智能经济八大工程进展通报 ${n} 期` },
  "CX75-38-02": { start: 1, perMonth: [1, 2], note: (n) => `累计开展专项督查 ${n} 次` },
  "CX75-21-03": { start: 9, perMonth: [5, 9], note: (n) => `累计组织专家上门咨询服务企业 ${n} 家` },
};

type Status = "未启动" | "推进中" | "已完成";
type Point = { value: number | null; status: Status; note: string };
type Series = { department: string; target: RefTarget; points: (Point | null)[]; doneAt: number | null; profile: Profile | "milestone" | "recurring" };

const INTEGER_UNITS = new Set(["家", "个", "台", "项", "期", "人次", "名", "次", "轮", "场", "批", "座", "所", "套", "件", "条", "户"]);

/** Counts are whole (rounded down: 0.6 of one centre is not one centre yet), percentages to 0.1, money to 0.01. */
function roundFor(unit: string | null, v: number): number {
  if (unit === null || INTEGER_UNITS.has(unit)) return Math.floor(v + 1e-9);
  if (unit === "%") return Math.round(v * 10) / 10;
  return Math.round(v * 100) / 100;
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

function quantitySeries(department: string, t: RefTarget, share: number, townDone: number | null): Series {
  const r = rng(`q|${department}|${t.code}`);
  const deadline = t.deadline ? monthIndex(t.deadline.slice(0, 7)) : null;
  const profile: Profile = townDone !== null || deadline === null ? "open" : deadline > LAST ? "long" : PROFILE[t.code] ?? "on_track";
  const D = Math.max(0, deadline ?? 0);
  const f: number[] = [];
  if (profile === "open") {
    for (let m = 0; m <= LAST; m++) f.push(townDone !== null && m >= townDone ? 1 : 0);
  } else if (profile === "early") {
    const v = r.between(1.0, 1.15);
    for (let m = 0; m <= LAST; m++) f.push(v);
  } else if (profile === "long") {
    const f0 = r.between(0.35, 0.45);
    const rate = ((1 - f0) / deadline!) * r.between(0.9, 1.1);
    for (let m = 0; m <= LAST; m++) f.push(f0 + rate * m + r.between(-0.01, 0.01));
  } else {
    const f0 = profile === "behind" ? r.between(0.15, 0.3) : r.between(0.45, 0.72);
    const fD = profile === "on_track" ? r.between(1.0, 1.1) : profile === "nearly" ? r.between(0.88, 0.96) : r.between(0.35, 0.55);
    const k = r.int(1, 3);
    const fK = r.between(1.0, 1.04);
    const fEnd = r.between(0.7, 0.88);
    for (let m = 0; m <= LAST; m++) {
      let v: number;
      if (m <= D) v = D === 0 ? fD : lerp(f0, fD, Math.pow(m / D, r.between(0.8, 1.2)));
      else if (profile === "on_track") v = fD;
      else if (profile === "nearly") v = m >= D + k ? fK : lerp(fD, fK, (m - D) / k) * 0.99;
      else v = lerp(fD, fEnd, (m - D) / Math.max(1, LAST - D)) + r.between(-0.015, 0.015);
      f.push(v);
    }
  }
  const values: number[] = [];
  // A percentage never goes beyond 100.
  const cap = (x: number) => (t.unit === "%" ? Math.min(x, 1) : x);
  for (const [m, x] of f.entries()) values.push(Math.max(roundFor(t.unit, share * cap(x)), m > 0 ? values[m - 1]! : 0));
  const reached = (v: number) => v >= share;
  const doneIdx = values.findIndex(reached);
  const doneAt = doneIdx < 0 ? null : doneIdx;
  // (未启动 only until a month says 推进中: a status never goes back, which a load would flag for review)
  let started = false;
  const points = values.map((v, m): Point | null => {
    if (doneAt !== null && m > doneAt) return m <= YEAR_END ? { value: values[doneAt]!, status: "已完成", note: "已完成目标，巩固提升中" } : null;
    const prev = m > 0 ? values[m - 1]! : null;
    const u = t.unit ?? "";
    const fmt = (n: number) => String(roundFor(t.unit, n));
    let note: string;
    if (profile === "open") note = v >= share ? "智能经济服务中心已挂牌运行" : m < 2 ? "选址论证中" : r.pick(["场地装修中", "设备采购中", "正在招引运营团队"]);
    else if (reached(v)) note = `已完成目标，累计${fmt(v)}${u}`;
    else if (prev === null) note = `累计完成${fmt(v)}${u}`;
    else {
      const step = u === "%" ? `较上月提高${fmt(v - prev)}个百分点，达到${fmt(v)}%` : `本月新增${fmt(v - prev)}${u}，累计${fmt(v)}${u}`;
      note = deadline !== null && m > deadline ? `${step}；进度滞后，正加快推进` : step;
    }
    const status: Status = reached(v) ? "已完成" : profile === "open" && m < 2 && v === 0 && r.next() < 0.5 && !started ? "未启动" : "推进中";
    started ||= status !== "未启动";
    return { value: v, status, note };
  });
  return { department, target: t, points, doneAt, profile };
}

function milestoneSeries(department: string, t: RefTarget): Series {
  const r = rng(`m|${department}|${t.code}`);
  const deadline = t.deadline ? monthIndex(t.deadline.slice(0, 7)) : 3;
  const [startText, doneText] = MILESTONE[t.code] ?? [null, MONTHS[Math.min(LAST, Math.max(0, deadline))]!];
  const start = startText === null ? -1 : monthIndex(startText);
  const done = doneText === "never" ? null : Math.max(0, monthIndex(doneText));
  const stages = ["方案起草中", "已形成初稿，正在征求意见", "已提交审议", "正在筹建", "按计划推进"];
  const points = MONTHS.map((_, m): Point | null => {
    if (done !== null && m > done) return m <= YEAR_END ? { value: null, status: "已完成", note: "已完成" } : null;
    if (m < start) return { value: null, status: "未启动", note: "前期调研中" };
    if (done !== null && m >= done) return { value: null, status: "已完成", note: r.pick(["已印发实施", "已挂牌运行", "已完成并通过验收"]) };
    const stage = stages[Math.min(stages.length - 1, m - Math.max(start, 0))]!;
    return { value: null, status: "推进中", note: done === null && m > deadline ? `${stage}；进度滞后，正协调推进` : stage };
  });
  return { department, target: t, points, doneAt: done, profile: "milestone" };
}

function recurringSeries(department: string, t: RefTarget): Series {
  const r = rng(`r|${department}|${t.code}`);
  const plan = RECURRING[t.code] ?? { start: 2, perMonth: [1, 2] as [number, number], note: (n: number) => `累计开展 ${n} 次` };
  const last = t.deadline ? Math.min(LAST, monthIndex(t.deadline.slice(0, 7))) : LAST;
  let n = plan.start;
  const points = MONTHS.map((_, m): Point | null => {
    if (m > last) return null;
    n += m === 0 ? 0 : r.int(plan.perMonth[0], plan.perMonth[1]);
    return { value: n, status: "推进中", note: plan.note(n) };
  });
  return { department, target: t, points, doneAt: null, profile: "recurring" };
}

// ---------------------------------------------------------------------------------------------------------------
// Department habits: how each one writes its file

type Format = {
  container: "csv" | "xlsx";
  encoding: "utf8" | "utf8bom" | "gbk";
  /** 0: no title row — then every row carries the 示例数据（合成） note in an extra 备注 column. */
  titleRows: 0 | 1 | 2;
  blankAfterTitle: boolean;
  headers: "zh" | "en";
  period: "iso" | "cn" | "slash" | "compact" | "date";
  date: "iso" | "slash" | "cn" | "date";
  /** Fill 完成状态 for quantities too. */
  quantityStatus: boolean;
  /** Status synonyms (进行中 / 完成) instead of the documented words. */
  synonyms: boolean;
  thousands: boolean;
  /** Money values converted to 万元, written in the 单位 column. */
  moneyIn10k: boolean;
  /** Percentages written in the cell (45.5%) with the 单位 column empty. */
  percentInCell: boolean;
};

const base: Format = {
  container: "csv", encoding: "utf8bom", titleRows: 1, blankAfterTitle: false, headers: "zh", period: "iso", date: "iso",
  quantityStatus: true, synonyms: false, thousands: false, moneyIn10k: false, percentInCell: false,
};

const HABITS: Record<string, Partial<Format>> = {
  市经信局: { container: "xlsx", titleRows: 2, date: "date", thousands: true, percentInCell: true },
  市科技局: { encoding: "utf8bom", titleRows: 0, quantityStatus: false },
  市委组织部: { encoding: "gbk", titleRows: 1, period: "cn", date: "cn" },
  市环杭州湾创新中心: { encoding: "utf8", headers: "en", titleRows: 1 },
  市委人才办: { encoding: "utf8bom", titleRows: 1, period: "cn" },
  市商务局: { encoding: "gbk", titleRows: 0, period: "compact" },
  市财政局: { container: "xlsx", titleRows: 1, moneyIn10k: true, date: "date" },
  市金融办: { container: "xlsx", titleRows: 1, period: "date", date: "date", synonyms: true },
  市人力社保局: { encoding: "gbk", titleRows: 2, blankAfterTitle: true, date: "slash", period: "slash" },
};

const TOWN_HABITS: Partial<Format>[] = [
  { encoding: "utf8bom" },
  { encoding: "utf8bom", period: "slash", quantityStatus: true },
  { encoding: "gbk", titleRows: 2, period: "cn", date: "cn" },
  { encoding: "utf8", titleRows: 0, period: "compact", date: "slash" },
  { container: "xlsx", titleRows: 1, date: "date" },
  { encoding: "utf8bom", titleRows: 0 },
];

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];

// ---------------------------------------------------------------------------------------------------------------
// Files

type CellValue = string | number | Date | null;
type Row = {
  department: string; code: string; period: string; value: CellValue; unit: string; status: string; note: string; reporter: string; date: CellValue;
  /** Designed verdict: the row codes ingest must reject it with. */
  expect: string[];
  /** Designed: loaded but flagged (a cumulative value below the previous month's, unexplained). */
  flag: boolean;
  /** The month the target is first reported finished (such a file is never left out). */
  completes?: boolean;
};
type FileSpec = {
  department: string; month: number; suffix: "" | "-更正" | "-重报"; format: Format; rows: Row[]; receivedAt: Date;
  /** Designed whole-file rejection. */
  fileError: "E_HEADER" | "E_NO_DATA" | null; designed: boolean; header?: string[];
};

const ZH_HEADER = ["报送单位", "指标编码", "统计期", "累计完成值", "单位", "完成状态", "进展情况", "填报人", "填报日期"];
const EN_HEADER = ["department", "code", "period", "value", "unit", "status", "note", "reporter", "report_date"];

const pad = (n: number) => String(n).padStart(2, "0");
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isoTime = (d: Date) => `${isoDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/** Offices receive on working days: a weekend or the National Day holiday (1–7 October) moves to the next one. */
function workingDay(d: Date): Date {
  let out = d;
  while (out.getUTCDay() === 0 || out.getUTCDay() === 6 || (out.getUTCMonth() === 9 && out.getUTCDate() <= 7)) out = addDays(out, 1);
  return out;
}

function periodCell(ym: string, style: Format["period"]): CellValue {
  const [y, m] = ym.split("-");
  switch (style) {
    case "cn": return `${y}年${Number(m)}月`;
    case "slash": return `${y}/${m}`;
    case "compact": return `${y}${m}`;
    case "date": return new Date(Date.UTC(Number(y), Number(m) - 1, 1));
    default: return ym;
  }
}

function dateCell(d: Date, style: Format["date"]): CellValue {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  switch (style) {
    case "slash": return `${y}/${m}/${day}`;
    case "cn": return `${y}年${m}月${day}日`;
    case "date": return new Date(Date.UTC(y, m - 1, day));
    default: return isoDate(d);
  }
}

function valueCells(p: Point, t: RefTarget, f: Format): { value: CellValue; unit: string } {
  if (p.value === null) return { value: null, unit: t.unit ?? "" };
  const unit = t.unit ?? "";
  if (f.moneyIn10k && unit === "亿元") return { value: Math.round(p.value * 10000), unit: "万元" };
  if (unit === "亿元" && t.kind === "quantity" && p.value < 1) return { value: `${Math.round(p.value * 10000)}万元`, unit: "" };
  if (f.percentInCell && unit === "%") return { value: `${p.value}%`, unit: "" };
  if (f.container === "xlsx") return { value: p.value, unit };
  if (f.thousands && p.value >= 1000) return { value: p.value.toLocaleString("en-US"), unit };
  return { value: String(p.value), unit };
}

const STATUS_SYNONYM: Record<Status, string> = { 未启动: "未开始", 推进中: "进行中", 已完成: "完成" };

function makeRow(s: Series, m: number, p: Point, f: Format, reporter: string, reported: Date): Row {
  const { value, unit } = valueCells(p, s.target, f);
  const statusWanted = s.target.kind !== "quantity" || f.quantityStatus;
  return {
    department: s.department, code: s.target.code, period: MONTHS[m]!, value, unit,
    status: statusWanted ? (f.synonyms ? STATUS_SYNONYM[p.status] : p.status) : "",
    note: p.note, reporter, date: dateCell(reported, f.date), expect: [], flag: false,
  };
}

/** The file as a grid (row 1 first) and the row number of each data row. */
function grid(spec: FileSpec): { grid: CellValue[][]; dataRows: number[] } {
  const f = spec.format;
  const period = MONTHS[spec.month]!;
  const [y, m] = period.split("-");
  const out: CellValue[][] = [];
  if (f.titleRows >= 1) out.push([`${SYNTHETIC}——慈溪市智能经济十条意见月度进展报表（${y}年${Number(m)}月）`]);
  if (f.titleRows >= 2) out.push([`填报单位：${spec.department}　　报送时间：${isoDate(spec.receivedAt)}`]);
  if (f.titleRows >= 1 && f.blankAfterTitle) out.push([""]);
  const header = spec.header ?? (f.headers === "en" ? EN_HEADER : ZH_HEADER);
  out.push(f.titleRows === 0 ? [...header, "备注"] : [...header]);
  const dataRows: number[] = [];
  for (const r of spec.rows) {
    const cells: CellValue[] = [r.department, r.code, periodCell(r.period, f.period) ?? r.period, r.value, r.unit, r.status, r.note, r.reporter, r.date];
    if (typeof r.period !== "string" || !/^\d{4}-\d{2}$/.test(r.period)) cells[2] = r.period; // a designed bad period, as written
    out.push(f.titleRows === 0 ? [...cells, SYNTHETIC] : cells);
    dataRows.push(out.length);
  }
  return { grid: out, dataRows };
}

/** Fixed zip timestamp in local-time fields, so the bytes do not depend on the clock or the time zone. */
const ZIP_MTIME = new Date(2018, 0, 1, 0, 0, 0);

async function render(spec: FileSpec): Promise<Uint8Array> {
  const { grid: g } = grid(spec);
  const f = spec.format;
  if (f.container === "xlsx") {
    const data = g.map((row, i) =>
      row.map((v) => {
        if (v === null || v === "") return null;
        if (v instanceof Date) return { value: v, type: Date, format: i > 0 && row.length > 3 && v === row[2] ? "yyyy-mm" : "yyyy-mm-dd" };
        if (typeof v === "number") return { value: v, type: Number };
        const header = g.findIndex((r) => r.length > 3);
        return { value: v, type: String, fontWeight: i === header ? ("bold" as const) : undefined, columnSpan: row.length === 1 ? 9 : undefined };
      }),
    );
    const written = await writeXlsxFile(data as never, { sheet: "月度进展", columns: [16, 12, 10, 12, 7, 9, 36, 8, 12, 16].map((width) => ({ width })) }).toBuffer();
    // write-excel-file stamps the zip entries with the current time: re-zip them with a fixed one.
    const entries = unzipSync(new Uint8Array(written));
    return zipSync(Object.fromEntries(Object.keys(entries).sort().map((k) => [k, [entries[k]!, { mtime: ZIP_MTIME }]])), { level: 6 });
  }
  const text = Papa.unparse(g.map((row) => row.map((v) => (v === null ? "" : v instanceof Date ? isoDate(v) : String(v)))), { newline: "\r\n" }) + "\r\n";
  if (f.encoding === "gbk") return new Uint8Array(iconv.encode(text, "gbk"));
  return new Uint8Array(Buffer.from((f.encoding === "utf8bom" ? "\uFEFF" : "") + text, "utf8"));
}

export const fileName = (spec: Pick<FileSpec, "department" | "month" | "suffix" | "format">) =>
  `示例-${spec.department}-${MONTHS[spec.month]}${spec.suffix}.${spec.format.container}`;

// ---------------------------------------------------------------------------------------------------------------
// Generation

export type SampleFile = { name: string; bytes: Uint8Array; received_at: string; as_of: string };
export type Expected = {
  rejects: { file: string; row: number; code: string }[];
  fileRejects: { file: string; code: string }[];
  flags: { file: string; row: number }[];
};
export type Samples = { files: SampleFile[]; schedule: string; expected: Expected };

export async function generateSamples(ref: Reference): Promise<Samples> {
  const targets = new Map(ref.targets.map((t) => [t.code, t]));
  const byDepartment = new Map<string, { code: string; via_group: string | null }[]>();
  const reporterCount = new Map<string, number>();
  for (const r of ref.reporters) {
    if (!targets.has(r.code)) continue;
    byDepartment.set(r.department, [...(byDepartment.get(r.department) ?? []), r]);
    if (r.via_group === null) reporterCount.set(r.code, (reporterCount.get(r.code) ?? 0) + 1);
  }
  const departments = [...byDepartment.keys()].sort((a, b) => a.localeCompare(b, "zh-CN"));
  const towns = departments.filter((d) => byDepartment.get(d)!.every((r) => r.via_group !== null));

  // Towns: 3 done before the first report, 8 during 2017-10…12, most of the rest in 2018, the last 2 never.
  const townOrder = [...towns].sort((a, b) => hash(`town|${a}`) - hash(`town|${b}`));
  const townDone = new Map<string, number | null>();
  townOrder.forEach((town, i) => {
    const r = rng(`town-done|${town}`);
    townDone.set(town, i < 3 ? 0 : i < 11 ? r.int(1, 3) : i < townOrder.length - 2 ? r.int(4, 9) : null);
  });

  const series: Series[] = [];
  for (const department of departments) {
    for (const { code } of byDepartment.get(department)!) {
      const t = targets.get(code)!;
      if (t.kind === "milestone") series.push(milestoneSeries(department, t));
      else if (t.kind === "recurring") series.push(recurringSeries(department, t));
      else {
        // Several departments sharing a target split it; a group's members (各镇) each owe the whole figure.
        const isTown = towns.includes(department);
        const n = isTown ? 1 : reporterCount.get(code) ?? 1;
        const share = t.value === null ? 10 : roundFor(t.unit, t.value / n) || t.value / n;
        series.push(quantitySeries(department, t, share, isTown ? townDone.get(department) ?? null : null));
      }
    }
  }

  // Designed flags need the series before the files are made: a lowered value, once explained and once not.
  const explained = series.find((s) => s.profile === "long" && s.target.unit === "家") ?? series.find((s) => s.profile === "long");
  let explainedAt: number | null = null;
  if (explained) {
    explainedAt = monthIndex("2018-04");
    const before = explained.points[explainedAt - 1]?.value ?? 0;
    const cut = (explained.points[explainedAt]?.value ?? 0) - before + Math.max(1, roundFor(explained.target.unit, before * 0.02));
    for (let m = explainedAt; m <= LAST; m++) {
      const p = explained.points[m];
      if (!p || p.value === null) continue;
      // (the note's 累计 figure is the lowered one too: a note that says another is flagged at load)
      const value = roundFor(explained.target.unit, p.value - cut);
      const note = p.note.replace(`累计${roundFor(explained.target.unit, p.value)}`, `累计${value}`);
      explained.points[m] = { ...p, value, note: m === explainedAt ? `口径调整：剔除已注销、迁出企业，累计数较上月减少；${note}` : note };
    }
  }
  const unexplainedAt = monthIndex("2018-02");
  const unexplained = series.find((s) => s.profile === "behind" && s !== explained && s.points[unexplainedAt] && s.points[unexplainedAt - 1]?.value && s.department !== explained?.department) ??
    series.find((s) => s.profile === "behind" && s.points[unexplainedAt] && s.points[unexplainedAt - 1]?.value);
  if (unexplained) {
    const p = unexplained.points[unexplainedAt]!;
    const prev = unexplained.points[unexplainedAt - 1]!.value!;
    unexplained.points[unexplainedAt] = { ...p, value: Math.max(0, prev - Math.max(1, roundFor(unexplained.target.unit, prev * 0.05))), note: "" };
  }

  // One file per department and month with anything owed.
  const files: FileSpec[] = [];
  departments.forEach((department) => {
    const townIndex = towns.indexOf(department);
    const format: Format = { ...base, ...(townIndex >= 0 ? TOWN_HABITS[hash(`habit|${department}`) % TOWN_HABITS.length] : HABITS[department] ?? {}) };
    const reporter = `${SURNAMES[hash(`reporter|${department}`) % SURNAMES.length]}某`;
    const r = rng(`receipt|${department}`);
    const mine = series.filter((s) => s.department === department);
    for (let m = 0; m <= LAST; m++) {
      const owed = mine.filter((s) => s.points[m]);
      if (owed.length === 0) continue;
      const nextMonth = new Date(Date.UTC(2017, 8 + m + 1, 1));
      const late = r.next() < 0.1;
      const day = late ? r.int(8, 22) : r.int(1, 5);
      const receivedAt = workingDay(new Date(nextMonth.getTime() + (day - 1) * 86_400_000 + (r.int(8 * 60 + 30, 17 * 60 + 30)) * 60_000));
      const reported = addDays(receivedAt, day > 1 && r.next() < 0.5 ? -1 : 0);
      files.push({
        department, month: m, suffix: "", format, receivedAt, fileError: null, designed: false,
        rows: owed.map((s) => {
          const row = makeRow(s, m, s.points[m]!, format, reporter, reported);
          row.completes = s.doneAt === m;
          if (s === unexplained && m === unexplainedAt) row.flag = true;
          return row;
        }),
      });
    }
  });

  // Designed errors and revisions. Each picks its host file; a story that no longer fits the registry fails loudly.
  const find = (departmentsWanted: string[], period: string, accept: (f: FileSpec) => boolean = () => true): FileSpec => {
    const m = monthIndex(period);
    const candidates = [...departmentsWanted.map((d) => files.find((f) => f.department === d && f.month === m && f.suffix === "")), ...files.filter((f) => f.month === m && f.suffix === "")];
    const host = candidates.find((f): f is FileSpec => f !== undefined && !f.designed && accept(f));
    if (!host) throw new Error(`generate-samples: no file for ${departmentsWanted.join("/")} ${period} fits the story; update the story`);
    host.designed = true;
    return host;
  };
  const isQuantity = (row: Row) => targets.get(row.code)?.kind === "quantity";
  const quantityRow = (f: FileSpec) => f.rows.find((row) => isQuantity(row) && row.value !== null);
  const city = (f: FileSpec) => !towns.includes(f.department);
  const revise = (host: FileSpec, suffix: "-更正" | "-重报", days: number, change: (rows: Row[]) => Row[]) => {
    files.push({ ...host, suffix, receivedAt: workingDay(addDays(host.receivedAt, days)), fileError: null, designed: true, header: undefined, rows: change(host.rows.map((row) => ({ ...row, expect: [], flag: false }))) });
  };
  const periodAs = (f: FileSpec, ym: string) => {
    const v = periodCell(ym, f.format.period);
    return v instanceof Date ? ym : String(v);
  };
  const otherQuantityCode = (department: string) =>
    ref.targets.find((t) => t.kind === "quantity" && !byDepartment.get(department)!.some((r) => r.code === t.code) && t.unit === "家")?.code ?? "CX75-06-01";

  // 1. E_NEGATIVE, then the corrected file.
  {
    const host = find(["市科技局"], "2017-10", (f) => city(f) && quantityRow(f) !== undefined);
    const row = quantityRow(host)!;
    const good = row.value;
    row.value = "-3";
    row.expect = ["E_NEGATIVE"];
    revise(host, "-更正", 4, (rows) => rows.map((r) => (r.code === row.code ? { ...r, value: good, note: `更正：上次误填为负数。${r.note}` } : r)));
  }
  // 2. E_NOT_A_NUMBER, twice.
  {
    const host = find(["市经信局"], "2017-11", (f) => f.rows.some((r) => isQuantity(r) && typeof r.value === "number"));
    const row = host.rows.find((r) => isQuantity(r) && typeof r.value === "number")!;
    row.value = `约${row.value}`;
    row.expect = ["E_NOT_A_NUMBER"];
    const host2 = find(["市委人才办", "市委组织部"], "2017-12", (f) => city(f) && quantityRow(f) !== undefined);
    const row2 = quantityRow(host2)!;
    row2.value = "待统计";
    row2.expect = ["E_NOT_A_NUMBER"];
  }
  // 3. E_UNKNOWN_CODE: a code that does not exist, and a code typed without its zero.
  {
    const host = find(["市经信局"], "2018-03", city);
    let code = "CX75-06-04";
    for (let i = 4; targets.has(code); i++) code = `CX75-06-${pad(i)}`;
    host.rows.push({ ...host.rows[0]!, code, value: host.format.container === "xlsx" ? 12 : "12", unit: "家", status: "推进中", note: "新增指标，按要求一并报送", expect: ["E_UNKNOWN_CODE"], flag: false });
    const host2 = find(["市科技局"], "2017-12", (f) => city(f) && f.rows.some((r) => /-0\d$/.test(r.code)));
    const row = host2.rows.find((r) => /-0\d$/.test(r.code))!;
    row.code = row.code.replace(/-0(\d)$/, "-$1");
    row.expect = ["E_UNKNOWN_CODE"];
  }
  // 4. E_NOT_REPORTER: a department reporting a target it does not own (a bureau, and a town).
  {
    const host = find(["市科技局"], "2017-11", city);
    host.rows.push({ ...host.rows[0]!, code: otherQuantityCode(host.department), value: "37", unit: "家", status: host.rows[0]!.status === "" ? "" : "推进中", note: "协助统计", expect: ["E_NOT_REPORTER"], flag: false });
    const host2 = find([townOrder[5] ?? "", ...towns], "2017-10", (f) => !city(f));
    host2.rows.push({ ...host2.rows[0]!, code: otherQuantityCode(host2.department), value: "4", unit: "家", status: "推进中", note: "本镇智能化改造企业", expect: ["E_NOT_REPORTER"], flag: false });
  }
  // 5. E_BAD_STATUS.
  {
    const host = find(["市金融办"], "2017-10", (f) => f.rows.some((r) => targets.get(r.code)?.kind === "milestone"));
    const row = host.rows.find((r) => targets.get(r.code)?.kind === "milestone")!;
    row.status = "基本完成"; // not done yet: the message asks for 推进中
    row.expect = ["E_BAD_STATUS"];
  }
  // 6. E_DUPLICATE_KEY: the same key twice in one file, both copies rejected.
  {
    const host = find(["市经信局"], "2017-12", (f) => f.rows.some((r) => isQuantity(r) && typeof r.value === "number"));
    const i = host.rows.findIndex((r) => isQuantity(r) && typeof r.value === "number");
    const row = host.rows[i]!;
    row.expect = ["E_DUPLICATE_KEY"];
    host.rows.splice(i + 1, 0, { ...row, value: (row.value as number) + 3, note: "（重复行）", expect: ["E_DUPLICATE_KEY"] });
  }
  // 7. E_UNIT_MISMATCH: 亿 is a scale word, not a unit.
  {
    const host = find(["市财政局"], "2017-11", (f) => quantityRow(f) !== undefined);
    const row = quantityRow(host)!;
    row.value = host.format.container === "xlsx" ? 18.2 : "18.2";
    row.unit = "亿";
    row.expect = ["E_UNIT_MISMATCH"];
  }
  // 8. E_PERIOD_IN_FUTURE: 2018-11 typed for 2017-11.
  {
    const host = find(["市商务局"], "2017-11", city);
    host.rows[0]!.period = periodAs(host, "2018-11");
    host.rows[0]!.expect = ["E_PERIOD_IN_FUTURE"];
  }
  // 9. E_BAD_PERIOD: 2017.10 that Excel shortened to 2017.1.
  {
    const host = find(["市环杭州湾创新中心"], "2017-10", city);
    host.rows[0]!.period = "2017.1";
    host.rows[0]!.expect = ["E_BAD_PERIOD"];
  }
  // 10. A report date without its year: the figure is loaded, without the date, and flagged (not rejected).
  {
    const host = find(["市人力社保局"], "2017-11", city);
    host.rows[0]!.date = "11月3日";
    host.rows[0]!.flag = true;
  }
  // 11. E_REQUIRED: neither a value nor a status.
  {
    const host = find(["市委组织部"], "2017-12", (f) => city(f) && quantityRow(f) !== undefined);
    const row = quantityRow(host)!;
    row.value = null;
    row.status = "";
    row.note = "数据待核实";
    row.expect = ["E_REQUIRED"];
  }
  // 12. E_UNKNOWN_DEPARTMENT: the town's office that filled the form in writes its own name (周巷镇经发办; 周巷, the town
  // without 镇, is one of the town's names)
  {
    const aliases = new Set(ref.aliases);
    const host = find(["周巷镇", ...towns], "2017-11", (f) => !city(f) && !aliases.has(`${f.department}经发办`));
    host.rows[0]!.department = `${host.department}经发办`;
    host.rows[0]!.expect = ["E_UNKNOWN_DEPARTMENT"];
  }
  // 13. Whole file rejected (E_HEADER: 指标名称 instead of 指标编码), sent again three days later.
  {
    const host = find(["市委组织部"], "2017-10", city);
    host.fileError = "E_HEADER";
    host.header = ZH_HEADER.map((h) => (h === "指标编码" ? "指标名称" : h));
    revise(host, "-重报", 3, (rows) => rows);
  }
  // 14. Whole file rejected (E_NO_DATA: the empty template sent by mistake), sent again two days later.
  {
    const host = find(["龙山镇", ...towns], "2017-11", (f) => !city(f));
    const rows = host.rows;
    host.rows = [];
    host.fileError = "E_NO_DATA";
    revise(host, "-重报", 2, () => rows);
  }
  // 15. Revisions: a figure typed with one digit too many, corrected three days later; an audited money figure.
  {
    const host = find(["市经信局"], "2017-10", (f) => f.rows.some((r) => isQuantity(r) && typeof r.value === "number" && r.value >= 100));
    const row = host.rows.find((r) => isQuantity(r) && typeof r.value === "number" && r.value >= 100)!;
    const good = row.value as number;
    row.value = good * 10;
    row.flag = true; // ten times the month before, the increase past the target's value: flagged at load (src/drops.ts)
    revise(host, "-更正", 3, (rows) => rows.map((r) => (r.code === row.code ? { ...r, value: good, note: `更正：上报时多录一位数字。${r.note}` } : r)));
    const host2 = find(["市财政局"], "2017-12", (f) => quantityRow(f) !== undefined);
    const money = quantityRow(host2)!;
    // (its note still gives the figure first sent, 累计…亿元: flagged at load, as a correction that forgot its note is)
    revise(host2, "-更正", 9, (rows) => rows.map((r) => (r.code === money.code && typeof r.value === "number" ? { ...r, value: Math.round(r.value * 1.015), note: `更正：按审计口径调整。${r.note}`, flag: /累计\d/.test(r.note) } : r)));
  }
  // The lowered figures and the month before them are always sent, so that ingest compares the two.
  for (const [s, at] of [[explained, explainedAt], [unexplained, unexplainedAt]] as const) {
    if (!s || at === null) continue;
    for (const f of files) if (f.department === s.department && (f.month === at || f.month === at - 1) && f.suffix === "") f.designed = true;
  }

  // Missing months: a few files never sent (never the first month, a file with a completion, or a designed one).
  const skipped = new Set<FileSpec>();
  for (const f of files) {
    if (f.designed || f.month === 0 || f.suffix !== "") continue;
    if (f.rows.some((r) => r.completes)) continue;
    if (rng(`skip|${f.department}|${f.month}`).next() < 0.06) skipped.add(f);
  }
  const sent = files.filter((f) => !skipped.has(f));

  // Render, in arrival order.
  sent.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || fileName(a).localeCompare(fileName(b)));
  const out: SampleFile[] = [];
  const expected: Expected = { rejects: [], fileRejects: [], flags: [] };
  for (const f of sent) {
    const name = fileName(f);
    out.push({ name, bytes: await render(f), received_at: isoTime(f.receivedAt), as_of: isoDate(f.receivedAt) });
    if (f.fileError) {
      expected.fileRejects.push({ file: name, code: f.fileError });
      continue;
    }
    const { dataRows } = grid(f);
    f.rows.forEach((r, i) => {
      for (const code of r.expect) expected.rejects.push({ file: name, row: dataRows[i]!, code });
      if (r.flag) expected.flags.push({ file: name, row: dataRows[i]! });
    });
  }
  const schedule = Papa.unparse({ fields: ["file", "received_at", "as_of"], data: out.map((f) => [f.name, f.received_at, f.as_of]) }, { newline: "\n" }) + "\n";
  return { files: out, schedule, expected };
}

/** Counts for the console and the report. */
export function describeSamples(s: Samples): string {
  const bytes = s.files.reduce((n, f) => n + f.bytes.length, 0);
  const kinds = new Map<string, number>();
  for (const f of s.files) {
    const b = f.bytes;
    const kind = f.name.endsWith(".xlsx") ? "XLSX" : b[0] === 0xef && b[1] === 0xbb ? "CSV UTF-8 BOM" : Buffer.from(b).toString("utf8").includes("\uFFFD") ? "CSV GBK" : "CSV UTF-8";
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const codes = new Map<string, number>();
  for (const r of s.expected.rejects) codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
  return [
    `${s.files.length} 个文件（${[...kinds].map(([k, n]) => `${k} ${n}`).join("，")}），共 ${(bytes / 1024).toFixed(0)} KB`,
    `设计的整文件拒绝：${s.expected.fileRejects.map((f) => `${f.code} ${f.file}`).join("；")}`,
    `设计的行拒绝 ${s.expected.rejects.length} 处：${[...codes].map(([c, n]) => `${c}×${n}`).join("，")}`,
    `设计的待复核行 ${s.expected.flags.length} 个`,
  ].join("\n");
}

/** Writes the samples into `dir`, replacing the previous ones (示例-* files and schedule.csv only). */
export function writeSamples(s: Samples, dir = SAMPLES_DIR): void {
  mkdirSync(dir, { recursive: true });
  for (const f of existsSync(dir) ? readdirSync(dir) : []) if (f.startsWith("示例-") || f === "schedule.csv") rmSync(join(dir, f));
  for (const f of s.files) writeFileSync(join(dir, f.name), f.bytes);
  writeFileSync(join(dir, "schedule.csv"), s.schedule);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const samples = await generateSamples(await referenceFromPolicies());
  writeSamples(samples);
  console.error(`示例数据已写入 ${SAMPLES_DIR}：\n${describeSamples(samples)}`);
}
