// 文本核对 page data: the policies, and every body/annex difference with its diff segments.
import { emitJson } from "../../dist/src/site.js";

await emitJson(async (read) => ({
  policies: await read(`SELECT policy_id, title, doc_number FROM policies ORDER BY issued_date DESC, policy_id`),
  discrepancies: await read(`SELECT policy_id, discrepancy_id, item_label, item_no, item_title, row_no, field_label, kind, kind_label, body_text, annex_text, segments
    FROM discrepancies ORDER BY policy_id, item_no, discrepancy_id`),
}));
