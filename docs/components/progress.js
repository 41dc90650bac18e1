// Charts and tables of target progress (目标进度, task and department pages): pure functions of (data, options).
import * as Plot from "npm:@observablehq/plot";
import {html} from "npm:htl";
import {fitNames} from "./fit.js";
import {downWord} from "./format.js";
import {historyMonths} from "./months.js";

export const PROGRESS = {
  overdue: {label: "逾期未完成", color: "#b91c1c"},
  lagging: {label: "落后序时", color: "#f59e0b"},
  not_reported: {label: "从未报送", color: "#9ca3af"},
  no_deadline: {label: "无时限", color: "#64748b"},
  on_track: {label: "正常", color: "#2563eb"},
  not_due: {label: "未到报送期", color: "#cbd5e1"},
  ongoing: {label: "常态开展", color: "#0891b2"},
  done_late: {label: "逾期完成", color: "#65a30d"},
  done: {label: "已完成", color: "#16a34a"}
};

/** An on-track milestone (or one counted thing) past its deadline, the report of the deadline's month not due yet. */
export const AWAITING_REPORT = "时限已过、待报送";

/**
 * When `awaiting` on-track pairs no schedule judges are judged, `passed` of them past their deadline: 时限未到、到期时判断,
 * or 时限已过、待时限所在月份的报送到期后判断, or both with their counts.
 */
export const awaitingWhen = (awaiting, passed = 0) =>
  passed === 0 ? "时限未到、到期时判断"
    : passed === awaiting ? "时限已过、待时限所在月份的报送到期后判断"
      : `${awaiting - passed} 项时限未到、到期时判断，${passed} 项时限已过、待时限所在月份的报送到期后判断`;

/**
 * A task's status in words (task_progress: the worst of its targets'): a task whose worst target is unreported has
 * some target never reported, not nothing reported (有指标从未报送); one with no quantified target, 无量化指标; an
 * on-track one whose on-track targets all wait for their deadline (task_progress.awaiting_deadline_only), 时限未到, or,
 * those deadlines passed and the reports of their months not due yet (awaiting_report_only), 时限已过、待报送.
 */
export const taskStatusLabel = (s, awaitingOnly = false, reportOnly = false) =>
  s === "on_track" && awaitingOnly ? (reportOnly ? AWAITING_REPORT : "时限未到") : s === "not_reported" ? "有指标从未报送" : s === "no_target" ? "无量化指标" : PROGRESS[s]?.label ?? s;

/**
 * Judged against its value, not the schedule: a rate (增长8%; not one over several years, targets.prorated), a
 * ceiling (targets.ceiling: 控制在…以内, 降至… with no baseline; not 下降到…以下 with a baseline, a way down) or a standard
 * to keep (targets.standing: a level with no deadline, 办结率保持99%) has no share of it.
 */
export const againstValue = (t) => t.kind === "quantity" && ((t.rate === true && t.prorated !== true) || t.ceiling === true || t.standing === true);
/**
 * A status in words; lagging, for a target judged against its value, says how (there is no schedule behind which to
 * lag): 超过上限 (控制在…以内), 高于目标 (降至…), 低于目标 (a rate, a standard to keep); on track and judged only at its deadline (a
 * milestone, one counted thing: target_progress.awaiting_deadline), 时限未到, or past it, the report of its month not
 * due yet (awaiting_report), 时限已过、待报送; a recurring duty done, 已完成（已报送至时限）.
 */
export const statusLabel = (t) =>
  // (a recurring duty is done once reported through its deadline's month, whatever its own 完成状态 said: 推进中)
  t.kind === "recurring" && t.progress_status === "done" ? "已完成（已报送至时限）"
  : t.progress_status === "lagging" && againstValue(t)
    ? t.comparator === "at_most" ? "超过上限" : t.rate || (t.standing === true && !t.falls) ? "低于目标" : "高于目标"
    : t.awaiting_deadline === true ? (t.awaiting_report === true ? AWAITING_REPORT : "时限未到")
    // (done: in which month, beside a 统计期 that is the latest month reported: 已完成（2017-09 完成）)
    : (t.progress_status === "done" || t.progress_status === "done_late") && t.done_period ? `${PROGRESS[t.progress_status].label}（${t.done_period} 完成）`
    : PROGRESS[t.progress_status].label;

/** Compared with the time-elapsed schedule (序时): a quantity with a share of its way, not judged against its value. */
export const scheduleShown = (t) => t.kind === "quantity" && !againstValue(t) && t.indivisible !== true;

/**
 * A level (达到450家, 扩大至20亿元) with no baseline: its share is counted from zero at the counting start, which
 * overstates it when the level stood above zero then (targets.baseline; see the task-table guide).
 */
export const levelFromZero = (t) => t.kind === "quantity" && t.measure === "level" && t.baseline == null && !t.falls && !againstValue(t) && t.progress != null;

/** What a share is taken against, when it is not plain: 未登记基数，从 0 起算 (levelFromZero); 按下限计 (15–20期: of 15). */
export const shareNotes = (t) => [levelFromZero(t) ? "未登记基数，从 0 起算" : "", t.kind === "quantity" && t.value_max != null && t.progress != null ? `按下限 ${t.goal ?? t.target_value} 计` : ""].filter(Boolean);

/** Quantity targets: progress bar against the time-elapsed schedule (tick). */
export function progressBars(rows, {width} = {}) {
  // (a long subject cut with …; fitNames cuts further where the card is narrow)
  const subject = (s) => ([...s].length > 14 ? [...s].slice(0, 13).join("") + "…" : s);
  // (the department only where a target has several reporters, each its own bar: 各镇 each building one; first, so that
  // a label cut short on a narrow screen still says whose bar it is)
  const reporters = new Map();
  for (const d of rows) reporters.set(`${d.policy_id ?? ""}\u0000${d.code}`, (reporters.get(`${d.policy_id ?? ""}\u0000${d.code}`) ?? 0) + 1);
  const label = (d) => `${reporters.get(`${d.policy_id ?? ""}\u0000${d.code}`) > 1 ? `${d.department_name}：` : ""}${d.code} ${subject(d.subject)}`;
  // (a share below zero, a fall that went up instead, is drawn as none: its bar would cover its label; said in words)
  const data = rows.map((d) => ({...d, label: label(d), shown: Math.max(0, Math.min(d.progress ?? 0, 1.2))}));
  const none = data.filter((d) => d.progress != null && d.progress <= 0);
  // a target judged against its value (a ceiling, a rate) has no share to draw: its figure against the value, in words,
  // in the colour of its state (超过上限 36 > 35微克/立方米)
  // (or one with no goal to share: a count per period with no deadline, 每年5000万元)
  const unshared = data.filter((d) => d.progress == null && d.latest_value != null);
  // nothing to draw either: not reported (yet), or a status alone (推进中): said in words, in the state's colour
  const unreported = data.filter((d) => d.progress == null && d.latest_value == null);
  const fit = fitNames(width, data.map((d) => d.label), {max: 280});
  // the legend lists the states the bars show, in PROGRESS order
  const states = Object.keys(PROGRESS).filter((s) => data.some((d) => d.progress_status === s));
  return Plot.plot({
    width: fit.width,
    height: 22 * data.length + 50,
    marginLeft: fit.marginLeft,
    x: {label: "完成比例（%）；黑色短竖线：序时进度；虚线：目标", percent: true, domain: [0, 120], grid: true},
    y: {label: null, domain: data.map((d) => d.label)},
    color: {domain: states, range: states.map((s) => PROGRESS[s].color), legend: true, tickFormat: (s) => PROGRESS[s].label},
    marks: [
      Plot.axisY(fit.axis),
      Plot.barX(data, {x: "shown", y: "label", fill: "progress_status", tip: true,
        title: (d) => `${d.code} ${d.subject}\n${d.department_name}：${d.latest_value ?? "—"} / ${d.goal ?? d.target_value}${d.unit}（${d.figure_period ?? d.latest_period ?? "未报"}）\n${d.progress === null && d.latest_value !== null ? "不计完成比例" : `完成 ${pct(d.progress ?? 0)}`}${!scheduleShown(d) ? "" : `，序时 ${d.elapsed == null ? "—" : `${(d.elapsed * 100).toFixed(0)}%`}`}`}),
      Plot.tickX(data.filter(scheduleShown), {x: "elapsed", y: "label", stroke: "#111827", strokeWidth: 2}),
      Plot.text(unshared, {x: 0, y: "label", dx: 6, textAnchor: "start", fill: (d) => PROGRESS[d.progress_status].color, fontWeight: 600,
        text: (d) => `${statusLabel(d)}：${d.latest_value}${d.unit ?? ""}${againstValue(d) ? `，目标 ${goalText(d)}` : "，不计完成比例"}`}),
      Plot.text(none, {x: 0, y: "label", dx: 6, textAnchor: "start", fill: (d) => PROGRESS[d.progress_status].color,
        text: (d) => `完成 ${sharePct(d.progress)}（最新 ${latestText(d, {period: false})}）`}),
      Plot.text(unreported, {x: 0, y: "label", dx: 6, textAnchor: "start", fill: (d) => PROGRESS[d.progress_status].color,
        text: (d) => (d.latest_status ? `${latestText(d)}，未报累计完成值` : statusLabel(d))}),
      Plot.ruleX([0]),
      // 100 %: the goal, dashed, so that it is not taken for a schedule tick
      Plot.ruleX([1], {stroke: "#6b7280", strokeDasharray: "4,3"})
    ]
  });
}

const STATUS_ZH = {done: "已完成", in_progress: "推进中", not_started: "未启动"};
/** 0.456 → 46%; — for none. */
// (a share short of the whole never reads 100%: 97.8 of 98 is 99%, not done)
export const pct = (v) => (v == null ? "—" : `${v < 1 && Math.round(v * 100) >= 100 ? 99 : Math.round(v * 100)}%`);
/** A share done: below 0 (a figure under its baseline, a rate gone the other way) is no share of the way, said so. */
export const sharePct = (v) => (v != null && v < 0 ? "0%（低于起点）" : pct(v));
/**
 * A target as set: 450家, 15–20期, 下降10%左右 (falls), 按时完成 (a milestone), 常态开展 (a recurring activity); a count
 * per period with what it adds up to by the deadline: 每年10家（至时限共30家）.
 */
export const goalText = (t) => {
  if (t.target_value == null) return ({milestone: "按时完成", recurring: "常态开展"})[t.kind] ?? "—";
  // (a rank: a place to reach, 进入前10位)
  if (t.comparator === "at_most" && /排名$/.test(t.subject ?? "")) return `进入前${t.target_value}${t.unit || "位"}`;
  // (events that must not happen, 重特大安全事故零发生: 不发生（0起）, not 0起以内)
  if (t.comparator === "at_most" && t.target_value === 0 && t.value_max == null && !t.frequency) return `不发生（0${t.unit ?? ""}）`;
  // the comparator as the text wrote it: 15家左右, 10名以上, 5%以内 (judged against the value itself: see the page's note)
  const bound = ({about: "左右", at_least: "以上", at_most: "以内"})[t.comparator] ?? "";
  const value = `${t.frequency ?? ""}${downWord(t)}${t.target_value}${t.value_max != null ? "–" + t.value_max : ""}${t.unit ?? ""}${bound}`;
  return t.frequency && t.goal != null && t.goal !== t.target_value ? `${value}（至时限共${t.goal}${t.unit ?? ""}）` : value;
};
/** The unit a target's figures are written in: its own, or 次 for a recurring duty's count of times (none of its own). */
export const figureUnit = (t) => t.unit || (t.kind === "recurring" ? "次" : "");

/**
 * A figure as reported: 450家; a recurring duty's count 3次; a fall reported below zero (下降10%, -1.5%): 不降反升1.5%.
 */
const figureText = (t) => {
  const unit = figureUnit(t);
  // (a fall reported as its size, 下降3%: 下降2.6%, or 不降反升1.5% below zero)
  if (t.falls && t.measure === "increment") return t.latest_value < 0 ? `不降反升${-t.latest_value}${unit}` : `下降${t.latest_value}${unit}`;
  return `${t.latest_value}${unit}`;
};
/**
 * The latest report: its figure (a recurring duty's figure, without a unit of its own, is the number of times it was
 * done: 累计开展次数, as the template asks), else its status (推进中; a recurring duty's 已完成 as 当期已完成), else 未报送;
 * with its period unless `period: false`.
 */
export const latestText = (t, {period = true} = {}) =>
  // (a recurring duty's 已完成 is the round's, not the duty's: it goes on; a figure flagged for review, 待复核, says so)
  (t.latest_value != null ? `${figureText(t)}${t.figure_flagged ? "（待复核）" : ""}` : t.kind === "recurring" && t.latest_status === "done" ? "当期已完成" : STATUS_ZH[t.latest_status] ?? "未报送") + (period && t.latest_period ? `（${t.latest_value != null && t.figure_period && t.figure_period !== t.latest_period ? `${t.figure_period}；${t.latest_period} 只报了状态` : t.latest_period}）` : "");
/** The share done, for a quantity only: a milestone is done or not. */
export const shareText = (t) => (t.kind === "quantity" ? sharePct(t.progress) : "—");

/**
 * Targets with their progress (rows of target_progress): target, latest figure or status with its period, share done
 * (a quantity only: a milestone's 推进中 is no percentage), schedule and status. `department`: a 报送单位 column;
 * `rowHref(r)`: a 行 column linking to the task.
 */
export function targetProgressTable(rows, {department = false, rowHref} = {}) {
  return html`<table class="task-progress">
    <thead><tr>${rowHref ? html`<th>行</th>` : ""}<th>编码</th><th>对象</th>${department ? html`<th>报送单位</th>` : ""}<th>目标</th><th>最新（统计期）</th><th>完成</th><th>序时</th><th>状态</th></tr></thead>
    <tbody>${rows.map((p) => html`<tr>
      ${rowHref ? html`<td><a href=${rowHref(p)}>${p.row_no}</a></td>` : ""}
      <td><code>${p.code}</code></td><td>${p.subject}</td>${department ? html`<td>${p.department_name}</td>` : ""}
      <td>${goalText(p)}</td><td>${latestText(p)}</td><td>${shareText(p)}${shareNotes(p).length ? html`<div class="small muted">${shareNotes(p).join("；")}</div>` : ""}</td><td>${scheduleShown(p) ? pct(p.elapsed) : "—"}</td>
      <td style="color:${PROGRESS[p.progress_status].color}">${statusLabel(p)}</td>
    </tr>`)}</tbody>
  </table>`;
}

/** "code|department" → the month the target was done, for reportHistory's `done` (target_progress rows with done_period). */
export const doneMonths = (progress) => new Map(progress.filter((p) => p.done_period).map((p) => [`${p.code}|${p.department_name}`, p.done_period]));

/** Beside 无量化指标: a task with no target to judge whose deadline has passed (task_progress.deadline_passed). */
export const uncheckedNote = () =>
  html`<br><span class="cell-wrap" style="color:${PROGRESS.overdue.color}" title="本行没有可按报送判断的指标，时限已过：完成情况需另行核实">时限已过，需核实</span>`;

/**
 * The months reported for each target and department (rows of observations): one row per (target, department), one
 * column per month (the last `months` of them), the figure (else its status) in each cell; a figure flagged for review
 * is marked 待复核, one corrected by a later file 改 (its versions in the observation history). `units`: code → unit.
 * `firstOwed`: the first month owed (YYYY-MM), the first column when nothing was sent for it. `done`: "code|department"
 * → the month the target was done: a month after it with nothing sent is no report missing (·, not —).
 */
export function reportHistory(history, {units = new Map(), months = 12, returned = [], through = null, firstOwed = null, done = new Map()} = {}) {
  // (a rejected row for a month after the last one due and any accepted, 2018-11 typed for 2017-11 and refused as a
  // month not over: no column of its own, which would push the months sent out of view)
  const lastSeen = [through, ...history.map((h) => h.period)].filter(Boolean).sort().at(-1) ?? null;
  returned = lastSeen === null ? returned : returned.filter((r) => r.period <= lastSeen);
  // (every month from the first one sent to the last one due, a month nothing came for a column of —: historyMonths)
  // (from the first month owed, firstOwed, when none was sent for it)
  const {periods, unlisted} = historyMonths([...history, ...returned].map((h) => h.period), through, months, firstOwed);
  const shown = periods.slice(-months);
  const keys = [...new Map([...history, ...returned].map((h) => [`${h.code}|${h.department_name}`, h])).values()]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  // (a month whose rows were all rejected and not yet sent again: 退回, not — as if never sent)
  const sentBack = new Map(returned.map((r) => [`${r.code}|${r.department_name}|${r.period}`, r]));
  const cell = (h, key) => {
    const back = h ? null : sentBack.get(key);
    if (back) return html`<td class="history-returned" title="${`该月报送的这一指标的行被拒绝（${back.file}），待改正后重报`}">退回</td>`;
    if (!h) {
      const finished = done.get(key.slice(0, key.lastIndexOf("|")));
      return finished && key.slice(key.lastIndexOf("|") + 1) > finished
        ? html`<td class="muted" title="${`${finished} 已完成，此后不再报送`}">·</td>`
        : html`<td class="muted" title="该月未报送">—</td>`;
    }
    const text = h.value != null ? `${h.value}${units.get(h.code) ?? ""}` : STATUS_ZH[h.status] ?? "";
    const title = [h.flagged ? `待复核：${h.flag_reason ?? ""}` : "", h.versions > 1 ? `已更正 ${h.versions - 1} 次，现为 ${h.file} 所报` : `${h.file}`, h.note ? `进展情况：${h.note}` : ""].filter(Boolean).join("\n");
    return html`<td class="${h.flagged ? "history-flagged" : ""}" title="${title}">${text}${h.versions > 1 ? html`<sup class="muted">改</sup>` : ""}${h.flagged ? html`<sup>待复核</sup>` : ""}</td>`;
  };
  const byKey = new Map(history.map((h) => [`${h.code}|${h.department_name}|${h.period}`, h]));
  return html`<div class="history-scroll"><table class="report-history">
    <thead><tr><th>指标</th><th>报送单位</th>${shown.map((p) => html`<th>${p}</th>`)}</tr></thead>
    <tbody>${keys.map((k) => html`<tr><td>${k.code}</td><td>${k.department_name}</td>${shown.map((p) => cell(byKey.get(`${k.code}|${k.department_name}|${p}`), `${k.code}|${k.department_name}|${p}`))}</tr>`)}</tbody>
  </table></div>${periods.length > shown.length || unlisted ? html`<p class="small muted" data-history-note>${periods.length > shown.length ? `只列最近 ${shown.length} 个月（自首次报送起共 ${periods.length} 个月）。` : ""}${unlisted}</p>` : ""}`;
}
