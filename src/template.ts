/**
 * Monthly report templates: one row per target a department reports (from `target_reporters`: a group's members
 * each report their own figure), in the documented column order of the 报送指南, with reference columns to the
 * right (target, deadline, what to fill in, the last figure reported). Ingest ignores columns it does not know, so a
 * template filled in without changing its structure loads as is.
 *
 * XLSX is written by hand (src/xlsxwrite.ts: minimal SpreadsheetML zipped with fflate): write-excel-file 4 has no data validation
 * (only a third-party plugin), and this way the template needs no development dependency at run time. The 完成状态
 * column gets a drop-down list (未启动/推进中/已完成), 累计完成值 a warning for anything but a number ≥ 0, and the
 * allowed values are also written in a note row above the header.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import Papa from "papaparse";
import { hint, nearNames } from "./ingest/rules.js";
import { COLUMNS, columnLetter, LAST_PERIOD_HEADING, LAST_VALUE_HEADING } from "./ingest/table.js";
import { parsePeriod, STATUS_WORDS, type Status } from "./ingest/values.js";
import { MEASURE_VERBS, YEARLY_FREQUENCY } from "./targets/lexicon.js";
import { isRank } from "./targets/proposaltext.js";
import { UNITS } from "./targets/units.js";
import { query } from "./warehouse.js";
import { STYLE, xlsxWorkbook, type Cell } from "./xlsxwrite.js";

/** The documented spellings of 完成状态, in order. */
export const STATUS_CHOICES: readonly string[] = [STATUS_WORDS.not_started[0]!, STATUS_WORDS.in_progress[0]!, STATUS_WORDS.done[0]!];

const STATUS_TEXT: Record<Status, string> = { not_started: STATUS_CHOICES[0]!, in_progress: STATUS_CHOICES[1]!, done: STATUS_CHOICES[2]! };

/**
 * Reference columns after the nine report columns. Their headers must never match a report column or alias
 * (「上次累计完成值」 is not 「累计完成值」; a bracket such as 「累计完成值（上次）」 would be, and is avoided).
 */
export const REFERENCE_COLUMNS = ["指标（参考）", "目标与时限（参考）", "填写说明（参考）", LAST_PERIOD_HEADING, LAST_VALUE_HEADING, "上次完成状态（参考）"] as const;

/** The report columns, in the documented order (报送单位 … 填报日期). */
export const REPORT_COLUMNS: readonly string[] = COLUMNS.map((c) => c.name);

export const TEMPLATE_HEADER: readonly string[] = [...REPORT_COLUMNS, ...REFERENCE_COLUMNS];

export type TemplateRow = {
  policy_id: string;
  code: string;
  kind: "quantity" | "milestone" | "recurring";
  unit: string | null;
  subject: string;
  /** 新增不少于 100 家 / 达到 450 家 / 里程碑 / 常态化工作（定期）, with the deadline. */
  target: string;
  deadline: string | null;
  instruction: string;
  last_period: string | null;
  last_value: number | null;
  last_status: string | null;
  /** A change in % or percentage points (增长8%, 提高2个百分点): its figure may be below zero. */
  signed: boolean;
};

/**
 * Targets the department reports but no longer owes, left out unless `all`: `omittedDone` finished in an earlier month,
 * `omittedEnded` recurring duties whose term ended before the period (as the reporting calendar has them).
 */
export type Template = { department: string; period: string; rows: TemplateRow[]; omittedDone: number; omittedEnded: number };

/** A bad --department or --period: the caller shows the message (Chinese) and exits with a usage error. */
export class TemplateError extends Error {
  /**
   * @param startsIn when the department's targets only start to be reported in a later month (YYYY-MM): the month,
   * so that a caller making every department's template (the site) can leave this one out.
   */
  constructor(message: string, readonly startsIn: string | null = null) {
    super(message);
    this.name = "TemplateError";
  }
}

const normalizeDepartment = (name: string) => name.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");

/** YYYY-MM from any accepted period spelling (2017-10, 2017年10月, 201710 …), or a TemplateError. */
export function templatePeriod(text: string): string {
  const p = parsePeriod(text);
  if (!p.ok || p.value === null) throw new TemplateError(`无法识别的统计期：“${text}”（应为 YYYY-MM，如 2017-10）`);
  return p.value;
}

/** Departments that report at least one published target, with how many, in name order. */
export async function reportingDepartments(connection: DuckDBConnection): Promise<{ department: string; targets: number; via_group: string | null; policies: string[] }[]> {
  // (via_group: the group a department reports every target through; null when it reports one in its own right;
  // policies: the policies of its targets, in policy_id order)
  const rows = (await query(connection, `WITH r AS (
        SELECT r.department_name, r.target_id, r.via_group, i.identity_id, coalesce(d.full_name, '') AS full_name, t.policy_id
        FROM target_reporters r JOIN targets t USING (target_id) JOIN department_identities i ON i.department_id = r.department_id
        JOIN raw.departments d ON d.department_id = r.department_id WHERE t.status = 'published'
      ), ${SHARED_NAMES}
      SELECT ${TEMPLATE_NAME} AS department,
        count(DISTINCT target_id) AS targets, CASE WHEN bool_or(via_group IS NULL) THEN NULL ELSE min(via_group) END AS via_group,
        list_sort(list(DISTINCT policy_id)) AS policies
      FROM r GROUP BY 1 ORDER BY bool_and(via_group IS NOT NULL), 1`)).rows;
  return rows.map((r) => ({
    department: String(r.department), targets: Number(r.targets), via_group: (r.via_group as string | null) ?? null, policies: (r.policies as string[]).map(String),
  }));
}

/**
 * The names several departments bear (市经信局 of 慈溪 and of 余姚), among every department, reporting or not:
 * buildTemplate asks which one such a name means. A CTE, `shared(department_name)`.
 */
const SHARED_NAMES = `shared AS (SELECT d.name AS department_name FROM raw.departments d JOIN department_identities i USING (department_id) GROUP BY ALL HAVING count(DISTINCT i.identity_id) > 1)`;
/** The name a department's template is asked for by: its full name when its name is shared (SHARED_NAMES), else its name. */
const TEMPLATE_NAME = `CASE WHEN full_name <> '' AND department_name IN (SELECT department_name FROM shared) THEN full_name ELSE department_name END`;

/**
 * The months before `period` each department still owes (never sent, or every row sent back: reporting_calendar at
 * the warehouse's as-of date), ascending, keyed by the name reportingDepartments lists it under.
 */
export async function owedMonths(connection: DuckDBConnection, period: string): Promise<Map<string, string[]>> {
  const rows = (await query(connection, `WITH r AS (
        SELECT c.department_name, c.period, coalesce(d.full_name, '') AS full_name
        FROM reporting_calendar c JOIN raw.departments d USING (department_id)
        WHERE c.status IN ('missing', 'returned') AND c.period < $1
      ), ${SHARED_NAMES}
      SELECT ${TEMPLATE_NAME} AS department, list_sort(list(DISTINCT period)) AS periods FROM r GROUP BY 1`, [period])).rows;
  return new Map(rows.map((r) => [String(r.department), (r.periods as string[]).map(String)]));
}

/**
 * The period a site-wide template set is made for: the month after the latest period reported in the warehouse,
 * or, without any report yet, the month before `today` (YYYY-MM-DD).
 */
export async function defaultTemplatePeriod(connection: DuckDBConnection, today: string): Promise<string> {
  const latest = await latestReportedPeriod(connection, today);
  const [y, m] = (latest ?? today.slice(0, 7)).split("-").map(Number) as [number, number];
  const shift = latest ? 1 : -1;
  const d = new Date(Date.UTC(y, m - 1 + shift, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The latest period reported in a file received by the end of `today` (YYYY-MM-DD), up to its month; null if none. */
export async function latestReportedPeriod(connection: DuckDBConnection, today: string): Promise<string | null> {
  const [row] = (await query(connection, `SELECT max(o.period) AS p FROM raw.observations o JOIN raw.receipts r USING (receipt_no)
    WHERE r.received_at < CAST($1 AS DATE) + INTERVAL 1 DAY AND o.period <= strftime(CAST($1 AS DATE), '%Y-%m')`, [today])).rows;
  return (row?.p as string | null) ?? null;
}

const fmt = (n: number) => String(Number(n.toPrecision(15)));

const INCREMENT_VERBS = MEASURE_VERBS.filter((v) => v.measure === "increment").map((v) => v.word).sort((a, b) => b.length - a.length);

/** What makes a verb before it part of a noun: 培训班, 培训机构, 孵化中心, 扶持资金. */
const NOUN_TAIL = /^(?:班|站|室|馆|机构|中心|基地|平台|资金|经费)/;

/** Where a clause ends: a verb before it belongs to another figure (淘汰落后产能，建成充电桩100个). 、 joins one verb's objects. */
const CLAUSE_END = /[，,；;。！!？?：:]/g;

/**
 * The verb of an increment as its clause writes it (淘汰燃煤锅炉100台: 淘汰; 培育龙头企业10家: 培育), the last one
 * before the figure in its clause of the annex row (else of the body), so that a template never asks for 新增 boilers
 * to be eliminated; null when its clause writes none (新增 is said).
 */
export function incrementVerb(t: Record<string, unknown>): string | null {
  const sources: [unknown, unknown][] = [[t.annex_sentence_source, t.annex_start], [t.body_sentence_source, t.body_start]];
  for (const [text, start] of sources) {
    if (typeof text !== "string" || start === null || start === undefined) continue;
    const upTo = text.slice(0, Number(start));
    const clauseStart = [...upTo.matchAll(CLAUSE_END)].at(-1);
    const before = clauseStart === undefined ? upTo : upTo.slice(clauseStart.index + 1);
    let best: { word: string; at: number } | null = null;
    for (const word of INCREMENT_VERBS) {
      let at = before.lastIndexOf(word);
      // (a verb inside its object's noun is none: 举办企业家培训班15期 is held, not trained)
      while (at >= 0 && NOUN_TAIL.test(before.slice(at + word.length))) at = at === 0 ? -1 : before.lastIndexOf(word, at - 1);
      if (at >= 0 && (best === null || at > best.at)) best = { word, at };
    }
    if (best !== null) return best.word;
  }
  return null;
}

export function targetText(t: Record<string, unknown>): string {
  const deadline = t.deadline ? `，${t.deadline} 前` : "";
  if (t.kind === "milestone") return `里程碑${t.deadline ? `，${t.deadline} 前完成` : ""}`;
  if (t.kind === "recurring") return `常态化工作${t.frequency ? `（${t.frequency}）` : ""}${deadline}`;
  // (at least: 以上 after the figure, as the policy writes it: 达到 85%以上, 淘汰 100 台以上)
  const cmp = t.comparator === "about" ? "约 " : t.comparator === "at_most" ? "不超过 " : "";
  const more = t.comparator === "at_least" ? "以上" : "";
  const value = t.value === null || t.value === undefined ? "" : `${fmt(Number(t.value))}${t.value_max !== null && t.value_max !== undefined ? `–${fmt(Number(t.value_max))}` : ""}`;
  const unit = t.unit === "%" ? "%" : t.unit ? ` ${t.unit}` : "";
  // 每季度新增 5 个，累计至 2017-12-31 共 20 个: a count per period, and what the cumulative figure must reach
  const goal = t.frequency && t.goal !== null && t.goal !== undefined && Number(t.goal) !== Number(t.value) ? `（累计共 ${fmt(Number(t.goal))}${unit}）` : "";
  // a ceiling (压缩至 50 天以内) is a level to stay under, whatever its verb
  // (a rank, 营商环境评价全省排名: a place to reach)
  if (t.comparator === "at_most" && isRank(t)) return `进入前 ${value}${unit}` + deadline;
  // (events that must not happen, 重特大安全事故零发生: 不发生（0 起）, the count so far to report)
  if (t.comparator === "at_most" && Number(t.value) === 0 && (t.value_max === null || t.value_max === undefined) && !t.frequency) return `不发生（0${unit}）` + deadline;
  if (t.measure === "level" && t.comparator === "at_most") return `控制在 ${value}${unit || " "}以内` + deadline;
  // (增长 10%: a growth rate, not 10% more of something; 降低 10%: a fall, not a growth: the targets view's falls)
  const falls = t.falls === true;
  const verb = t.measure === "level" ? (falls ? "降至" : "达到")
    : t.unit === "%" ? (falls ? "下降" : "增长")
    : t.unit === "个百分点" ? (falls ? "下降" : "提高")
    : falls ? "减少" : (incrementVerb(t) ?? "新增");
  return `${t.frequency ?? ""}${verb} ${cmp}${value}${unit}${more}` + deadline + goal;
}

/** Units whose level is a running total (450 家, 50 亿元); a level in any other (天, %, 元/千瓦时) is the month's value. */
const TOTAL_UNITS = new Set(UNITS.filter((u) => u.category === "count" || u.category === "money").map((u) => u.unit));

export function instructionText(t: Record<string, unknown>): string {
  const start = String(t.counting_start ?? "").slice(0, 7);
  if (t.kind === "milestone") return `在「完成状态」中选择 ${STATUS_CHOICES.join("、")}；「累计完成值」留空`;
  if (t.kind === "recurring") return "填写「完成状态」；可在「累计完成值」中填写累计开展次数";
  const falls = t.falls === true;
  // (细颗粒物平均浓度同比下降3%: a rate against the same months of the year before, not a change since the start)
  const annex = t.annex_start !== null && t.annex_start !== undefined;
  const source = String((annex ? t.annex_sentence_source : t.body_sentence_source) ?? "");
  const [from, to] = annex ? [t.annex_start, t.annex_end] : [t.body_start, t.body_end];
  // (the clause of the figure, from a few words before the target's text to its end)
  const clause = typeof from === "number" && typeof to === "number" ? source.slice(Math.max(0, from - 12), to).split(/[，,；;。]/).at(-1) ?? "" : "";
  const yearOnYear = t.unit === "%" && t.measure === "increment" && /同比|比上年同期|较上年同期/.test(clause);
  // (a rate of every year, 年均增长10% or 单位GDP能耗下降3% in a row of 每年: this year's, as the targets view judges it)
  const yearly = t.unit === "%" && t.measure === "increment" && (YEARLY_FREQUENCY.test(String(t.frequency ?? "")) || /年均|每年|年平均|平均每年|逐年/.test(clause));
  const what = yearOnYear ? (falls ? "截至本月底与上年同期相比的降幅（如同比下降 3% 填 3；不降反升时填负数）" : "截至本月底与上年同期相比的增长率（如同比增长 6.5% 填 6.5；下降时填负数）")
    : yearly ? (falls ? "本年（自当年 1 月起至本月底）的降幅（如下降 3% 填 3；不降反升时填负数）" : "本年（自当年 1 月起至本月底）的增长率（如增长 6.5% 填 6.5；下降时填负数）")
    : isRank(t) ? "最近一次公布的名次"
    : t.measure === "level"
    ? (t.unit === "%" ? "截至本月底达到的比例" : TOTAL_UNITS.has(String(t.unit ?? "")) ? "截至本月底的累计总数" : "截至本月底的实际数值")
    // (a rate to date: the year may turn it the other way, written below zero)
    : t.unit === "%" ? (falls ? `自 ${start} 起的降幅（如下降 3% 填 3；不降反升时填负数）` : `自 ${start} 起的增长率（如增长 6.5% 填 6.5；下降时填负数）`)
    // (a share may stand below its starting level: a change the other way, written below zero)
    : t.unit === "个百分点" ? (falls ? `自 ${start} 起累计下降的百分点数（如下降 0.5 个百分点填 0.5；不降反升时填负数）` : `自 ${start} 起累计提高的百分点数（如提高 0.5 个百分点填 0.5；下降时填负数）`)
    : falls ? `自 ${start} 起累计减少的数量（填正数）` : `自 ${start} 起累计${incrementVerb(t) ?? "新增"}数`;
  // (a rank: its place, 第12位 as 12)
  if (isRank(t)) return `「累计完成值」填${what}，只填数字（第 12 ${t.unit || "位"}填 12）`;
  return `「累计完成值」填${what}（${t.unit || "无单位"}），只填数字`;
}

/**
 * The template of one department for one period. `department` may be any name or alias of the department
 * dictionary; a group (各镇(街道、园区)) is refused, since each member reports its own figure.
 */
export async function buildTemplate(connection: DuckDBConnection, options: { department: string; period: string; all?: boolean }): Promise<Template> {
  const period = templatePeriod(options.period);
  const aliases = (await query(connection, `SELECT a.alias, d.name, d.department_id, d.is_group FROM department_aliases a JOIN departments d USING (department_id)`)).rows;
  const wanted = normalizeDepartment(options.department);
  const matches = aliases.filter((a) => normalizeDepartment(String(a.alias)) === wanted);
  if (matches.length === 0) {
    const names = [...new Set(aliases.map((a) => String(a.name)))];
    throw new TemplateError(`报送单位“${options.department}”不在部门字典中${hint(nearNames(wanted, names, normalizeDepartment))}`);
  }
  // a department's own name before another's alias (市网信办 may be one policy's department and another's alias);
  // an alias of several departments must be written in full
  const own = matches.filter((m) => normalizeDepartment(String(m.name)) === wanted);
  const chosen = own.length > 0 ? own : matches;
  const names = [...new Set(chosen.map((m) => String(m.name)))].sort();
  if (names.length > 1) throw new TemplateError(`报送单位“${options.department}”可指 ${names.join("、")}，请写明其中一个的名称`);
  const name = names[0]!;
  const ids = [...new Set(chosen.map((m) => String(m.department_id)))];
  // the departments of every policy that bear this name, one row per department_identities identity: several when
  // cities' departments share it (their full names differ). The one asked for must be one of them (the full name
  // says which), and its template, rows and file are then named by its full name.
  const bearers = (await query(connection, `SELECT any_value(d.full_name) AS full_name, list(DISTINCT d.policy_id ORDER BY d.policy_id) AS policies,
      bool_or(list_contains(string_split($2, chr(31)), d.department_id)) AS chosen
    FROM raw.departments d JOIN department_identities i USING (department_id) WHERE d.name = $1 GROUP BY i.identity_id ORDER BY min(d.policy_id)`,
    [name, ids.join("\u001f")])).rows as { full_name: string | null; policies: string[]; chosen: boolean }[];
  const asked = bearers.filter((b) => b.chosen);
  if (asked.length > 1) {
    throw new TemplateError(`报送单位“${options.department}”在几份政策中是不同的单位：${asked.map((b) => `${b.full_name || name}（${b.policies.join("、")}）`).join("、")}；请用全称指明其中一个`);
  }
  const label = bearers.length > 1 && asked[0]?.full_name ? asked[0].full_name : name;
  if (chosen.some((m) => m.is_group === true)) {
    const members = (await query(connection, `SELECT DISTINCT department_name FROM target_reporters WHERE via_group = $1 ORDER BY 1`, [name])).rows.map((r) => String(r.department_name));
    throw new TemplateError(`“${name}”是部门组，由各成员单位分别报送，请指定其中一个${members.length > 0 ? `：${members.join("、")}` : ""}`);
  }
  // the department of that name in the other policies too, when it is the same one (department_identities), whichever
  // alias asked for it (经信局, known to one policy only): the template reportingDepartments lists under the name
  const same = (await query(connection, `SELECT DISTINCT j.department_id FROM department_identities i JOIN department_identities j USING (identity_id)
      JOIN raw.departments d ON d.department_id = j.department_id
      WHERE list_contains(string_split($1, chr(31)), i.department_id) AND d.name = $2 ORDER BY 1`, [ids.join("\u001f"), name])).rows.map((r) => String(r.department_id));
  const idList = [...new Set([...ids, ...same])].join("\u001f");
  const mineIn = (column: string) => `list_contains(string_split($2, chr(31)), ${column})`;
  // done_period: the first earlier month the department reported the target finished (reached_periods), as the
  // reporting calendar counts it; such targets are no longer owed.
  const rows = (await query(connection, `
    WITH mine AS (SELECT DISTINCT target_id, department_id FROM target_reporters WHERE ${mineIn("department_id")}),
    earlier AS (SELECT * FROM observations WHERE ${mineIn("department_id")} AND period < $1),
    last AS (SELECT * FROM earlier QUALIFY row_number() OVER (PARTITION BY department_id, target_id ORDER BY period DESC) = 1),
    done AS (
      SELECT department_id, target_id, min(period) AS done_period FROM reached_periods WHERE ${mineIn("department_id")} AND period < $1 GROUP BY ALL
    )
    SELECT t.policy_id, t.code, t.kind, t.comparator, t.value, t.value_max, t.goal, t.unit, t.measure, t.subject, t.frequency,
      strftime(t.deadline, '%Y-%m-%d') AS deadline, strftime(t.counting_start, '%Y-%m-%d') AS counting_start,
      o.period AS last_period, o.value AS last_value, o.status AS last_status, d.done_period, t.falls, t.signed,
      t.annex_sentence_source, t.annex_start, t.annex_end, t.body_sentence_source, t.body_start, t.body_end,
      coalesce(nullif(p.doc_number, ''), p.policy_id) AS policy_name
    FROM mine r
    JOIN targets t USING (target_id)
    JOIN policies p ON p.policy_id = t.policy_id
    LEFT JOIN last o ON o.target_id = r.target_id AND o.department_id = r.department_id
    LEFT JOIN done d ON d.target_id = r.target_id AND d.department_id = r.department_id
    WHERE t.status = 'published' AND strftime(t.counting_start, '%Y-%m') <= $1
    ORDER BY t.policy_id, t.code`, [period, idList])).rows;
  if (rows.length === 0) {
    // a department that reports, asked for a month before its targets start; or one that reports nothing
    const [first] = (await query(connection, `SELECT strftime(min(t.counting_start), '%Y-%m') AS month FROM target_reporters r JOIN targets t USING (target_id)
      WHERE list_contains(string_split($1, chr(31)), r.department_id) AND t.status = 'published'`, [idList])).rows;
    if (first?.month) throw new TemplateError(`${name} 的指标自 ${first.month} 起算，${period} 还没有可报送的指标`, String(first.month));
    // the name is another policy's alias of a department that does report (a renamed unit: 市发展改革局 → 市发改局)
    const others = [...new Set(matches.filter((m) => !chosen.includes(m) && m.is_group !== true).map((m) => String(m.name)))].sort();
    if (others.length > 0) {
      throw new TemplateError(`${name} 没有需要报送的指标；“${options.department}”在另一份政策中是 ${others.map((o) => `“${o}”`).join("、")} 的别名，该单位的指标请用这一名称生成模板：luoshi template --department ${others[0]} --period ${period}`);
    }
    const all = await reportingDepartments(connection);
    const reporting = all.filter((d) => d.via_group === null).map((d) => d.department);
    // the members of a group (各镇（街道）) report too: named by their group, a few of them as examples
    const groups = new Map<string, string[]>();
    for (const d of all) if (d.via_group !== null) groups.set(d.via_group, [...(groups.get(d.via_group) ?? []), d.department]);
    const members = [...groups].map(([group, names]) => `${group}的 ${names.length} 个成员单位（${names.slice(0, 3).join("、")}${names.length > 3 ? "等" : ""}）`);
    throw new TemplateError(`${name} 没有需要报送的指标；报送单位有：${reporting.join("、")}${members.length > 0 ? `，以及${members.join("、")}` : ""}`);
  }
  // Owed: not finished in an earlier month; a recurring duty until its deadline month (as the reporting calendar).
  const ended = (t: Record<string, unknown>) => t.kind === "recurring" && typeof t.deadline === "string" && t.deadline.slice(0, 7) < period;
  const owed = (t: Record<string, unknown>) => t.done_period === null && !ended(t);
  const listed = options.all ? rows : rows.filter(owed);
  const left = options.all ? [] : rows.filter((t) => !owed(t));
  // a department reporting to several policies: each target names its policy (上云企业 may be a target of both)
  const policyIds = new Set(listed.map((t) => t.policy_id));
  const severalPolicies = policyIds.size > 1;
  // (by document number, or by policy id when two share one)
  const byNumber = new Set(listed.map((t) => t.policy_name)).size === policyIds.size;
  return {
    department: label,
    period,
    omittedDone: left.filter((t) => t.done_period !== null).length,
    omittedEnded: left.filter((t) => t.done_period === null).length,
    rows: listed.map((t) => ({
      policy_id: String(t.policy_id),
      code: String(t.code),
      kind: t.kind as TemplateRow["kind"],
      unit: (t.unit as string | null) || null,
      subject: `${String(t.subject ?? "")}${severalPolicies ? `（${String(byNumber ? t.policy_name : t.policy_id)}）` : ""}`,
      target: targetText(t),
      deadline: (t.deadline as string | null) ?? null,
      instruction: instructionText(t),
      last_period: (t.last_period as string | null) ?? null,
      last_value: t.last_value === null || t.last_value === undefined ? null : Number(t.last_value),
      last_status: t.last_status ? STATUS_TEXT[t.last_status as Status] ?? String(t.last_status) : null,
      signed: t.signed === true,
    })),
  };
}

/** Title and note rows written above the header (ingest finds the header below them). */
export function templateTitle(t: Template): string[] {
  const title = `月度进展报送表 —— ${t.department}，统计期 ${t.period}`;
  const note = `填写说明：请勿改动表头和前三列；「累计完成值」只填数字，单位见「单位」列；「完成状态」只能填 ${STATUS_CHOICES.join("、")}；` +
    `「（参考）」各列仅供参考，载入时忽略。`;
  return [title, note];
}

/** The cells of one data row, as text (empty string for an empty cell), in TEMPLATE_HEADER order. */
export function templateCells(t: Template, r: TemplateRow): (string | number)[] {
  return [
    t.department, r.code, t.period, "", r.unit ?? "", "", "", "", "",
    r.subject, r.target, r.instruction, r.last_period ?? "", r.last_value ?? "", r.last_status ?? "",
  ];
}

/** CSV with BOM and CRLF (opens in Chinese Excel), title and note rows above the header. */
export function templateCsv(t: Template): string {
  const data = [
    ...templateTitle(t).map((line) => [line]),
    [...TEMPLATE_HEADER],
    ...t.rows.map((r) => templateCells(t, r).map(String)),
  ];
  return "\uFEFF" + Papa.unparse(data, { newline: "\r\n" }) + "\r\n";
}

export function templateFileName(t: Template, format: "xlsx" | "csv"): string {
  return `${t.department}-${t.period}-报送模板.${format}`;
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

export const TEMPLATE_SHEET = "月度进展";

/** Column widths (characters) in TEMPLATE_HEADER order. */
const WIDTHS = [16, 13, 10, 12, 7, 10, 30, 9, 12, 30, 24, 34, 12, 12, 12];

/** Spare rows below the data that keep the drop-down list, for rows a department adds. */
const SPARE_ROWS = 20;

/** The cells of `column` in the given rows (ascending) as an sqref: runs of rows as ranges, "D4:D9 D11". */
function cellRanges(column: string, rows: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    out.push(i === j ? `${column}${rows[i]}` : `${column}${rows[i]}:${column}${rows[j]}`);
    i = j + 1;
  }
  return out.join(" ");
}

/** The template as an .xlsx workbook: one sheet 「月度进展」, title and note rows, header on row 3, frozen. */
export function templateXlsx(t: Template): Uint8Array {
  const [title, note] = templateTitle(t);
  const headerRow = 3;
  const firstData = headerRow + 1;
  const lastData = headerRow + t.rows.length;
  // 报送单位, 指标编码, 统计期 and 单位 are filled in (text format, so Excel keeps 2017-10 as written); the rest is input.
  // The sheet is protected (no password): the first three columns, the header and the reference columns cannot be
  // typed over (a month's figure typed into 上次累计完成值（参考） would be lost); 单位 may be changed (a figure in
  // 万元 for a target in 亿元 is converted), and the spare rows below take whole rows.
  const reportStyles = [STYLE.text, STYLE.text, STYLE.text, STYLE.input, STYLE.spareText, STYLE.inputText, STYLE.inputText, STYLE.inputText, STYLE.inputText];
  const spareStyles = [STYLE.spareText, STYLE.spareText, STYLE.spareText, STYLE.input, STYLE.spareText, STYLE.inputText, STYLE.inputText, STYLE.inputText, STYLE.inputText];
  const rows: Cell[][] = [
    [{ value: title!, style: STYLE.title }],
    [{ value: `${note!}本表已设保护（无密码）：请在浅黄色格中填写，需要增加的行填在表下的空行中。`, style: STYLE.note }],
    TEMPLATE_HEADER.map((h, i) => ({ value: h, style: i < REPORT_COLUMNS.length ? STYLE.header : STYLE.referenceHeader })),
    ...t.rows.map((r) =>
      templateCells(t, r).map((v, i): Cell => ({ value: v, style: reportStyles[i] ?? STYLE.reference })),
    ),
    ...Array.from({ length: SPARE_ROWS }, () => spareStyles.map((style): Cell => ({ value: "", style }))),
  ];
  const col = (name: string) => columnLetter(REPORT_COLUMNS.indexOf(name));
  const statusCol = col("完成状态");
  const valueCol = col("累计完成值");
  const through = lastData + SPARE_ROWS;
  // 累计完成值 not below 0, but for a change in % or percentage points (增长8%, 提高2个百分点: it may turn the other way): any number there
  const cells = (signed: boolean) => {
    const rowsOf = t.rows.map((r, i) => (r.signed === signed ? firstData + i : null)).filter((n): n is number => n !== null);
    if (!signed) rowsOf.push(...Array.from({ length: SPARE_ROWS }, (_, i) => lastData + 1 + i));
    return cellRanges(valueCol, rowsOf);
  };
  const [unsigned, signed] = [cells(false), cells(true)];
  const validations = `<dataValidations count="${signed ? 3 : 2}">` +
    `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="完成状态" error="只能填写：${STATUS_CHOICES.join("、")}" promptTitle="完成状态" prompt="${STATUS_CHOICES.join("、")}" sqref="${statusCol}${firstData}:${statusCol}${through}"><formula1>"${STATUS_CHOICES.join(",")}"</formula1></dataValidation>` +
    `<dataValidation type="decimal" operator="greaterThanOrEqual" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="累计完成值" error="累计完成值应为不小于 0 的数字，单位见「单位」列" sqref="${unsigned}"><formula1>0</formula1></dataValidation>` +
    (signed ? `<dataValidation type="decimal" operator="between" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="累计完成值" error="累计完成值应为数字（与目标方向相反时填负数），单位见「单位」列" sqref="${signed}"><formula1>-1E+15</formula1><formula2>1E+15</formula2></dataValidation>` : "") +
    `</dataValidations>`;
  return xlsxWorkbook({
    sheet: TEMPLATE_SHEET, title: title!, rows, widths: WIDTHS, after: validations, protect: true,
    sheetViews: `<sheetViews><sheetView workbookViewId="0"><pane xSplit="3" ySplit="${headerRow}" topLeftCell="D${firstData}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="D${firstData}" sqref="D${firstData}"/></sheetView></sheetViews>`,
  });
}
