import Papa from "papaparse";
import type { QueryResult } from "./warehouse.js";

/** Display width of a string in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) || code >= 0x20000 ? 2 : 1;
  }
  return width;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value) || typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function formatTable(result: QueryResult): string {
  const header = result.columns;
  const body = result.rows.map((r) => header.map((c) => cell(r[c]).replace(/\s+/g, " ")));
  const widths = header.map((h, i) => Math.min(60, Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i]!)))));
  const clip = (s: string, w: number) => {
    if (displayWidth(s) <= w) return s + " ".repeat(w - displayWidth(s));
    let out = "";
    for (const ch of s) {
      if (displayWidth(out + ch) > w - 1) break;
      out += ch;
    }
    return out + "…" + " ".repeat(Math.max(0, w - 1 - displayWidth(out)));
  };
  const line = (cells: string[]) => cells.map((c, i) => clip(c, widths[i]!)).join(" │ ");
  const rule = widths.map((w) => "─".repeat(w)).join("─┼─");
  return [line(header), rule, ...body.map(line), `(${result.rows.length} 行)`].join("\n");
}

export function formatCsv(result: QueryResult): string {
  return Papa.unparse({ fields: result.columns, data: result.rows.map((r) => result.columns.map((c) => cell(r[c]))) });
}

export function formatJson(result: QueryResult): string {
  return JSON.stringify(result.rows, null, 2);
}
