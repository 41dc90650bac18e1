// Text highlighting for source sentences and body/annex differences.
import {html} from "npm:htl";

/** The sentence (between 。；) around [start, end) of text, with the span marked. */
export function markedSentence(text, start, end) {
  if (text == null || start == null || end == null) return "";
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf("。"), before.lastIndexOf("；"), before.lastIndexOf(";")) + 1;
  const rest = text.slice(end).search(/[。；;]/);
  const to = rest === -1 ? text.length : end + rest + 1;
  return html`<span>${text.slice(from, start)}<mark>${text.slice(start, end)}</mark>${text.slice(end, to)}</span>`;
}

/** Side-by-side rendering of a character diff: what only the body says, what only the annex says. */
export function diffSides(segments) {
  const parts = typeof segments === "string" ? JSON.parse(segments || "[]") : segments;
  const side = (which) =>
    html`<span>${parts
      .filter((p) => p.side === "both" || p.side === which)
      .map((p) => (p.side === "both" ? p.text : which === "body" ? html`<del class="verbatim">${p.text}</del>` : html`<ins class="corrected">${p.text}</ins>`))}</span>`;
  return {body: side("body"), annex: side("annex")};
}
