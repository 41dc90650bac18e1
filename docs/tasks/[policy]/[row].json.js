// Task detail data: one annex row with its item, departments, persons and corrections (--policy, --row r06).
import { parseArgs } from "node:util";
import { emitJson } from "../../../dist/src/site.js";

const { values } = parseArgs({ options: { policy: { type: "string" }, row: { type: "string" } } });
const rowNo = Number(String(values.row).replace(/^r/, ""));

await emitJson(async (read) => {
  const [task] = await read(`SELECT * EXCLUDE (content_verbatim) FROM tasks WHERE policy_id = $1 AND row_no = $2`, [values.policy, rowNo]);
  if (!task) throw new Error(`任务不存在：${values.policy} 第 ${rowNo} 行`);
  return {
    task,
    verbatim: (await read(`SELECT content_verbatim FROM tasks WHERE task_id = $1`, [task.task_id]))[0]?.content_verbatim,
    item: (await read(`SELECT item_label, title, body_text, body_departments_text, body_lead_departments, body_coop_departments, task_count FROM items WHERE item_id = $1`, [task.item_id]))[0],
    siblings: await read(`SELECT policy_id, row_no, title, content FROM tasks WHERE item_id = $1 AND task_id <> $2 ORDER BY row_no`, [task.item_id, task.task_id]),
    departments: await read(`SELECT d.department_name, d.role, d.source, d.accountable, d.mention, dep.code
      FROM task_departments d JOIN departments dep USING (department_id) WHERE d.task_id = $1 ORDER BY d.accountable DESC, d.role DESC, d.source, d.position`, [task.task_id]),
    persons: await read(`SELECT p.person_name, p.person_status, p.role, dep.name AS department_name FROM task_persons p
      LEFT JOIN departments dep USING (department_id) WHERE p.task_id = $1 ORDER BY p.role DESC, p.position`, [task.task_id]),
    corrections: await read(`SELECT field_label, kind, kind_label, verbatim, corrected, source, note FROM corrections WHERE task_id = $1 ORDER BY field`, [task.task_id]),
  };
});
