// Charts of the 跨部门协同 page (and the department page): pure functions of (data, options).
// data = {nodes: [{id, code, name, is_group, degree, weighted_degree, betweenness_normalized, community}],
//         edges: [{a, b, name_a, name_b, weight, co_lead_rows, a_leads_b_rows, b_leads_a_rows, row_nos}]}
import * as Plot from "npm:@observablehq/plot";
import {fitNames, textWidth} from "./fit.js";
import {forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY} from "npm:d3-force";
import {html, svg} from "npm:htl";
import {ROLE_COLORS} from "./workload.js";

export const COMMUNITY_COLORS = ["#4269d0", "#ff725c", "#3ca951", "#a463f2", "#efb118", "#6cc5b0", "#ff8ab7", "#9c6b4e", "#97bbf5", "#9498a0"];
const ACCENT = "#d9480f";
const EDGE = "#8b95a5";

export const nodeLabel = (n) => (n.is_group ? `${n.name}（部门组）` : n.name);

/**
 * A label written top to bottom: brackets and 、 as one middle dot (各镇·街道·园区·部门组). In vertical text a bracket
 * stands right only in a font with vertical alternates (else upright, running into the next character), and a
 * vertical-form bracket (︵) or comma (︑) is missing from many fonts; the row label beside it, and the tip, keep the
 * name as written.
 */
const verticalText = (s) => s.replace(/[(（)）、]+/g, "·").replace(/^·|·$/g, "");
const rowList = (rows) => rows.map((r) => `第 ${r} 行`).join("、");
const byHub = (a, b) => b.weighted_degree - a.weighted_degree || b.betweenness_normalized - a.betweenness_normalized || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The hubs: the departments with the highest weighted degree (ties kept), at most `count`. */
export function hubs(nodes, count = 3) {
  const sorted = [...nodes].sort(byHub);
  const cut = sorted[Math.min(count, sorted.length) - 1]?.weighted_degree ?? Infinity;
  return sorted.filter((n, i) => i < count || n.weighted_degree === cut);
}

/** Community numbers shown to readers (1, 2, …): by total weighted degree, the hub's community first. */
export function communityRanks(nodes) {
  const strength = new Map();
  for (const n of nodes) strength.set(n.community, (strength.get(n.community) ?? 0) + n.weighted_degree);
  const order = [...strength.keys()].sort((a, b) => strength.get(b) - strength.get(a) || a - b);
  return new Map(order.map((c, i) => [c, i + 1]));
}

const communityColor = (rank) => COMMUNITY_COLORS[(rank - 1) % COMMUNITY_COLORS.length];

/** Matrix order: by community (strongest first), then by weighted degree. */
export function matrixOrder(nodes) {
  const rank = communityRanks(nodes);
  return [...nodes].sort((a, b) => rank.get(a.community) - rank.get(b.community) || byHub(a, b));
}

/** Edge tooltip: the pair, the rows they share and how. */
export function edgeTitle(e) {
  const ties = [
    e.co_lead_rows ? `共同牵头 ${e.co_lead_rows} 行` : null,
    e.a_leads_b_rows ? `${e.name_a}牵头、${e.name_b}配合 ${e.a_leads_b_rows} 行` : null,
    e.b_leads_a_rows ? `${e.name_b}牵头、${e.name_a}配合 ${e.b_leads_a_rows} 行` : null
  ].filter(Boolean);
  return `${e.name_a} — ${e.name_b}\n共同承担 ${e.weight} 行：${rowList(e.row_nos)}\n${ties.join("；")}`;
}

const boxesOverlap = (p, q, gap) => p.x0 < q.x1 + gap && q.x0 < p.x1 + gap && p.y0 < q.y1 + gap && q.y0 < p.y1 + gap;

/**
 * Deterministic force layout: nodes start on a phyllotaxis spiral in hub order (heaviest in the middle), d3-force runs
 * a fixed number of ticks synchronously (its random source is a fixed LCG), the result is mapped into the frame, then
 * overlapping label boxes are pushed apart until none overlap and the layout is spread to fill the frame.
 * Each node's box covers its circle and its label centred below it.
 * Returns nodes with x, y, r, fontSize, hub, box {x0, x1, y0, y1}, and `overlaps` (pairs still overlapping; [] when clean).
 */
export function layoutNetwork(nodes, edges, {width, height, ticks = 300, gap = 3} = {}) {
  const maxWeighted = Math.max(1, ...nodes.map((n) => n.weighted_degree));
  const hubIds = new Set(hubs(nodes).map((n) => n.id));
  const sorted = [...nodes].sort(byHub);
  const cx = width / 2;
  const cy = height / 2;
  const ns = sorted.map((n, i) => {
    const hub = hubIds.has(n.id);
    const fontSize = hub ? 14 : 12;
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    const radius = 22 * Math.sqrt(i);
    return {
      ...n, hub, fontSize,
      r: 5 + 17 * Math.sqrt(n.weighted_degree / maxWeighted),
      labelWidth: textWidth(nodeLabel(n), fontSize) + 4,
      x: cx + radius * Math.cos(angle) * (width / height),
      y: cy + radius * Math.sin(angle)
    };
  });
  const extent = (n) => ({left: Math.max(n.r, n.labelWidth / 2), top: n.r + 1, bottom: n.r + 3 + n.fontSize + 3});
  const box = (n) => {
    const e = extent(n);
    return {x0: n.x - e.left, x1: n.x + e.left, y0: n.y - e.top, y1: n.y + e.bottom};
  };
  const clamp = (n) => {
    const e = extent(n);
    n.x = Math.max(e.left + 2, Math.min(width - e.left - 2, n.x));
    n.y = Math.max(e.top + 2, Math.min(height - e.bottom - 2, n.y));
  };
  // Pushes apart overlapping boxes along the axis where they overlap least.
  const separate = (strength) => {
    let count = 0;
    for (let i = 0; i < ns.length; i++) {
      for (let j = i + 1; j < ns.length; j++) {
        const a = ns[i], b = ns[j];
        const p = box(a), q = box(b);
        if (!boxesOverlap(p, q, gap)) continue;
        count++;
        const ox = Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0) + gap;
        const oy = Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0) + gap;
        if (ox < oy) {
          const dir = (p.x0 + p.x1 < q.x0 + q.x1 ? -1 : 1) * ox * strength;
          a.x += dir / 2; b.x -= dir / 2;
        } else {
          const dir = (p.y0 + p.y1 < q.y0 + q.y1 ? -1 : 1) * oy * strength;
          a.y += dir / 2; b.y -= dir / 2;
        }
      }
    }
    return count;
  };
  // 1. The graph's shape: d3-force with circles only (labels ignored), a fixed number of ticks.
  const links = edges.map((e) => ({source: e.a, target: e.b, weight: e.weight}));
  const simulation = forceSimulation(ns)
    .force("link", forceLink(links).id((n) => n.id).distance((l) => 30 + 30 / l.weight))
    .force("charge", forceManyBody().strength(-220))
    .force("collide", forceCollide((n) => n.r + 8))
    .force("x", forceX(cx).strength(0.06))
    .force("y", forceY(cy).strength(0.06))
    .stop();
  simulation.tick(ticks);
  // 2. Into the frame: each axis mapped linearly so that every node (with its label) is inside.
  for (const axis of ["x", "y"]) {
    const size = axis === "x" ? width : height;
    const lo = Math.min(...ns.map((n) => n[axis]));
    const hi = Math.max(...ns.map((n) => n[axis]));
    const before = axis === "x" ? Math.max(...ns.map((n) => extent(n).left)) : Math.max(...ns.map((n) => extent(n).top));
    const after = axis === "x" ? before : Math.max(...ns.map((n) => extent(n).bottom));
    for (const n of ns) n[axis] = hi > lo ? before + 4 + ((n[axis] - lo) / (hi - lo)) * (size - before - after - 8) : size / 2;
  }
  // 3. Labels: push overlapping boxes apart until none overlap.
  for (let i = 0; i < 1000; i++) {
    const count = separate(0.6);
    ns.forEach(clamp);
    if (count === 0) break;
  }
  // Spread the layout to fill the frame: scaling positions up (never down) keeps separated boxes separated.
  const fit = (axis, size) => {
    const lo = (n) => (axis === "x" ? n.x - extent(n).left : n.y - extent(n).top);
    const hi = (n) => (axis === "x" ? n.x + extent(n).left : n.y + extent(n).bottom);
    const centre = (Math.min(...ns.map(lo)) + Math.max(...ns.map(hi))) / 2;
    const span = (k) => Math.max(...ns.map((n) => hi(n) + (k - 1) * (n[axis] - centre))) - Math.min(...ns.map((n) => lo(n) + (k - 1) * (n[axis] - centre)));
    let low = 1, high = 8;
    if (span(low) > size - 8) return;
    for (let i = 0; i < 30; i++) {
      const mid = (low + high) / 2;
      if (span(mid) <= size - 8) low = mid;
      else high = mid;
    }
    for (const n of ns) n[axis] = centre + low * (n[axis] - centre);
    const shift = (size - (Math.max(...ns.map(hi)) + Math.min(...ns.map(lo)))) / 2;
    for (const n of ns) n[axis] += shift;
  };
  fit("x", width);
  fit("y", height);
  for (const n of ns) n.box = box(n);
  const overlaps = [];
  for (let i = 0; i < ns.length; i++) for (let j = i + 1; j < ns.length; j++) if (boxesOverlap(ns[i].box, ns[j].box, 0)) overlaps.push([ns[i].name, ns[j].name]);
  return {nodes: ns, overlaps};
}

// The layout depends only on the data and the size: reuse it when only the selection changes.
const layouts = new WeakMap();
function cachedLayout(nodes, edges, width, height) {
  if (!layouts.has(nodes)) layouts.set(nodes, new Map());
  const cache = layouts.get(nodes);
  const key = `${width}x${height}x${edges.length}`;
  if (!cache.has(key)) cache.set(key, layoutNetwork(nodes, edges, {width, height}));
  return cache.get(key);
}

/**
 * The department network: node area by weighted degree, colour by community, edge width by shared rows, labels
 * below their node and never overlapping. The hubs have bold labels and a dark ring; a department group is a square.
 * `selected` (a department id) highlights its ties; `href(node)` links nodes to department pages.
 */
export function networkGraph({nodes, edges}, {width = 640, height, selected = null, href} = {}) {
  width = Math.max(240, width); // (no wider than a phone's card: a label past its edge is cut)
  height ??= Math.round(Math.max(440, Math.min(640, width * 0.62)));
  // On a narrow screen the labels may not fit: grow the chart until they do.
  let layout = cachedLayout(nodes, edges, width, height);
  for (let i = 0; i < 6 && layout.overlaps.length; i++) layout = cachedLayout(nodes, edges, width, (height = Math.round(height * 1.2)));
  const {nodes: laid, overlaps} = layout;
  const at = new Map(laid.map((n) => [n.id, n]));
  const neighbours = new Set(selected ? edges.flatMap((e) => (e.a === selected ? [e.b] : e.b === selected ? [e.a] : [])) : []);
  const focus = (n) => !selected || n.id === selected || neighbours.has(n.id);
  const incident = (e) => selected && (e.a === selected || e.b === selected);
  const links = edges.map((e) => ({...e, x1: at.get(e.a).x, y1: at.get(e.a).y, x2: at.get(e.b).x, y2: at.get(e.b).y}));
  const rank = communityRanks(nodes);
  const color = (n) => communityColor(rank.get(n.community));
  const nodeTitle = (n) => `${nodeLabel(n)}${n.hub ? "（枢纽）" : ""}\n协同部门 ${n.degree} 个，与各部门共同承担的行数之和 ${n.weighted_degree}\n中介中心度 ${(n.betweenness_normalized * 100).toFixed(1)}%\n协同群组 ${rank.get(n.community)}`;
  const labelOptions = (fontWeight) => ({
    x: "x", y: (n) => n.y + n.r + 3, text: nodeLabel, lineAnchor: "top", fontSize: (n) => n.fontSize, fontWeight,
    fill: (n) => (focus(n) ? "#111827" : "#9ca3af"), stroke: "var(--theme-background, white)", strokeWidth: 4, paintOrder: "stroke",
    href: href ? (n) => href(n) : undefined, className: "network-label"
  });
  const chart = Plot.plot({
    width,
    height,
    margin: 0,
    x: {type: "identity", axis: null},
    y: {type: "identity", axis: null},
    r: {type: "identity"},
    style: {overflow: "visible"},
    marks: [
      Plot.link(links, {
        x1: "x1", y1: "y1", x2: "x2", y2: "y2",
        stroke: (e) => (incident(e) ? ACCENT : EDGE),
        strokeWidth: (e) => 1 + 1.6 * (e.weight - 1),
        strokeOpacity: (e) => (selected ? (incident(e) ? 0.9 : 0.07) : 0.45)
      }),
      Plot.dot(laid.filter((n) => !n.is_group), {
        x: "x", y: "y", r: "r", fill: color, fillOpacity: (n) => (focus(n) ? 0.95 : 0.2),
        stroke: (n) => (n.id === selected ? ACCENT : n.hub ? "#111827" : "white"), strokeWidth: (n) => (n.id === selected ? 3.5 : n.hub ? 2 : 1.5),
        href: href ? (n) => href(n) : undefined
      }),
      Plot.dot(laid.filter((n) => n.is_group), {
        x: "x", y: "y", r: (n) => n.r * 1.25, symbol: "square", fill: color, fillOpacity: (n) => (focus(n) ? 0.5 : 0.15),
        stroke: (n) => (n.id === selected ? ACCENT : "#111827"), strokeWidth: (n) => (n.id === selected ? 3 : 1.5), strokeDasharray: "3,2",
        href: href ? (n) => href(n) : undefined
      }),
      Plot.text(laid.filter((n) => !n.hub), labelOptions(400)),
      Plot.text(laid.filter((n) => n.hub), labelOptions(700)),
      Plot.tip(links, Plot.pointer({x: (e) => (e.x1 + e.x2) / 2, y: (e) => (e.y1 + e.y2) / 2, title: edgeTitle, maxRadius: 12})),
      Plot.tip(laid, Plot.pointer({x: "x", y: "y", title: nodeTitle, maxRadius: 24}))
    ]
  });
  chart.setAttribute("aria-label", "部门协同网络");
  chart.dataset.overlaps = String(overlaps.length);
  return chart;
}

/** Legend of the network's communities (coloured swatches named after each community's hub); on a narrow screen the items wrap. */
export function communityLegend(nodes) {
  const items = [...communityRanks(nodes)].map(([c, rank]) => {
    const members = nodes.filter((n) => n.community === c).sort(byHub);
    return {color: communityColor(rank), text: `群组 ${rank}：${members[0].name}等 ${members.length} 个部门`};
  });
  return html`<div class="community-legend" style="display: flex; flex-wrap: wrap; gap: 4px 24px; font: 12px var(--sans-serif);">${items.map((item) =>
    html`<span style="display: inline-flex; align-items: center; gap: 6px;"><svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="6" fill="${item.color}"></circle></svg>${item.text}</span>`)}</div>`;
}

/**
 * Adjacency matrix ordered by community (strongest first) then weighted degree; cells shaded by shared rows with a
 * tooltip listing them; community blocks outlined on the diagonal. `selected` highlights a department's row and column.
 */
export function adjacencyMatrix({nodes, edges}, {width = 640, selected = null} = {}) {
  const order = matrixOrder(nodes);
  const names = order.map(nodeLabel);
  const label = new Map(order.map((n) => [n.id, nodeLabel(n)]));
  const fontSize = 12;
  const marginLeft = Math.max(...names.map((n) => textWidth(n, fontSize))) + 12;
  // (vertical text runs a little longer than horizontal: room for it, so that no column label is cut at the top)
  const marginTop = marginLeft + 16;
  const cell = Math.max(14, Math.min(30, Math.floor((width - marginLeft - 10) / names.length)));
  const size = cell * names.length;
  const cells = edges.flatMap((e) => [
    {...e, x: label.get(e.b), y: label.get(e.a), ids: [e.a, e.b]},
    {...e, x: label.get(e.a), y: label.get(e.b), ids: [e.a, e.b]}
  ]);
  const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
  const inFocus = (c) => !selected || c.ids.includes(selected);
  const grid = names.flatMap((x) => names.map((y) => ({x, y})));
  const chart = Plot.plot({
    width: marginLeft + size + 10,
    height: marginTop + size + 10,
    marginLeft,
    marginTop,
    marginRight: 10,
    marginBottom: 10,
    padding: 0.06,
    style: {fontSize: `${fontSize}px`},
    x: {domain: names, axis: null},
    y: {domain: names, axis: null},
    color: {type: "linear", domain: [0, maxWeight], range: ["#c6dbef", "#08306b"], interpolate: "rgb"},
    marks: [
      Plot.cell(grid, {x: "x", y: "y", fill: (d) => (d.x === d.y ? "#d1d5db" : "white")}),
      Plot.cell(cells, {x: "x", y: "y", fill: "weight", fillOpacity: (c) => (inFocus(c) ? 1 : 0.25)}),
      cell >= 18 ? Plot.text(cells.filter(inFocus), {x: "x", y: "y", text: "weight", fill: (c) => (c.weight > maxWeight / 2 ? "white" : "#0b1f3a"), fontSize: 11}) : null,
      Plot.tip(cells, Plot.pointer({x: "x", y: "y", title: edgeTitle}))
    ]
  });
  // columns by the x scale, rows by the y scale (whose range starts lower: marginTop is not marginLeft)
  const x = chart.scale("x");
  const y = chart.scale("y");
  const pos = (name) => x.apply(name);
  const posY = (name) => y.apply(name);
  const step = x.step ?? x.bandwidth;
  const offset = (step - x.bandwidth) / 2;
  const start = (name) => pos(name) - offset;
  const startY = (name) => posY(name) - offset;
  // Row labels (left), column labels (top, vertical writing), community blocks, the selected department's row and column.
  const selectedName = selected ? label.get(selected) : null;
  const blocks = [];
  for (const n of order) {
    const last = blocks.at(-1);
    if (last && last.community === n.community) last.to = nodeLabel(n);
    else blocks.push({community: n.community, from: nodeLabel(n), to: nodeLabel(n)});
  }
  const weight = (name) => (name === selectedName ? 700 : 400);
  const overlay = svg`<g class="matrix-overlay" font-size="${fontSize}" fill="currentColor">
    ${names.map((n) => svg`<text class="matrix-row-label" x="${marginLeft - 6}" y="${posY(n) + y.bandwidth / 2}" text-anchor="end" dominant-baseline="central" font-weight="${weight(n)}">${n}</text>`)}
    ${names.map((n) => svg`<text class="matrix-col-label" x="${pos(n) + x.bandwidth / 2}" y="${marginTop - 6}" writing-mode="vertical-rl" text-anchor="end" dominant-baseline="central" font-weight="${weight(n)}">${verticalText(n)}</text>`)}
    ${blocks.map((b) => svg`<rect x="${start(b.from)}" y="${startY(b.from)}" width="${start(b.to) + step - start(b.from)}" height="${startY(b.to) + step - startY(b.from)}" fill="none" stroke="#374151" stroke-width="1.5"></rect>`)}
    ${selectedName ? svg`<rect x="${marginLeft - 2}" y="${startY(selectedName)}" width="${size + 2}" height="${step}" fill="none" stroke="${ACCENT}" stroke-width="2"></rect>
      <rect x="${start(selectedName)}" y="${marginTop - 2}" width="${step}" height="${size + 2}" fill="none" stroke="${ACCENT}" stroke-width="2"></rect>` : null}
  </g>`;
  // Draw under the tooltip layer (the last child) so tips stay on top.
  chart.insertBefore(overlay, chart.lastChild);
  chart.setAttribute("aria-label", "部门邻接矩阵");
  return chart;
}

/** Department page: its partners by shared rows, split by how they share them. */
export function partnerBars(partners, {width} = {}) {
  const kinds = [
    {key: "we_lead_rows", label: "本部门牵头、对方配合", color: ROLE_COLORS.lead},
    {key: "they_lead_rows", label: "对方牵头、本部门配合", color: ROLE_COLORS.coop},
    {key: "co_lead_rows", label: "共同牵头", color: "#6cc5b0"}
  ];
  const label = (p) => p.partner;
  const segments = partners.flatMap((p) => {
    let x = 0;
    return kinds.map((k) => ({p, kind: k.label, x1: x, x2: (x += p[k.key])})).filter((s) => s.x2 > s.x1);
  });
  const fit = fitNames(width, partners.map(label), {fontSize: 13, max: 400});
  const marginLeft = Math.max(74, fit.marginLeft);
  return Plot.plot({
    width: Math.max(fit.width, marginLeft + 160),
    height: 24 * partners.length + 60,
    marginLeft,
    marginTop: 30,
    marginRight: 40,
    style: {fontSize: "12px"},
    x: {label: null, grid: true, axis: "top", tickFormat: "d", ticks: Math.min(5, Math.max(1, ...partners.map((p) => p.weight)))},
    y: {label: null, domain: partners.map(label)},
    color: {domain: kinds.map((k) => k.label), range: kinds.map((k) => k.color), legend: true},
    marks: [
      Plot.axisY({...fit.axis, fontSize: 13, tickSize: 0, tickPadding: 8}),
      Plot.barX(segments, {x1: "x1", x2: "x2", y: (s) => label(s.p), fill: "kind", insetTop: 3, insetBottom: 3,
        href: (s) => `./${s.p.code}`}),
      Plot.text(partners, {x: "weight", y: label, text: (p) => `${p.weight}`, dx: 6, textAnchor: "start"}),
      Plot.tip(segments, Plot.pointerY({x: (s) => (s.x1 + s.x2) / 2, y: (s) => label(s.p),
        title: (s) => `${s.p.partner}\n${s.kind} ${s.x2 - s.x1} 行\n共同承担：${rowList(s.p.row_nos)}`})),
      Plot.ruleX([0])
    ]
  });
}
