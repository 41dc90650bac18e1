/**
 * Synthetic province-scale inputs for the ingest benchmark: a policy directory in the task-table format of
 * data/policies/<policy_id>/ (a hundred departments, hundreds of annex rows, thousands of targets) and monthly report
 * files against it (UTF-8 CSV, ~1 % bad rows of known kinds). Deterministic: the same seed gives the same bytes.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { COUNT_UNITS } from "../src/ingest/review.js";

export const POLICY_ID = "bench-province";
export const TARGET_PREFIX = "BP";
export const AS_OF = "2025-12-31";
export const COUNTING_START = "2015-01-01";
export const MONTHLY_HEADER = ["报送单位", "指标编码", "统计期", "累计完成值", "单位", "完成状态", "进展情况", "填报人", "填报日期"] as const;

/** mulberry32: a small seeded PRNG, so every run writes the same files. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SynthDepartment = { code: string; name: string; fullName: string; alias: string };
export type SynthTarget = {
  code: string; rowNo: number; kind: "quantity" | "milestone" | "recurring"; unit: string; value: number;
  /** A quantity's measure and comparator: a level to reach at least, unless `varied` made it a rate of change
   * (增长8%), a change in percentage points (提高2个百分点) or a ceiling (控制在…以内). */
  measure: "level" | "increment"; comparator: "at_least" | "at_most";
  /** The row's lead departments (tasks.csv). */
  leads: SynthDepartment[];
  /** Who reports it: the first lead by default, or the reporting_departments override. */
  reporters: SynthDepartment[];
  override: boolean;
  /** A figure per head (每万人…, `varied` only): decimals in its count unit are expected (targets.averaged). */
  perHead?: boolean;
};
export type SynthPolicy = { departments: SynthDepartment[]; chapters: number; items: number; tasks: number; targets: SynthTarget[] };

const FIELDS = ["经济和信息化", "科学技术", "教育", "财政", "商务", "文化和旅游", "卫生健康", "交通运输", "水利", "农业农村", "自然资源", "生态环境",
  "住房和城乡建设", "人力资源和社会保障", "市场监督管理", "应急管理", "统计", "医疗保障", "林业", "能源", "大数据发展", "地方金融监督管理", "外事", "民政", "司法"];
const SHORT = ["经信", "科技", "教育", "财政", "商务", "文旅", "卫健", "交通", "水利", "农业", "自然资源", "生态环境", "住建", "人社", "市场监管", "应急", "统计",
  "医保", "林业", "能源", "数据", "金融", "外事", "民政", "司法"];
const KINDS = [
  { suffix: "厅", kind: "municipal_bureau", short: "厅" },
  { suffix: "局", kind: "municipal_bureau", short: "局" },
  { suffix: "办公室", kind: "government_office", short: "办" },
  { suffix: "服务中心", kind: "platform_centre", short: "中心" },
] as const;
const UNITS = [["家", 0.3], ["个", 0.2], ["亿元", 0.15], ["%", 0.1], ["项", 0.1], ["人次", 0.1], ["台", 0.05]] as const;

/** The model both generators share. */
export function synthPolicy(options: { departments?: number; tasks?: number; targetsPerTask?: number; seed?: number; varied?: boolean } = {}): SynthPolicy {
  const random = rng(options.seed ?? 75);
  const nDepartments = options.departments ?? 100;
  const nTasks = options.tasks ?? 900;
  const perTask = options.targetsPerTask ?? 6;
  if (nTasks > 999) throw new Error("target codes hold a 2–3 digit row number: at most 999 annex rows");
  const departments: SynthDepartment[] = [];
  for (let i = 0; i < nDepartments; i++) {
    const k = KINDS[Math.floor(i / FIELDS.length) % KINDS.length]!;
    const f = i % FIELDS.length;
    departments.push({
      code: `d${String(i + 1).padStart(3, "0")}`,
      name: `省${SHORT[f]}${k.short}${i >= FIELDS.length * KINDS.length ? i : ""}`,
      fullName: `江东省${FIELDS[f]}${k.suffix}${i >= FIELDS.length * KINDS.length ? i : ""}`,
      alias: `江东${SHORT[f]}${k.short}${i >= FIELDS.length * KINDS.length ? i : ""}`,
    });
  }
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const targets: SynthTarget[] = [];
  for (let row = 1; row <= nTasks; row++) {
    const r = random();
    const nLead = r < 0.6 ? 1 : r < 0.9 ? 2 : 3;
    const leads = new Set<SynthDepartment>();
    while (leads.size < nLead) leads.add(pick(departments));
    for (let seq = 1; seq <= perTask; seq++) {
      const k = random();
      const kind = k < 0.8 ? "quantity" : k < 0.95 ? "milestone" : "recurring";
      let unit = "";
      if (kind === "quantity") {
        let u = random();
        unit = UNITS.find(([, p]) => (u -= p) < 0)?.[0] ?? "家";
      } else if (kind === "recurring") unit = "次";
      // 30 % of the targets are reported by several departments (each its own figure): a reporting_departments override
      const override = random() < 0.3;
      const reporters = new Set<SynthDepartment>(override ? leads : [[...leads][0]!]);
      while (override && reporters.size < 3) reporters.add(pick(departments));
      targets.push({
        code: `${TARGET_PREFIX}-${String(row).padStart(3, "0")}-${String(seq).padStart(2, "0")}`,
        // (a percentage goal is a share, 10–95 %: above 100 % the review would not ask about figures past 100)
        rowNo: row, kind, unit, value: kind === "quantity" ? ((r) => Math.round(unit === "%" ? 10 + r * 85 : 10 + r * 5000))(random()) : 0, leads: [...leads], reporters: [...reporters], override,
        measure: "level", comparator: "at_least",
      });
    }
  }
  // (drawn from a second generator, so that the benchmark's policy, which has none, stays byte for byte the same)
  if (options.varied) {
    const other = rng((options.seed ?? 75) + 1);
    for (const t of targets) {
      if (t.kind !== "quantity") continue;
      const r = other();
      if (r < 0.15) Object.assign(t, { unit: "%", measure: "increment", value: 3 + Math.round(other() * 17) });
      else if (r < 0.25) Object.assign(t, { unit: "个百分点", measure: "increment", value: 1 + Math.round(other() * 4) });
      else if (r < 0.35) t.comparator = "at_most";
      else if (r < 0.42 && t.unit !== "亿元") t.perHead = true;
    }
  }
  return { departments, chapters: 10, items: nTasks, tasks: nTasks, targets };
}

const csv = (header: string[], rows: (string | number)[][]) => Papa.unparse({ fields: header, data: rows }, { newline: "\n" }) + "\n";

/** Writes the policy directory `<data>/policies/bench-province/` (the eight CSV files of the task-table format). */
export function writePolicyDirectory(data: string, p: SynthPolicy): string {
  const dir = join(data, "policies", POLICY_ID);
  mkdirSync(dir, { recursive: true });
  const w = (file: string, text: string) => writeFileSync(join(dir, file), text);
  w("policy.csv", csv(["policy_id", "title", "doc_number", "issuer", "issued_date", "published_date", "source_file", "source_sha256", "annex_title", "target_prefix", "note"],
    [[POLICY_ID, "关于加快数字经济高质量发展的若干意见（基准测试用合成数据）", "江东政办〔2015〕1号", "江东省人民政府办公厅", "2015-01-05", "2015-01-08", "", "", "重点任务分解表", TARGET_PREFIX, "合成数据，仅用于性能基准"]]));
  w("chapters.csv", csv(["chapter_no", "title", "source_line"], Array.from({ length: p.chapters }, (_, i) => [i + 1, `第${i + 1}部分重点任务`, ""])));
  // one annex row per body item, saying the same as the body (no body-vs-annex discrepancies to store)
  const byRow = new Map<number, SynthTarget>();
  for (const t of p.targets) if (!byRow.has(t.rowNo)) byRow.set(t.rowNo, t);
  const content = (row: number) => `落实第${row}项任务，完成年度目标。`;
  const coopOf = (row: number) => {
    const coop = p.departments[(row * 7) % p.departments.length]!;
    return byRow.get(row)!.leads.includes(coop) ? null : coop;
  };
  w("items.csv", csv(["item_no", "chapter_no", "title", "body_text", "body_departments", "source_lines"],
    Array.from({ length: p.items }, (_, i) => {
      const coop = coopOf(i + 1);
      const leads = byRow.get(i + 1)!.leads.map((d) => d.name).join("、");
      return [i + 1, (i % p.chapters) + 1, `重点工作${i + 1}`, content(i + 1), coop ? `${leads}牵头，${coop.name}配合` : leads, ""];
    })));
  w("tasks.csv", csv(["row_no", "item_no", "seq_cell", "chapter_cell", "title_cell", "content", "lead_departments", "coop_departments", "lead_persons", "coop_persons", "deadline_text", "deadline_date", "source_line"],
    Array.from({ length: p.tasks }, (_, i) => {
      const row = i + 1;
      return [row, row, "", "", "", content(row), byRow.get(row)!.leads.map((d) => d.name).join("、"),
        coopOf(row)?.name ?? "", "", "", "2025年底前", "2025-12-31", ""];
    })));
  w("corrections.csv", csv(["row_no", "field", "verbatim", "corrected", "kind", "source", "note"], []));
  w("departments.csv", csv(["code", "name", "full_name", "kind", "aliases", "in_document", "note"],
    p.departments.map((d, i) => [d.code, d.name, d.fullName, KINDS[Math.floor(i / FIELDS.length) % KINDS.length]!.kind, d.alias, "true", ""])));
  w("group_members.csv", csv(["group_code", "member_code", "status", "note"], []));
  w("persons.csv", csv(["code", "name", "department", "status", "basis", "note"], [["p01", "王一", p.departments[0]!.name, "resolved", "consistent", ""]]));
  w("targets.csv", csv(["code", "status", "row_no", "kind", "comparator", "value", "value_max", "unit", "base_unit", "value_base", "measure", "horizon_text", "deadline",
    "subject", "frequency", "attributes", "counting_start", "baseline", "reporting_departments", "annex_text", "annex_start", "annex_end", "body_source", "body_text",
    "body_start", "body_end", "note"],
    p.targets.map((t) => {
      const money = t.unit === "亿元";
      return [t.code, "published", t.rowNo, t.kind, t.kind === "quantity" ? t.comparator : "", t.kind === "quantity" ? t.value : "", "", t.unit,
        money ? "万元" : t.unit, t.kind === "quantity" ? (money ? t.value * 10000 : t.value) : "", t.kind === "quantity" ? t.measure : "", "", "",
        `${t.perHead ? "每万人" : ""}指标${t.code}`, t.kind === "recurring" ? "每月" : "", "", COUNTING_START, "", t.override ? t.reporters.map((d) => d.name).join("、") : "",
        "", "", "", "", "", "", "", ""];
    })));
  return dir;
}

export type BadKind = "negative" | "text_number" | "unknown_code" | "unknown_department" | "bad_period" | "duplicate_key";
export const BAD_KINDS: readonly BadKind[] = ["negative", "text_number", "unknown_code", "unknown_department", "bad_period", "duplicate_key"];

/** Share of the cumulative figures that fall below the month before (a correction). */
const DROP_SHARE = 0.003;
/** A milestone's statuses in order, and how often a month's status goes back one step (a slip to review). */
const STATUSES = ["未启动", "推进中", "已完成"] as const;
const STATUS_BACK_SHARE = 0.003;
const NOTES = ["", "", "", "", "按计划推进", "已完成年度目标的一半以上", "项目已开工建设", "资金已拨付到位", "正在组织验收", "受疫情影响进度略有滞后，已制定追赶计划"];
const QUOTED_NOTES = ["一期已完成, 二期推进中", "含新增\"专精特新\"企业"];
const REPORTERS = ["张三", "李四", "王五", "赵敏", "陈静", "刘洋", "周杰", "吴昊"];

/**
 * Writes a monthly report of `rows` data rows (plus the header) for the policy: every (target, reporter) key per
 * period, periods from the counting start onwards, ~`badShare` of the rows broken in one of BAD_KINDS (a duplicate
 * key rejects both copies). Returns the bad rows planted per kind.
 */
export function writeMonthlyFile(path: string, p: SynthPolicy, options: { rows: number; badShare?: number; seed?: number }): { bytes: number; planted: Record<BadKind, number> } {
  const random = rng(options.seed ?? 2025);
  const badShare = options.badShare ?? 0.01;
  const planted = Object.fromEntries(BAD_KINDS.map((k) => [k, 0])) as Record<BadKind, number>;
  const keys: { target: SynthTarget; department: SynthDepartment }[] = [];
  for (const target of p.targets) for (const department of target.reporters) keys.push({ target, department });
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const q = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const fd = openSync(path, "w");
  let bytes = 0;
  let chunk: string[] = [MONTHLY_HEADER.join(",")];
  const flush = () => {
    const text = chunk.join("\n") + "\n";
    bytes += writeSync(fd, text);
    chunk = [];
  };
  let last: string[] | null = null;
  /** each key's cumulative figure so far, and a milestone's status (an index into STATUSES) */
  const level: number[] = [];
  const stage: number[] = [];
  const [startYear, startMonth] = COUNTING_START.split("-").map(Number) as [number, number];
  try {
    for (let n = 0; n < options.rows; n++) {
      const k = keys[n % keys.length]!;
      const monthIndex = startMonth - 1 + Math.floor(n / keys.length);
      const year = startYear + Math.floor(monthIndex / 12);
      const month = (monthIndex % 12) + 1;
      const period = `${year}-${String(month).padStart(2, "0")}`;
      const reportYear = month === 12 ? year + 1 : year;
      const reportMonth = month === 12 ? 1 : month + 1;
      const day = 1 + Math.floor(random() * 28);
      const r = random();
      const department = r < 0.9 ? k.department.name : r < 0.97 ? k.department.fullName : k.department.alias;
      let value = "";
      let unit = "";
      let dropNote = "";
      let status = "";
      if (k.target.kind === "milestone") {
        // each key's status moves on now and then (未启动 → 推进中 → 已完成) and rarely goes back, flagged for review
        // (src/statusbacks.ts); one draw, as pick took before 2026-12-05, so the rest of the file is as it was
        const keyNo = n % keys.length;
        const u = random();
        let s = stage[keyNo] ?? 0;
        if (u < 0.1 && s < 2) s++;
        else if (u >= 1 - STATUS_BACK_SHARE && s > 0) s--;
        stage[keyNo] = s;
        status = STATUSES[s]!;
      } else {
        // cumulative: each key's figure rises month by month towards about 1.2 × its goal (100 for a %), and now and
        // then falls (a correction), half the time with a note saying why
        const keyNo = n % keys.length;
        const ceiling = k.target.unit === "%" ? 100 : k.target.value * 1.2;
        const before = level[keyNo] ?? 0;
        let next = Math.min(ceiling, before + random() * ceiling / 19);
        if (before > 0 && random() < DROP_SHARE) {
          next = before * (0.5 + random() * 0.4);
          if (random() < 0.5) dropNote = "统计口径调整，数据核减";
        }
        level[keyNo] = next;
        // (things are counted whole: a count with a decimal part is flagged for review)
        const v = k.target.unit === "%" ? next.toFixed(1) : COUNT_UNITS.includes(k.target.unit) ? String(Math.round(next)) : String(Math.round(next * 10) / 10);
        const form = random();
        if (form < 0.7) [value, unit] = [v, k.target.unit];
        else if (form < 0.8) value = `${v}${k.target.unit}`;
        else if (form < 0.88 && k.target.unit === "亿元") value = `${Math.round(Number(v) * 10000)}万元`;
        else if (form < 0.9 && Number(v) >= 1000) value = Number(v).toLocaleString("en-US");
        else value = v;
        if (random() < 0.05) status = "推进中";
      }
      const reportedAt = random() < 0.9 ? `${reportYear}-${String(reportMonth).padStart(2, "0")}-${String(day).padStart(2, "0")}` : `${reportYear}年${reportMonth}月${day}日`;
      const note = dropNote || (random() < 0.01 ? pick(QUOTED_NOTES) : pick(NOTES));
      let cells = [department, k.target.code, period, value, unit, status, note, pick(REPORTERS), reportedAt];
      if (random() < badShare) {
        const kind = pick(BAD_KINDS);
        planted[kind]++;
        if (kind === "negative") cells = [department, k.target.code, period, `-${1 + Math.floor(random() * 500)}`, "", "", note, cells[7]!, reportedAt];
        else if (kind === "text_number") cells = [department, k.target.code, period, pick(["约三百", "待统计", "见附件", "N/A"]), "", "", note, cells[7]!, reportedAt];
        else if (kind === "unknown_code") cells[1] = `${TARGET_PREFIX}-${String(990 + Math.floor(random() * 9))}-99`;
        else if (kind === "unknown_department") cells[0] = pick(["省未知局", "江东省宣传部门", "某某办"]);
        else if (kind === "bad_period") cells[2] = pick([`${year}-13`, `${year}.1`, "二〇二一年三月", `${year}-${month}-32`]);
        else if (kind === "duplicate_key" && last) cells = [...last.slice(0, 6), "更正后重报", ...last.slice(7)];
      }
      last = cells;
      chunk.push(cells.map(q).join(","));
      if (chunk.length >= 20_000) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { bytes, planted };
}
