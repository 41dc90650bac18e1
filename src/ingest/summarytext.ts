/**
 * Parts of a file's result as luoshi ingest and 报送自查 both tell them, in the same words. No dependencies, so the
 * CLI loads it at start.
 */

/**
 * Skipped rows as a reader reads them: one entry per reason, in order of first appearance, 「第 4、6、7 行（未填写……）」;
 * `max` row numbers per reason, then 「等 40 行」.
 */
export function skippedRowsText(skipped: readonly { row: number; reason: string }[], max = 20): string {
  const byReason = new Map<string, number[]>();
  for (const s of skipped) {
    const rows = byReason.get(s.reason);
    if (rows) rows.push(s.row);
    else byReason.set(s.reason, [s.row]);
  }
  return [...byReason].map(([reason, rows]) => `第 ${rows.slice(0, max).join("、")}${rows.length > max ? ` 等 ${rows.length}` : ""} 行（${reason}）`).join("；");
}

/** The fields stated above or below the table: 「报送单位「市经信局」（第 2 行）、统计期「2017年10月」（第 1 行）」. */
export function formFieldsText(fields: readonly { column: string; text: string; row: number }[]): string {
  return fields.map((f) => `${f.column}「${f.text}」（第 ${f.row} 行）`).join("、");
}

/**
 * A hint under the rejects when several rows lack their 报送单位 or 统计期: every row (the column left empty, or the
 * value meant to be stated once above the table), or some rows of a CSV (cells merged down in the sheet it was saved
 * from keep their value on the first row only). Null when neither.
 */
export function missingKeyHint(rejects: readonly { row: number; code: string; message: string }[], rowsRead: number, format: string | null): string | null {
  const blank = new Set(rejects.filter((r) => r.code === "E_REQUIRED" && /^必填值为空：(报送单位|统计期)/.test(r.message)).map((r) => r.row)).size;
  // (every row without it: no merged cells to blame, the column was left empty)
  if (blank >= 2 && blank === rowsRead) {
    return `所有 ${blank} 行的报送单位或统计期都为空：请逐行填写；全表只有一个报送单位或统计期时，也可删去该列，写在表头上方（如“填报单位：市经信局”“统计期：2017年10月”）`;
  }
  if (format === "csv" && blank >= 2) {
    return `${blank} 行缺少报送单位或统计期。若原表中这些单元格是向下合并的，另存为 CSV 后只有第一行有值：请在每一行填写，或直接提交 .xlsx 文件（合并单元格按 Excel 显示的读到每一行）`;
  }
  return null;
}
