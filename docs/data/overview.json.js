// 总览 page data: policies, counts and one compact row per task.
import { emitJson } from "../../dist/src/site.js";

await emitJson(async (read) => ({
  policies: await read(`SELECT policy_id, title, doc_number, issuer, issued_date, published_date, chapter_count, item_count, task_count FROM policies ORDER BY issued_date DESC, policy_id`),
  // per policy: several policies may share the warehouse
  counts: await read(`SELECT p.policy_id,
      (SELECT count(*) FROM departments d WHERE d.policy_id = p.policy_id AND d.in_document) AS departments,
      (SELECT count(*) FROM persons x WHERE x.policy_id = p.policy_id) AS persons,
      (SELECT count(*) FROM corrections c WHERE c.policy_id = p.policy_id AND c.kind = 'ocr_error') AS ocr_corrections,
      (SELECT count(*) FROM corrections c WHERE c.policy_id = p.policy_id AND c.kind = 'layout') AS layout_repairs,
      (SELECT count(*) FROM corrections c WHERE c.policy_id = p.policy_id AND c.kind = 'gap_filled') AS gaps_filled,
      (SELECT count(*) FROM corrections c WHERE c.policy_id = p.policy_id AND c.kind = 'gap_open') AS gaps_open
    FROM policies p ORDER BY p.policy_id`),
  tasks: await read(`SELECT policy_id, task_id, row_no, item_label, item_title, chapter_no, chapter_title, title, content,
      lead_departments, coop_departments, deadline_text, deadline_date, open_gaps, correction_count
    FROM tasks ORDER BY policy_id, row_no`),
}));
