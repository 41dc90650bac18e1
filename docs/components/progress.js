// Charts of the 目标进度 page: pure functions of (data, options).
import * as Plot from "npm:@observablehq/plot";

export const PROGRESS = {
  overdue: {label: "逾期未完成", color: "#b91c1c"},
  lagging: {label: "落后序时", color: "#f59e0b"},
  not_reported: {label: "未报送", color: "#9ca3af"},
  no_deadline: {label: "无时限", color: "#64748b"},
  on_track: {label: "正常", color: "#2563eb"},
  ongoing: {label: "常态开展", color: "#0891b2"},
  done: {label: "已完成", color: "#16a34a"}
};

/** Quantity targets: progress bar against the time-elapsed schedule (tick). */
export function progressBars(rows, {width} = {}) {
  const label = (d) => `${d.code} ${d.subject.slice(0, 14)}${d.department_name.startsWith("市") ? "" : "（" + d.department_name + "）"}`;
  const data = rows.map((d) => ({...d, label: label(d), shown: Math.min(d.progress ?? 0, 1.2)}));
  return Plot.plot({
    width: Math.max(width ?? 640, 420),
    height: 22 * data.length + 50,
    marginLeft: 260,
    x: {label: "完成比例", percent: true, domain: [0, 120], grid: true},
    y: {label: null, domain: data.map((d) => d.label)},
    color: {domain: Object.keys(PROGRESS), range: Object.values(PROGRESS).map((s) => s.color)},
    marks: [
      Plot.barX(data, {x: "shown", y: "label", fill: "progress_status", tip: true,
        title: (d) => `${d.code} ${d.subject}\n${d.department_name}：${d.latest_value ?? "—"} / ${d.target_value}${d.unit}（${d.latest_period ?? "未报"}）\n完成 ${((d.progress ?? 0) * 100).toFixed(0)}%，序时 ${((d.elapsed ?? 0) * 100).toFixed(0)}%`}),
      Plot.tickX(data, {x: "elapsed", y: "label", stroke: "#111827", strokeWidth: 2}),
      Plot.ruleX([0, 1])
    ]
  });
}
