import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { z } from "zod";
import { ERROR_CODES, loadError, type ErrorCode, type LoadError } from "./errors.js";

export type Numbered<T> = { row: number; data: T };

/**
 * Reads a UTF-8 CSV (BOM allowed) and validates each row with a zod object schema.
 * Errors are collected per row and per column; valid rows are returned with their spreadsheet row number.
 */
export function readCsv<S extends z.ZodObject>(
  path: string,
  displayName: string,
  schema: S,
): { rows: Numbered<z.output<S>>[]; errors: LoadError[] } {
  let content: string;
  try {
    content = readFileSync(path, "utf8");
  } catch {
    return { rows: [], errors: [loadError("E_FILE_MISSING", displayName, null, null, `找不到 ${displayName}`)] };
  }
  if (content.includes("\uFFFD") || content.includes("\u0000")) {
    return { rows: [], errors: [loadError("E_FILE_UNREADABLE", displayName, null, null, "含有无法按 UTF-8 解码的字节")] };
  }
  const parsed = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  const errors: LoadError[] = [];
  const columns = Object.keys(schema.shape);
  const present = new Set(parsed.meta.fields ?? []);
  const missing = columns.filter((c) => !present.has(c));
  for (const column of missing) {
    errors.push(loadError("E_MISSING_COLUMN", displayName, 1, column, `表头缺少列「${column}」`));
  }
  if (missing.length > 0) return { rows: [], errors };
  for (const e of parsed.errors) {
    if (e.code === "TooFewFields" || e.code === "TooManyFields" || e.type === "Quotes") {
      errors.push(loadError("E_BAD_VALUE", displayName, (e.row ?? 0) + 2, null, `CSV 结构错误：${e.message}`));
    }
  }
  const rows: Numbered<z.output<S>>[] = [];
  parsed.data.forEach((raw, index) => {
    const row = index + 2;
    const input = Object.fromEntries(columns.map((c) => [c, raw[c] ?? ""]));
    const result = schema.safeParse(input);
    if (result.success) {
      rows.push({ row, data: result.data });
      return;
    }
    for (const issue of result.error.issues) {
      const column = String(issue.path[0] ?? "");
      const params = (issue as { params?: { code?: ErrorCode } }).params;
      const code: ErrorCode = params?.code ?? (input[column] === "" ? "E_REQUIRED" : "E_BAD_VALUE");
      const detail = issue.message === ERROR_CODES[code] ? `列「${column}」` : issue.message;
      errors.push(loadError(code, displayName, row, column, detail, input[column] ?? null));
    }
  });
  return { rows, errors };
}
