/**
 * The rule of src/twins.ts in JavaScript, with no Node or DuckDB import: one file crediting rows of one name to
 * departments of that name in different policies (two cities' 市经信局). Used by the load (src/monthly.ts) and by the
 * browser's check (browser.ts), by the same rule and text as the query of src/twins.ts.
 */

/** A row of the file credited to one of several same-named departments the file's rows go to. */
export type Twin = { row: number; code: string; department: string; period: string; policies: string[] };

/** The review reason of a twin row. */
export function twinReason(t: Twin): string {
  return `本文件中「${t.department}」的行分属 ${t.policies.join("、")} 几份政策中全称不同的同名单位（按各行指标所属的政策认定）：` +
    `一个单位的报送文件不应含另一单位的指标，请核实这些行由谁报送`;
}

/**
 * The twin rows among `rows` (the file's accepted rows: source row, department's name, the target's policy, code,
 * period), given each department's identity (`identity(policy, name)`), in row order.
 */
export function fileTwins(
  rows: readonly { row: number; department: string; policy: string; code: string; period: string }[],
  identity: (policy: string, name: string) => string | undefined,
): Twin[] {
  const byName = new Map<string, Map<string, string>>(); // name → identity → a policy of it (the first by policy id)
  for (const r of rows) {
    const id = identity(r.policy, r.department) ?? `${r.policy}|${r.department}`;
    let ids = byName.get(r.department);
    if (ids === undefined) byName.set(r.department, (ids = new Map()));
    const known = ids.get(id);
    if (known === undefined || r.policy < known) ids.set(id, r.policy);
  }
  const policies = new Map<string, string[]>();
  for (const [name, ids] of byName) if (ids.size > 1) policies.set(name, [...new Set(ids.values())].sort());
  if (policies.size === 0) return [];
  return rows.filter((r) => policies.has(r.department)).map((r) => ({ row: r.row, code: r.code, department: r.department, period: r.period, policies: policies.get(r.department)! }))
    .sort((a, b) => a.row - b.row);
}

