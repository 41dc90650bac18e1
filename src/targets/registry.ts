import Papa from "papaparse";
import { targetSchema, type TargetRow } from "../schemas.js";
import type { TaskTable } from "../tasktable.js";
import { normalizeName } from "../text.js";
import { parseTargets, type ParsedTarget } from "./parse.js";
import { YEARLY_FREQUENCY } from "./lexicon.js";

/**
 * The parser proposes, the registry holds. A proposal is one duty found in a row's annex text and/or its item's body
 * text (or, when only there, its title). One duty gives one proposal: a body target that matches an annex target of
 * the same item is linked to it, never counted twice; a title number that repeats one adds nothing.
 */
export type Proposal = {
  row_no: number;
  /** 周巷镇、观海卫镇各建成…1条: the lead departments that each report their own figure (、-separated); "" by default. */
  reporting_departments: string;
  kind: ParsedTarget["kind"];
  comparator: ParsedTarget["comparator"];
  value: number | null;
  value_max: number | null;
  unit: string | null;
  base_unit: string | null;
  value_base: number | null;
  measure: ParsedTarget["measure"];
  horizon_text: string;
  deadline: string | null;
  subject: string;
  frequency: string;
  attributes: string;
  annex_text: string;
  annex_start: number | null;
  annex_end: number | null;
  body_source: "" | "body" | "title";
  body_text: string;
  body_start: number | null;
  body_end: number | null;
  /** Body and annex state the duty with different figures or comparators (kept for reconciliation). */
  body_differs: boolean;
  /** The level the text says it starts from (由3个工作日缩短至1个工作日: 3), written to targets.csv's baseline. */
  baseline?: number | null;
};

/** Character-bigram Dice similarity, 0–1: how alike two subjects are. */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const out = new Map<string, number>();
    const chars = [...s.replace(/[\s"“”《》()]/g, "")];
    for (let i = 0; i < chars.length - 1; i++) {
      const g = chars[i]! + chars[i + 1]!;
      out.set(g, (out.get(g) ?? 0) + 1);
    }
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  return total === 0 ? (a === b ? 1 : 0) : (2 * shared) / total;
}

/** Same duty? Quantities: same unit and the same figure (comparator and range may differ); others: alike subjects. */
export function sameDuty(a: ParsedTarget, b: ParsedTarget): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "quantity") {
    return a.baseUnit === b.baseUnit && (a.valueInBaseUnit === b.valueInBaseUnit || (a.valueMax !== null && a.valueMax === b.valueMax));
  }
  return similarity(a.subject, b.subject) >= 0.6 || a.subject.includes(b.subject) || b.subject.includes(a.subject);
}

/**
 * The same duty with another figure: quantities of one unit and one measure (both an increase, or both a level) with
 * the same subject (新建农村公路 50公里 and 60公里; not 累计应用工业机器人达到1000台 beside 新增工业机器人200台).
 */
export function sameDutyOtherFigure(a: ParsedTarget, b: ParsedTarget): boolean {
  if (a.kind !== "quantity" || b.kind !== "quantity" || a.baseUnit !== b.baseUnit || a.measure !== b.measure || a.subject === "") return false;
  return a.subject === b.subject;
}

/**
 * A horizon of a whole year alone (2020年累计达到8万户, 到2020年) in a row whose deadline is an earlier day of that
 * year (2020年10月底前): the row's date, which says when in the year. Not a year's end written out (2020年底前).
 */
function withinYear(horizon: ParsedTarget["horizon"], rowDeadline: string | null): string | null {
  const m = horizon ? /^(?:到)?((?:19|20)\d{2})年(?:度|内)?$/.exec(horizon.text) : null;
  return m !== null && rowDeadline !== null && rowDeadline.startsWith(`${m[1]}-`) && rowDeadline < `${m[1]}-12-31` ? rowDeadline : null;
}

/** A 完成时限 cell that is a frequency alone (每年, 每季度): when the row's counts are due, period after period. */
const ROW_FREQUENCY = /^(?:每年|每年度|每半年|每季度|每季|每月|按年|按年度|按季度|按季|按月)$/;

/**
 * A count with no time of its own in a row due 每年 (首贷户新增2000户 in a row of 每年) is a count of every year, as if
 * written 每年新增: its goal is the count times the policy's years. A rate with no time of its own in a row due 每年
 * (单位GDP能耗下降3%) is each year's rate, as if written 每年下降3% (targets.sql: judged against its value, each year's
 * rate to date, to the policy's end); only a year's (每年, 每年度, 按年), a rate of a quarter being no quarter's share of
 * it. A level (成交额达到50亿元) stays as written.
 */
function rowFrequency(t: ParsedTarget, deadlineText: string): string | null {
  const cell = deadlineText.replace(/\s+/g, "");
  if (t.kind !== "quantity" || t.measure !== "increment" || t.horizon !== null || t.frequency !== null || !ROW_FREQUENCY.test(cell)) return null;
  if (t.unit === "%") return YEARLY_FREQUENCY.test(cell) ? cell : null;
  // (nor a change in percentage points: a share's change does not add up period after period)
  return t.unit !== "个百分点" ? cell : null;
}

function toProposal(rowNo: number, t: ParsedTarget, rowDeadline: string | null, rowDeadlineText = ""): Proposal {
  // (a horizon from an earlier clause, bound to its verb, gives way to the row's own deadline: 10月底前完成方案编制，淘汰…)
  const horizon = t.horizon?.carried && rowDeadline !== null && t.horizon.deadline !== rowDeadline ? null : t.horizon;
  return {
    row_no: rowNo,
    reporting_departments: "",
    kind: t.kind,
    comparator: t.comparator,
    value: t.value,
    value_max: t.valueMax,
    unit: t.unit,
    base_unit: t.baseUnit,
    value_base: t.valueInBaseUnit,
    measure: t.measure,
    horizon_text: horizon?.text ?? "",
    deadline: withinYear(horizon, rowDeadline) ?? horizon?.deadline ?? rowDeadline ?? null,
    subject: t.subject,
    frequency: t.frequency ?? rowFrequency(t, rowDeadlineText) ?? "",
    attributes: t.attributes.length ? JSON.stringify(t.attributes.map(({ text, value, unit }) => ({ text, value, unit }))) : "",
    baseline: t.baseline ?? null,
    annex_text: "",
    annex_start: null,
    annex_end: null,
    body_source: "",
    body_text: "",
    body_start: null,
    body_end: null,
    body_differs: false,
  };
}

/** Proposes the targets of one policy's task table, row by row, in document order. */
export function proposeTargets(table: TaskTable): Proposal[] {
  const policyDate = table.policy.issued_date;
  const policyEnd = table.policy.end_date ?? null;
  const proposals: Proposal[] = [];
  const departmentByName = departmentIdsByName(table);
  for (const item of table.items) {
    const rows = table.tasks.filter((t) => t.item_id === item.item_id).sort((a, b) => a.row_no - b.row_no);
    if (rows.length === 0) continue;
    const annex: { row: (typeof rows)[number]; target: ParsedTarget; proposal: Proposal }[] = [];
    for (const row of rows) {
      for (const target of parseTargets(row.content, { policyDate, policyEnd })) {
        const proposal = toProposal(row.row_no, target, row.deadline_date, row.deadline_text);
        proposal.reporting_departments = eachOfLeads(table, departmentByName, row, target);
        Object.assign(proposal, { annex_text: target.text, annex_start: target.start, annex_end: target.end });
        annex.push({ row, target, proposal });
        proposals.push(proposal);
      }
    }
    const link = (target: ParsedTarget, source: "body" | "title") => {
      const match = annex.find((a) => a.proposal.body_source === "" && sameDuty(a.target, target));
      if (match) {
        Object.assign(match.proposal, { body_source: source, body_text: target.text, body_start: target.start, body_end: target.end });
        match.proposal.body_differs ||= match.target.comparator !== target.comparator || match.target.value !== target.value || match.target.valueMax !== target.valueMax;
        return true;
      }
      return false;
    };
    // a body figure for an annex duty that differs from the annex's (新建农村公路60公里 in the body, 50公里 in the
    // annex): one duty, not two; the annex's figure is the target, the difference is noted (文本核对 shows both)
    // (only when the pairing is one to one: the annex's only unlinked figure of that subject and measure, and the body's)
    const linkDiffering = (target: ParsedTarget, all: ParsedTarget[]) => {
      const matches = annex.filter((a) => a.proposal.body_source === "" && sameDutyOtherFigure(a.target, target));
      if (matches.length !== 1 || all.filter((t) => sameDutyOtherFigure(matches[0]!.target, t)).length !== 1) return false;
      const match = matches[0]!;
      Object.assign(match.proposal, { body_source: "body", body_text: target.text, body_start: target.start, body_end: target.end, body_differs: true });
      return true;
    };
    const bodyTargets = parseTargets(item.body_text, { policyDate, policyEnd });
    const unlinked = bodyTargets.filter((t) => !link(t, "body"));
    // (建设农业农村大数据平台 in the body, 建成1个县级农业农村大数据平台 in the annex: the annex counts what the body's
    // milestone builds; one duty, the annex's)
    const counted = (t: ParsedTarget) => t.kind === "milestone" && t.subject.length >= 2 &&
      // (the thing itself, perhaps with a grade or place before it: not 接入智慧城管平台的摄像头 for 智慧城管平台)
      annex.some((a) => a.target.kind === "quantity" && a.target.subject.endsWith(t.subject));
    const unmatched = unlinked.filter((t) => !linkDiffering(t, unlinked) && !counted(t));
    // a title number that repeats a body or annex figure adds nothing; one stated only in the title is a target
    const titleTargets = parseTargets(item.title, { policyDate, policyEnd }).filter(
      (t) => t.kind === "quantity" && !bodyTargets.some((b) => sameDuty(b, t)) && !annex.some((a) => sameDuty(a.target, t)),
    );
    // body-only duties belong to the item's row when it has one, else to the row whose text is most alike
    for (const [target, source] of [...unmatched.map((t) => [t, "body"] as const), ...titleTargets.map((t) => [t, "title"] as const)]) {
      const row = rows.length === 1 ? rows[0]! : rows.reduce((best, r) => (similarity(r.content, target.subject) > similarity(best.content, target.subject) ? r : best));
      const proposal = toProposal(row.row_no, target, row.deadline_date, row.deadline_text);
      Object.assign(proposal, { body_source: source, body_text: target.text, body_start: target.start, body_end: target.end });
      proposals.push(proposal);
    }
  }
  return proposals.sort((a, b) => a.row_no - b.row_no || (a.annex_start ?? 1e9) - (b.annex_start ?? 1e9) || (a.body_start ?? 0) - (b.body_start ?? 0));
}

/** A policy's department names (canonical, full and aliases, normalised, as tasktable.ts resolves them) → department_id. */
function departmentIdsByName(table: TaskTable): Map<string, string> {
  const byName = new Map<string, string>();
  for (const d of table.departments) for (const n of [d.name, d.full_name]) if (n) byName.set(normalizeName(n), d.department_id);
  for (const a of table.departmentAliases) byName.set(normalizeName(a.alias), a.department_id);
  return byName;
}

/** 各 right after the names, but not 各类/各项/各级 (every kind of …). */
const EACH = /^各(?!类|种|项|级|地|个|自|有关)/;

/**
 * 周巷镇、观海卫镇各建成美丽乡村精品线1条: when the target's clause opens with two or more of the row's lead departments
 * followed by 各, each of them owes the figure: their canonical names (、-separated), else "" (the first lead reports
 * one consolidated figure).
 */
function eachOfLeads(table: TaskTable, byName: ReadonlyMap<string, string>, row: TaskTable["tasks"][number], target: ParsedTarget): string {
  const leads = table.taskDepartments.filter((d) => d.task_id === row.task_id && d.role === "lead" && d.accountable);
  if (leads.length < 2) return "";
  const before = row.content.slice(target.sentence.start, target.start);
  const at = before.search(/各/);
  if (at <= 0 || !EACH.test(before.slice(at))) return "";
  const names = before.slice(0, at).split(/[，,；;：:]/).at(-1)!.split(/[、和及与]/).map((n) => normalizeName(n)).filter((n) => n !== "");
  const leadIds = new Set(leads.map((d) => d.department_id));
  const ids = names.map((n) => byName.get(n));
  if (names.length < 2 || ids.some((id) => id === undefined || !leadIds.has(id))) return "";
  return ids.map((id) => table.departments.find((d) => d.department_id === id)!.name).join("、");
}

/** What identifies a proposal across parser versions: its row, kind, figure and unit, or its subject. */
export function fingerprint(p: Pick<Proposal, "row_no" | "kind" | "value" | "value_max" | "unit" | "subject">): string {
  return p.kind === "quantity" ? `${p.row_no}|quantity|${p.value}|${p.value_max ?? ""}|${p.unit}` : `${p.row_no}|${p.kind}|${p.subject}`;
}

export type RegistryEntry = TargetRow;
export type RegistryDiff = {
  /**
   * Registered codes whose duty the parser still proposes, with the fields that now differ (for review); `reviewed`:
   * the entry's note says it was corrected by hand (HAND_CORRECTED), so its differences are expected.
   */
  matched: { code: string; changes: { field: string; registered: unknown; proposed: unknown }[]; reviewed: boolean }[];
  /** Retired codes whose proposal the parser still makes: retired, it is proposed no more (never registered again). */
  retired: string[];
  /** Proposals with no registered code yet. */
  added: Proposal[];
  /** Published codes the parser no longer proposes (never removed automatically). */
  missing: RegistryEntry[];
  /**
   * Published codes the parser does not propose whose note says they were registered by hand (HAND_REGISTERED: a
   * duty the parser cannot read, 规上企业数量明显增加 or 力争新增二十家): expected, not a difference.
   */
  handRegistered: RegistryEntry[];
};

const COMPARED: (keyof Proposal & keyof RegistryEntry)[] = ["kind", "comparator", "value", "value_max", "unit", "measure", "horizon_text", "subject", "frequency", "annex_text", "body_text"];

/** A note that says a registered target was corrected by hand (人工更正：单位应为 吨/日): its differences are expected. */
export const HAND_CORRECTED = /人工(?:更正|核定|修改|确认)/;

/** A note that says a target was registered by hand (人工登记：解析器未提出), for words the parser proposes nothing from. */
export const HAND_REGISTERED = /人工(?:登记|添加|补录)/;

/** Read from the same words at the same place of the same row (annex, else body or title). */
function sameWords(entry: RegistryEntry, p: Proposal): boolean {
  if (entry.row_no !== p.row_no) return false;
  if (entry.annex_text !== "" || p.annex_text !== "") {
    return entry.annex_start !== null && entry.annex_start === p.annex_start && entry.annex_end === p.annex_end && entry.annex_text === p.annex_text;
  }
  return entry.body_start !== null && entry.body_source === p.body_source && entry.body_start === p.body_start && entry.body_end === p.body_end && entry.body_text === p.body_text;
}

/** A proposal read from the body alone, from the words of the body an entry was read from too (with its annex words). */
function sameBodyWords(entry: RegistryEntry, p: Proposal): boolean {
  return entry.row_no === p.row_no && p.annex_text === "" && entry.body_start !== null && entry.body_text !== "" && entry.body_source === p.body_source &&
    entry.body_start === p.body_start && entry.body_end === p.body_end && entry.body_text === p.body_text;
}

function matches(entry: RegistryEntry, p: Proposal): boolean {
  if (entry.row_no !== p.row_no) return false;
  // the same words: the same duty, however its fields were corrected by hand
  if (sameWords(entry, p)) return true;
  if (entry.kind !== p.kind) return false;
  if (fingerprint(entry) === fingerprint(p)) return true;
  // the same amount in another unit (3000000吨 registered, 300万吨 read now): the same duty, its unit a change to review
  if (entry.kind === "quantity" && entry.base_unit !== "" && entry.base_unit === p.base_unit && entry.value_base !== null && entry.value_base === p.value_base) return true;
  return entry.kind !== "quantity" && similarity(entry.subject, p.subject) >= 0.8;
}

/** Compares the registry with fresh proposals: codes never change meaning, differences are listed for review. */
export function compareRegistry(registry: RegistryEntry[], proposals: Proposal[]): RegistryDiff {
  const free = [...proposals];
  const diff: RegistryDiff = { matched: [], retired: [], added: [], missing: [], handRegistered: [] };
  for (const entry of registry.filter((e) => e.status === "published")) {
    const index = free.findIndex((p) => matches(entry, p));
    if (index === -1) {
      (HAND_REGISTERED.test(entry.note) ? diff.handRegistered : diff.missing).push(entry);
      continue;
    }
    const [p] = free.splice(index, 1);
    const changes = COMPARED.filter((f) => (entry[f] ?? "") !== (p![f] ?? "")).map((f) => ({ field: f, registered: entry[f], proposed: p![f] }));
    // (reporters are the registry's to set: only a 各 the parser found is proposed against what is registered)
    if (p!.reporting_departments !== "" && p!.reporting_departments !== entry.reporting_departments) {
      changes.push({ field: "reporting_departments", registered: entry.reporting_departments, proposed: p!.reporting_departments });
    }
    diff.matched.push({ code: entry.code, changes, reviewed: HAND_CORRECTED.test(entry.note) });
  }
  // a retired code's words stay retired: the analyst said they are no target (（二期） read as 2期); words changed in
  // the document (达到450家 → 达到480家) are proposed anew; the body's words it was read from stay retired too (the body
  // still says 450家 when the annex now says 480家: the body's 450家, proposed on its own, is the retired target)
  for (const entry of registry.filter((e) => e.status === "retired")) {
    const index = free.findIndex((p) => sameWords(entry, p) || sameBodyWords(entry, p));
    if (index === -1) continue;
    free.splice(index, 1);
    diff.retired.push(entry.code);
  }
  diff.added = free;
  return diff;
}

/** Registry rows for new proposals: codes continue each row's numbering and never reuse a published number. */
export function registerNew(
  prefix: string, registry: RegistryEntry[], added: Proposal[], policyYear: number,
  /** A change against an earlier year's level (比2015年下降10%): the day counting starts, else the policy year's 1 January. */
  countingStart: (p: Proposal) => string | null = () => null,
): RegistryEntry[] {
  const used = new Map<number, number>();
  for (const e of registry) {
    const seq = Number(e.code.split("-").at(-1));
    used.set(e.row_no, Math.max(used.get(e.row_no) ?? 0, seq));
  }
  return added.map((p) => {
    const seq = (used.get(p.row_no) ?? 0) + 1;
    used.set(p.row_no, seq);
    const { body_differs: _d, ...fields } = p;
    return {
      ...fields,
      code: `${prefix}-${String(p.row_no).padStart(2, "0")}-${String(seq).padStart(2, "0")}`,
      status: "published",
      comparator: p.comparator ?? "",
      measure: p.measure ?? "",
      unit: p.unit ?? "",
      base_unit: p.base_unit ?? "",
      // a target's own horizon is kept; otherwise the row's deadline applies (left empty here)
      deadline: p.horizon_text === "" || p.deadline === "" ? null : p.deadline,
      counting_start: countingStart(p) ?? `${policyYear}-01-01`,
      // (由3个工作日缩短至1个工作日: the level the text says it starts from)
      baseline: p.baseline ?? null,
      reporting_departments: p.reporting_departments,
      note: p.body_differs ? "正文与附件表述不同，见文本核对" : "",
    } satisfies RegistryEntry;
  });
}

export const REGISTRY_COLUMNS = Object.keys(targetSchema.shape) as (keyof RegistryEntry)[];

/** The registry as CSV text (UTF-8, header row, columns in schema order). */
export function registryCsv(entries: RegistryEntry[]): string {
  return Papa.unparse({ fields: REGISTRY_COLUMNS, data: entries.map((e) => REGISTRY_COLUMNS.map((c) => e[c] ?? "")) }, { newline: "\n" }) + "\n";
}
