// The 督查通报 (supervision briefing) page: pure functions of (data, options) that write the briefing's text.
import {html} from "npm:htl";
import {PROGRESS, againstValue, awaitingWhen, goalText, latestText, pct, scheduleShown, shareNotes, sharePct, statusLabel} from "./progress.js";
import {dateZh, deadlineZh, list} from "./format.js";
import {cnNumber} from "./numerals.js";

/** （一）（二）…（十一）… for the n-th (1-based) entry. */
export const cnIndex = (n) => `（${cnNumber(n)}）`;


/** Counts of tasks and of (target, department) pairs by status, for one policy. */
export function statusCounts(taskRows) {
  const tasks = {overdue: 0, lagging: 0, not_reported: 0, no_deadline: 0, on_track: 0, not_due: 0, ongoing: 0, done_late: 0, done: 0, no_target: 0};
  const pairs = {overdue: 0, lagging: 0, not_reported: 0, no_deadline: 0, on_track: 0, not_due: 0, ongoing: 0, done_late: 0, done: 0};
  for (const r of taskRows) {
    tasks[r.task_status] += r.tasks;
    for (const k of Object.keys(pairs)) pairs[k] += r[k] ?? 0;
  }
  const totalTasks = Object.values(tasks).reduce((a, b) => a + b, 0);
  const totalPairs = Object.values(pairs).reduce((a, b) => a + b, 0);
  // on-track tasks whose on-track targets all wait for their deadline (时限未到)
  const awaitingTasks = taskRows.filter((r) => r.task_status === "on_track").reduce((s, r) => s + (r.awaiting_tasks ?? 0), 0);
  // (of those: every such deadline passed, the report of its month not due yet: 时限已过、待报送)
  const awaitingReportTasks = taskRows.filter((r) => r.task_status === "on_track").reduce((s, r) => s + (r.awaiting_report_tasks ?? 0), 0);
  return {tasks, pairs, totalTasks, totalPairs, awaitingTasks, awaitingReportTasks};
}

/** The counts no schedule can judge, when there are any: 另有无时限 n 项、常态开展 m 项、未到报送期 k 项（不按序时评估）. */
const unjudged = (c) => {
  const parts = [c.no_deadline ? `无时限 ${c.no_deadline} 项` : "", c.ongoing ? `常态开展 ${c.ongoing} 项` : "", c.not_due ? `未到报送期 ${c.not_due} 项` : ""].filter(Boolean);
  return parts.length ? `；另有${parts.join("、")}（不按序时评估）` : "";
};

/** （其中逾期完成 n 项）: the done counted after their deadline's month, when there are any. */
const late = (c) => (c.done_late ? `（其中逾期完成 ${c.done_late} 项）` : "");

// the unfinished pairs judged on an older figure: the last month due not sent, or sent and returned (not yet sent again)
const staleText = (n) => {
  if (!n?.stale) return "";
  const returned = n.stale_returned ?? 0;
  const how = returned === 0 ? "没有报送" : returned === n.stale ? "的报送被退回、尚未重报" : `没有可用的报送（未报 ${n.stale - returned} 项，报送被退回、尚未重报 ${returned} 项）`;
  const which = (n.stale_pairs ?? []).slice(0, 3).map((p) => `${p.department_name} ${p.code} 的 ${p.period}`).join("、");
  return `未完成的指标中，有 ${n.stale} 项最近应报的月份${how}${which ? `（${which}${n.stale > 3 ? " 等" : ""}）` : ""}，按此前所报的数判断。`;
};
/**
 * （其中 n 项为节点任务、目标为 1 个等到期才判断的指标，时限未到、到期时判断，k 项尚未启动）: the on-track pairs no schedule judges
 * yet (briefing.json's pair_notes), so that 进度正常 is not read as on schedule; those past their deadline, the report of
 * its month not due yet, said apart (时限已过、待该月报送到期后判断).
 */
export const awaitingText = (n) =>
  n?.awaiting_deadline
    ? `（其中 ${n.awaiting_deadline} 项为节点任务、目标为 1 个等到期才判断的指标，${awaitingWhen(n.awaiting_deadline, n.awaiting_report ?? 0)}${n.awaiting_not_started ? `；${n.awaiting_not_started} 项尚未启动` : ""}）`
    : "";

/** A pair never reported (no figure, no status, in any month). */
export const neverReported = (t) => t.latest_period == null && t.latest_status == null;

/**
 * The first words of a review reason, up to its first bracket or colon (「无法识别的填报日期」, 「累计值 1 低于此前已载入的
 * 2018-01 的 2」); a long one up to the end of a clause within 40 characters (「累计值 3000亿元 是目标值 20亿元 的 150 倍」),
 * cut mid-clause with … only when it has none.
 */
export function reasonHead(reason) {
  const head = reason.split(/[（(：:；]/)[0].replace(/，且进展情况未说明原因$/, "").trim();
  if (head.length <= 30) return head;
  const clause = head.lastIndexOf("，", 40);
  return clause >= 8 ? head.slice(0, clause) : `${head.slice(0, 30)}…`;
}

/**
 * 一、总体情况: one paragraph. `targets`: the behind (lagging, overdue) pairs of the policy, to say how many of the
 * overdue were never reported and how many of the lagging are judged against their value (低于目标, 超过上限).
 */
export function overallParagraph(policy, counts, {asOf, receipts, targets = [], unjudged: passed = [], reviewing = [], idle = [], notes = null}) {
  const {tasks, pairs, totalTasks, totalPairs, awaitingTasks = 0, awaitingReportTasks = 0} = counts;
  const withTargets = totalTasks - tasks.no_target;
  const silent = targets.filter((t) => t.progress_status === "overdue" && neverReported(t)).length;
  const byValue = targets.filter((t) => t.progress_status === "lagging" && againstValue(t)).length;
  const parts = [
    `截至${dateZh(asOf)}，${policy.doc_number ? `《${policy.title}》（${policy.doc_number}）` : `《${policy.title}》`}共分解任务 ${totalTasks} 项，其中设有量化指标或完成节点的 ${withTargets} 项，按报送单位计指标 ${totalPairs} 项。`,
    totalPairs
      ? `对照完成时限和序时进度，指标已完成 ${pairs.done + pairs.done_late} 项${late(pairs)}、进度正常 ${pairs.on_track} 项${awaitingText(notes)}、落后序时 ${pairs.lagging} 项${byValue ? `（其中增减率或须长期保持的水平低于目标、或超过上限的 ${byValue} 项，不看序时）` : ""}、逾期未完成 ${pairs.overdue} 项${silent ? `（其中 ${silent} 项从未报送）` : ""}、从未报送 ${pairs.not_reported} 项${unjudged(pairs)}。${staleText(notes)}`
      : "",
    `任务层面（按其中最差的指标计），逾期未完成 ${tasks.overdue} 项，落后序时 ${tasks.lagging} 项，有指标从未报送 ${tasks.not_reported} 项，进度正常 ${tasks.on_track} 项${awaitingTasks ? `（其中 ${awaitingTasks} 项的指标都是节点任务、目标为 1 个等到期才判断的指标${awaitingReportTasks ? `，${awaitingReportTasks === awaitingTasks ? "且时限都已过" : `${awaitingReportTasks} 项时限已过`}、待该月报送到期后判断` : ""}）` : ""}，已完成 ${tasks.done + tasks.done_late} 项${late(tasks)}${unjudged(tasks)}。`,
    // (a task no report can judge is in no count above: its passed deadline said, so that it is not taken for done)
    tasks.no_target
      ? `没有量化指标或完成节点、无法按月度报送判断的任务 ${tasks.no_target} 项${passed.length ? `，其中 ${passed.length} 项时限已过（${rowList(passed.map((t) => t.row_no))}），完成情况需另行核实` : ""}。`
      : "",
    // (a figure flagged at load, 3270家 for 450: counted as reported until corrected, which may be why a target is done)
    // (each with the first words of its reason: an unreadable report date is no doubt about the figure)
    reviewing.length
      ? `另有 ${reviewing.length} 项指标的最新报送待复核（${reviewing.length > 3 ? "如 " : ""}${reviewing.slice(0, 3).map((r) => `${r.code} ${r.department_name}${r.flag_reason ? `：${reasonHead(r.flag_reason)}` : ""}`).join("；")}），核实更正前按所报数判断。`
      : "",
    // (no deadline, nothing done yet: in no count of the behind, said by name so that it is followed up)
    idle.length
      ? `无时限的指标中，${idle.length} 项的累计完成值至今仍为 0（${idleList(idle)}），不按序时评估，需另行督促。`
      : "",
    receipts === 0 ? (pairs.not_due === totalPairs ? "截至判断日期尚无到期的月度报送。" : "截至判断日期尚未收到任何月度报送，以上判断均基于“未报送”。") : ""
  ];
  // a judging date before the policy was issued: said first, so that nobody reads the counts as a verdict
  if (policy.issued_date && asOf < policy.issued_date) parts.unshift(`（注意：判断日期早于本政策的发文日期 ${dateZh(policy.issued_date)}，以下各项不是对执行情况的评价。）`);
  return html`<p class="briefing-text">${parts.join("")}</p>`;
}

/** CX75-03-01 智能经济服务中心：周巷镇、坎墩街道 (a target's departments together; 等 beyond three targets). */
const idleList = (idle) => {
  const byCode = new Map();
  for (const t of idle) byCode.set(t.code, [...(byCode.get(t.code) ?? []), t]);
  const items = [...byCode.values()].map((list) => `${list[0].code} ${list[0].subject}：${list.map((t) => t.department_name).join("、")}`);
  return items.length > 3 ? `${items.slice(0, 3).join("；")} 等` : items.join("；");
};

/** 第 7、9、19 行 (and 等 n 行 beyond ten). */
const rowList = (rows) => `第 ${rows.slice(0, 10).join("、")} 行${rows.length > 10 ? ` 等 ${rows.length} 行` : ""}`;

/** One lagging or overdue target, as a sentence. */
export function targetSentence(t) {
  // a share done only for a quantity: a milestone is done or not
  // (a ceiling, a level to come down to or a rate has no share: judged against its value, shown beside it)
  const done = t.kind === "quantity" && t.progress != null ? `完成 ${sharePct(t.progress)}${shareNotes(t).length ? `（${shareNotes(t).join("；")}）` : ""}、` : "";
  // (nor a schedule: a rate short of its value is 低于目标, a ceiling exceeded 超过上限)
  // (never reported: no schedule to compare with, and the verdict says so)
  const silent = neverReported(t);
  const schedule = !scheduleShown(t) || silent ? "" : `序时 ${pct(t.elapsed)}，`;
  const note = t.latest_note ? html`<span class="muted">报送单位说明（${t.note_period}）：“${noteHead(t.latest_note)}”</span>` : "";
  return html`<li><span class="code">${t.code}</span> ${t.subject}（${t.department_name}）：目标 ${goalText(t)}，最新 ${latestText(t)}，${done}${schedule}<span style="color:${PROGRESS[t.progress_status].color}">${statusLabel(t)}${silent && t.progress_status === "overdue" ? "（从未报送）" : ""}</span>。${note}</li>`;
}

/**
 * A department's 进展情况 as the briefing quotes it: whole up to 60 characters, else cut at the end of a sentence (；。)
 * within them, or of a clause (，), or at 60 (…).
 */
export function noteHead(note) {
  const text = String(note).replace(/\s+/g, " ").trim();
  if (text.length <= 60) return text;
  const end = (marks) => Math.max(...marks.map((p) => text.lastIndexOf(p, 60)));
  const sentence = end(["；", "。", ";"]);
  const clause = end(["，", ","]);
  return `${text.slice(0, sentence >= 20 ? sentence : clause >= 20 ? clause : 60)}…`;
}

/** 二、进度滞后的任务: one entry per task with its behind targets. */
export function behindList(behind, targets, {base = ".", asOf = null} = {}) {
  if (!behind.length) return html`<p class="briefing-text">无逾期或落后序时的任务。</p>`;
  return html`<ol class="briefing-list">${behind.map((task, i) => {
    const own = targets.filter((t) => t.policy_id === task.policy_id && t.row_no === task.row_no);
    return html`<li data-row="${task.row_no}"><p class="briefing-text">${cnIndex(i + 1)}<a href="${base}/tasks/${task.policy_id}/r${String(task.row_no).padStart(2, "0")}">第 ${task.row_no} 行</a> ${task.title}
      <span class="muted">（牵头：${list(task.lead_departments) || "—"}${task.lead_persons?.length ? `，责任人 ${list(task.lead_persons)}` : ""}${task.coop_departments?.length ? `；配合：${list(task.coop_departments)}` : ""}；时限：${deadlineZh(task.deadline_text, task.deadline, task.task_status === "overdue" ? asOf : null)}）</span>
      <strong style="color:${PROGRESS[task.task_status].color}">${PROGRESS[task.task_status].label}</strong></p>
      <ul>${own.map(targetSentence)}</ul></li>`;
  })}</ol>`;
}

/** 三、报送情况: departments that owe reports. */
export function reportingParagraph(departments, {asOf}) {
  const owing = departments.filter((d) => d.months_missing > 0).sort((a, b) => b.months_missing - a.months_missing || a.name.localeCompare(b.name, "zh-CN"));
  const late = departments.filter((d) => d.months_late > 0).sort((a, b) => b.months_late - a.months_late || a.name.localeCompare(b.name, "zh-CN"));
  if (!departments.some((d) => d.months_owed > 0)) return html`<p class="briefing-text">截至${dateZh(asOf)}尚无到期的报送。</p>`;
  const returned = departments.filter((d) => d.months_returned > 0).sort((a, b) => b.months_returned - a.months_returned || a.name.localeCompare(b.name, "zh-CN"));
  return html`<p class="briefing-text">截至${dateZh(asOf)}，${owing.length ? `有未报月份的单位 ${owing.length} 个：${owing.map((d) => `${d.name}（${d.months_missing} 个月份未报）`).join("、")}` : "各单位到期的月份均已报送"}。${returned.length ? `报送被退回、尚未改正重报的单位 ${returned.length} 个：${returned.map((d) => `${d.name}（${d.months_returned} 个月份）`).join("、")}。` : ""}${late.length ? `逾期报送的单位 ${late.length} 个：${late.map((d) => `${d.name}（${d.months_late} 个月份的报送晚于期限）`).join("、")}。` : "没有逾期报送的单位。"}</p>`;
}

/** 四、部门协同: which cooperating departments the behind tasks depend on. */
export function dependencyParagraph(behind) {
  const byDepartment = new Map();
  for (const task of behind) for (const d of task.coop_departments ?? []) byDepartment.set(d, (byDepartment.get(d) ?? 0) + 1);
  const ranked = [...byDepartment].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "zh-CN"));
  const withCoop = behind.filter((t) => t.coop_departments?.length).length;
  if (!behind.length) return html`<p class="briefing-text">无滞后任务。</p>`;
  if (!withCoop) return html`<p class="briefing-text">${behind.length} 项滞后任务都没有配合部门，由牵头部门负责推进。</p>`;
  return html`<p class="briefing-text">${behind.length} 项滞后任务中，${withCoop} 项需要配合部门协同推进${ranked.length ? `，涉及配合部门 ${ranked.length} 个：${ranked.map(([d, n]) => `${d}（${n} 项）`).join("、")}` : ""}。牵头部门应会同配合部门研究解决，配合部门应按分工及时提供支持。</p>`;
}
