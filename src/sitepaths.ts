import { warehousePath } from "./paths.js";
import { openWarehouse, query } from "./warehouse.js";
import { HAS_DEPARTMENT_PAGE } from "./site.js";

/**
 * The parameterized pages of the site, read from the warehouse: one per annex row (/tasks/<policy>/r06)
 * and one per department with assignments (/departments/<policy>/<code>). Used as Framework's dynamicPaths.
 */
export async function* sitePaths(): AsyncGenerator<string> {
  let wh;
  try {
    wh = await openWarehouse(warehousePath(), { readOnly: true });
  } catch (e) {
    console.error(`[luoshi] 未生成任务页与部门页：${(e as Error).message}`);
    return;
  }
  try {
    const tasks = await query(wh.connection, "SELECT policy_id, row_no FROM tasks ORDER BY policy_id, row_no");
    for (const t of tasks.rows) yield `/tasks/${t.policy_id}/r${String(t.row_no).padStart(2, "0")}`;
    const departments = await query(
      wh.connection,
      `SELECT DISTINCT policy_id, code FROM departments WHERE ${HAS_DEPARTMENT_PAGE} ORDER BY 1, 2`,
    );
    for (const d of departments.rows) yield `/departments/${d.policy_id}/${d.code}`;
  } finally {
    wh.close();
  }
}
