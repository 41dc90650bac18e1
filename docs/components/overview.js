// Charts of the 总览 page: pure functions of (data, options).
import * as Plot from "npm:@observablehq/plot";
import {fitNames} from "./fit.js";
import {monthsBetween} from "./months.js";

/** Horizontal bars: number of annex rows per chapter, chapters in document order. */
export function tasksByChapter(tasks, {width} = {}) {
  const rows = d3Rollup(tasks, (t) => `${t.chapter_no}. ${t.chapter_title}`, (t) => t.chapter_no);
  // as wide as the card, names cut on a narrow one (a card can be measured at 0 px while laying out: fitNames)
  const fit = fitNames(width, rows.map((r) => r.key), {max: 230});
  return Plot.plot({
    width: fit.width,
    height: 28 * rows.length + 40,
    marginLeft: fit.marginLeft,
    marginRight: 30,
    x: {label: "任务行数", grid: true},
    y: {label: null, domain: rows.map((r) => r.key)},
    marks: [
      Plot.axisY(fit.axis),
      Plot.barX(rows, {x: "count", y: "key", fill: "var(--theme-foreground-focus)", tip: true, title: (r) => `${r.key}\n任务行数 ${r.count}`}),
      Plot.text(rows, {x: "count", y: "key", text: "count", dx: 10, textAnchor: "start", fill: "currentColor", stroke: "var(--theme-background-alt)", strokeWidth: 4, paintOrder: "stroke"}),
      Plot.ruleX([0])
    ]
  });
}

/** Dots: deadlines by month; rows with no deadline are listed apart by the page. */
export function deadlinesByMonth(tasks, {width} = {}) {
  const dated = tasks.filter((t) => t.deadline_date);
  const rows = d3Rollup(dated, (t) => String(t.deadline_date).slice(0, 7), (t) => String(t.deadline_date).slice(0, 7));
  const w = Math.max(width ?? 640, 240);
  // every month from the first deadline to the last (a month without one shows as a gap), when they are a few years
  const months = monthRange(rows.map((r) => r.key));
  // (a label every so many months, so that they never overlap: about 56 px each)
  const step = Math.max(1, Math.ceil((months.length * 56) / Math.max(w - 60, 56)));
  return Plot.plot({
    width: w,
    height: 180,
    x: {label: "完成时限（月）", type: "band", domain: months, ticks: months.filter((_, i) => i % step === 0)},
    y: {label: "任务行数", grid: true},
    marks: [
      Plot.barY(rows, {x: "key", y: "count", fill: "var(--theme-foreground-focus)", tip: true, title: (r) => `完成时限 ${r.key}\n任务行数 ${r.count}`}),
      Plot.text(rows, {x: "key", y: "count", text: "count", dy: -8}),
      Plot.ruleY([0])
    ]
  });
}

/** The months (YYYY-MM) from the first of `months` to the last, when at most `max`; else `months` as they are. */
function monthRange(months, max = 60) {
  if (months.length < 2) return months;
  const all = monthsBetween(months[0], months[months.length - 1]);
  return all.length > max ? months : all;
}

function d3Rollup(data, key, order) {
  const map = new Map();
  for (const d of data) {
    const k = key(d);
    const entry = map.get(k) ?? {key: k, order: order(d), count: 0};
    entry.count++;
    map.set(k, entry);
  }
  return [...map.values()].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
}
