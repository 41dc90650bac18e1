import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { z } from "zod";
import { ERROR_CODES, loadError, type ErrorCode, type LoadError } from "./errors.js";
import { decodeText } from "./ingest/decode.js";

export type Numbered<T> = { row: number; data: T };

/**
 * Reads a UTF-8 CSV (BOM allowed) and validates each row with a zod object schema.
 * Errors are collected per row and per column; valid rows are returned with their spreadsheet row number.
 */
export function readCsv<S extends z.ZodObject>(
  path: string,
  displayName: string,
  schema: S,
): { rows: Numbered<z.output<S>>[]; errors: LoadError[]; rejected: Numbered<Record<string, string>>[] } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return { rows: [], rejected: [], errors: [loadError("E_FILE_MISSING", displayName, null, null, `找不到 ${displayName}`)] };
  }
  // UTF-8 with or without BOM, UTF-16 with BOM, or GBK/GB18030 as Excel saves CSV on Chinese Windows: the monthly
  // reader's detection, which never guesses silently
  const decoded = bytes.length === 0 ? { text: "", encoding: "utf-8" } : decodeText(bytes);
  if ("error" in decoded) {
    // (the monthly reader's advice names .xlsx too: a task table is CSV only, so its own advice replaces it)
    const why = decoded.error.message
      .replace(/（[^（）]*\.xlsx[^（）]*）/g, "")
      .split("；").map((part) => part.split("，").filter((clause) => !clause.includes(".xlsx")).join("，")).filter((part) => part !== "").join("；");
    return { rows: [], rejected: [], errors: [loadError("E_FILE_UNREADABLE", displayName, null, null, `${why}；任务分解表只接受 CSV，请在 Excel 中“另存为 → CSV UTF-8（逗号分隔）”`)] };
  }
  // (line breaks of both kinds in one file, rows pasted from another editor: one kind, or Papa reads on the first
  // line's and runs the others' rows together)
  const parsed = Papa.parse<Record<string, string>>(decoded.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), {
    header: true,
    skipEmptyLines: "greedy",
    // Excel writes empty header cells for trailing empty columns: name them apart so Papa does not rename duplicates
    transformHeader: (h, i) => h.trim() || `（空列 ${i + 1}）`,
  });
  const errors: LoadError[] = [];
  const columns = Object.keys(schema.shape);
  const present = new Set(parsed.meta.fields ?? []);
  // (a column whose schema takes it absent, as items.csv's label, may be left out)
  const missing = columns.filter((c) => !present.has(c) && !schema.shape[c]!.safeParse(undefined).success);
  for (const column of missing) {
    errors.push(loadError("E_MISSING_COLUMN", displayName, 1, column, `表头缺少列「${column}」`));
  }
  if (missing.length > 0) return { rows: [], errors, rejected: [] };
  for (const e of parsed.errors) {
    if (e.code === "TooFewFields" || e.code === "TooManyFields" || e.type === "Quotes") {
      errors.push(loadError("E_BAD_VALUE", displayName, (e.row ?? 0) + 2, null, `CSV 结构错误：${csvProblem(e)}`));
    }
  }
  const rows: Numbered<z.output<S>>[] = [];
  const rejected: Numbered<Record<string, string>>[] = [];
  parsed.data.forEach((raw, index) => {
    const row = index + 2;
    const input = Object.fromEntries(columns.map((c) => [c, raw[c] ?? ""]));
    const result = schema.safeParse(input);
    if (result.success) {
      rows.push({ row, data: result.data });
      return;
    }
    rejected.push({ row, data: input });
    for (const issue of result.error.issues) {
      const column = String(issue.path[0] ?? "");
      const params = (issue as { params?: { code?: ErrorCode } }).params;
      const code: ErrorCode = params?.code ?? (input[column] === "" ? "E_REQUIRED" : "E_BAD_VALUE");
      const detail = issue.message === ERROR_CODES[code] ? `列「${column}」` : issueText(issue);
      errors.push(loadError(code, displayName, row, column, detail, input[column] ?? null));
    }
  });
  return { rows, errors, rejected };
}

/**
 * A zod issue in Chinese: the schema's own message when it has one (in Chinese), else what zod's built-in check
 * found, said in Chinese (zod's default messages are English: 「Invalid option: expected one of …」).
 */
export function issueText(issue: { code: string; message: string; values?: readonly unknown[]; expected?: unknown; minimum?: unknown; maximum?: unknown }): string {
  if (/[\u3400-\u9fff]/.test(issue.message)) return issue.message;
  const shown = (v: unknown) => (v === "" ? "（空）" : String(v));
  switch (issue.code) {
    case "invalid_value":
      return issue.values && issue.values.length > 0 ? `只能是 ${issue.values.map(shown).join("、")} 之一` : "取值不在允许的范围内";
    case "invalid_type":
      return `类型不对${issue.expected ? `（应为 ${String(issue.expected)}）` : ""}`;
    case "too_small":
      return `太小或太短${issue.minimum !== undefined ? `（至少 ${String(issue.minimum)}）` : ""}`;
    case "too_big":
      return `太大或太长${issue.maximum !== undefined ? `（至多 ${String(issue.maximum)}）` : ""}`;
    case "invalid_format":
      return "格式不对";
    default:
      return "取值不符合格式";
  }
}

/** A Papa parse error in Chinese: 「字段比表头多（表头 6 个，该行 7 个）」. */
function csvProblem(e: Papa.ParseError): string {
  const counts = e.message.match(/expected (\d+) fields but parsed (\d+)/);
  const detail = counts ? `（表头 ${counts[1]} 个，该行 ${counts[2]} 个）` : "";
  if (e.code === "TooManyFields") return `字段比表头多${detail}；含逗号的内容须用英文双引号括起`;
  if (e.code === "TooFewFields") return `字段比表头少${detail}`;
  return "引号不成对；含逗号或引号的内容须用英文双引号括起，内容中的引号写成两个";
}
