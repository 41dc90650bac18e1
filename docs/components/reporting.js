// Charts of the 报送情况 page: pure functions of (data, options).
import * as Plot from "npm:@observablehq/plot";
import {fitNames} from "./fit.js";

export const STATUS = {
  on_time: {label: "按时", color: "#16a34a"},
  late: {label: "逾期", color: "#f59e0b"},
  returned: {label: "被退回", color: "#ea580c"},
  missing: {label: "未报", color: "#dc2626"},
  not_due: {label: "未到期", color: "#d1d5db"}
};

/** The months labelled: every `every`-th month of the year (1: all; 12: each January), and the first. */
const ticks0 = (months, every) => months.filter((m, i) => every === 1 || i === 0 || (Number(m.slice(5, 7)) - 1) % every === 0);

/** Department × month grid coloured by reporting status. */
export function reportingCalendar(calendar, {width, departments} = {}) {
  const rows = departments ?? [...new Set(calendar.map((d) => d.department_name))];
  // every month labelled up to two years; beyond, each quarter's first month, then each January
  const months = [...new Set(calendar.map((d) => d.period))].sort();
  const every = months.length <= 24 ? 1 : months.length <= 60 ? 3 : 12;
  const fit = fitNames(width, rows, {max: 170});
  // (a narrow card: fewer month labels, so that they do not overlap)
  const plotWidth = fit.width - fit.marginLeft - 20;
  const dense = ticks0(months, every);
  const ticks = plotWidth / Math.max(1, dense.length) >= 14 ? dense : ticks0(months, every === 1 ? 3 : 12);
  return Plot.plot({
    width: fit.width,
    height: 26 * rows.length + 60,
    marginLeft: fit.marginLeft,
    marginBottom: 50,
    // months as categories (text that looks like dates would make Plot warn), labelled by their own ticks
    x: {type: "band", label: null, tickRotate: -45, ticks},
    y: {label: null, domain: rows},
    color: {domain: Object.keys(STATUS), range: Object.values(STATUS).map((s) => s.color), legend: true, tickFormat: (s) => STATUS[s].label},
    marks: [
      Plot.axisY(fit.axis),
      Plot.cell(calendar, {
        x: "period",
        y: "department_name",
        fill: "status",
        inset: 1,
        tip: true,
        title: (d) => `${d.department_name} ${d.period}\n${STATUS[d.status].label}：已报 ${d.reported_targets} / 应报 ${d.owed_targets}`
      })
    ]
  });
}

/** Horizontal bars: reporting rate (light) with the on-time rate (dark) inside it, per department. */
export function ratesChart(rates, {width} = {}) {
  const fit = fitNames(width, rates.map((r) => r.department_name), {max: 170});
  return Plot.plot({
    width: fit.width,
    height: 22 * rates.length + 60,
    marginLeft: fit.marginLeft,
    // (percent: the rates, 0–1, are shown × 100; the domain is in shown units)
    x: {label: "比例（%）", percent: true, domain: [0, 100], grid: true},
    y: {label: null, domain: rates.map((r) => r.department_name)},
    color: {legend: true, domain: ["报送率", "及时率"], range: ["#93c5fd", "#16a34a"]},
    marks: [
      Plot.axisY(fit.axis),
      Plot.barX(rates, {x: (r) => r.reporting_rate ?? 0, y: "department_name", fill: () => "报送率", tip: true, title: (r) => `${r.department_name}\n报送率 ${Math.round((r.reporting_rate ?? 0) * 100)}%`}),
      Plot.barX(rates, {x: (r) => r.on_time_rate ?? 0, y: "department_name", fill: () => "及时率", insetTop: 5, insetBottom: 5, tip: true, title: (r) => `${r.department_name}\n及时率 ${Math.round((r.on_time_rate ?? 0) * 100)}%`}),
      Plot.ruleX([0])
    ]
  });
}
