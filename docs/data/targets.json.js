// 目标清单 page data: every published target with its spans, each source text once, and per policy what the parser
// reads now that the registry does not hold (what `luoshi targets --check` lists).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { readAllPolicies } from "../../dist/src/build.js";
import { dataDir } from "../../dist/src/paths.js";
import { compareRegistry, proposeTargets } from "../../dist/src/targets/registry.js";
import { readRegistryFile } from "../../dist/src/targets/registryfile.js";
import { emitJson } from "../../dist/src/site.js";

/** Per policy: the parser's new proposals, changed readings and lost ones, against targets.csv (none when unreadable). */
function parserCheck() {
  try {
    const { tables, errors } = readAllPolicies(dataDir());
    if (errors.length > 0) return [];
    return tables.map((table) => {
      const file = join(dataDir(), "policies", table.policy.policy_id, "targets.csv");
      const diff = compareRegistry(existsSync(file) ? readRegistryFile(file) : [], proposeTargets(table));
      return {
        policy_id: table.policy.policy_id,
        added: diff.added.map((p) => ({ row_no: p.row_no, subject: p.subject })),
        changed: diff.matched.filter((m) => m.changes.length > 0 && !m.reviewed).map((m) => m.code),
        missing: diff.missing.map((e) => e.code),
      };
    });
  } catch (e) {
    console.error(`解析器核对未能进行：${e.message}`);
    return [];
  }
}

await emitJson(async (read) => ({
  policies: await read(`SELECT policy_id, title, doc_number FROM policies ORDER BY issued_date DESC, policy_id`),
  targets: await read(`SELECT policy_id, task_id, code, row_no, item_label, chapter_no, chapter_title, kind, comparator, value, value_max, goal, unit,
      value_base, base_unit, measure, deadline, horizon_text, subject, frequency, attributes, reporting_departments,
      annex_text, annex_start, annex_end, body_source, body_text, body_start, body_end, item_id, adjustments, published_value, published_value_max, adjusted_from, note, falls, rate, prorated, ceiling, standing,
      (SELECT k.deadline_rule FROM tasks k WHERE k.task_id = targets.task_id) AS deadline_rule
    FROM targets WHERE status = 'published' ORDER BY policy_id, row_no, code`),
  rows: await read(`SELECT task_id, row_no, content FROM tasks WHERE task_id IN (SELECT task_id FROM targets) ORDER BY row_no`),
  items: await read(`SELECT item_id, title, body_text FROM items WHERE item_id IN (SELECT item_id FROM targets)`),
  parser: parserCheck(),
}));
