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
