// Charts of the 部门工作量 page (and the department page): pure functions of (data, options).
import * as Plot from "npm:@observablehq/plot";
import {svg} from "npm:htl";
import {fitNames, textWidth} from "./fit.js";
import {monthsBetween} from "./months.js";

export const ROLE_COLORS = {lead: "#4269d0", coop: "#efb118"};
export const ROLE_LABELS = {lead: "牵头", coop: "配合"};
const MISSING = "缺失";
/** The column of rows with no date by design: ongoing (长期) or recurring (每季度) duties. */
const UNDATED = "长期";
/** A task row with no date by design (长期坚持, 每季度), as against one whose deadline is missing. */
export const undatedDuty = (r) => !r.deadline_date && (r.deadline_rule === "ongoing" || r.deadline_rule === "recurring");

let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;

const groupLabel = (d) => (d.is_group ? `${d.name}（部门组）` : d.name);
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** SVG <defs> with one hatch pattern per role, for the bars of a department group. */
function hatchDefs(ids) {
  return () => svg`<defs>${Object.entries(ids).map(([role, id]) => svg`<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="6" height="6" fill="white"></rect><rect width="3" height="6" fill="${ROLE_COLORS[role]}"></rect></pattern>`)}</defs>`;
}

/**
 * Stacked horizontal bars, lead then cooperation, one per department, heaviest first.
 * measure "score": lead_score + coop_score (= workload_score); "rows": rows_led + rows_cooperated.
 * A department group (is_group) is hatched and labelled 部门组; it is one bar, never its members.
 */
export function workloadBars(departments, {width, measure = "score", highlight} = {}) {
  const byScore = measure === "score";
  const lead = (d) => (byScore ? d.lead_score : d.rows_led);
  const coop = (d) => (byScore ? d.coop_score : d.rows_cooperated);
  const sorted = departments
    .filter((d) => d.rows_total > 0)
    .sort((a, b) => lead(b) + coop(b) - (lead(a) + coop(a)) || b.workload_score - a.workload_score || a.name.localeCompare(b.name, "zh-CN"));
  const segments = sorted.flatMap((d) => [
    {d, role: "lead", x1: 0, x2: lead(d), value: lead(d), rows: d.rows_led},
    {d, role: "coop", x1: lead(d), x2: lead(d) + coop(d), value: coop(d), rows: d.rows_cooperated}
  ]).filter((s) => s.value > 0);
  // (a narrow card, a phone: the score alone beside the bar, the names cut to their share of the width)
  const narrow = (width ?? 640) < 600;
  const label = (d) => (byScore ? (narrow ? `${round(d.workload_score)} 分` : `${round(d.workload_score)} 分 · 牵头 ${d.rows_led} 行，配合 ${d.rows_cooperated} 行`) : `${d.rows_led} + ${d.rows_cooperated} 行`);
  const fit = fitNames(width, sorted.map(groupLabel), {fontSize: 13, max: 400, share: 0.36});
  const marginLeft = fit.marginLeft;
  const marginRight = Math.max(...sorted.map((d) => textWidth(label(d), 12))) + 12;
  const hatch = {lead: nextId("hatch-lead"), coop: nextId("hatch-coop")};
  const tipTitle = (s) => `${groupLabel(s.d)} · ${ROLE_LABELS[s.role]}\n${ROLE_LABELS[s.role]} ${s.rows} 行，份额 ${round(s.role === "lead" ? s.d.lead_score : s.d.coop_score)}\n工作量分数 ${round(s.d.workload_score)}`;
  const isHighlighted = (s) => highlight == null || s.d.department_id === highlight;
  return Plot.plot({
    width: Math.max(fit.width, marginLeft + marginRight + 120),
    height: 24 * sorted.length + 60,
    marginLeft,
    marginRight,
    // (room for the axis label above the tick labels: at 30 the label met the last tick on a phone)
    marginTop: 40,
    marginBottom: 10,
    style: {fontSize: "12px"},
    x: {label: byScore ? "工作量分数 →" : "任务行数 →", grid: true, axis: "top"},
    y: {label: null, domain: sorted.map(groupLabel)},
    color: {domain: ["牵头", "配合"], range: [ROLE_COLORS.lead, ROLE_COLORS.coop], legend: true},
    marks: [
      hatchDefs(hatch),
      Plot.axisY({...fit.axis, fontSize: 13, tickSize: 0, tickPadding: 8}),
      Plot.barX(segments.filter((s) => !s.d.is_group), {
        x1: "x1", x2: "x2", y: (s) => groupLabel(s.d), fill: (s) => ROLE_LABELS[s.role], insetTop: 3, insetBottom: 3,
        fillOpacity: (s) => (isHighlighted(s) ? 1 : 0.35)
      }),
      ...["lead", "coop"].map((role) =>
        Plot.barX(segments.filter((s) => s.d.is_group && s.role === role), {
          x1: "x1", x2: "x2", y: (s) => groupLabel(s.d), fill: `url(#${hatch[role]})`, stroke: ROLE_COLORS[role], insetTop: 3, insetBottom: 3
        })
      ),
      Plot.text(sorted, {x: (d) => lead(d) + coop(d), y: groupLabel, text: label, dx: 6, textAnchor: "start", fill: "currentColor", fontSize: 12,
        // a halo of the card's colour, so that a grid line does not run through the text
        stroke: "var(--theme-background-alt)", strokeWidth: 4, paintOrder: "stroke"}),
      Plot.tip(segments, Plot.pointerY({x: (s) => (s.x1 + s.x2) / 2, y: (s) => groupLabel(s.d), title: tipTitle})),
      Plot.ruleX([0])
    ]
  });
}

/**
 * The month columns (YYYY-MM): from the first to the last, none skipped, over a year at most; over a longer span only
 * the months that have a deadline (a column each for 31 months would leave no room for their names).
 */
function monthRange(months) {
  const sorted = [...new Set(months)].sort();
  if (!sorted.length) return [];
  const all = monthsBetween(sorted[0], sorted.at(-1));
  return all.length > 12 ? sorted : all;
}
const monthZh = (month) => (month === MISSING ? "时限缺失" : month === UNDATED ? "长期/定期" : `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`);
const monthZh2 = (month) => (month === MISSING ? "时限\n缺失" : month === UNDATED ? "长期/\n定期" : `${Number(month.slice(0, 4))}年\n${Number(month.slice(5, 7))}月`);
/** The year only where it changes (and on the first column), the month always: 2018年 / 6月, 7月, … */
const monthTick = (columns) => (month) => {
  if (month === MISSING || month === UNDATED) return monthZh2(month);
  const previous = columns[columns.indexOf(month) - 1];
  const year = previous === undefined || previous === MISSING || previous === UNDATED || previous.slice(0, 4) !== month.slice(0, 4);
  return `${year ? `${Number(month.slice(0, 4))}年` : ""}\n${Number(month.slice(5, 7))}月`;
};

/**
 * Calendar of deadlines: one row per department (in the order given), one column per month from the first to the
 * last deadline, and a separate column for rows without a deadline. Cells show the number of rows (lead or coop);
 * the tooltip lists them. `deadlines`: department_deadlines rows {department_id, role, month, rows, row_nos}.
 */
/**
 * The column of the deadline calendar a department_deadlines row goes in: its month, 长期 (UNDATED: an ongoing or
 * recurring duty) or 缺失 (MISSING: no deadline in the text).
 */
export const deadlineColumn = (r) => r.month ?? (r.kind === "ongoing" || r.kind === "recurring" ? UNDATED : MISSING);
export {MISSING, UNDATED};

const byRow = (a, b) => (typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "zh-CN", {numeric: true}));

export function deadlineCalendar(deadlines, departments, {width, highlight} = {}) {
  const shown = departments.filter((d) => d.rows_total > 0);
  const byKey = new Map();
  for (const r of deadlines) {
    const key = `${r.department_id}|${deadlineColumn(r)}`;
    const cell = byKey.get(key) ?? {department_id: r.department_id, month: deadlineColumn(r), lead: new Set(), coop: new Set()};
    for (const n of r.row_nos) cell[r.role].add(n);
    byKey.set(key, cell);
  }
  const name = new Map(shown.map((d) => [d.department_id, groupLabel(d)]));
  const cells = [...byKey.values()]
    .filter((c) => name.has(c.department_id))
    .map((c) => ({...c, name: name.get(c.department_id), rows: new Set([...c.lead, ...c.coop]).size, leadRows: [...c.lead].sort(byRow), coopRows: [...c.coop].sort(byRow)}));
  const undated = (c) => c.month === MISSING || c.month === UNDATED;
  const months = monthRange(cells.filter((c) => !undated(c)).map((c) => c.month));
  const columns = [...months, ...[UNDATED, MISSING].filter((u) => cells.some((c) => c.month === u))];
  const rowsOf = shown.map(groupLabel);
  const max = Math.max(1, ...cells.filter((c) => !undated(c)).map((c) => c.rows));
  const marginLeft = Math.max(...rowsOf.map((n) => textWidth(n, 13))) + 14;
  const plotWidth = Math.max(marginLeft + 20 + columns.length * 40, Math.min(width ?? 640, marginLeft + 20 + columns.length * 96));
  const background = rowsOf.flatMap((n) => columns.map((month) => ({name: n, month})));
  const dim = (c) => highlight != null && c.department_id !== highlight;
  // (a row is its number, or, for several policies together, a label naming its policy: 慈党办〔2017〕75号 第 3 行)
  const rowList = (xs) => (xs.length ? xs.map((n) => (typeof n === "number" ? `第 ${n} 行` : n)).join("、") : "—");
  const dated = cells.filter((c) => !undated(c));
  const missing = cells.filter((c) => c.month === MISSING);
  const ongoing = cells.filter((c) => c.month === UNDATED);
  return Plot.plot({
    width: plotWidth,
    height: 24 * rowsOf.length + 60,
    marginLeft,
    marginTop: 50,
    marginRight: 20,
    padding: 0.08,
    style: {fontSize: "12px"},
    x: {domain: columns, label: null},
    y: {domain: rowsOf, label: null, tickSize: 0},
    color: {type: "sqrt", domain: [0, max], range: ["#dbe6f7", "#1f3f8f"], interpolate: "rgb", legend: true, label: "行数（按月）", ticks: Math.min(max, 5), tickFormat: "d"},
    marks: [
      Plot.axisY({fontSize: 13, tickSize: 0, tickPadding: 8, label: null}),
      Plot.axisX({fontSize: 13, tickSize: 0, anchor: "top", label: null, tickFormat: monthTick(columns), lineHeight: 1.2}),
      Plot.cell(background, {x: "month", y: "name", fill: (d) => (d.month === MISSING ? "#fff7d6" : d.month === UNDATED ? "#f3f4f6" : "white")}),
      Plot.cell(dated, {x: "month", y: "name", fill: "rows", fillOpacity: (c) => (dim(c) ? 0.3 : 1)}),
      Plot.cell(missing, {x: "month", y: "name", fill: "#fbbf24", fillOpacity: (c) => (dim(c) ? 0.3 : 1), stroke: "#b45309"}),
      Plot.cell(ongoing, {x: "month", y: "name", fill: "#d1d5db", fillOpacity: (c) => (dim(c) ? 0.3 : 1), stroke: "#6b7280"}),
      Plot.text(dated.filter((c) => c.rows > max / 3), {x: "month", y: "name", text: "rows", fill: "white", fontSize: 12, fontWeight: 600}),
      Plot.text([...dated.filter((c) => c.rows <= max / 3), ...missing, ...ongoing], {x: "month", y: "name", text: "rows", fill: "#111827", fontSize: 12, fontWeight: 600}),
      Plot.tip(cells, Plot.pointer({
        x: "month", y: "name",
        title: (c) => `${c.name} · ${monthZh(c.month)}\n共 ${c.rows} 行\n牵头：${rowList(c.leadRows)}\n配合：${rowList(c.coopRows)}`
      }))
    ]
  });
}

/** Stacked bars of a person's rows as lead-department and as cooperating-department person. */
export function personBars(persons, {width} = {}) {
  const label = (p) => (p.status === "unresolved" ? `${p.name}（无法还原）` : p.status === "role" || !p.department_name ? p.name : `${p.name}（${p.department_name}）`);
  const sorted = persons.filter((p) => p.rows_total > 0);
  const segments = sorted.flatMap((p) => [
    {p, role: "lead", x1: 0, x2: p.rows_lead},
    {p, role: "coop", x1: p.rows_lead, x2: p.rows_lead + p.rows_coop}
  ]).filter((s) => s.x2 > s.x1);
  const fit = fitNames(width, sorted.map(label), {fontSize: 13, max: 400});
  const marginLeft = fit.marginLeft;
  return Plot.plot({
    width: Math.max(fit.width, marginLeft + 160),
    height: 22 * sorted.length + 60,
    marginLeft,
    marginRight: 60,
    marginTop: 40,
    marginBottom: 10,
    style: {fontSize: "12px"},
    x: {label: "任务行数 →", grid: true, axis: "top"},
    y: {label: null, domain: sorted.map(label)},
    color: {domain: ["牵头", "配合"], range: [ROLE_COLORS.lead, ROLE_COLORS.coop], legend: true},
    marks: [
      Plot.axisY({...fit.axis, fontSize: 13, tickSize: 0, tickPadding: 8}),
      Plot.barX(segments, {x1: "x1", x2: "x2", y: (s) => label(s.p), fill: (s) => ROLE_LABELS[s.role], insetTop: 3, insetBottom: 3,
        fillOpacity: (s) => (s.p.status === "unresolved" ? 0.5 : 1)}),
      Plot.text(sorted, {x: (p) => p.rows_total, y: label, text: (p) => `${p.rows_total} 行`, dx: 6, textAnchor: "start", fontSize: 12, fill: "currentColor",
        stroke: "var(--theme-background-alt)", strokeWidth: 4, paintOrder: "stroke"}),
      Plot.tip(segments, Plot.pointerY({x: (s) => (s.x1 + s.x2) / 2, y: (s) => label(s.p),
        title: (s) => `${label(s.p)}\n${ROLE_LABELS[s.role]}部门责任人：${s.x2 - s.x1} 行\n行：${s.p.row_nos.join("、")}`})),
      Plot.ruleX([0])
    ]
  });
}

/**
 * Department page: its rows by deadline month (with a 长期/定期 and a 缺失 column), stacked lead/coop. `rows`:
 * {role, row_no, deadline_date, deadline_rule}.
 */
export function deadlineMonthBars(rows, {width} = {}) {
  // (a row without a date but with a deadline text is an ongoing or recurring duty: 长期, 每季度)
  const monthOf = (r) => (r.deadline_date ? String(r.deadline_date).slice(0, 7) : undatedDuty(r) ? UNDATED : MISSING);
  const months = monthRange(rows.filter((r) => r.deadline_date).map(monthOf));
  const columns = [...months, ...[UNDATED, MISSING].filter((u) => rows.some((r) => monthOf(r) === u))];
  const max = Math.max(1, ...columns.map((m) => rows.filter((r) => monthOf(r) === m).length));
  return Plot.plot({
    width: Math.max(240, Math.min(width ?? 480, 140 + columns.length * 110)),
    height: 220,
    marginLeft: 40,
    marginBottom: 40,
    style: {fontSize: "12px"},
    x: {domain: columns, label: null, padding: 0.3},
    y: {label: "行数", grid: true, tickFormat: "d", ticks: Math.min(4, max)},
    color: {domain: ["牵头", "配合"], range: [ROLE_COLORS.lead, ROLE_COLORS.coop], legend: true},
    marks: [
      Plot.axisX({fontSize: 12, tickSize: 0, label: null, tickFormat: monthTick(columns), lineHeight: 1.2}),
      Plot.barY(rows, Plot.groupX({y: "count", title: (rs) => rs.map((r) => `第 ${r.row_no} 行`).join("、")}, {
        x: monthOf, fill: (r) => ROLE_LABELS[r.role], order: ["牵头", "配合"], tip: true
      })),
      Plot.text(rows, Plot.groupX({y: "count", text: "count"}, {x: monthOf, dy: -8})),
      Plot.ruleY([0])
    ]
  });
}
