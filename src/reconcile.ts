import type { DuckDBConnection } from "@duckdb/node-api";
import { diffChars } from "diff";
import { similarity } from "./targets/registry.js";
import { query } from "./warehouse.js";

/**
 * Reconciliation of each body item with its annex row(s): titles, sentences (numbers, frequency, wording) and
 * departments. Computed at build time from the views and stored in raw.discrepancies; the discrepancies view reads it.
 */
export type Discrepancy = {
  policy_id: string;
  item_id: string;
  task_id: string | null;
  field: "title" | "text" | "departments";
  kind: "number" | "frequency" | "wording" | "verb" | "missing_in_annex" | "missing_in_body" | "department_missing_in_annex" | "department_missing_in_body" | "department_role";
  body_text: string;
  annex_text: string;
  /** The differing passages: JSON [{side: 'body'|'annex'|'both', text}] for side-by-side highlighting. */
  segments: string;
};

const NUMBER = /[0-9０-９一二两三四五六七八九十百千万亿]+\s*(家|个|台|项|期|人次|名|亿元|万元|元|%|次|轮)|以上|左右|以内|不少于|不超过/;
const FREQUENCY = /每[^，。]{0,4}(月|周|季|年|天|日)|半个月|定时|定期|每年|每季/;

function sentences(text: string): { text: string }[] {
  return text
    .split(/(?<=[。；;])/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[。；;]/g, "") !== "")
    .map((s) => ({ text: s }));
}

const strip = (s: string) => s.replace(/[。；;，,、"“”\s]/g, "");

export function classify(body: string, annex: string): { kind: Discrepancy["kind"]; segments: string } {
  const parts = diffChars(body, annex);
  const changed = parts.filter((p) => p.added || p.removed).map((p) => p.value).join(" ");
  const context = (i: number) => (parts[i - 1]?.value.slice(-3) ?? "") + parts[i]!.value + (parts[i + 1]?.value.slice(0, 3) ?? "");
  const changedWithContext = parts.map((p, i) => (p.added || p.removed ? context(i) : "")).join(" ");
  const kind = NUMBER.test(changedWithContext) && /[0-9以左内少超]/.test(changed) ? "number" : FREQUENCY.test(changedWithContext) ? "frequency" : "wording";
  return { kind, segments: JSON.stringify(parts.map((p) => ({ side: p.added ? "annex" : p.removed ? "body" : "both", text: p.value }))) };
}

type ItemRow = { policy_id: string; item_id: string; title: string; body_text: string };
type TaskRow = { task_id: string; item_id: string; title_cell: string; content: string };
type Assignment = { item_id: string; task_id: string | null; department_id: string; department_name: string; role: string };

export function reconcile(items: ItemRow[], tasks: TaskRow[], body: Assignment[], annex: Assignment[]): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const item of items) {
    const rows = tasks.filter((t) => t.item_id === item.item_id);
    const base = { policy_id: item.policy_id, item_id: item.item_id };
    // titles: the annex 项目 cell against the body title
    for (const row of rows.filter((r) => r.title_cell !== "" && strip(r.title_cell) !== strip(item.title))) {
      const c = classify(item.title, row.title_cell);
      const verb = c.kind === "wording" && JSON.parse(c.segments).filter((s: { side: string }) => s.side !== "both").every((s: { text: string }) => s.text.length <= 2);
      out.push({ ...base, task_id: row.task_id, field: "title", kind: c.kind === "wording" && verb ? "verb" : c.kind, body_text: item.title, annex_text: row.title_cell, segments: c.segments });
    }
    // sentences: each body sentence against the most alike run of consecutive annex sentences of the item's rows (one
    // sentence, or a body sentence the annex splits at ；or over two rows: 出台细则，年内培育平台2个 → row 3 出台细则。
    // and row 4 年内培育平台2个。), an exact match (punctuation aside) first, then the highest score, then the shortest
    const annexSentences = rows.flatMap((r) => sentences(r.content).map((s) => ({ ...s, task_id: r.task_id, used: false })));
    const runs = annexSentences.flatMap((_, i) => [1, 2, 3].filter((n) => i + n <= annexSentences.length).map((n) => annexSentences.slice(i, i + n)));
    for (const s of sentences(item.body_text)) {
      const ranked = runs.map((run) => {
        const text = run.map((a) => a.text).join("");
        return { run, text, exact: strip(text) === strip(s.text), score: similarity(strip(s.text), strip(text)) };
      }).sort((x, y) => Number(y.exact) - Number(x.exact) || y.score - x.score || x.run.length - y.run.length);
      const best = ranked[0];
      if (best && best.exact) {
        for (const a of best.run) a.used = true;
        continue;
      }
      if (best && best.score >= 0.5) {
        for (const a of best.run) a.used = true;
        const c = classify(s.text, best.text);
        out.push({ ...base, task_id: best.run[0]!.task_id, field: "text", kind: c.kind, body_text: s.text, annex_text: best.text, segments: c.segments });
      } else {
        out.push({ ...base, task_id: null, field: "text", kind: "missing_in_annex", body_text: s.text, annex_text: "", segments: JSON.stringify([{ side: "body", text: s.text }]) });
      }
    }
    for (const a of annexSentences.filter((a) => !a.used)) {
      // an annex sentence may repeat part of a body sentence that was already matched (split items)
      if (sentences(item.body_text).some((s) => strip(s.text).includes(strip(a.text)))) continue;
      out.push({ ...base, task_id: a.task_id, field: "text", kind: "missing_in_body", body_text: "", annex_text: a.text, segments: JSON.stringify([{ side: "annex", text: a.text }]) });
    }
    // departments: the body bracket against the annex rows of the item, together
    const b = body.filter((x) => x.item_id === item.item_id);
    const a = annex.filter((x) => x.item_id === item.item_id);
    for (const d of new Set([...b, ...a].map((x) => x.department_id))) {
      const inBody = b.filter((x) => x.department_id === d);
      const inAnnex = a.filter((x) => x.department_id === d);
      const name = (inBody[0] ?? inAnnex[0])!.department_name;
      const roleZh = (r: string) => (r === "lead" ? "牵头" : "配合");
      const roles = (xs: Assignment[]) => [...new Set(xs.map((x) => x.role))].sort().join("/");
      if (inAnnex.length === 0) {
        out.push({ ...base, task_id: null, field: "departments", kind: "department_missing_in_annex", body_text: `${name}（${roleZh(inBody[0]!.role)}）`, annex_text: "", segments: "[]" });
      } else if (inBody.length === 0) {
        const rowsOf = [...new Set(inAnnex.map((x) => x.task_id))];
        out.push({ ...base, task_id: rowsOf.length === 1 ? rowsOf[0]! : null, field: "departments", kind: "department_missing_in_body", body_text: "", annex_text: `${name}（${roleZh(inAnnex[0]!.role)}）`, segments: "[]" });
      } else if (roles(inBody) !== roles(inAnnex)) {
        out.push({ ...base, task_id: null, field: "departments", kind: "department_role", body_text: `${name}（${inBody.map((x) => roleZh(x.role)).join("、")}）`, annex_text: `${name}（${[...new Set(inAnnex.map((x) => roleZh(x.role)))].join("、")}）`, segments: "[]" });
      }
    }
  }
  return out;
}

/** Fills raw.discrepancies (build time). */
export async function storeDiscrepancies(connection: DuckDBConnection): Promise<void> {
  const items = (await query(connection, "SELECT policy_id, item_id, title, body_text FROM items ORDER BY policy_id, item_no")).rows as ItemRow[];
  const tasks = (await query(connection, "SELECT task_id, item_id, title_cell, content FROM tasks ORDER BY policy_id, row_no")).rows as TaskRow[];
  // (in the order the document names them: texts listing several roles, and so the discrepancies' numbers, never depend
  // on how DuckDB happens to scan the tables, which another policy in the warehouse changes)
  const body = (await query(connection, "SELECT item_id, NULL AS task_id, department_id, department_name, role FROM item_departments ORDER BY policy_id, item_no, position, role, department_id")).rows as Assignment[];
  const annex = (await query(connection, "SELECT item_id, task_id, department_id, department_name, role FROM task_departments WHERE accountable ORDER BY policy_id, row_no, position, role, department_id")).rows as Assignment[];
  const found = reconcile(items, tasks, body, annex);
  const statement = await connection.prepare("INSERT INTO raw.discrepancies VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
  // numbered within each policy, so that adding a policy leaves the others' discrepancy ids as they were
  const seq = new Map<string, number>();
  for (const d of found) {
    const n = (seq.get(d.policy_id) ?? 0) + 1;
    seq.set(d.policy_id, n);
    statement.bind([d.policy_id, n, d.item_id, d.task_id, d.field, d.kind, d.body_text, d.annex_text, d.segments]);
    await statement.run();
  }
}
