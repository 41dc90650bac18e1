// 跨部门协同 page data: the department network (nodes with centrality, edges with shared rows) and rows by departments needed.
import { emitJson } from "../../dist/src/site.js";

await emitJson(async (read) => ({
  policies: await read(`SELECT policy_id, title, doc_number FROM policies ORDER BY issued_date DESC, policy_id`),
  nodes: await read(`SELECT c.policy_id, c.department_id AS id, d.code, c.name, d.kind_label, c.is_group, c.degree, c.weighted_degree,
      round(c.betweenness, 3) AS betweenness, round(c.betweenness_normalized, 4) AS betweenness_normalized, c.community
    FROM department_centrality c JOIN departments d USING (department_id)
    ORDER BY c.policy_id, c.weighted_degree DESC, c.betweenness DESC, c.name`),
  edges: await read(`SELECT policy_id, department_a AS a, department_b AS b, name_a, name_b, weight, co_lead_rows, a_leads_b_rows, b_leads_a_rows, row_nos
    FROM department_edges ORDER BY policy_id, weight DESC, name_a, name_b`),
  rows: await read(`SELECT c.policy_id, c.row_no, c.item_label, c.title, c.departments, c.leads, c.coops,
      list(a.department_id ORDER BY a.role DESC, a.department_name) AS department_ids,
      -- in the document's order: the first lead named is the principal one
      list(a.department_name ORDER BY list_position(t.lead_departments, a.department_name), a.department_name) FILTER (WHERE a.role = 'lead') AS lead_names,
      list(a.department_name ORDER BY list_position(t.coop_departments, a.department_name), a.department_name) FILTER (WHERE a.role = 'coop') AS coop_names
    FROM task_department_counts c LEFT JOIN task_assignments a USING (task_id) LEFT JOIN tasks t USING (task_id)
    GROUP BY ALL ORDER BY c.policy_id, c.departments DESC, c.row_no`),
  // rows whose lead or cooperating cell is truncated in the annex (gap_open): their ties may be incomplete
  gaps: await read(`SELECT policy_id, row_no, list(field_label ORDER BY field DESC) AS fields FROM corrections
    WHERE kind = 'gap_open' AND field IN ('lead_departments', 'coop_departments') GROUP BY ALL ORDER BY policy_id, row_no`),
}));
