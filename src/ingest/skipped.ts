/** How the rows a reader skipped are told (luoshi ingest, 报送自查): no dependencies, so the CLI loads it at start. */

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
