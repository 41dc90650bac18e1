// Charts with names on their left, sized to their card: never wider than it (a chart wider than its card is cut at
// the card's edge on a phone, where bars then look full and rates 100 %). On a narrow card the names get at most a
// share of the width and a longer name is cut with "…" (the tip shows it whole, and so does the label's own hover
// text: the explicit axis mark Plot.axisY(fit.axis)).

/** Approximate rendered width of a label in px: CJK glyphs are 1 em, everything else about 0.6 em. */
export function textWidth(text, fontSize = 12) {
  let em = 0;
  for (const ch of String(text ?? "")) em += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.6;
  return em * fontSize;
}

/**
 * {width, marginLeft, tickFormat, title, axis} for a card `width` px wide whose chart names `names` on the left (in
 * `fontSize` px): the margin the longest name needs, up to `max`, and at most `share` of a narrow card; `minPlot` px
 * left for the marks. tickFormat cuts a name to the margin; title gives a name cut so whole (null for one shown whole);
 * axis, the options of the names' axis mark with both: Plot.axisY(fit.axis), or Plot.axisY({...fit.axis, fontSize: 13}).
 */
export function fitNames(width, names, {fontSize = 12, max = 280, share = 0.42, minPlot = 150} = {}) {
  const card = Math.max(width ?? 640, 280);
  const needed = Math.max(40, ...names.map((n) => textWidth(n, fontSize))) + 14;
  const marginLeft = Math.round(Math.min(needed, max, Math.max(72, card * share)));
  const room = marginLeft - 12;
  const tickFormat = (name) => {
    const text = String(name ?? "");
    if (textWidth(text, fontSize) <= room) return text;
    const chars = [...text];
    while (chars.length > 1 && textWidth(chars.join("") + "…", fontSize) > room) chars.pop();
    return chars.join("") + "…";
  };
  const title = (name) => (tickFormat(name) === String(name ?? "") ? null : String(name));
  return {width: Math.max(card, marginLeft + minPlot), marginLeft, tickFormat, title, axis: {label: null, tickFormat, title}};
}
