/**
 * Stable error codes of the monthly progress reader, with their Chinese meaning.
 * File-level codes reject the whole file (nothing is accepted); row-level codes reject one row and leave the others.
 * The codes are part of the contract with departments (报送指南) and the warehouse: never rename one.
 */

export const INGEST_ERROR_CODES = {
  file: {
    E_FILE_MISSING: "文件不存在或无法读取",
    E_FILE_EMPTY: "文件为空",
    E_FILE_TOO_LARGE: "文件过大",
    E_FILE_TYPE: "文件类型不支持（只接受电子表格 .xlsx、.xls、.xlsb、.ods 或 CSV 文本文件）",
    E_ENCODING: "无法识别文件编码（应为 UTF-8、UTF-16 或 GBK/GB18030）",
    E_XLSX_INVALID: "Excel 文件已损坏或无法读取",
    E_SHEET_NOT_FOUND: "找不到指定的工作表",
    E_SHEET_AMBIGUOUS: "无法确定读取哪个工作表（请指定）",
    E_CSV_STRUCTURE: "CSV 结构错误",
    E_HEADER: "表头不符合要求",
    E_NO_DATA: "表头下没有数据行",
  },
  row: {
    E_REQUIRED: "必填值为空",
    E_NOT_A_NUMBER: "不是有效的数字",
    E_NEGATIVE: "累计完成值不能为负数",
    E_UNIT_MISMATCH: "单位不一致或无法换算",
    E_BAD_PERIOD: "无法识别的统计期（应为 YYYY-MM，如 2017-10）",
    E_PERIOD_BEFORE_START: "统计期早于该指标的起算时间",
    E_PERIOD_IN_FUTURE: "统计期晚于核对日期所在月份",
    E_BAD_STATUS: "无法识别的完成状态（应为 未启动、推进中 或 已完成）",
    E_BAD_DATE: "无法识别的填报日期（应为 YYYY-MM-DD，如 2017-11-03）",
    E_DUPLICATE_KEY: "同一文件中同一报送单位、指标编码和统计期出现多次",
    E_DUPLICATE_ROW: "与同一文件中的另一行完全相同",
    E_UNKNOWN_CODE: "指标编码不存在",
    E_UNKNOWN_DEPARTMENT: "报送单位不在部门字典中",
    E_NOT_REPORTER: "该单位不是该指标的报送单位",
    E_VALUE_MISPLACED: "累计完成值为空，数填在了其他列",
    E_EXTRA_CELLS: "该行在无表头的列中有内容（可能含未加引号的逗号，如 1,234）",
    E_CSV_QUOTES: '该行的引号不成对，或进展情况、填报人以外的列中引号括起的内容后紧跟其他文字（如 "3"5）',
  },
} as const;

/**
 * Row codes that no longer reject a row: an unreadable 填报日期 is loaded without the date and flagged for review
 * (its message opens the flag's reason). Kept so that rejects stored by an earlier version still read; the 报送指南
 * lists them among the rejects only when the warehouse holds some.
 */
export const FLAG_ONLY_ROW_CODES: readonly string[] = ["E_BAD_DATE"];

export type FileErrorCode = keyof typeof INGEST_ERROR_CODES.file;
export type RowErrorCode = keyof typeof INGEST_ERROR_CODES.row;
export type IngestErrorCode = FileErrorCode | RowErrorCode;

/** A file-level rejection: nothing in the file is accepted. */
export type FileError = { code: FileErrorCode; message: string };

export function fileError(code: FileErrorCode, detail?: string): FileError {
  const base = INGEST_ERROR_CODES.file[code];
  return { code, message: detail ? `${base}：${detail}` : base };
}

/** The meaning of a code plus a detail: 「不是有效的数字：“abc”」. */
export function rowMessage(code: RowErrorCode, detail?: string): string {
  const base = INGEST_ERROR_CODES.row[code];
  return detail ? `${base}：${detail}` : base;
}

/** What a value parser returns: the parsed value, or a row-level code and its Chinese message. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: RowErrorCode; message: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T = never>(code: RowErrorCode, detail?: string): Parsed<T> => ({ ok: false, code, message: rowMessage(code, detail) });
