/**
 * readMonthlyFile: one department's monthly report (CSV or .xlsx) → accepted rows and rejects. Pure: reads the
 * file (or takes its bytes) and the caller's context, touches no database. The checks themselves are in check.ts
 * (no Node built-ins, also run by the browser); this adds reading a path and the sha256.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { fileError } from "./codes.js";
import { assertAsOf, checkMonthlyBytes, type FileInfo, type MonthlyFileResult, type ReadOptions } from "./check.js";
import type { IngestContext } from "./rules.js";

export { DEFAULT_MAX_BYTES, type FileInfo, type MonthlyFileResult, type ReadOptions } from "./check.js";

export type MonthlyFileInput = string | { name: string; bytes: Uint8Array };

/** Reads and validates one monthly report. Never throws for bad input; throws only for a malformed `ctx`. */
export async function readMonthlyFile(input: MonthlyFileInput, ctx: IngestContext, options: ReadOptions = {}): Promise<MonthlyFileResult> {
  assertAsOf(ctx);
  const name = typeof input === "string" ? basename(input) : input.name;
  let bytes: Uint8Array;
  if (typeof input === "string") {
    try {
      bytes = await readFile(input);
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? `找不到 ${name}` : `${name}：${(e as Error).message}`;
      const file: FileInfo = { name, sha256: null, encoding: null, format: null, rowsRead: 0, sheet: null, otherSheets: [], sheetByMonth: false, headerRow: null, ignoredColumns: [], formFields: [], statedAbove: [], valueMonth: null, sheetMonth: null, skippedRows: [] };
      return { file, fileError: fileError("E_FILE_MISSING", reason), rows: [], rejects: [] };
    }
  } else {
    bytes = input.bytes;
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const result = await checkMonthlyBytes({ name, bytes }, ctx, options);
  return { ...result, file: { ...result.file, sha256 } };
}
