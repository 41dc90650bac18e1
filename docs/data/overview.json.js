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
  // each task's status at the as-of date (task_progress: the worst of its targets), for the summary and the table
  as_of: (await read(`SELECT strftime(as_of, '%Y-%m-%d') AS as_of FROM reporting_rules`))[0].as_of,
  tasks: await read(`SELECT t.policy_id, t.task_id, t.row_no, t.item_label, t.item_title, t.chapter_no, t.chapter_title, t.title, t.content,
      t.lead_departments, t.coop_departments, t.deadline_text, t.deadline_date, t.open_gaps, t.correction_count, p.task_status, p.awaiting_deadline_only, p.awaiting_report_only, p.deadline_passed
    FROM tasks t LEFT JOIN task_progress p USING (task_id) ORDER BY t.policy_id, t.row_no`),
}));
