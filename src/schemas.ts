import { z } from "zod";
import { parseIsoDate } from "./deadline.js";

/** zod schemas of the task-table input files (one per entity, UTF-8 CSV with a header row). */

const text = z.string().transform((s) => s.trim());
const required = z.string().trim().min(1, { message: "必填值为空" });
const isoDate = z
  .string()
  .trim()
  .refine((s) => parseIsoDate(s) !== null, { message: "日期无效（应为 YYYY-MM-DD）", params: { code: "E_BAD_DATE" } });
const optionalIsoDate = z
  .string()
  .trim()
  .refine((s) => s === "" || parseIsoDate(s) !== null, { message: "日期无效（应为 YYYY-MM-DD）", params: { code: "E_BAD_DATE" } })
  .transform((s) => (s === "" ? null : s));
const positiveInt = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]*$/, { message: "应为正整数" })
  .transform(Number);
const optionalInt = z
  .string()
  .trim()
  .regex(/^([0-9]+(-[0-9]+)?)?$/, { message: "应为整数或整数范围" });
const bool = z
  .string()
  .trim()
  .regex(/^(true|false|是|否)?$/i, { message: "应为 true/false" })
  .transform((s) => s === "" || /^(true|是)$/i.test(s));
const policyId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: "政策编号只能含小写字母、数字和连字符" });
const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: "编码只能含小写字母、数字、下划线和连字符" });

export const DEPARTMENT_KINDS = {
  municipal_bureau: "市级部门",
  provincial_bureau: "省级部门",
  district_bureau: "区（县）级部门",
  village: "村（社区）",
  enterprise: "企业或事业单位",
  other: "其他",
  party_office: "党委部门",
  government_office: "政府办事机构",
  platform_centre: "平台中心",
  park_committee: "园区管委会",
  town: "镇",
  township: "乡",
  subdistrict: "街道",
  group: "部门组",
} as const;
const kinds = Object.keys(DEPARTMENT_KINDS) as [keyof typeof DEPARTMENT_KINDS, ...(keyof typeof DEPARTMENT_KINDS)[]];

export const CORRECTION_KINDS = {
  ocr_error: "OCR 错误更正",
  layout: "版式拆分还原",
  gap_filled: "缺口据正文补齐",
  gap_open: "缺口待补（保持空缺）",
} as const;
const correctionKinds = Object.keys(CORRECTION_KINDS) as [keyof typeof CORRECTION_KINDS, ...(keyof typeof CORRECTION_KINDS)[]];

export const PERSON_STATUSES = { resolved: "已识别", role: "职务", unresolved: "无法还原" } as const;

export const policySchema = z.object({
  policy_id: policyId,
  title: required,
  doc_number: text,
  issuer: text,
  issued_date: isoDate,
  published_date: optionalIsoDate,
  // the last day of the policy's term (2021—2023年 → 2023-12-31), when it has one: the end of its duties of every period
  end_date: optionalIsoDate.optional(),
  source_file: text,
  source_sha256: text,
  annex_title: text,
  target_prefix: z.string().trim().regex(/^[A-Z][A-Z0-9]{1,9}$/, { message: "指标编码前缀应为 2–10 位大写字母或数字，以字母开头" }),
  note: text,
});

export const chapterSchema = z.object({ chapter_no: positiveInt, title: required, source_line: optionalInt });

export const itemSchema = z.object({
  item_no: positiveInt,
  chapter_no: positiveInt,
  title: required,
  body_text: text,
  body_departments: text,
  source_lines: optionalInt,
  // the item's number as the document prints it, when not the running (一)(二)… of item_no (a document numbering its
  // items anew in each chapter: 二、(一)); optional column
  label: z.string().trim().max(20).optional(),
});

export const taskSchema = z.object({
  row_no: positiveInt,
  item_no: positiveInt,
  seq_cell: text,
  chapter_cell: text,
  title_cell: text,
  content: required,
  lead_departments: text,
  coop_departments: text,
  lead_persons: text,
  coop_persons: text,
  deadline_text: text,
  deadline_date: optionalIsoDate,
  source_line: optionalInt,
});

export const correctionSchema = z.object({
  row_no: positiveInt,
  field: z.enum([
    "seq_cell",
    "chapter_cell",
    "title_cell",
    "content",
    "lead_departments",
    "coop_departments",
    "lead_persons",
    "coop_persons",
    "deadline_text",
  ]),
  verbatim: z.string(),
  corrected: z.string(),
  kind: z.enum(correctionKinds),
  source: text,
  note: text,
});

export const departmentSchema = z.object({
  code,
  name: required,
  full_name: text,
  kind: z.enum(kinds),
  aliases: text,
  in_document: bool,
  note: text,
});

export const groupMemberSchema = z.object({
  group_code: code,
  member_code: code,
  status: z.enum(["confirmed", "to_confirm"]),
  note: text,
});

export const personSchema = z.object({
  code,
  name: required,
  department: text,
  status: z.enum(["resolved", "role", "unresolved"]),
  basis: text,
  note: text,
});

const optionalNumber = z
  .string()
  .trim()
  .refine((s) => s === "" || Number.isFinite(Number(s)), { message: "应为数字" })
  .transform((s) => (s === "" ? null : Number(s)));
const optionalOffset = z
  .string()
  .trim()
  .regex(/^([0-9]+)?$/, { message: "应为非负整数" })
  .transform((s) => (s === "" ? null : Number(s)));

export const TARGET_KINDS = { quantity: "数量指标", milestone: "节点任务", recurring: "常态任务" } as const;
export const COMPARATORS = { at_least: "不少于", about: "左右", reach: "达到", at_most: "不超过", exactly: "恰为" } as const;

/** The target registry (targets.csv): the parser proposes, this file holds the published codes. */
export const targetSchema = z.object({
  code: z.string().trim().regex(/^[A-Z][A-Z0-9]*-[0-9]{2,3}-[0-9]{2}$/, { message: "指标编码格式应为 前缀-行号-序号，如 CX75-06-01" }),
  status: z.enum(["published", "retired"]),
  row_no: positiveInt,
  kind: z.enum(["quantity", "milestone", "recurring"]),
  comparator: z.enum(["", "at_least", "about", "reach", "at_most", "exactly"]),
  value: optionalNumber,
  value_max: optionalNumber,
  unit: text,
  base_unit: text,
  value_base: optionalNumber,
  measure: z.enum(["", "level", "increment"]),
  horizon_text: text,
  deadline: optionalIsoDate,
  subject: required,
  frequency: text,
  attributes: text,
  counting_start: optionalIsoDate,
  baseline: optionalNumber,
  reporting_departments: text,
  annex_text: text,
  annex_start: optionalOffset,
  annex_end: optionalOffset,
  body_source: z.enum(["", "body", "title"]),
  body_text: text,
  body_start: optionalOffset,
  body_end: optionalOffset,
  note: text,
});

/** Target adjustments (target_adjustments.csv, 目标调整): a new value from a date, with the reason; history kept. */
export const adjustmentSchema = z.object({
  code: required,
  value: optionalNumber,
  value_max: optionalNumber,
  effective_date: isoDate,
  reason: required,
});

/** The files of one policy directory, with the schema each row must satisfy. */
export const TASK_TABLE_FILES = {
  policy: { file: "policy.csv", schema: policySchema },
  chapters: { file: "chapters.csv", schema: chapterSchema },
  items: { file: "items.csv", schema: itemSchema },
  tasks: { file: "tasks.csv", schema: taskSchema },
  corrections: { file: "corrections.csv", schema: correctionSchema },
  departments: { file: "departments.csv", schema: departmentSchema },
  groupMembers: { file: "group_members.csv", schema: groupMemberSchema },
  persons: { file: "persons.csv", schema: personSchema },
  targets: { file: "targets.csv", schema: targetSchema },
  adjustments: { file: "target_adjustments.csv", schema: adjustmentSchema },
} as const;

export type Policy = z.output<typeof policySchema>;
export type ChapterRow = z.output<typeof chapterSchema>;
export type ItemRow = z.output<typeof itemSchema>;
export type TaskRow = z.output<typeof taskSchema>;
export type CorrectionRow = z.output<typeof correctionSchema>;
export type DepartmentRow = z.output<typeof departmentSchema>;
export type GroupMemberRow = z.output<typeof groupMemberSchema>;
export type PersonRow = z.output<typeof personSchema>;
export type TargetRow = z.output<typeof targetSchema>;
export type AdjustmentRow = z.output<typeof adjustmentSchema>;

/**
 * data/calendar.csv: the days that are not what the weekday says (the State Council's public holidays and the
 * weekend days worked instead, 调休). A report due on a day off is due on the next working day.
 */
export const calendarDaySchema = z.object({
  date: isoDate,
  kind: z.enum(["holiday", "workday"], { message: "只能是 holiday（放假）或 workday（调休上班）" }),
  name: z.string().trim(),
});
