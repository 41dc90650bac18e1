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
  .refine((s) => s === "" || parseIsoDate(s) !== null, { message: "日期无效（应为 YYYY-MM-DD）", params: { code: "E_BAD_DATE" } });
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
  party_office: "党委部门",
  government_office: "政府办事机构",
  platform_centre: "平台中心",
  park_committee: "园区管委会",
  town: "镇",
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
  source_file: text,
  source_sha256: text,
  annex_title: text,
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
} as const;

export type Policy = z.output<typeof policySchema>;
export type ChapterRow = z.output<typeof chapterSchema>;
export type ItemRow = z.output<typeof itemSchema>;
export type TaskRow = z.output<typeof taskSchema>;
export type CorrectionRow = z.output<typeof correctionSchema>;
export type DepartmentRow = z.output<typeof departmentSchema>;
export type GroupMemberRow = z.output<typeof groupMemberSchema>;
export type PersonRow = z.output<typeof personSchema>;
