// 目标清单 page data: every published target with its spans, and each source text once.
import { emitJson } from "../../dist/src/site.js";

await emitJson(async (read) => ({
  policies: await read(`SELECT policy_id, title, doc_number FROM policies ORDER BY issued_date DESC, policy_id`),
  targets: await read(`SELECT policy_id, task_id, code, row_no, item_label, chapter_no, chapter_title, kind, comparator, value, value_max, goal, unit,
      value_base, base_unit, measure, deadline, horizon_text, subject, frequency, attributes, reporting_departments,
      annex_text, annex_start, annex_end, body_source, body_text, body_start, body_end, item_id, adjustments, published_value, published_value_max, adjusted_from, note, falls, rate, prorated, ceiling, standing,
      (SELECT k.deadline_rule FROM tasks k WHERE k.task_id = targets.task_id) AS deadline_rule
    FROM targets WHERE status = 'published' ORDER BY policy_id, row_no, code`),
  rows: await read(`SELECT task_id, row_no, content FROM tasks WHERE task_id IN (SELECT task_id FROM targets) ORDER BY row_no`),
  items: await read(`SELECT item_id, title, body_text FROM items WHERE item_id IN (SELECT item_id FROM targets)`),
}));
