import { createHash } from "node:crypto";
import type { z } from "zod";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { readCsv, type Numbered } from "./csv.js";
import { DROPPED_ZERO_MONTH, parseDeadline } from "./deadline.js";
import { DepartmentDictionary } from "./departments.js";
import { loadError, type LoadError } from "./errors.js";
import { parseResponsibility, ROLE_WORDS, type Role } from "./responsibility.js";
import {
  TASK_TABLE_FILES,
  type CorrectionRow,
  type DepartmentRow,
  type Policy,
  type TaskRow,
  type TargetRow,
  type AdjustmentRow,
} from "./schemas.js";
import { chineseOrdinal, normalizeName, normalizeProse, splitList } from "./text.js";

/** The resolved task table of one policy, ready to insert into the warehouse. */
export type TaskTable = {
  policy: Policy & { input_sha256: string };
  chapters: { policy_id: string; chapter_id: string; chapter_no: number; title: string; source_line: string }[];
  items: {
    policy_id: string; item_id: string; item_no: number; item_label: string; chapter_id: string; title: string;
    body_text: string; body_text_verbatim: string; body_departments_text: string; source_lines: string;
  }[];
  tasks: {
    policy_id: string; task_id: string; row_no: number; item_id: string; title: string; content: string;
    content_verbatim: string; seq_cell: string; chapter_cell: string; title_cell: string;
    lead_departments_text: string; coop_departments_text: string; lead_persons_text: string; coop_persons_text: string;
    deadline_text: string; deadline_date: string | null; deadline_rule: string; source_line: string; deadline_continues: string | null;
  }[];
  corrections: {
    policy_id: string; task_id: string; row_no: number; field: string; verbatim: string; corrected: string;
    kind: string; source: string; note: string;
  }[];
  departments: {
    policy_id: string; department_id: string; code: string; name: string; full_name: string; kind: string;
    is_group: boolean; in_document: boolean; note: string;
  }[];
  departmentAliases: { policy_id: string; department_id: string; alias: string }[];
  groupMembers: { policy_id: string; group_id: string; member_id: string; status: string; note: string }[];
  persons: {
    policy_id: string; person_id: string; code: string; name: string; department_id: string | null; status: string;
    basis: string; note: string;
  }[];
  taskDepartments: {
    policy_id: string; task_id: string; department_id: string; role: Role; source: "annex" | "body";
    mention: string; position: number; accountable: boolean;
  }[];
  /** Departments written among the cooperators of a row they lead: counted as leading it only (said at build). */
  leadAlsoCooperating: { row_no: number; mention: string }[];
  itemDepartments: { policy_id: string; item_id: string; department_id: string; role: Role; mention: string; position: number }[];
  taskPersons: { policy_id: string; task_id: string; person_id: string; role: Role; position: number; mention: string }[];
  targets: (Omit<TargetRow, "reporting_departments"> & { policy_id: string; target_id: string; task_id: string; item_id: string; reporting_override: boolean })[];
  targetReporters: { policy_id: string; target_id: string; department_id: string; position: number }[];
  targetAdjustments: (AdjustmentRow & { policy_id: string; target_id: string; seq: number })[];
};

export type TaskTableResult = { table: TaskTable | null; errors: LoadError[] };

export const ids = {
  chapter: (policy: string, no: number) => `${policy}.c${String(no).padStart(2, "0")}`,
  item: (policy: string, no: number) => `${policy}.i${String(no).padStart(2, "0")}`,
  task: (policy: string, no: number) => `${policy}.r${String(no).padStart(2, "0")}`,
  department: (policy: string, code: string) => `${policy}.${code}`,
  person: (policy: string, code: string) => `${policy}.${code}`,
};

/** A role word written after a department's name (市经信局牵头): see ROLE_WORDS. */
const ROLE_SUFFIX = new RegExp(`(?:${Object.keys(ROLE_WORDS).join("|")})$`);
/** A cell that names no department of its own: 县发改局等按职责分工负责, 各有关部门, 相关单位. */
const UNNAMED_DEPARTMENTS = /等(?:有关|相关)?(?:部门|单位)?(?:按|根据|依据)?(?:职责|分工|负责|落实|$)|按(?:照)?职责|^(?:各|其他)?(?:有关|相关)(?:部门|单位)$/;

const CELL_FIELDS = ["seq_cell", "chapter_cell", "title_cell", "content", "lead_departments", "coop_departments", "lead_persons", "coop_persons", "deadline_text"] as const;
type CellField = (typeof CELL_FIELDS)[number];

/** Reads, validates and resolves one policy directory (`data/policies/<policy_id>/`). All errors are collected. */
/**
 * Why a target's span no longer points at its text, and what to do: the text found elsewhere (new offsets to write),
 * or what stands there now (the source was edited: a changed figure is a new target, a published code never changes
 * meaning).
 */
function spanHint(source: string, text: string, start: number | null, end: number | null, prefix: "annex" | "body"): string {
  const at = source.indexOf(text);
  // (not when it is now part of a longer number: 200家 inside 1200家 after 1 200家 was corrected)
  const inNumber = at >= 0 && /^[\d.]/.test(text) && /[\d.]/.test(source[at - 1] ?? "");
  if (at >= 0 && source.indexOf(text, at + 1) < 0 && !inNumber) return `：这段文字现在在 ${at}–${at + text.length} 处，请把 ${prefix}_start、${prefix}_end 改为 ${at}、${at + text.length}`;
  const now = source.slice(start ?? 0, end ?? 0);
  return `：该处现在是“${now}”，原文已改动。若指标的数值或含义变了，请把该指标的 status 改为 retired，再运行 luoshi targets --write 为改动后的指标生成新编码（已发布的编码不改变含义）；若只是改正错字，请同时改 ${prefix}_text、${prefix}_start、${prefix}_end`;
}

export function readTaskTable(dir: string, displayRoot = "data/policies"): TaskTableResult {
  const policyDir = basename(dir);
  const name = (file: string) => `${displayRoot}/${policyDir}/${file}`;
  const errors: LoadError[] = [];
  /** The rows each file rejected, as written: what refers to them is not reported again as unknown. */
  const rejected = new Map<string, Record<string, string>[]>();
  const read = <S extends z.ZodObject>(spec: { file: string; schema: S }) => {
    const result = readCsv(join(dir, spec.file), name(spec.file), spec.schema);
    errors.push(...result.errors);
    rejected.set(spec.file, result.rejected.map((r) => r.data));
    return result.rows;
  };
  const policyRows = read(TASK_TABLE_FILES.policy);
  const chapterRows = read(TASK_TABLE_FILES.chapters);
  const itemRows = read(TASK_TABLE_FILES.items);
  const taskRows = read(TASK_TABLE_FILES.tasks);
  const correctionRows = read(TASK_TABLE_FILES.corrections);
  const departmentRows = read(TASK_TABLE_FILES.departments);
  const memberRows = existsSync(join(dir, TASK_TABLE_FILES.groupMembers.file)) ? read(TASK_TABLE_FILES.groupMembers) : [];
  const personRows = read(TASK_TABLE_FILES.persons);
  const targetRows = existsSync(join(dir, TASK_TABLE_FILES.targets.file)) ? read(TASK_TABLE_FILES.targets) : [];
  const adjustmentRows = existsSync(join(dir, TASK_TABLE_FILES.adjustments.file)) ? read(TASK_TABLE_FILES.adjustments) : [];

  // A file that could not be read at all (missing, undecodable, a column missing) would only cause a cascade of
  // follow-on errors in the files that refer to it (every department "unknown"): report the file errors alone.
  const fileLevel = errors.filter((e) => e.code === "E_FILE_MISSING" || e.code === "E_FILE_UNREADABLE" || e.code === "E_MISSING_COLUMN");
  if (fileLevel.length > 0) return { table: null, errors: fileLevel };
  const policyRow = policyRows[0];
  if (policyRows.length !== 1 || !policyRow) {
    if (!errors.some((e) => e.file === name("policy.csv"))) {
      // (a folder holds one policy: a second row is another policy's, which needs a folder of its own)
      const extra = policyRows[1];
      errors.push(extra
        ? loadError("E_BAD_VALUE", name("policy.csv"), extra.row, "policy_id", "policy.csv 只能有一行（一个目录一份政策）；另一份政策请另建目录 data/policies/<政策编号>/", extra.data.policy_id)
        : loadError("E_REQUIRED", name("policy.csv"), 2, "policy_id", "policy.csv 没有数据行：表头下须有一行，写明这份政策"));
    }
    return { table: null, errors };
  }
  const policy = policyRow.data;
  const pid = policy.policy_id;
  if (pid !== policyDir) {
    errors.push(loadError("E_POLICY_MISMATCH", name("policy.csv"), policyRow.row, "policy_id", `目录名为「${policyDir}」`, pid));
  }
  // a document is published on or after the day it is issued (成文日期 → 发布日期): the two swapped?
  if (policy.end_date && policy.end_date < policy.issued_date) {
    errors.push(loadError("E_BAD_VALUE", name("policy.csv"), policyRow.row, "end_date", `实施期限 end_date ${policy.end_date} 早于发文日期 issued_date ${policy.issued_date}`, policy.end_date));
  }
  if (policy.published_date && policy.published_date < policy.issued_date) {
    errors.push(loadError("E_BAD_VALUE", name("policy.csv"), policyRow.row, "published_date", `发布日期 ${policy.published_date} 早于发文日期 issued_date ${policy.issued_date}：两者是否填反了？`, policy.published_date));
  }

  const unique = <T>(rows: Numbered<T>[], file: string, column: string, key: (t: T) => string | number) => {
    const seen = new Map<string | number, number>();
    for (const r of rows) {
      const k = key(r.data);
      const first = seen.get(k);
      if (first !== undefined) errors.push(loadError("E_DUPLICATE_ID", name(file), r.row, column, `与第 ${first} 行重复`, String(k)));
      else seen.set(k, r.row);
    }
    return seen;
  };
  const chapterNos = unique(chapterRows, "chapters.csv", "chapter_no", (c) => c.chapter_no);
  const itemNos = unique(itemRows, "items.csv", "item_no", (i) => i.item_no);
  unique(taskRows, "tasks.csv", "row_no", (t) => t.row_no);
  unique(departmentRows, "departments.csv", "code", (d) => d.code);
  unique(personRows, "persons.csv", "code", (p) => p.code);
  unique(personRows, "persons.csv", "name", (p) => normalizeName(p.name));
  unique(correctionRows, "corrections.csv", "row_no+field", (c) => `${c.row_no}/${c.field}`);

  for (const item of itemRows) {
    if (!chapterNos.has(item.data.chapter_no))
      errors.push(loadError("E_UNKNOWN_REFERENCE", name("items.csv"), item.row, "chapter_no", "章节不存在", String(item.data.chapter_no)));
  }
  for (const task of taskRows) {
    if (!itemNos.has(task.data.item_no))
      errors.push(loadError("E_UNKNOWN_REFERENCE", name("tasks.csv"), task.row, "item_no", "条目不存在（items.csv 中没有这个 item_no）", String(task.data.item_no)));
  }

  // department dictionary
  const dictionary = new DepartmentDictionary(departmentRows.map((d) => d.data));
  for (const dup of dictionary.duplicates) {
    const row = departmentRows.find((d) => d.data.code === dup.codes[1]);
    errors.push(loadError("E_DUPLICATE_ALIAS", name("departments.csv"), row?.row ?? null, "aliases", `「${dup.name}」同时指向 ${dup.codes.join(" 和 ")}`, dup.name));
  }
  const byCode = new Map(departmentRows.map((d) => [d.data.code, d.data]));
  for (const m of memberRows) {
    for (const column of ["group_code", "member_code"] as const) {
      if (!byCode.has(m.data[column])) {
        errors.push(loadError("E_UNKNOWN_DEPARTMENT", name("group_members.csv"), m.row, column,
          `departments.csv 中没有编码为「${m.data[column]}」的部门（此列填 departments.csv 的 code 列）`, m.data[column]));
      }
    }
    if (byCode.get(m.data.group_code)?.kind !== "group" && byCode.has(m.data.group_code))
      errors.push(loadError("E_BAD_VALUE", name("group_members.csv"), m.row, "group_code", "该部门不是部门组（kind=group）", m.data.group_code));
  }

  // persons
  const personByName = new Map<string, (typeof personRows)[number]["data"]>();
  for (const p of personRows) {
    personByName.set(normalizeName(p.data.name), p.data);
    if (p.data.department !== "" && !dictionary.lookup(p.data.department))
      errors.push(loadError("E_UNKNOWN_DEPARTMENT", name("persons.csv"), p.row, "department", `「${p.data.department}」`, p.data.department));
    if (p.data.status !== "unresolved" && p.data.department === "")
      errors.push(loadError("E_REQUIRED", name("persons.csv"), p.row, "department", "已识别的责任人须填写所属部门"));
  }

  // corrections: verbatim must match the table, then the corrected value replaces the cell
  const tasksByRow = new Map(taskRows.map((t) => [t.data.row_no, t]));
  const corrected = new Map<number, TaskRow>(taskRows.map((t) => [t.data.row_no, { ...t.data }]));
  const openGaps = new Set<string>();
  for (const c of correctionRows) {
    const task = tasksByRow.get(c.data.row_no);
    if (!task) {
      errors.push(loadError("E_UNKNOWN_REFERENCE", name("corrections.csv"), c.row, "row_no", "任务行不存在", String(c.data.row_no)));
      continue;
    }
    const field = c.data.field as CellField;
    // a correction replaces the whole cell, or one passage of it that occurs exactly once
    const cell = task.data[field];
    // an empty cell filled in is a gap (gap_filled from the body, or gap_open): the site says where the words came from
    // (still applied, so that nothing follows from the cell left empty)
    if (cell.trim() === "" && c.data.corrected.trim() !== "" && c.data.kind !== "gap_filled" && c.data.kind !== "gap_open") {
      errors.push(loadError("E_BAD_VALUE", name("corrections.csv"), c.row, "kind", `tasks.csv 第 ${task.row} 行（附件第 ${task.data.row_no} 行）「${field}」原文为空：补上的内容请登记为 gap_filled（据正文或其他依据补齐，source 写明依据）`, c.data.kind));
    }
    const occurrences = c.data.verbatim === "" ? 0 : cell.split(c.data.verbatim).length - 1;
    if (cell === c.data.verbatim) corrected.get(c.data.row_no)![field] = c.data.corrected;
    else if (occurrences === 1) corrected.get(c.data.row_no)![field] = cell.replace(c.data.verbatim, () => c.data.corrected);
    else {
      errors.push(loadError("E_CORRECTION_MISMATCH", name("corrections.csv"), c.row, "verbatim", `tasks.csv 第 ${task.row} 行（附件第 ${task.data.row_no} 行）「${field}」为 ${JSON.stringify(cell)}，原文须与整格相同或在格中恰好出现一次`, c.data.verbatim));
      continue;
    }
    if (c.data.kind === "gap_open") openGaps.add(`${c.data.row_no}/${field}`);
  }
  const correctionFor = (rowNo: number, field: CellField): CorrectionRow | undefined =>
    correctionRows.find((c) => c.data.row_no === rowNo && c.data.field === field)?.data;

  const table: TaskTable = {
    policy: { ...policy, input_sha256: hashDirectory(dir) },
    chapters: chapterRows.map(({ data: c }) => ({
      policy_id: pid, chapter_id: ids.chapter(pid, c.chapter_no), chapter_no: c.chapter_no, title: normalizeProse(c.title), source_line: c.source_line,
    })),
    items: itemRows.map(({ data: i }) => ({
      policy_id: pid, item_id: ids.item(pid, i.item_no), item_no: i.item_no, item_label: i.label || `(${chineseOrdinal(i.item_no)})`,
      chapter_id: ids.chapter(pid, i.chapter_no), title: normalizeProse(i.title), body_text: normalizeProse(i.body_text),
      body_text_verbatim: i.body_text, body_departments_text: normalizeProse(i.body_departments), source_lines: i.source_lines,
    })),
    tasks: [],
    corrections: correctionRows.map(({ data: c }) => ({ policy_id: pid, task_id: ids.task(pid, c.row_no), ...c })),
    departments: departmentRows.map(({ data: d }) => ({
      policy_id: pid, department_id: ids.department(pid, d.code), code: d.code, name: normalizeName(d.name),
      full_name: normalizeName(d.full_name), kind: d.kind, is_group: d.kind === "group", in_document: d.in_document, note: d.note,
    })),
    departmentAliases: departmentRows.flatMap(({ data: d }) =>
      splitList(d.aliases).map((alias) => ({ policy_id: pid, department_id: ids.department(pid, d.code), alias })),
    ),
    groupMembers: memberRows.map(({ data: m }) => ({
      policy_id: pid, group_id: ids.department(pid, m.group_code), member_id: ids.department(pid, m.member_code), status: m.status, note: m.note,
    })),
    persons: personRows.map(({ data: p }) => ({
      policy_id: pid, person_id: ids.person(pid, p.code), code: p.code, name: normalizeName(p.name),
      department_id: p.department === "" ? null : (() => { const d = dictionary.lookup(p.department); return d ? ids.department(pid, d.code) : null; })(),
      status: p.status, basis: p.basis, note: p.note,
    })),
    taskDepartments: [],
    leadAlsoCooperating: [],
    itemDepartments: [],
    taskPersons: [],
    targets: [],
    targetReporters: [],
    targetAdjustments: [],
  };

  const itemTaskCount = new Map<number, number>();
  for (const t of taskRows) itemTaskCount.set(t.data.item_no, (itemTaskCount.get(t.data.item_no) ?? 0) + 1);

  // body responsibility brackets belong to the item
  const bodyByItem = new Map<number, TaskTable["itemDepartments"]>();
  for (const { row, data: i } of itemRows) {
    const mentions = parseResponsibility(i.body_departments, dictionary);
    const list: TaskTable["itemDepartments"] = [];
    for (const m of mentions) {
      if (!m.department) {
        errors.push(loadError("E_UNKNOWN_DEPARTMENT", name("items.csv"), row, "body_departments", `「${m.text}」不在部门字典中`, m.text));
        continue;
      }
      list.push({ policy_id: pid, item_id: ids.item(pid, i.item_no), department_id: ids.department(pid, m.department.code), role: m.role, mention: m.text, position: m.position });
    }
    bodyByItem.set(i.item_no, list);
    table.itemDepartments.push(...list);
  }

  for (const { row, data: raw } of taskRows) {
    const t = corrected.get(raw.row_no)!;
    const taskId = ids.task(pid, t.row_no);
    const gapFilled = (field: CellField) => correctionFor(t.row_no, field)?.kind === "gap_filled";
    // departments of the annex cells
    const roleCells: [Role, "lead_departments" | "coop_departments"][] = [["lead", "lead_departments"], ["coop", "coop_departments"]];
    for (const [role, field] of roleCells) {
      splitList(t[field]).forEach((mention, index) => {
        const resolved = dictionary.resolve(mention);
        if (!resolved) {
          // 「市经信局牵头，市科技局配合」 copied into one cell: the roles are written, not yet split into the two columns
          const role = ROLE_SUFFIX.exec(mention);
          const named = role ? dictionary.resolve(mention.slice(0, -role[0].length)) : null;
          errors.push(loadError("E_UNKNOWN_DEPARTMENT", name("tasks.csv"), row, field, named && role
            ? `「${mention}」带有分工词“${role[0]}”：附件中“某部门牵头，某部门配合”写在一格时，请按分工拆开——牵头部门填入 lead_departments，配合部门填入 coop_departments，只写部门名称`
            : UNNAMED_DEPARTMENTS.test(mention)
              ? `「${mention}」没有写出是哪些部门：请在 corrections.csv 中为第 ${t.row_no} 行的 ${field} 登记一条 gap_filled 更正，verbatim 照录「${mention}」，corrected 写出负责的各部门（用“、”分隔，名称须在部门字典中），source 写明依据（如正文或分工方案）`
              : `「${mention}」不在部门字典中`, mention));
          return;
        }
        for (const d of resolved) {
          // (a department written as a cooperator of a row it leads: it leads it, once — said at build, leadAlsoCooperating)
          if (role === "coop" && table.taskDepartments.some((x) => x.task_id === taskId && x.role === "lead" && x.department_id === ids.department(pid, d.code))) {
            table.leadAlsoCooperating.push({ row_no: t.row_no, mention });
            continue;
          }
          table.taskDepartments.push({
            policy_id: pid, task_id: taskId, department_id: ids.department(pid, d.code), role,
            source: gapFilled(field) ? "body" : "annex", mention, position: index + 1, accountable: true,
          });
        }
      });
    }
    // an item with a single annex row: its body departments are that row's too (source body)
    if (itemTaskCount.get(t.item_no) === 1) {
      for (const b of bodyByItem.get(t.item_no) ?? []) {
        const already = table.taskDepartments.some((d) => d.task_id === taskId && d.department_id === b.department_id && d.role === b.role && d.source === "body");
        if (!already)
          table.taskDepartments.push({ policy_id: pid, task_id: taskId, department_id: b.department_id, role: b.role, source: "body", mention: b.mention, position: b.position, accountable: false });
      }
    }
    if (splitList(t.lead_departments).length === 0 && !openGaps.has(`${t.row_no}/lead_departments`))
      errors.push(loadError("E_MISSING_LEAD", name("tasks.csv"), row, "lead_departments", "牵头部门为空；如确属原文缺失，请在 corrections.csv 中登记 gap_open 或据正文补齐 gap_filled"));
    // persons
    const personCells: [Role, "lead_persons" | "coop_persons"][] = [["lead", "lead_persons"], ["coop", "coop_persons"]];
    for (const [role, field] of personCells) {
      splitList(t[field], true).forEach((mention, index) => {
        const person = personByName.get(normalizeName(mention));
        if (!person) {
          errors.push(loadError("E_UNKNOWN_PERSON", name("tasks.csv"), row, field, `「${mention}」不在 persons.csv 中`, mention));
          return;
        }
        table.taskPersons.push({ policy_id: pid, task_id: taskId, person_id: ids.person(pid, person.code), role, position: index + 1, mention });
      });
    }
    // deadline
    let deadlineDate: string | null = null;
    let deadlineRule = "open";
    let deadlineContinues: string | null = null;
    if (t.deadline_date !== null) {
      deadlineDate = t.deadline_date;
      deadlineRule = "explicit";
    } else if (t.deadline_text.trim() !== "") {
      const parsed = parseDeadline(t.deadline_text, policy.issued_date, policy.end_date);
      if (parsed) {
        deadlineDate = parsed.date;
        deadlineRule = parsed.rule;
        deadlineContinues = parsed.continues ?? null;
      } else errors.push(loadError("E_BAD_DEADLINE", name("tasks.csv"), row, "deadline_text", badDeadlineHint(t.deadline_text, policy.issued_date), t.deadline_text));
    } else if (!openGaps.has(`${t.row_no}/deadline_text`)) {
      errors.push(loadError("E_MISSING_DEADLINE", name("tasks.csv"), row, "deadline_text", "完成时限为空；如确属原文缺失，请在 corrections.csv 中登记 gap_open"));
    }
    // a deadline before the policy was issued: a typo, or 「6月30日前」 of a policy issued in September (read in its year)
    if (deadlineDate !== null && deadlineDate < policy.issued_date) {
      const explicit = t.deadline_date !== null;
      errors.push(loadError("E_DEADLINE_BEFORE_ISSUE", name("tasks.csv"), row, explicit ? "deadline_date" : "deadline_text",
        `完成时限 ${deadlineDate} 早于发文日期 ${policy.issued_date}（policy.csv）` +
          (explicit ? "：请核对"
            // (a text that names its year: 2018年3月底前 is no month of the issuing year to read otherwise)
            : /(?:19|20)\d{2}\s*年/.test(t.deadline_text) ? `：「${t.deadline_text}」写明了年份，请核对它与 policy.csv 的发文日期（issued_date）哪一个有误`
            : `：「${t.deadline_text}」按发文当年换算；如指次年，请在 deadline_date 中写明日期`), explicit ? deadlineDate : t.deadline_text));
    }
    const item = itemRows.find((i) => i.data.item_no === t.item_no)?.data;
    table.tasks.push({
      policy_id: pid, task_id: taskId, row_no: t.row_no, item_id: ids.item(pid, t.item_no),
      title: normalizeProse(t.title_cell) || normalizeProse(item?.title ?? ""),
      content: normalizeProse(t.content), content_verbatim: raw.content, seq_cell: t.seq_cell, chapter_cell: normalizeProse(t.chapter_cell),
      title_cell: normalizeProse(t.title_cell), lead_departments_text: splitList(t.lead_departments).join("、"),
      coop_departments_text: splitList(t.coop_departments).join("、"), lead_persons_text: splitList(t.lead_persons, true).join(" "),
      coop_persons_text: splitList(t.coop_persons, true).join(" "), deadline_text: normalizeName(t.deadline_text),
      deadline_date: deadlineDate, deadline_rule: deadlineRule, source_line: t.source_line, deadline_continues: deadlineContinues,
    });
  }
  // the registry is checked against a valid task table only (a rejected row would make every target on it an error too)
  if (errors.length === 0) readTargets(table, targetRows, adjustmentRows, dictionary, name, errors);
  const reported = withoutFollowOnErrors(errors, rejected).map((e) => withAnnexRow(e, name("tasks.csv"), taskRows));
  return { table: reported.length === 0 ? table : null, errors: reported };
}

/**
 * An error on a line of tasks.csv also names the annex row it holds (附件第 N 行, as targets --check and the site
 * number rows): the file's line is the header's line + 1 onwards, never the row_no itself.
 */
function withAnnexRow(e: LoadError, tasksFile: string, taskRows: readonly { row: number; data: { row_no: number } }[]): LoadError {
  if (e.file !== tasksFile || e.row === null) return e;
  const rowNo = taskRows.find((t) => t.row === e.row)?.data.row_no;
  if (rowNo === undefined) return e;
  const at = e.message.indexOf("：");
  return { ...e, message: at === -1 ? `${e.message}（附件第 ${rowNo} 行）` : `${e.message.slice(0, at)}（附件第 ${rowNo} 行）${e.message.slice(at)}` };
}

/** Validates the target registry against the resolved task table: rows, codes, spans and reporting departments. */
function readTargets(
  table: TaskTable,
  targetRows: Numbered<TargetRow>[],
  adjustmentRows: Numbered<AdjustmentRow>[],
  dictionary: DepartmentDictionary,
  name: (file: string) => string,
  errors: LoadError[],
): void {
  const pid = table.policy.policy_id;
  const file = name("targets.csv");
  const seen = new Map<string, number>();
  const tasks = new Map(table.tasks.map((t) => [t.row_no, t]));
  const items = new Map(table.items.map((i) => [i.item_id, i]));
  for (const { row, data: t } of targetRows) {
    const first = seen.get(t.code);
    if (first !== undefined) errors.push(loadError("E_DUPLICATE_ID", file, row, "code", `与第 ${first} 行重复`, t.code));
    seen.set(t.code, row);
    if (!t.code.startsWith(`${table.policy.target_prefix}-`))
      errors.push(loadError("E_BAD_VALUE", file, row, "code", `指标编码须以本政策的前缀「${table.policy.target_prefix}-」开头`, t.code));
    const task = tasks.get(t.row_no);
    if (!task) {
      errors.push(loadError("E_UNKNOWN_REFERENCE", file, row, "row_no", "任务行不存在", String(t.row_no)));
      continue;
    }
    if (t.kind === "quantity" && t.value === null) errors.push(loadError("E_REQUIRED", file, row, "value", "数量指标须有目标值"));
    // the spans of a published target must still point at the text they were taken from
    // (a retired target keeps the spans it was read from: the text may have been edited since)
    if (t.status === "published" && t.annex_text !== "" && task.content.slice(t.annex_start ?? 0, t.annex_end ?? 0) !== t.annex_text)
      errors.push(loadError("E_BAD_VALUE", file, row, "annex_text", `第 ${t.row_no} 行内容在 ${t.annex_start}–${t.annex_end} 处不是这段文字${spanHint(task.content, t.annex_text, t.annex_start, t.annex_end, "annex")}`, t.annex_text));
    const item = items.get(task.item_id)!;
    const bodySource = t.body_source === "title" ? item.title : item.body_text;
    if (t.status === "published" && t.body_source !== "" && bodySource.slice(t.body_start ?? 0, t.body_end ?? 0) !== t.body_text)
      errors.push(loadError("E_BAD_VALUE", file, row, "body_text", `条目${item.item_label}${t.body_source === "title" ? "标题" : "正文"}在 ${t.body_start}–${t.body_end} 处不是这段文字${spanHint(bodySource, t.body_text, t.body_start, t.body_end, "body")}`, t.body_text));
    const targetId = `${pid}.${t.code}`;
    const override = splitList(t.reporting_departments);
    const reporters: string[] = [];
    for (const mention of override) {
      const d = dictionary.resolve(mention);
      if (!d) errors.push(loadError("E_UNKNOWN_DEPARTMENT", file, row, "reporting_departments", `「${mention}」不在部门字典中`, mention));
      else reporters.push(...d.map((x) => ids.department(pid, x.code)));
    }
    if (override.length === 0) {
      // by default the row's first-named lead department reports one consolidated figure for all its co-leads
      const first = table.taskDepartments
        .filter((d) => d.task_id === task.task_id && d.role === "lead" && d.accountable)
        .sort((a, b) => a.position - b.position)[0];
      if (first) reporters.push(first.department_id);
    }
    const { reporting_departments: _unused, ...rest } = t;
    table.targets.push({ ...rest, policy_id: pid, target_id: targetId, task_id: task.task_id, item_id: task.item_id, reporting_override: override.length > 0 });
    [...new Set(reporters)].forEach((department_id, i) => table.targetReporters.push({ policy_id: pid, target_id: targetId, department_id, position: i + 1 }));
  }
  const adjustmentFile = name("target_adjustments.csv");
  const seq = new Map<string, number>();
  for (const { row, data: a } of adjustmentRows) {
    if (!seen.has(a.code)) {
      errors.push(loadError("E_UNKNOWN_REFERENCE", adjustmentFile, row, "code", "指标编码不在 targets.csv 中", a.code));
      continue;
    }
    const n = (seq.get(a.code) ?? 0) + 1;
    seq.set(a.code, n);
    table.targetAdjustments.push({ ...a, policy_id: pid, target_id: `${pid}.${a.code}`, seq: n });
  }
}

function hashDirectory(dir: string): string {
  const hash = createHash("sha256");
  for (const spec of Object.values(TASK_TABLE_FILES)) {
    const path = join(dir, spec.file);
    hash.update(spec.file);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  return hash.digest("hex");
}

export type { DepartmentRow };

/**
 * The errors without those that only follow from a rejected row: a department, person, chapter, item or task row
 * whose own row was rejected (a bad kind, a bad status…) is not in the dictionary, so every mention of it elsewhere
 * would be reported as unknown too. Its own error is reported; the mentions are checked again once it is fixed. So
 * too the names in the OCR text a rejected correction was to replace.
 */
function withoutFollowOnErrors(errors: LoadError[], rejected: Map<string, Record<string, string>[]>): LoadError[] {
  const cells = (file: string, ...columns: string[]) =>
    new Set((rejected.get(file) ?? []).flatMap((r) => columns.flatMap((c) => (r[c] ?? "").split("|").map((v) => v.trim()).filter((v) => v !== ""))));
  const departments = cells("departments.csv", "code", "name", "full_name", "aliases");
  const persons = cells("persons.csv", "name");
  const references: Record<string, Set<string>> = {
    chapter_no: cells("chapters.csv", "chapter_no"),
    item_no: cells("items.csv", "item_no"),
    row_no: cells("tasks.csv", "row_no"),
  };
  // (a correction rejected, its OCR text left in the cell: the names read from that text are not reported again)
  const squeeze = (t: string) => t.replace(/\s+/g, "");
  const uncorrected = (rejected.get("corrections.csv") ?? []).filter((c) => (c.verbatim ?? "").trim() !== "");
  const inUncorrected = (e: LoadError) => uncorrected.some((c) => c.field === e.column && squeeze(c.verbatim!).includes(squeeze(e.value ?? "\u0000")));
  return errors.filter((e) => {
    const v = e.value ?? "";
    if ((e.code === "E_UNKNOWN_DEPARTMENT" || e.code === "E_UNKNOWN_PERSON") && inUncorrected(e)) return false;
    if (e.code === "E_UNKNOWN_DEPARTMENT") return !departments.has(v);
    if (e.code === "E_UNKNOWN_PERSON") return !persons.has(v);
    if (e.code === "E_UNKNOWN_REFERENCE" && e.column !== null && e.column in references) return !references[e.column]!.has(v);
    return true;
  });
}

/** What to write instead of a deadline phrase parseDeadline cannot read: 9月前 is read two ways, so it is asked about. */
function badDeadlineHint(text: string, policyDate: string): string {
  // (in any clause: 年内完成，9月前启动)
  const month = /(?:^|[，,；;])\s*(?:(\d{4})年)?(\d{1,2})月(?:份)?(?:以前|之前|前)/.exec(text.trim());
  if (month !== null && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const year = month[1] === undefined ? null : Number(month[1]);
    const n = Number(month[2]);
    const inYear = (y: number | null, m: number) => `${y === null ? "" : `${y}年`}${m}月底前`;
    const before = n > 1 ? inYear(year, n - 1) : year === null ? "上年12月底前" : inYear(year - 1, 12);
    const by = inYear(year, n);
    const phrase = month[0].replace(/^[，,；;]\s*/, "");
    return `“${phrase}”既可理解为${before}，也可理解为${by}：请写明“${before}”或“${by}”，或填写 deadline_date`;
  }
  const dotted = DROPPED_ZERO_MONTH.exec(text.trim());
  if (dotted !== null) return `“${dotted[0]}”可能是“${dotted[1]}.10”（Excel 把它当作数字存入时去掉了末尾的 0），也可能是 1 月：请写成“${dotted[1]}年1月底前”或“${dotted[1]}年10月底前”，或填写 deadline_date`;
  // (a day the month does not have: 6月31日, 2月30日)
  const day = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]/.exec(text);
  if (day !== null) {
    const [m, d] = [Number(day[2]), Number(day[3])];
    const days = m >= 1 && m <= 12 ? new Date(Date.UTC(day[1] === undefined ? 2001 : Number(day[1]), m, 0)).getUTCDate() : 0;
    if (days === 0) return `“${day[0]}”中的月份不存在：请改正，或填写 deadline_date`;
    if (d < 1 || d > days) return `“${day[0]}”这一天不存在（${m}月只有 ${days} 天）：多半是指月底（${day[1] ?? ""}${day[1] ? "年" : ""}${m}月底前），请改正，或填写 deadline_date`;
  }
  // (several clauses, some read: the ones that are not)
  const clauses = text.split(/[，,；;]/).map((c) => c.trim()).filter((c) => c !== "");
  const unread = clauses.filter((c) => parseDeadline(c, policyDate) === null);
  const which = clauses.length > 1 && unread.length < clauses.length ? `其中${unread.map((c) => `“${c}”`).join("、")}读不出时限（其余部分可以读出）；` : "";
  return `${which}请写成“年内”“10月底前”“三年内”“2018年6月底前”“2019年12月31日前”“2019-2020年”“长期”“每季度”等（后面可带动词，如“年底前全面完成”），或填写 deadline_date`;
}
