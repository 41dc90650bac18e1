// Small formatting helpers shared by the pages (zh-CN).
import {html} from "npm:htl";

/** A figure as the pages write it: zh-CN grouping, up to 6 decimals; empty for none. */
export const numberZh = (v) => (v == null ? "" : v.toLocaleString("zh-CN", {maximumFractionDigits: 6}));

export const list = (xs) => (Array.isArray(xs) ? xs.join("、") : xs ?? "");

/** A short text in a table cell (a task's 项目) that wraps instead of being cut (Inputs.table cells keep to one line). */
export const wrappedText = (s) => html`<span class="cell-wrap">${s ?? ""}</span>`;

/** A list of names in a table cell, wrapping. */
export const wrappedList = (xs) => wrappedText(list(xs));

/** A list of row numbers in a table cell, wrapping but never one number a line (style.css: .cell-numbers). */
export const numberList = (xs) => html`<span class="cell-wrap cell-numbers">${list(xs)}</span>`;

/** A long text in a table cell (a task's 内容): its first two lines, the whole text on hover and on the task's page. */
export const clampedText = (s) => html`<span class="cell-clamp" title=${s ?? ""}>${s ?? ""}</span>`;

/** A link to a task's page, from a top-level page. */
export const rowLink = (policy, n) => html`<a href="./tasks/${policy}/r${String(n).padStart(2, "0")}">${n}</a>`;

/** Links to tasks' pages, from a top-level page, wrapping in a table cell. */
export const rowLinks = (policy, ns) => html`<span class="cell-wrap cell-numbers">${ns.map((n, i) => html`${i ? "、" : ""}${rowLink(policy, n)}`)}</span>`;

/**
 * A deadline as the table writes it, with its date when the text names no year (年内 → 年内（2017年12月31日）) and, past
 * it at the as-of date, how long ago: 年内（2017年12月31日，已逾期 12 个月）.
 */
export function deadlineZh(text, iso, asOf) {
  if (!iso) return text || "—";
  const dated = /\d{4}\s*年/.test(text ?? "") ? [] : [dateZh(iso)];
  const late = asOf && asOf > iso ? [`已逾期 ${lateness(iso, asOf)}`] : [];
  const notes = [...dated, ...late];
  return `${text || dateZh(iso)}${notes.length && (text || late.length) ? `（${(text ? notes : late).join("，")}）` : ""}`;
}

/** How long after `iso` `asOf` is: 12 个月, or 20 天 within the first month. */
function lateness(iso, asOf) {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  const [ay, am, ad] = asOf.slice(0, 10).split("-").map(Number);
  const months = (ay - y) * 12 + (am - m) - (ad < d && !(d >= 28 && ad >= new Date(Date.UTC(ay, am, 0)).getUTCDate()) ? 1 : 0);
  if (months >= 1) return `${months} 个月`;
  return `${Math.round((Date.UTC(ay, am - 1, ad) - Date.UTC(y, m - 1, d)) / 86400000)} 天`;
}

export function dateZh(iso) {
  if (!iso) return "—";
  const [y, m, d] = String(iso).slice(0, 10).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

export const taskHref = (task) => `./tasks/${task.policy_id}/r${String(task.row_no).padStart(2, "0")}`;

export function taskLink(task, text = `第 ${task.row_no} 行`, base = ".") {
  return html`<a href="${base}/tasks/${task.policy_id}/r${String(task.row_no).padStart(2, "0")}">${text}</a>`;
}

export const gapBadge = (gaps) =>
  gaps && gaps.length ? html`<span class="badge badge-open" title="原文缺失，待补">待补 ${gaps.length}</span>` : "";

/**
 * The filter of an Inputs.search over Chinese text: every term of the query (split at spaces) appears somewhere in a
 * row's values, anywhere in a word. (Inputs' own filter matches a term only at the start of a word, and Chinese
 * writes no spaces between words: 「人才」 would not find 「引进高层次人才」.)
 */
export function substringFilter(query) {
  const terms = `${query}`.toLowerCase().split(/\s+/).filter((t) => t !== "");
  return (d) => {
    const text = Object.values(d).flat().filter((v) => v != null && typeof v !== "object").join("\u0000").toLowerCase();
    return terms.every((t) => text.includes(t));
  };
}

/** A correction's OCR text, struck through; （原文空缺） where the text had nothing (a gap). */
export const verbatimText = (c) => (c.verbatim ? html`<del class="verbatim">${c.verbatim}</del>` : html`<span class="muted">（原文空缺）</span>`);

/** A correction's corrected text; 待补 for a gap left open; （删去） for OCR noise removed. */
export const correctedText = (c) =>
  c.kind === "gap_open" ? html`<span class="badge badge-open">待补</span>` : html`<ins class="corrected">${c.corrected || "（删去）"}</ins>`;

/** A target that goes down (falls: 成本降低10%): 下降, or 降至 for a level; "" for any other. Never a bare 10% read as a growth. */
export const downWord = (t) => (t.falls ? (t.measure === "level" ? "降至" : "下降") : "");

/**
 * A note for an as-of date before the policy was issued (LUOSHI_AS_OF set early by mistake, or a site built ahead):
 * what the page counts then is no verdict on the policy's work. Empty otherwise.
 */
export const beforeIssueNote = (issued, asOf) =>
  issued && asOf && String(asOf).slice(0, 10) < String(issued).slice(0, 10)
    ? html`<p class="synthetic" data-before-issue>判断日期 ${dateZh(asOf)} 早于本政策的发文日期 ${dateZh(issued)}：本页各项不是对执行情况的评价。</p>`
    : "";
