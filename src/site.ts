import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { warehousePath } from "./paths.js";
import { openCurrentWarehouse, query, setAsOf } from "./warehouse.js";

/**
 * Which departments have a page of their own (/departments/<policy>/<code>, src/sitepaths.ts): those with assignments
 * in a task table. A condition on a row with a department_id; a department that only reports (a town of a group) has
 * none, and is shown without a link.
 */
export const HAS_DEPARTMENT_PAGE = "department_id IN (SELECT department_id FROM task_assignments)";

/**
 * The policies whose figures or rejected rows come from the generator's sample files (示例-…, received by the as-of
 * date): the pages of such a policy say they show synthetic data. One column, policy_id.
 */
export const SYNTHETIC_POLICIES = `SELECT DISTINCT k.policy_id FROM receipts r JOIN (
    SELECT o.receipt_no, t.policy_id FROM raw.observations o JOIN raw.targets t USING (target_id) UNION SELECT receipt_no, policy_id FROM rejects
  ) k USING (receipt_no) WHERE r.original_name LIKE '示例%' AND k.policy_id IS NOT NULL ORDER BY 1`;

/** The last month (period) whose report is due by the as-of date (reporting_due_dates), or NULL: the pages' month columns run to it. */
export const DUE_THROUGH = "SELECT max(period) AS period FROM reporting_due_dates WHERE due_date <= (SELECT as_of FROM reporting_rules)";

export type Reader = (sql: string, params?: DuckDBValue[]) => Promise<Record<string, unknown>[]>;

/**
 * Runs a Framework data loader against the warehouse (read-only) and writes its JSON result to stdout.
 * Logs go to stderr; any error ends the process with a non-zero exit code so the site build fails loudly.
 */
export async function emitJson(build: (read: Reader, connection: DuckDBConnection) => Promise<unknown>): Promise<void> {
  try {
    const wh = await openCurrentWarehouse(warehousePath());
    try {
      await setAsOf(wh.connection, process.env.LUOSHI_AS_OF);
      const read: Reader = async (sql, params = []) => (await query(wh.connection, sql, params)).rows;
      process.stdout.write(JSON.stringify(await build(read, wh.connection)));
    } finally {
      wh.close();
    }
  } catch (e) {
    console.error(`数据加载器失败：${(e as Error).message}`);
    process.exit(1);
  }
}

/**
 * Rows as columns, for a page that gets many rows: each column an array, and the text columns named in `coded` as
 * indexes into a list of their distinct values (a calendar of 3,000 department-months: 530 kB of row objects, about
 * 60 kB this way). docs/components/columns.js turns it back into rows.
 */
export function columnar(rows: Record<string, unknown>[], coded: string[] = []): { length: number; columns: Record<string, unknown[]>; values: Record<string, unknown[]> } {
  const keys = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const columns: Record<string, unknown[]> = {};
  const values: Record<string, unknown[]> = {};
  for (const key of keys) {
    if (coded.includes(key)) {
      const index = new Map<unknown, number>();
      values[key] = [];
      columns[key] = rows.map((r) => {
        let i = index.get(r[key]);
        if (i === undefined) index.set(r[key], (i = values[key]!.push(r[key]) - 1));
        return i;
      });
    } else columns[key] = rows.map((r) => r[key]);
  }
  return { length: rows.length, columns, values };
}
