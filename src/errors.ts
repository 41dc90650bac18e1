/** Errors are data: every rejection names the file, row, column, a stable code and a Chinese message. */

export const ERROR_CODES = {
  E_FILE_MISSING: "文件不存在",
  E_FILE_UNREADABLE: "文件无法读取，或不是编码可识别的 CSV",
  E_MISSING_COLUMN: "缺少必需的列",
  E_REQUIRED: "必填值为空",
  E_BAD_VALUE: "取值不符合格式",
  E_BAD_DATE: "日期无效（应为 YYYY-MM-DD）",
  E_BAD_DEADLINE: "无法识别的完成时限",
  E_DEADLINE_BEFORE_ISSUE: "完成时限早于政策发文日期",
  E_DUPLICATE_ID: "编号重复",
  E_UNKNOWN_REFERENCE: "引用的编号不存在",
  E_UNKNOWN_DEPARTMENT: "部门不在部门字典中",
  E_DUPLICATE_ALIAS: "部门名称或别名在字典中重复",
  E_UNKNOWN_PERSON: "责任人不在责任人名单中",
  E_MISSING_LEAD: "缺少牵头部门，且未登记为待补缺口",
  E_MISSING_DEADLINE: "缺少完成时限，且未登记为待补缺口",
  E_CORRECTION_MISMATCH: "更正记录的原文与表中原文不一致",
  E_POLICY_MISMATCH: "文件中的政策编号与所在目录不一致",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type LoadError = {
  code: ErrorCode;
  file: string;
  /** 1-based data row number as a spreadsheet shows it (header is row 1); null for file-level errors. */
  row: number | null;
  column: string | null;
  message: string;
  value: string | null;
};

export function loadError(
  code: ErrorCode,
  file: string,
  row: number | null,
  column: string | null,
  detail: string,
  value: string | null = null,
): LoadError {
  return { code, file, row, column, message: `${ERROR_CODES[code]}：${detail}`, value };
}

export function formatLoadError(e: LoadError): string {
  const where = [e.file, e.row === null ? null : `第 ${e.row} 行`, e.column === null ? null : `列「${e.column}」`]
    .filter(Boolean)
    .join("，");
  const value = e.value === null ? "" : `（原值：${JSON.stringify(e.value)}）`;
  return `[${e.code}] ${where}：${e.message}${value}`;
}

/** Thrown when a whole input is rejected; carries every collected error. */
export class InputRejected extends Error {
  constructor(readonly errors: LoadError[]) {
    super(`输入被拒绝，共 ${errors.length} 处错误：\n${errors.slice(0, 50).map(formatLoadError).join("\n")}`);
    this.name = "InputRejected";
  }
}
