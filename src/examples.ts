/**
 * Examples the site's help texts give (数据字典, 报送指南): taken from the warehouse the site is built from, so that
 * they name that policy's own codes and departments, never the bundled dataset's. A text marks an example with
 * «key» (fillExamples).
 */
import type { DuckDBConnection } from "@duckdb/node-api";

export type SiteExamples = {
  policy_id: string; doc_number: string; target_prefix: string;
  /** A published target code, its task row, and the department reporting it (the one reporting the most targets). */
  code: string | null; row_no: number | null; department: string | null; full_name: string | null; department_code: string | null;
  /** The department written with its place (慈溪经信局), when the dictionary derives one; else its full name. */
  with_place: string | null;
};

/** The examples of the warehouse: its latest policy, and that policy's department reporting the most targets. */
export async function siteExamples(connection: DuckDBConnection): Promise<SiteExamples | null> {
  const rows = (await connection.runAndReadAll(`
    WITH p AS (
      -- (the latest policy with a target someone reports; else the latest)
      SELECT policy_id, coalesce(doc_number, title) AS doc_number, target_prefix FROM policies
      ORDER BY EXISTS (SELECT 1 FROM target_reporters r JOIN targets t USING (target_id) WHERE t.policy_id = policies.policy_id AND t.status = 'published') DESC,
        issued_date DESC, policy_id LIMIT 1
    ),
    r AS (
      SELECT d.department_id, d.name, coalesce(nullif(d.full_name, ''), d.name) AS full_name, d.code AS department_code, min(t.code) AS code, count(*) AS n
      FROM target_reporters r JOIN targets t USING (target_id) JOIN departments d USING (department_id) JOIN p ON p.policy_id = t.policy_id
      WHERE t.status = 'published' GROUP BY ALL ORDER BY n DESC, d.name LIMIT 1
    )
    SELECT p.policy_id, p.doc_number, p.target_prefix, r.code, t.row_no, r.name, r.full_name, r.department_code,
      -- (a with_place alias that adds the place: it starts as the full name does; the shortest)
      coalesce((SELECT arg_min(a.alias, length(a.alias)) FROM department_aliases a WHERE a.department_id = r.department_id AND a.alias_kind = 'with_place'
        AND a.alias <> r.full_name AND left(a.alias, 1) = left(r.full_name, 1)), r.full_name) AS with_place
    FROM p LEFT JOIN r ON true LEFT JOIN targets t ON t.code = r.code AND t.policy_id = p.policy_id`)).getRowsJS() as [string, string, string, string, number, string, string, string, string][];
  if (rows.length === 0) return null;
  const [policy_id, doc_number, target_prefix, code, row_no, department, full_name, department_code, with_place] = rows[0]!;
  return { policy_id, doc_number, target_prefix, code, row_no: row_no === null ? null : Number(row_no), department, full_name, department_code, with_place };
}

/** The text with each «key» replaced by that example (a key the examples lack, or no examples, is left as 「…」). */
export function fillExamples(text: string, examples: SiteExamples | null): string {
  return text.replace(/«(\w+)»/g, (_, key: string) => {
    const v = examples?.[key as keyof SiteExamples];
    return v === undefined || v === null || v === "" ? "…" : String(v);
  });
}
