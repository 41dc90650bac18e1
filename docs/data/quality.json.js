// 数据质量 page data: OCR corrections, gaps and unresolved persons.
import { emitJson } from "../../dist/src/site.js";

await emitJson(async (read) => ({
  policies: await read(`SELECT policy_id, title, doc_number FROM policies ORDER BY issued_date DESC, policy_id`),
  corrections: await read(`SELECT c.policy_id, c.task_id, c.row_no, t.item_label, c.field_label, c.kind, c.kind_label, c.verbatim, c.corrected, c.source, c.note
    FROM corrections c JOIN tasks t USING (task_id) ORDER BY c.policy_id, c.row_no, c.field`),
  persons: await read(`SELECT policy_id, name, department_name, status, basis, lead_task_count, coop_task_count, note FROM persons ORDER BY policy_id, code`),
  departments: await read(`SELECT policy_id, code, name, full_name, kind_label, aliases, in_document, note FROM departments ORDER BY policy_id, in_document DESC, code`),
}));
